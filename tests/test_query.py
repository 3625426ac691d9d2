"""nnkg query: canned queries by name or file, every output format, refusals and errors
in one line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

from kg.cli import cli

ISA = "SELECT ?o WHERE { ent:vitamin-b12 nnkg:isA ?o }"
WSV = "https://w3id.org/nnkg/entity/water-soluble-vitamin"
TRICKY = 'SELECT ?x WHERE { VALUES ?x { "say \\"hi\\"\\n\\tnow, <&>"@en } }'
TRICKY_VALUE = 'say "hi"\n\tnow, <&>'
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture
def query(runner, built):
    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["query", *args, "--build", str(built)], input=input)

    return invoke


def one_line_error(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


def test_canned_query_by_name_prints_an_aligned_table(query):
    result = query("competency-04")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "regulatorLabel  targetLabel     certainty  claims",
        "--------------  --------------  ---------  ------",
        "dopamine        cognition       asserted   1",
        "dopamine        mood            asserted   1",
        "dopamine        nerve function  asserted   1",
        "serotonin       cognition       asserted   1",
        "serotonin       mood            asserted   1",
        "serotonin       nerve function  asserted   1",
    ]
    assert result.stderr == "6 row(s)\n"


def test_text_file_path_and_stdin_give_the_same_answer(query, tmp_path):
    path = tmp_path / "isa.rq"
    path.write_text(ISA, encoding="utf-8")
    answers = {
        query(ISA).stdout,
        query(str(path)).stdout,
        query("-f", str(path)).stdout,
        query("-f", "-", input=ISA).stdout,
    }
    assert answers == {"o\n-------------------------\nent:water-soluble-vitamin\n"}


def test_select_as_sparql_json(query):
    result = query(ISA, "--format", "json")
    assert json.loads(result.stdout) == {
        "head": {"vars": ["o"]},
        "results": {"bindings": [{"o": {"type": "uri", "value": WSV}}]},
    }


def test_select_as_csv_tsv_and_xml(query):
    assert query(ISA, "--format", "csv").stdout_bytes == f"o\r\n{WSV}\r\n".encode()
    assert query(ISA, "--format", "tsv").stdout == f"?o\n<{WSV}>\n"
    root = ET.fromstring(query(ISA, "--format", "xml").stdout_bytes)
    assert [v.get("name") for v in root.iter(f"{RESULTS_NS}variable")] == ["o"]
    assert [u.text for u in root.iter(f"{RESULTS_NS}uri")] == [WSV]


def test_literals_keep_language_datatype_and_awkward_characters(query):
    data = json.loads(query(TRICKY, "--format", "json").stdout)
    assert data["results"]["bindings"] == [
        {"x": {"type": "literal", "value": TRICKY_VALUE, "xml:lang": "en"}}
    ]
    rows = list(csv.reader(io.StringIO(query(TRICKY, "--format", "csv").stdout_bytes.decode())))
    assert rows == [["x"], [TRICKY_VALUE]]
    assert query(TRICKY, "--format", "tsv").stdout == '?x\n"say \\"hi\\"\\n\\tnow, <&>"@en\n'
    root = ET.fromstring(query(TRICKY, "--format", "xml").stdout_bytes)
    literal = next(root.iter(f"{RESULTS_NS}literal"))
    assert literal.text == TRICKY_VALUE
    assert literal.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    count = json.loads(
        query("SELECT (COUNT(*) AS ?n) { ?s a nnkg:Claim }", "--format", "json").stdout
    )["results"]["bindings"][0]["n"]
    assert count["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_ask_in_a_table_and_as_json(query):
    assert query("ASK { ent:vitamin-b12 nnkg:isA ?o }").stdout == "true\n"
    assert query("ASK { ent:myelin nnkg:isA ?o }").stdout == "false\n"
    answer = json.loads(query("ASK { ?s ?p ?o }", "--format", "json").stdout)
    assert answer == {"head": {}, "boolean": True}


def test_construct_and_describe_print_turtle(query, union):
    from rdflib import Graph

    from kg.base.vocab import ENT, NNKG_NS

    result = query("CONSTRUCT WHERE { ent:vitamin-b12 nnkg:prevents ?o }")
    assert result.exit_code == 0 and result.stdout.startswith("@prefix ent: ")
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert set(graph) == set(union.triples((ENT["vitamin-b12"], NNKG_NS.prevents, None)))
    described = query("DESCRIBE ent:myelin")
    assert described.exit_code == 0
    assert (ENT.myelin, None, None) in Graph().parse(data=described.stdout, format="turtle")


def test_graph_narrows_to_one_source(query, dataset, union):
    from kg.base.vocab import SRC

    def count(text: str) -> int:
        return int(
            json.loads(query(text, "--format", "json").stdout)["results"]["bindings"][0]["n"][
                "value"
            ]
        )

    narrowed = "SELECT (COUNT(*) AS ?n) { GRAPH src:nih-ods-b12-factsheet { ?s ?p ?o } }"
    assert count(narrowed) == len(dataset.graph(SRC["nih-ods-b12-factsheet"]))
    assert count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") == len(union)


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_rows_are_sorted_where_no_order_by_is_given(runner, built, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the Oxigraph store is cached under ./.nnkg-cache
    args = [
        "query",
        "SELECT ?o { ent:vitamin-b12 ?p ?o FILTER(isIRI(?o)) }",
        "--format",
        "csv",
        "--store",
        store,
    ]
    result = runner.invoke(cli, [*args, "--build", str(built)])
    values = result.stdout.splitlines()[1:]
    assert values == sorted(values) and len(values) > 10


def test_oxigraph_store_through_the_cli(runner, built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    local = runner.invoke(cli, ["query", "competency-12", "--build", str(built)])
    on_disk = runner.invoke(
        cli, ["query", "competency-12", "--store", "oxigraph", "--build", str(built)]
    )
    assert on_disk.exit_code == 0, on_disk.output
    assert on_disk.stdout == local.stdout
    assert len(list((tmp_path / ".nnkg-cache" / "oxigraph").iterdir())) == 1


def test_list_shows_every_canned_query_with_its_description(runner):
    result = runner.invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    names = sorted(p.stem for p in (ROOT / "kg" / "sparql" / "queries").glob("*.rq"))
    assert [line.split()[0] for line in lines[::2]] == names
    assert len(names) == 12 and len(lines) == 24
    assert (
        lines[8]
        == "competency-05  What does vitamin B12 deficiency lead to, and through which mechanism?"
    )
    assert lines[9].startswith(" " * 15 + "What the deficiency is said to lead to")
    listing = json.loads(runner.invoke(cli, ["query", "--list", "--format", "json"]).stdout)
    assert listing["head"]["vars"] == ["name", "question", "description"]
    assert all(b["description"]["value"] for b in listing["results"]["bindings"])


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_syntax_error_is_one_line_with_its_position(runner, built, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["query", "SELECT ?x WHERE {\n  ?x ?y\n}", "--store", store, "--build", str(built)]
    error = one_line_error(runner.invoke(cli, args))
    assert error.startswith("error: SPARQL syntax error at line ") and ", column " in error


@pytest.mark.parametrize(
    "text, message",
    [
        ("INSERT DATA { ent:a ent:b ent:c }", "INSERT is a SPARQL update and updates are refused"),
        ("LOAD <http://example.org/data.ttl>", "LOAD is a SPARQL update and updates are refused"),
        ("DROP ALL", "DROP is a SPARQL update and updates are refused"),
        ("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is refused"),
        ("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", "FROM is refused"),
    ],
)
def test_updates_service_and_from_are_refused(query, text, message):
    assert one_line_error(query(text)).startswith(f"error: {message}")


def test_unknown_name_and_missing_file(query):
    assert one_line_error(query("competency-5")).startswith(
        "error: unknown canned query 'competency-5'; did you mean: competency-05, "
    )
    assert "nope.rq" in one_line_error(query("nope.rq"))


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["competency-01", "-f", "-"],
        ["--list", "competency-01"],
        ["competency-01", "--store", "disk"],
        ["competency-01", "--endpoint", "http://127.0.0.1:9/query", "--store", "memory"],
        ["competency-01", "--user", "bob"],
    ],
)
def test_misuse_exits_2(query, args):
    assert query(*args).exit_code == 2


def test_cli_stays_light():
    heavy = ("rdflib", "pyoxigraph", "starlette", "uvicorn", "httpx", "SPARQLWrapper")
    code = f"import sys, kg.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["query", "serve", "push"])
def test_every_sparql_command_has_an_example(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout and f"nnkg {name}" in result.stdout


def test_format_and_store_choices_are_the_librarys():
    """The options spell the writers and stores out (importing them would slow ``--help``):
    they must stay the library's own."""
    from kg.cli.sparql import query
    from kg.sparql.engines import STORES
    from kg.sparql.results import TABLE_FORMATS

    choices = {p.name: tuple(p.type.choices) for p in query.params if hasattr(p.type, "choices")}
    assert choices == {"fmt": TABLE_FORMATS, "store": STORES}
