"""What a verb phrase names: a process done to a substance ("to make DNA", "the synthesis
of myelin"), a quality a verb gives a body part ("make nails brittle"), a difficulty in
doing something ("trouble concentrating"). A step of the mention finder, after its noun
phrases."""

from __future__ import annotations

from kg.ingest.matching import Hit, Word, top
from kg.ingest.nounphrases import NounPhrases
from kg.ingest.nounwords import NOT_PARTICIPLES
from kg.ingest.vocabulary import folded
from kg.ingest.wordlists import (
    PROCESS_DETERMINERS,
    PROCESS_NOUNS,
    PROCESS_PREPOSITIONS,
    PROCESS_VERBS,
    wordset,
)

__all__ = ["Processes"]

#: Nouns of a difficulty that a gerund after them says the doing of ("trouble
#: concentrating", "difficulty swallowing"): the phrase names a symptom.
_DIFFICULTIES = wordset("trouble difficulty difficulties")
#: Verbs that give their object the quality an adjective after it says ("make nails
#: brittle", "turn the urine bright yellow"): the phrase names the object so ("brittle
#: nails"), as a sign is named.
_RESULT_VERBS = wordset("make makes made making turn turns turned turning")
#: Words between such a verb and its object.
_OWNERS = wordset("the your their its his her our")
#: Words that grade the adjective after the object ("a little orange", "bright yellow").
_GRADES = wordset("a little bit slightly very quite bright deep pale more")
#: Adjectives of how a body part looks or feels, that such a phrase ends with.
_QUALITIES = wordset(
    """yellow orange pink red green blue purple brown black white grey gray dark pale dry
    brittle itchy sore stiff numb weak thin rough swollen tender flaky cracked puffy oily
    cloudy sensitive"""
)
#: Words that may end a resultative phrase: a conjunction, or punctuation (None).
_PHRASE_ENDS = frozenset({None, "and", "or", "but", "if", "when", "in"})


class Processes(NounPhrases):
    """The process step of the mention finder."""

    def processes(self, words: list[Word], hits: list[Hit]) -> None:
        """A process done to a substance named by a verb or noun with it: "to make DNA",
        "for making acetylcholine", "to turn dopamine into noradrenaline", "to absorb
        calcium", "the synthesis of sphingolipids", "the absorption of tryptophan". After
        "to" or a preposition, the verb says what the text says something is for; the
        phrase is the process "X synthesis" ("X absorption"...), the graph's or the
        lexicon's by that name, else one proposed with suggestions."""
        for i, word in enumerate(words[:-1]):
            for head, of in self._process_readings(words, i):
                found = self._substance_after(words, i + 1, hits, of)
                if found is not None:
                    thing, end = found
                    phrase = f"{self._singular_name(thing)} {head}"
                    self._add_phrase(word.start, end, "BiologicalProcess", hits, phrase)
                    break
        self._results(words, hits)
        self._difficulties(words, hits)

    def _difficulties(self, words: list[Word], hits: list[Hit]) -> None:
        """A difficulty and the gerund of what it is hard to do, with the mention of its
        object if one follows ("trouble concentrating", "difficulty passing urine"), is a
        symptom: the graph's or the lexicon's by that name, else one proposed with
        suggestions."""
        for i, word in enumerate(words[:-1]):
            doing = words[i + 1]
            raw = self.doc[doing.start : doing.end]
            if word.key not in _DIFFICULTIES or not self._spaced(words, i + 1):
                continue
            if not (raw.islower() and raw.endswith("ing")) or doing.key in NOT_PARTICIPLES:
                continue
            end = doing.end
            after = i + 2 < len(words) and self._spaced(words, i + 2)
            thing = after and next((h for h in top(hits) if h.start == words[i + 2].start), None)
            if thing and thing.how != "anaphora":
                end = thing.end
            if not any(h.start <= word.start and end <= h.end for h in hits):
                self._add_phrase(word.start, end, "Phenotype", hits)

    def _results(self, words: list[Word], hits: list[Hit]) -> None:
        """A body part a verb gives the quality an adjective after it says ("can make nails
        brittle and skin dry", "turned the urine bright yellow") is a sign named by the two
        ("brittle nails"): the graph's or the lexicon's by that name, else one proposed
        with suggestions."""
        for i, word in enumerate(words[:-2]):
            if word.key not in _RESULT_VERBS:
                continue
            k, start = i + 1, word.start
            while (part := self._object_at(words, k, hits)) is not None:
                after = next((j for j, w in enumerate(words) if w.start >= part.end), len(words))
                quality = self._quality_at(words, after, hits)
                if quality is None:
                    break
                said = self.doc[part.start : part.end].casefold()
                adjective = words[quality].key
                self._add_phrase(start, words[quality].end, "Phenotype", hits,
                                 f"{adjective} {said}")  # fmt: skip
                k = quality + 2  # "and skin dry": the next conjunct, the verb understood
                if quality + 1 >= len(words) or words[quality + 1].key not in ("and", "or"):
                    break
                start = words[k].start if k < len(words) else start

    def _object_at(self, words: list[Word], k: int, hits: list[Hit]) -> Hit | None:
        """The mention of a body part at ``words[k]``, past a determiner, or None."""
        while k < len(words) and words[k].key in _OWNERS:
            k += 1
        if k >= len(words):
            return None
        part = next((h for h in top(hits) if h.start == words[k].start), None)
        if part is None or part.how == "anaphora":
            return None
        return part if self.vocab.kind(part.name.type) == "AnatomicalStructure" else None

    def _quality_at(self, words: list[Word], k: int, hits: list[Hit]) -> int | None:
        """Where the adjective after an object is ("bright yellow", "a little orange"), the
        last word of the phrase, or None: one of :data:`_QUALITIES` in lower case, that
        punctuation or a conjunction ends."""
        first = k
        while k < len(words) - 1 and words[k].key in _GRADES and k - first < 2:
            k += 1
        if k >= len(words) or not all(self._spaced(words, j) for j in range(first, k + 1)):
            return None
        if words[k].key not in _QUALITIES or not self.doc[words[k].start].islower():
            return None
        if any(h.start == words[k].start and h.end > words[k].end for h in hits):
            return None  # the word opens a longer name, no adjective
        end = words[k + 1].key if k + 1 < len(words) and self._spaced(words, k + 1) else None
        return k if end in _PHRASE_ENDS else None

    def _singular_name(self, hit: Hit) -> str:
        """A name of what ``hit`` names in the singular, as a modifier is written ("red
        blood cell production"): its entity's label or a spelling, else its text."""
        text = self.doc[hit.start : hit.end]
        label = [self.vocab.entities[hit.name.entity].label] if hit.name.known else []
        names = [*label, *hit.name.spellings, text]
        return next((n for n in names if folded(n) == n.casefold().replace("-", " ")), text)

    def _process_readings(self, words: list[Word], i: int) -> list[tuple[str, bool]]:
        """The head of the process's name ``words[i]`` may give, and whether "of" must
        follow: a noun ("synthesis of"), a verb after "to" ("to make"), an -ing form
        after a preposition ("for making")."""
        key = words[i].key
        found = [(PROCESS_NOUNS[key] or key, True)] if key in PROCESS_NOUNS else []
        verb = key in PROCESS_VERBS or key.endswith("ing")  # seldom: test it first
        if not verb or not i or self.doc[words[i - 1].end : words[i].start].strip():
            return found
        before = words[i - 1].key
        if key in PROCESS_VERBS and before == "to":
            found.append((PROCESS_VERBS[key], False))
        for base in (key[:-3], key[:-3] + "e") if key.endswith("ing") else ():
            if base in PROCESS_VERBS and before in PROCESS_PREPOSITIONS:
                found.append((PROCESS_VERBS[base], False))
        return found

    def _substance_after(
        self, words: list[Word], at: int, hits: list[Hit], of: bool
    ) -> tuple[Hit, int] | None:
        """The substance a process verb or noun at ``words[at - 1]`` acts on, and where the
        phrase ends: "of" (for a noun) and a determiner, then a mention of a chemical, or
        for a noun of a body part ("the development of the hippocampus"); "turn A into B"
        is a process of B."""
        k = at
        if of:
            if words[k].key != "of":
                return None
            k += 1
        while k < len(words) and words[k].key in PROCESS_DETERMINERS:
            k += 1
        if k >= len(words):
            return None
        thing = next((h for h in top(hits) if h.start == words[k].start), None)
        kinds = ("ChemicalEntity", "AnatomicalStructure") if of else ("ChemicalEntity",)
        if (
            thing is None
            or thing.how == "anaphora"
            or self.vocab.kind(thing.name.type) not in kinds
        ):
            return None  # "to build strong bones" names no bone synthesis
        after = next((j for j, w in enumerate(words) if w.start >= thing.end), len(words))
        if not of and after + 1 < len(words) and words[after].key == "into":
            into = next((h for h in top(hits) if h.start == words[after + 1].start), None)
            if into is not None and self.vocab.kind(into.name.type) == "ChemicalEntity":
                return into, into.end
        return thing, thing.end
