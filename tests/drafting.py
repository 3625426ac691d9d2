"""An article drafted by ``nnkg ingest`` through the CLI, as the ingest tests read it, and
the check that accepting every candidate gives a source ``nnkg validate`` takes."""

from __future__ import annotations

from pathlib import Path

import yaml

from kg.cli import cli


def drafted(runner, tmp_path: Path, name: str, text: str) -> tuple[Path, list, list]:
    """``text`` ingested from ``name``.txt into a fresh drafts folder: the draft's folder,
    its candidates and its proposed entities."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "drafts"
    result = runner.invoke(cli, ["ingest", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    folder = out / name
    candidates = yaml.safe_load((folder / "candidates.yaml").read_text(encoding="utf-8"))
    entities = yaml.safe_load((folder / "candidate-entities.yaml").read_text(encoding="utf-8"))
    return folder, candidates, entities or []


def accept_all_and_validate(runner, folder: Path) -> None:
    """Every candidate of ``folder`` accepted, and its drafts folder validates."""
    accepted = runner.invoke(cli, ["accept", str(folder), "--all"])
    assert accepted.exit_code == 0, accepted.output
    checked = runner.invoke(cli, ["validate", "--sources", str(folder.parent)])
    assert checked.exit_code == 0, checked.output
