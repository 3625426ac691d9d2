"""A build folder is input like any other: a crafted or foreign ``nnkg.trig`` (with a manifest
that matches it, which anyone can write) whose claims lack what nnkg writes gets one line
naming the claim and what is wrong, exit 1, from every command that projects the network."""

from __future__ import annotations

import pytest

from kg.cli import cli

PREFIXES = """\
@prefix ent: <https://w3id.org/nnkg/entity/> .
@prefix nnkg: <https://w3id.org/nnkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
RELATION = "nnkg:treats a nnkg:Relation ; rdfs:label 'treats' ; nnkg:polarity nnkg:Decreases ."
ENTITIES = "ent:a a nnkg:Nutrient ; rdfs:label 'a' . ent:b a nnkg:Disease ; rdfs:label 'b' ."
CLAIM = {
    "a": "nnkg:Claim",
    "rdf:subject": "ent:a",
    "rdf:predicate": "nnkg:treats",
    "rdf:object": "ent:b",
    "prov:wasDerivedFrom": "<https://w3id.org/nnkg/source/s>",
    "nnkg:quote": "'a treats b'",
    "nnkg:start": "0",
    "nnkg:end": "11",
    "nnkg:certainty": "nnkg:Asserted",
    "nnkg:negated": "false",
}


def _trig(relation: str = RELATION, **changes: str | None) -> str:
    fields = {**CLAIM, **changes}
    claim = " ; ".join(f"{p} {o}" for p, o in fields.items() if o is not None)
    return (
        f"{PREFIXES}<urn:g:ontology> {{ {relation} }}\n<urn:g:catalogue> {{ {ENTITIES} }}\n"
        f"<urn:g:source> {{ <https://w3id.org/nnkg/claim/c1> {claim} . }}\n"
    )


@pytest.mark.parametrize(
    "trig, problem",
    [
        (_trig(), None),  # the well-formed one, to show the rest fail for their one defect
        (_trig(**{"rdf:object": None}), "has no rdf:object"),
        (_trig(**{"rdf:predicate": "nnkg:cures"}), "cures> is not a relation"),
        (_trig(**{"rdf:object": "ent:z"}), "entity/z> is not an entity"),
        (_trig(**{"nnkg:start": "'seven'"}), "nnkg:start is not a whole number"),
        (_trig(**{"nnkg:certainty": "nnkg:Sure"}), "nnkg:certainty is 'Sure'"),
        (_trig(**{"prov:wasDerivedFrom": None}), "has no prov:wasDerivedFrom"),
        (_trig(relation="nnkg:treats a nnkg:Relation ."), "treats> has no nnkg:polarity"),
    ],
)
@pytest.mark.parametrize("command", [["show", "a"], ["path", "a", "b"], ["render", "-o"]])
def test_a_claim_nnkg_would_not_write_is_one_line(runner, tmp_path, trig, problem, command):
    from kg.base.manifest import write_build

    write_build(tmp_path / "build", {"nnkg.trig": trig.encode("utf-8")})
    args = [*command, *([str(tmp_path / "page.html")] if command[-1] == "-o" else [])]
    result = runner.invoke(cli, [*args, "--build", str(tmp_path / "build")])
    if problem is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("error: the graph's")
    assert problem in result.output
