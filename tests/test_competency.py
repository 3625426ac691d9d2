"""Competency questions 1, 7, 8, 9, 10 and 11 (shared/COMPETENCY.md), answered by the canned
SPARQL queries in kg/sparql/queries/ over the built graph, checked against the document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

QUERIES = ROOT / "kg" / "sparql" / "queries"
FACT_SHEET = ROOT / "sources" / "nih-ods-b12-factsheet"
FACT_SHEET_DOCUMENT = (FACT_SHEET / "document.txt").read_text(encoding="utf-8")
SOURCE = "https://w3id.org/nnkg/source/"


@pytest.fixture(scope="session")
def ask(union):
    def run(name: str) -> list[dict[str, str]]:
        result = union.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
        return [{k: str(v) for k, v in row.asdict().items()} for row in result]

    return run


def labels(rows, key="label", **where) -> set[str]:
    return {r[key] for r in rows if all(r.get(k) == v for k, v in where.items())}


def test_every_canned_query_names_its_question():
    for path in sorted(QUERIES.glob("competency-*.rq")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(f"# {path.stem}: "), path
        assert first.endswith("?")


def test_q01_what_b12_acts_on_directly(ask, seed_document):
    rows = ask("competency-01")
    assert labels(rows, "targetLabel") == {
        "myelin synthesis",
        "methylation",
        "homocysteine metabolism",
        "water-soluble vitamin",
    }
    assert labels(rows, "relation", targetLabel="water-soluble vitamin") == {"is a"}
    assert all(r["certainty"] == "asserted" for r in rows)
    # what the document says, in its words
    for words in ("synthesis of myelin", "methylation process", "metabolism of homocysteine",
                  "is a water-soluble vitamin"):  # fmt: skip
        assert words in seed_document


def test_q07_foods_groups_at_risk_and_remedies(ask, seed_document):
    rows = ask("competency-07")
    # animal-based foods and the four the article names; supplementation from the
    # closing advice ("dietary sources or supplementation"); fortified foods from the fact sheet
    assert labels(rows, role="supplies B12") == {
        "animal-based food", "meat", "fish", "dairy product", "egg", "dietary supplement",
        "fortified food",
    }  # fmt: skip
    assert labels(rows, role="does not supply B12") == {"plant-based food"}
    assert labels(rows, role="at risk of deficiency") == {"vegetarians", "vegans", "older adults"}
    assert labels(rows, role="remedy for deficiency") == {"fortified food", "dietary supplement"}
    assert {r["certainty"] for r in rows if r["role"] == "at risk of deficiency"} == {
        "hedged", "asserted",
    }  # fmt: skip
    for row in rows:
        assert row["quote"] in seed_document or row["quote"] in FACT_SHEET_DOCUMENT
    assert "plant-based foods generally do not provide adequate amounts" in seed_document


def test_q08_disorders_b12_protects_against_are_hedged(ask):
    rows = ask("competency-08")
    assert labels(rows) == {"Alzheimer disease", "multiple sclerosis"}
    assert {r["certainty"] for r in rows} == {"hedged"}
    assert all(r["quote"].startswith("Studies have suggested") for r in rows)


def test_q09_hedged_claims_and_their_source(ask, seed_claims, seed_document):
    rows = ask("competency-09")
    sheet_claims = yaml.safe_load((FACT_SHEET / "claims.yaml").read_text(encoding="utf-8"))
    hedged_in_yaml = [c for c in seed_claims + sheet_claims if c["certainty"] == "hedged"]
    assert len(rows) == len(hedged_in_yaml) > 10
    hedge = re.compile(r"\b(may|can|suggested|likely|linked to|associated with)\b", re.I)
    sources = {
        f"{SOURCE}b12-electrical-nerve-balance": (
            "The Role of Vitamin B12 in Electrical Nerve Balance", seed_document),
        f"{SOURCE}nih-ods-b12-factsheet": (
            "Vitamin B12: a fact-sheet summary", FACT_SHEET_DOCUMENT),
    }  # fmt: skip
    for row in rows:
        title, document = sources[row["source"]]
        assert row["title"] == title
        assert document[int(row["start"]) : int(row["end"])] == row["quote"]
        assert hedge.search(row["quote"]), row["quote"]


def test_q10_every_edge_has_its_sentence_offsets_and_reliability(ask, union, seed_document):
    from rdflib.namespace import RDF

    from kg.base.vocab import NNKG

    rows = ask("competency-10")
    assert rows
    documents = {
        f"{SOURCE}b12-electrical-nerve-balance": (seed_document, "popular article", "1"),
        f"{SOURCE}nih-ods-b12-factsheet": (FACT_SHEET_DOCUMENT, "fact sheet", "2"),
    }
    for row in rows:
        document, kind, rank = documents[row["source"]]
        assert document[int(row["start"]) : int(row["end"])] == row["quote"]
        assert row["kind"] == kind and row["rank"] == rank
    # every direct edge between entities is answered
    relations = set(union.subjects(RDF.type, NNKG.Relation)) | set(
        union.subjects(RDF.type, NNKG.StructuralRelation)
    )
    edges = {(s, p, o) for p in relations for s, o in union.subject_objects(p)}
    labelled = {(r["subjectLabel"], r["relation"], r["objectLabel"]) for r in rows}
    assert len(labelled) == len(edges)


def test_q11_entities_without_standard_ids(ask):
    rows = ask("competency-11")
    catalogue = yaml.safe_load((ROOT / "ontology" / "entities.yaml").read_text(encoding="utf-8"))
    catalogue += yaml.safe_load((FACT_SHEET / "entities.yaml").read_text(encoding="utf-8"))
    expected = {e["label"] for e in catalogue if not e.get("xrefs")}
    assert labels(rows) == expected == {
        "fortified food", "nerve damage", "electrical balance of the nervous system",
        "nerve health", "neural communication", "neurotransmitter synthesis", "older adults",
        "people with normal vitamin B12 levels",
    }  # fmt: skip


def test_queries_are_packaged_with_the_library():
    import kg

    assert (Path(kg.__file__).parent / "sparql" / "queries" / "competency-01.rq").is_file()
