"""What the stages of ``nnkg ingest`` hand each other: spans of the document, the mentions
found in it, the standard terms they may be grounded to, and the candidate claims.

Every offset is a Python ``str`` index into the document as ``document.txt`` decodes (UTF-8,
no newline translation), as for curated claims: ``document[start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.base.model import Certainty

__all__ = ["Candidate", "Mention", "ProposedEntity", "Sentence", "Suggestion", "Term", "Token"]


@dataclass(frozen=True, order=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class Sentence:
    """One sentence of the document, with its tokens (offsets into the document)."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Term:
    """A term of a standard ontology, as the lexicon holds it: its CURIE, its label and
    synonyms, the nnkg class it maps to, and the release file it was read from."""

    curie: str
    label: str
    synonyms: tuple[str, ...]
    type: str
    seen_in: str


@dataclass(frozen=True)
class Suggestion:
    """A standard term whose name is only like a mention's: offered, never taken. The
    release file it was read from (as for :class:`Term`) goes with it, so the xref a
    curator makes of it says where it was seen ("" where a vocabulary does not say)."""

    curie: str
    label: str
    score: float
    seen_in: str = ""


@dataclass(frozen=True, order=True)
class Mention:
    """A span of the document that names an entity.

    ``entity`` is the id (a slug) of an entity the graph already has (``known``) or of one
    ``nnkg ingest`` proposes; ``how`` says what found it (a catalogue label or synonym, the
    lexicon, an alias or abbreviation the text introduces, an anaphor such as "this
    vitamin" resolved to an earlier mention)."""

    start: int
    end: int
    text: str
    entity: str
    type: str
    known: bool
    how: str


@dataclass(frozen=True)
class ProposedEntity:
    """A new entity for ``candidate-entities.yaml``: its xrefs are exact or close matches
    from the lexicon, each with the release file it was seen in; ``suggestions`` are the
    likely terms of a mention with no exact match, for the curator to choose from."""

    id: str
    label: str
    synonyms: tuple[str, ...]
    type: str
    xrefs: tuple[tuple[str, str, str], ...] = ()  # (curie, "exact" | "close", seen_in)
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A drafted claim: subject and object mentions, nnkg's predicate (a local name of
    ontology/nnkg.ttl), the quote's span, certainty and negation, and the ``cue``: the rule
    and the words that fired."""

    subject: Mention
    predicate: str
    object: Mention
    start: int
    end: int
    certainty: Certainty
    negated: bool
    cue: str
