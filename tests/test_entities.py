"""Entity resolution, nnkg show and nnkg neighbors."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.base.errors import UnknownEntityError
from kg.cli import cli
from kg.network.resolve import EntityResolver

ENT = "https://w3id.org/nnkg/entity/"
CATALOGUE = yaml.safe_load((ROOT / "ontology" / "entities.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resolver(net):
    return EntityResolver(net)


def test_every_label_synonym_slug_and_curie_resolves_to_itself(resolver):
    for entity in CATALOGUE:
        iri = ENT + entity["id"]
        names = [
            entity["label"],
            *entity.get("synonyms", []),
            entity["id"],
            f"ent:{entity['id']}",
            iri,
        ]
        names += [x["curie"] for x in entity.get("xrefs", [])]
        for name in names:
            assert resolver.resolve(name) == iri, name
            assert resolver.resolve(f"  {name.upper()}  ") == iri, name


def test_curly_and_straight_apostrophes_match(resolver):
    assert (
        resolver.resolve("Alzheimer’s")
        == resolver.resolve("alzheimer's")
        == ENT + "alzheimers-disease"
    )


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [("vitamn b12", "vitamin B12"), ("mylein", "myelin"), ("seratonin", "serotonin"),
     ("demyelinaton", "demyelination"), ("homocystein", "homocysteine")],
)  # fmt: skip
def test_misspellings_get_suggestions(resolver, typo, suggestion):
    with pytest.raises(UnknownEntityError) as caught:
        resolver.resolve(typo)
    message = str(caught.value)
    assert message.startswith(f"unknown entity {typo!r}; did you mean: ")
    assert suggestion in message


def test_nothing_similar_says_how_entities_are_named(resolver):
    with pytest.raises(UnknownEntityError, match="no similar name"):
        resolver.resolve("zzzzqqq")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_name_resolves_or_fails_cleanly(resolver, name):
    try:
        iri = resolver.resolve(name)
    except UnknownEntityError as exc:
        assert "\n" not in str(exc)
    else:
        assert iri.startswith(ENT)


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda s: not s.startswith("-")))
def test_any_name_on_the_command_line_gives_no_traceback(built, name):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["show", name, "--build", str(built)])
    assert result.exit_code in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert len(result.stderr.splitlines()) == 1


def test_show_text(runner, built):
    result = runner.invoke(cli, ["show", "cobalamin", "--build", str(built)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "vitamin B12  <https://w3id.org/nnkg/entity/vitamin-b12>"
    assert "  type:       Nutrient" in lines
    assert "  synonyms:   B12, cobalamin, vitamin B-12" in lines
    assert (
        "  standard:   CHEBI:176843 (exact)  http://purl.obolibrary.org/obo/CHEBI_176843" in lines
    )
    assert "  plant-based food --[NOT source of +]--> vitamin B12  (2 sources)" in lines
    assert "[NEGATED]" in result.stdout


def test_show_json_lists_every_claim_in_and_out(runner, built, packaged_claims):
    result = runner.invoke(cli, ["show", "vitamin-b12", "--format", "json", "--build", str(built)])
    data = json.loads(result.stdout)
    out = sum(len(e["claims"]) for e in data["claims"]["out"])
    into = sum(len(e["claims"]) for e in data["claims"]["in"])
    assert out == sum(c["subject"] == "vitamin-b12" for c in packaged_claims)
    assert into == sum(c["object"] == "vitamin-b12" for c in packaged_claims)
    assert {
        "curie": "MESH:D014805",
        "iri": "http://id.nlm.nih.gov/mesh/D014805",
        "match": "close",
    } in data["xrefs"]
    denied = [e for e in data["claims"]["in"] if e["negated"]]
    assert [e["subject"]["label"] for e in denied] == ["plant-based food"]


@pytest.mark.parametrize(("direction", "expected"), [
    ("out", {"nerve signal conduction", "nerve", "neurodegenerative disease"}),
    ("in", {"myelin synthesis", "vitamin B12"}),
])  # fmt: skip
def test_neighbors_by_direction(runner, built, direction, expected):
    args = [
        "neighbors",
        "myelin",
        "--direction",
        direction,
        "--format",
        "json",
        "--build",
        str(built),
    ]
    data = json.loads(runner.invoke(cli, args).stdout)
    assert {n["entity"]["label"] for n in data["neighbors"]} == expected
    assert {n["direction"] for n in data["neighbors"]} == {direction}


def test_neighbors_text(runner, built):
    result = runner.invoke(cli, ["neighbors", "myelin", "--build", str(built)])
    assert result.stdout.splitlines() == [
        "Neighbors of myelin (both): 5",
        "  <- produces     +  asserted  1 claim  myelin synthesis",
        "  <- promotes     +  asserted  1 claim  vitamin B12",
        "  -> enables      +  asserted  1 claim  nerve signal conduction",
        "  -> part of      0  asserted  1 claim  nerve",
        "  -> prevents     -  hedged    1 claim  neurodegenerative disease",
    ]


def test_a_name_shared_by_two_entities_is_ambiguous(net):
    shared = net.copy()
    shared.nodes[ENT + "myelin"]["close"] = ["http://purl.obolibrary.org/obo/CHEBI_30411"]
    with pytest.raises(UnknownEntityError) as caught:
        EntityResolver(shared).resolve("chebi:30411")
    assert str(caught.value) == (
        "ambiguous entity 'chebi:30411': "
        "it names myelin (ent:myelin), vitamin B12 (ent:vitamin-b12)"
    )
