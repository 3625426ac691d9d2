"""Noun phrases no vocabulary knows that a class head word shows to name a thing ("folate
deficiency"), and the deficiency states "too little X" describes."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Matcher, Word, ordered, top
from kg.ingest.model import Sentence
from kg.ingest.vocabulary import Name, folded
from kg.ingest.wordlists import ANAPHOR_DETERMINERS, DASH, NP_HEADS, STOPWORDS, is_verb, wordset

__all__ = ["NounPhrases"]

#: Adjectives that grade or judge rather than name: left off a proposed noun phrase.
_GRADING = wordset(
    """severe mild moderate serious common rare possible certain various other many some
    several most all any new main major minor significant potential overall general normal
    healthy optimal proper adequate sufficient insufficient poor good better best important
    essential crucial vital key early late further more less own same different particular
    specific real true actual whole entire full high low higher lower increased decreased
    reduced long short frequent occasional typical usual primary secondary basic numerous"""
)
_TOO_LITTLE = re.compile(
    r"\b(?:too\s+little|not\s+(?:getting\s+|having\s+)?enough|insufficient|inadequate|"
    r"(?:lack|shortage|deficiency)\s+of|without\s+(?:adequate|enough|sufficient)|"
    r"low(?:\s+(?:levels?|intakes?|amounts?|stores)\s+of)?)\s+$",
    re.IGNORECASE,
)
_LEVELS = re.compile(r"\s+(?:levels?|status|intakes?|concentrations?|stores)\b", re.IGNORECASE)


class NounPhrases(Matcher):
    """The noun-phrase step of the mention finder."""

    def noun_phrases(self, sentence: Sentence, words: list[Word], hits: list[Hit]) -> None:
        """Noun phrases with a class head word that no vocabulary knows, proposed with
        suggestions: "folate deficiency" absorbs the mention of folate it starts with."""
        for h_i, head in enumerate(words):
            cls = NP_HEADS.get(head.key)
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
            key = folded(text)
            name = self.lookup(key, start, text)
            if name is None:
                name = Name(cls, False, "suggested", (), key=f"np:{key}")
            hits.append(Hit(start, head.end, name, name.how))  # the mentions inside stay
            hits[:] = ordered(hits)

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
                first = next(k for k in range(i + 1) if words[k].start == hit.start)
                i = first - 1
                taken = 3  # a mention is a whole modifier
                continue
            key = word.key
            if key in STOPWORDS or is_verb(key) or key in NP_HEADS or not key[0].isalpha():
                break
            if self._after_prefix(word.start):  # "non-alcoholic": the prefix too, and no more
                first = i - 1
                break
            first, taken, i = i, taken + 1, i - 1
        while first < head and words[first].key in _GRADING:
            first += 1
        if first == head:
            return None
        if first > 0 and words[first - 1].key in ANAPHOR_DETERMINERS - {"the"}:
            return None
        return first

    def deficiencies(self, sentence: Sentence, hits: list[Hit]) -> None:
        """Too little of a nutrient is its deficiency: "too little zinc", "low vitamin D
        levels", "a lack of iron", "without enough B12" mention the deficiency state (the
        graph's or the lexicon's "X deficiency", else one proposed with suggestions)."""
        for hit in top(hits):
            if not self.vocab.is_a(hit.name.type, "Nutrient"):
                continue
            window = max(sentence.start, hit.start - 40)
            cue = _TOO_LITTLE.search(self.doc, window, hit.start)
            if cue is None or any(h.start < hit.start and cue.start() < h.end for h in hits):
                continue
            levels = _LEVELS.match(self.doc, hit.end, sentence.end)
            end = levels.end() if levels else hit.end
            name = self.deficiency_of(hit)
            hits.append(Hit(cue.start(), end, name, name.how, named=False))
        hits[:] = ordered(hits)
