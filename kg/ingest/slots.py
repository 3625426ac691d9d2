"""Which mentions fill a cue's slots, for :mod:`kg.ingest.relations`.

A cue is matched against the sentence with its mentions masked as ``«i»``; the slot after
the cue words is the mention there, but the slot before them is only the nearest mention,
and English often puts the real subject farther back: behind an appositive ("A, a B that
causes Z"), a predicate noun ("A is a B that causes Z"), a relative clause ("A, which
helps B, causes Z"), a parenthesis ("A, on the other hand, causes Z") or a conjunction
("A supports B and protects Z"). Here those readings are offered, likeliest first; the
ontology's types decide among them (the items a relation spreads to: :mod:`kg.ingest.spread`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.curation.ontology import Ontology
from kg.ingest.cues import GLOSS, CueLexicon
from kg.ingest.model import Mention, Sentence

__all__ = ["Masked", "slot_options"]

_TOKEN = re.compile(r"«(\d+)»")
#: "the deficiency in «X»": the mention before is the head of the phrase that ends in X.
_HEAD_OF = re.compile(r"«(\d+)»\s+(?:of|in|from)\s+(?:the\s+)?\Z", re.IGNORECASE)
_DETERMINER = re.compile(
    r"(?:a|an|the|this|these|that|those|its|their|our|your|his|her|such)\s+", re.IGNORECASE
)
#: "«X» who/that ... «nearest»": X may be the subject the relative clause describes, and
#: is the likelier one when words without a comma stand between (the nearest is then the
#: clause's object: "people who avoid Z are at risk of Y").
_RELATIVE = re.compile(r"«(\d+)»\s*,?\s*(?:who|that|which|whose)\b([^«»;:]*)\Z", re.IGNORECASE)
#: A gap that opens with a conjunction: the mention before it is the object of an earlier
#: verb, and the cue's subject is the clause's ("X supports Z and protects Y").
_COORDINATED = re.compile(r"\A\s*(?:,\s*)?(?:and|or|nor|as well as)\b", re.IGNORECASE)
#: A gap that is the conjunction alone: after the clause's subject it joins two nouns.
_CONJUNCTION = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|as well as)\s*", re.IGNORECASE)
#: The noun phrase that renames the mention before it: an article, a few words, and a
#: class noun with "of" ("A, a rare inherited «B»", "A is a form of «B»").
_MODIFIER = r"(?:(?!(?:of|in|for|to|with|from|on|by|at|and|or|that|which)\b)[\w’'-]+\s+)"
_RENAMING = (
    rf"(?:(?:a|an|the|one of the|one|another)\s+{_MODIFIER}{{0,3}}"
    r"(?:(?:form|type|kind|class|member|group|family|variety)s?\s+of\s+(?:the\s+)?"
    rf"{_MODIFIER}{{0,2}})?)?\Z"
)
#: "«A», a «B»" (an abbreviation in parentheses may follow A) and "«A» is a «B»".
_APPOSITION = re.compile(
    r"«(\d+)»\s*(?:\(\s*«\d+»\s*\)\s*)?,\s*(?=(?:a|an|the|one|another)\s)" + _RENAMING,
    re.IGNORECASE,
)
#: "«A», «B» that ...": a bare plural appositive, told from a list by the relative clause
#: after B ("selenoproteins, enzymes that protect cells").
_BARE_APPOSITION = re.compile(r"«(\d+)»\s*,\s*\Z")
#: A participle that opens a reduced relative clause, as "that" would ("enzymes needed for").
_PARTICIPLE = re.compile(r"\A\s*(?:[a-z]+ed|made|found|known|given|taken)\b")
_PREDICATE_NOUN = re.compile(
    r"«(\d+)»\s*,?\s*(?:is|are|was|were)(?:\s+(?:also|often|usually|[a-z]+ly))?\s+" + _RENAMING,
    re.IGNORECASE,
)
#: A comma-closed aside after A: a relative clause ("A, which helps B,"), a noun phrase
#: ("A, a cause of B,") or a phrase that opens with a preposition ("A, on the other hand,").
_ASIDE = re.compile(
    r"«(\d+)»\s*,\s*(?:which|who|a|an|the|one|in|on|at|for|with|without|like|unlike|by|"
    r"from|after|during|among|as)\b[^;:]*\Z",
    re.IGNORECASE,
)
#: A phrase a sentence opens with that is no subject of it ("In adults, ...").
_PREPOSITION = (
    r"\s*(?:in|on|at|for|among|with|without|during|after|before|by|from|like|unlike|"
    r"across|compared with)\b"
)
_FRONTED = re.compile(_PREPOSITION + r"[^«»,]*\Z", re.IGNORECASE)
_OPENER = re.compile(_PREPOSITION + r"[^,;:]*\Z", re.IGNORECASE)
#: A prepositional phrase a clause opens with, to its comma ("In older adults, ...").
_OPENING_PHRASE = re.compile(_PREPOSITION + r"[^,;:]*,", re.IGNORECASE)
#: The comma that ends a subordinate clause the sentence opens with, not one of a list.
_CLAUSE_COMMA = re.compile(r",(?!\s*«\d+»\s*(?:,|and\b|or\b))", re.IGNORECASE)
_RELATIVE_OPENS = re.compile(r"\A\s*(?:that|which|who)\b", re.IGNORECASE)
_COMMA_CLOSES = re.compile(r"\A\s*,(?!\s*(?:which|who|that|and|or)\b)", re.IGNORECASE)
_ANTECEDENT = re.compile(r"«(\d+)»\s*,?\s*\Z")
#: A gap that a comma and a conjunction break before a noun phrase of its own, or a comma
#: and "so": another clause opens there with a subject that is no mention ("X, and a
#: severe shortfall can cause Y"), so X is no subject of the cue.
_NEW_CLAUSE = re.compile(
    r",\s*(?:so\b|(?:and|or)\s+(?:a|an|the|this|that|these|those|some|many|most|such|any|"
    r"each|every|your|their|our|his|her|its|one|several|other)\b)",
    re.IGNORECASE,
)
#: The word that names a group by its condition, right before the condition's mention.
_WITH = re.compile(r"\b(?:with|having)\s+(?:[\w’'-]+\s+){0,2}\Z", re.IGNORECASE)
#: The head noun right after a mention, and the one after a compound modifier the mention
#: is part of ("high-«fat», very-low-carbohydrate «diet»"): modifier words, no clause word.
_SPACE_HEAD = re.compile(r"[ \t]+«(\d+)»")
_COMPOUND_HEAD = re.compile(
    r"(?:-[\w’'-]*)?(?:\s*,?\s+(?!(?:of|in|for|to|with|from|on|by|at|as|that|which|who|is|are|"
    r"was|were|can|may|will|and|or)\b)[\w’'-]+){0,3}?[ \t]+«(\d+)»",
    re.IGNORECASE,
)
#: The gloss a cue's gap may open with (:data:`kg.ingest.cues.GLOSS`): no word of the gap.
_LEADING_GLOSS = re.compile(r"\A" + GLOSS)


class Masked:
    """The sentence with each top-level mention replaced by ``«i»``, the way back to
    offsets, and the mentions inside the top-level ones (``inner``)."""

    def __init__(
        self,
        sentence: Sentence,
        mentions: Sequence[Mention],
        inner: Sequence[Mention],
        ontology: Ontology,
    ):
        self.sentence = sentence
        self.ontology = ontology
        self.mentions = mentions
        self.inner = inner
        self.index = {m: i for i, m in enumerate(mentions)}
        pieces: list[str] = []
        self._offsets: list[int] = []  # document offset of each character of ``text``
        at = sentence.start
        for i, m in enumerate(mentions):
            # A determiner that opens a mention ("a water-soluble vitamin", "this vitamin")
            # stays text, so "is a {Y}" reads the same whether the mention has it or not.
            lead = _DETERMINER.match(m.text)
            begin = m.start + (lead.end() if lead and lead.end() < len(m.text) else 0)
            pieces.append(sentence.text[at - sentence.start : begin - sentence.start])
            self._offsets.extend(range(at, begin))
            token = f"«{i}»"
            pieces.append(token)
            self._offsets.extend([begin] * (len(token) - 1) + [m.end - 1])
            at = m.end
        pieces.append(sentence.text[at - sentence.start :])
        self._offsets.extend(range(at, sentence.end))
        self._offsets.append(sentence.end)
        self.text = "".join(pieces)

    def position(self, index: int) -> int:
        return self.text.index(f"«{index}»")

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of ``text[start:end]``."""
        return self._offsets[start], self._offsets[end - 1] + 1

    def words(self, start: int, end: int) -> str:
        """The document's words at ``text[start:end]``, spaces made one."""
        a, b = self.span(start, end)
        return " ".join(
            self.sentence.text[a - self.sentence.start : b - self.sentence.start].split()
        )

    def before(self, index: int) -> str:
        return self.text[: self.position(index)]

    def after(self, index: int) -> str:
        pos = self.position(index)
        return self.text[pos + len(f"«{index}»") :]

    def nearest_before(self, pos: int, clause_stop: re.Pattern[str]) -> int | None:
        """The mention nearest before ``pos`` in the same clause."""
        head = self.text[:pos]
        stops = [m.end() for m in clause_stop.finditer(head)]
        found = [int(t.group(1)) for t in _TOKEN.finditer(head, stops[-1] if stops else 0)]
        return found[-1] if found else None

    def clause_subject(self, pos: int, clause_stop: re.Pattern[str]) -> Mention | None:
        """The first mention of the clause that ``pos`` is in; for a relative clause
        ("A, which controls B and is needed for C"), the mention it describes."""
        head = self.text[:pos]
        stops = list(clause_stop.finditer(head))
        if stops and stops[-1].group().casefold() in ("which", "who"):
            antecedent = _ANTECEDENT.search(head, 0, stops[-1].start())
            if antecedent:
                return self.described(int(antecedent.group(1)))
        start = stops[-1].end() if stops else 0
        opener = bool(stops) and not head[: stops[-1].start()].strip()
        first = _TOKEN.search(head, _main_clause(head, start, opener))
        return self.mentions[int(first.group(1))] if first else None

    def described(self, index: int) -> Mention:
        """What an appositive or a relative clause right after mention ``index``
        describes: the nearest noun, so for a process that ends in a thing ("to make
        «acetylcholine», a neurotransmitter", "the synthesis of «sphingolipids», a class
        of lipids", "the development of the «hippocampus», the brain region that") the
        thing, else the mention."""
        m = self.mentions[index]
        if not self.ontology.is_a(m.type, "BiologicalProcess"):
            return m
        thing = (
            k
            for k in self.inner
            if k.end == m.end
            and m.start < k.start
            and not self.ontology.is_a(k.type, "BiologicalProcess")
        )
        return next(thing, m)


def _main_clause(head: str, start: int, opener: bool) -> int:
    """Where the clause that begins at ``start`` has its subject: after a prepositional
    phrase it opens with ("In older adults, ..."), and after the subordinate clause a
    sentence opens with (``opener``: "When stores run low, ..."), when a comma ends them."""
    phrase = _OPENING_PHRASE.match(head, start)
    if phrase:
        return phrase.end()
    comma = _CLAUSE_COMMA.search(head, start) if opener else None
    return comma.end() if comma else start


def _renamed(index: int, gap: str, masked: Masked) -> list[Mention]:
    """The mention that the nearest ``index`` renames or sets an aside after, when the
    cue's words after ``gap`` say something of it too: "A, a B that causes Z", "A, a B,
    causes Z", "A is a B needed for Z", "A, which helps B, causes Z", "A, in most
    cases, causes Z", "A, Bs that cause Z" or "A, Bs needed for Z" (then B too); or, for a
    relative clause after
    a process that ends in a chemical, the chemical ("to make A, which causes Z";
    :meth:`Masked.described`)."""
    before = masked.before(index)
    apposition = _renames(index, gap, masked)
    if apposition is not None:
        return [masked.described(apposition)]
    predicate = _PREDICATE_NOUN.search(before)
    if predicate and (not gap.strip() or _RELATIVE_OPENS.match(gap)):
        return [masked.mentions[int(predicate.group(1))]]
    aside = _ASIDE.search(before)
    if aside and _COMMA_CLOSES.match(gap) and not _in_opener(before[: aside.start()]):
        return [masked.described(int(aside.group(1)))]
    reduced = not gap.strip() and _PARTICIPLE.match(masked.after(index))
    if not (reduced or _RELATIVE_OPENS.match(gap.lstrip(" ,"))):
        return []
    bare = _BARE_APPOSITION.search(before)
    if bare and not gap.lstrip().startswith(",") and not _in_opener(before[: bare.start()]):
        return [masked.described(int(bare.group(1))), masked.described(index)]
    return [] if reduced else [masked.described(index)]


def _renames(index: int, gap: str, masked: Masked) -> int | None:
    """The mention that the nearest ``index`` renames with an article ("A, a B found in
    Z"), when the cue's words follow B: B is A's class, and what the cue says is of A."""
    before = masked.before(index)
    apposition = _APPOSITION.search(before)
    if apposition is None or _COORDINATED.match(gap) or _in_opener(before[: apposition.start()]):
        return None
    return int(apposition.group(1))


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
    of Y"), or the mention the nearest renames or follows as an aside (:func:`_renamed`).
    A template without X takes the subject of the clause ("..., leading to Y"), unless a
    pronoun stands between. A ``phrase`` cue joins two adjacent noun phrases, so its slots
    are the mentions there ("sources of A and other B": A is a B, not the sources), save
    that an appositive after a process renames its chemical.
    """
    stop = lexicon.clause_stop
    if name not in match.re.groupindex:
        head = masked.text[:cue_start]
        if lexicon.pronoun.search(head, max((t.end() for t in _TOKEN.finditer(head)), default=0)):
            return []  # "X ..., and it is required for Y": the pronoun is the subject
        options = [masked.clause_subject(cue_start, stop), masked.nearest_before(cue_start, stop)]
        return _mentions(options, masked)
    index = int(match.group(name).strip("«»"))
    gap = _LEADING_GLOSS.sub("", masked.text[match.end(name) : cue_start], count=1)
    if match.start(name) > cue_start:
        return _mentions([_head_after(name, match, masked, lexicon), index], masked)
    if _NEW_CLAUSE.search(gap) or ("," in gap and _in_opener(masked.before(index))):
        return []  # "In people with «X», a strict diet reduced Y": X is no subject
    if phrase:
        appositive = _COMMA_CLOSES.match(gap + masked.text[cue_start : match.end(1)])
        if appositive and _in_opener(masked.before(index)):
            return []  # "In people with «X», a «Y» ...": Y opens the clause, not renames X
        return [masked.described(index) if appositive else masked.mentions[index]]
    before = masked.before(index)
    head, relative = _HEAD_OF.search(before), _RELATIVE.search(before)
    if _COORDINATED.match(gap):
        options = _coordinated(index, gap, masked, lexicon)
    elif head:
        options = [int(head.group(1)), index]
    elif relative and relative.group(2).strip() and "," not in relative.group(2):
        options = [int(relative.group(1)), index]  # X is the object of the clause
    elif _renames(index, gap, masked) is not None:
        options = _renamed(index, gap, masked)  # the class that renames it says nothing itself
    else:
        options = [*_renamed(index, gap, masked), index, relative and int(relative.group(1))]
    return _mentions(options, masked)


def _in_opener(before: str) -> bool:
    """Whether text before a mention opens its clause with a preposition ("Results: In
    children with «X»"), so the mention is no subject of the clause's verb."""
    return bool(_OPENER.fullmatch(before, max(before.rfind(";"), before.rfind(":")) + 1))


def _coordinated(index: int, gap: str, masked: Masked, lexicon: CueLexicon) -> list:
    """The subject of a verb after a conjunction: the clause's, and the nearest mention
    only as a fallback, never when the verb is an infinitive ("to disrupt «Z» and to
    promote Y") or the clause's subject is a pronoun that no mention holds ("where it
    disrupts «Z» and promotes Y"): the nearest is then an earlier verb's object. When the
    conjunction alone follows the clause's first mention, it joins that noun to another
    ("«X» and raised Y"): no verb, so no subject."""
    pos = masked.position(index)
    clause = max((m.end() for m in lexicon.clause_stop.finditer(masked.text, 0, pos)), default=0)
    first = _TOKEN.search(masked.text, clause)
    opening = masked.text[clause : first.start() if first else pos]
    if lexicon.pronoun.search(opening):
        return []
    subject = masked.clause_subject(pos, lexicon.clause_stop)
    if subject is None and _CONJUNCTION.fullmatch(gap):
        return []  # "«X» and raised Y are common": no verb before "and", so none after it
    return [subject] if re.match(r"\s*,?\s*(?:and|or)\s+to\b", gap) else [subject, index]


def _head_after(name: str, match: re.Match[str], masked: Masked, lexicon: CueLexicon) -> int | None:
    """The mention right after slot ``name`` with only a space between, when the template
    ends at the slot: the head noun of the phrase the slot's mention modifies ("stomach
    cramps"); for a mention a hyphen binds into a modifier ("a high-«fat», low-carbohydrate
    «diet»"), the noun a few modifier words on."""
    if match.end(name) != match.end(1):
        return None
    index = int(match.group(name).strip("«»"))
    bound = masked.before(index).endswith("-") or masked.after(index).startswith("-")
    after = (_COMPOUND_HEAD if bound else _SPACE_HEAD).match(masked.after(index))
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
