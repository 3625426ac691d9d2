"""A function's head with the body part it is of after it ("the rhythm of your heart", "the
normal function of the nervous system"): the phrase is one mention, the compound English
would make of it ("heart rhythm"), so a relation takes the function, not the body part. A
state's head keeps its phrase apart ("weakness in the legs"): curators relate the state and
the part each on its own as often as the whole."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Word, top
from kg.ingest.names import singular
from kg.ingest.populations import Populations
from kg.ingest.wordlists import NP_HEADS

__all__ = ["OfPhrases"]

#: The preposition and the determiner before what the function is of.
_OF = re.compile(r"\s+of\s+(?:(?:the|your|their|his|her|its|our|my)\s+)?", re.IGNORECASE)


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

    def _modifier(self, hit: Hit) -> str:
        """A name of what ``hit`` names as a modifier is written: singular ("the legs":
        "leg")."""
        words = self.doc[hit.start : hit.end].split()
        return " ".join([*words[:-1], singular(words[-1].casefold())])
