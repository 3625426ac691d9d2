"""nnkg export --format kgx: KGX TSV with one edge per claim, checked offline against the
pinned Biolink model, written as one folder."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.base.vocab import CURIE_PREFIXES
from kg.cli import cli
from kg.interop import kgx, mapping

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
NNKG = "https://w3id.org/nnkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def export(runner, out: Path, *extra: str):
    return runner.invoke(
        cli, ["export", "--format", "kgx", "-o", str(out), "--build", str(BUILD), *extra]
    )


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream, delimiter="\t")
        return list(reader.fieldnames or ()), list(reader)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("kgx") / "kgx"
    result = export(CliRunner(), out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def rdf_claims() -> dict[str, dict[str, str]]:
    """Every claim of build/nnkg.trig, read by pyoxigraph: claim IRI -> predicate -> value."""
    claims: dict[str, dict[str, str]] = {}
    store = ox.Store()
    store.load(path=str(BUILD / "nnkg.trig"), format=ox.RdfFormat.TRIG)
    typed = ox.NamedNode(RDF + "type")
    for quad in store.quads_for_pattern(None, typed, ox.NamedNode(NNKG + "Claim"), None):
        about = claims.setdefault(quad.subject.value, {})
        for fact in store.quads_for_pattern(quad.subject, None, None, None):
            about[fact.predicate.value] = fact.object.value
    return claims


def test_the_files_and_their_columns(exported):
    assert sorted(os.listdir(exported)) == sorted(kgx.FILES)
    node_columns, nodes = read_tsv(exported / "nodes.tsv")
    edge_columns, edges = read_tsv(exported / "edges.tsv")
    assert tuple(node_columns) == kgx.NODE_COLUMNS
    assert tuple(edge_columns) == kgx.EDGE_COLUMNS
    metadata = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["biolink_version"] == mapping.BIOLINK_VERSION
    assert metadata["nnkg_version"] == "0.1.0"
    assert metadata["counts"]["nodes"] == len(nodes)
    assert metadata["counts"]["edges"] == len(edges)
    assert len({n["id"] for n in nodes}) == len(nodes)


def test_one_edge_row_per_claim_as_the_rdf_says(exported, rdf_claims):
    _, nodes = read_tsv(exported / "nodes.tsv")
    _, edges = read_tsv(exported / "edges.tsv")
    entity = {n["id"]: n["iri"] for n in nodes}
    assert sorted(e["id"] for e in edges) == sorted(rdf_claims)
    for edge in edges:
        claim = rdf_claims[edge["id"]]
        assert edge["supporting_text"] == claim[NNKG + "quote"]
        assert edge["negated"] == claim[NNKG + "negated"]
        assert edge["certainty"] == claim[NNKG + "certainty"].rsplit("#", 1)[1].lower()
        assert entity[edge["subject"]] == claim[RDF + "subject"]
        assert entity[edge["object"]] == claim[RDF + "object"]
        assert edge["original_predicate"] == "nnkg:" + claim[RDF + "predicate"].split("#")[1]
        start, end = claim[NNKG + "start"], claim[NNKG + "end"]
        assert edge["supporting_text_location_in_document"] == f"{start}|{end}"
        for side, text in (("subject", "subjectText"), ("object", "objectText")):
            at, to = map(int, edge[f"{side}_location_in_text"].split("|"))
            assert edge["supporting_text"][at:to] == claim[NNKG + text]
        assert edge["primary_knowledge_source"] == claim["http://www.w3.org/ns/prov#wasDerivedFrom"]
    negated = sum(c[NNKG + "negated"] == "true" for c in rdf_claims.values())
    assert sum(e["negated"] == "true" for e in edges) == negated > 0
    qualified = [e for e in edges if e["population_context_qualifier"]]
    assert qualified and all(e["population_context_qualifier"] in entity for e in qualified)


def test_node_ids_prefer_exact_matches_of_listed_prefixes(exported):
    _, nodes = read_tsv(exported / "nodes.tsv")
    by_iri = {n["iri"]: n for n in nodes}
    b12 = by_iri["https://w3id.org/nnkg/entity/vitamin-b12"]
    assert b12["id"] == "CHEBI:176843"  # its exact match; the close ones stay xrefs
    assert b12["xref"] == "CHEBI:30411|MESH:D014805"
    assert b12["category"] == "biolink:ChemicalEntity"
    assert "|" in b12["synonym"]
    vegans = [n for n in nodes if n["category"] == "biolink:PopulationOfIndividualOrganisms"]
    assert vegans and all(n["id"].startswith("ent:") for n in vegans)


def test_the_same_graph_gives_the_same_bytes(runner, exported, tmp_path):
    again = tmp_path / "again"
    assert export(runner, again).exit_code == 0
    assert export(runner, again).exit_code == 0  # replacing a previous export
    for name in kgx.FILES:
        assert (again / name).read_bytes() == (exported / name).read_bytes(), name
    assert sorted(os.listdir(tmp_path)) == ["again"]  # no temp folder left


def test_biolink_check_passes_and_lists_its_warnings(runner, tmp_path):
    result = export(runner, tmp_path / "kgx", "--check")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    summary = [line for line in result.stderr.splitlines() if "check passed" in line]
    nodes, edges = (len(read_tsv(tmp_path / "kgx" / f"{n}.tsv")[1]) for n in ("nodes", "edges"))
    assert summary == [
        f"Biolink {mapping.BIOLINK_VERSION} check passed: {nodes} nodes, {edges} edges, "
        f"{len(warnings)} warning(s)"
    ]
    text = "\n".join(warnings)
    assert "prefix ent is not among Biolink's id_prefixes for " in text
    assert "biolink:PopulationOfIndividualOrganisms" in text
    assert "not an infores id" in text
    for column in mapping.EXTENSION_COLUMNS:
        assert f"column {column}: not a Biolink slot" in text


def test_the_check_refuses_what_biolink_does_not_define(exported, tmp_path):
    from kg.interop.biolink import check_kgx

    assert check_kgx(exported).errors == []
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in kgx.FILES:
        data = (exported / name).read_text(encoding="utf-8")
        data = data.replace("biolink:contributes_to", "biolink:helps_with")
        data = data.replace("biolink:Food\t", "biolink:Snack\t")
        (broken / name).write_text(data, encoding="utf-8")
    errors = "\n".join(check_kgx(broken).errors)
    assert "predicate 'biolink:helps_with' is not a Biolink predicate" in errors
    assert "category biolink:Snack is not a Biolink class" in errors


def test_misuse_without_a_folder(runner):
    result = runner.invoke(cli, ["export", "--format", "kgx", "--build", str(BUILD)])
    assert result.exit_code == 2
    assert "give -o DIR" in result.stderr
    result = runner.invoke(cli, ["export", "--format", "ttl", "--check", "--build", str(BUILD)])
    assert result.exit_code == 2


def test_a_failed_write_leaves_the_previous_export(runner, exported, tmp_path, monkeypatch):
    out = tmp_path / "kgx"
    assert export(runner, out).exit_code == 0
    before = {name: (out / name).read_bytes() for name in kgx.FILES}

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.interop.folder.os.fsync", full)
    result = export(runner, out)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "No space left" in result.stderr
    monkeypatch.undo()
    monkeypatch.setattr(kgx, "KNOWLEDGE_LEVEL", "a guess")  # the check fails: nothing replaced
    result = export(runner, out, "--check")
    assert result.exit_code == 1
    assert "knowledge_level 'a guess' is not in KnowledgeLevelEnum" in result.stderr
    assert "Traceback" not in result.output
    assert {name: (out / name).read_bytes() for name in kgx.FILES} == before
    assert sorted(os.listdir(tmp_path)) == ["kgx"]


def test_a_folder_of_other_files_is_never_replaced(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = export(runner, tmp_path)
    assert result.exit_code == 1
    assert "holds files that are not part of this export (notes.txt)" in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["notes.txt"]


def test_tsv_values_come_back_whole():
    rows = [{"id": "a", "name": 'tab\there, "quoted"\nand a new line'}]
    data = kgx._tsv(("id", "name"), rows).decode()
    parsed = list(csv.DictReader(data.splitlines(keepends=True), delimiter="\t"))
    assert parsed == rows
    with pytest.raises(kgx.KgxError, match="list separator"):
        kgx._text("either | or", "claim x", "supporting_text")


def test_the_tables_agree_with_the_pinned_biolink_model():
    from kg.interop.biolink import schema

    biolink = schema()
    assert biolink.version == mapping.BIOLINK_VERSION
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = extras["optional-dependencies"]
    assert f"biolink-model=={mapping.BIOLINK_VERSION}" in pins["kgx"]
    assert set(pins["kgx"]) <= set(pins["dev"])
    for category, prefixes in mapping.PREFIX_PREFERENCE.items():
        listed = dict.fromkeys(biolink.classes[category.removeprefix("biolink:")].id_prefixes)
        assert [p for p in listed if p in CURIE_PREFIXES] == list(prefixes), category
    for predicate in mapping.PREDICATE_FALLBACK.values():
        assert predicate.removeprefix("biolink:") in biolink.predicates, predicate
    assert mapping.KNOWLEDGE_LEVEL in biolink.enums["KnowledgeLevelEnum"]
    assert mapping.AGENT_TYPE in biolink.enums["AgentTypeEnum"]
    assert not set(mapping.EXTENSION_COLUMNS) & biolink.slots
    assert (set(kgx.EDGE_COLUMNS) | set(kgx.NODE_COLUMNS)) - biolink.slots == set(
        mapping.EXTENSION_COLUMNS
    )


def test_the_export_and_the_cli_do_not_load_biolink():
    code = (
        "import sys, kg.cli, kg.interop.kgx; "
        "print(sorted(m for m in ('linkml_runtime', 'biolink_model') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_documented_predicate_table_is_the_export_s(quads):
    """docs/data-model.md's KGX table names every relation of the ontology, with the
    Biolink predicate the export writes for it."""
    import re

    from kg.rdf.quads import NNKG as NNKG_TERM
    from kg.rdf.quads import RDF_TYPE

    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    text = text[text.index("\n## KGX\n") :].split("\n## ", 2)[1]
    table = dict(re.findall(r"^\| `(\w+)` \| `(biolink:\w+)` \|", text, re.M))
    relations = {
        s
        for s, p, o in quads.triples
        if p == RDF_TYPE and o in (NNKG_TERM + "Relation>", NNKG_TERM + "StructuralRelation>")
    }
    assert {kgx._curie(r).split(":")[1] for r in relations} == set(table)
    for relation in relations:
        assert kgx._predicate(quads, relation) == table[kgx._curie(relation).split(":")[1]]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_a_folder_is_replaced_whole_either_way(tmp_path, monkeypatch, exchange):
    from kg.interop import folder

    if not exchange:
        monkeypatch.setattr(folder, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    folder.replace_folder(out, {"a.tsv": b"old", "b.tsv": b"old"})
    folder.replace_folder(out, {"a.tsv": b"new", "b.tsv": b"new"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"a.tsv": b"new", "b.tsv": b"new"}
    assert sorted(os.listdir(tmp_path)) == ["out"]
