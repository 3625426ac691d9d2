"""The states an amount of a nutrient names: "too little zinc", "low vitamin D levels"
and "a lack of iron" its deficiency, "too much magnesium", "excess iron" and "manganese
excess" its excess. The amount's words govern each nutrient listed after the first: "low
levels of vitamin B12, folate and copper" names three deficiencies (:func:`distributed`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.ingest.arguments import PENDING
from kg.ingest.matching import Hit, Matcher, ordered, top
from kg.ingest.model import Candidate, Mention, Sentence
from kg.ingest.names import fold
from kg.ingest.vocabulary import Vocabulary

__all__ = ["States", "distributed"]

#: Too little of a nutrient: "a lack of", "low levels of", "low blood levels of".
_TOO_LITTLE = re.compile(
    r"\b(?:too\s+little|not\s+(?:getting\s+|having\s+)?enough|insufficient|inadequate|"
    r"(?:an?\s+)?diets?\s+(?:(?:very|too)\s+)?(?:low|poor|lacking)\s+in|"
    r"(?:lack|shortage|deficiency)\s+of|without\s+(?:adequate|enough|sufficient)|"
    r"low(?:\s+(?:(?P<part>blood|serum|plasma)\s+)?(?:levels?|intakes?|amounts?|stores|"
    r"concentrations?)\s+of)?)\s+$",
    re.IGNORECASE,
)
_TOO_MUCH = re.compile(
    r"\b(?:too\s+much|excess(?:ive)?(?:\s+(?:(?P<part>blood|serum|plasma)\s+)?(?:amounts?|"
    r"intakes?|levels?)\s+of)?|"
    r"(?:an?\s+)?overdose\s+of)\s+$",
    re.IGNORECASE,
)
#: The states an amount of a nutrient names: its class and the head words of its name.
_STATES = ((_TOO_LITTLE, "DeficiencyState", ("deficiency",)),
           (_TOO_MUCH, "Condition", ("excess", "toxicity")))  # fmt: skip
#: A head after a nutrient that names its excess ("manganese excess", "iron overload").
_EXCESS_AFTER = re.compile(r"\s+(excess|overload|toxicity|poisoning|accumulation)\b", re.IGNORECASE)
#: A high level of a nutrient, its excess: "high manganese levels", "elevated levels of
#: copper", "high blood levels of copper" (a level word after the nutrient or "levels of"
#: before it: "high iron" alone may be a food's plenty, and "high doses" a dose; "raised"
#: and "increased" not before a fluid: "X raised serum levels of Y" is a verb's doing).
_HIGH = re.compile(
    r"\b(?:high|higher|elevated|raised|increased|excessive)\s+"
    r"(?:(?P<of>(?:levels?|concentrations?)\s+of)\s+)?$|"
    r"\b(?:high|higher|elevated)\s+(?P<part>blood|serum|plasma)\s+(?:levels?|concentrations?)"
    r"\s+of\s+$",
    re.IGNORECASE,
)
#: A high level said with the body part or fluid it is measured in: "elevated brain
#: manganese", "high blood copper" (the part a mention of its own).
_HIGH_IN = re.compile(
    r"\b(?:high|higher|elevated|raised|increased)\s+(?P<part>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+$",
    re.IGNORECASE,
)
_EXCESS_HEADS = ("excess", "toxicity")
#: A fall of a nutrient said after it ("calcium falls too low", "zinc levels drop below
#: normal"): its deficiency.
_LOW_AFTER = re.compile(
    r"(?:\s+(?:levels?|status|stores))?\s+(?:falls?|drops?|dips?|runs?|gets?)\s+"
    r"(?:(?:too|very|dangerously)\s+low|below\s+normal)\b",
    re.IGNORECASE,
)
_LEVELS = re.compile(r"\s+(?:levels?|status|intakes?|concentrations?|stores)\b", re.IGNORECASE)
#: The level words after a nutrient that make "high" its excess (a high intake is none).
_HIGH_LEVELS = re.compile(r"\s+(?:levels?|concentrations?)\b", re.IGNORECASE)
#: What stands between two items of a list: a comma (an "and" or "or" after it), or the
#: conjunction alone.
_NEXT_ITEM = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
#: A dose of a substance, which is the substance given in quantity ("high doses of
#: vitamin A", "megadoses of niacin"): no state of it.
_DOSES_OF = re.compile(
    r"\b(?:(?:very|extremely)\s+)?(?:(?:high|large|huge|massive|excessive|low|small|moderate|"
    r"daily|single|repeated)\s+)?(?:mega)?doses?\s+of\s+$",
    re.IGNORECASE,
)
#: The head word of a state's name, by its class.
_HEADS = {"DeficiencyState": "deficiency"}


class States(Matcher):
    """The state step of the mention finder."""

    def states(self, sentence: Sentence, hits: list[Hit]) -> None:
        """Too little or too much of a nutrient is a state of it: "too little zinc", "low
        vitamin D levels", "a lack of iron", "without enough B12" mention its deficiency,
        "too much magnesium", "excess iron" its excess, "calcium falls too low" its
        deficiency (the graph's or the lexicon's "X
        deficiency" / "X excess", else one proposed with suggestions)."""
        self._doses(sentence, hits)
        for hit in top(hits):
            if not self.vocab.is_a(hit.name.type, "Nutrient"):
                continue
            window = max(sentence.start, hit.start - 40)
            for pattern, cls, heads in _STATES:
                cue = pattern.search(self.doc, window, hit.start)
                if cue is None or _held(cue, hit.start, hits):
                    continue
                levels = _LEVELS.match(self.doc, hit.end, sentence.end)
                end = levels.end() if levels else hit.end
                name = self.state_of(hit, cls, heads)
                hits.append(Hit(cue.start(), end, name, name.how, named=False))
                break
            else:
                self._high(hit, sentence, hits)
                self._excess_after(hit, sentence, hits)
                self._low_after(hit, sentence, hits)
        hits[:] = ordered(hits)

    def _doses(self, sentence: Sentence, hits: list[Hit]) -> None:
        """A dose of a substance ("High doses of vitamin A") is a mention of the substance
        by the whole phrase, as a curator quotes it: the substance in quantity, no state."""
        spans = {(h.start, h.end) for h in hits}
        for hit in top(hits):
            if hit.how == "anaphora" or self.vocab.kind(hit.name.type) != "ChemicalEntity":
                continue
            cue = _DOSES_OF.search(self.doc, max(sentence.start, hit.start - 40), hit.start)
            if cue is not None and (cue.start(), hit.end) not in spans:
                hits.append(Hit(cue.start(), hit.end, hit.name, hit.how, named=False))

    def _high(self, hit: Hit, sentence: Sentence, hits: list[Hit]) -> None:
        """A nutrient's excess said as its high level ("high manganese levels"), or as its
        high amount in a body part or fluid ("elevated brain manganese")."""
        window = max(sentence.start, hit.start - 40)
        cue = _HIGH.search(self.doc, window, hit.start)
        levels = _HIGH_LEVELS.match(self.doc, hit.end, sentence.end)
        part = None if cue else _HIGH_IN.search(self.doc, window, hit.start)
        if part is not None and self._body_part(part.start("part"), part.end("part"), hits):
            cue = part
        elif cue is None or not (cue.group("of") or cue.group("part") or levels):
            return
        first = part.start("part") if cue is part else hit.start  # the body part may stand
        if _held(cue, first, hits):
            return
        name = self.state_of(hit, "Condition", _EXCESS_HEADS)
        end = levels.end() if levels else hit.end
        hits.append(Hit(cue.start(), end, name, name.how, named=False))

    def _body_part(self, start: int, end: int, hits: list[Hit]) -> bool:
        """Whether a mention of a body part or fluid spans ``start``-``end`` exactly."""
        return any(
            (h.start, h.end) == (start, end)
            and self.vocab.kind(h.name.type) == "AnatomicalStructure"
            for h in hits
        )

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


def _held(cue: re.Match, first: int, hits: list[Hit]) -> bool:
    """Whether a mention before ``first`` overlaps the words of a ``cue``, other than the
    fluid a level is measured in ("low blood levels of"), which the state holds."""
    part = cue.span("part") if "part" in cue.re.groupindex else None
    return any(h.start < first and cue.start() < h.end and (h.start, h.end) != part for h in hits)


def distributed(
    candidates: Sequence[Candidate],
    sentence: Sentence,
    mentions: Sequence[Mention],
    vocabulary: Vocabulary,
) -> list[Candidate]:
    """``candidates`` and, for each end that is a state an amount names of the nutrient it
    ends with ("low levels of «vitamin B12»"), the same claim of the state of each nutrient
    listed after it ("..., «folate» and «copper»"), whose name the amount's words govern
    too: the state is the graph's by its name ("folate deficiency") or a proposed one
    (:mod:`kg.ingest.arguments`); the list ends at the first item that is no nutrient."""
    found = list(candidates)
    for c in candidates:
        for end in (c.subject, c.object):
            for state, nutrient in _listed(end, sentence, mentions, vocabulary):
                swap = {end: state, _last_nutrient(end, mentions, vocabulary): nutrient}
                found.append(
                    replace(
                        c,
                        subject=swap.get(c.subject, c.subject),
                        object=swap.get(c.object, c.object),
                    )
                )
    return found


def _last_nutrient(
    state: Mention, mentions: Sequence[Mention], vocabulary: Vocabulary
) -> Mention | None:
    """The nutrient mention that ends a state's mention ("low levels of «B12»"), if any."""
    inside = [
        m
        for m in mentions
        if state.start < m.start and m.end == state.end and vocabulary.is_a(m.type, "Nutrient")
    ]
    return inside[0] if inside else None


def _listed(
    state: Mention, sentence: Sentence, mentions: Sequence[Mention], vocabulary: Vocabulary
) -> list[tuple[Mention, Mention]]:
    """The states of the nutrients listed right after ``state``, each with its nutrient."""
    head = _HEADS.get(state.type)
    if head is None or _last_nutrient(state, mentions, vocabulary) is None:
        return []
    found = []
    at = state.end
    while (gap := _NEXT_ITEM.match(sentence.text, at - sentence.start)) is not None:
        start = sentence.start + gap.end()
        item = next(
            (m for m in mentions if m.start == start and vocabulary.is_a(m.type, "Nutrient")), None
        )
        if item is None:
            break
        entity = vocabulary.entities.get(item.entity)
        name = fold(f"{entity.label if entity else item.text} {head}")
        found.append(
            (
                replace(item, entity=PENDING + name, type=state.type, known=False, how="suggested"),
                item,
            )
        )
        at = item.end
    return found
