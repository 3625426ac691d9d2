"""The entity catalogue (``ontology/entities.yaml``): load it and check every entry."""

from __future__ import annotations

import re
from pathlib import Path

from kg.base.errors import Problem, ProblemError, shown
from kg.base.model import Entity, Xref
from kg.base.vocab import CURIE_PREFIXES
from kg.curation.ontology import Ontology
from kg.curation.problemlog import ProblemLog
from kg.curation.records import FieldReader, display_path, load_records

__all__ = ["SLUG", "load_catalogue"]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_CURIE = re.compile(r"^([A-Z][A-Za-z]*):([A-Za-z0-9]+)$")  # UniProtKB: mixed case
_MATCHES = ("exact", "close")
_FIELDS = {"id", "label", "synonyms", "type", "definition", "xrefs"}


def _xrefs(reader: FieldReader) -> tuple[Xref, ...]:
    found = []
    for item in reader.get("xrefs", list, required=False, default=[]):
        if not isinstance(item, dict) or set(item) != {"curie", "match", "seen_in"}:
            reader.problem("xrefs", "each xref needs exactly curie, match and seen_in")
            continue
        curie, match, seen_in = item["curie"], item["match"], item["seen_in"]
        m = _CURIE.match(curie) if isinstance(curie, str) else None
        if not m or m.group(1) not in CURIE_PREFIXES:
            known = ", ".join(sorted(CURIE_PREFIXES))
            reader.problem("xrefs", f"{shown(curie)} is not a CURIE with a known prefix ({known})")
        elif match not in _MATCHES:
            reader.problem(
                "xrefs", f"match of {shown(curie)} must be exact or close, not {shown(match)}"
            )
        elif not isinstance(seen_in, str) or not seen_in.strip():
            reader.problem(
                "xrefs", f"{shown(curie)} needs seen_in: where its id and label were checked"
            )
        else:
            found.append(Xref(curie, match, seen_in))
    return tuple(sorted(found, key=lambda x: x.curie))


def _type_problem(cls: str, ontology: Ontology) -> str | None:
    """Why ``cls`` cannot be an entity's type, or None when it can."""
    if cls in ontology.entity_classes:
        return None
    if cls in ontology.superclasses:  # the root, or a class marked abstract
        below = ", ".join(ontology.subclasses(cls))
        return f"{cls} is too general for an entity; use one of its subclasses ({below})"
    known = ", ".join(sorted(ontology.entity_classes))
    return f"unknown class {shown(cls)} (known: {known})"


def load_catalogue(
    path: Path, ontology: Ontology, known: dict[str, Entity] | None = None
) -> tuple[dict[str, Entity], list[Problem]]:
    """Read a catalogue file; return its valid entities and the problems of the rest.

    ``known`` entities (from catalogues read before) count as defined already: an id or a
    name they use may not be used again.
    """
    name = display_path(path)
    log = ProblemLog(name)
    entities: dict[str, Entity] = {}
    known = known or {}
    first_line: dict[str, str] = {slug: "in an earlier catalogue" for slug in known}
    names: dict[str, str] = {  # lower-cased label/synonym -> entity id
        text.casefold(): e.id for e in known.values() for text in (e.label, *e.synonyms)
    }
    try:
        for record in load_records(path):
            if log.full:
                break
            entity = _entity(FieldReader(record, log, _FIELDS), ontology, first_line, names)
            if entity is not None:
                first_line[entity.id] = f"at line {record.line}"
                entities[entity.id] = entity
    except ProblemError as exc:
        log.append(exc.problem)
    return entities, log.problems()


def _entity(
    reader: FieldReader, ontology: Ontology, first_line: dict[str, str], names: dict[str, str]
) -> Entity | None:
    """The entity of one catalogue record, or None when it has problems."""
    before = len(reader.log)
    slug = reader.get("id", str)
    label = reader.get("label", str)
    cls = reader.get("type", str)
    definition = reader.get("definition", str, required=False)
    synonyms = reader.text_list("synonyms")
    xrefs = _xrefs(reader)
    if slug is not None and not SLUG.match(slug):
        reader.problem("id", f"{shown(slug)} is not a lower-case slug like 'vitamin-b12'")
    if slug in first_line:
        reader.problem("id", f"{shown(slug)} is already defined {first_line[slug]}")
    why = _type_problem(cls, ontology) if cls is not None else None
    if why:
        reader.problem("type", why)
    for text, key in [(label, "label")] + [(s, "synonyms") for s in synonyms]:
        if text is None:
            continue
        owner = names.setdefault(text.casefold(), slug)
        if owner != slug:
            reader.problem(key, f"{shown(text)} already names entity {shown(owner)}")
    if len(reader.log) != before:
        return None
    return Entity(slug, label, cls, synonyms, definition, xrefs)
