"""A source may bring its own entities (``entities.yaml`` beside its claims), so sources
with new entities can be added without touching the packaged catalogue."""

from __future__ import annotations

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
