"""Which mentions fill a cue's slots, for :mod:`kg.ingest.relations`.

A cue is matched against the sentence with its mentions masked as ``«i»``; the slot after
the cue words is the mention there, but the slot before them is only the nearest mention,
and English often puts the real subject farther back: behind an appositive ("A, a B that
causes Z"), a predicate noun ("A is a B that causes Z"), a relative clause ("A, which
helps B, causes Z"), a parenthesis ("A, on the other hand, causes Z") or a conjunction
("A supports B and protects Z"). Here those readings are offered, likeliest first; the
ontology's types decide among them (the items a relation spreads to: :mod:`kg.ingest.spread`;
the masked sentence: :mod:`kg.ingest.masked`; what the nearest renames or stands aside
from: :mod:`kg.ingest.renaming`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.arguments import is_argument, is_noun, modified
from kg.ingest.cues import GLOSS, CueLexicon
from kg.ingest.masked import PREPOSITION, SPACE_HEAD, TOKEN, Masked
from kg.ingest.model import Mention
from kg.ingest.renaming import (
    ABBREVIATION,
    APPOSITION,
    COMMA_CLOSES,
    COORDINATED,
    RELATIVE_OPENS,
    embedded,
    in_closed_aside,
    in_opener,
    renamed,
    renames,
    unnamed,
)
from kg.ingest.series import in_series

__all__ = ["Masked", "slot_options"]

#: "the deficiency in «X»": the mention before is the head of the phrase that ends in X.
_HEAD_OF = re.compile(r"«(\d+)»\s+(?:of|in|from)\s+(?:the\s+)?\Z", re.IGNORECASE)
#: "«X» who/that ... «nearest»": X may be the subject the relative clause describes, and
#: is the likelier one when words without a comma stand between (the nearest is then the
#: clause's object: "people who avoid Z are at risk of Y").
_RELATIVE = re.compile(r"«(\d+)»\s*,?\s*(?:who|that|which|whose)\b([^«»;:]*)\Z", re.IGNORECASE)
#: "«B» that": a relative clause "that" opens right after B, whose subject B is.
_THAT = re.compile(r"«(\d+)»\s*" + ABBREVIATION + r",?\s*that\b", re.IGNORECASE)
#: The mention right before the relative pronoun a template opens with ("«B6», which").
_ANTECEDENT = re.compile(r"«(\d+)»\s*" + ABBREVIATION + r",?\s*\Z")
#: A comma and a conjunction that open a clause of their own ("..., and in X this Y ...").
_CLAUSE_JOIN = re.compile(r",\s*(?:and|but|or|so|yet)\b", re.IGNORECASE)
#: An auxiliary and its verb right before a clause's first mention, which is their object,
#: the subject no mention ("Ginkgo can thin the «blood»"; not "This may explain why «X»").
_AUXILIARY = re.compile(
    r"\b(?:can|could|may|might|will|would|should|must|does|did)\s+"
    r"(?:(?:not|also|even|further|[a-z]+ly)\s+)?[a-z]+\s+"
    r"(?:(?:a|an|the|this|these|those|your|their|its|his|her|our)\s+)?\Z",
    re.IGNORECASE,
)
#: A preposition (and an article) right before a mention: its object, no subject.
_GOVERNED = re.compile(
    r"(?<![\w’'-])" + PREPOSITION + r"\s+(?:(?:a|an|the|this|these|their|your|its)\s+)?\Z",
    re.IGNORECASE,
)
#: A gap that is the conjunction alone: after the clause's subject it joins two nouns.
_CONJUNCTION = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|as well as)\s*", re.IGNORECASE)
#: A gap that is an appositive and the relative clause it opens: what the cue says is of
#: the noun the appositive renames ("people with «X», a rare condition that blocks Y").
_GAP_APPOSITIVE = re.compile(
    r"\s*,\s*(?:a|an|the|one|another)\s+[^«»,;:()]*?\b(?:that|which)\s*", re.IGNORECASE
)
#: A clause of time or condition with a pronoun subject, still open before the nearest
#: mention, no comma closing it before the cue: the mention is that clause's object, and
#: the cue's subject stands before the clause ("Taking «A» while you keep using «B» does
#: not prevent Y": A's, not B's).
_SUBORDINATE = re.compile(
    r"\b(?:while|when|whenever|if|once|until|unless)\s+(?:you|we|they|he|she|people|someone)\b"
    r"[^«»,;:]*\Z",
    re.IGNORECASE,
)
#: A mention, then a participle or no word, then the preposition before the nearest.
_OWNER = re.compile(
    r"«(\d+)»\s+(?:[a-z]+(?:ed|en|ing)\s+)?(?:on|in|with|without|during|after|before|at)\s+"
    r"(?:(?:a|an|the|this|these|their|your|its)\s+)?\Z",
    re.IGNORECASE,
)
#: A gap that a comma and a conjunction break before a noun phrase of its own, or a comma
#: and "so": another clause opens there with a subject that is no mention ("X, and a
#: severe shortfall can cause Y"), so X is no subject of the cue.
_NEW_CLAUSE = re.compile(
    r",\s*(?:so\b|(?:and|or)\s+(?:a|an|the|this|that|these|those|some|many|most|such|any|"
    r"each|every|your|their|our|his|her|its|one|several|other)\b)",
    re.IGNORECASE,
)
#: A clause that opens with a noun no mention names, then "in" or "from" and the mentions
#: (a list) before the cue: they say where that noun is, and it is the subject ("Phytates
#: in «wholegrain cereals» and «pulses» reduce Y": the phytates', not the cereals').
_LOCATED_IN = re.compile(
    r"(?:\A|[.;:!?]\s+|\bthat\s+)(?:(?:the|a|an|some|many|most|these|those)\s+)?"
    r"(?:[a-z][\w’'-]*\s+){0,2}?([a-z][\w’'-]*)\s+(?:in|from)\s+(?:(?:the|a|an)\s+)?"
    r"(?:«\d+»\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:(?:the|a|an)\s+)?)*\Z",
    re.IGNORECASE,
)
#: The word that names a group by its condition, right before the condition's mention.
_WITH = re.compile(r"\b(?:with|having)\s+(?:[\w’'-]+\s+){0,2}\Z", re.IGNORECASE)
#: The head noun right after a mention, and the one after a compound modifier the mention
#: is part of ("high-«fat», very-low-carbohydrate «diet»"): modifier words, no clause word.
_COMPOUND_HEAD = re.compile(
    r"(?:-[\w’'-]*)?(?:\s*,?\s+(?!(?:of|in|for|to|with|from|on|by|at|as|that|which|who|is|are|"
    r"was|were|can|may|will|and|or)\b)[\w’'-]+){0,3}?[ \t]+«(\d+)»",
    re.IGNORECASE,
)
#: The gloss a cue's gap may open with (:data:`kg.ingest.cues.GLOSS`): no word of the gap.
_LEADING_GLOSS = re.compile(r"\A" + GLOSS)
#: A gap that is a noun no mention names, then the relative clause it opens: the mention
#: before modifies that noun, which the relative clause describes ("«A» is a «nervous
#: system» condition that causes Y": the condition, which renames A).
_MODIFIED_HEAD = re.compile(r"\s+([a-z][\w’'-]*)(\s*,?\s*(?:that|which)\b\s*)", re.IGNORECASE)


def _located_noun(before: str) -> bool:
    """Whether the text before the nearest mention opens its clause with a noun no mention
    names and "in" or "from" that place the mention (:data:`_LOCATED_IN`)."""
    found = _LOCATED_IN.search(before)
    return found is not None and is_noun(found.group(1).casefold())


def _governing(index: int, masked: Masked) -> int | None:
    """The mention a participle phrase or a prepositional phrase that ``index`` ends
    belongs to, words only between: "doses of «MSG» taken on an «empty stomach»"."""
    before = masked.before(index)
    if not _GOVERNED.search(before):
        return None
    owner = _OWNER.search(before)
    return int(owner.group(1)) if owner else None


def slot_options(
    name: str,
    match: re.Match[str],
    cue_start: int,
    masked: Masked,
    lexicon: CueLexicon,
    phrase: bool,
) -> list[Mention]:
    """The mentions that may fill slot ``name`` of a match, most likely first.

    A slot after the cue words is the mention there, or the head noun right after it
    ("cause stomach «cramps»"). The slot before them is the mention nearest the cue, or
    first the head of its phrase ("a deficiency in X"), the subject of its clause when a
    conjunction stands between ("X supports Z and protects Y"), the mention a relative
    clause describes when the nearest is that clause's object ("X who avoid Z are at risk
    of Y"), or the mention the nearest renames or follows as an aside (:func:`renamed`).
    A template without X takes the subject of the clause ("..., leading to Y"), unless a
    pronoun stands between; one that opens with a conjunction ("and reduces Y") the
    subject a gap with that conjunction would give (:func:`_coordinated`), as does a verb
    after a comma in a series of verb phrases ("X lowered «A», raised Y, and increased Z":
    :func:`_series_subject`); and a slot after
    the cue that a body part fills, the compound it modifies ("boosts «blood» flow":
    :func:`kg.ingest.arguments.modified`). A ``phrase`` cue joins two adjacent noun
    phrases, so its slots are the mentions there ("sources of A and other B": A is a B,
    not the sources), save that an appositive after a process renames its chemical. A
    template without Y leaves out its object, the one of an earlier clause ("A is a source
    of Y, but B contains even more"): the mentions before it, the nearest first, no noun
    phrase no vocabulary names (:mod:`kg.ingest.arguments`).
    """
    if name == "Y" and name not in match.re.groupindex:
        earlier = [
            masked.mentions[int(t.group(1))] for t in TOKEN.finditer(masked.text, 0, match.start(1))
        ]
        return _mentions([m for m in reversed(earlier) if not is_argument(m)], masked)
    if name not in match.re.groupindex:
        return _clause_options(cue_start, masked, lexicon)
    index = int(match.group(name).strip("«»"))
    gap = _LEADING_GLOSS.sub("", masked.text[match.end(name) : cue_start], count=1)
    if match.start(name) > cue_start:
        after = _head_after(name, match, masked, lexicon)
        ends = match.end(name) == match.end(1)
        m = masked.mentions[index]
        compound = (
            ends
            and after is None
            and modified(m, masked.sentence, masked.mentions, masked.ontology)
        )
        return _mentions([after, compound or index], masked)
    if _NEW_CLAUSE.search(gap) or ("," in gap and in_opener(masked.before(index))):
        return []  # "In people with «X», a strict diet reduced Y": X is no subject
    if phrase:
        appositive = COMMA_CLOSES.match(gap + masked.text[cue_start : match.end(1)])
        if appositive and in_opener(masked.before(index)):
            return []  # "In people with «X», a «Y» ...": Y opens the clause, not renames X
        if not appositive:
            return [masked.mentions[index]]
        return _mentions([masked.described(index)], masked)  # or the condition a group has
    before, plain = masked.before(index), masked.unglossed()
    if "," not in gap and _located_noun(before):
        return []  # "Phytates in «cereals» reduce Y": the cue is of a noun no mention names
    head, relative = _HEAD_OF.search(before), _RELATIVE.search(before)
    series = _series_subject(index, gap, cue_start, match.end(1), masked, lexicon)
    if series is not None:
        options = [series]  # "X lowered «A», raised Y, and increased Z": X's, not A's
    elif COORDINATED.match(gap):
        options = _coordinated(index, gap, masked, lexicon)
    elif head:  # "«A», an «alkaloid» from «B», increases Y": A's, the head renames
        options = [*renamed(int(head.group(1)), gap, plain), int(head.group(1)), index]
    elif (opened := _SUBORDINATE.search(before)) and "," not in gap:
        subject = masked.clause_subject(opened.start(), lexicon.clause_stop)
        options = [subject] if subject is not masked.mentions[index] else []
    elif in_closed_aside(before, gap):
        return []  # "a diet rich in fibre, which feeds «the gut»'s bacteria, is linked to Y"
    elif (governed := _governing(index, masked)) is not None:
        options = [governed, index]  # "doses of «MSG» taken on an «empty stomach» may cause Y"
    elif relative and relative.group(2).strip() and "," not in relative.group(2):
        # X is the object of the clause, whose subject may rename a mention of its own
        # ("«A», a «B» that damages «X», causes Y": A's)
        antecedent = int(relative.group(1))
        options = [*renamed(antecedent, " that ", plain), antecedent, index]
    elif (noun := _MODIFIED_HEAD.fullmatch(gap)) and is_noun(noun.group(1).casefold()):
        options = [*renamed(index, noun.group(2), plain), index]
    elif renames(index, gap, plain) is not None:
        options = renamed(index, gap, plain)  # the class that renames it says nothing itself
    elif _GAP_APPOSITIVE.fullmatch(gap):
        condition = _condition_of(masked.mentions[index], masked)
        options = [condition or masked.described(index), index]  # "people with «X», a Y that"
    elif unnamed(index, gap, plain) or embedded(index, gap, plain):
        return []  # "five carboxylases, «enzymes» needed for Y": no mention names the subject
    else:
        options = [*renamed(index, gap, plain), index, relative and int(relative.group(1))]
    return _mentions(options, masked)


def _clause_options(cue_start: int, masked: Masked, lexicon: CueLexicon) -> list[Mention]:
    """The subject of a template without X: the clause's, or the nearest mention; for one
    that opens with a conjunction what a gap with it would give (:func:`_coordinated`);
    for one that opens with a relative pronoun the mention right before it describes, or
    the one that mention renames ("«B6», which the body uses to make Y"); none after a
    pronoun, nor after a mention a closed relative clause holds."""
    stop = lexicon.clause_stop
    head = masked.text[:cue_start]
    if lexicon.pronoun.search(head, max((t.end() for t in TOKEN.finditer(head)), default=0)):
        return []  # "X ..., and it is required for Y": the pronoun is the subject
    pronoun = RELATIVE_OPENS.match(masked.text[cue_start:])
    antecedent = _ANTECEDENT.search(head) if pronoun else None
    if antecedent:
        index = int(antecedent.group(1))
        gap = masked.text[antecedent.end(1) + 1 : cue_start + pronoun.end()]
        return _mentions([*renamed(index, gap, masked.unglossed()), index], masked)
    nearest = masked.nearest_before(cue_start, stop)
    if nearest is None:
        return _mentions([masked.clause_subject(cue_start, stop)], masked)
    after = masked.position(nearest) + len(f"«{nearest}»")
    joined = _CONJUNCTION.match(masked.text, cue_start)  # "X protects «Z» and reduces Y"
    if joined:
        gap = masked.text[after : joined.end()]
        return _mentions(_coordinated(nearest, gap, masked, lexicon), masked)
    if in_closed_aside(masked.before(nearest), masked.text[after : cue_start + 1]):
        return []  # "a diet, which feeds «the gut», is linked to Y"
    return _mentions([masked.clause_subject(cue_start, stop), nearest], masked)


def _coordinated(index: int, gap: str, masked: Masked, lexicon: CueLexicon) -> list:
    """The subject of a verb after a conjunction: the clause's, and the nearest mention
    only as a fallback, never when the verb is an infinitive ("to disrupt «Z» and to
    promote Y") or the clause's subject is a pronoun that no mention holds ("where it
    disrupts «Z» and promotes Y"): the nearest is then an earlier verb's object. When the
    conjunction alone follows the clause's first mention, it joins that noun to another
    ("«X» and raised Y"): no verb, so no subject; nor is there one when an auxiliary and
    its verb stand before the clause's first mention, which is their object ("Ginkgo can
    thin «the blood» and may raise Y")."""
    pos = masked.position(index)
    clause = max((m.end() for m in lexicon.clause_stop.finditer(masked.text, 0, pos)), default=0)
    first = TOKEN.search(masked.text, clause)
    opening = masked.text[clause : first.start() if first else pos]
    if lexicon.pronoun.search(opening):
        return []
    relative = _relative_subject(masked, clause, pos)
    if relative is not None:
        return [relative, index]
    conjoined = _conjoined_subject(masked, clause, pos, lexicon)
    if conjoined is None and first is not None and _AUXILIARY.search(opening):
        return []  # "Ginkgo can thin «the blood» and may raise Y": no mention is the subject
    subject = conjoined or masked.clause_subject(pos, lexicon.clause_stop)
    if subject is None and _CONJUNCTION.fullmatch(gap):
        return []  # "«X» and raised Y are common": no verb before "and", so none after it
    return [subject] if re.match(r"\s*,?\s*(?:and|or)\s+to\b", gap) else [subject, index]


def _series_subject(
    index: int, gap: str, cue_start: int, end: int, masked: Masked, lexicon: CueLexicon
) -> Mention | None:
    """The subject a verb after a comma shares with the verbs of its series, the
    nearest mention being the object of the one before (:func:`kg.ingest.series.in_series`):
    the one a conjunction there would give (:func:`_coordinated`), or None."""
    if "," not in gap:
        return None
    subject = next(iter(_coordinated(index, " and ", masked, lexicon)), None)
    if not isinstance(subject, Mention):
        return None
    return subject if in_series(index, gap, cue_start, end, subject, masked) else None


def _relative_subject(masked: Masked, clause: int, pos: int) -> Mention | None:
    """The subject of a relative clause that "that" opens in ``masked.text[clause:pos]``,
    whose verbs a conjunction joins ("A, a gas that relaxes «Z» and boosts Y"): the noun
    before "that", or the mention that noun renames (A), not the sentence's subject."""
    found = list(_THAT.finditer(masked.text, clause, pos))
    if not found:
        return None
    index = int(found[-1].group(1))
    renamed = APPOSITION.search(masked.before(index))
    if renamed is not None and not in_opener(masked.before(int(renamed.group(1)))):
        return masked.described(int(renamed.group(1)))
    return masked.described(index)


def _conjoined_subject(
    masked: Masked, clause: int, pos: int, lexicon: CueLexicon
) -> Mention | None:
    """The subject of the verb a conjunction after ``pos`` joins a verb to: the first mention
    after the comma and conjunction that open its clause ("..., and in «people with PKU»
    this «amino acid» builds up and damages Y") or after the "that" of a complement clause
    ("studies suggest that «X» can damage «A» and may disrupt Y": X's, not the studies'),
    none a preposition's object, or the one right after it that heads their compound
    (:meth:`Masked.clause_subject`)."""
    joins = [
        *_CLAUSE_JOIN.finditer(masked.text, clause, pos),
        *lexicon.complement.finditer(masked.text, clause, pos),
    ]
    if not joins:
        return None  # the clause's subject, or the mention its relative clause describes
    start = max(j.end() for j in joins)
    for token in TOKEN.finditer(masked.text, start, masked.text.index("»", pos) + 1):
        if not _GOVERNED.search(masked.text, start, token.start()):
            noun = SPACE_HEAD.match(masked.text, token.end())  # "whose protein «avidin»"
            return masked.mentions[int((noun or token).group(1))]
    return None


def _head_after(name: str, match: re.Match[str], masked: Masked, lexicon: CueLexicon) -> int | None:
    """The mention right after slot ``name`` with only a space between, when the template
    ends at the slot: the head noun of the phrase the slot's mention modifies ("stomach
    cramps"); for a mention a hyphen binds into a modifier ("a high-«fat», low-carbohydrate
    «diet»"), the noun a few modifier words on."""
    if match.end(name) != match.end(1):
        return None
    index = int(match.group(name).strip("«»"))
    bound = masked.before(index).endswith("-") or masked.after(index).startswith("-")
    after = (_COMPOUND_HEAD if bound else SPACE_HEAD).match(masked.after(index))
    if after is None:
        return None
    following = int(after.group(1))
    return None if lexicon.pronoun.fullmatch(masked.mentions[following].text) else following


def _mentions(options: Sequence[Mention | int | None], masked: Masked) -> list[Mention]:
    """The options as mentions, each once, in order, each group named by its condition
    followed by that condition (:func:`_condition_of`)."""
    found = [masked.mentions[i] if isinstance(i, int) else i for i in options]
    found = [k for m in found if m is not None for k in (m, _condition_of(m, masked))]
    return list(dict.fromkeys(m for m in found if m is not None))


def _condition_of(group: Mention, masked: Masked) -> Mention | None:
    """The condition a group is named by ("people with «pellagra»", "patients with low
    «calcium»"): what such people feel or show is said of the condition too, which the
    types decide."""
    if not masked.ontology.is_a(group.type, "PopulationGroup"):
        return None
    inside = (
        k
        for k in masked.inner
        if group.start < k.start
        and k.end <= group.end
        and masked.ontology.is_a(k.type, "Condition")
        and _WITH.search(masked.sentence.text[: k.start - masked.sentence.start])
    )
    return next(inside, None)
