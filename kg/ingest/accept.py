"""``nnkg accept``: reviewed candidates become curated claims.

The chosen candidates (by their number ``n``) are copied into ``claims.yaml`` without the
review fields, the entities they use that the graph does not have yet into the source's
``entities.yaml`` (from its own ``candidate-entities.yaml``, or from a sibling draft's
that no one has accepted), and they are marked ``status: accepted`` in
``candidates.yaml``; numbers stay, and a second accept of the same claim skips it. Each
file is replaced atomically, the candidates last: an accept that breaks off is repeated
without copying a claim twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import NnkgError
from kg.ingest.folder import HEADERS, claim_fields, dump_items
from kg.ingest.known import CANDIDATE_ENTITIES, CANDIDATES, read_items

__all__ = [
    "ENTITY_KEYS",
    "AcceptResult",
    "accept",
    "catalogue_entity",
    "new_entities",
]

#: The fields of a catalogue entity (the review fields of a candidate entity are dropped).
ENTITY_KEYS = ("id", "label", "synonyms", "type", "definition", "xrefs")


class AcceptError(NnkgError):
    """A candidate number that is not in the folder, or a folder that is no draft."""


@dataclass(frozen=True)
class AcceptResult:
    accepted: tuple[int, ...]
    skipped: tuple[int, ...]  # accepted before
    entities: tuple[str, ...]  # added to entities.yaml


def _claim_key(item: dict) -> tuple:
    return tuple(item.get(k) for k in ("subject", "predicate", "object", "start", "end"))


def _names(entities) -> set[str]:
    return {name.casefold() for e in entities for name in (e.label, *e.synonyms)}


def catalogue_entity(item: dict, taken: set[str]) -> dict:
    """A candidate entity as a catalogue item: review fields gone, and any synonym another
    entity already uses left out (the catalogue allows each name once)."""
    entity = {k: item[k] for k in ENTITY_KEYS if k in item}
    synonyms = [s for s in entity.get("synonyms", []) if s.casefold() not in taken]
    if synonyms:
        entity["synonyms"] = synonyms
    else:
        entity.pop("synonyms", None)
    return entity


def new_entities(
    claims: Sequence[dict], defined: set[str], taken: set[str], find: Callable[[str], dict | None]
) -> list[dict]:
    """The catalogue items of the entities ``claims`` use that are not ``defined`` yet,
    made from their proposals (``find``: an id's candidate entity, or None), each once;
    ``defined`` and ``taken`` (the names in use) grow with them."""
    added = []
    for claim in claims:
        for entity in (claim["subject"], claim["object"]):
            proposal = None if entity in defined else find(entity)
            if proposal is None:
                continue  # the graph has it, or validate will say it is unknown
            item = catalogue_entity(proposal, taken)
            added.append(item)
            defined.add(entity)
            taken |= {name.casefold() for name in (item["label"], *item.get("synonyms", ()))}
    return added


def accept(folder: Path, numbers: Sequence[int] | None = None) -> AcceptResult:
    """Accept the candidates numbered ``numbers`` of the draft in ``folder`` (None: all)."""
    from kg.base.files import write_atomic
    from kg.ingest.known import load_known

    path = folder / CANDIDATES
    if not path.is_file():
        raise AcceptError(f"{path}: no such file (is {folder} a folder nnkg ingest wrote?)")
    candidates = read_items(path)
    by_number = {item.get("n"): item for item in candidates}
    if numbers is None:  # --all: every candidate the review has not rejected
        wanted = sorted(n for n, item in by_number.items() if item.get("status") != "rejected")
    else:
        wanted = sorted(set(numbers))
    missing = [n for n in wanted if n not in by_number]
    if missing:
        raise AcceptError(
            f"{path}: no candidate numbered {', '.join(map(str, missing))} (1 to {len(candidates)})"
        )
    claims = read_items(folder / "claims.yaml")
    have = {_claim_key(item) for item in claims}
    chosen = [by_number[n] for n in wanted if by_number[n].get("status") != "accepted"]
    skipped = tuple(n for n in wanted if by_number[n].get("status") == "accepted")
    new_claims = [claim_fields(item) for item in chosen if _claim_key(item) not in have]

    known = load_known(folder.parent, skip=folder)
    own = {item["id"]: item for item in read_items(folder / CANDIDATE_ENTITIES)}
    entities = read_items(folder / "entities.yaml")
    defined = set(known.entities) | {item.get("id") for item in entities}
    taken = _names(known.entities.values())
    found = new_entities(new_claims, defined, taken, lambda e: own.get(e) or known.proposed.get(e))
    entities += found
    added = [item["id"] for item in found]
    if added:
        write_atomic(folder / "entities.yaml", dump_items(entities))
    if new_claims:
        write_atomic(
            folder / "claims.yaml", dump_items([*claims, *new_claims], HEADERS["claims.yaml"])
        )
    for item in chosen:
        item["status"] = "accepted"
    if chosen:
        write_atomic(path, dump_items(candidates, HEADERS[CANDIDATES]))
    return AcceptResult(tuple(item["n"] for item in chosen), skipped, tuple(added))
