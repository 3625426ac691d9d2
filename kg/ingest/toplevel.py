"""The mentions of a sentence that :mod:`kg.ingest.relations` relates, and the relation a
mention's own name states.

Mentions found by the mention stage overlap ("a deficiency in vitamin B12" holds "vitamin
B12"); a cue's slot takes the top-level one. A mention whose name coordinates two others
("nausea and vomiting", a term of its own in a vocabulary) names each of them: they stand
at the top level in its place, as the items of a list. A deficiency state's name ties it
to its nutrient wherever it stands ("iodine deficiency", "low selenium"), and a condition
named as an excess to its chemical ("lead poisoning", "high cholesterol"), with no cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kg.base.model import Certainty
from kg.curation.ontology import Ontology
from kg.ingest.matching import held
from kg.ingest.model import Candidate, Mention, Sentence

__all__ = ["NAMED", "named", "quoted", "top_level"]

#: The cue of a relation that a mention's own name states (:func:`named`).
NAMED = "named"

#: A noun of statistical relation, perhaps after a word or two ("no clear association",
#: "a significant correlation"): a vocabulary may name it (a kind of learning), but in
#: health writing it is the relation a cue states ("X showed no association with Y"), no
#: thing related.
_RELATION_NOUN = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:associations?|correlations?|relationships?)", re.IGNORECASE
)
#: Head words that make a condition's name an excess of the chemical before them ("lead
#: poisoning", "iron overload", "zinc toxicity", "manganese excess"); "too much zinc" and
#: "high homocysteine" say an amount, a condition only where a text says what it does.
_EXCESS = re.compile(r"\s(?:excess|overload|toxicity|poisoning)\Z", re.IGNORECASE)
#: What joins the two mentions a coordinated name is made of ("nausea and vomiting").
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s*", re.IGNORECASE)


def top_level(
    sentence: Sentence, mentions: Iterable[Mention]
) -> tuple[list[Mention], list[list[Mention]]]:
    """The sentence's mentions without overlaps, and the lists that coordinated names
    split into. Of two that overlap the longer is kept (then the earlier), so "a
    deficiency in vitamin B12" is one mention, not three; one made of two mentions that
    "and" or "or" joins ("nausea and vomiting") gives way to them, a list of two. A noun
    of statistical relation ("an association") is the cue's, no mention."""
    inside = [
        m
        for m in mentions
        if sentence.start <= m.start < m.end <= sentence.end
        and not _RELATION_NOUN.fullmatch(m.text)
    ]
    kept: list[Mention] = []
    for m in sorted(inside, key=lambda m: (m.start - m.end, m.start, m.entity)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    lists = []
    for m in list(kept):
        parts = _coordinated(m, inside, sentence)
        if parts:
            kept.remove(m)
            kept += parts
            lists.append(parts)
    return sorted(kept), lists


def _coordinated(mention: Mention, inside: Sequence[Mention], sentence: Sentence) -> list:
    """The two mentions ``mention``'s name coordinates, first and last of it, or none."""
    first = [k for k in inside if k.start == mention.start and k.end < mention.end]
    last = [k for k in inside if k.end == mention.end and k.start > mention.start]
    for a in sorted(first, key=lambda k: -k.end):
        for b in sorted(last, key=lambda k: k.start):
            between = sentence.text[a.end - sentence.start : b.start - sentence.start]
            if a.end <= b.start and _JOINED.fullmatch(between):
                return [a, b]
    return []


def quoted(sentence: Sentence) -> tuple[int, int]:
    """The sentence's span without the white space around it."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    return sentence.start + lead, sentence.start + len(text.rstrip())


def named(
    sentence: Sentence, top: Sequence[Mention], inner: Sequence[Mention], ontology: Ontology
) -> list[Candidate]:
    """The state a mention's own name ties to its substance: a deficiency state to the
    nutrient inside it ("iodine deficiency", "low selenium", "a diet very low in
    choline"), a condition named as an excess to the chemical inside it ("lead
    poisoning", "manganese excess"). The name states it wherever it stands, so it is
    drafted at each mention, and :mod:`kg.ingest.draft` keeps the document's first."""
    start, end = quoted(sentence)
    drafted = []
    for state in top:
        stated = _stated(state, ontology)
        if stated is None:
            continue
        predicate, kind = stated
        drafted += [
            Candidate(
                state,
                predicate,
                substance,
                start,
                end,
                Certainty.ASSERTED,
                negated=False,
                cue=f"{NAMED}: {state.text}",
            )
            for substance in _substances(state, inner, kind, ontology)
        ]
    return drafted


def _stated(state: Mention, ontology: Ontology) -> tuple[str, str] | None:
    """The relation a state's name states of the substance it holds, and that substance's
    kind: a deficiency's of a nutrient, an excess's (a condition whose name says too
    much) of a chemical; None for any other mention."""
    if ontology.is_a(state.type, "DeficiencyState"):
        return "deficiencyOf", "Nutrient"
    if ontology.is_a(state.type, "Condition") and _EXCESS.search(state.text):
        return "elevatedLevelOf", "ChemicalEntity"
    return None


def _substances(
    state: Mention, inner: Sequence[Mention], kind: str, ontology: Ontology
) -> list[Mention]:
    """The mentions of a ``kind`` of substance inside ``state`` that no other such holds:
    "beta-carotene", not "beta" or "carotene" too."""
    inside = [
        m
        for m in inner
        if state.start <= m.start
        and m.end <= state.end
        and m.entity != state.entity
        and ontology.is_a(m.type, kind)
    ]
    within = held((m.start, m.end) for m in inside)
    return [m for m in inside if (m.start, m.end) not in within]
