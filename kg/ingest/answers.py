"""A question's relation, drafted with the polarity of the answer after it (the FAQ genre).

A question states no claim (:func:`kg.ingest.draft.is_question`), but a yes/no question
answered by a bare denial does: "Does MSG cause headaches?" then "Probably not for most
people." denies, hedged, that MSG causes headaches, and the text rarely says so again in
a statement. The question's relation is found by the cues as any sentence's; the answer
gives the certainty (its own hedges, :func:`kg.ingest.certainty.hedges`) and the denial,
and the quote runs from the question to the answer's first clause. A bare "Yes." or "It
can be." only points to the statements after it, which carry the claim themselves, so
only denials are drafted; so is nothing for a question that is itself negative ("Doesn't
X cause Y?"), whose "No" is ambiguous.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kg.base.model import Certainty
from kg.curation.ontology import Ontology
from kg.ingest.certainty import hedges
from kg.ingest.model import Candidate, Mention, Sentence
from kg.ingest.relations import NAMED, find_relations

__all__ = ["answered", "denial"]

#: A yes/no question: it opens with an auxiliary or a modal (a "Q:" label may stand first).
_YES_NO = re.compile(
    r"\W*(?:q\s*[:.]\s*)?(?:does|do|did|is|are|was|were|can|could|will|would|should|may|"
    r"might|has|have|had)\b",
    re.IGNORECASE,
)
#: A bare denial opening an answer ("No.", "Probably not for most people.", "Unlikely.",
#: "Not really", "Definitely not"; an "A:" label may stand first), an adverb of
#: likelihood or certainty perhaps before it: its first clause, no longer than a few
#: words, holds no claim of its own.
_DENIAL = re.compile(
    r"(?P<lead>\W*(?:a\s*[:.]\s*)?)"
    r"(?P<words>(?:(?:probably|likely|most\s+likely|almost\s+certainly|perhaps|possibly|"
    r"generally|usually|mostly|largely|apparently|definitely|certainly|absolutely|sadly|"
    r"unfortunately),?\s+)?(?:no|not|nope|unlikely)\b"
    r"(?!\s+(?:one|longer|more|less|matter|doubt|only|just|single|wonder)\b)"
    r"(?:[ \t]+[\w’'-]+){0,4})"
    r"\s*(?:[,.;:!–—]|\Z)",
    re.IGNORECASE,
)


def denial(answer: Sentence) -> tuple[int, int] | None:
    """The document span of the bare denial ``answer`` opens with, or None.

    >>> denial(Sentence(10, 38, "Probably not for most people."))
    (10, 38)
    >>> denial(Sentence(0, 30, "No single food prevents colds.")) is None
    True
    """
    found = _DENIAL.match(answer.text)
    if found is None:
        return None
    return answer.start + found.start("words"), answer.start + found.end("words")


def answered(
    question: Sentence,
    answer: Sentence | None,
    mentions: Sequence[Mention],
    ontology: Ontology,
    groups: Sequence[Sequence[Mention]] = (),
) -> list[Candidate]:
    """The relations the yes/no ``question`` asks about, denied as the bare denial that
    ``answer`` (the sentence after it) opens with denies them, certain as that denial is;
    none when ``answer`` is no bare denial. ``mentions`` and ``groups`` are the
    question's, as for :func:`kg.ingest.relations.find_relations`; the relations a
    mention's own name states ("iodine deficiency") are no part of the question."""
    if answer is None or not _YES_NO.match(question.text):
        return []
    span = denial(answer)
    if span is None:
        return []
    words = answer.text[span[0] - answer.start : span[1] - answer.start]
    hedged = hedges(words)
    certainty = Certainty.HEDGED if hedged else Certainty.ASSERTED
    start = question.start + len(question.text) - len(question.text.lstrip())
    note = f"[answer: {words}" + (f"; HEDGE: {', '.join(hedged)}]" if hedged else "]")
    return [
        dataclasses.replace(
            found,
            start=start,
            end=span[1],
            certainty=certainty,
            negated=True,
            cue=f"{found.cue.split(' [')[0]} {note}",
        )
        for found in find_relations(question, mentions, ontology, groups)
        if not found.negated and not found.cue.startswith(f"{NAMED}:")
    ]
