"""`nnkg import kgx|indra`: another graph's claims as an ordinary source folder that validate
and build take; nnkg's own KGX export reads back to the same claims; entities merged by
CURIE only; each bad row one line, the rest imported; exit 1 only when nothing is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
INDRA = ROOT / "tests" / "data" / "indra-statements.json"
KEYS = ("subject", "predicate", "object", "quote", "certainty", "negated", "population",
        "exposure", "qualifier_text")  # fmt: skip

_HM = "homocysteine metabolism"
EDGES = (
    "subject\tpredicate\tobject\tnegated\tsupporting_text\tcertainty\n"
    f"CHEBI:176843\tbiolink:affects\tGO:0050667\tfalse\tCobalamin shapes {_HM}.\thedged\n"
    "CHEBI:176843\tbiolink:affects\tGO:0050667\tfalse\t\tasserted\n"
    f"CHEBI:176843\tbiolink:interacts_with\tGO:0050667\tfalse\tCobalamin meets {_HM}.\t\n"
    f"CHEBI:176843\tbiolink:affects\tGO:0050667\tmaybe\tCobalamin shapes {_HM}.\t\n"
    f"NCBIGene:4524\tbiolink:affects\tGO:0050667\tfalse\tMTHFR shapes {_HM}.\t\n"
)
NODES = (
    "id\tcategory\tname\txref\tsynonym\n"
    "CHEBI:176843\tbiolink:ChemicalEntity\tcobalamin\t\t\n"
    f"GO:0050667\tbiolink:BiologicalProcess\thomocysteine metabolic process\t\t{_HM}\n"
    "NCBIGene:4524\tbiolink:Gene\tMTHFR\t\t\n"
)


def _claims(folder: Path) -> list[dict]:
    return yaml.safe_load((folder / "claims.yaml").read_text(encoding="utf-8")) or []


def _key(claim: dict) -> tuple:
    return tuple(claim.get(k) for k in KEYS)


def _import(runner, tmp_path, *args):
    return runner.invoke(cli, ["import", *map(str, args), "--out", str(tmp_path / "mine")])


def test_the_kgx_export_round_trips_to_the_same_claims(runner, tmp_path, built):
    out = tmp_path / "kgx"
    assert runner.invoke(cli, ["export", "--format", "kgx", "-o", str(out),
                               "--build", str(built)]).exit_code == 0  # fmt: skip
    # the files are told apart by their headers, not by their order or names
    result = _import(runner, tmp_path, "kgx", out / "edges.tsv", out / "nodes.tsv", "--id", "rt")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "mine" / "rt"
    assert result.stdout.strip() == str(folder)
    packaged = [c for p in sorted((ROOT / "sources").glob("*/claims.yaml"))
                for c in yaml.safe_load(p.read_text(encoding="utf-8"))]  # fmt: skip
    imported = _claims(folder)
    assert sorted(map(_key, imported)) == sorted(map(_key, packaged))
    assert not yaml.safe_load((folder / "entities.yaml").read_text())  # all merged
    document = (folder / "document.txt").read_text(encoding="utf-8")
    for claim in imported:
        assert document[claim["start"] : claim["end"]] == claim["quote"]
        assert claim["subject_text"] in claim["quote"] and claim["object_text"] in claim["quote"]
    check = runner.invoke(cli, ["validate", "--sources", str(tmp_path / "mine")])
    assert check.exit_code == 0, check.output


def test_kgx_bad_rows_are_one_line_each_and_the_rest_imported(runner, tmp_path):
    (tmp_path / "e.tsv").write_text(EDGES, encoding="utf-8")
    (tmp_path / "n.tsv").write_text(NODES, encoding="utf-8")
    result = _import(runner, tmp_path, "kgx", tmp_path / "n.tsv", tmp_path / "e.tsv")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert lines == [
        "warning: e.tsv:3: supporting_text: no supporting_text: nnkg keeps only quoted claims",
        "warning: e.tsv:4: predicate: 'biolink:interacts_with' (original_predicate '') names "
        "no one nnkg relation",
        "warning: e.tsv:5: negated: 'maybe' is not true or false",
        "warning: e.tsv:6: subject: 'MTHFR' has no CURIE nnkg knows (given: NCBIGene:4524); "
        "it is never merged by label",
    ]
    assert "imported 1 claim(s) and 0 new entities from 5 row(s)" in result.stderr
    assert "4 row(s) left out" in result.stderr
    (claim,) = _claims(tmp_path / "mine" / "kgx-n")
    assert (claim["subject"], claim["predicate"], claim["object"]) == (
        "vitamin-b12", "affects", "homocysteine-metabolism")  # fmt: skip
    assert (claim["subject_text"], claim["certainty"]) == ("Cobalamin", "hedged")


def test_nothing_importable_is_exit_1_and_writes_nothing(runner, tmp_path):
    (tmp_path / "e.tsv").write_text(EDGES.splitlines()[0] + "\n" + EDGES.splitlines()[2] + "\n")
    result = _import(runner, tmp_path, "kgx", tmp_path / "e.tsv")
    assert result.exit_code == 1
    assert "nothing imported: 0 of 1 row(s) became a claim" in result.stderr
    assert not (tmp_path / "mine").exists() or not any((tmp_path / "mine").iterdir())
    (tmp_path / "x.tsv").write_text("a\tb\n1\t2\n")
    result = _import(runner, tmp_path, "kgx", tmp_path / "x.tsv")
    assert result.exit_code == 1 and "neither a KGX nodes file" in result.stderr
    (tmp_path / "bad.json").write_text("[{")
    result = _import(runner, tmp_path, "indra", tmp_path / "bad.json")
    assert result.exit_code == 1 and "not JSON" in result.stderr
    assert runner.invoke(cli, ["import", "rdf", str(INDRA)]).exit_code == 2


def test_indra_statements_become_claims_with_genes_and_epistemics(runner, tmp_path):
    result = _import(runner, tmp_path, "indra", INDRA, "--id", "indra-demo")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "mine" / "indra-demo"
    claims = {(c["subject"], c["predicate"], c["object"]): c for c in _claims(folder)}
    assert set(claims) == {
        ("vitamin-b12", "promotes", "myelin"),  # merged by CHEBI:176843 and GO:0043209
        ("mthfr", "reduces", "homocysteine-metabolism"),
        ("mthfr", "promotes", "myelin"),
        ("vitamin-b12-deficiency", "linkedTo", "dementia"),  # MESH:D014806, MONDO:0001627
    }
    assert claims["mthfr", "reduces", "homocysteine-metabolism"]["certainty"] == "hedged"
    assert claims["mthfr", "promotes", "myelin"]["negated"] is True
    assert claims["vitamin-b12", "promotes", "myelin"]["subject_text"] == "Cobalamin"
    (gene,) = yaml.safe_load((folder / "entities.yaml").read_text())
    assert (gene["id"], gene["type"]) == ("mthfr", "GeneOrProtein")
    assert [x["curie"] for x in gene["xrefs"]] == ["HGNC:7436", "UniProtKB:P42898"]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4 and "4 row(s) left out" in result.stderr
    assert any("[5]: type: 'Phosphorylation' has no nnkg relation" in w for w in warnings)
    assert any("[6].evidence[1]: text: no evidence text" in w for w in warnings)
    assert any("linkedTo needs a Condition as object" in w for w in warnings)
    assert any("'B12 family' has no CURIE nnkg knows (given: FPLX:Cobalamins)" in w
               for w in warnings)  # fmt: skip
    again = _import(runner, tmp_path, "indra", INDRA, "--id", "indra-demo")
    assert again.exit_code == 1 and "exists already" in again.stderr


def test_an_imported_source_builds_and_answers_path_and_show(runner, tmp_path):
    assert _import(runner, tmp_path, "indra", INDRA, "--id", "indra-demo").exit_code == 0
    build = tmp_path / "build"
    done = runner.invoke(cli, ["build", "--out", str(build), "--sources", str(tmp_path / "mine")])
    assert done.exit_code == 0, done.output
    show = runner.invoke(cli, ["show", "mthfr", "--build", str(build)])
    assert show.exit_code == 0, show.output
    assert "HGNC:7436" in show.stdout and "MTHFR did not activate myelin formation." in show.stdout
    path = runner.invoke(cli, ["path", "vitamin-b12", "myelin", "--build", str(build)])
    assert path.exit_code == 0, path.output
    assert "Cobalamin increases the amount of myelin in peripheral nerves." in path.stdout
    # the imported claim and the seed's say the same thing: each answer counts both sources
    assert "vitamin B12 --[promotes +]--> myelin  (asserted, 2 sources)" in path.stdout
    b12 = runner.invoke(cli, ["show", "vitamin-b12", "--build", str(build)]).stdout
    assert "  vitamin B12 --[promotes +]--> myelin  (2 sources)" in b12.splitlines()
    stats = runner.invoke(cli, ["stats", "--format", "json", "--build", str(build)])
    shared = {m["statement"]: m["sources"] for m in json.loads(stats.stdout)["most_supported"]}
    assert shared["vitamin B12 promotes myelin"] == ["b12-electrical-nerve-balance", "indra-demo"]


@pytest.mark.parametrize("fmt", ["kgx", "indra"])
def test_the_command_line_and_the_library_list_the_same_formats(fmt):
    from kg.cli.interop import FORMATS as CLI
    from kg.interop.importer import FORMATS

    assert fmt in CLI and CLI == FORMATS


def test_the_import_tables_name_biolink_terms_of_the_pinned_model():
    pytest.importorskip("linkml_runtime")
    from kg.interop.biolink import schema
    from kg.interop.kgximport import BIOLINK_CATEGORIES, BIOLINK_RELATIONS

    biolink = schema()
    for predicate in BIOLINK_RELATIONS:
        assert predicate.removeprefix("biolink:") in biolink.predicates, predicate
    for category in BIOLINK_CATEGORIES:
        assert category.removeprefix("biolink:") in biolink.classes, category
    listed = {p for c in ("Gene", "Protein") for p in biolink.classes[c].id_prefixes}
    assert {"HGNC", "UniProtKB"} <= listed  # the gene class's CURIE prefixes
