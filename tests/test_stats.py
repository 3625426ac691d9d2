"""nnkg stats: counts that agree with the curated YAML."""

from __future__ import annotations

import json
from collections import Counter

import yaml
from conftest import ROOT

from kg.cli import cli


def test_stats_json_agrees_with_the_yaml(runner, built, seed_claims, union):
    result = runner.invoke(cli, ["stats", "--format", "json", "--build", str(built)])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    fact_sheet = ROOT / "sources" / "nih-ods-b12-factsheet"
    sheet_claims = yaml.safe_load((fact_sheet / "claims.yaml").read_text(encoding="utf-8"))
    claims = seed_claims + sheet_claims
    catalogue = yaml.safe_load((ROOT / "ontology" / "entities.yaml").read_text(encoding="utf-8"))
    catalogue += yaml.safe_load((fact_sheet / "entities.yaml").read_text(encoding="utf-8"))
    certainty = Counter(c["certainty"].capitalize() for c in claims)
    assert stats["triples"] == len(union)
    assert stats["named_graphs"] == 4
    assert stats["claims"] == len(claims)
    assert stats["by_certainty"] == dict(certainty)
    assert stats["negated"] == sum(c["negated"] for c in claims)
    assert stats["by_predicate"] == dict(sorted(Counter(c["predicate"] for c in claims).items()))
    assert stats["by_source"] == {
        "b12-electrical-nerve-balance": {"kind": "PopularArticle", "claims": len(seed_claims)},
        "nih-ods-b12-factsheet": {"kind": "FactSheet", "claims": len(sheet_claims)},
    }
    assert stats["entities"] == len(catalogue)
    assert stats["by_class"] == dict(sorted(Counter(e["type"] for e in catalogue).items()))
    assert stats["without_standard_id"] == {
        e["id"]: e["label"] for e in sorted(catalogue, key=lambda e: e["id"]) if not e.get("xrefs")
    }


def test_stats_text_for_people(runner, built):
    result = runner.invoke(cli, ["stats", "--build", str(built)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["triples", "2020"]
    assert lines[3] == "claims        102 (Asserted 72, Hedged 30; negated 7)"
    assert lines[4] == "entities      53 (45 with a standard ID, 8 without)"
    assert "  b12-electrical-nerve-balance  PopularArticle  72" in lines
    assert "  nih-ods-b12-factsheet         FactSheet       30" in lines
    assert "entities with no standard ID" in lines
    assert "  fortified-food                 fortified food" in lines
