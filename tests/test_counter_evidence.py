"""Answers that show the other side (issue 14): the claims against every hop in path,
effects, show and neighbors; paths ranked by contest, certainty, reliability and support;
chains no single source states; and ``nnkg contradictions``. The packaged graph through the
CLI, ranking on a small fixture graph through the public API."""

from __future__ import annotations

import json

import pytest
from conftest import write_source

from kg.base.vocab import ENT
from kg.cli import cli

DENIAL = "taking vitamin B12 supplements has not been shown"
B12, ALZHEIMER = ENT + "vitamin-b12", ENT + "alzheimers-disease"


@pytest.fixture
def run(runner, built):
    def invoke(*args: str) -> dict | str:
        result = runner.invoke(cli, [*args, "--build", str(built)])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout) if "json" in args else result.stdout

    return invoke


def _flat(lines: list[str]) -> str:
    """Wrapped text as one line, so a test need not know where it wraps."""
    return " ".join(" ".join(lines).split())


def _b12_alzheimer(hops: list[dict]) -> list[dict]:
    return [h for h in hops if (h["subject"]["iri"], h["object"]["iri"]) == (B12, ALZHEIMER)]


def test_the_fact_sheets_denial_is_against_the_b12_alzheimer_hop(run):
    answer = run("path", "dietary supplement", "Alzheimer disease", "--format", "json")
    (path,) = answer["paths"]
    (hop,) = _b12_alzheimer(path["hops"])
    assert hop["predicate"]["label"] == "prevents" and hop["contested"] is True
    (denial,) = hop["against"]
    assert DENIAL in denial["quote"]
    assert denial["source"] == "nih-ods-b12-factsheet"
    assert (denial["source_kind"], denial["reliability"]) == ("FactSheet", 2)
    assert (denial["negated"], denial["certainty"]) == (True, "Asserted")
    assert [(c["source_kind"], c["reliability"]) for c in hop["claims"]] == [("PopularArticle", 1)]
    assert path["contested"] is True
    assert (path["certainty"], path["reliability"], path["support"]) == ("Hedged", 1, 1)
    assert path["sources"] == ["b12-electrical-nerve-balance", "nih-ods-b12-factsheet"]
    assert path["chained_across_sources"] is False  # the article states both hops
    assert path["hops"][0]["contested"] is False and path["hops"][0]["against"] == []


def test_uncontested_never_uses_the_contested_hop(run):
    for target in ("Alzheimer disease", "neurodegenerative disease"):
        answer = run("path", "dietary supplement", target, "--uncontested", "--format", "json")
        for path in answer["paths"]:
            assert not _b12_alzheimer(path["hops"]) and path["contested"] is False
    text = run("path", "dietary supplement", "Alzheimer disease", "--uncontested")
    assert text.startswith("No path from dietary supplement to Alzheimer disease")


def test_path_text_says_contested_in_the_first_line_and_lists_the_claims_against(run):
    lines = run("path", "dietary supplement", "Alzheimer disease").splitlines()
    assert lines[2] == "1. sign -, hedged, 2 hops, contested (claims against 1 hop)"
    hop = lines.index("   vitamin B12 --[prevents -]--> Alzheimer disease  (hedged, contested)")
    against = lines.index("       against:")
    assert against > hop
    assert "FactSheet, asserted [NEGATED])" in _flat(lines[against:])
    assert "(b12-electrical-nerve-balance [3011:3189], PopularArticle, asserted)" in _flat(lines)


def test_effects_show_and_neighbors_carry_the_claims_against(run):
    found = run("effects", "vitamin B12", "--format", "json")["effects"]
    (effect,) = [e for e in found if e["entity"]["iri"] == ALZHEIMER]
    assert effect["contested"] is True
    assert DENIAL in _b12_alzheimer(effect["path"])[0]["against"][0]["quote"]
    text = run("effects", "vitamin B12")
    assert "  -   hedged        1  Alzheimer disease  (contested)" in text.splitlines()

    edges = run("show", "Alzheimer disease", "--format", "json")["claims"]["in"]
    by_negated = {e["negated"]: e for e in edges if e["subject"]["iri"] == B12}
    assert by_negated[False]["contested"] and by_negated[True]["contested"]
    assert DENIAL in by_negated[False]["against"][0]["quote"]
    assert by_negated[True]["against"][0]["source_kind"] == "PopularArticle"
    assert "against:" in run("show", "Alzheimer disease")

    rows = run("neighbors", "Alzheimer disease", "--direction", "in", "--format", "json")
    contested = [r for r in rows["neighbors"] if r["contested"]]
    assert len(contested) == 2 and all(r["claims"] and r["against"] for r in contested)
    lines = run("neighbors", "Alzheimer disease", "--direction", "in").splitlines()
    assert lines.count("      against:") == 2


def test_contradictions_text_and_json_on_the_packaged_graph(run):
    answer = run("contradictions", "--format", "json")
    assert answer["count"] == 1
    (found,) = answer["contradictions"]
    assert (found["subject"]["iri"], found["object"]["iri"]) == (B12, ALZHEIMER)
    assert found["sources"] == ["b12-electrical-nerve-balance", "nih-ods-b12-factsheet"]
    says, denies = found["sides"]
    assert (says["predicate"]["label"], says["negated"], says["certainty"]) == (
        "prevents", False, "Hedged",
    )  # fmt: skip
    assert denies["negated"] is True and DENIAL in denies["claims"][0]["quote"]
    assert says["claims"][0]["source_kind"] == "PopularArticle"
    lines = run("contradictions").splitlines()
    assert lines[0] == "1 contradiction(s): claims on one subject and object that oppose"
    assert lines[2] == "1. vitamin B12 --[prevents -]--> Alzheimer disease  (hedged)"
    assert "   versus vitamin B12 --[NOT prevents -]--> Alzheimer disease  (asserted)" in lines
    assert "Studies have suggested" in lines[3] and DENIAL in _flat(lines)


def test_an_unknown_source_kind_is_misuse(runner, built):
    args = ["path", "B12", "myelin", "--min-reliability", "Blog", "--build", str(built)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 and "Traceback" not in result.output


# The fixture graph: two sources, claims chosen so that each ranking rule decides one case.
SENTENCES = {  # (source, sentence, subject, predicate, object, certainty, negated)
    "article": [
        ("Vitamin B12 promotes mood.", "vitamin-b12", "promotes", "mood", "asserted", False),
        ("Vitamin B12 may promote methylation.", "vitamin-b12", "promotes", "methylation",
         "hedged", False),
        ("Methylation may promote mood.", "methylation", "promotes", "mood", "hedged", False),
        ("Vitamin B12 promotes cognition.", "vitamin-b12", "promotes", "cognition", "asserted",
         False),
        ("Cognition promotes nerve function.", "cognition", "promotes", "nerve-function",
         "asserted", False),
        ("Vitamin B12 promotes homocysteine metabolism.", "vitamin-b12", "promotes",
         "homocysteine-metabolism", "asserted", False),
        ("Vitamin B12 reduces homocysteine.", "vitamin-b12", "reduces", "homocysteine",
         "asserted", False),
        ("Vitamin B12 promotes myelin.", "vitamin-b12", "promotes", "myelin", "asserted", False),
    ],
    "sheet": [
        ("Vitamin B12 does not promote mood.", "vitamin-b12", "promotes", "mood", "asserted",
         True),
        ("Vitamin B12 promotes myelin synthesis.", "vitamin-b12", "promotes", "myelin-synthesis",
         "asserted", False),
        ("Myelin synthesis promotes nerve function.", "myelin-synthesis", "promotes",
         "nerve-function", "asserted", False),
        ("Homocysteine metabolism promotes neural communication.", "homocysteine-metabolism",
         "promotes", "neural-communication", "asserted", False),
        ("Vitamin B12 does not promote homocysteine.", "vitamin-b12", "promotes", "homocysteine",
         "asserted", True),
        ("Vitamin B12 reduces myelin.", "vitamin-b12", "reduces", "myelin", "asserted", False),
    ],
}  # fmt: skip
KINDS = {"article": "PopularArticle", "sheet": "FactSheet"}


def _claims(sentences: list[tuple]) -> tuple[str, list[dict]]:
    document, claims = "", []
    for text, subject, predicate, obj, certainty, negated in sentences:
        start = len(document)
        document += text + " "
        words = text.rstrip(".").split()
        subject_text = " ".join(words[: len(subject.split("-"))])
        object_text = " ".join(words[-len(obj.split("-")) :])
        claims.append({
            "subject": subject, "predicate": predicate, "object": obj, "quote": text,
            "start": start, "end": start + len(text), "subject_text": subject_text,
            "object_text": object_text, "certainty": certainty, "negated": negated,
        })  # fmt: skip
    return document, claims


@pytest.fixture(scope="module")
def fixture_net(tmp_path_factory):
    from kg import build_quads, claim_network

    root = tmp_path_factory.mktemp("counter-evidence")
    for source, sentences in SENTENCES.items():
        document, claims = _claims(sentences)
        write_source(root / source, document, claims, kind=KINDS[source])
    return claim_network(build_quads([root], include_packaged=False)[0])


def _chain(path) -> list[str]:
    return [path.hops[0].subject.removeprefix(ENT)] + [
        h.object.removeprefix(ENT) for h in path.hops
    ]


def test_an_uncontested_hedged_path_ranks_above_a_contested_asserted_one(fixture_net):
    from kg import find_paths

    best, worst = find_paths(fixture_net, B12, ENT + "mood")
    assert _chain(best) == ["vitamin-b12", "methylation", "mood"]
    assert (best.contested, best.certainty.value) == (False, "hedged")
    assert _chain(worst) == ["vitamin-b12", "mood"]
    assert (worst.contested, worst.certainty.value) == (True, "asserted")
    (only,) = find_paths(fixture_net, B12, ENT + "mood", uncontested=True)
    assert _chain(only) == _chain(best)


def test_a_fact_sheet_path_ranks_above_a_popular_article_one(fixture_net):
    from kg import find_paths

    found = find_paths(fixture_net, B12, ENT + "nerve-function")
    assert [_chain(p) for p in found] == [
        ["vitamin-b12", "myelin-synthesis", "nerve-function"],
        ["vitamin-b12", "cognition", "nerve-function"],
    ]
    assert [p.reliability for p in found] == [2, 1]
    assert [p.certainty.value for p in found] == ["asserted", "asserted"]
    (strict,) = find_paths(fixture_net, B12, ENT + "nerve-function", min_reliability="FactSheet")
    assert _chain(strict) == _chain(found[0])


def test_a_chain_across_sources_says_no_single_source_states_it(fixture_net):
    from kg import find_paths
    from kg.network.answers import paths_dict, paths_text

    target = ENT + "neural-communication"
    found = find_paths(fixture_net, B12, target)
    assert found[0].chained_across_sources and found[0].sources == ["article", "sheet"]
    assert paths_dict(fixture_net, B12, target, found)["paths"][0]["chained_across_sources"]
    text = paths_text(fixture_net, B12, target, found, [], 4).splitlines()
    assert text[3] == "   chained across 2 sources; no single source states this chain"


def test_a_denial_of_the_opposite_polarity_agrees(fixture_net):
    from kg.network.contested import contradictions

    pairs = {(c.subject, c.object, c.one, c.other) for c in contradictions(fixture_net)}
    assert pairs == {
        (B12, ENT + "mood", "promotes", "not promotes"),  # the same predicate, denied
        (B12, ENT + "myelin", "promotes", "reduces"),  # opposite polarities, both affirmed
    }
    # "does not promote homocysteine" beside "reduces homocysteine": agreement
    agree = fixture_net.edges[B12, ENT + "homocysteine", "reduces"]
    assert agree["against"] == ()


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        (("p", "+", False), ("p", "+", True), True),
        (("p", "+", False), ("q", "-", False), True),
        (("p", "-", False), ("q", "+", True), False),  # "does not cause" beside "prevents"
        (("p", "+", True), ("q", "-", True), False),
        (("p", "+", True), ("p", "+", True), False),
        (("p", "0", False), ("q", "-", False), False),
        (("p", "+", False), ("q", "+", False), False),
    ],
)
def test_opposes_is_the_one_rule(one, other, expected):
    from kg.network.contested import opposes

    def stance(t):
        return dict(zip(("predicate", "sign", "negated"), t, strict=True))

    assert opposes(stance(one), stance(other)) is expected
    assert opposes(stance(other), stance(one)) is expected
