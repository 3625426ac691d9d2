"""A function's head with the body part it is of after it ("the rhythm of your heart", "the
normal function of the nervous system"), and the symptoms of a condition ("symptoms of
depression"): the phrase is one mention, the compound English would make of it ("heart
rhythm"), so a relation takes the function, not the body part. A state's head keeps its
phrase apart ("weakness in the legs"): curators relate the state and the part each on its
own as often as the whole."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Word, top
from kg.ingest.names import singular
from kg.ingest.populations import Populations
from kg.ingest.wordlists import COPULAS, NP_HEADS, wordset

__all__ = ["OfPhrases"]

#: The preposition and the determiner before what the function is of.
_OF = re.compile(r"\s+of\s+(?:(?:the|your|their|his|her|its|our|my)\s+)?", re.IGNORECASE)
#: Heads of the signs of a condition ("symptoms of depression"), and "of" and a determiner.
_SIGNS = frozenset({"symptom", "sign"})
_OF_A = re.compile(r"\s+of\s+(?:(?:the|an?|your|their|his|her|its|our|my)\s+)?", re.IGNORECASE)
#: Verbs that make the signs a predicate noun ("X is the first sign of Y", "X can be a
#: symptom of Y"): the sentence relates X and the condition, no phrase.
_LINKING = COPULAS | wordset("be been being become becomes became remain remains")
#: What follows the signs of a condition that a sentence lists ("Symptoms of X include:",
#: "the signs of X are ..."): there the condition is what the list relates, no phrase.
_LISTED = re.compile(
    r"\s*(?::|,|(?:(?:can|may|might|often|usually|commonly|also)\s+)*"
    r"(?:include|includes|included|including|are|were|range|vary|such\s+as|like)\b)",
    re.IGNORECASE,
)


class OfPhrases(Populations):
    """The "X of Y" step of the noun-phrase finder."""

    def of_phrases(self, words: list[Word], hits: list[Hit]) -> None:
        """A class head of a function (:data:`NP_HEADS`) and "of" a body part ("the rhythm
        of your heart") is one mention, the graph's or the lexicon's by the compound's
        name ("heart rhythm"), else one proposed with suggestions."""
        tops = top(hits)
        for word in words:
            cls = NP_HEADS.get(word.key)
            if cls != "PhysiologicalFunction":
                continue
            inside = [h for h in hits if h.start < word.end and word.start < h.end]
            if any((h.start, h.end) != (word.start, word.end) for h in inside):
                continue  # a longer name holds the head: "blood pressure of ..."
            of = _OF.match(self.doc, word.end)
            thing = of and next((h for h in tops if h.start == of.end()), None)
            if not thing or thing.how == "anaphora":
                continue
            if self.vocab.kind(thing.name.type) != "AnatomicalStructure":
                continue
            raw = self.doc[word.start : word.end]
            text = f"{self._modifier(thing)} {raw}"
            self._add_phrase(word.start, thing.end, cls, hits, text)
        self._signs_of(words, hits)

    def _signs_of(self, words: list[Word], hits: list[Hit]) -> None:
        """The symptoms or signs of a condition ("eased symptoms of depression") are one
        mention, the graph's or the lexicon's by the compound's name ("depression
        symptoms"), else one proposed with suggestions; not where the sentence lists them
        (:data:`_LISTED`) or says what a sign is of (:data:`_LINKING`)."""
        tops = top(hits)
        for i, word in enumerate(words):
            if word.key not in _SIGNS or any(h.start < word.end and word.start < h.end
                                              for h in hits):  # fmt: skip
                continue
            if any(w.key in _LINKING for w in words[max(0, i - 4) : i]):
                continue
            of = _OF_A.match(self.doc, word.end)
            thing = of and next((h for h in tops if h.start == of.end()), None)
            if not thing or thing.how == "anaphora" or _LISTED.match(self.doc, thing.end):
                continue
            if self.vocab.kind(thing.name.type) == "Condition":
                text = f"{self.doc[thing.start : thing.end]} {self.doc[word.start : word.end]}"
                self._add_phrase(word.start, thing.end, "Phenotype", hits, text)

    def _modifier(self, hit: Hit) -> str:
        """A name of what ``hit`` names as a modifier is written: singular ("the legs":
        "leg")."""
        words = self.doc[hit.start : hit.end].split()
        return " ".join([*words[:-1], singular(words[-1].casefold())])
