"""Verb phrases in a series that share one subject, for :mod:`kg.ingest.slots`.

"In mice «curcumin» lowered «cytokines», raised levels of «serotonin», and increased «BDNF»":
the verb after the first comma has no subject of its own; the mention before the comma is
the object of the verb before it, and the series' subject is the clause's. A verb after a
comma is read so only when the clause's subject is followed by a verb of the same form
("lowered ... raised"), and an "and" (or "or") closes the series with another such verb
later in the clause: a list of nouns, an appositive, a participle phrase ("cytokines,
raised in depression, ...") or a new clause with its own subject has no such run.
"""

from __future__ import annotations

import re

from kg.ingest.masked import TOKEN, Masked
from kg.ingest.model import Mention

__all__ = ["in_series"]

#: A comma between the nearest mention and the cue's first word, a few words of the earlier
#: verb phrase perhaps before it ("lowered «cytokine» levels, raised Y"), adverbs after it.
_COMMA_GAP = re.compile(
    r"(?:\s+[\w’'-]+){0,3}\s*,\s*(?:(?:also|often|then|further|even|[a-z]+ly)\s+)*",
    re.IGNORECASE,
)
#: Words a verb phrase may open with before its verb: adverbs of frequency or degree.
_ADVERB = re.compile(r"(?:also|often|then|further|even|[a-z]+ly)\Z", re.IGNORECASE)
#: An auxiliary that makes the verbs after it of the base form ("can lower A, raise B").
_MODAL = re.compile(r"(?:can|could|may|might|will|would|should|must)\Z", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
#: Words that open no verb phrase: a preposition, a conjunction, a determiner or a relative
#: pronoun after the subject.
_NO_VERB = re.compile(
    r"(?:of|in|for|with|from|on|at|by|to|as|and|or|but|nor|a|an|the|this|that|these|those|"
    r"which|who|whose|its|their)\Z",
    re.IGNORECASE,
)
#: The forms of "be", "have" and "do", whose endings do not tell their tense.
_IRREGULAR = {
    **dict.fromkeys(("is", "has", "does"), "s"),
    **dict.fromkeys(("are", "have", "do"), "base"),
    **dict.fromkeys(("was", "were", "had", "did"), "ed"),
}
#: The conjunction that closes the series, the verb phrase after it at the match.
_CLOSING = re.compile(r"(?:,\s*)?\b(?:and|or)\s+(?=[A-Za-z])", re.IGNORECASE)
#: What ends the clause the series is in.
_CLAUSE_END = re.compile(r"[;:.]|\s[–—]\s")


def _form(words: str) -> str | None:
    """The form of the verb ``words`` open with, after adverbs: "modal" for a modal
    auxiliary, else "ed", "s" or "base" by its ending; None when no word opens them."""
    for word in _WORD.findall(words)[:3]:
        if _ADVERB.match(word):
            continue
        if _MODAL.match(word):
            return "modal"
        if _NO_VERB.match(word):
            return None
        folded = word.casefold()
        if folded in _IRREGULAR:
            return _IRREGULAR[folded]
        if folded.endswith("ed"):
            return "ed"
        if folded.endswith("s") and not folded.endswith("ss"):
            return "s"
        return "base"
    return None


def _agrees(first: str | None, later: str | None) -> bool:
    """Whether a later verb of a series may share the first one's subject: the same form, a
    base form after a modal, which reaches over the series, or a modal of its own ("lower
    A, reduce B and may improve Y")."""
    if first is None or later is None:
        return False
    return first == later or later == "modal" or (first == "modal" and later == "base")


def in_series(
    index: int, gap: str, cue_start: int, end: int, subject: Mention | None, masked: Masked
) -> bool:
    """Whether the cue at ``cue_start``, a comma (``gap``) after mention ``index``,
    is a middle verb of a series of verb phrases whose subject is ``subject``: the words
    right after the subject open a verb of its form, none of them a mention, and an "and"
    after the match's ``end``, in the same clause, opens one more ("X lowered «A», raised
    Y, and increased Z")."""
    if subject is None or not _COMMA_GAP.fullmatch(gap) or subject not in masked.index:
        return False
    start = masked.position(masked.index[subject]) + len(f"«{masked.index[subject]}»")
    between = masked.text[start : masked.position(index)]
    first = _form(between) if between.strip() and not TOKEN.match(between.lstrip()) else None
    if not _agrees(first, _form(masked.text[cue_start : cue_start + 40])):
        return False
    rest = masked.text[end:]
    clause_end = _CLAUSE_END.search(rest)
    rest = rest[: clause_end.start()] if clause_end else rest
    return any(
        not TOKEN.match(rest, c.end()) and _agrees(first, _form(rest[c.end() : c.end() + 40]))
        for c in _CLOSING.finditer(rest)
    )
