"""What a cue's match holds besides its slots, for :mod:`kg.ingest.relations`: where its
cue words are, the mentions no relation of it may end at (one its cue words hold, one on
another line than a match a line holds), and the matches that state no relation at all
(a participle that is an adjective, a subject that a gerund of undoing makes an object),
and the subjects a participle only describes (an indefinite thing named by what it holds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.cues import CueLexicon
from kg.ingest.masked import TOKEN, Masked
from kg.ingest.model import Mention

__all__ = ["adjectival", "cue_words", "described", "other_lines", "undone", "within_words"]


def _literals(match: re.Match[str]) -> list[str]:
    """The names of a match's groups of cue words."""
    return [k for k in match.groupdict() if k.startswith("c") and match.group(k) is not None]


def cue_words(match: re.Match[str]) -> tuple[int, int]:
    """Where a match's cue words start and end in the masked sentence."""
    literals = _literals(match)
    return min(match.start(k) for k in literals), max(match.end(k) for k in literals)


def within_words(match: re.Match[str], masked: Masked) -> set[Mention]:
    """The mentions a match's cue words hold themselves ("between X and «placebo» in")."""
    return {
        masked.mentions[int(t.group(1))]
        for k in _literals(match)
        for t in TOKEN.finditer(masked.text, match.start(k), match.end(k))
    }


def undone(xs: Sequence[Mention], cue_start: int, masked: Masked, lexicon: CueLexicon) -> bool:
    """Whether the likeliest subject is the object of a gerund of undoing that opens the
    cue's subject, the cue's words right after it ("Whether correcting «a deficiency»
    improves Y"): the undoing is the subject, no mention names it."""
    at = masked.index.get(xs[0]) if xs else None
    sentence = masked.sentence
    # the words as written: a provisional mention may hold the gerund ("correcting")
    if at is None or not lexicon.undone.search(sentence.text[: xs[0].start - sentence.start]):
        return False
    gap = masked.text[masked.position(at) + len(f"«{at}»") : cue_start]
    return not re.search(r"[,;:()]|\b(?:which|that|who)\b", gap)


def other_lines(match: re.Match[str], masked: Masked) -> set[Mention]:
    """The mentions on other lines than a match that one line holds: a relation a bullet's
    line states is of its items ("- neuropathy – numbness"), not of the list's others."""
    start, end = match.span(1)
    if "\n" in masked.text[start:end]:
        return set()
    first, last = masked.text.rfind("\n", 0, start), masked.text.find("\n", end)
    return {
        masked.mentions[int(t.group(1))]
        for t in TOKEN.finditer(masked.text)
        if t.start() < first or (last != -1 and t.start() > last)
    }


#: A participle after a conjunction, alone: it may modify the noun after it.
_PARTICIPLE = re.compile(r"(?:,|\b(?:and|or|but))\s+[a-z]+ed\Z", re.IGNORECASE)
#: A finite verb right after a noun: the noun is its subject.
_FINITE = re.compile(r"(?:[ \t]+«\d+»)*\s+(?:is|are|was|were|has|have|had)\b", re.IGNORECASE)


def adjectival(match: re.Match[str], cue_start: int, cue_end: int, masked: Masked) -> bool:
    """Whether the cue's words are a conjunction and a participle whose object goes on to
    a verb of its own: the participle is an adjective ("..., and raised «cholesterol» was
    seen in one child"), where "X lowered A and raised «B»" coordinates two verbs."""
    participle = _PARTICIPLE.search(masked.text, 0, cue_end)
    if "Y" not in match.re.groupindex or participle is None or cue_start < participle.start():
        return False
    return bool(_FINITE.match(masked.text, match.end("Y")))


#: A participle that names a thing by what it holds, as a reduced relative clause does.
_HOLDING = re.compile(r"(?:containing|providing|supplying)\b", re.IGNORECASE)
#: An indefinite article opening a mention: one thing, not yet known to the reader.
_INDEFINITE = re.compile(r"(?:a|an)\s", re.IGNORECASE)


def described(words: str, subject: Mention) -> bool:
    """Whether the cue's words are a participle that only tells which indefinite thing
    ``subject`` is ("a supplement containing X slowed Y", "advise a daily supplement
    containing X"): it picks one out for the clause's own claim and says nothing of such
    things in general, as "supplements contain X" or "a supplement contains X" would."""
    return bool(_HOLDING.match(words) and _INDEFINITE.match(subject.text))
