"""Which mention the nearest one before a cue renames or stands aside from, for
:mod:`kg.ingest.slots`: an appositive ("A, a B that causes Z"), a predicate noun ("A is a
B needed for Z"), a comma-closed aside ("A, which helps B, causes Z", "A, losing 2% of B,
can cause Z") or a bare plural appositive ("A, Bs that cause Z"); and the contexts in
which no mention is the subject: a noun no mention names that the nearest renames, or a
clause opened by a prepositional phrase ("In people with «X», ..."). Kept apart from the
slots' other readings (conjunctions, relative clauses, heads of phrases) so each stays
small.
"""

from __future__ import annotations

import re

from kg.ingest.arguments import is_noun
from kg.ingest.masked import PREPOSITION, Masked
from kg.ingest.model import Mention

__all__ = [
    "ABBREVIATION",
    "APPOSITION",
    "COMMA_CLOSES",
    "COORDINATED",
    "RELATIVE_OPENS",
    "embedded",
    "in_closed_aside",
    "in_opener",
    "renamed",
    "renames",
    "unnamed",
]

#: An abbreviation in parentheses after a name, a mention or not ("nitric oxide (NO)").
ABBREVIATION = r"(?:\(\s*(?:«\d+»|[^()«»\s]{1,12})\s*\)\s*)?"

#: A gap that opens with a conjunction: the mention before it is the object of an earlier
#: verb, and the cue's subject is the clause's ("X supports Z and protects Y").
COORDINATED = re.compile(r"\A\s*(?:,\s*)?(?:and|or|nor|as well as)\b", re.IGNORECASE)

#: A noun that names a class or a part of what its "of" names ("a form of", "the part of").
_CLASS_NOUN = r"(?:form|type|kind|class|member|group|family|variety|part|region|area)s?"

#: The noun phrase that renames the mention before it: an article, a few words, and a
#: class noun with "of" ("A, a rare inherited «B»", "A is a form of «B»").
_MODIFIER = r"(?:(?!(?:of|in|for|to|with|from|on|by|at|and|or|that|which)\b)[\w’'-]+\s+)"
_RENAMING = (
    rf"(?:(?:a|an|the|one of the|one|another)\s+{_MODIFIER}{{0,3}}"
    rf"(?:{_CLASS_NOUN}\s+of\s+(?:the\s+)?"
    rf"{_MODIFIER}{{0,2}})?)?\Z"
)

#: "«A», a «B»" (an abbreviation in parentheses may follow A) and "«A» is a «B»".
APPOSITION = re.compile(
    r"«(\d+)»\s*" + ABBREVIATION + r",\s*(?=(?:a|an|the|one|another)\s)" + _RENAMING,
    re.IGNORECASE,
)

#: "«A», «B» that ...": a bare plural appositive, told from a list by the relative clause
#: after B ("selenoproteins, enzymes that protect cells").
_BARE_APPOSITION = re.compile(r"«(\d+)»\s*,\s*\Z")

#: A relative clause a comma opens after a word, no mention, still open at the end.
_ASIDE_OPENS = re.compile(r"(?<![«»\d]),\s*(?:which|who)\b[^,;:«»]*(?:«\d+»[^,;:«»]*)*\Z")

#: A gap the comma that closes an aside ends: the cue follows the aside.
_GAP_CLOSES = re.compile(r"[^,;:]*,\s*(?!(?:which|who|that|and|or)\b)[^,;:]*\Z")

#: A noun and the preposition that makes the next mention part of its phrase.
_OF_NOUN = re.compile(
    r"(?<![\w«»’'-])([a-z][\w’'-]*)\s+(?:of|inside|within|around|behind)\s+"
    r"(?:(?:the|a|an|your|their|its|his|her|our)\s+)?\Z",
    re.IGNORECASE,
)

#: "noun, «B»": B after a noun no mention names, which B may rename.
_UNNAMED = re.compile(r"(?<![\w«»’'-])([a-z][\w’'-]*)\s*,\s*\Z")

#: A participle that opens a reduced relative clause, as "that" would ("enzymes needed for").
_PARTICIPLE = re.compile(r"\A\s*(?:[a-z]+ed|made|found|known|given|taken)\b")

#: "«A» is a «B»": B is a predicate noun that renames A.
_PREDICATE_NOUN = re.compile(
    r"«(\d+)»\s*,?\s*(?:is|are|was|were)(?:\s+(?:also|often|usually|[a-z]+ly))?\s+" + _RENAMING,
    re.IGNORECASE,
)

#: A comma-closed aside after A: a relative clause ("A, which helps B,"), a noun phrase
#: ("A, a cause of B,"), a phrase that opens with a preposition ("A, on the other hand,")
#: or a participle ("A, losing 2% of B as fluid,").
_ASIDE = re.compile(
    r"«(\d+)»\s*,\s*(?:which|who|a|an|the|one|in|on|at|for|with|without|like|unlike|by|"
    r"from|after|during|among|as|[a-z]+ing)\b[^;:]*\Z",
    re.IGNORECASE,
)

#: A prepositional phrase that opens the clause before a mention.
_OPENER = re.compile(PREPOSITION + r"[^,;:]*\Z", re.IGNORECASE)

#: A gap that opens a relative clause.
RELATIVE_OPENS = re.compile(r"\A\s*(?:that|which|who)\b", re.IGNORECASE)

#: A gap that a comma opens, closing an aside, no relative clause or list.
COMMA_CLOSES = re.compile(r"\A\s*,(?!\s*(?:which|who|that|and|or)\b)", re.IGNORECASE)


def renamed(index: int, gap: str, masked: Masked) -> list[Mention]:
    """The mention that the nearest ``index`` renames or sets an aside after, when the
    cue's words after ``gap`` say something of it too: "A, a B that causes Z", "A, a B,
    causes Z", "A is a B needed for Z", "A, which helps B, causes Z", "A, in most
    cases, causes Z", "A, losing 2% of B as fluid, can cause Z", "A, Bs that cause Z" or
    "A, Bs needed for Z" (then B too); or, for a relative clause after a process that ends
    in a chemical, the chemical ("to make A, which causes Z"; :meth:`Masked.described`)."""
    before = masked.before(index)
    apposition = renames(index, gap, masked)
    if apposition is not None:
        return [masked.described(apposition)]
    predicate = _PREDICATE_NOUN.search(before)
    if predicate and (not gap.strip() or RELATIVE_OPENS.match(gap)):
        return [masked.mentions[int(predicate.group(1))]]
    aside = _ASIDE.search(before)
    closes = COMMA_CLOSES.match(gap) or _GAP_CLOSES.match(gap)
    if aside and closes and not in_opener(before[: aside.start()]):
        return [masked.described(int(aside.group(1)))]
    reduced = not gap.strip() and _PARTICIPLE.match(masked.after(index))
    if not (reduced or RELATIVE_OPENS.match(gap.lstrip(" ,"))):
        return []
    bare = _BARE_APPOSITION.search(before)
    if bare and not gap.lstrip().startswith(",") and not in_opener(before[: bare.start()]):
        return [masked.described(int(bare.group(1))), masked.described(index)]
    return [] if reduced else [masked.described(index)]


def unnamed(index: int, gap: str, masked: Masked) -> bool:
    """Whether the nearest ``index`` renames a noun no mention names, a relative clause
    after it saying what the cue says ("carboxylases, «enzymes» needed for Y",
    "«enzymes» that"): that noun is the cue's subject, for :mod:`kg.ingest.arguments`."""
    reduced = not gap.strip() and _PARTICIPLE.match(masked.after(index))
    if not (reduced or RELATIVE_OPENS.match(gap)):
        return False
    before = masked.before(index)
    noun = _UNNAMED.search(before)
    return bool(noun and is_noun(noun.group(1)) and not in_opener(before[: noun.start()]))


def in_closed_aside(before: str, gap: str) -> bool:
    """Whether the nearest mention stands inside a relative clause that commas enclose and
    that no mention's name opens ("a diet rich in fibre, which feeds «the gut», is"): the
    cue's subject is the noun before it, which no mention names."""
    opened = _ASIDE_OPENS.search(before)
    return bool(opened) and _GAP_CLOSES.match(gap) is not None


def embedded(index: int, gap: str, masked: Masked) -> bool:
    """Whether a relative clause after ``index`` describes the noun whose prepositional
    phrase ``index`` ends, a noun no mention names ("the pressure inside «your skull»,
    which causes Y"); a measure's ("the amount of «lead», which") describes the mention."""
    if not RELATIVE_OPENS.match(gap.lstrip(" ,")):
        return False
    noun = _OF_NOUN.search(masked.before(index))
    word = noun.group(1).casefold() if noun else ""
    return is_noun(word) and not re.fullmatch(_CLASS_NOUN, word)


def renames(index: int, gap: str, masked: Masked) -> int | None:
    """The mention that the nearest ``index`` renames with an article ("A, a B found in
    Z"), when the cue's words follow B: B is A's class, and what the cue says is of A."""
    before = masked.before(index)
    apposition = APPOSITION.search(before)
    if apposition is None or COORDINATED.match(gap) or in_opener(before[: apposition.start()]):
        return None
    return int(apposition.group(1))


def in_opener(before: str) -> bool:
    """Whether text before a mention opens its clause with a preposition ("Results: In
    children with «X»"), so the mention is no subject of the clause's verb."""
    return bool(_OPENER.fullmatch(before, max(before.rfind(";"), before.rfind(":")) + 1))
