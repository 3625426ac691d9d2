"""Noun phrases no vocabulary knows that a class head word shows to name a thing ("folate
deficiency", "nerve transmission", "people with diabetes"), the states "too little X" and
"too much X" describe, and the naming modifiers a mention's noun phrase carries ("dark
chocolate", "migraine attacks"), and the two mentions that make one compound ("stomach
cramps", "beef liver")."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from kg.ingest.eaten import eaten
from kg.ingest.matching import Hit, Word, ordered, top
from kg.ingest.model import Sentence
from kg.ingest.nounwords import FOCUS_ADVERBS, NAMING_PARTICIPLES, VAGUE_NOUNS
from kg.ingest.ofphrases import OfPhrases
from kg.ingest.vocabulary import Name, folded
from kg.ingest.wordlists import (
    ANAPHOR_DETERMINERS,
    ANAPHOR_HEADS,
    CLAUSE_OPENERS,
    DASH,
    EPISODE_HEADS,
    GRADING,
    HEAD_NAMES,
    NP_HEADS,
    PLAIN_WORDS,
    PROCESS_HEADS,
    STOPWORDS,
    VERB_SLOTS,
    is_verb,
    verb_use,
)

__all__ = ["NounPhrases"]

#: Heads after a mention that keep its entity, by its kind: an episode of a condition
#: ("migraine attacks"), the taking of a food or chemical ("coffee drinking").
_AFTER_HEADS = {
    "Condition": EPISODE_HEADS,
    **dict.fromkeys(("Food", "ChemicalEntity"), frozenset({"drinking", "consumption"})),
}
#: Words that say there is less of a function or quality than there should be, each as good
#: as the others in a symptom's name: "weak muscle tone" is the lexicon's "low muscle tone".
_LESSENED = ("low", "poor", "weak", "reduced", "decreased", "diminished", "impaired")
#: Words that say a function fails ("poor absorption"), and the classes of what fails.
_IMPAIRED = frozenset({"disturbed", "abnormal", "disrupted", *_LESSENED})
_FUNCTIONS = ("PhysiologicalFunction", "BiologicalProcess")
#: Words that make a diet one of plenty of what it names ("iron-rich", "high-fat").
_PLENTY = frozenset({"rich", "high", "higher", "packed", "loaded"})
#: Heads of a class of symptoms that its examples name when they follow ("neurological
#: symptoms such as numbness"): the examples are what the text relates, no class of them.
_BY_EXAMPLES = frozenset({"symptom"})
_EXAMPLES_AFTER = re.compile(
    r",?\s*(?:such\s+as|like|including|e\.g\.|for\s+example|especially|particularly|notably)\b",
    re.IGNORECASE,
)
#: A hyphenated participle that makes a mention a modifier ("migraine-associated nausea").
_LINKED = re.compile(r"\s*[" + DASH + r"][a-z]+ed\s+$")
#: Words after which the next is a verb ("which control metabolism", "can turn food");
#: "to" may be a preposition ("leads to nerve damage"), so it is not one of them.
_VERB_BEFORE = VERB_SLOTS - {"to"}
#: A mention's naming modifiers are at most this many words ("leafy green vegetables").
_MOST_MODIFIERS = 3


class NounPhrases(OfPhrases):
    """The noun-phrase step of the mention finder."""

    def noun_phrases(self, sentence: Sentence, words: list[Word], hits: list[Hit]) -> None:
        """Noun phrases with a class head word that no vocabulary knows, proposed with
        suggestions: "folate deficiency" absorbs the mention of folate it starts with. A
        process head ("transmission", "development") only makes a phrase after a mention:
        "nerve transmission" names a process, not the nerve, while "rapid growth" names
        nothing the graph could hold. A lexicon name is read as the class of its head."""
        ends = {w.end: i for i, w in enumerate(words)}
        hits[:] = [self._headed(h) for h in hits if not self._verb_at(words, ends.get(h.end), hits)]
        for h_i, head in enumerate(words):
            cls = NP_HEADS.get(head.key) or PROCESS_HEADS.get(head.key)
            if cls is not None and self._verb_at(words, h_i, hits):
                continue  # "alcohol damages the nerves": no "alcohol damages"
            inside = (h for h in hits if h.start < head.end and head.start < h.end)
            if cls is None or any((h.start, h.end) != (head.start, head.end) for h in inside):
                continue
            if self._after_prefix(head.start):
                continue  # "anti-anemia" describes, it names no anemia
            first = self._modifiers(words, h_i, hits)
            if first is None:
                continue
            if head.key == "diet" and any(w.key in _PLENTY for w in words[first:h_i]):
                continue  # "a potassium-rich diet" is one rich in potassium: potassium
            if head.key in _BY_EXAMPLES and _EXAMPLES_AFTER.match(self.doc, head.end):
                continue
            start = words[first].start
            if head.key not in NP_HEADS and not any(start <= h.start for h in hits
                                                     if h.end <= head.start):  # fmt: skip
                continue
            named = HEAD_NAMES.get(head.key)
            text = f"{self.doc[start : head.start]}{named}" if named else None
            self._add_phrase(start, head.end, cls, hits, text)
        self.of_phrases(words, hits)
        self._impairments(words, hits)
        eaten(self.doc, words, hits, self.vocab)

    def _verb_at(self, words: list[Word], i: int | None, hits: list[Hit]) -> bool:
        """Whether ``words[i]``, a noun that may be a verb, is one where it stands: by the
        word before it and the word after it (past an adverb), or a mention there."""
        if i is None:
            return False
        word = words[i]
        before = words[i - 1].key if i and self._joined(words, i) else None
        k = i + 1 + (i + 2 < len(words) and words[i + 1].key.endswith("ly"))
        after = words[k].key if k < len(words) and self._joined(words, k) else None
        mention = after is not None and any(h.start == words[k].start for h in hits)
        raw = self.doc[word.start : word.end].casefold()
        return verb_use(raw, word.key, before, after, mention)

    def _joined(self, words: list[Word], k: int) -> bool:
        """Whether only spaces part ``words[k]`` from the word before."""
        return self.doc[words[k - 1].end : words[k].start].isspace()

    def _impairments(self, words: list[Word], hits: list[Hit]) -> None:
        """A function or process said to fail ("poor absorption", "impaired memory",
        "impaired mitochondrial energy metabolism") is a phenotype, the graph's or
        lexicon's by that name, else one proposed with suggestions: not the function
        itself, which "poor" as a grading word would leave."""
        self._lessened(words, hits)
        starts = {w.start: i for i, w in enumerate(words)}
        for hit in top(hits):
            at = i = starts.get(hit.start, 0)
            while i > 1 and at - i < 2 and self._joined(words, i):
                if not self._naming_word(words[i - 1], hits):
                    break
                i -= 1  # "impaired mitochondrial energy metabolism": a modifier between
            if not i or words[i - 1].key not in _IMPAIRED or hit.how == "anaphora":
                continue
            if not self._lower_or_first(words, i - 1) or not self._joined(words, i):
                continue
            if any(self.vocab.is_a(hit.name.type, c) for c in _FUNCTIONS):
                self._add_phrase(words[i - 1].start, hit.end, "Phenotype", hits)

    def _lessened(self, words: list[Word], hits: list[Hit]) -> None:
        """A symptom named with another word of :data:`_LESSENED` than the lexicon's ("weak
        muscle tone", "reduced appetite"): the lexicon's phenotype, its terms only close
        matches; not where a name or a nutrient's state already holds the phrase."""
        for i, word in enumerate(words[:-1]):
            if word.key not in _LESSENED or not self._lower_or_first(words, i):
                continue
            for j in range(min(i + 3, len(words) - 1), i, -1):
                if not all(self._joined(words, k) for k in range(i + 1, j + 1)):
                    continue
                end = words[j].end
                if any(h.start <= word.start and end <= h.end for h in hits):
                    break
                rest = self.doc[words[i + 1].start : end]
                name = self._lessened_name(word.key, rest)
                if name is not None:
                    hits.append(Hit(word.start, end, name, name.how, named=False))
                    break
        hits[:] = ordered(hits)

    def _lower_or_first(self, words: list[Word], i: int) -> bool:
        """Whether ``words[i]`` is in lower case or opens the sentence: a capital inside
        one is a title's ("Pills Ease Low Mood"), whose words are all capitals."""
        return i == 0 or self.doc[words[i].start : words[i].end].islower()

    def _lessened_name(self, said: str, rest: str) -> Name | None:
        """The lexicon's phenotype named "<another word of _LESSENED> <rest>", or None."""
        for other in _LESSENED:
            name = None if other == said else self.vocab.lexicon_name(folded(f"{other} {rest}"))
            if name is not None and self.vocab.kind(name.type) == "Condition":
                terms = tuple((t, "close") for t, _ in name.terms)
                return replace(name, spellings=(), terms=terms)
        return None

    def _headed(self, hit: Hit) -> Hit:
        """A lexicon hit whose last word is a class head, read as that class."""
        key = folded(self.doc[hit.start : hit.end])
        cls = NP_HEADS.get(key.rsplit(" ", 1)[-1])
        if hit.name.how != "lexicon" or cls is None or " " not in key:
            return hit
        return replace(hit, name=self.vocab.narrowed(hit.name, cls))

    def _modifiers(self, words: list[Word], head: int, hits: list[Hit]) -> int | None:
        """The first word of the noun phrase that ends in ``words[head]``: up to three
        naming words or one mention before it, with grading adjectives left off; None
        when nothing names it, or an anaphoric determiner leads it."""
        first = head
        taken = 0
        i = head - 1
        while i >= 0 and taken < 3:
            word = words[i]
            if self.doc[word.end : words[i + 1].start].strip(DASH + " "):
                break  # punctuation ends the phrase
            hit = min(
                (h for h in hits if h.start <= word.start < h.end <= words[head].start),
                key=lambda h: h.start,
                default=None,
            )
            if hit is not None:
                if hit.how == "suggested":
                    break
                first = self._compound_start(
                    words, next(k for k in range(i + 1) if words[k].start == hit.start)
                )
                i = first - 1
                taken = 3  # a mention is a whole modifier
                continue
            key = word.key
            if key in STOPWORDS or key in NP_HEADS or key in VAGUE_NOUNS or not key[0].isalpha():
                break
            if key in FOCUS_ADVERBS or (is_verb(key) and key not in NAMING_PARTICIPLES):
                break  # "particularly burning pain": an adverb singles out, names nothing
            if i > 0 and words[i - 1].key in _VERB_BEFORE:
                break  # "which control metabolism": a verb, not a modifier
            if (
                key.endswith("ed")
                and i > 0
                and self._joined(words, i)
                and any(h.end == words[i - 1].end for h in hits)
            ):
                break  # "a capsule eased symptoms": a verb after its subject, no modifier
            if self._after_prefix(word.start):  # "non-alcoholic": the prefix too, and no more
                first = i - 1
                break
            first, taken, i = i, taken + 1, i - 1
        while first < head and words[first].key in GRADING and not self._hyphened(words, first + 1):
            first += 1
        if first == head:
            return None
        # "that" mostly opens a clause ("suggest that zinc supplements ..."): no anaphor
        if first > 0 and words[first - 1].key in ANAPHOR_DETERMINERS - {"the", "that"}:
            return None
        return first

    def _hyphened(self, words: list[Word], k: int) -> bool:
        """Whether ``words[k]`` is joined to the word before by a hyphen ("high-dose")."""
        return 0 < k < len(words) and (
            len(gap := self.doc[words[k - 1].end : words[k].start]) == 1 and gap in DASH
        )

    def _compound_start(self, words: list[Word], k: int) -> int:
        """The first word of the hyphenated compound ``words[k]`` ends or is in: a grading
        word joined to a name belongs to it ("low-carbohydrate", "high-dose")."""
        while self._hyphened(words, k) and words[k - 1].key not in STOPWORDS:
            k -= 1
        return k

    def class_words(self, words: list[Word], hits: list[Hit]) -> None:
        """A chemical class word after "a" or "an" ("is an antioxidant", "a trace
        mineral") names the class, a mention of it (not an anaphor, and not too generic
        to name anything as a bare "mineral" may be)."""
        for i, word in enumerate(words):
            classes = ANAPHOR_HEADS.get(word.key, ())
            if "ChemicalEntity" not in classes or any(
                h.start < word.end and word.start < h.end for h in hits
            ):
                continue
            k = i - 1
            while (
                k >= 0
                and i - k <= 3
                and words[k].key not in STOPWORDS
                and not is_verb(words[k].key)
            ):
                k -= 1
            if (
                k < 0
                or words[k].key not in ("a", "an")
                or self.doc[words[k].end : word.start].strip(" " + DASH).count(",")
            ):
                continue
            name = self.vocab.graph_name(word.key) or self.vocab.class_name(word.key)
            if name is not None:
                hits.append(Hit(word.start, word.end, name, name.how))
        hits[:] = ordered(hits)

    def naming_modifiers(self, words: list[Word], hits: list[Hit]) -> None:
        """A mention covers the naming modifiers of its noun phrase: the adjectives and
        nouns before it no vocabulary knows ("dark chocolate", "leafy green vegetables",
        "fortified breakfast cereals"), and an episode head after a condition ("migraine
        attacks") or a taking after a food ("coffee drinking"). The phrase keeps the
        mention's entity (a kind of it, or it in episodes: the graph gains no entity a word
        like "dark" alone would have to define), and its text is no name of that entity.
        Grading words stay off ("severe", "too much")."""
        starts = {w.start: i for i, w in enumerate(words)}
        ends = {w.end: i for i, w in enumerate(words)}
        for hit in top(hits):
            if hit.how == "anaphora" or not hit.named or hit.start not in starts:
                continue
            if words[starts[hit.start]].key in _IMPAIRED:
                continue  # "low mood" opens with its own adjective: "describe" is no name
            first = self._naming_start(words, starts[hit.start], hits)
            start = words[first].start if first is not None else hit.start
            end = hit.end
            after = ends.get(hit.end, len(words)) + 1
            if (
                after < len(words)
                and words[after].key in _AFTER_HEADS.get(self.vocab.kind(hit.name.type), ())
                and self.doc[hit.end : words[after].start].isspace()
            ):
                end = words[after].end
            if (start, end) != (hit.start, hit.end):
                hits.append(Hit(start, end, hit.name, hit.how, named=False))
        hits[:] = ordered(hits)

    def _naming_start(self, words: list[Word], at: int, hits: list[Hit]) -> int | None:
        """The first of the naming words right before ``words[at]``, where a noun phrase
        may start (after a determiner, preposition, verb or punctuation), with the whole
        hyphenated compound the first is in ("high-dose"), or None."""
        best = None
        k = at - 1
        while k >= 0 and at - k <= _MOST_MODIFIERS:
            if self.doc[words[k].end : words[k + 1].start].strip(DASH + " "):
                break
            if not self._naming_word(words[k], hits):
                break
            if self._phrase_opens(words, k):
                best = k
            k -= 1
        return None if best is None else self._compound_start(words, best)

    def _naming_word(self, word: Word, hits: list[Hit]) -> bool:
        """Whether a word may modify a noun as part of its name: a plain word no mention
        holds, no function word, verb, grading word, class head or adverb, nor a plural or
        a verb's -s form ("harms", "nerves": a modifier is singular), nor an -ing form
        save one English uses as an adjective ("burning", "working")."""
        raw = self.doc[word.start : word.end]
        key = word.key
        if key in NAMING_PARTICIPLES:
            return raw.casefold() == key and not any(
                h.start < word.end and word.start < h.end for h in hits
            )
        return not (
            not raw.isalpha()
            or len(raw) < 3
            or raw.casefold() != key
            or key in PLAIN_WORDS
            or key in NP_HEADS or key in PROCESS_HEADS or key in ANAPHOR_HEADS
            or is_verb(key)
            or key.endswith(("ly", "ing"))
            or any(h.start < word.end and word.start < h.end for h in hits)
            or self._after_prefix(word.start)
        )  # fmt: skip

    def _phrase_opens(self, words: list[Word], k: int) -> bool:
        """Whether a noun phrase may start at ``words[k]``: first in the sentence (in its
        case, as sentences start) or after punctuation, a function word, a grading word or
        a verb, but not where a verb stands ("can harm nerves", "it damaged nerves")."""
        raw = self.doc[words[k].start : words[k].end]
        if k == 0 or self.doc[words[k - 1].end : words[k].start].strip(DASH + " "):
            return k > 0 or raw[1:].islower() or raw.islower()
        if not raw.islower():
            return False  # a capital inside a sentence: a name of its own
        before = words[k - 1].key
        if before in VERB_SLOTS or (before in CLAUSE_OPENERS and words[k].key.endswith("ed")):
            return False
        return before in STOPWORDS or before in GRADING or is_verb(before)

    def compounds(self, hits: list[Hit]) -> None:
        """Two mentions that make one noun compound: a body part before a condition
        ("stomach cramps", "leg pain") or a condition in a hyphenated modifier before one
        ("migraine-associated nausea") is a kind of the second; an animal food before a
        body part ("beef liver", "chicken liver") or a food before a food ("plant milks",
        "chicken soup") is a food, the graph's or lexicon's by that name, else one
        proposed with suggestions. A food before a condition ("gluten ataxia", "peanut
        allergy") is a kind of the condition, as a body part before one is."""
        tops = [h for h in top(hits) if h.how != "anaphora"]  # "fortified plant" too
        for first, head in pairwise(tops):
            gap = self.doc[first.end : head.start]
            if not head.named:
                continue
            kinds = (self.vocab.kind(first.name.type), self.vocab.kind(head.name.type))
            if kinds in (("Food", "AnatomicalStructure"), ("Food", "Food")) and gap.isspace():
                self._add_phrase(first.start, head.end, "Food", hits)
            elif kinds[1] == "Condition" and (
                (kinds[0] in ("AnatomicalStructure", "Food") and gap.isspace())
                or (kinds[0] == "Condition" and _LINKED.fullmatch(gap))
            ):
                hits.append(Hit(first.start, head.end, head.name, head.how, named=False))
        hits[:] = ordered(hits)
