"""The mentions a relation found by :mod:`kg.ingest.relations` holds for besides its slot
fillers: the other items of their lists and the examples of a class ("foods such as meat
and fish"), and the fillers it holds for none of, a substance that amount words make a
state ("too much X"). Kept apart from :mod:`kg.ingest.slots`, which says who fills a slot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.cues import CueLexicon
from kg.ingest.masked import Masked
from kg.ingest.model import Mention

__all__ = ["expand", "plain"]

_EXAMPLES = (
    r",?\s*(?:such as|like|including|e\.g\.,?|for example,?|especially|particularly|notably)\s+"
)
_FOLLOWING_EXAMPLE = re.compile(r"\A" + _EXAMPLES + r"«(\d+)»", re.IGNORECASE)
_PRECEDING_CLASS = re.compile(r"«(\d+)»" + _EXAMPLES + r"\Z", re.IGNORECASE)
#: A comma and a conjunction between two items, and a conjunction alone: a series has one
#: conjunction, before its last item, and a comma before it only after two or more. A
#: verb's past form after them opens a verb phrase of its own ("raised A and B, and
#: increased C": C is no item of A's list).
_COMMA_JOIN = re.compile(
    r"\s*,\s*(?:and|or)\s+(?:[a-z]{3,}ed\s+)?(?:(?:a|an|the)\s+)?", re.IGNORECASE
)
_JOIN = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
#: A dose of a substance is the substance, given in quantity: no state of it.
_DOSE = re.compile(r"\b(?:mega)?doses?\b", re.IGNORECASE)


def plain(options: list[Mention], masked: Masked, lexicon: CueLexicon) -> list[Mention]:
    """The slot ``options`` without a substance that amount words make a state it does not
    name ("too much X", "a lack of X"); when that is the likeliest filler, the slot has
    none, and a modifier of it ("too much X from Z") does not take its place. A dose
    ("high doses of X") is X itself: the relation holds for it, the dose its context."""

    def amount(m: Mention) -> bool:
        i = masked.index.get(m)
        if i is None or not masked.ontology.is_a(m.type, "ChemicalEntity"):
            return False
        words = lexicon.amount.search(masked.before(i))
        return words is not None and not _DOSE.search(words.group())

    return [] if options and amount(options[0]) else [m for m in options if not amount(m)]


def expand(
    mention: Mention,
    masked: Masked,
    groups: Sequence[Sequence[Mention]],
    examples: bool,
    pronoun: re.Pattern[str],
) -> list[Mention]:
    """The mentions a relation with ``mention`` also holds for: the other items of its
    list and, with ``examples``, the examples that follow it ("foods such as meat and
    fish") and the class its list gives examples of; without ``examples`` (the relation
    of the examples to their class), a class followed by its examples holds it alone, not
    for the other items of its list. A pronoun in a "list" starts another
    clause ("it makes A and B, and it is required for Y"): the list ends before it; so
    does a comma and a conjunction after a series already joined ("A, B and C, and the
    D is needed for Y", "raised A and B, and increased C") or between two items alone
    ("absorbed from A, and B increases Y"), which joins clauses, not nouns."""
    if mention not in masked.index:
        return [mention]

    def members(i: int) -> set[int]:
        for group in groups:
            if masked.mentions[i] in group:
                run = _run(group, masked.mentions[i], pronoun, masked)
                return {masked.index[m] for m in run if m in masked.index}
        return {i}

    at = masked.index[mention]
    if not examples and _FOLLOWING_EXAMPLE.match(masked.after(at)):
        return [mention]  # the class of its examples alone: "A, and Bs such as C": C is a B
    found = members(at)
    if examples:
        for i in sorted(found):
            example = _FOLLOWING_EXAMPLE.match(masked.after(i))
            if example:
                found |= members(int(example.group(1)))
        cls = _PRECEDING_CLASS.search(masked.before(min(found)))
        if cls:
            found.add(int(cls.group(1)))
    return [masked.mentions[i] for i in sorted(found)]


def _run(
    group: Sequence[Mention], mention: Mention, pronoun: re.Pattern[str], masked: Masked
) -> list[Mention]:
    """The items of ``group`` on ``mention``'s side of any pronoun in it and of any comma
    and conjunction that opens another clause."""
    runs: list[list[Mention]] = [[]]
    joined, base = False, masked.sentence.start
    for k, m in enumerate(group):
        between = masked.sentence.text[group[k - 1].end - base : m.start - base] if k else ""
        if pronoun.fullmatch(m.text):
            runs += [[m], []]
            continue
        if _COMMA_JOIN.fullmatch(between) and (joined or len(group) == 2):
            runs.append([])
        joined = joined or bool(_JOIN.search(between))
        runs[-1].append(m)
    return next(run for run in runs if mention in run)
