"""The curated seed: the document byte for byte, every quote verbatim, hedges marked,
nothing from the product plug, and only checked identifiers."""

from __future__ import annotations

import csv
import hashlib
import re

import yaml
from conftest import ROOT, SEED_DIR, SHARED_SEED

SEED_SHA256 = "f14d1ccfd4b80a2897685fd064fbf514911ea46b1a64722ac039f727624c3fd5"
PLUG = "For more information on maintaining nerve health, you can visit Nerve Soothe."
HEDGES = re.compile(r"\b(may|might|can|could|suggest\w*|likely|linked to|associated with)\b", re.I)


def test_document_is_the_seed_byte_for_byte():
    data = (SEED_DIR / "document.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    if SHARED_SEED.exists():  # beside a checkout and in CI
        assert data == SHARED_SEED.read_bytes()
    meta = yaml.safe_load((SEED_DIR / "source.yaml").read_text())
    assert meta["sha256"] == SEED_SHA256 and meta["kind"] == "PopularArticle"


def test_every_quote_is_the_document_slice(seed_claims, seed_document):
    for claim in seed_claims:
        assert seed_document[claim["start"] : claim["end"]] == claim["quote"], claim
        assert claim["subject_text"] in claim["quote"], claim
        assert claim["object_text"] in claim["quote"], claim


def test_about_forty_claims_or_more_one_relation_each(seed_claims):
    assert len(seed_claims) >= 40
    keys = {(c["subject"], c["predicate"], c["object"], c["start"], c["end"]) for c in seed_claims}
    assert len(keys) == len(seed_claims)


def test_nothing_from_the_product_plug(seed_claims, seed_document):
    plug_start = seed_document.index(PLUG)
    assert all(c["end"] <= plug_start for c in seed_claims)


def test_hedged_wherever_the_text_hedges(seed_claims):
    for claim in seed_claims:
        if HEDGES.search(claim["quote"]) and claim["certainty"] == "asserted":
            assert claim.get("certainty_note"), claim
    hedged = {(c["subject"], c["object"]) for c in seed_claims if c["certainty"] == "hedged"}
    assert ("vitamin-b12", "alzheimers-disease") in hedged
    assert ("vitamin-b12", "multiple-sclerosis") in hedged
    assert ("elevated-homocysteine", "nerve-damage") in hedged


def test_plant_based_foods_are_denied_not_dropped(seed_claims):
    denied = [c for c in seed_claims if c["negated"]]
    assert [(c["subject"], c["predicate"], c["object"]) for c in denied] == [
        ("plant-based-food", "sourceOf", "vitamin-b12")
    ]
    assert "do not provide" in denied[0]["quote"]


def _reference_ids() -> dict[str, dict]:
    path = ROOT.parent / "shared" / "reference" / "ontology-ids.tsv"
    with path.open(encoding="utf-8") as f:
        return {row["curie"]: row for row in csv.DictReader(f, delimiter="\t")}


def test_identifiers_are_checked_and_never_obsolete():
    entities = yaml.safe_load((ROOT / "ontology" / "entities.yaml").read_text(encoding="utf-8"))
    reference = _reference_ids() if (ROOT.parent / "shared").exists() else {}
    obsolete = {"GO:0006306", "GO:0042136", "RO:0001019"}
    for entity in entities:
        for xref in entity.get("xrefs", []):
            assert xref["curie"] not in obsolete
            assert xref["seen_in"].strip()
            row = reference.get(xref["curie"])
            if row and xref["match"] == "exact":
                # "likely" identifiers may only be close matches (shared/reference/README.md)
                assert row["confidence"].startswith("verified"), xref
    # HP:0100502 is a phenotype (low circulating B12), not the disease itself
    b12_def = next(e for e in entities if e["id"] == "vitamin-b12-deficiency")
    assert {"curie": "HP:0100502", "match": "close"}.items() <= next(
        x for x in b12_def["xrefs"] if x["curie"] == "HP:0100502"
    ).items()


def test_ontology_uses_no_deprecated_predicate():
    text = (ROOT / "ontology" / "nnkg.ttl").read_text(encoding="utf-8")
    assert "increases_amount_or_activity_of" not in text
    assert "RO_0001019" not in text
