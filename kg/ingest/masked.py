"""The sentence a cue is matched against, for :mod:`kg.ingest.slots`: each top-level
mention masked as ``«i»``, the way back to document offsets, and the subject of a clause a
position is in (its first mention, after a phrase or a subordinate clause it opens with).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from kg.curation.ontology import Ontology
from kg.ingest.model import Mention, Sentence

__all__ = ["PREPOSITION", "SPACE_HEAD", "TOKEN", "Masked"]

TOKEN = re.compile(r"«(\d+)»")
#: A mention right after another, a space between: the head of their compound.
SPACE_HEAD = re.compile(r"[ \t]+«(\d+)»")
_DETERMINER = re.compile(
    r"(?:a|an|the|this|these|that|those|its|their|our|your|his|her|such)\s+", re.IGNORECASE
)
#: A phrase a sentence opens with that is no subject of it ("In adults, ...").
PREPOSITION = (
    r"\s*(?:in|on|at|for|among|with|without|during|after|before|by|from|like|unlike|"
    r"across|compared with)\b"
)
#: A prepositional phrase a clause opens with, to its comma ("In older adults, ...", "Long
#: before the gums bleed, ...").
_OPENING_PHRASE = re.compile(
    r"\s*(?:(?:long|shortly|soon|just|well|even|right|immediately)\s+)?"
    + PREPOSITION
    + r"[^,;:]*,",
    re.IGNORECASE,
)
#: The comma that ends a subordinate clause the sentence opens with, not one of a list.
_CLAUSE_COMMA = re.compile(r",(?!\s*«\d+»\s*(?:,|and\b|or\b))", re.IGNORECASE)
_ANTECEDENT = re.compile(r"«(\d+)»\s*,?\s*\Z")
#: A gloss in parentheses right after a mention ("«Riboflavin» (vitamin B2)", "«ALA» («X»)").
_GLOSSED = re.compile(r"(«\d+»)\s*\([^()\[\]]{1,80}\)")


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

    #: Whether :meth:`before` keeps the glosses after mentions (see :meth:`unglossed`).
    glossed = True

    def before(self, index: int) -> str:
        before = self.text[: self.position(index)]
        return before if self.glossed else _GLOSSED.sub(r"\1", before)

    def unglossed(self) -> Masked:
        """This sentence with the text before a mention read past the glosses after earlier
        mentions: the appositive and the predicate noun that rename a mention are read past
        its gloss, as a cue reads past it ("«A» (vitamin B2) is a «B» that prevents Y", "«A»
        (ALA), a «B» found in «C», prevents Y": A's, not B's or C's)."""
        view = copy.copy(self)
        view.glossed = False
        return view

    def after(self, index: int) -> str:
        pos = self.position(index)
        return self.text[pos + len(f"«{index}»") :]

    def nearest_before(self, pos: int, clause_stop: re.Pattern[str]) -> int | None:
        """The mention nearest before ``pos`` in the same clause."""
        head = self.text[:pos]
        stops = [m.end() for m in clause_stop.finditer(head)]
        found = [int(t.group(1)) for t in TOKEN.finditer(head, stops[-1] if stops else 0)]
        return found[-1] if found else None

    def clause_subject(self, pos: int, clause_stop: re.Pattern[str]) -> Mention | None:
        """The first mention of the clause that ``pos`` is in, or the one right after it
        that heads their compound ("the protein «avidin»", "«gut» «bacteria»"); for a
        relative clause ("A, which controls B and is needed for C"), the mention it
        describes."""
        head = self.text[:pos]
        stops = list(clause_stop.finditer(head))
        if stops and stops[-1].group().casefold() in ("which", "who"):
            antecedent = _ANTECEDENT.search(head, 0, stops[-1].start())
            if antecedent:
                return self.described(int(antecedent.group(1)))
        start = stops[-1].end() if stops else 0
        opener = bool(stops) and not head[: stops[-1].start()].strip()
        first = TOKEN.search(head, _main_clause(head, start, opener))
        if first is None:
            return None
        noun = SPACE_HEAD.match(head, first.end())  # "whose protein «avidin» binds"
        return self.mentions[int((noun or first).group(1))]

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
