"""The cue lexicon's own format (kg/ingest/cues.py): phrases several templates share are
written once under ``phrases`` and used as ``{name}``."""

from __future__ import annotations

import pytest
import yaml

from kg.ingest.cues import CUES, load_cues


def _lexicon(tmp_path, phrases: dict, template: str):
    data = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    data["phrases"] = phrases
    data["cues"] = [
        {"id": "test-cue", "templates": [template], "readings": [{"predicate": "promotes"}]}
    ]
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return load_cues(path)


def test_a_phrase_is_written_out_wherever_a_template_names_it(tmp_path):
    lexicon = _lexicon(tmp_path, {"ate": "(?:ate|drank)"}, "{X} who {ate} {Y}")
    ((_, pattern),) = lexicon.patterns
    assert "(?:ate|drank)" in pattern.source and "{ate}" not in pattern.source
    assert [m.group("Y") for m in pattern.finditer("«0» who drank «1» daily")] == ["«1»"]
    assert pattern.search("«0» who bought «1»") is None


def test_a_phrase_may_use_the_built_in_ones(tmp_path):
    lexicon = _lexicon(tmp_path, {"seen": "{be} seen in"}, "{X} {seen} {Y}")
    ((_, pattern),) = lexicon.patterns
    assert pattern.search("«0» is often seen in «1»")


def test_a_phrase_the_lexicon_lacks_is_an_error_naming_the_cue(tmp_path):
    with pytest.raises(ValueError, match=r"cue test-cue: no phrase \{drank\}"):
        _lexicon(tmp_path, {}, "{X} who {drank} {Y}")


def test_every_phrase_of_the_packaged_lexicon_is_used_and_written_out():
    data = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    templates = [t for cue in data["cues"] for t in cue["templates"]]
    sources = [p.source for _, p in load_cues().patterns]
    for name in data.get("phrases") or {}:
        assert any(f"{{{name}}}" in t for t in templates), name
        assert not any(f"{{{name}}}" in s for s in sources), name
