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

__all__ = ["intake"]

#: What a group of a study took, before the mention of it that ends the group's name
#: ("people who ate the most «fish»", "those taking «vitamin D»", "women given «X»",
#: "children on the «diet»").
_INTAKE = re.compile(
    r"\b(?:took|take|takes|taking|ate|eat|eats|eating|drank|drink|drinks|drinking|consumed|"
    r"consume|consumes|consuming|received|receive|receives|receiving|given|used|use|uses|"
    r"using|followed|follow|follows|following|assigned\s+to|randomi[sz]ed\s+to|"
    r"supplemented\s+with|treated\s+with|on)"
    r"(?:\s+(?:the|a|an|more|most|highest|high|higher|daily|regular|extra|plenty|amounts?|"
    r"of|[\w-]+ly))*\s+\Z",
    re.IGNORECASE,
)


def intake(group: Mention, masked: Masked) -> Mention | None:
    """What ``group`` took, named at the end of the group's own name: a trial's or a
    cohort's outcome ("people who ate the most fish had fewer strokes") is the intake's."""
    if not masked.ontology.is_a(group.type, "PopulationGroup"):
        return None
    base = masked.sentence.start
    for k in masked.inner:
        own = masked.sentence.text[group.start - base : k.start - base]
        if k.end == group.end and group.start < k.start and _INTAKE.search(own):
            return k
    return None
