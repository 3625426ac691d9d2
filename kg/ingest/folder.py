"""The source folder ``nnkg ingest`` writes: the document untouched, ``source.yaml``, an
empty ``claims.yaml`` (so the folder is a valid source at once), and the drafts for the
curator, ``candidates.yaml`` and ``candidate-entities.yaml``.

The folder is made whole beside its place and renamed into it, so a failed ingest leaves
nothing half-written, and an existing folder is replaced only when asked (``force``).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import NnkgError
from kg.curation.qualifiers import QUALIFIER_FIELDS
from kg.ingest.known import CANDIDATE_ENTITIES, CANDIDATES
from kg.ingest.model import Candidate, ProposedEntity, Suggestion

__all__ = [
    "HEADERS",
    "FolderExistsError",
    "NewSource",
    "candidate_items",
    "claim_fields",
    "dump_items",
    "entity_items",
    "write_source",
]

#: Field order of a candidate: the claims.yaml schema, then the review fields.
CLAIM_KEYS = (
    "subject", "predicate", "object", "quote", "start", "end", "subject_text", "object_text",
    "certainty", "negated",
)  # fmt: skip
#: The optional fields of a claim a curator adds in review (or by hand to a candidate):
#: a note on its certainty and the context it holds in. Kept wherever the claim goes.
CONTEXT_KEYS = ("certainty_note", *QUALIFIER_FIELDS)
REVIEW_KEYS = ("status", "n", "cue")
#: The comment each file of a draft opens with.
HEADERS = {
    "claims.yaml": "Curated claims: nnkg accept copies the reviewed candidates here.",
    CANDIDATES: "Claims drafted by nnkg ingest from document.txt, for review: accept the right "
    "ones with\n# nnkg accept <folder> --claim N (or --all); fix or delete the others first.",
    CANDIDATE_ENTITIES: "Entities the drafted claims use that the graph does not have yet. "
    "An xref is an exact or\n# close match in a standard ontology release; suggestions are "
    "only alike in name: choose, never take.",
}


def claim_fields(item: dict) -> dict:
    """``item``'s claim: every field of the claims.yaml schema, then the context fields it
    has, in that order; the review fields left behind."""
    return {
        **{k: item[k] for k in CLAIM_KEYS},
        **{k: item[k] for k in CONTEXT_KEYS if item.get(k) is not None},
    }


class FolderExistsError(NnkgError):
    """The source folder is there already and ``--force`` was not given."""


@dataclass(frozen=True)
class NewSource:
    """What ``source.yaml`` says of the new source."""

    id: str
    title: str
    kind: str
    note: str


def _order(candidate: Candidate) -> tuple:
    return (
        candidate.start, candidate.end, candidate.subject.entity, candidate.predicate,
        candidate.object.entity, candidate.subject.start, candidate.object.start,
    )  # fmt: skip


def candidate_items(document: str, candidates: Iterable[Candidate]) -> list[dict]:
    """The candidates as ``candidates.yaml`` items: each claim once, ordered by start, end,
    subject, predicate and object, numbered from 1 in that order."""
    items, seen = [], set()
    for candidate in sorted(candidates, key=_order):
        key = (candidate.start, candidate.end, candidate.subject.entity, candidate.predicate,
               candidate.object.entity, candidate.negated)  # fmt: skip
        if key in seen:
            continue
        seen.add(key)
        items.append(
            {
                "subject": candidate.subject.entity,
                "predicate": candidate.predicate,
                "object": candidate.object.entity,
                "quote": document[candidate.start : candidate.end],
                "start": candidate.start,
                "end": candidate.end,
                "subject_text": candidate.subject.text,
                "object_text": candidate.object.text,
                "certainty": candidate.certainty.value,
                "negated": candidate.negated,
                "status": "candidate",
                "n": len(items) + 1,
                "cue": candidate.cue,
            }
        )
    return items


def _suggestion_item(suggestion: Suggestion) -> dict:
    """A suggestion as the contract lists it, ``{curie, label, score}``, and the release
    file it was seen in, which the xref a curator makes of it records."""
    item = {"curie": suggestion.curie, "label": suggestion.label,
            "score": round(suggestion.score, 3)}  # fmt: skip
    if suggestion.seen_in:
        item["seen_in"] = suggestion.seen_in
    return item


def entity_items(entities: Iterable[ProposedEntity]) -> list[dict]:
    """The proposed entities as ``candidate-entities.yaml`` items, by id."""
    items = []
    for entity in sorted(entities, key=lambda e: e.id):
        item: dict = {"id": entity.id, "label": entity.label}
        if entity.synonyms:
            item["synonyms"] = list(entity.synonyms)
        item["type"] = entity.type
        if entity.xrefs:
            item["xrefs"] = [
                {"curie": curie, "match": match, "seen_in": seen_in}
                for curie, match, seen_in in entity.xrefs
            ]
        item["status"] = "candidate"
        if entity.suggestions:
            item["suggestions"] = [_suggestion_item(s) for s in entity.suggestions]
        items.append(item)
    return items


def dump_items(items: Sequence[dict], header: str | None = None) -> bytes:
    """A YAML list in the curator files' style: one blank line between items, keys in their
    given order, text as it is (no line folding), the same bytes for the same items
    (:mod:`kg.ingest.itemyaml` writes each as PyYAML does, faster)."""
    from kg.ingest.itemyaml import item_yaml

    lines = [f"# {header}\n"] if header else []
    if not items:
        return ("".join(lines) + "[]\n").encode("utf-8")
    for item in items:
        lines.append("\n" + item_yaml(item))
    return "".join(lines).encode("utf-8")


def _source_yaml(source: NewSource, sha256: str) -> bytes:
    import yaml

    record = {"id": source.id, "title": source.title, "kind": source.kind, "sha256": sha256,
              "note": source.note}  # fmt: skip
    return yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=10**9).encode()


def write_source(
    folder: Path,
    raw: bytes,
    source: NewSource,
    candidates: list[dict],
    entities: list[dict],
    *,
    force: bool = False,
) -> Path:
    """Write the new source folder ``folder`` as a whole; return it."""
    if os.path.lexists(folder) and not force:
        raise FolderExistsError(f"{folder}: exists already (give --force to replace it)")
    folder.parent.mkdir(parents=True, exist_ok=True)
    files = {
        "document.txt": raw,
        "source.yaml": _source_yaml(source, hashlib.sha256(raw).hexdigest()),
        "claims.yaml": dump_items([], HEADERS["claims.yaml"]),
        CANDIDATES: dump_items(candidates, HEADERS[CANDIDATES]),
        CANDIDATE_ENTITIES: dump_items(entities, HEADERS[CANDIDATE_ENTITIES]),
    }
    scratch = folder.parent / f".{folder.name}.{secrets.token_hex(4)}.nnkg-tmp"
    scratch.mkdir()  # as the umask says, like any folder the user makes
    try:
        for name, data in files.items():
            (scratch / name).write_bytes(data)
        if os.path.lexists(folder):  # --force: the old folder goes only once the new is made
            old = folder.parent / f".{folder.name}.{secrets.token_hex(4)}.old.nnkg-tmp"
            os.rename(folder, old)
            os.rename(scratch, folder)
            shutil.rmtree(old)
        else:
            os.rename(scratch, folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder
