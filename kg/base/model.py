"""The curated objects nnkg reasons about: entities, sources and the claims they make."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

__all__ = [
    "SOURCE_KINDS",
    "Certainty",
    "Claim",
    "Corpus",
    "Entity",
    "Source",
    "Xref",
    "claim_hash",
]

#: Source kinds of the contract, as in docs/design.md.
SOURCE_KINDS = ("PopularArticle", "FactSheet", "Review", "PrimaryStudy", "Textbook")


class Certainty(StrEnum):
    """How firmly a source states a claim. Its value is the curator's YAML spelling
    (``asserted``); :attr:`term` the spelling of RDF and JSON (``nnkg:Asserted``,
    ``"Asserted"``), so both come from here."""

    ASSERTED = "asserted"
    HEDGED = "hedged"

    @property
    def term(self) -> str:
        return self.value.capitalize()

    @classmethod
    def of_term(cls, term: str) -> Certainty:
        """The certainty whose :attr:`term` is ``term``; ValueError for any other."""
        if term != term.capitalize():
            raise ValueError(term)
        return cls(term.lower())


@dataclass(frozen=True)
class Xref:
    """A cross-reference to a standard ontology term, with where it was checked."""

    curie: str
    match: str  # "exact" or "close"
    seen_in: str


@dataclass(frozen=True)
class Entity:
    """One thing the sources talk about, from ``ontology/entities.yaml``."""

    id: str
    label: str
    type: str
    synonyms: tuple[str, ...] = ()
    definition: str | None = None
    xrefs: tuple[Xref, ...] = ()


def claim_hash(
    source: str,
    subject: str,
    predicate: str,
    obj: str,
    start: int,
    end: int,
    *,
    population: str | None = None,
    exposure: str | None = None,
) -> str:
    """The claim's stable identity: 16 hex digits of sha256 over what it says and where, and
    in which context when it has one (so claims differing only in context do not collide,
    while a claim without qualifiers keeps the hash it always had).

    >>> claim_hash("s", "a", "p", "b", 0, 5)
    'a7be2edb4cfabe71'
    >>> claim_hash("s", "a", "p", "b", 0, 5, population="vegans")
    'a7862b64705e4329'
    """
    parts = [source, subject, predicate, obj, str(start), str(end)]
    if population is not None or exposure is not None:
        parts += [f"population={population or ''}", f"exposure={exposure or ''}"]
    return hashlib.sha256("\t".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Claim:
    """One relation a source states, with its verbatim evidence."""

    source: str
    subject: str
    predicate: str
    object: str
    quote: str
    start: int
    end: int
    subject_text: str
    object_text: str
    certainty: Certainty
    negated: bool = False
    certainty_note: str | None = None
    #: Context qualifiers: the population (an entity id) and the exposure (a term of the
    #: ontology's closed vocabulary, as the curator spells it) the claim holds for, and the
    #: words of the quote that say so.
    population: str | None = None
    exposure: str | None = None
    qualifier_text: str | None = None

    @property
    def id(self) -> str:
        return claim_hash(
            self.source, self.subject, self.predicate, self.object, self.start, self.end,
            population=self.population, exposure=self.exposure,
        )  # fmt: skip


@dataclass(frozen=True)
class Source:
    """A curated document: its metadata, its text and its claims."""

    id: str
    title: str
    kind: str
    sha256: str
    document: str
    path: Path
    note: str | None = None
    claims: tuple[Claim, ...] = ()


@dataclass
class Corpus:
    """Everything one build reads: the entity catalogue and the sources."""

    entities: dict[str, Entity] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [claim for source in self.sources for claim in source.claims]
