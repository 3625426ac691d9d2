"""The names the mention finder knows: the graph's entities, sibling drafts' proposals and
the lexicon's standard terms, folded, with what each stands for and how its spelling binds
it (an acronym only in its own case)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from typing import Protocol

from kg.base.model import Entity
from kg.curation.ontology import Ontology
from kg.ingest.model import Suggestion, Term
from kg.ingest.names import american, fold, variants
from kg.ingest.wordlists import ADJECTIVES, GENERIC, STOPWORDS, VERBS

__all__ = [
    "LexiconLike",
    "Name",
    "Vocabulary",
    "case_bound",
    "class_kind",
    "extend_reach",
    "folded",
    "letters_of",
    "packaged_ontology",
    "spelt",
]

folded = lru_cache(maxsize=1 << 16)(fold)
#: Other spellings of a name, remembered: every span the matcher tries no name has asks.
_american = lru_cache(maxsize=1 << 16)(american)
_variants = lru_cache(maxsize=1 << 16)(variants)

_FIRST_WORD = re.compile(r"[^\W_]+")
#: A lexicon name that starts with an article ("the brain") is matched without it.
_ARTICLE = re.compile(r"(?:the|an?) ")


#: How many letters longer than the American spelling a British name may be ("anaemia").
_BRITISH_ROOM = 3

#: "X-based Y", "X-derived Y" are Ys of X: a text also calls them "X Y" ("plant-based
#: oils" are "plant oils"), a name that counts when no entity has it already.
_SOURCE_AFFIX = re.compile(r"\b([^\W\d_]+)[-‐‑ ](?:based|derived|sourced)\b", re.IGNORECASE)


class LexiconLike(Protocol):
    """What the matcher needs of :class:`kg.ingest.lexicon.Lexicon`."""

    names: Mapping[str, tuple[Term, ...]]
    max_words: int
    reach: Mapping[str, int]  # first word -> the length of the longest name it starts

    def suggest(self, name: str, k: int = 5) -> tuple[Suggestion, ...]: ...


@dataclass(frozen=True)
class Name:
    """What a folded name stands for. ``key`` identifies a proposed entity (a lexicon term's
    CURIE, or a noun phrase) whose id is only given when the document's proposals are
    settled; a name of the graph's own has ``entity`` instead."""

    type: str
    known: bool
    how: str
    spellings: tuple[str, ...]
    entity: str = ""
    key: str = ""
    terms: tuple[tuple[Term, str], ...] = ()  # (term, "exact" | "close")


@cache
def packaged_ontology() -> Ontology:
    from kg.curation.ontology import load_ontology

    return load_ontology()


def case_bound(spelling: str) -> bool:
    """Whether a name only counts in its own letter case: an acronym ("MS", "ALL") or a
    name of one or two letters."""
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) <= 2 or not any(c.islower() for c in letters)


def letters_of(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def spelt(text: str, spellings: Sequence[str]) -> bool:
    """Whether ``text`` may be read as a name spelt so: in any case, unless every spelling
    is case-bound, when its letters must be one of theirs exactly."""
    bound = [s for s in spellings if case_bound(s)]
    if not spellings or len(bound) < len(spellings):
        return True
    return letters_of(text) in {letters_of(s) for s in bound}


class Vocabulary:
    """The names the matcher knows: the graph's entities (``known``), entities sibling
    drafts proposed (``proposed``: id -> its candidate-entities.yaml record), and the
    lexicon's standard terms. A name of the graph wins over a lexicon term."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        lexicon: LexiconLike | None = None,
        *,
        proposed: Mapping[str, Mapping] | None = None,
        ontology: Ontology | None = None,
    ) -> None:
        self.entities = dict(entities)
        self.lexicon = lexicon
        self.proposed = {k: dict(v) for k, v in sorted((proposed or {}).items())}
        self.ontology = ontology or packaged_ontology()
        self._names: dict[str, Name] = {}
        spellings: dict[str, list[str]] = {}
        for entity in sorted(self.entities.values(), key=lambda e: e.id):
            self._add(entity.id, entity.type, True, entity.label, entity.synonyms, spellings)
        for pid, record in self.proposed.items():
            if isinstance(record.get("type"), str) and isinstance(record.get("label"), str):
                synonyms = [s for s in record.get("synonyms") or () if isinstance(s, str)]
                self._add(pid, record["type"], False, record["label"], synonyms, spellings)
        for text, name in [(t, self._names[folded(t)]) for ts in spellings.values() for t in ts]:
            short = _SOURCE_AFFIX.sub(r"\1", text)
            if short != text and folded(short) not in self._names:
                self._names[folded(short)] = replace(name, how="synonym")
                spellings[folded(short)] = [short]
        self._names = {
            key: Name(n.type, n.known, n.how, tuple(spellings[key]), n.entity)
            for key, n in self._names.items()
        }
        self._read: dict[str, Name | None] = {}
        self._reached: dict[str, int] = {}  # reach, by word: it is asked at every word

    def _add(
        self,
        entity: str,
        cls: str,
        known: bool,
        label: str,
        synonyms: Iterable[str],
        spellings: dict[str, list[str]],
    ) -> None:
        for how, text in [("label", label), *(("synonym", s) for s in synonyms)]:
            key = folded(text)
            if key not in self._names:
                self._names[key] = Name(cls, known, how, (), entity)
            if self._names[key].entity == entity:
                spellings.setdefault(key, []).append(text)

    @cached_property
    def _all_reach(self) -> dict[str, int]:
        """The graph's reach and the lexicon's, as one table: it is read at every word."""
        return _reaches(self._names, dict(self.lexicon.reach) if self.lexicon is not None else {})

    def reach(self, word: str) -> int:
        """The length of the longest folded name that starts with folded ``word``, or with
        its American spelling, and room for a British spelling's longer words."""
        reach = self._reached.get(word)
        if reach is None:
            most = max(self._all_reach.get(word, 0), self._all_reach.get(_american(word), 0))
            reach = self._reached[word] = most + _BRITISH_ROOM if most else 0
        return reach

    @property
    def graph_names(self) -> frozenset[str]:
        """The folded names of the graph's entities and of sibling drafts' proposals."""
        return frozenset(self._names)

    def taken(self, key: str) -> bool:
        """Whether a folded name already names an entity of the graph or of a draft."""
        return key in self._names

    def graph_name(self, key: str) -> Name | None:
        """The graph's name ``key``, or by another spelling of it (:func:`variants`)."""
        found = self._names.get(key)
        for other in _variants(key) if found is None else ():
            found = found or self._names.get(other)
        return found

    def lexicon_name(self, key: str) -> Name | None:
        """The lexicon's reading of a folded name: the class most of the terms whose label
        it is give (on a tie, the class more of all its terms give, then the more specific
        one), or, of that class's kind, a class of its other terms that more relations
        admit (:func:`admitting`: "night blindness", a MONDO disease, is an HP phenotype
        too, and a phenotype can be a sign of something); and the xrefs of its terms of
        that kind, exact where the name is the term's label and close where it is a
        synonym or the term is of another class of the same kind."""
        if key not in self._read:
            self._read[key] = self._lexicon_name(key)
        return self._read[key]

    def class_name(self, key: str) -> Name | None:
        """The lexicon's reading of a class word too generic to be a mention on its own
        ("mineral", "antioxidant"), for where the text names the class ("an antioxidant")."""
        return self._lexicon_name(key, generic=True)

    def substance_name(self, key: str) -> Name | None:
        """The lexicon's reading of a folded word that is a verb too ("lead"), where it
        names a substance (of the kind of ChemicalEntity): for where the words around it
        make it a noun (:meth:`kg.ingest.matching.Matcher.substances`); or None."""
        if key not in VERBS:
            return None
        name = self._lexicon_name(key, verb=True)
        return name if name is not None and self.kind(name.type) == "ChemicalEntity" else None

    def food_name(self, key: str) -> Name | None:
        """The lexicon's reading of a folded name as a food, where its first reading is
        another thing ("liver", an organ and FoodOn's "animal liver"), labelled as FoodOn
        labels it, so the food and the organ of one text are two entities; or None."""
        name = self._lexicon_name(key, kind="Food")
        if name is None or name.type != "Food":
            return None
        label = name.terms[0][0].label
        return replace(name, spellings=(label, *name.spellings))

    def _lexicon_name(
        self, key: str, generic: bool = False, kind: str = "", verb: bool = False
    ) -> Name | None:
        if self.lexicon is None or key in STOPWORDS or (key in VERBS and not verb):
            return None  # "leads to" names no lead
        if (key in GENERIC and not generic) or key in ADJECTIVES or _ARTICLE.match(key):
            return None  # "rich in" names no RICH syndrome; "the brain" is "brain"
        if key not in self.lexicon.names:  # "dietary fibre" is "dietary fiber"
            key = next((v for v in _variants(key) if v in self.lexicon.names), key)
        terms = [
            t
            for t in self.lexicon.names.get(key, ())
            if t.type in self.ontology.entity_classes and kind in ("", self.kind(t.type))
        ]
        if not terms:
            return None
        by_label = [t for t in terms if folded(t.label) == key] or terms
        votes = Counter(t.type for t in by_label)
        also = Counter(t.type for t in terms)
        cls = max(votes, key=lambda c: (votes[c], also[c], len(self.ontology.superclasses[c]), c))
        kind = self.kind(cls)
        kin = {t.type for t in terms if self.kind(t.type) == kind}
        cls = max(kin, key=lambda c: (admitting(self.ontology, c), c == cls, c))
        chosen = sorted(
            (t for t in terms if self.kind(t.type) == kind),
            key=lambda t: (folded(t.label) != key, t.type != cls, t.curie),
        )
        spellings = tuple(
            name for t in chosen for name in (t.label, *t.synonyms) if folded(name) == key
        )
        xrefs = tuple(
            (t, "exact" if folded(t.label) == key and t.type == cls else "close") for t in chosen
        )
        return Name(cls, False, "lexicon", spellings, key=chosen[0].curie, terms=xrefs)

    def kind(self, cls: str) -> str:
        return class_kind(self.ontology, cls)

    def narrowed(self, name: Name, cls: str) -> Name:
        """A lexicon name read as the narrower class ``cls`` its phrase's head word names
        ("folate deficiency", a phenotype in HP, is a deficiency state), where the
        lexicon's class is of the same kind; its terms then match it only closely. A name
        of the graph keeps the graph's class."""
        if name.entity or self.is_a(name.type, cls) or self.kind(name.type) != self.kind(cls):
            return name
        terms = tuple(
            (t, "exact" if m == "exact" and t.type == cls else "close") for t, m in name.terms
        )
        return replace(name, type=cls, terms=terms)

    def is_a(self, cls: str, ancestor: str) -> bool:
        return self.ontology.is_a(cls, ancestor)


@lru_cache(maxsize=1 << 12)
def admitting(ontology: Ontology, cls: str) -> int:
    """How many ends of the ontology's relations (a domain or a range) take ``cls``: of two
    readings of one name, the one a cue is less often barred from (a Phenotype is all a
    Disease is to a relation, and the object of hasSymptom too; a Nutrient is the object
    of sourceOf as well as all a ChemicalEntity is)."""
    ends = [end for r in ontology.relations.values() for end in (r.domain, r.range)]
    return sum(ontology.is_a(cls, end) for end in ends)


@lru_cache(maxsize=1 << 12)
def class_kind(ontology: Ontology, cls: str) -> str:
    """The class right below Entity that ``cls`` is one of (Condition for Phenotype);
    remembered, since every list and anaphor asks it again (an ontology is read-only)."""
    ancestors = ontology.superclasses.get(cls, frozenset())
    return next((c for c in sorted(ancestors) if len(ontology.superclasses[c]) == 2), cls)


def _reaches(keys: Iterable[str], reach: dict[str, int]) -> dict[str, int]:
    """``reach`` extended by ``keys`` in one loop (a lexicon has hundreds of thousands)."""
    first_word = _FIRST_WORD.match
    for key in keys:
        first = first_word(key)
        if first and len(key) > reach.get(first.group(), 0):
            reach[first.group()] = len(key)
    return reach


def extend_reach(reach: dict[str, int], key: str) -> None:
    """``reach`` extended by ``key``: the longest key each first word starts."""
    _reaches((key,), reach)
