"""A source may bring its own entities (``entities.yaml`` beside its claims), so sources
with new entities can be added without touching the packaged catalogue."""

from __future__ import annotations

from pathlib import Path

import yaml

from kg.cli import cli


def _add_entities(source, entities) -> None:
    (source / "entities.yaml").write_text(yaml.safe_dump(entities, sort_keys=False))


def _use(source, obj: str) -> None:
    claims = yaml.safe_load((source / "claims.yaml").read_text())
    claims[0]["object"] = obj
    (source / "claims.yaml").write_text(yaml.safe_dump(claims, sort_keys=False))


NEW = {
    "id": "myelin-repair",
    "label": "myelin repair",
    "synonyms": ["remyelination"],
    "type": "BiologicalProcess",
    "definition": "Regrowth of the myelin sheath after damage.",
}


def test_a_source_can_bring_new_entities(runner, tmp_path, tiny_source):
    _add_entities(tiny_source, [NEW])
    _use(tiny_source, "myelin-repair")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "--out", str(out), "--sources", str(tiny_source)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(cli, ["show", "remyelination", "--build", str(out)])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("myelin repair  <https://w3id.org/nnkg/entity/myelin-repair>")
    assert "vitamin B12 --[required for +]--> myelin repair" in shown.stdout


def test_a_source_may_not_redefine_an_entity(runner, tiny_source):
    _add_entities(tiny_source, [{**NEW, "id": "myelin", "label": "myelin again"}])
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tiny_source / 'entities.yaml'}:1: id: 'myelin' is already defined "
        "in an earlier catalogue"
    ]


def test_a_source_may_not_reuse_a_name(runner, tiny_source):
    _add_entities(tiny_source, [{**NEW, "synonyms": ["cobalamin"]}])
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert result.exit_code == 1
    assert "synonyms: 'cobalamin' already names entity 'vitamin-b12'" in result.stderr


def test_an_entity_typed_entity_is_refused_by_validate_and_build(runner, tmp_path, tiny_source):
    _add_entities(tiny_source, [{**NEW, "type": "Entity"}])
    _use(tiny_source, "myelin-repair")
    expected = [
        f"error: {tiny_source / 'claims.yaml'}:3: object: unknown entity 'myelin-repair'; "
        "did you mean: myelin, myelin-synthesis, demyelination?",
        f"error: {tiny_source / 'entities.yaml'}:5: type: Entity is too general for an entity; "
        "use one of its subclasses (AnatomicalStructure, BiologicalProcess, Cell, "
        "CellularComponent, ChemicalEntity, Condition, DeficiencyState, Disease, Food, "
        "GeneOrProtein, Nutrient, Phenotype, PhysiologicalFunction, PopulationGroup)",
    ]
    validated = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert validated.exit_code == 1
    assert validated.stderr.splitlines() == expected
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", "--out", str(out), "--sources", str(tiny_source)])
    assert built.exit_code == 1
    assert built.stderr.splitlines() == expected
    assert not out.exists()


def test_a_class_the_ontology_marks_abstract_is_refused(ontology_copy, tiny_source):
    from kg.curation.corpus import curate

    ttl = ontology_copy / "nnkg.ttl"
    ttl.write_text(
        ttl.read_text(encoding="utf-8")
        + "\nnnkg:Disease owl:disjointUnionOf ( nnkg:DeficiencyState nnkg:OtherDisease ) .\n"
        + "nnkg:OtherDisease a owl:Class ; rdfs:subClassOf nnkg:Disease .\n",
        encoding="utf-8",
    )
    _add_entities(tiny_source, [{**NEW, "type": "Disease"}])
    report = curate([tiny_source], ontology_path=ontology_copy, include_packaged=False)
    typed = [p for p in report.problems if p.field == "type"]
    assert [p.message for p in typed][-1] == (
        "Disease is too general for an entity; use one of its subclasses "
        "(DeficiencyState, OtherDisease)"
    )
    assert Path(typed[-1].file) == tiny_source / "entities.yaml"


def test_a_key_twice_inside_an_xref_is_refused(runner, tiny_source):
    (tiny_source / "entities.yaml").write_text(
        "- id: myelin-repair\n  label: myelin repair\n  type: BiologicalProcess\n"
        "  xrefs:\n  - {curie: 'GO:0032292', curie: 'GO:1', match: close, seen_in: x}\n"
    )
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tiny_source / 'entities.yaml'}:5: xrefs: malformed value: key 'curie' given twice"
    ]
