"""The states an amount of a nutrient names: "too little zinc", "low vitamin D levels"
and "a lack of iron" its deficiency, "too much magnesium", "excess iron" and "manganese
excess" its excess."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Matcher, ordered, top
from kg.ingest.model import Sentence

__all__ = ["States"]

_TOO_LITTLE = re.compile(
    r"\b(?:too\s+little|not\s+(?:getting\s+|having\s+)?enough|insufficient|inadequate|"
    r"(?:an?\s+)?diets?\s+(?:(?:very|too)\s+)?(?:low|poor|lacking)\s+in|"
    r"(?:lack|shortage|deficiency)\s+of|without\s+(?:adequate|enough|sufficient)|"
    r"low(?:\s+(?:levels?|intakes?|amounts?|stores)\s+of)?)\s+$",
    re.IGNORECASE,
)
_TOO_MUCH = re.compile(
    r"\b(?:too\s+much|excess(?:ive)?(?:\s+(?:amounts?|intakes?|levels?)\s+of)?|"
    r"(?:an?\s+)?overdose\s+of)\s+$",
    re.IGNORECASE,
)
#: The states an amount of a nutrient names: its class and the head words of its name.
_STATES = ((_TOO_LITTLE, "DeficiencyState", ("deficiency",)),
           (_TOO_MUCH, "Condition", ("excess", "toxicity")))  # fmt: skip
#: A head after a nutrient that names its excess ("manganese excess", "iron overload").
_EXCESS_AFTER = re.compile(r"\s+(excess|overload|toxicity|poisoning)\b", re.IGNORECASE)
_EXCESS_HEADS = ("excess", "toxicity")
#: A fall of a nutrient said after it ("calcium falls too low", "zinc levels drop below
#: normal"): its deficiency.
_LOW_AFTER = re.compile(
    r"(?:\s+(?:levels?|status|stores))?\s+(?:falls?|drops?|dips?|runs?|gets?)\s+"
    r"(?:(?:too|very|dangerously)\s+low|below\s+normal)\b",
    re.IGNORECASE,
)
_LEVELS = re.compile(r"\s+(?:levels?|status|intakes?|concentrations?|stores)\b", re.IGNORECASE)


class States(Matcher):
    """The state step of the mention finder."""

    def states(self, sentence: Sentence, hits: list[Hit]) -> None:
        """Too little or too much of a nutrient is a state of it: "too little zinc", "low
        vitamin D levels", "a lack of iron", "without enough B12" mention its deficiency,
        "too much magnesium", "excess iron" its excess, "calcium falls too low" its
        deficiency (the graph's or the lexicon's "X
        deficiency" / "X excess", else one proposed with suggestions)."""
        for hit in top(hits):
            if not self.vocab.is_a(hit.name.type, "Nutrient"):
                continue
            window = max(sentence.start, hit.start - 40)
            for pattern, cls, heads in _STATES:
                cue = pattern.search(self.doc, window, hit.start)
                if cue is None or any(h.start < hit.start and cue.start() < h.end for h in hits):
                    continue
                levels = _LEVELS.match(self.doc, hit.end, sentence.end)
                end = levels.end() if levels else hit.end
                name = self.state_of(hit, cls, heads)
                hits.append(Hit(cue.start(), end, name, name.how, named=False))
                break
            else:
                self._excess_after(hit, sentence, hits)
                self._low_after(hit, sentence, hits)
        hits[:] = ordered(hits)

    def _excess_after(self, hit: Hit, sentence: Sentence, hits: list[Hit]) -> None:
        """A nutrient's excess named by a head after it ("manganese excess", "zinc
        toxicity"), where no longer name already holds the pair."""
        after = _EXCESS_AFTER.match(self.doc, hit.end, sentence.end)
        if after is None or any(h.start <= hit.start and after.end() <= h.end for h in hits):
            return
        said = after.group(1).casefold()
        name = self.state_of(hit, "Condition", (said, *(h for h in _EXCESS_HEADS if h != said)))
        hits.append(Hit(hit.start, after.end(), name, name.how))

    def _low_after(self, hit: Hit, sentence: Sentence, hits: list[Hit]) -> None:
        """A nutrient's deficiency said as its fall ("calcium falls too low")."""
        after = _LOW_AFTER.match(self.doc, hit.end, sentence.end)
        if after is not None:
            name = self.state_of(hit, "DeficiencyState", ("deficiency",))
            hits.append(Hit(hit.start, after.end(), name, name.how, named=False))
