"""Stage 2 of ``nnkg ingest``: the mentions of entities in a document.

A mention is found, in this order of trust, as a name the graph already has (a catalogue or
source entity's label or synonym), a name the text itself gives an entity ("X, also known
as Y", "X (Y)", "Y, or X,", an abbreviation in parentheses), a standard term of the lexicon,
or an anaphor ("this vitamin", "the deficiency", a safe "it") that points back to an earlier
mention. Names are matched longest first over words, folded (:func:`kg.ingest.names.fold`),
never inside a word. A lexicon term the graph lacks becomes a :class:`ProposedEntity`; a
noun phrase with a class head word ("... deficiency", "... disease") that no vocabulary
knows is proposed with suggestions only, for the curator to choose from.

Each step has a module: :mod:`kg.ingest.vocabulary` (the names known),
:mod:`kg.ingest.matching` (the longest names over a sentence's words),
:mod:`kg.ingest.nounphrases` (:mod:`kg.ingest.states`), :mod:`kg.ingest.processes`,
:mod:`kg.ingest.aliases`, :mod:`kg.ingest.anaphora` (:mod:`kg.ingest.pronouns`) and
:mod:`kg.ingest.proposals`; this one runs them sentence by
sentence and finds the lists. Their word lists (:mod:`kg.ingest.wordlists`) are general
English and the ontology's classes: nothing in them is taken from a particular text.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter

from kg.curation.ontology import Ontology
from kg.ingest.aliases import Aliases
from kg.ingest.anaphora import Anaphora
from kg.ingest.matching import Hit, Word, held, ordered, top
from kg.ingest.model import Mention, ProposedEntity, Sentence
from kg.ingest.processes import Processes
from kg.ingest.proposals import Proposals
from kg.ingest.vocabulary import (
    LexiconLike,
    Name,
    Vocabulary,
    class_kind,
    folded,
    packaged_ontology,
)
from kg.ingest.wordlists import (
    ADJECTIVES,
    DASH,
    GENERIC,
    GRADING,
    PREPOSITIONS,
    STOPWORDS,
    is_verb,
    wordset,
)

__all__ = [
    "HOWS",
    "Found",
    "LexiconLike",
    "Vocabulary",
    "find_mentions",
    "list_groups",
    "mentions_of",
]

#: What found a mention (:attr:`Mention.how`).
HOWS = ("label", "synonym", "lexicon", "alias", "abbreviation", "anaphora", "suggested")

_CONJUNCTIONS = frozenset({"and", "or", "nor", "&", "plus"})
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
_WORDS = re.compile(r"[^\W_]+")
#: Mentions' own order (a dataclass's, field by field) as one key, faster than comparing.
_IN_ORDER = attrgetter(*(f.name for f in fields(Mention) if f.compare))
_TOKENS = re.compile(r"[^\W_]+|[^\w\s]")


class _Finder(Processes, Aliases, Anaphora, Proposals):
    """One document's pass: mentions sentence by sentence, aliases and proposals as they
    come, so an alias the text introduces holds for the rest of it."""

    def commit(self, sentence: Sentence, hits: list[Hit]) -> None:
        """Give the sentence's hits their entities, and remember its lists."""
        names: dict[Mention, Name] = {}
        for hit in hits:
            entity = self.entity_of(hit, sentence)
            mention = Mention(
                hit.start, hit.end, self.doc[hit.start : hit.end], entity, hit.name.type,
                hit.name.known, hit.how,
            )  # fmt: skip
            names[mention] = hit.name
            self.first.setdefault(entity, hit.start)
        self.found.append(list(names.items()))
        self.lists.append(list_groups(list(names), sentence, self.vocab.ontology))
        for group in self.lists[-1]:
            for m in group:
                self.groups[(m.start, m.end)] = [names[g] for g in group]

    def list_items(self, words: list[Word], hits: list[Hit]) -> None:
        """An item no vocabulary knows in a coordinated list of mentions of one kind
        ("beans, lentils, asparagus and spinach") is a mention of a thing of their class,
        proposed with suggestions, so the list stays whole. A list is at least three items,
        two of them mentions (three when the unknown item opens the sentence: "Today, zinc
        and iron ..." is no list), the last after a conjunction; an unknown item is one to
        three plain words between the list's commas and conjunctions, before its first
        comma after a verb or function word ("include asparagus, beans and lentils"), or
        after its last conjunction up to a word that is no item word but no preposition
        ("and protection against nerve damage" is one item, not "protection")."""
        for run in _runs(_elements(self.doc, words, hits)):
            items = _window_items(run, self._item_words)
            known = [x for x in items if isinstance(x, Hit)]
            types = {h.name.type for h in known}
            kinds = {self.vocab.kind(t) for t in types}
            if len(items) < 3 or len(known) < 2 or len(kinds) != 1 or len(known) == len(items):
                continue
            if not isinstance(items[0], Hit) and items[0][0] == words[0].start and len(known) < 3:
                continue  # "Today, zinc and iron ...": a list opening a sentence is longer
            cls = types.pop() if len(types) == 1 else kinds.pop()
            for start, end in (x for x in items if not isinstance(x, Hit)):
                key = folded(self.doc[start:end])
                hits.append(Hit(start, end, Name(cls, False, "suggested", (), key=f"np:{key}"),
                                "suggested"))  # fmt: skip
        hits[:] = ordered(hits)

    def _item_words(self, chunk: list[Word]) -> bool:
        """Whether words may be a list item of their own: one to three plain words, no
        function word, verb or adverb among them, and not all generic or grading words."""
        return (
            0 < len(chunk) <= 3
            and all(self._item_word(w) for w in chunk)
            and not all(w.key in GENERIC or w.key in ADJECTIVES for w in chunk)
        )

    def _item_word(self, word: Word) -> bool:
        key = word.key
        return self.doc[word.start : word.end].isalpha() and not (
            key in STOPWORDS or is_verb(key) or key.endswith("ly")
        )

    def sentence(self, s_no: int, sentence: Sentence) -> None:
        words = self.words(sentence)
        self.sentence_starts.append(sentence.start)
        for _ in range(2):  # once more when the sentence introduced an alias
            hits = self.dictionary(words)
            self.noun_phrases(sentence, words, hits)
            self.states(sentence, hits)
            self.populations(words, hits)
            again = self.introduce(words, hits)
            if not again:
                break
        self.processes(words, hits)
        self.class_words(words, hits)
        self.naming_modifiers(words, hits)
        self.compounds(hits)
        self.list_items(words, hits)
        if self.anaphors(s_no, sentence, words, hits):
            self.states(sentence, hits)  # "a deficiency of this vitamin" is a deficiency
        self.commit(sentence, hits)


def find_mentions(
    document: str, sentences: list[Sentence], vocabulary: Vocabulary
) -> tuple[list[Mention], list[ProposedEntity]]:
    """The mentions of ``document`` in order, and the entities they propose, in order of
    first mention. The mentions of one span are several only for an anaphor that points at
    a list ("these foods")."""
    found = mentions_of(document, sentences, vocabulary)
    return found.mentions, found.entities()


@dataclass(frozen=True)
class Found:
    """A document's mentions (as :func:`find_mentions`), and its proposals on demand."""

    mentions: list[Mention]
    lists: list[list[list[Mention]]]  # by sentence number: its lists (:func:`list_groups`)
    finder: _Finder

    def entities(self, keep: Container[str] | None = None) -> list[ProposedEntity]:
        """The entities the mentions propose, as :func:`find_mentions`, but with the
        lexicon's suggestions only for those in ``keep`` (all when None): a caller that
        keeps a few saves a search of the lexicon for each of the others."""
        vocabulary = self.finder.vocab
        return [*self.finder.proposed(keep), *_sibling_proposals(vocabulary, self.mentions)]


def mentions_of(document: str, sentences: list[Sentence], vocabulary: Vocabulary) -> Found:
    """:func:`find_mentions`, with the proposals left to :meth:`Found.entities`."""
    finder = _Finder(document, vocabulary)
    for number, sentence in enumerate(sentences):
        finder.sentence(number, sentence)
    mentions = sorted((m for found in finder.found for m, _ in found), key=_IN_ORDER)
    return Found(mentions, finder.lists, finder)


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
    onto = ontology or packaged_ontology()
    slots: dict[tuple[int, int], list[Mention]] = {}
    inside = (m for m in mentions if sentence.start <= m.start and m.end <= sentence.end)
    for m in sorted(inside, key=_IN_ORDER):
        slots.setdefault((m.start, m.end), []).append(m)
    for inner in held(slots):
        del slots[inner]  # a name inside a longer one is no item of a list
    spans = sorted(slots)
    groups: list[list[Mention]] = [slots[s] for s in spans if len(slots[s]) > 1]
    chain: list[tuple[int, int]] = []
    conj_end = 0  # items of the chain up to its last conjunction
    lead: str | None = None  # the preposition before the chain, read when first needed

    def close() -> None:
        if conj_end >= 2:
            groups.append([m for span in chain[:conj_end] for m in slots[span]])

    for span in spans:
        if chain and chain[-1][1] <= span[0]:
            lead = _lead(sentence, chain[0][0]) if lead is None else lead
            link = _link(sentence, chain[-1][1], span[0], lead)
            same = class_kind(onto, slots[chain[-1]][0].type) == class_kind(
                onto, slots[span][0].type
            )
            # "the eyes and mouth, and neurological symptoms": a list joined by a
            # conjunction already ends where one of another kind follows
            if (link == "conjunction" and (same or not conj_end)) or (link == "comma" and same):
                chain.append(span)
                if link == "conjunction":
                    conj_end = len(chain)
                continue
        close()
        chain, conj_end, lead = [span], 0, None
    close()
    return sorted(groups, key=lambda g: (g[0].start, g[0].end))


#: A sentence read for its lists: a top-level mention, a plain word, a conjunction, a comma,
#: or a break (other punctuation).
_Element = tuple[str, Hit | Word | None]


def _elements(doc: str, words: list[Word], hits: list[Hit]) -> list[_Element]:
    """A sentence's words and punctuation, with each top-level mention one element."""
    tops: dict[int, Hit] = {}  # start -> the first top-level mention there
    for h in top(hits):
        if h.how != "anaphora":
            tops.setdefault(h.start, h)
    found: list[_Element] = []
    end = words[0].start if words else 0
    for word in words:
        if word.start < end:
            continue  # inside a mention already read
        gap = doc[end : word.start]
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


def _runs(elements: list[_Element]) -> list[list[tuple[list[_Element], set[str]]]]:
    """The stretches between breaks, each as its segments: the elements between list
    separators (commas and conjunctions), with the separators after each."""
    runs: list[list[tuple[list[_Element], set[str]]]] = [[]]
    current: list[_Element] = []
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


def _window_items(run: list[tuple[list[_Element], set[str]]], plain) -> list[Hit | tuple[int, int]]:
    """The items of the first list in a run: from the last element of its first segment
    (a mention, or plain words after a verb or function word) through segments that are
    one item each, to the first element of the segment after the last conjunction; an
    empty list where the run is no clean list."""
    items: list[Hit | tuple[int, int]] = []
    for i, (segment, seps) in enumerate(run):
        role = "first" if i == 0 else "last" if "C" in run[i - 1][1] or i == len(run) - 1 else ""
        item = _item(segment, role or "middle", plain)
        if item is None:
            return items if role == "last" else []
        items.append(item)
        if role == "last" or not seps:
            return items
    return items


def _item(segment: list[_Element], role: str, plain) -> Hit | tuple[int, int] | None:
    """The item a segment gives in its role: a lone mention or plain words in the middle;
    its last mention, or the plain words after a word that opens them, first; its first
    mention, or the plain words it starts with up to a word that is none, last."""
    if not segment:
        return None  # a separator with nothing before it: "And so, ..." opens no list
    kinds = [k for k, _ in segment]
    words = [x if k == "W" and plain([x]) else None for k, x in segment]
    if role == "middle":
        if kinds == ["H"]:
            return segment[0][1]
        return (words[0].start, words[-1].end) if None not in words and plain(words) else None
    if role == "first":
        if kinds[-1] == "H":
            return segment[-1][1]
        at = max((i for i, w in enumerate(words) if w is None), default=-1)
        chunk = words[at + 1 :]
        if not plain(chunk) or (at >= 0 and (kinds[at] != "W" or not _opens(segment[at][1]))):
            return None
        if at < 0 and chunk[0].key in _SENTENCE_ADVERBS:
            return None
        return (chunk[0].start, chunk[-1].end)  # after a verb, or opening the sentence
    if kinds[0] == "H":
        return segment[0][1]
    at = next((i for i, w in enumerate(words) if w is None), len(words))
    chunk = words[:at]
    after = segment[at][1] if at < len(kinds) else None
    if not plain(chunk) or not (after is None or isinstance(after, Word)):
        return None  # plain words right before a mention modify it
    if isinstance(after, Word) and after.key in PREPOSITIONS:
        return None  # the head of a longer phrase: "protection against nerve damage"
    return (chunk[0].start, chunk[-1].end)


def _opens(word: Word) -> bool:
    """Whether plain words after ``word`` may start a list's first item."""
    return word.key in STOPWORDS or is_verb(word.key)


def _lead(sentence: Sentence, start: int) -> str:
    """The preposition before ``start`` (and its article), or ""."""
    before = _WORDS.findall(sentence.text[: start - sentence.start].casefold())
    while before and before[-1] in _FILLERS:
        before.pop()
    return before[-1] if before and before[-1] in PREPOSITIONS else ""


def _link(sentence: Sentence, end: int, start: int, lead: str = "") -> str | None:
    """How two neighbouring mentions are joined: "conjunction" (and, or, ", and"),
    "comma", or None when other words stand between them; the preposition ``lead``
    before the list's first item may stand again ("added to A and to B")."""
    gap = sentence.text[end - sentence.start : start - sentence.start]
    tokens = _TOKENS.findall(gap.casefold())
    if any(t not in _LINKING and t != lead for t in tokens):
        return None
    if any(t in _CONJUNCTIONS for t in tokens) or "as well as" in " ".join(tokens):
        return "conjunction"
    return "comma" if "," in tokens else None
