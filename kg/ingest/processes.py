"""Processes a verb or noun names with the substance it acts on ("to make DNA", "the
synthesis of myelin"): a step of the mention finder, after its noun phrases."""

from __future__ import annotations

from kg.ingest.matching import Hit, Word, top
from kg.ingest.nounphrases import NounPhrases
from kg.ingest.vocabulary import folded
from kg.ingest.wordlists import (
    PROCESS_DETERMINERS,
    PROCESS_NOUNS,
    PROCESS_PREPOSITIONS,
    PROCESS_VERBS,
)

__all__ = ["Processes"]


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
