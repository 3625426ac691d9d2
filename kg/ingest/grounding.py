"""What a draft keeps of the provisional mentions of :mod:`kg.ingest.arguments`: each becomes
the graph's entity by that name, a sibling draft's, or a new proposed entity of the class
its claims give, with the lexicon's suggestions; never silently grounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from kg.curation.ontology import Ontology
from kg.ingest.model import Candidate, Mention, ProposedEntity
from kg.ingest.names import fold
from kg.ingest.proposals import new_id
from kg.ingest.vocabulary import Vocabulary

__all__ = ["PENDING", "ground_arguments", "is_argument"]

#: The entity id prefix of a provisional mention, until :func:`ground_arguments` names it.
PENDING = "?np:"


def is_argument(mention: Mention) -> bool:
    """Whether ``mention`` is a provisional one (:mod:`kg.ingest.arguments`), not a
    vocabulary's."""
    return mention.entity.startswith(PENDING)


def _label(mention: Mention, document: str) -> str:
    """A proposed entity's label: the phrase as written, lower-cased where only the
    sentence's start capitalises it."""
    text = mention.text
    lead = text[:1].isupper() and text[1:2].islower()
    before = document[: mention.start].rstrip()
    opens = not before or before[-1] in ".!?:\n"
    return text[0].lower() + text[1:] if lead and opens else text


def ground_arguments(
    candidates: Sequence[Candidate],
    proposed: Sequence[ProposedEntity],
    vocabulary: Vocabulary,
    document: str,
) -> tuple[list[Candidate], list[ProposedEntity]]:
    """``candidates`` with each provisional mention given an entity, and ``proposed`` with
    the new entities added: the graph's (or a sibling draft's) when ``vocabulary`` knows
    the phrase, one of ``proposed`` by that label, else a new one of the mention's class
    with the lexicon's suggestions. A phrase is one entity of one class, the most specific
    its claims give; a claim whose slot that class does not fit is dropped."""
    ontology = vocabulary.ontology
    ids = set(vocabulary.entities) | set(vocabulary.proposed) | {e.id for e in proposed}
    by_label = {fold(e.label): e for e in proposed}
    types = _types(candidates, ontology)
    entities: dict[str, tuple[str, str]] = {}  # pending id -> (entity id, class)
    new: list[ProposedEntity] = []
    kept = []
    for c in candidates:
        ends: list[Mention | None] = []
        for m in (c.subject, c.object):
            if is_argument(m):
                if m.entity not in entities:
                    entity, fresh = _entity(m, types[m.entity], document, ids, by_label, vocabulary)
                    entities[m.entity] = entity
                    new += [fresh] if fresh else []
                entity_id, cls = entities[m.entity]
                m = replace(m, entity=entity_id, type=cls) if ontology.is_a(cls, m.type) else None
            ends.append(m)
        if ends[0] is not None and ends[1] is not None:
            kept.append(replace(c, subject=ends[0], object=ends[1]))
    return kept, [*proposed, *new]


def _types(candidates: Iterable[Candidate], ontology: Ontology) -> dict[str, str]:
    """Per provisional mention, the class of its first claim, or a narrower one a later
    claim gives it (Phenotype after Condition)."""
    found: dict[str, str] = {}
    for c in candidates:
        for m in (c.subject, c.object):
            if is_argument(m) and ontology.is_a(m.type, found.setdefault(m.entity, m.type)):
                found[m.entity] = m.type
    return found


def _entity(
    mention: Mention,
    cls: str,
    document: str,
    ids: set[str],
    by_label: dict[str, ProposedEntity],
    vocabulary: Vocabulary,
) -> tuple[tuple[str, str], ProposedEntity | None]:
    """The entity (id, class) a provisional mention names, and the entity to propose for
    it when it is a new one (see :func:`ground_arguments`). Its name is the one its id
    holds: a clause's is the noun phrase it states ("damage the nerves": nerve damage)."""
    key = mention.entity.removeprefix(PENDING)  # the phrase's name, folded
    name = vocabulary.graph_name(key)
    if name is not None and name.entity:
        return (name.entity, name.type), None
    if key in by_label:
        return (by_label[key].id, by_label[key].type), None
    label = _label(mention, document) if fold(mention.text) == key else key
    pid = new_id(label, ids)
    lexicon = vocabulary.lexicon
    suggestions = tuple(lexicon.suggest(label, k=5)) if lexicon is not None else ()
    entity = ProposedEntity(pid, label, (), cls, (), suggestions)
    by_label[key] = entity
    return (pid, cls), entity
