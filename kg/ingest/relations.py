"""Stage 3 of ``nnkg ingest``: the relations a sentence states between its mentions.

A cue lexicon (``data/cues.yaml``) maps the verbs and constructions of English to nnkg's
predicates. Each cue is a template over the sentence with its mentions replaced by slots, so
one rule covers "X causes Y", "X can cause Y" and "X, which may cause Y"; its readings are
tried in order and only one that the ontology's domain and range admit is taken, so a cue
never forces a relation onto types it does not fit. A list on either side gives one
candidate per item. Certainty and negation come from :mod:`kg.ingest.certainty`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.curation.ontology import Ontology
from kg.ingest.certainty import assess
from kg.ingest.cues import CUES, Cue, CueLexicon, Reading, load_cues
from kg.ingest.model import Candidate, Mention, Sentence

__all__ = ["CUES", "find_relations"]

_TOKEN = re.compile(r"«(\d+)»")
_EXAMPLES = (
    r",?\s*(?:such as|like|including|e\.g\.,?|for example,?|especially|particularly|notably)\s+"
)
_FOLLOWING_EXAMPLE = re.compile(r"\A" + _EXAMPLES + r"«(\d+)»", re.IGNORECASE)
_PRECEDING_CLASS = re.compile(r"«(\d+)»" + _EXAMPLES + r"\Z", re.IGNORECASE)
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


class _Masked:
    """The sentence with each mention replaced by ``«i»``, and the way back to offsets."""

    def __init__(self, sentence: Sentence, mentions: Sequence[Mention]):
        self.sentence = sentence
        self.mentions = mentions
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

    def clause_subject(self, pos: int, clause_stop: re.Pattern[str]) -> int | None:
        """The first mention of the clause that ``pos`` is in."""
        head = self.text[:pos]
        stops = [m.end() for m in clause_stop.finditer(head)]
        first = _TOKEN.search(head, stops[-1] if stops else 0)
        return int(first.group(1)) if first else None


def _top_level(sentence: Sentence, mentions: Iterable[Mention]) -> list[Mention]:
    """The sentence's mentions without overlaps: of two that overlap the longer is kept
    (then the earlier), so "a deficiency in vitamin B12" is one mention, not three."""
    inside = [m for m in mentions if sentence.start <= m.start < m.end <= sentence.end]
    kept: list[Mention] = []
    for m in sorted(inside, key=lambda m: (m.start - m.end, m.start, m.entity)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept)


def _allowed(ontology: Ontology, reading: Reading, subject: Mention, obj: Mention) -> bool:
    """Whether the ontology (and the reading's own narrowing) admits this subject and
    object; a relation between two mentions of one entity is never a claim."""
    relation = ontology.relations.get(reading.predicate)
    if relation is None or subject.entity == obj.entity:
        return False

    def fits(m: Mention, cls: str, narrower: tuple[str, ...]) -> bool:
        return ontology.is_a(m.type, cls) and (
            not narrower or any(ontology.is_a(m.type, n) for n in narrower)
        )

    return fits(subject, relation.domain, reading.subject_is) and fits(
        obj, relation.range, reading.object_is
    )


def _expand(
    index: int,
    masked: _Masked,
    groups: Sequence[Sequence[Mention]],
    examples: bool,
    pronoun: re.Pattern[str],
) -> list[int]:
    """The mentions a relation with mention ``index`` also holds for: the other items of
    its list and, with ``examples``, the examples that follow it ("foods such as meat and
    fish") and the class its list gives examples of. A "list" with a pronoun in it is two
    clauses ("it makes A and B, and it is required for Y"), never one list."""
    position = {m: i for i, m in enumerate(masked.mentions)}

    def members(i: int) -> set[int]:
        for group in groups:
            if masked.mentions[i] in group and not any(pronoun.fullmatch(m.text) for m in group):
                return {position[m] for m in group if m in position}
        return {i}

    found = members(index)
    if not examples:
        return sorted(found)
    for i in sorted(found):
        example = _FOLLOWING_EXAMPLE.match(masked.after(i))
        if example:
            found |= members(int(example.group(1)))
    cls = _PRECEDING_CLASS.search(masked.before(min(found)))
    if cls:
        found.add(int(cls.group(1)))
    return sorted(found)


@dataclass(frozen=True)
class _Found:
    cue: str
    predicate: str
    subject: Mention
    object: Mention
    cue_span: tuple[int, int]
    phrase: bool
    catalogue_kinds: tuple[str, ...]
    rank: tuple[int, int]  # the cue that ends nearest the object, then the longest, wins


def _slot_options(
    name: str,
    match: re.Match[str],
    cue_start: int,
    masked: _Masked,
    lexicon: CueLexicon,
    phrase: bool,
) -> list[int]:
    """The mentions that may fill slot ``name`` of a match, most likely first.

    A slot after the cue words is the mention there. The slot before them is the mention
    nearest the cue, or first the head of its phrase ("a deficiency in X"), the subject of
    its clause when a conjunction stands between ("X supports Z and protects Y"), or the
    mention a relative clause describes when the nearest is that clause's object ("X who
    avoid Z are at risk of Y"). A template without X takes the subject of the clause
    ("..., leading to Y"), unless a pronoun stands between. A ``phrase`` cue joins two
    adjacent noun phrases, so its slots are the mentions there ("sources of A and other
    B": A is a B, not the sources).
    """
    stop = lexicon.clause_stop
    if name not in match.re.groupindex:
        head = masked.text[:cue_start]
        if lexicon.pronoun.search(head, max((t.end() for t in _TOKEN.finditer(head)), default=0)):
            return []  # "X ..., and it is required for Y": the pronoun is the subject
        options = [masked.clause_subject(cue_start, stop), masked.nearest_before(cue_start, stop)]
    else:
        index = int(match.group(name).strip("«»"))
        if match.start(name) > cue_start or phrase:
            return [index]
        before = masked.before(index)
        head, relative = _HEAD_OF.search(before), _RELATIVE.search(before)
        if _COORDINATED.match(masked.text[match.end(name) : cue_start]):
            options = [masked.clause_subject(masked.position(index), stop), index]
        elif head:
            options = [int(head.group(1)), index]
        elif relative and relative.group(2).strip() and "," not in relative.group(2):
            options = [int(relative.group(1)), index]  # X is the object of the clause
        else:
            options = [index, int(relative.group(1)) if relative else None]
    return list(dict.fromkeys(i for i in options if i is not None))


def _plain(
    options: list[int], masked: _Masked, ontology: Ontology, lexicon: CueLexicon
) -> list[int]:
    """The slot ``options`` without a substance that amount words make a state it does not
    name ("too much X", "a lack of X"); when that is the likeliest filler, the slot has
    none, and a modifier of it ("too much X from Z") does not take its place."""

    def amount(i: int) -> bool:
        return ontology.is_a(masked.mentions[i].type, "ChemicalEntity") and bool(
            lexicon.amount.search(masked.before(i))
        )

    return [] if options and amount(options[0]) else [i for i in options if not amount(i)]


def _readings(
    cue: Cue,
    match: re.Match[str],
    masked: _Masked,
    ontology: Ontology,
    groups: Sequence[Sequence[Mention]],
    lexicon: CueLexicon,
) -> Iterable[_Found]:
    literals = [k for k in match.groupdict() if k.startswith("c") and match.group(k) is not None]
    cue_start = min(match.start(k) for k in literals)
    cue_end = max(match.end(k) for k in literals)
    xs = _plain(
        _slot_options("X", match, cue_start, masked, lexicon, cue.phrase), masked, ontology, lexicon
    )
    ys = _plain(
        _slot_options("Y", match, cue_start, masked, lexicon, cue.phrase), masked, ontology, lexicon
    )
    words = masked.words(cue_start, cue_end)
    span = masked.span(cue_start, cue_end)
    for reading in cue.readings:
        for x, y in itertools.product(xs, ys):
            subject, obj = (y, x) if reading.reverse else (x, y)
            if not _allowed(ontology, reading, masked.mentions[subject], masked.mentions[obj]):
                continue
            subjects = _expand(subject, masked, groups, cue.examples, lexicon.pronoun)
            objects = _expand(obj, masked, groups, cue.examples, lexicon.pronoun)
            for s, o in itertools.product(subjects, objects):
                sm, om = masked.mentions[s], masked.mentions[o]
                if not (s in objects and o in subjects) and _allowed(ontology, reading, sm, om):
                    yield _Found(
                        f"{cue.id}: {words}",
                        reading.predicate,
                        sm,
                        om,
                        span,
                        cue.phrase,
                        cue.catalogue_kinds,
                        (cue_end, cue_end - cue_start),
                    )
            return


def _inherited(found: Iterable[_Found], ontology: Ontology) -> list[_Found]:
    """``found`` without the kind of an example that stands for its class in another
    relation of the sentence ("found in foods such as meat"), when its cue leaves such
    kinds (``catalogue_kinds``, a food group's members) to the catalogue."""
    found = list(found)
    related = {m for f in found if not f.catalogue_kinds for m in (f.subject, f.object)}
    return [
        f
        for f in found
        if not (
            f.subject in related
            and any(ontology.is_a(f.subject.type, k) for k in f.catalogue_kinds)
        )
    ]


def _phrase(sentence: Sentence, found: _Found) -> Sentence:
    """The noun phrase that states a phrase-level relation: its mentions and cue words."""
    start = min(found.subject.start, found.object.start, found.cue_span[0])
    end = max(found.subject.end, found.object.end, found.cue_span[1])
    return Sentence(start, end, sentence.text[start - sentence.start : end - sentence.start])


def _quote(sentence: Sentence) -> tuple[int, int]:
    """The sentence's span without the white space around it."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    return sentence.start + lead, sentence.start + len(text.rstrip())


def find_relations(
    sentence: Sentence,
    mentions: Sequence[Mention],
    ontology: Ontology,
    groups: Sequence[Sequence[Mention]] = (),
) -> list[Candidate]:
    """The candidate claims that ``sentence`` states between its ``mentions``.

    ``groups`` are the coordinated lists of mentions (from the mention stage): a cue with a
    list on one side gives one candidate per item. Each candidate quotes the sentence and
    names in ``cue`` the rule and the words that fired, then the hedge and negation words
    that :func:`kg.ingest.certainty.assess` found.
    """
    lexicon = load_cues()
    masked = _Masked(sentence, _top_level(sentence, mentions))
    if len(masked.mentions) < 2:
        return []
    best: dict[tuple[Mention, Mention], _Found] = {}
    for cue, pattern in lexicon.tried(masked.text):
        for match in pattern.finditer(masked.text):
            for found in _readings(cue, match, masked, ontology, groups, lexicon):
                key = (found.subject, found.object)
                if key not in best or found.rank > best[key].rank:
                    best[key] = found
    start, end = _quote(sentence)
    candidates = []
    for found in _inherited(best.values(), ontology):
        scope = _phrase(sentence, found) if found.phrase else sentence
        certainty, negated, words = assess(scope, found.subject, found.object, found.cue_span)
        candidates.append(
            Candidate(
                subject=found.subject,
                predicate=found.predicate,
                object=found.object,
                start=start,
                end=end,
                certainty=certainty,
                negated=negated,
                cue=f"{found.cue} [{words}]" if words else found.cue,
            )
        )
    return sorted(
        candidates,
        key=lambda c: (c.start, c.end, c.subject.start, c.predicate, c.object.start, c.cue),
    )
