"""What every importer (``nnkg import kgx|indra``) makes of the rows it reads: an ordinary
source folder's contents. The quotes, each once, joined by blank lines, are the document;
each claim points into it; each entity is one the graph already has (by CURIE, through the
catalogues' cross-references, or by its own nnkg id) or a new one with its CURIEs as exact
xrefs. Nothing is merged by label alone, and no id is invented: a row whose entity has no
CURIE nnkg knows, no nnkg class, or a relation its classes do not fit is one problem line
(file, line or index, field), and the other rows are still imported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.base.errors import NnkgError
from kg.base.vocab import CURIE_PREFIXES

if TYPE_CHECKING:
    from kg.base.model import Entity
    from kg.curation.ontology import Ontology

__all__ = [
    "Agent", "ImportError_", "Imported", "Problems", "Row", "Setting", "assemble", "mention",
    "read_text",
]  # fmt: skip

#: Separator between two quotes in the document an import writes.
GAP = "\n\n"


class ImportError_(NnkgError):  # not ``ImportError``, which is Python's own
    """Input that no claim could be imported from."""


@dataclass(frozen=True)
class Agent:
    """One side of a row as its file names it: a label, CURIEs (preferred first), the nnkg
    class the file implies ("" to ask the lexicon), or an nnkg entity id named directly."""

    label: str
    curies: tuple[str, ...] = ()
    type: str = ""
    entity: str = ""
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One claim as read, before its entities are resolved."""

    where: str  # "edges.tsv:4", "statements.json[2].evidence[0]"
    subject: Agent
    predicate: str
    object: Agent
    quote: str
    subject_text: str
    object_text: str
    certainty: str = "asserted"
    negated: bool = False
    population: Agent | None = None
    exposure: str = ""
    qualifier_text: str = ""
    start: int = -1  # where the quote is in the reader's own document (-1: none given)


@dataclass
class Problems:
    """The bad rows, one line each, in the order met."""

    lines: list[str] = field(default_factory=list)

    def add(self, where: str, name: str, message: str) -> None:
        self.lines.append(f"{where}: {name}: {message}")


@dataclass(frozen=True)
class Setting:
    """What an import resolves against: the entities the graph has, the ontology, and a
    lookup of a CURIE in the lexicon (its label, nnkg class and release file, or None)."""

    entities: Mapping[str, Entity]
    ontology: Ontology
    lookup: Callable[[str], tuple[str, str, str] | None]
    seen_in: str  # what a new xref records as where it was seen: the input file


@dataclass(frozen=True)
class Imported:
    document: str
    claims: list[dict]
    entities: list[dict]
    rows: int  # rows read
    problems: list[str]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def known_curie(curie: str) -> bool:
    prefix, _, local = curie.partition(":")
    return prefix in CURIE_PREFIXES and bool(local)


class _Entities:
    """The entities of an import: the graph's, found by CURIE, and the new ones."""

    def __init__(self, setting: Setting, problems: Problems) -> None:
        self.setting, self.problems = setting, problems
        self.by_curie = {
            x.curie: e.id for e in setting.entities.values() for x in e.xrefs if x.match == "exact"
        }
        self.names = {n.casefold() for e in setting.entities.values()
                      for n in (e.label, *e.synonyms)}  # fmt: skip
        self.ids = set(setting.entities)
        self.new: dict[str, dict] = {}

    def type_of(self, entity: str) -> str:
        known = self.setting.entities.get(entity)
        return known.type if known else self.new[entity]["type"]

    def resolve(self, agent: Agent, where: str, name: str) -> str | None:
        if agent.entity and agent.entity in self.ids:
            return agent.entity
        curies = [c for c in agent.curies if known_curie(c)]
        for curie in curies:
            if curie in self.by_curie:
                return self.by_curie[curie]
        if not curies:
            shown = ", ".join(agent.curies) or "none"
            self.problems.add(where, name, f"{agent.label!r} has no CURIE nnkg knows "
                              f"(given: {shown}); it is never merged by label")  # fmt: skip
            return None
        found = self.setting.lookup(curies[0])
        cls = agent.type or (found[1] if found else "")
        if cls not in self.setting.ontology.entity_classes:
            self.problems.add(where, name, f"{agent.label!r} ({curies[0]}): no nnkg class "
                              f"for it{f' ({cls})' if cls else ''}")  # fmt: skip
            return None
        return self._add(agent, curies, cls, found)

    def _add(self, agent: Agent, curies: list[str], cls: str, found) -> str:
        label = agent.label or (found[0] if found else curies[0])
        if label.casefold() in self.names:  # the name is another entity's: say which this is
            label = f"{label} ({curies[0]})"
        self.names.add(label.casefold())
        entity, n = _slug(label), 1
        while entity in self.ids:
            n += 1
            entity = f"{_slug(label)}-{n}"
        self.ids.add(entity)
        xrefs = []
        for curie in curies:
            if curie not in self.by_curie:
                hit = self.setting.lookup(curie)
                seen = hit[2] if hit and hit[2] else self.setting.seen_in
                xrefs.append({"curie": curie, "match": "exact", "seen_in": seen})
                self.by_curie[curie] = entity
        self.new[entity] = {"id": entity, "label": label, "type": cls, "xrefs": xrefs}
        return entity


def _fits(setting: Setting, entities: _Entities, row: Row, ids: tuple[str, str]) -> str:
    relation = setting.ontology.relations.get(row.predicate)
    if relation is None:
        return f"{row.predicate!r} is no relation of the ontology"
    for entity, expected, side in ((ids[0], relation.domain, "subject"),
                                   (ids[1], relation.range, "object")):  # fmt: skip
        cls = entities.type_of(entity)
        if not setting.ontology.is_a(cls, expected):
            return f"{row.predicate} needs a {expected} as {side}, and {entity} is a {cls}"
    return ""


def assemble(
    rows: list[Row], setting: Setting, problems: Problems, read: int, document: str | None = None
) -> Imported:
    """The source folder's document, claims and new entities for ``rows``: ``document``
    with each quote at its row's ``start`` where the reader gives one, else the quotes."""
    entities = _Entities(setting, problems)
    at: dict[str, int] = {}
    parts: list[str] = []
    size = 0
    claims: list[dict] = []
    seen: dict[tuple, str] = {}
    for row in rows:
        subject = entities.resolve(row.subject, row.where, "subject")
        obj = entities.resolve(row.object, row.where, "object")
        population = None
        if row.population is not None:
            population = entities.resolve(row.population, row.where, "population")
            if population is None:
                continue
        if subject is None or obj is None:
            continue
        if wrong := _fits(setting, entities, row, (subject, obj)):
            problems.add(row.where, "predicate", wrong)
            continue
        key = (subject, row.predicate, obj, row.quote, row.start, row.negated, population,
               row.exposure)  # fmt: skip
        if key in seen:
            problems.add(row.where, "claim", f"the same claim as {seen[key]}: kept once")
            continue
        seen[key] = row.where
        if document is None and row.quote not in at:
            at[row.quote] = size + (len(GAP) if parts else 0)
            size = at[row.quote] + len(row.quote)
            parts.append(row.quote)
        start = row.start if document is not None else at[row.quote]
        claim = {
            "subject": subject, "predicate": row.predicate, "object": obj,
            "quote": row.quote, "start": start, "end": start + len(row.quote),
            "subject_text": row.subject_text, "object_text": row.object_text,
            "certainty": row.certainty, "negated": row.negated,
        }  # fmt: skip
        if population:
            claim["population"] = population
        if row.exposure:
            claim["exposure"] = row.exposure
        if population or row.exposure:
            claim["qualifier_text"] = row.qualifier_text
        claims.append(claim)
    used = {c[k] for c in claims for k in ("subject", "object", "population") if k in c}
    new = [entities.new[e] for e in sorted(entities.new) if e in used]
    for item in new:
        if not item["xrefs"]:
            del item["xrefs"]
    text = GAP.join(parts) if document is None else document
    return Imported(text, claims, new, read, problems.lines)


def read_text(path) -> str:
    """An input file's text: a regular file within the size limit, UTF-8."""
    from kg.base.safefile import read_regular

    try:
        return read_regular(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{path}: not UTF-8 text (byte {exc.start})") from None


def mention(quote: str, *names: str) -> str:
    """The first of ``names`` found in ``quote`` (case aside), as the quote spells it."""
    folded = quote.casefold()
    for name in names:
        if name and len(folded) == len(quote) and (i := folded.find(name.casefold())) >= 0:
            return quote[i : i + len(name)]
    return ""
