"""The coordinated lists of a sentence, for :mod:`kg.ingest.mentions`: the lists of its
mentions (:func:`list_groups`), and the items of a list no vocabulary knows
(:func:`unknown_items`), so a list stays whole ("beans, lentils, asparagus and spinach").

English joins a list's items with commas and a conjunction ("and", "or", "as well as",
"along with"), may repeat the preposition before each ("needed for A, for B and for C"),
and may interrupt it with a parenthesis ("A (B), C and D"), an appositive ("A, a B, and
C"), the examples of one item ("A, B, including C, and D") or a phrase of one ("A in the B
and C, D and E"): those are read past, the examples and the phrase's list lists of their
own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import fields
from operator import attrgetter

from kg.curation.ontology import Ontology
from kg.ingest.matching import Hit, Word, held, top
from kg.ingest.model import Mention, Sentence
from kg.ingest.vocabulary import class_kind, packaged_ontology
from kg.ingest.wordlists import ADJECTIVES, DASH, GRADING, PREPOSITIONS, STOPWORDS, is_verb, wordset

__all__ = ["IN_ORDER", "list_groups", "unknown_items"]

_CONJUNCTIONS = frozenset({"and", "or", "nor", "&", "plus"})
#: Conjunctions of several words: each joins two items as "and" does.
_PHRASES = ("as well as", "along with", "together with")
#: Words that open a sentence before a comma without being an item of a list after it.
_SENTENCE_ADVERBS = wordset(
    """today nowadays meanwhile overall instead still here now indeed moreover furthermore
    hence therefore first second third next finally besides yes again otherwise"""
)
#: Words allowed between the items of a coordinated list besides commas and conjunctions.
_LIST_FILLERS = wordset("as well also even especially particularly other the a an some many")
_FILLERS = _LIST_FILLERS | GRADING
#: What may stand between two items of a list (and the preposition before the first).
_LINKING = _CONJUNCTIONS | _FILLERS | {","}
#: What opens the examples of the item before it ("headaches, including migraine").
_EXAMPLES = re.compile(
    r"\s*,?\s*(?:such as|including|like|e\.g\.,?|for (?:example|instance),?)\s*", re.IGNORECASE
)
#: What opens an appositive after an item ("goiter, a swollen thyroid, and ...").
_APPOSITIVE = re.compile(r"\s*,\s*(?:a|an|the)\s+", re.IGNORECASE)
#: What ends a list whose last item is a class no vocabulary names ("and other greens").
_OTHERS = re.compile(r"\s*,?\s*(?:and|or)\s+other\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORDS = re.compile(r"[^\W_]+")
_TOKENS = re.compile(r"[^\W_]+|[^\w\s]")
#: Mentions' own order (a dataclass's, field by field) as one key, faster than comparing.
IN_ORDER = attrgetter(*(f.name for f in fields(Mention) if f.compare))

Span = tuple[int, int]


def list_groups(
    mentions: Sequence[Mention], sentence: Sentence, ontology: Ontology | None = None
) -> list[list[Mention]]:
    """The coordinated lists of a sentence's mentions ("meat, fish, dairy products, and
    eggs"), each in order, over the mentions no longer one holds; mentions of one span (an
    anaphor pointing at a list) are one group too. Items joined by a bare comma must be of
    one kind, so "In diabetes, vitamin B12 and folate ..." lists only the two vitamins. A
    parenthesis is read past, and a list inside one is a list of its own."""
    slots: dict[Span, list[Mention]] = {}
    inside = (m for m in mentions if sentence.start <= m.start and m.end <= sentence.end)
    for m in sorted(inside, key=IN_ORDER):
        slots.setdefault((m.start, m.end), []).append(m)
    for inner in held(slots):
        del slots[inner]  # a name inside a longer one is no item of a list
    spans = sorted(slots)
    groups: list[list[Mention]] = [slots[s] for s in spans if len(slots[s]) > 1]
    brackets = [
        (sentence.start + b.start(), sentence.start + b.end())
        for b in _BRACKETS.finditer(sentence.text)
    ]
    parts: dict[Span | None, list[Span]] = {}
    for span in spans:
        bracket = next((b for b in brackets if b[0] <= span[0] and span[1] <= b[1]), None)
        parts.setdefault(bracket, []).append(span)
    chains = _Chains(sentence, slots, ontology or packaged_ontology())
    for part in parts.values():
        for span in part:
            chains.add(span)
        chains.close()
    return sorted(groups + chains.groups, key=lambda g: (g[0].start, g[0].end))


class _Chains:
    """Lists over spans read left to right: a chain of items joined by commas and
    conjunctions, a list up to its last conjunction; the examples of an item ("A, B,
    including C, and D") and the list in a phrase of an item ("A in the B and C, D and E")
    are chains of their own, after which the list goes on."""

    def __init__(self, sentence: Sentence, slots: dict[Span, list[Mention]], onto: Ontology):
        self.sentence, self.slots, self.onto = sentence, slots, onto
        self.groups: list[list[Mention]] = []
        self.chain: list[Span] = []
        self.conj_end = 0  # items of the chain up to its last conjunction
        self.lead: str | None = None  # the preposition before the chain, read when needed
        self.outer: tuple[list[Span], int, str | None] | None = None  # what examples interrupt
        # the chain a phrase of its last item interrupts ("pain in the A and B, C and D")
        self.held: tuple[list[Span], int, str | None] | None = None
        self.aside: Span | None = None  # an appositive after the chain's last item

    def add(self, span: Span) -> None:
        if self.aside is not None:
            aside, self.aside = self.aside, None
            gap = self._gap(aside[1], span[0])
            if aside[1] <= span[0] and gap.lstrip().startswith(",") and self._joins(gap, span):
                # "goiter, a swollen thyroid, and hypothyroidism": the list goes on, and the
                # appositive is of it, so no relation spreads between it and the items
                self.conj_end += self.conj_end == len(self.chain)
                self.chain.insert(-1, aside)
                return
            self.close()
            self.chain, self.conj_end, self.lead = [aside], 0, None
        if self.chain and self.chain[-1][1] <= span[0]:
            gap = self._gap(self.chain[-1][1], span[0])
            if self.outer is None and _EXAMPLES.fullmatch(gap):
                self.outer = (self.chain, self.conj_end, self.lead)
                self.chain, self.conj_end, self.lead = [span], 0, None
                return
            if self._resumes(gap, span) or self._joins(gap, span) or self._returns(gap, span):
                return
            if _APPOSITIVE.fullmatch(gap) and not self._same(self.chain[-1], span):
                self.aside = span  # it renames the item before it, or starts a list of its own
                return
            if self.outer is None and self.held is None and _phrase_of_item(gap):
                # "tingling in the hands and feet, tunnel vision ...": the list may go on
                self.held = (self.chain, self.conj_end, self.lead)
                self.chain, self.conj_end, self.lead = [span], 0, None
                return
        self.close()
        self.chain, self.conj_end, self.lead = [span], 0, None

    def close(self) -> None:
        """End the chain (and the lists its examples or a phrase of its item interrupt): a
        list where it has a conjunction."""
        conj_end = self.conj_end
        if not conj_end and len(self.chain) > 1 and _OTHERS.match(self._after(self.chain[-1])):
            conj_end = len(self.chain)  # "kale, spinach and other greens": a list ends there
        self._emit(self.chain, conj_end)
        for chain, conj_end, _ in filter(None, (self.outer, self.held)):
            self._emit(chain, conj_end)
        self.chain, self.conj_end, self.outer, self.held, self.aside = [], 0, None, None, None

    def _emit(self, chain: list[Span], conj_end: int) -> None:
        """A list of the chain's items up to its last conjunction, where it has one."""
        if conj_end >= 2:
            self.groups.append([m for span in chain[:conj_end] for m in self.slots[span]])

    def _after(self, span: Span) -> str:
        return self.sentence.text[span[1] - self.sentence.start :]

    def _gap(self, end: int, start: int) -> str:
        """The words between two spans, a parenthesis left out."""
        at = self.sentence.start
        return _BRACKETS.sub(" ", self.sentence.text[end - at : start - at])

    def _same(self, a: Span, b: Span) -> bool:
        kind = class_kind(self.onto, self.slots[a][0].type)
        return kind == class_kind(self.onto, self.slots[b][0].type)

    def _joins(self, gap: str, span: Span) -> bool:
        """Whether ``span`` is the chain's next item (then it is added)."""
        if self.lead is None:
            self.lead = _lead(self.sentence, self.chain[0][0])
        link, same = _link(gap, self.lead), self._same(self.chain[-1], span)
        # the preposition said again joins items of any kind ("for A, for B and for C")
        same = same or (bool(self.lead) and self.lead in _TOKENS.findall(gap.casefold()))
        # "the eyes and mouth, and neurological symptoms": a list joined by a
        # conjunction already ends where one of another kind follows
        if (link == "conjunction" and (same or not self.conj_end)) or (link == "comma" and same):
            self.chain.append(span)
            if link == "conjunction":
                self.conj_end = len(self.chain)
            return True
        return False

    def _resumes(self, gap: str, span: Span) -> bool:
        """Whether ``span`` goes on the list that one example, closed by a comma,
        interrupted ("fatigue, ataxia, headaches, including migraine, and neuropathy")."""
        if self.outer is None or len(self.chain) != 1 or not gap.lstrip().startswith(","):
            return False
        chain, _, lead = self.outer
        if len(chain) < 2 or _link(gap, lead or "") != "conjunction":
            return False
        if not self._same(chain[-1], span):
            return False
        self.chain, self.lead, self.outer = [*chain, span], lead, None
        self.conj_end = len(self.chain)
        return True

    def _returns(self, gap: str, span: Span) -> bool:
        """Whether ``span``, after a comma, goes on the list that a phrase of its last item
        interrupted ("tingling in the hands and feet, tunnel vision and ..."), the list
        inside the phrase then ended."""
        if self.held is None or not gap.lstrip().startswith(","):
            return False
        chain, conj_end, lead = self.held
        link = _link(gap, lead or "")
        if link is None or not self._same(chain[-1], span):
            return False
        self._emit(self.chain, self.conj_end)
        self.chain, self.lead, self.held = [*chain, span], lead, None
        self.conj_end = len(self.chain) if link == "conjunction" else conj_end
        return True


def _phrase_of_item(gap: str) -> bool:
    """Whether ``gap`` opens a prepositional phrase of the item before it ("in the")."""
    tokens = _TOKENS.findall(gap.casefold())
    return bool(tokens) and tokens[0] in PREPOSITIONS and all(t in _FILLERS for t in tokens[1:])


def _lead(sentence: Sentence, start: int) -> str:
    """The preposition before ``start`` (and its article), or ""."""
    before = _WORDS.findall(sentence.text[: start - sentence.start].casefold())
    while before and before[-1] in _FILLERS:
        before.pop()
    return before[-1] if before and before[-1] in PREPOSITIONS else ""


def _link(gap: str, lead: str = "") -> str | None:
    """How two neighbouring mentions are joined by the words ``gap`` between them:
    "conjunction" (and, or, ", and", "as well as"), "comma", or None when other words
    stand between them; the preposition ``lead`` before the list's first item may stand
    again ("added to A and to B")."""
    text = f" {' '.join(_TOKENS.findall(gap.casefold()))} "
    phrases = sum(text.count(f" {phrase} ") for phrase in _PHRASES)
    for phrase in _PHRASES:
        text = text.replace(f" {phrase} ", " and ")
    tokens = text.split()
    if any(t not in _LINKING and t != lead for t in tokens):
        return None
    if phrases and sum(t in _CONJUNCTIONS for t in tokens) > 1:
        return None  # "A, and together with B it ...": a clause of its own opens there
    if any(t in _CONJUNCTIONS for t in tokens):
        return "conjunction"
    return "comma" if "," in tokens else None


#: A sentence read for its lists: a top-level mention, a plain word, a conjunction, a comma,
#: or a break (other punctuation).
_Element = tuple[str, Hit | Word | None]
_Segment = list[_Element]
#: An item of a list: a mention, or the span of plain words no vocabulary knows.
Item = Hit | tuple[int, int]
#: Whether words may be a list item of their own (the caller's vocabulary knows).
Plain = Callable[[list[Word]], bool]
_ARTICLES = frozenset({"a", "an", "the"})
#: At most this many plain words before a mention make one item with it ("organ meats").
_MODIFIERS = 2


def unknown_items(doc: str, words: list[Word], hits: list[Hit], plain: Plain) -> list[list[Item]]:
    """The items of the lists that may start at each segment of each stretch of a
    sentence between breaks (other punctuation than commas): their mentions, the plain
    words that are items of their own, and a mention with the plain words that modify it
    ("eggs, organ meats and nuts"), as a new mention of its entity that is no name of it;
    no list where the segments from one are no clean list. A list's first item starts
    after a verb or function word ("include asparagus"), its last ends at a word that is
    no item word but no preposition ("and protection against nerve damage" is one item,
    not "protection"). A list may start after the sentence's first clause ("X is rare,
    because Y is found in A, B and C"), so each segment is tried as its start."""
    runs = _runs(_elements(doc, words, hits))
    windows = (_window_items(run[i:], plain) for run in runs for i in range(len(run) - 2))
    return [w for w in windows if w]


def _elements(doc: str, words: list[Word], hits: list[Hit]) -> list[_Element]:
    """A sentence's words and punctuation, with each top-level mention one element; a
    parenthesis is read past ("beetroot, rocket (arugula), spinach and celery")."""
    tops: dict[int, Hit] = {}  # start -> the first top-level mention there
    for h in top(hits):
        if h.how != "anaphora":
            tops.setdefault(h.start, h)
    found: list[_Element] = []
    end = words[0].start if words else 0
    asides = _asides(doc, words)
    for word in words:
        if word.start < end or any(a <= word.start < b for a, b in asides):
            continue  # inside a mention already read, or a parenthesis
        gap = _BRACKETS.sub(" ", doc[end : word.start])
        if "," in gap:
            found.append((",", None))
        if gap.strip(DASH + " ,'’"):
            found.append(("|", None))
        hit = tops.get(word.start)
        if hit is not None:
            found.append(("H", hit))
            end = hit.end
            continue
        found.append(("C" if word.key in _CONJUNCTIONS else "W", word))
        end = word.end
    return found


def _asides(doc: str, words: list[Word]) -> list[Span]:
    """The parentheses among ``words``: each an aside to the word before it."""
    if not words:
        return []
    at = words[0].start
    text = doc[at : words[-1].end + 1]
    return [(at + b.start(), at + b.end()) for b in _BRACKETS.finditer(text)]


def _runs(elements: list[_Element]) -> list[list[tuple[_Segment, set[str]]]]:
    """The stretches between breaks, each as its segments: the elements between list
    separators (commas and conjunctions), with the separators after each."""
    runs: list[list[tuple[_Segment, set[str]]]] = [[]]
    current: _Segment = []
    for kind, item in elements:
        if kind in (",", "C"):
            if current or not runs[-1]:
                runs[-1].append((current, set()))
                current = []
            runs[-1][-1][1].add(kind)
        elif kind == "|":
            if current:
                runs[-1].append((current, set()))
            current = []
            runs.append([])
        else:
            current.append((kind, item))
    if current:
        runs[-1].append((current, set()))
    return [r for r in runs if len(r) >= 3]


def _window_items(run: list[tuple[_Segment, set[str]]], plain: Plain) -> list[Item]:
    """The items of the first list in a run: from the last element of its first segment
    (a mention, or plain words after a verb or function word) through segments that are
    one item each, to the first element of the segment after the last conjunction; an
    empty list where the run is no clean list."""
    items: list[Item] = []
    for i, (segment, seps) in enumerate(run):
        role = "first" if i == 0 else "last" if "C" in run[i - 1][1] or i == len(run) - 1 else ""
        item = _item(segment, role or "middle", plain)
        if item is None:
            return items if role == "last" else []
        items.append(item)
        if role == "last" or not seps:
            return items
    return items


def _item(segment: _Segment, role: str, plain: Plain) -> Item | None:
    """The item a segment gives in its role, an article before it read past: a lone
    mention or plain words in the middle; its last mention, or the plain words after a
    word that opens them, first; its first mention, or the plain words it starts with up
    to a word that is none, last. Plain words right before a mention modify it."""
    if role != "first":
        while segment and segment[0][0] == "W" and segment[0][1].key in _ARTICLES:
            segment = segment[1:]
    others = role == "last" and len(segment) > 1 and segment[0][0] == "W"
    others = others and segment[0][1].key == "other"
    opens = segment[0][1].start if others else 0
    if others:
        segment = segment[1:]  # "and other leafy greens": the class that ends a list
    if not segment:
        return None  # a separator with nothing before it: "And so, ..." opens no list
    kinds = [k for k, _ in segment]
    words = [x if k == "W" and plain([x]) else None for k, x in segment]
    if role == "first":
        return _first(segment, kinds, words, plain)
    head = next((i for i, k in enumerate(kinds) if k != "W"), len(kinds))
    if head < len(kinds) and kinds[head] == "H" and (role == "last" or head == len(kinds) - 1):
        item = _modified(segment, head)
        if item is not None:
            return item
    if role == "middle":
        return (words[0].start, words[-1].end) if None not in words and plain(words) else None
    at = next((i for i, w in enumerate(words) if w is None), len(words))
    chunk = words[:at]
    after = segment[at][1] if at < len(kinds) else None
    if not plain(chunk) or not (after is None or isinstance(after, Word)):
        return None  # plain words right before a mention modify it
    if isinstance(after, Word) and after.key in PREPOSITIONS:
        return None  # the head of a longer phrase: "protection against nerve damage"
    return (opens if others else chunk[0].start, chunk[-1].end)


def _first(segment: _Segment, kinds: list[str], words: list[Word | None], plain: Plain):
    """The first item of a list: the segment's last mention (with the plain words that
    modify it, after a word that opens them), or the plain words after such a word."""
    at = max((i for i, w in enumerate(words[:-1]) if w is None), default=-1)
    if kinds[-1] == "H":
        if at >= 0 and kinds[at] == "W" and _opens(segment[at][1]):
            return _modified(segment, len(kinds) - 1, since=at + 1)
        return segment[-1][1]
    at = max((i for i, w in enumerate(words) if w is None), default=-1)
    chunk = words[at + 1 :]
    if not plain(chunk) or (at >= 0 and (kinds[at] != "W" or not _opens(segment[at][1]))):
        return None
    if at < 0 and chunk[0].key in _SENTENCE_ADVERBS:
        return None
    return (chunk[0].start, chunk[-1].end)  # after a verb, or opening the sentence


def _modified(segment: _Segment, head: int, since: int = 0) -> Item | None:
    """The mention ``segment[head]`` with the plain words from ``since`` before it, when
    they may name a kind of it ("organ meats"; no grading word: "severe pain" is pain);
    None when other words stand before it."""
    hit = segment[head][1]
    modifiers = [x for _, x in segment[since:head]]
    if not modifiers:
        return hit
    if len(modifiers) > _MODIFIERS or not all(
        isinstance(w, Word) and _modifier(w) for w in modifiers
    ):
        return None
    if any(w.key in ADJECTIVES for w in modifiers):
        return hit if all(w.key in GRADING for w in modifiers) else None
    return Hit(modifiers[0].start, hit.end, hit.name, hit.how, named=False)


def _modifier(word: Word) -> bool:
    """Whether ``word`` may modify a noun: a plain word, no function word, verb or adverb."""
    key = word.key
    return key.isalpha() and not (key in STOPWORDS or is_verb(key) or key.endswith("ly"))


def _opens(word: Word) -> bool:
    """Whether plain words after ``word`` may start a list's first item."""
    return word.key in STOPWORDS or is_verb(word.key)
