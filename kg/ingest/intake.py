"""What a group of a study took, for the cues marked ``intake`` (:mod:`kg.ingest.relations`).

A trial or a cohort names its groups by what they took ("people who ate the most fish",
"those taking vitamin D", "women given folic acid"), and the mention stage takes such a
name whole as a group; its outcome ("had 30% fewer strokes", "were less likely to develop
Y") is then the intake's, the mention the group's name ends in.
"""

from __future__ import annotations

import re

from kg.ingest.model import Mention
from kg.ingest.slots import Masked
from kg.ingest.wordlists import STOPWORDS, wordset

__all__ = ["intake"]

#: What a group of a study took, before the mention of it that ends the group's name
#: ("people who ate the most «fish»", "those taking «vitamin D»", "women given «X»",
#: "children on the «diet»", "children exposed to higher levels of «fluoride»"); up to
#: three plain words may grade it ("women who drank green «tea»").
_INTAKE = re.compile(
    r"\b(?:took|take|takes|taking|ate|eat|eats|eating|drank|drink|drinks|drinking|consumed|"
    r"consume|consumes|consuming|received|receive|receives|receiving|given|used|use|uses|"
    r"using|followed|follow|follows|following|assigned\s+to|randomi[sz]ed\s+to|"
    r"supplemented\s+with|treated\s+with|exposed\s+to|on)"
    r"(?:\s+(?:the|a|an|more|most|highest|high|higher|daily|regular|extra|plenty|amounts?|"
    r"levels?|doses?|of|[\w-]+ly))*(?P<graded>(?:\s+[a-z][\w-]*){0,3})\s+\Z",
    re.IGNORECASE,
)
#: What may follow the intake at the end of the group's name: adverbs of how often or how
#: much ("teenagers who drink «energy drinks» regularly").
_ADVERBS = re.compile(r"(?:\s+\w+ly)*\Z", re.IGNORECASE)
#: Words that may not grade an intake: function words end the group's name or start a
#: clause or a phrase of its own ("who ate fish «during» pregnancy", "fish «a» week").
_NOT_GRADING = STOPWORDS | wordset("than without")
#: A grading word that names what the group took more of ("a high-«nitrate» breakfast",
#: "a «protein»-rich diet"): that is the intake, not the meal.
_RICH = re.compile(r"\Ahigh-(?P<a>[\w-]+)\Z|\A(?P<b>[\w-]+?)-(?:rich|enriched)\Z", re.I)


def intake(group: Mention, masked: Masked) -> Mention | None:
    """What ``group`` took, named at the end of the group's own name: a trial's or a
    cohort's outcome ("people who ate the most fish had fewer strokes") is the intake's."""
    if not masked.ontology.is_a(group.type, "PopulationGroup"):
        return None
    base = masked.sentence.start
    for k in sorted(masked.inner, key=lambda m: m.start):  # of names ending together, the longest
        own = masked.sentence.text[group.start - base : k.start - base]
        after = masked.sentence.text[k.end - base : group.end - base]
        if not group.start < k.start < k.end <= group.end or not _ADVERBS.match(after):
            continue
        took = _INTAKE.search(own)
        if took and _grading(took.group("graded")):
            return _richer(k, took.start("graded") + group.start, masked) or k
    return None


def _grading(words: str) -> bool:
    """Whether the words before an intake only grade it ("green", "oily", "high-nitrate"),
    with no word that ends the group's name or opens a clause."""
    return not any(w.lower() in _NOT_GRADING for w in words.split())


def _richer(k: Mention, start: int, masked: Masked) -> Mention | None:
    """The mention inside a grading word "high-X" or "X-rich" before the intake ``k``
    from offset ``start`` ("a high-«nitrate» breakfast"): the group took more of X."""
    base = masked.sentence.start
    for word in re.finditer(r"[\w-]+", masked.sentence.text[start - base : k.start - base]):
        rich = _RICH.match(word.group())
        if rich is None:
            continue
        name = rich.lastgroup or "a"
        at = start + word.start() + rich.start(name)
        inside = rich.group(name)
        for m in masked.inner:
            if m.start == at and m.end == at + len(inside):
                return m
    return None
