"""Stage 2 of ``nnkg ingest``: the mentions of entities in a document.

A mention is found, in this order of trust, as a name the graph already has (a catalogue or
source entity's label or synonym), a name the text itself gives an entity ("X, also known
as Y", "X (Y)", "Y, or X,", an abbreviation in parentheses), a standard term of the lexicon,
or an anaphor ("this vitamin", "the deficiency", a safe "it") that points back to an earlier
mention. Names are matched longest first over words, folded (:func:`kg.ingest.names.fold`),
never inside a word. A lexicon term the graph lacks becomes a :class:`ProposedEntity`; a
noun phrase with a class head word ("... deficiency", "... disease") that no vocabulary
knows is proposed with suggestions only, for the curator to choose from.

The word lists here are general English and the ontology's classes: nothing in them is
taken from a particular text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Protocol

from kg.base.model import Entity
from kg.curation.ontology import Ontology
from kg.ingest.model import Mention, ProposedEntity, Sentence, Suggestion, Term
from kg.ingest.names import fold

__all__ = ["HOWS", "LexiconLike", "Vocabulary", "find_mentions", "list_groups"]

#: What found a mention (:attr:`Mention.how`).
HOWS = ("label", "synonym", "lexicon", "alias", "abbreviation", "anaphora", "suggested")

_folded = lru_cache(maxsize=1 << 16)(fold)


def _wordset(words: str) -> frozenset[str]:
    """A word list written as text, one space between words."""
    return frozenset(words.split())


#: A word of the document: letters and digits, with an apostrophe inside ("don't") or a dash
#: between a letter and a digit ("B-12", as fold drops it); a possessive "'s" is a word of
#: its own, so "B12's" holds the name "B12".
_WORD = re.compile(
    r"['’]s(?![^\W_])|[^\W_]+(?:(?:['’](?!s(?![^\W_]))|(?<=[^\W\d_])[-‐‑‒–—](?=\d))[^\W_]+)*"
)
_FIRST_WORD = re.compile(r"[^\W_]+")
_DASH = "-‐‑‒–—"

_STOPWORDS = _wordset(
    """a about above after again against all almost also although always am among an and
    another any are as at be because been before being below between both but by can
    cannot could did do does doing done down during each either else even ever every few
    for from further had has have having he her here hers herself him himself his how
    however i if in into is it its itself just least less many may me might more most much
    must my myself neither no nor not now of off often on once one only or other others
    otherwise our ours ourselves out over own per perhaps quite rather same several shall
    she should since so some such than that the their theirs them themselves then there
    these they this those though through thus to too toward towards under until up upon us
    usually very via was we well were what whatever when where whether which while who
    whom whose why will with within without would yet you your yours yourself yourselves
    's"""
)
#: Heads of the anaphors health texts use, each with the classes an antecedent may have, in
#: order of preference ("this vitamin" is a nutrient before it is any chemical).
_ANAPHOR_HEADS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("vitamin", "nutrient", "mineral", "micronutrient", "element"),
        ("Nutrient", "ChemicalEntity"),
    ),
    **dict.fromkeys(
        (
            "compound",
            "substance",
            "chemical",
            "molecule",
            "antioxidant",
            "hormone",
            "neurotransmitter",
            "metabolite",
            "amino acid",
            "fatty acid",
        ),
        ("ChemicalEntity",),
    ),
    "condition": ("Condition",),
    "problem": ("Condition",),
    **dict.fromkeys(("disease", "disorder", "illness", "syndrome"), ("Disease", "Condition")),
    "deficiency": ("DeficiencyState",),
    "symptom": ("Phenotype",),
    "sign": ("Phenotype",),
    "food": ("Food",),
    "supplement": ("Food",),
    "process": ("BiologicalProcess",),
    "function": ("PhysiologicalFunction", "BiologicalProcess"),
    "cell": ("Cell",),
    **dict.fromkeys(("structure", "tissue", "organ"), ("AnatomicalStructure",)),
    **dict.fromkeys(
        ("group", "individual", "people", "person", "patient", "population"),
        ("PopulationGroup",),
    ),
}
_ANAPHOR_DETERMINERS = frozenset({"this", "these", "that", "those", "such", "the"})
#: After "the" + head, words that show a description rather than an anaphor ("the
#: deficiency of ...", "the protein that ...").
_DESCRIBED_BY = _wordset(
    "of in that which who whose called known named such like as from for with to"
)
#: Class head words of a noun phrase that names a thing of that class ("folate deficiency",
#: "autoimmune disease"); such a phrase no vocabulary knows is proposed with suggestions.
_NP_HEADS: dict[str, str] = {
    **dict.fromkeys(("deficiency", "insufficiency"), "DeficiencyState"),
    **dict.fromkeys(
        (
            "disease",
            "disorder",
            "syndrome",
            "illness",
            "anemia",
            "anaemia",
            "neuropathy",
            "cancer",
            "infection",
        ),
        "Disease",
    ),
    **dict.fromkeys(
        ("damage", "pain", "inflammation", "weakness", "loss", "decline", "impairment"),
        "Phenotype",
    ),
    "vitamin": "Nutrient",
    "acid": "ChemicalEntity",
    **dict.fromkeys(("food", "supplement"), "Food"),
    "cell": "Cell",
    **dict.fromkeys(("function", "health"), "PhysiologicalFunction"),
    **dict.fromkeys(("metabolism", "synthesis", "production"), "BiologicalProcess"),
}
#: Adjectives that grade or judge rather than name: left off a proposed noun phrase.
_GRADING = _wordset(
    """severe mild moderate serious common rare possible certain various other many some
    several most all any new main major minor significant potential overall general normal
    healthy optimal proper adequate sufficient insufficient poor good better best important
    essential crucial vital key early late further more less own same different particular
    specific real true actual whole entire full high low higher lower increased decreased
    reduced long short frequent occasional typical usual primary secondary basic numerous"""
)
#: Verbs frequent in health texts (base forms): a noun phrase does not reach across one.
_VERBS = _wordset(
    """cause lead prevent reduce increase lower raise improve help support promote protect
    include contain provide need require affect develop treat trigger result contribute
    associate link show suggest indicate find get have make take become remain seem
    experience suffer avoid diagnose worsen impair disrupt boost absorb eat consume lack
    face reverse cure mask call know name play keep maintain regulate enhance decrease
    block inhibit produce say report note observe see ensure occur happen give allow
    enable limit slow stop speed reach"""
)
#: Single words the lexicon names but that a text uses as plain words ("the role of",
#: "in the body"): a class head alone names no particular thing.
_GENERIC = frozenset(
    set(_ANAPHOR_HEADS)
    | _wordset("""deficiency insufficiency acid damage loss decline impairment health metabolism
        synthesis production role level form type part body effect result amount risk study
        research time day year way use need system state activity factor agent material
        matter human man woman source product intake diet life""")
)
#: Prefixes that make a new word with a hyphen ("non-alcoholic"): no name starts after one.
_BOUND_PREFIXES = _wordset(
    "non anti pre post un de dis co semi pseudo multi hyper hypo sub over under inter "
    "intra extra ultra mis re pro"
)
_UNITS = _wordset("mg mcg µg μg g kg ml l iu ug percent")
_ALIAS_CUE = re.compile(
    r"\s*(?:,\s*|\(\s*)?(?:also\s+|often\s+|sometimes\s+|commonly\s+|simply\s+)?"
    r"(?:known\s+as|called|named|termed|referred\s+to\s+as)\s+(?:(?:the|an?)\s+)?",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\(\s*([^()]{1,60}?)\s*\)")
_OR_CUE = re.compile(r"\s*,\s*or\s+", re.IGNORECASE)
_CONJUNCTIONS = frozenset({"and", "or", "nor", "&", "plus"})
#: Words allowed between the items of a coordinated list besides commas and conjunctions.
_LIST_FILLERS = _wordset("as well also even especially particularly other the a an some many")
_OPENING = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*,\s*")
_TOO_LITTLE = re.compile(
    r"\b(?:too\s+little|not\s+(?:getting\s+|having\s+)?enough|insufficient|inadequate|"
    r"(?:lack|shortage|deficiency)\s+of|without\s+(?:adequate|enough|sufficient)|"
    r"low(?:\s+(?:levels?|intakes?|amounts?|stores)\s+of)?)\s+$",
    re.IGNORECASE,
)
_LEVELS = re.compile(r"\s+(?:levels?|status|intakes?|concentrations?|stores)\b", re.IGNORECASE)
_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but", "so", "yet"})
#: "It is important to ...", "it seems that ...": an "it" that points at nothing.
_PLEONASTIC = re.compile(
    r"(?:['’]s|\s+(?:is|was|seems|appears|becomes|remains|may\s+be|can\s+be|might\s+be|"
    r"would\s+be|could\s+be|will\s+be))\s+(?:[\w’'-]+\s+){0,4}?(?:to|that|whether|if|how)\b"
    r"|\s+(?:comes|came|takes|took)\b",
    re.IGNORECASE,
)
_GREEK = str.maketrans(
    {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ω": "omega", "κ": "kappa"}
)


class LexiconLike(Protocol):
    """What the matcher needs of :class:`kg.ingest.lexicon.Lexicon`."""

    names: Mapping[str, tuple[Term, ...]]
    max_words: int

    def suggest(self, name: str, k: int = 5) -> tuple[Suggestion, ...]: ...


@dataclass(frozen=True)
class _Name:
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


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    key: str  # the word folded


@dataclass
class _Hit:
    """A mention found but not yet given its entity id."""

    start: int
    end: int
    name: _Name
    how: str


@cache
def _packaged_ontology() -> Ontology:
    from kg.curation.ontology import load_ontology

    return load_ontology()


def _ordered(hits: list[_Hit]) -> list[_Hit]:
    """Hits by start, the longer first, so a name comes before the names inside it."""
    return sorted(hits, key=lambda h: (h.start, -h.end))


def _top(hits: Iterable[_Hit]) -> list[_Hit]:
    """The hits no other hit holds."""
    hits = list(hits)
    return [
        h
        for h in hits
        if not any(o is not h and o.start <= h.start and h.end <= o.end and
                   (o.start, o.end) != (h.start, h.end) for o in hits)
    ]  # fmt: skip


def _case_bound(spelling: str) -> bool:
    """Whether a name only counts in its own letter case: an acronym ("MS", "ALL") or a
    name of one or two letters."""
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) <= 2 or not any(c.islower() for c in letters)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _spelt(text: str, spellings: Sequence[str]) -> bool:
    """Whether ``text`` may be read as a name spelt so: in any case, unless every spelling
    is case-bound, when its letters must be one of theirs exactly."""
    bound = [s for s in spellings if _case_bound(s)]
    if not spellings or len(bound) < len(spellings):
        return True
    return _letters(text) in {_letters(s) for s in bound}


def _inflected(word: str) -> Iterable[str]:
    """Base forms a plain English inflection of ``word`` may have ("causes" -> "cause")."""
    yield word
    for ending, base in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
                         ("s", ""), ("d", ""), ("ies", "y"), ("ied", "y")):  # fmt: skip
        if word.endswith(ending) and len(word) > len(ending) + 2:
            yield word[: -len(ending)] + base


def _is_verb(key: str) -> bool:
    return any(base in _VERBS for base in _inflected(key))


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` (Schwartz and Hearst, 2003): its letters
    appear in order in ``long``, its first at the start of a word."""
    s, long_form = short.casefold(), long.casefold()
    if not s or not s[0].isalnum() or len(s) >= len(long_form):
        return False
    li = len(long_form) - 1
    for si in range(len(s) - 1, -1, -1):
        c = s[si]
        if not c.isalnum():
            continue
        while li >= 0 and (
            long_form[li] != c or (si == 0 and li > 0 and long_form[li - 1].isalnum())
        ):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def _abbreviation_like(text: str) -> bool:
    return (
        2 <= len(text) <= 10
        and not any(c.isspace() for c in text)
        and any(c.isalpha() for c in text)
        and any(c.isupper() or c.isdigit() for c in text)
    )


def _slug(label: str) -> str:
    """An entity id from a label, by the catalogue's slug rule."""
    text = unicodedata.normalize("NFKD", label.translate(_GREEK).casefold())
    text = "".join(c for c in text if c.isascii() and c not in "'’")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "entity"


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
        self.ontology = ontology or _packaged_ontology()
        self._names: dict[str, _Name] = {}
        spellings: dict[str, list[str]] = {}
        for entity in sorted(self.entities.values(), key=lambda e: e.id):
            self._add(entity.id, entity.type, True, entity.label, entity.synonyms, spellings)
        for pid, record in self.proposed.items():
            if isinstance(record.get("type"), str) and isinstance(record.get("label"), str):
                synonyms = [s for s in record.get("synonyms") or () if isinstance(s, str)]
                self._add(pid, record["type"], False, record["label"], synonyms, spellings)
        self._names = {
            key: _Name(n.type, n.known, n.how, tuple(spellings[key]), n.entity)
            for key, n in self._names.items()
        }
        self._read: dict[str, _Name | None] = {}
        self._reach: dict[str, int] = {}
        for key in self._names:
            _extend_reach(self._reach, key)

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
            key = _folded(text)
            if key not in self._names:
                self._names[key] = _Name(cls, known, how, (), entity)
            if self._names[key].entity == entity:
                spellings.setdefault(key, []).append(text)

    @cached_property
    def _lexicon_reach(self) -> dict[str, int]:
        reach: dict[str, int] = {}
        for key in self.lexicon.names if self.lexicon is not None else ():
            _extend_reach(reach, key)
        return reach

    def reach(self, word: str) -> int:
        """The length of the longest folded name that starts with folded ``word``."""
        return max(self._reach.get(word, 0), self._lexicon_reach.get(word, 0))

    @property
    def graph_names(self) -> frozenset[str]:
        """The folded names of the graph's entities and of sibling drafts' proposals."""
        return frozenset(self._names)

    def taken(self, key: str) -> bool:
        """Whether a folded name already names an entity of the graph or of a draft."""
        return key in self._names

    def graph_name(self, key: str) -> _Name | None:
        return self._names.get(key)

    def lexicon_name(self, key: str) -> _Name | None:
        """The lexicon's reading of a folded name: the class most of the terms whose label
        it is give (on a tie, the class more of all its terms give, then the more specific
        one), and the xrefs of its terms of that kind, exact where
        the name is the term's label and close where it is a synonym or the term is of
        another class of the same kind (a phenotype for a disease)."""
        if key not in self._read:
            self._read[key] = self._lexicon_name(key)
        return self._read[key]

    def _lexicon_name(self, key: str) -> _Name | None:
        if self.lexicon is None or key in _GENERIC or key in _STOPWORDS or key in _VERBS:
            return None  # "leads to" names no lead
        terms = [
            t for t in self.lexicon.names.get(key, ()) if t.type in self.ontology.entity_classes
        ]
        if not terms:
            return None
        by_label = [t for t in terms if _folded(t.label) == key] or terms
        votes = Counter(t.type for t in by_label)
        also = Counter(t.type for t in terms)
        cls = max(votes, key=lambda c: (votes[c], also[c], len(self.ontology.superclasses[c]), c))
        kind = self.kind(cls)
        chosen = sorted(
            (t for t in terms if self.kind(t.type) == kind),
            key=lambda t: (_folded(t.label) != key, t.type != cls, t.curie),
        )
        spellings = tuple(
            name for t in chosen for name in (t.label, *t.synonyms) if _folded(name) == key
        )
        xrefs = tuple(
            (t, "exact" if _folded(t.label) == key and t.type == cls else "close") for t in chosen
        )
        return _Name(cls, False, "lexicon", spellings, key=chosen[0].curie, terms=xrefs)

    def kind(self, cls: str) -> str:
        return _kind(self.ontology, cls)

    def is_a(self, cls: str, ancestor: str) -> bool:
        return self.ontology.is_a(cls, ancestor)


def _kind(ontology: Ontology, cls: str) -> str:
    """The class right below Entity that ``cls`` is one of (Condition for Phenotype)."""
    ancestors = ontology.superclasses.get(cls, frozenset())
    return next((c for c in sorted(ancestors) if len(ontology.superclasses[c]) == 2), cls)


def _extend_reach(reach: dict[str, int], key: str) -> None:
    first = _FIRST_WORD.match(key)
    if first and len(key) > reach.get(first.group(), 0):
        reach[first.group()] = len(key)


@dataclass
class _Proposal:
    id: str
    spelling: str  # of the label, before the document's own casing (see _label)
    type: str
    names: list[str] = field(default_factory=list)  # the lexicon's, then the text's
    terms: list[tuple[Term, str]] = field(default_factory=list)
    suggestions: tuple[Suggestion, ...] = ()
    written: list[str] = field(default_factory=list)  # its mentions' texts

    def entity(self, taken: set[str]) -> ProposedEntity:
        """The proposal as written to candidate-entities.yaml; a synonym already naming
        another entity (``taken``, folded) is left out, since a name names one entity."""
        label = _label(self.spelling, self.written)
        seen = {_folded(label)}
        synonyms = []
        for name in self.names:
            key = _folded(name)
            if key not in seen and key not in taken and len(name) <= _LONGEST_SYNONYM:
                seen.add(key)
                synonyms.append(name)
        taken |= seen
        xrefs: dict[str, tuple[str, str, str]] = {}
        for term, match in self.terms:
            if term.curie not in xrefs or match == "exact":
                xrefs[term.curie] = (term.curie, match, term.seen_in)
        return ProposedEntity(
            self.id,
            label,
            tuple(synonyms[:_MOST_SYNONYMS]),
            self.type,
            tuple(xrefs[c] for c in sorted(xrefs)),
            self.suggestions,
        )


#: A proposal lists at most this many synonyms, none longer than this: a curator reads them,
#: and ChEBI's systematic names and formulas say nothing to a reader of health texts.
_MOST_SYNONYMS = 8
_LONGEST_SYNONYM = 40


def _label(spelling: str, written: Iterable[str]) -> str:
    """A proposed entity's label: the lexicon's spelling of the name (or the text's), with
    a word it capitalises but the document writes in lower case somewhere ("Zinc",
    "Alzheimer Disease") written as the document does."""
    lower = {_folded(w) for text in written for w in text.split() if w.islower()}
    return " ".join(
        w.lower() if w[:1].isupper() and w[1:].islower() and _folded(w) in lower else w
        for w in spelling.split()
    )


class _Finder:
    """One document's pass: mentions sentence by sentence, aliases and proposals as they
    come, so an alias the text introduces holds for the rest of it."""

    def __init__(self, document: str, vocabulary: Vocabulary) -> None:
        self.doc = document
        self.vocab = vocabulary
        self.aliases: dict[str, tuple[int, _Name]] = {}  # folded -> (valid from, target)
        self.alias_reach: dict[str, int] = {}
        self.found: list[list[tuple[Mention, _Name]]] = []  # by sentence: mention, name
        self.first: dict[str, int] = {}  # entity id -> where it is first mentioned
        self.groups: dict[tuple[int, int], list[_Name]] = {}  # list item span -> the list's
        self.proposals: dict[str, _Proposal] = {}  # name key -> proposal
        self.by_curie: dict[str, _Proposal] = {}
        self.ids = set(vocabulary.entities) | set(vocabulary.proposed)
        self.sentence_starts: list[int] = []

    # ------------------------------------------------------------------ matching names

    def words(self, sentence: Sentence) -> list[_Word]:
        return [
            _Word(sentence.start + m.start(), sentence.start + m.end(), _folded(m.group()))
            for m in _WORD.finditer(sentence.text)
        ]

    def _after_prefix(self, start: int) -> bool:
        """Whether ``start`` follows a bound prefix and a hyphen ("non-|alcoholic")."""
        if start < 2 or self.doc[start - 1] not in _DASH:
            return False
        before = re.search(r"[^\W_]+$", self.doc[max(0, start - 12) : start - 1])
        return bool(before) and before.group().casefold() in _BOUND_PREFIXES

    def lookup(self, key: str, start: int, text: str) -> _Name | None:
        """What a span's folded name stands for: a text alias, a name of the graph, or a
        lexicon term, in that order, if its spelling allows."""
        alias = self.aliases.get(key)
        if alias and alias[0] <= start:
            target = alias[1]
            if target.how != "abbreviation" or _letters(text) == _letters(target.spellings[0]):
                return target  # an abbreviation only in the case the text gave it
        if " " not in key and key in _STOPWORDS:
            return None
        for name in (self.vocab.graph_name(key), self.vocab.lexicon_name(key)):
            if name is not None and _spelt(text, name.spellings):
                return name
        return None

    def dictionary(self, words: list[_Word]) -> list[_Hit]:
        """Longest names first, left to right, each over whole words; inside a name of
        several words, the names it holds too ("vitamin B12" in "vitamin B12 deficiency"),
        so a later stage may read either."""
        hits: list[_Hit] = []
        for i, j, name in self._longest(words, 0, len(words), whole=True):
            hits.append(_Hit(words[i].start, words[j].end, name, name.how))
            if j > i:
                hits += [
                    _Hit(words[a].start, words[b].end, inner, inner.how)
                    for a, b, inner in self._longest(words, i, j + 1, whole=False)
                    if (inner.entity, inner.key) != (name.entity, name.key)
                ]
        return _ordered(hits)

    def _longest(
        self, words: list[_Word], lo: int, hi: int, *, whole: bool
    ) -> list[tuple[int, int, _Name]]:
        """The longest names over ``words[lo:hi]``, left to right, not overlapping; with
        ``whole`` false, not the span of all of them."""
        found = []
        i = lo
        while i < hi:
            reach = max(self.vocab.reach(words[i].key), self.alias_reach.get(words[i].key, 0))
            best: tuple[int, _Name] | None = None
            if reach and not self._after_prefix(words[i].start):
                for j in range(i, hi if whole or i > lo else hi - 1):
                    text = self.doc[words[i].start : words[j].end]
                    key = _folded(text)
                    if len(key) > reach:
                        break
                    name = self.lookup(key, words[i].start, text)
                    if name is not None:
                        best = (j, name)
            if best is None:
                i += 1
                continue
            found.append((i, *best))
            i = best[0] + 1
        return found

    # ------------------------------------------------------------------ noun phrases

    def noun_phrases(self, sentence: Sentence, words: list[_Word], hits: list[_Hit]) -> None:
        """Noun phrases with a class head word that no vocabulary knows, proposed with
        suggestions: "folate deficiency" absorbs the mention of folate it starts with."""
        for h_i, head in enumerate(words):
            cls = _NP_HEADS.get(head.key)
            inside = [h for h in hits if h.start < head.end and head.start < h.end]
            if cls is None or any((h.start, h.end) != (head.start, head.end) for h in inside):
                continue
            if self._after_prefix(head.start):
                continue  # "anti-anemia" describes, it names no anemia
            first = self._modifiers(words, h_i, hits)
            if first is None:
                continue
            start = words[first].start
            text = self.doc[start : head.end]
            key = _folded(text)
            name = self.lookup(key, start, text)
            if name is None:
                name = _Name(cls, False, "suggested", (), key=f"np:{key}")
            hits.append(_Hit(start, head.end, name, name.how))  # the mentions inside stay
            hits[:] = _ordered(hits)

    def _modifiers(self, words: list[_Word], head: int, hits: list[_Hit]) -> int | None:
        """The first word of the noun phrase that ends in ``words[head]``: up to three
        naming words or one mention before it, with grading adjectives left off; None
        when nothing names it, or an anaphoric determiner leads it."""
        first = head
        taken = 0
        i = head - 1
        while i >= 0 and taken < 3:
            word = words[i]
            if self.doc[word.end : words[i + 1].start].strip(_DASH + " "):
                break  # punctuation ends the phrase
            hit = min(
                (h for h in hits if h.start <= word.start < h.end <= words[head].start),
                key=lambda h: h.start,
                default=None,
            )
            if hit is not None:
                if hit.how == "suggested":
                    break
                first = next(k for k in range(i + 1) if words[k].start == hit.start)
                i = first - 1
                taken = 3  # a mention is a whole modifier
                continue
            key = word.key
            if key in _STOPWORDS or _is_verb(key) or key in _NP_HEADS or not key[0].isalpha():
                break
            if self._after_prefix(word.start):  # "non-alcoholic": the prefix too, and no more
                first = i - 1
                break
            first, taken, i = i, taken + 1, i - 1
        while first < head and words[first].key in _GRADING:
            first += 1
        if first == head:
            return None
        if first > 0 and words[first - 1].key in _ANAPHOR_DETERMINERS - {"the"}:
            return None
        return first

    def deficiencies(self, sentence: Sentence, hits: list[_Hit]) -> None:
        """Too little of a nutrient is its deficiency: "too little zinc", "low vitamin D
        levels", "a lack of iron", "without enough B12" mention the deficiency state (the
        graph's or the lexicon's "X deficiency", else one proposed with suggestions)."""
        for hit in _top(hits):
            if not self.vocab.is_a(hit.name.type, "Nutrient"):
                continue
            window = max(sentence.start, hit.start - 40)
            cue = _TOO_LITTLE.search(self.doc, window, hit.start)
            if cue is None or any(h.start < hit.start and cue.start() < h.end for h in hits):
                continue
            levels = _LEVELS.match(self.doc, hit.end, sentence.end)
            end = levels.end() if levels else hit.end
            name = self._deficiency_of(hit)
            hits.append(_Hit(cue.start(), end, name, name.how))
        hits[:] = _ordered(hits)

    def _deficiency_of(self, hit: _Hit) -> _Name:
        text = self.doc[hit.start : hit.end]
        names = [text, *hit.name.spellings]
        if hit.name.known:
            entity = self.vocab.entities[hit.name.entity]
            names += [entity.label, *entity.synonyms]
        for base in names:
            phrase = f"{base} deficiency"
            name = self.lookup(_folded(phrase), hit.start, phrase)
            if name is not None and self.vocab.is_a(name.type, "DeficiencyState"):
                return replace(name, how="lexicon" if name.how == "lexicon" else "synonym")
        phrase = f"{text} deficiency"
        return _Name("DeficiencyState", False, "suggested", (phrase,), key=f"np:{_folded(phrase)}")

    # ------------------------------------------------------------------ anaphora

    def anaphors(self, s_no: int, sentence: Sentence, words: list[_Word], hits: list[_Hit]) -> None:
        """Anaphors resolved to the most recent compatible mention: "this (important)
        nutrient", "these foods", "the deficiency", and "it" where it is safe."""
        free = [not any(h.start <= w.start < h.end for h in hits) for w in words]
        found: list[_Hit] = []
        for i, word in enumerate(words):
            if not free[i]:
                continue
            if word.key in _ANAPHOR_DETERMINERS:
                found += self._definite(s_no, words, i, hits)
            elif word.key in ("it", "its"):
                found += self._pronoun(s_no, sentence, words, i, hits)
        hits += found
        hits[:] = _ordered(hits)

    def _definite(self, s_no: int, words: list[_Word], i: int, hits: list[_Hit]) -> list[_Hit]:
        """A determiner, at most two describing words and a head: "this important
        nutrient", "these neurotransmitters" (a head that names the class entity itself),
        "this balance" (the head of an earlier mention's name). With "the", only a bare
        class head not followed by what describes it ("the deficiency", but not "the
        deficiency of ..." or "the autoimmune disease")."""
        det = words[i].key
        demonstrative = det != "the"
        last: int | None = None
        named: set[str] = set()  # the class entity a head names, never its own antecedent
        for h in range(i + 1, min(i + 4, len(words))):
            word = words[h]
            if self.doc[words[h - 1].end : word.start].strip():
                break  # punctuation ends the phrase
            inside = [x for x in hits if x.start < word.end and word.start < x.end]
            pair = _folded(self.doc[words[h - 1].start : word.end]) if h > i + 1 else ""
            is_head = word.key in _ANAPHOR_HEADS or pair in _ANAPHOR_HEADS
            if inside:
                if demonstrative and is_head and all(x.end == word.end for x in inside):
                    last = h
                    named = {x.name.entity or x.name.key for x in inside}
                break
            if word.key in _STOPWORDS or _is_verb(word.key):
                break
            last = h
            if is_head:
                break
        if last is None:
            return []
        pair = _folded(self.doc[words[last - 1].start : words[last].end])
        head = pair if last > i + 1 and pair in _ANAPHOR_HEADS else words[last].key
        classes = _ANAPHOR_HEADS.get(head, ())
        if not demonstrative and (
            not classes or last > i + 1 + (head == pair) or self._described(words, last)
        ):
            return []
        raw = self.doc[words[last].start : words[last].end]
        plural = det in ("these", "those") or _folded(raw) != raw.casefold()
        targets = self._antecedents(
            s_no, words[i].start, words[last].key, classes, plural, hits, named
        )
        return [_Hit(words[i].start, words[last].end, t, "anaphora") for t in targets]

    def _described(self, words: list[_Word], h: int) -> bool:
        if h + 1 >= len(words) or not self.doc[words[h].end : words[h + 1].start].isspace():
            return False
        after = words[h + 1].key
        return after in _DESCRIBED_BY or after.endswith("ed")

    def _antecedents(
        self,
        s_no: int,
        before: int,
        head: str,
        classes: tuple[str, ...],
        plural: bool,
        hits: list[_Hit],
        named: set[str],
    ) -> list[_Name]:
        """The antecedent of an anaphor with head word ``head``, among the mentions of this
        sentence and the two before, most recent first: of the first of ``classes`` that
        has one, the class itself before its subclasses ("this process" is a process before
        it is a function), and among those one whose name ends in the head ("this process"
        after "the methylation process"); with no class, only such a one. For a plural
        anaphor, the whole list the antecedent is in."""
        recent = [
            (m.start, m.end, n) for k in range(max(0, s_no - 2), s_no) for m, n in self.found[k]
        ]
        recent += [(h.start, h.end, h.name) for h in hits if h.end <= before]
        recent = [r for r in recent if (r[2].entity or r[2].key) not in named]
        recent.sort(key=lambda r: (r[0], r[1]), reverse=True)
        tiers = [(c, e) for c in classes for e in (True, False)] or [("", False)]
        for cls, exact in tiers:
            fits = [
                r
                for r in recent
                if not cls or (r[2].type == cls if exact else self.vocab.is_a(r[2].type, cls))
            ]
            by_head = [r for r in fits if head in self._heads(*r)]
            chosen = (by_head or (fits if cls else []))[:1]
            for start, end, name in chosen:
                group = self.groups.get((start, end)) if plural else None
                if group:
                    return [n for n in group if not cls or self.vocab.is_a(n.type, cls)]
                return [name]
        return []

    def _heads(self, start: int, end: int, name: _Name) -> set[str]:
        """The head words a mention goes by: the last word of its text, and of its
        entity's label."""
        texts = [self.doc[start:end]]
        if name.known:
            texts.append(self.vocab.entities[name.entity].label)
        return {_folded(t.split()[-1]) for t in texts if t.split()}

    def _pronoun(
        self, s_no: int, sentence: Sentence, words: list[_Word], i: int, hits: list[_Hit]
    ) -> list[_Hit]:
        """A clause-opening "it"/"its" that is not pleonastic ("it is vital to ...") points
        at the subject of its sentence, or else of the sentence before."""
        word = words[i]
        before = self.doc[sentence.start : word.start].rstrip()
        opener = (
            not before
            or before[-1] in ",;:"
            or (
                i > 0
                and words[i - 1].key in _CLAUSE_OPENERS
                and words[i - 1].end == len(before) + sentence.start
            )
        )
        if not opener or (word.key == "it" and _PLEONASTIC.match(self.doc, word.end)):
            return []
        subject = self._subject([h for h in hits if h.end <= word.start], sentence.start)
        if subject is None and s_no > 0:
            prior = self.found[s_no - 1]
            start = self.sentence_starts[s_no - 1]
            subject = self._subject([_Hit(m.start, m.end, n, m.how) for m, n in prior], start)
        if subject is None or subject.name.type == "PopulationGroup":
            return []
        return [_Hit(word.start, word.end, subject.name, "anaphora")]

    def _subject(self, hits: list[_Hit], start: int) -> _Hit | None:
        """The mention the sentence at ``start`` opens with, after at most one word ("The")
        and a short opening phrase set off by a comma ("In conclusion, ...")."""
        for hit in _ordered(hits):
            lead = _OPENING.sub("", self.doc[start : hit.start], count=1).split()
            return hit if len(lead) <= 1 and hit.how != "anaphora" else None
        return None

    # ------------------------------------------------------------------ aliases

    def introduce(self, words: list[_Word], hits: list[_Hit]) -> bool:
        """Names the sentence gives its mentions ("X, also known as Y", "X (Y)", "Y, or
        X,"): each becomes an alias for the rest of the document. True if any did."""
        added = False
        for hit in _top(hits):
            if hit in hits:  # not replaced by an alias a moment ago
                added |= self._called(words, hits, hit)
            if hit in hits:
                added |= self._parenthesis(words, hits, hit)
            if hit in hits:
                added |= self._or(words, hits, hit)
        self._named_class(words, hits)
        return added

    def _named_class(self, words: list[_Word], hits: list[_Hit]) -> None:
        """ "A condition called X", "a mineral known as X": X, if no vocabulary knows it, is
        proposed as a thing of that class, with suggestions."""
        for word in words:
            cls = _NP_HEADS.get(word.key) or _ANAPHOR_HEADS.get(word.key, ("",))[0]
            cue = _ALIAS_CUE.match(self.doc, word.end) if cls else None
            if not cue or any(h.start < cue.end() and word.start < h.end for h in hits):
                continue
            span = self._name_words(words, cue.end(), 4)
            if span is None or any(h.start < span[1] and span[0] < h.end for h in hits):
                continue
            key = _folded(self.doc[span[0] : span[1]])
            hits.append(
                _Hit(*span, _Name(cls, False, "suggested", (), key=f"np:{key}"), "suggested")
            )
            hits[:] = _ordered(hits)

    def _hit_at(self, hits: list[_Hit], start: int) -> _Hit | None:
        return next((h for h in hits if h.start == start and h.how != "anaphora"), None)

    def _name_words(self, words: list[_Word], start: int, most: int) -> tuple[int, int] | None:
        """The span of up to ``most`` naming words from ``start`` (no function word, verb,
        number or unit), or None."""
        first = next((k for k, w in enumerate(words) if w.start == start), None)
        if first is None:
            return None
        end = first
        while end < len(words) and end - first < most:
            word = words[end]
            if end > first and self.doc[words[end - 1].end : word.start].strip(_DASH + " "):
                break
            if word.key in _STOPWORDS or _is_verb(word.key) or not word.key[0].isalpha():
                break
            if word.key in _UNITS:
                return None
            end += 1
        return (words[first].start, words[end - 1].end) if end > first else None

    def _alias(self, hits: list[_Hit], span: tuple[int, int], target: _Name, how: str) -> bool:
        """Make the text at ``span`` a name of ``target`` from here on."""
        text = self.doc[span[0] : span[1]]
        key = _folded(text)
        if self.vocab.taken(key) or key in _GENERIC or key in _STOPWORDS:
            return False
        spellings = (text,) if how == "abbreviation" else ()
        alias = _Name(
            target.type, target.known, how, spellings, target.entity, target.key, target.terms
        )
        self.aliases[key] = (span[0], alias)
        _extend_reach(self.alias_reach, key)
        hits[:] = [h for h in hits if h.end <= span[0] or h.start >= span[1]]
        hits.append(_Hit(span[0], span[1], alias, how))
        hits[:] = _ordered(hits)
        return True

    def _same(self, hits: list[_Hit], a: _Hit, b: _Hit, how: str) -> bool:
        """Two mentions the text says name one thing: the graph's (else the first) gives its
        entity to the other, which must be a lexicon term or a proposal of this text."""

        def rank(hit: _Hit) -> int:
            return 2 if hit.name.known else 1 if hit.name.entity else 0

        if (a.name.entity or a.name.key) in (b.name.entity, b.name.key):
            return False
        keep, other = (b, a) if rank(b) > rank(a) else (a, b)
        return rank(other) == 0 and self._alias(hits, (other.start, other.end), keep.name, how)

    def _called(self, words: list[_Word], hits: list[_Hit], hit: _Hit) -> bool:
        cue = _ALIAS_CUE.match(self.doc, hit.end)
        if not cue:
            return False
        other = self._hit_at(hits, cue.end())
        if other is not None:
            return self._same(hits, hit, other, "alias")
        span = self._name_words(words, cue.end(), 4)
        return bool(span) and self._alias(hits, span, hit.name, "alias")

    def _parenthesis(self, words: list[_Word], hits: list[_Hit], hit: _Hit) -> bool:
        paren = _PAREN.match(self.doc, hit.end)
        if not paren:
            return False
        inner = paren.group(1)
        span = (paren.start(1), paren.end(1))
        other = self._hit_at(hits, span[0])
        if other is not None:
            if other.end != span[1]:
                return False
            return self._same(hits, hit, other, "alias")
        if _abbreviation_like(inner):
            text = self.doc[hit.start : hit.end]
            return _abbreviates(inner, text) and self._alias(hits, span, hit.name, "abbreviation")
        name = self._name_words(words, span[0], 3)
        return name == span and self._alias(hits, span, hit.name, "alias")

    def _or(self, words: list[_Word], hits: list[_Hit], hit: _Hit) -> bool:
        """ "Y, or X," — but not the last items of a list ("meat, fish, or eggs,")."""
        cue = _OR_CUE.match(self.doc, hit.end)
        if not cue or self.doc[: hit.start].rstrip().endswith(","):
            return False
        other = self._hit_at(hits, cue.end())
        end = other.end if other else None
        if other is None:
            span = self._name_words(words, cue.end(), 4)
            if span is None:
                return False
            end = span[1]
        if not re.match(r"\s*[,)]", self.doc[end : end + 3]):
            return False
        if other is not None:
            return self._same(hits, hit, other, "alias")
        return self._alias(hits, span, hit.name, "alias")

    # ------------------------------------------------------------------ proposals

    def entity_of(self, hit: _Hit, sentence: Sentence) -> str:
        """The entity id of a hit: the graph's or a draft's, or a proposal's, made on the
        first mention of its name or of a term it shares with an earlier proposal ("zinc"
        and "Zn")."""
        name = hit.name
        if name.entity:
            return name.entity
        text = self.doc[hit.start : hit.end]
        proposal = self.proposals.get(name.key) or next(
            (self.by_curie[t.curie] for t, _ in name.terms if t.curie in self.by_curie), None
        )
        if proposal is None:
            proposal = self._propose(name, text, hit.start == sentence.start)
        for term, match in name.terms:
            if term.curie not in self.by_curie:
                self.by_curie[term.curie] = proposal
                proposal.terms.append((term, match))
                proposal.names += (term.label, *term.synonyms)
        self.proposals[name.key] = proposal
        proposal.names.append(text)
        proposal.written.append(text)
        return proposal.id

    def _propose(self, name: _Name, text: str, opens: bool) -> _Proposal:
        """A new proposal, labelled as the lexicon spells the name (by the term's label
        for an acronym or symbol), else as the text does, lower-cased at a sentence's
        start."""
        if name.terms:
            spelling = name.spellings[0] if name.spellings else text
            if _case_bound(spelling):
                spelling = name.terms[0][0].label
        else:
            spelling = name.spellings[0] if name.spellings else text
            if opens and spelling[1:2].islower():
                spelling = spelling[0].lower() + spelling[1:]
        pid = _slug(spelling)
        n = 1
        while pid in self.ids:
            n += 1
            pid = f"{_slug(spelling)}-{n}"
        self.ids.add(pid)
        suggestions: tuple[Suggestion, ...] = ()
        if not name.terms and self.vocab.lexicon is not None:
            suggestions = self.vocab.lexicon.suggest(spelling, k=5)
        return _Proposal(pid, spelling, name.type, suggestions=suggestions)

    def commit(self, sentence: Sentence, hits: list[_Hit]) -> None:
        """Give the sentence's hits their entities, and remember its lists."""
        names: dict[Mention, _Name] = {}
        for hit in hits:
            entity = self.entity_of(hit, sentence)
            mention = Mention(
                hit.start, hit.end, self.doc[hit.start : hit.end], entity, hit.name.type,
                hit.name.known, hit.how,
            )  # fmt: skip
            names[mention] = hit.name
            self.first.setdefault(entity, hit.start)
        self.found.append(list(names.items()))
        for group in list_groups(list(names), sentence, self.vocab.ontology):
            for m in group:
                self.groups[(m.start, m.end)] = [names[g] for g in group]

    def proposed(self) -> list[ProposedEntity]:
        taken = set(self.vocab.graph_names)
        unique = {p.id: p for p in self.proposals.values() if p.id in self.first}
        return [p.entity(taken) for p in sorted(unique.values(), key=lambda p: self.first[p.id])]

    def sentence(self, s_no: int, sentence: Sentence) -> None:
        words = self.words(sentence)
        self.sentence_starts.append(sentence.start)
        for _ in range(2):  # once more when the sentence introduced an alias
            hits = self.dictionary(words)
            self.noun_phrases(sentence, words, hits)
            self.deficiencies(sentence, hits)
            again = self.introduce(words, hits)
            if not again:
                break
        self.anaphors(s_no, sentence, words, hits)
        self.commit(sentence, hits)


def find_mentions(
    document: str, sentences: list[Sentence], vocabulary: Vocabulary
) -> tuple[list[Mention], list[ProposedEntity]]:
    """The mentions of ``document`` in order, and the entities they propose, in order of
    first mention. The mentions of one span are several only for an anaphor that points at
    a list ("these foods")."""
    finder = _Finder(document, vocabulary)
    for number, sentence in enumerate(sentences):
        finder.sentence(number, sentence)
    mentions = sorted(m for found in finder.found for m, _ in found)
    return mentions, [*finder.proposed(), *_sibling_proposals(vocabulary, mentions)]


def _sibling_proposals(vocabulary: Vocabulary, mentions: list[Mention]) -> list[ProposedEntity]:
    """The entities sibling drafts proposed that this document mentions, as they were
    proposed (so the caller can tell them from new ones)."""
    used = {m.entity for m in mentions}
    found = []
    for pid, record in vocabulary.proposed.items():
        if pid not in used:
            continue
        xrefs = tuple(
            (x["curie"], x["match"], x["seen_in"])
            for x in record.get("xrefs") or ()
            if isinstance(x, dict) and {"curie", "match", "seen_in"} <= set(x)
        )
        found.append(
            ProposedEntity(
                pid, record["label"], tuple(record.get("synonyms") or ()), record["type"], xrefs
            )
        )
    return found


def list_groups(
    mentions: Sequence[Mention], sentence: Sentence, ontology: Ontology | None = None
) -> list[list[Mention]]:
    """The coordinated lists of a sentence's mentions ("meat, fish, dairy products, and
    eggs"), each in order, over the mentions no longer one holds; mentions of one span (an
    anaphor pointing at a list) are one group too. Items joined by a bare comma must be of
    one kind, so "In diabetes, vitamin B12 and folate ..." lists only the two vitamins."""
    onto = ontology or _packaged_ontology()
    slots: dict[tuple[int, int], list[Mention]] = {}
    for m in sorted(mentions):
        if sentence.start <= m.start and m.end <= sentence.end:
            slots.setdefault((m.start, m.end), []).append(m)
    for inner in [s for s in slots if any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in slots)]:
        del slots[inner]  # a name inside a longer one is no item of a list
    spans = sorted(slots)
    groups: list[list[Mention]] = [slots[s] for s in spans if len(slots[s]) > 1]
    chain: list[tuple[int, int]] = []
    conj_end = 0  # items of the chain up to its last conjunction

    def close() -> None:
        if conj_end >= 2:
            groups.append([m for span in chain[:conj_end] for m in slots[span]])

    for span in spans:
        if chain and chain[-1][1] <= span[0]:
            link = _link(sentence, chain[-1][1], span[0])
            same = _kind(onto, slots[chain[-1]][0].type) == _kind(onto, slots[span][0].type)
            if link == "conjunction" or (link == "comma" and same):
                chain.append(span)
                if link == "conjunction":
                    conj_end = len(chain)
                continue
        close()
        chain, conj_end = [span], 0
    close()
    return sorted(groups, key=lambda g: (g[0].start, g[0].end))


def _link(sentence: Sentence, end: int, start: int) -> str | None:
    """How two neighbouring mentions are joined: "conjunction" (and, or, ", and"),
    "comma", or None when other words stand between them."""
    gap = sentence.text[end - sentence.start : start - sentence.start]
    tokens = re.findall(r"[^\W_]+|[^\w\s]", gap.casefold())
    if any(t not in _CONJUNCTIONS | _LIST_FILLERS | {","} for t in tokens):
        return None
    if any(t in _CONJUNCTIONS for t in tokens) or "as well as" in " ".join(tokens):
        return "conjunction"
    return "comma" if "," in tokens else None
