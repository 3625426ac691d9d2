"""The mention finder's state over one document and its first step: the longest names of
the vocabulary, or of aliases the text gave, over a sentence's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import NamedTuple

from kg.ingest.model import Mention, Sentence
from kg.ingest.vocabulary import Name, Vocabulary, folded, letters_of, spelt
from kg.ingest.wordlists import (
    AFTER_TO_NOUN,
    BARE_INFINITIVE_VERBS,
    COPULAS,
    DASH,
    FEEL_BETWEEN,
    FEEL_VERBS,
    FEELING_NOUNS,
    NOUN_BEFORE,
    OBJECT_STARTS,
    STOPWORDS,
    SUBSTANCE_AFTER,
    VERB_SLOTS,
    is_verb,
    wordset,
)

__all__ = ["Hit", "Matcher", "Word", "held", "ordered", "top"]

#: A word of the document: letters and digits, with an apostrophe inside ("don't") or a dash
#: between a letter and a digit ("B-12", as fold drops it); a possessive "'s" is a word of
#: its own, so "B12's" holds the name "B12".
_WORD = re.compile(
    r"['’]s(?![^\W_])|[^\W_]+(?:(?:['’](?!s(?![^\W_]))|(?<=[^\W\d_])[-‐‑‒–—](?=\d))[^\W_]+)*"
)
#: What stands between two items of a list: a comma, "and", "or", ", and".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)", re.IGNORECASE)
#: Prefixes that make a new word with a hyphen ("non-alcoholic"): no name starts after one.
_BOUND_PREFIXES = wordset(
    "non anti pre post un de dis co semi pseudo multi hyper hypo sub over under inter "
    "intra extra ultra mis re pro"
)

#: A chemical locant glued to a name by a hyphen, at the end of the text before the name:
#: "25-" of "25-hydroxyvitamin D", "1,25-", "5'-"; not a part of a longer number or word.
_LOCANT = re.compile(r"(?<![^\W_]|[,.'′])\d{1,2}['′]?(?:,\d{1,2}['′]?)*[-‐‑]$")

#: The function words no list of feelings holds ("feel tired and confused"), hoisted: the
#: difference is asked at every word.
_NOT_BETWEEN_FEELINGS = STOPWORDS - FEEL_BETWEEN


class Word(NamedTuple):
    """A word of a sentence (a named tuple: a sentence makes dozens, a frozen dataclass
    cost an ``object.__setattr__`` per field of each)."""

    start: int
    end: int
    key: str  # the word folded


@dataclass
class Hit:
    """A mention found but not yet given its entity id."""

    start: int
    end: int
    name: Name
    how: str
    named: bool = True  # its text is a name of its entity, not "too little X" or "this X"


def ordered(hits: list[Hit]) -> list[Hit]:
    """Hits by start, the longer first, so a name comes before the names inside it."""
    return sorted(hits, key=lambda h: (h.start, -h.end))


def top(hits: Iterable[Hit]) -> list[Hit]:
    """The hits no other hit holds."""
    hits = list(hits)
    inner = held({(h.start, h.end) for h in hits})
    return [h for h in hits if (h.start, h.end) not in inner]


def held(spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that another, longer one holds: in order of start, the longer first, a
    span is held when one before it ends no earlier (two sorts, not every pair)."""
    inner = set()
    last = -1
    longer_first = sorted(set(spans), key=itemgetter(1), reverse=True)
    for span in sorted(longer_first, key=itemgetter(0)):  # stable: the longer stays first
        if span[1] <= last:
            inner.add(span)
        else:
            last = span[1]
    return inner


class Matcher:
    """One document's pass, as far as matching names: the state the later steps (noun
    phrases, aliases, anaphora, proposals) share, sentence by sentence."""

    def __init__(self, document: str, vocabulary: Vocabulary) -> None:
        self.doc = document
        self.vocab = vocabulary
        self.aliases: dict[str, tuple[int, Name]] = {}  # folded -> (valid from, target)
        self.alias_reach: dict[str, int] = {}
        self.found: list[list[tuple[Mention, Name]]] = []  # by sentence: mention, name
        self.groups: dict[tuple[int, int], list[Name]] = {}  # list item span -> the list's
        self.lists: list[list[list[Mention]]] = []  # by sentence: its lists of mentions
        self.sentence_starts: list[int] = []
        #: A span's text -> its name of the graph or the lexicon: a document repeats its
        #: names, and a span is looked up once for each longer name that starts with it.
        self._spans: dict[str, Name | None] = {}
        self.substance_words: set[str] = set()  # verbs the text used as substances' names

    def words(self, sentence: Sentence) -> list[Word]:
        return [
            Word(sentence.start + m.start(), sentence.start + m.end(), folded(m.group()))
            for m in _WORD.finditer(sentence.text)
        ]

    def _after_prefix(self, start: int) -> bool:
        """Whether ``start`` follows a bound prefix and a hyphen ("non-|alcoholic")."""
        if start < 2 or self.doc[start - 1] not in DASH:
            return False
        before = re.search(r"[^\W_]+$", self.doc[max(0, start - 12) : start - 1])
        return bool(before) and before.group().casefold() in _BOUND_PREFIXES

    def lookup(self, key: str, start: int, text: str) -> Name | None:
        """What a span's folded name stands for: a text alias, a name of the graph, or a
        lexicon term, in that order, if its spelling allows."""
        alias = self.aliases.get(key)
        if alias and alias[0] <= start:
            target = alias[1]
            if target.how != "abbreviation" or letters_of(text) == letters_of(target.spellings[0]):
                return target  # an abbreviation only in the case the text gave it
        if text not in self._spans:
            self._spans[text] = self._name_of(key, text)
        return self._spans[text]

    def _name_of(self, key: str, text: str) -> Name | None:
        if " " not in key and key in STOPWORDS:
            return None
        for name in (self.vocab.graph_name(key), self.vocab.lexicon_name(key)):
            if name is not None and spelt(text, name.spellings):
                return name
        return None

    def dictionary(self, words: list[Word]) -> list[Hit]:
        """Longest names first, left to right, each over whole words; inside a name of
        several words, the names it holds too ("vitamin B12" in "vitamin B12 deficiency"),
        so a later stage may read either."""
        hits: list[Hit] = []
        for i, j, name in self._longest(words, 0, len(words), whole=True):
            hits.append(Hit(words[i].start, words[j].end, name, name.how))
            if j > i:
                hits += [
                    Hit(words[a].start, words[b].end, inner, inner.how)
                    for a, b, inner in self._longest(words, i, j + 1, whole=False)
                    if (inner.entity, inner.key) != (name.entity, name.key)
                ]
        return ordered(hits)

    def _longest(
        self, words: list[Word], lo: int, hi: int, *, whole: bool
    ) -> list[tuple[int, int, Name]]:
        """The longest names over ``words[lo:hi]``, left to right, not overlapping; with
        ``whole`` false, not the span of all of them."""
        found = []
        i = lo
        while i < hi:
            best = self._longest_at(words, i, hi if whole or i > lo else hi - 1)
            if best is None:
                i += 1
                continue
            found.append((i, *best))
            i = best[0] + 1
        return found

    def _longest_at(self, words: list[Word], i: int, stop: int) -> tuple[int, Name] | None:
        """The last word and the name of the longest name from ``words[i]`` that ends
        before ``words[stop]``, or None."""
        start, first = words[i].start, words[i].key
        reach = max(self.vocab.reach(first), self.alias_reach.get(first, 0))
        if not reach or self._after_prefix(start):
            return None
        best = None
        doc, aliases, spans = self.doc, self.aliases, self._spans  # read at every word
        for j in range(i, stop):
            text = doc[start : words[j].end]
            key = folded(text)
            if len(key) > reach:
                break
            # lookup's own answer, without its call where no alias is in the way
            name = (
                self.lookup(key, start, text)
                if key in aliases or text not in spans
                else spans[text]
            )
            if name is not None:
                best = (j, name)
        return best

    def substances(self, words: list[Word], hits: list[Hit]) -> None:
        """A substance's name that is a verb too ("lead") is a mention where the words
        around it make it a noun (:meth:`_noun_slot`), and after the text once used it so,
        anywhere but in a verb's slot (after a modal or pronoun, before "to" or an object)
        unless a determiner or preposition comes before it ("the amount of lead the gut
        absorbs"); never in a plural's form ("this leads to"), which only the verb has."""
        spans = {(h.start, h.end) for h in hits}
        for i, word in enumerate(words):
            name = self.vocab.substance_name(word.key)
            if name is None or (word.start, word.end) in spans:
                continue
            text = self.doc[word.start : word.end]
            if not spelt(text, name.spellings) or text.casefold() != word.key:
                continue  # a substance is a mass noun: "leads" is the verb ("this leads to")
            before, after = self._next_to(words, i, -1), self._next_to(words, i, 1)
            if before not in NOUN_BEFORE and self._verb_slot(before, after):
                continue  # after a determiner or preposition, no verb: "of lead the gut ..."
            if word.key in self.substance_words or self._noun_slot(words, i, hits):
                self.substance_words.add(word.key)
                hits.append(Hit(word.start, word.end, name, name.how))
        hits[:] = ordered(hits)

    def _next_to(self, words: list[Word], i: int, step: int) -> str | None:
        """The word next to ``words[i]`` on the side ``step``, when only spaces part them."""
        j = i + step
        if not 0 <= j < len(words):
            return None
        a, b = (words[i], words[j]) if words[i].start <= words[j].start else (words[j], words[i])
        return words[j].key if self.doc[a.end : b.start].isspace() else None

    @staticmethod
    def _verb_slot(before: str | None, after: str | None) -> bool:
        """Whether a word between these two is in a verb's slot ("can lead to", "lead the")."""
        if after == "to" or after in OBJECT_STARTS or before in BARE_INFINITIVE_VERBS:
            return True
        return before in VERB_SLOTS and not (
            before == "to" and (after is None or after in AFTER_TO_NOUN)
        )

    def _noun_slot(self, words: list[Word], i: int, hits: list[Hit]) -> bool:
        """Whether the words around ``words[i]`` (not in a verb's slot) make it a noun: after
        a determiner, a preposition or a verb ("levels of lead", "exposure to lead.",
        "contain lead"), before a copula or a word for a measure or an exposure of a
        substance ("lead is", "lead levels", "lead in water"), or next to an item of a
        list of substances ("lead, mercury and arsenic")."""
        before, after = self._next_to(words, i, -1), self._next_to(words, i, 1)
        if before in NOUN_BEFORE or before == "to" or (before is not None and is_verb(before)):
            return True
        if after in COPULAS or after in SUBSTANCE_AFTER:
            return True
        word = words[i]
        return any(
            self.vocab.kind(h.name.type) == "ChemicalEntity"
            and (
                _LIST_GAP.fullmatch(self.doc[h.end : word.start])
                or _LIST_GAP.fullmatch(self.doc[word.end : h.start])
            )
            for h in hits
        )

    def locants(self, hits: list[Hit]) -> None:
        """A substance's name glued to a locant by a hyphen ("25-hydroxyvitamin D",
        "1,25-dihydroxyvitamin D") that the vocabulary knows only without it is named with
        it: the number tells the compound from the class the bare name reads as, so the
        mention's text keeps it (not a name of the entity found: ``named`` false)."""
        inner = held((h.start, h.end) for h in hits)
        for k, hit in enumerate(hits):
            if (hit.start, hit.end) in inner:
                continue  # the longest hit is widened, not the names inside it
            locant = _LOCANT.search(self.doc[max(0, hit.start - 12) : hit.start])
            if locant is None or not self.doc[hit.start].isalpha():
                continue
            if self.vocab.kind(hit.name.type) == "ChemicalEntity":
                hits[k] = replace(hit, start=hit.start - len(locant.group()), named=False)
        hits[:] = ordered(hits)

    def participles(self, words: list[Word], hits: list[Hit]) -> None:
        """A name of one word in -ed before a word that is no function word or verb ("aged"
        in "aged cheese", "aged 65") is that word's modifier, no mention of its own ("the
        aged need care" is one)."""
        at = {w.start: i for i, w in enumerate(words)}

        def modifier(h: Hit) -> bool:
            text = self.doc[h.start : h.end]
            if h.start not in at or not text.isalpha() or len(text) <= 3:
                return False
            after = self._next_to(words, at[h.start], 1) if text.casefold().endswith("ed") else None
            return after is not None and after not in STOPWORDS and not is_verb(after)

        hits[:] = [h for h in hits if not modifier(h)]

    def feelings(self, words: list[Word], hits: list[Hit]) -> None:
        """An adjective for how someone feels after a verb that links them to it ("feel
        exhausted", "may become depressed or confused") mentions the condition its noun
        names ("exhaustion", "depression"), where a vocabulary knows that noun as one."""
        spans = {(h.start, h.end) for h in hits}
        feel = any(w.key in FEEL_VERBS for w in words)  # else no word follows one
        for i, word in enumerate(words if feel else ()):
            if (word.start, word.end) in spans or not self._after_feel(words, i):
                continue
            name = self._feeling(word.key)
            if name is not None:
                hits.append(Hit(word.start, word.end, name, name.how, named=False))
        hits[:] = ordered(hits)

    def _after_feel(self, words: list[Word], i: int) -> bool:
        """Whether ``words[i]`` follows a verb of :data:`FEEL_VERBS`, with only grading
        words, conjunctions and other such adjectives (a list) between."""
        for j in range(i - 1, max(-1, i - 8), -1):
            gap = self.doc[words[j].end : words[j + 1].start]
            if gap.strip() not in ("", ","):
                return False
            key = words[j].key
            if key in FEEL_VERBS:
                return True
            if key in _NOT_BETWEEN_FEELINGS or is_verb(key):
                return False
        return False

    def _feeling(self, key: str) -> Name | None:
        """The condition the noun of the adjective ``key`` names, or None."""
        for ending, nouns in FEELING_NOUNS:
            if not key.endswith(ending) or len(key) < len(ending) + 3:
                continue
            stem = key[: len(key) - len(ending)]
            for noun in nouns:
                name = self.vocab.graph_name(stem + noun) or self.vocab.lexicon_name(stem + noun)
                if name is not None and self.vocab.kind(name.type) == "Condition":
                    return name
        return None

    def hits_of(self, first: int, end: int | None = None) -> list[Hit]:
        """The mentions found in sentences ``first`` to ``end`` (by default ``first`` alone),
        as hits, for the rules that look back at earlier sentences."""
        stop = first + 1 if end is None else end
        return [Hit(m.start, m.end, n, m.how) for k in range(max(0, first), stop)
                for m, n in self.found[k]]  # fmt: skip

    def recent(self, s_no: int, before: int, hits: list[Hit], back: int = 2) -> list[Hit]:
        """The named mentions before ``before``, in this sentence or the ``back`` before."""
        recent = self.hits_of(s_no - back, s_no)
        return [h for h in recent + hits if h.end <= before and h.how != "anaphora"]

    def last_nutrient(
        self, s_no: int, before: int, hits: list[Hit], cls: str = "Nutrient"
    ) -> Hit | None:
        """The nutrient (or thing of class ``cls``) named last before ``before``, in this
        sentence or the two before."""
        nutrients = [
            h for h in self.recent(s_no, before, hits) if self.vocab.is_a(h.name.type, cls)
        ]
        return max(nutrients, key=lambda h: (h.start, -h.end), default=None)

    def deficiency_of(self, hit: Hit) -> Name:
        """The deficiency state of the nutrient ``hit`` names: the graph's or the lexicon's
        "X deficiency" by any of its names, else one to propose with suggestions."""
        return self.state_of(hit, "DeficiencyState", ("deficiency",))

    def state_of(self, hit: Hit, cls: str, heads: tuple[str, ...]) -> Name:
        """The state of class ``cls`` that "X <head>" names for the thing ``hit`` names
        ("zinc deficiency", "magnesium excess"), by any of its names: the graph's, or the
        lexicon's (of the kind of ``cls``, read as ``cls``), else one to propose with
        suggestions, named by the first head."""
        text = self.doc[hit.start : hit.end]
        names = [text, *hit.name.spellings]
        if hit.name.known:
            entity = self.vocab.entities[hit.name.entity]
            names += [entity.label, *entity.synonyms]
        for base, head in ((b, h) for b in names for h in heads):
            phrase = f"{base} {head}"
            name = self.lookup(folded(phrase), hit.start, phrase)
            if name is None or self.vocab.kind(name.type) != self.vocab.kind(cls):
                continue
            if name.entity and not self.vocab.is_a(name.type, cls):
                continue  # the graph's own class stands
            name = self.vocab.narrowed(name, cls)
            return replace(name, how="lexicon" if name.how == "lexicon" else "synonym")
        phrase = f"{text} {heads[0]}"
        return Name(cls, False, "suggested", (phrase,), key=f"np:{folded(phrase)}")
