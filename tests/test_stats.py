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
    label = {e["id"]: e["label"] for e in catalogue}
    said: dict[str, set[str]] = {}
    for source, group in (("b12-electrical-nerve-balance", seed_claims),
                          ("nih-ods-b12-factsheet", sheet_claims)):  # fmt: skip
        for c in group:
            denied = "NOT " if c["negated"] else ""
            key = f"{label[c['subject']]} {denied}{c['predicate']} {label[c['object']]}"
            said.setdefault(key, set()).add(source)
    assert stats["statements"] == len(said)
    by_support = Counter(len(v) for v in said.values())
    assert stats["by_support"] == {str(n): by_support[n] for n in sorted(by_support)}
    shared = {k: sorted(v) for k, v in said.items() if len(v) > 1}
    assert shared, "both packaged sources state some of the same things"
    assert {m["statement"]: m["sources"] for m in stats["most_supported"]} == shared


def test_stats_text_for_people(runner, built):
    result = runner.invoke(cli, ["stats", "--build", str(built)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["triples", "2036"]
    assert lines[3] == "claims        102 (Asserted 72, Hedged 30; negated 7)"
    assert lines[4] == "statements    81 (17 stated by more than one source)"
    assert lines[5] == "entities      53 (45 with a standard ID, 8 without)"
    assert "  2 sources  17" in lines
    shared = lines.index("statements stated by more than one source")
    assert lines[shared + 1].split() == [
        "animal-based", "food", "sourceOf", "vitamin", "B12",
        "b12-electrical-nerve-balance,", "nih-ods-b12-factsheet",
    ]  # fmt: skip
    assert "  b12-electrical-nerve-balance  PopularArticle  72" in lines
    assert "  nih-ods-b12-factsheet         FactSheet       30" in lines
    assert "entities with no standard ID" in lines
    assert "  fortified-food                 fortified food" in lines


def test_stats_name_the_first_statements_of_many_sources_and_count_the_rest():
    from kg.rdf.stats import MOST_SUPPORTED, GraphStats, format_stats

    named = [
        {"statement": f"a{i} causes b", "sources": ["s1", "s2"]} for i in range(MOST_SUPPORTED)
    ]
    stats = GraphStats(
        triples=0, named_graphs=0, claims=0, negated=0, by_certainty={}, by_predicate={},
        by_source={}, entities=0, by_class={}, without_standard_id={},
        statements=30, by_support={"1": 5, "2": 25}, most_supported=named,
    )  # fmt: skip
    lines = format_stats(stats).splitlines()
    assert "statements    30 (25 stated by more than one source)" in lines
    assert (
        f"statements stated by more than one source (the first {MOST_SUPPORTED}; 5 more)" in lines
    )
