"""What the graph already has, for a new article: its entities (so a mention reuses one
instead of proposing it again), the entities sibling drafts proposed and no one has
accepted yet (so two articles never propose the same entity twice), and every source's
document hash (so the same document is never ingested twice).

"The graph" is the packaged catalogue and sources, every ``--sources`` folder, and the
other source folders in the folder the new one goes into.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.base.model import Entity
from kg.curation.discovery import CANDIDATE_ENTITIES, CANDIDATES

__all__ = ["CANDIDATES", "CANDIDATE_ENTITIES", "Known", "load_known", "read_items"]


@dataclass(frozen=True)
class Known:
    entities: dict[str, Entity]
    proposed: dict[str, dict]  # entity id -> its record in a sibling's candidate-entities.yaml
    documents: dict[str, str]  # sha256 of a document -> the source folder that holds it


def read_items(path: Path) -> list[dict]:
    """The items of a YAML list nnkg wrote (candidates, candidate entities), as plain
    dicts; a missing file is an empty list. Read with the curator files' budgets."""
    from kg.curation.records import load_records

    if not os.path.lexists(path):
        return []
    return [dict(record.data) for record in load_records(path)]


def _siblings(out_dir: Path, skip: Path | None) -> list[Path]:
    if not out_dir.is_dir():
        return []
    return [
        child
        for child in sorted(out_dir.iterdir())
        if child.is_dir()
        and not child.name.startswith(".")
        and (child / "source.yaml").is_file()
        and (skip is None or child.resolve() != skip.resolve())
    ]


def load_known(out_dir: Path, extra_sources: Sequence[Path] = (), *, skip: Path | None = None):
    """What the graph has, seen from a new source folder in ``out_dir`` (``skip``: that
    folder itself, when it exists already). Sources with problems still count for what
    they hold: a draft must not repeat an entity because a sibling has a typo."""
    from kg.curation.corpus import curate

    siblings = _siblings(out_dir, skip)
    report = curate([*extra_sources, *siblings])
    documents = {source.sha256: str(source.path) for source in report.corpus.sources}
    proposed: dict[str, dict] = {}
    for folder in siblings:
        for item in read_items(folder / CANDIDATE_ENTITIES):
            entity = item.get("id")
            if isinstance(entity, str) and entity not in report.corpus.entities:
                proposed.setdefault(entity, item)
    return Known(dict(report.corpus.entities), proposed, documents)
