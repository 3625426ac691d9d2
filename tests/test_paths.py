"""nnkg path / effects: the document's chains, with signs, certainty and quotes
(competency questions 2, 3, 5 and 6), through the CLI."""

from __future__ import annotations

import json

import pytest

from kg.cli import cli


@pytest.fixture
def run(runner, built):
    def invoke(*args: str) -> dict | str:
        result = runner.invoke(cli, [*args, "--build", str(built)])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout) if "json" in args else result.stdout

    return invoke


def chains(answer: dict) -> list[list[str]]:
    return [
        [p["hops"][0]["subject"]["label"]] + [h["object"]["label"] for h in p["hops"]]
        for p in answer["paths"]
    ]


CLAIM_FIELDS = {"iri", "source", "source_kind", "reliability", "quote", "start", "end",
                "certainty", "negated"}  # fmt: skip
KINDS = {
    "b12-electrical-nerve-balance": ("PopularArticle", 1),
    "nih-ods-b12-factsheet": ("FactSheet", 2),
}


def check_evidence(answer: dict, documents: dict[str, str]) -> None:
    for path in answer["paths"]:
        assert path["contested"] == any(h["contested"] for h in path["hops"])
        for hop in path["hops"]:
            assert hop["claims"], hop
            assert hop["contested"] == bool(hop["against"])
            for claim in hop["claims"] + hop["against"]:
                assert set(claim) == CLAIM_FIELDS
                assert documents[claim["source"]][claim["start"] : claim["end"]] == claim["quote"]
                assert (claim["source_kind"], claim["reliability"]) == KINDS[claim["source"]]
            assert not any(c["negated"] for c in hop["claims"])  # a hop follows affirmed claims


def test_q02_b12_reaches_nerve_conduction_through_myelin(run, documents):
    answer = run("path", "vitamin B12", "nerve signal conduction", "--format", "json")
    assert answer["from"]["label"] == "vitamin B12"
    assert answer["to"]["label"] == "nerve signal conduction"
    found = chains(answer)
    assert ["vitamin B12", "myelin synthesis", "myelin", "nerve signal conduction"] in found
    assert found[0] == ["vitamin B12", "myelin", "nerve signal conduction"]  # fewest hops first
    assert all(p["sign"] == "+" for p in answer["paths"])
    check_evidence(answer, documents)
    first = answer["paths"][0]["hops"][0]
    assert first["predicate"]["label"] == "promotes" and first["sign"] == "+"
    assert first["claims"][0]["quote"] == "B12’s role in maintaining myelin integrity"


@pytest.mark.parametrize("transmitter", ["serotonin", "dopamine"])
def test_q03_b12_reaches_neurotransmitters_through_methylation(run, documents, transmitter):
    answer = run("path", "B12", transmitter, "--format", "json")
    assert chains(answer) == [
        ["vitamin B12", "methylation", "neurotransmitter synthesis", transmitter]
    ]
    path = answer["paths"][0]
    assert (path["sign"], path["certainty"]) == ("+", "Asserted")
    assert [h["predicate"]["label"] for h in path["hops"]] == [
        "promotes",
        "required for",
        "produces",
    ]
    check_evidence(answer, documents)


@pytest.mark.parametrize("symptom", ["muscle weakness", "paralysis", "coordination problems"])
def test_deficiency_leads_to_symptoms_through_demyelination(run, symptom):
    answer = run("path", "vitamin B12 deficiency", symptom, "--format", "json")
    assert ["vitamin B12 deficiency", "demyelination", symptom] in chains(answer)
    assert answer["paths"][0]["sign"] == "+"
    assert answer["paths"][0]["certainty"] == "Hedged"  # "can lead to", "may include"


def test_b12_protects_against_nerve_damage_through_homocysteine(run):
    answer = run("path", "vitamin B12", "nerve damage", "--format", "json")
    by_chain = {tuple(c): p for c, p in zip(chains(answer), answer["paths"], strict=True)}
    via = by_chain[("vitamin B12", "elevated homocysteine", "nerve damage")]
    assert via["sign"] == "-"  # B12 lowers homocysteine, which damages nerves
    assert [h["sign"] for h in via["hops"]] == ["-", "+"]
    assert via["certainty"] == "Hedged"  # "can lead to nerve damage"


def test_one_hedged_hop_makes_a_hedged_path_and_asserted_only_drops_it(run):
    answer = run("path", "vitamin B12", "nerve damage", "--format", "json")
    certainties = {
        tuple(c): p["certainty"] for c, p in zip(chains(answer), answer["paths"], strict=True)
    }
    assert certainties[("vitamin B12", "nerve damage")] == "Asserted"
    assert certainties[("vitamin B12", "elevated homocysteine", "nerve damage")] == "Hedged"
    strict = run("path", "vitamin B12", "nerve damage", "--asserted-only", "--format", "json")
    assert chains(strict) == [["vitamin B12", "nerve damage"]]

    hedged_only = run("path", "vitamin B12", "Alzheimer's", "--format", "json")
    assert [p["certainty"] for p in hedged_only["paths"]] == ["Hedged"]
    text = run("path", "vitamin B12", "Alzheimer's", "--asserted-only")
    assert text.startswith("No path from vitamin B12 to Alzheimer disease within 4 hops.")


def test_no_path_says_so_and_names_the_nearest(run):
    text = run("path", "meat", "vegans")
    assert text.splitlines() == [
        "No path from meat to vegans within 4 hops.",
        "Nearest to vegans that meat reaches: cognitive decline, coordination problems, "
        "demyelination.",
    ]
    assert run("path", "meat", "vegans", "--format", "json")["paths"] == []


def test_structural_relations_only_when_asked(run):
    assert run("path", "serotonin", "neurotransmitter", "--format", "json")["paths"] == []
    answer = run("path", "serotonin", "neurotransmitter", "--structural", "--format", "json")
    assert chains(answer) == [["serotonin", "neurotransmitter"]]
    assert answer["paths"][0]["sign"] == "0"


def test_path_text_shows_each_hop_with_its_quote(run):
    text = run("path", "vitamin B12", "serotonin")
    assert text.splitlines()[:4] == [
        "vitamin B12 -> serotonin: 1 path(s), best first",
        "",
        "1. sign +, asserted, 3 hops",
        "   vitamin B12 --[promotes +]--> methylation  (asserted)",
    ]
    assert '"One of the primary functions of Vitamin B12 is its role in the methylation' in text


def _effects(answer: dict) -> dict[str, tuple[str, str, int]]:
    return {e["entity"]["label"]: (e["sign"], e["certainty"], e["hops"]) for e in answer["effects"]}


def test_q05_what_deficiency_leads_to_and_through_what(run):
    answer = run("effects", "vitamin B12 deficiency", "--format", "json")
    found = _effects(answer)
    assert answer["direction"] == "downstream"
    # the two mechanisms: disrupted methylation, compromised myelin formation
    assert found["methylation"] == ("-", "Hedged", 1)
    assert found["myelin synthesis"] == ("-", "Asserted", 1)
    assert found["demyelination"] == ("+", "Hedged", 1)
    for symptom in ("numbness", "tingling", "cognitive disturbance"):
        assert found[symptom] == ("+", "Hedged", 1)
    for symptom in ("muscle weakness", "paralysis"):
        assert found[symptom] == ("+", "Hedged", 2)
    # the fact sheet links deficiency to balance problems directly
    assert found["coordination problems"] == ("+", "Hedged", 1)
    weakness = next(e for e in answer["effects"] if e["entity"]["label"] == "muscle weakness")
    assert [h["object"]["label"] for h in weakness["path"]] == ["demyelination", "muscle weakness"]
    assert found["neural communication"][0] == "-"
    assert "vitamin B12" not in found  # 'deficiency of' is structural, not an effect


def test_q06_what_elevated_homocysteine_leads_to(run):
    found = _effects(run("effects", "hyperhomocysteinemia", "--format", "json"))
    assert found == {
        "nerve damage": ("+", "Hedged", 1),
        "cognitive decline": ("+", "Hedged", 1),
        "vascular disease": ("+", "Hedged", 1),
        "neurodegenerative disease": ("+", "Hedged", 1),
    }


def test_effects_text_reads_as_a_sentence(run):
    text = run("effects", "vitamin B12")
    assert "more vitamin B12 -> less elevated homocysteine" in text
    assert "more vitamin B12 -> more myelin -> more nerve signal conduction" in text


def test_effects_upstream(run):
    found = _effects(run("effects", "nerve damage", "--causes", "--format", "json"))
    assert found["vitamin B12"] == ("-", "Asserted", 1)
    assert found["elevated homocysteine"] == ("+", "Hedged", 1)
    assert found["meat"][0] == "-"  # meat supplies B12, which protects nerves


def test_unknown_entity_is_one_line_with_suggestions(runner, built):
    result = runner.invoke(cli, ["path", "vitamn b12", "myelin", "--build", str(built)])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: unknown entity 'vitamn b12'; did you mean: vitamin B12, vitamin B12 deficiency?\n"
    )


def test_bad_options_are_misuse(runner):
    assert runner.invoke(cli, ["path", "a"]).exit_code == 2
    assert runner.invoke(cli, ["path", "a", "b", "--max-hops", "0"]).exit_code == 2
