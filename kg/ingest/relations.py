"""Stage 3 of ``nnkg ingest``: the relations a sentence states between its mentions.

A cue lexicon (``data/cues.yaml``) maps the verbs and constructions of English to nnkg's
predicates. Each cue is a template over the sentence with its mentions replaced by slots, so
one rule covers "X causes Y", "X can cause Y" and "X, which may cause Y"; its readings are
tried in order and only one that the ontology's domain and range admit is taken, so a cue
never forces a relation onto types it does not fit. Which mentions may fill a slot, and
the list items a relation spreads to, come from :mod:`kg.ingest.slots`,
:mod:`kg.ingest.spread` and :mod:`kg.ingest.intake`; a list on either side gives one
candidate per item. Which mentions stand at the top level, and what a mention's own name
states, come from :mod:`kg.ingest.toplevel`; what a match holds besides its slots from
:mod:`kg.ingest.matched`. A comparison after an object ("in the way that Z does") says
the relation of what it compares too. Certainty and negation come from
:mod:`kg.ingest.certainty`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.curation.ontology import Ontology
from kg.ingest.arguments import after_preposition, argument_phrases, is_argument, typed
from kg.ingest.certainty import assess
from kg.ingest.cues import CUES, Cue, CueLexicon, Reading, load_cues
from kg.ingest.intake import intake
from kg.ingest.matched import (
    adjectival,
    cue_words,
    described,
    other_lines,
    undone,
    within_words,
)
from kg.ingest.model import Candidate, Mention, Sentence
from kg.ingest.slots import Masked, slot_options
from kg.ingest.spread import expand, plain
from kg.ingest.toplevel import NAMED, named, quoted, top_level
from kg.ingest.vocabulary import class_kind

__all__ = ["CUES", "NAMED", "find_relations"]


def _admitted(
    ontology: Ontology, reading: Reading, subject: Mention, obj: Mention
) -> tuple[Mention, Mention] | None:
    """The subject and object as the ontology (and the reading's own narrowing) admits
    them, a provisional mention given the class its slot names (:func:`typed`), or None;
    a relation between two mentions of one entity is never a claim, nor is a class of
    another kind than its member ("beef is a source of iron" read as "beef isA iron"),
    nor does a group of people do anything but run a risk ("people with more X had a
    lower risk of Y": what they had prevents Y, not they)."""
    relation = ontology.relations.get(reading.predicate)
    if relation is None or subject.entity == obj.entity:
        return None
    s = typed(subject, relation.domain, reading.subject_is, ontology)
    o = typed(obj, relation.range, reading.object_is, ontology)
    if s is None or o is None:
        return None
    if ontology.is_a(s.type, "PopulationGroup") and reading.predicate not in _GROUP_DOES:
        return None
    if reading.predicate == "isA" and not _one_kind(ontology, s.type, o.type):
        return None
    return s, o


#: What a group of people is the subject of: a risk it runs, a class it is of.
_GROUP_DOES = frozenset({"atRiskOf", "isA"})

#: The (member, class) kinds "is a" may straddle: an enzyme is a protein, which the
#: lexicon may call a chemical, and a chemical may be of a class of foods it is sold as
#: (an additive, a sweetener, a supplement); no food is of a class of chemicals.
_STRADDLED = frozenset(
    {
        ("ChemicalEntity", "GeneOrProtein"),
        ("GeneOrProtein", "ChemicalEntity"),
        ("ChemicalEntity", "Food"),
    }
)


def _one_kind(ontology: Ontology, member: str, cls: str) -> bool:
    """Whether a member and its class are of one kind, as "is a" needs (no food is a
    nutrient, no body part a rash)."""
    kinds = (class_kind(ontology, member), class_kind(ontology, cls))
    return kinds[0] == kinds[1] or kinds in _STRADDLED


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


def _readings(
    cue: Cue,
    match: re.Match[str],
    masked: Masked,
    ontology: Ontology,
    groups: Sequence[Sequence[Mention]],
    lexicon: CueLexicon,
) -> Iterable[_Found]:
    """The relations one match states: for the first reading and pair of slot options
    whose items (a list's, tried each) the ontology admits, every admitted pair; then the
    items of those two slots' lists that reading leaves out take the first later reading
    that admits them ("known for A, B and C", a symptom and two diseases), if it names
    the kind of its ends (a list the mention stage joined wrongly may hold anything); the
    examples of a class do not, they stand for it ("needed for making chemicals such as
    A"). A list item inside the cue's own words is part of the construction, no end ("no
    difference between X and placebo in Y"), nor is one on another line than a match on
    one line (:func:`other_lines`); and none is read where the cue's last word
    is a participle after a conjunction whose noun goes on to its own verb ("and raised
    blood cholesterol was seen": an adjective, no verb)."""
    cue_start, cue_end = cue_words(match)
    if adjectival(match, cue_start, cue_end, masked):
        return
    xs, ys = (
        plain(slot_options(name, match, cue_start, masked, lexicon, cue.phrase), masked, lexicon)
        for name in ("X", "Y")
    )
    if cue.intake:
        xs = [k for x in xs if (k := intake(x, masked)) is not None]
    if undone(xs, cue_start, masked, lexicon):
        return  # "correcting «a deficiency» improves Y": the deficiency improves nothing
    words = masked.words(cue_start, cue_end)
    xs = [x for x in xs if not described(words, x)]
    span = masked.span(cue_start, cue_end)
    within = within_words(match, masked)
    elsewhere = other_lines(match, masked)

    def read(reading: Reading, x: Mention, y: Mention) -> list[tuple[Mention, Mention]]:
        pairs = _read(reading, x, y, span[0], masked, groups, cue, lexicon, ontology)
        return [p for p in pairs if not (within | elsewhere).intersection(p)]

    for i, reading in enumerate(cue.readings):
        for x, y in itertools.product(xs, ys):
            pairs = read(reading, x, y)
            if not pairs:
                continue
            taken = [(reading, s, o) for s, o in pairs]
            done = {_ends(*p) for p in pairs}
            for later in (r for r in cue.readings[i + 1 :] if _narrow(r, ontology)):
                more = read(later, x, y)
                more = [p for p in more if _ends(*p) not in done and _listed(p, (x, y), groups)]
                taken += [(later, s, o) for s, o in more]
                done |= {_ends(*p) for p in more}
            for chosen, subject, obj in taken:
                yield _Found(
                    f"{cue.id}: {words}",
                    chosen.predicate,
                    subject,
                    obj,
                    span,
                    cue.phrase,
                    cue.catalogue_kinds,
                    (cue_end, cue_end - cue_start),
                )
            return


def _read(
    reading: Reading,
    x: Mention,
    y: Mention,
    cue_start: int,
    masked: Masked,
    groups: Sequence[Sequence[Mention]],
    cue: Cue,
    lexicon: CueLexicon,
    ontology: Ontology,
) -> list[tuple[Mention, Mention]]:
    """The (subject, object) pairs ``reading`` admits between slot fillers ``x`` and ``y``
    and the list items they spread to."""
    ends = (y, x) if reading.reverse else (x, y)
    pairs = _pairs(*ends, cue_start, masked, groups, cue, lexicon)
    return [p for s, o in pairs if (p := _admitted(ontology, reading, s, o))]


def _narrow(reading: Reading, ontology: Ontology) -> bool:
    """Whether ``reading`` admits only some kinds of thing: its relation's domain or range
    is narrower than any entity, or the reading narrows it."""
    relation = ontology.relations.get(reading.predicate)
    broad = relation is None or relation.domain == relation.range == "Entity"
    return not broad or bool(reading.subject_is or reading.object_is)


def _listed(
    pair: tuple[Mention, Mention],
    fillers: tuple[Mention, Mention],
    groups: Sequence[Sequence[Mention]],
) -> bool:
    """Whether both ends of ``pair`` are slot fillers or items of a filler's list."""
    spans = {(m.start, m.end) for m in fillers}
    for group in groups:
        if any((m.start, m.end) in spans for m in group):
            spans |= {(m.start, m.end) for m in group}
    return all((m.start, m.end) in spans for m in pair)


def _ends(subject: Mention, obj: Mention) -> frozenset[tuple[int, int]]:
    """The two ends' spans in either direction: one relation per pair of mentions."""
    return frozenset(((subject.start, subject.end), (obj.start, obj.end)))


def _pairs(
    subject: Mention,
    obj: Mention,
    cue_start: int,
    masked: Masked,
    groups: Sequence[Sequence[Mention]],
    cue: Cue,
    lexicon: CueLexicon,
) -> list[tuple[Mention, Mention]]:
    """The (subject, object) pairs a relation between two slot fillers spreads to over
    their lists, never within one list ("meat, fish and other foods"), but for the two
    items of one list that a construction opening before them makes its two ends ("a
    link between X and Y"). ``cue_start`` is the document offset of the cue's words."""
    subjects = expand(subject, masked, groups, cue.examples, lexicon.pronoun)
    if obj in subjects:
        return [(subject, obj)] if cue_start < min(subject.start, obj.start) else []
    objects = expand(obj, masked, groups, cue.examples, lexicon.pronoun)
    return [
        (s, o)
        for s, o in itertools.product(subjects, objects)
        if not (s in objects and o in subjects)
    ]


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


def _takes_argument(found: _Found, sentence: Sentence) -> bool:
    """Whether a relation found with a provisional mention (:mod:`kg.ingest.arguments`)
    may stand: one end a mention, a cue whose words state it (a phrase cue, "X of Y", and
    "is a" leave the relation to the mentions' own types, which a phrase lacks), and no
    subject inside a prepositional phrase ("by contrast, ... is a source of Y", "X in
    older adults is linked to Y": the nearest mention is no subject there)."""
    one = is_argument(found.subject) != is_argument(found.object)
    inside = after_preposition(found.subject, sentence)
    return one and not inside and not found.phrase and found.predicate != "isA"


def _found(
    masked: Masked, ontology: Ontology, groups: Sequence[Sequence[Mention]]
) -> dict[tuple[Mention, Mention], _Found]:
    """The relations the cues find between the masked sentence's mentions, one per pair:
    the cue ending nearest the object, then the longest, wins."""
    lexicon = load_cues()
    best: dict[tuple[Mention, Mention], _Found] = {}
    if len(masked.mentions) < 2:
        return best
    governed: list[tuple[int, int]] = []
    for cue, pattern in lexicon.tried(masked.text):
        for match in pattern.finditer(masked.text):
            if cue.governs:
                governed.append(masked.span(*cue_words(match)))
            for found in _readings(cue, match, masked, ontology, groups, lexicon):
                key = (found.subject, found.object)
                if key not in best or found.rank > best[key].rank:
                    best[key] = found
    return {
        key: f
        for key, f in best.items()
        if not _outranked(f, best) and not _governed(f, governed) and not _overshadowed(f, best)
    }


def _overshadowed(found: _Found, best: dict[tuple[Mention, Mention], _Found]) -> bool:
    """Whether a longer construction over ``found``'s cue words relates its object to
    another subject: it decides whose verb it is ("X lowers A levels and worsens Y",
    "people developed Y after X"); or
    the same words relate it to what ``found``'s subject, a group, took: a trial arm's
    outcome is its intake's ("children on the «diet» developed Y")."""
    (a, b), s = found.cue_span, found.subject

    def decides(other: _Found) -> bool:
        (c, d), same = other.cue_span, other.cue_span == found.cue_span
        longer = c <= a and b <= d and not same
        return longer or (same and s.start <= other.subject.start < s.end)

    return any(
        other.object == found.object and other.subject != s and decides(other)
        for other in best.values()
    )


def _outranked(found: _Found, best: dict[tuple[Mention, Mention], _Found]) -> bool:
    """Whether a cue over the same words relates the two mentions the other way round
    and ranks higher: one construction reads one way ("signs of X, such as Y" is Y a sign
    of X, not Y a kind of X)."""
    other = best.get((found.object, found.subject))
    overlap = other is not None and (
        other.cue_span[0] < found.cue_span[1] and found.cue_span[0] < other.cue_span[1]
    )
    return overlap and other.rank > found.rank


def _governed(found: _Found, governed: Sequence[tuple[int, int]]) -> bool:
    """Whether ``found``'s cue words and object both stand inside the words of a causative
    cue (``governs``): in "X makes the liver produce Y" the liver is the subject of
    "produce", no object of "makes" (X promotes Y, not the liver)."""
    return any(a <= found.cue_span[0] and a <= found.object.start < b for a, b in governed)


#: A comparison after a relation's object that names another subject of it, its verb left
#: out: "X does not cause Y in the way that «Z» do", "X raises Y, as «Z» does".
_WAY = re.compile(
    r"\A\s*,?\s*(?:(?:in\s+)?(?:just\s+|much\s+)?the\s+(?:same\s+)?way\s+(?:that\s+)?|"
    r"(?:just\s+)?as\s+)«(\d+)»",
    re.IGNORECASE,
)
#: The verb the comparison leaves out, stood for by an auxiliary.
_DOES = re.compile(r"\A\s+(?:do|does|did|can|could|would|will)\b", re.IGNORECASE)


def _compared(
    best: dict[tuple[Mention, Mention], _Found],
    masked: Masked,
    ontology: Ontology,
    groups: Sequence[Sequence[Mention]],
) -> dict[tuple[Mention, Mention], _Found]:
    """The relations a comparison after an object says of the things compared: "X does
    not cause Y in the way that Z or W do" says that Z and W cause Y, whatever X does (a
    phrase of its own, so the clause's negation does not reach it)."""
    found: dict[tuple[Mention, Mention], _Found] = {}
    for f in best.values():
        at = masked.index.get(f.object)
        way = _WAY.match(masked.after(at)) if at is not None else None
        if way is None:
            continue
        first = masked.mentions[int(way.group(1))]
        items = expand(first, masked, groups, False, load_cues().pronoun)
        if not _DOES.match(masked.after(masked.index[items[-1]])):
            continue
        words = masked.sentence.text[
            f.object.end - masked.sentence.start : first.start - masked.sentence.start
        ]
        span = (f.object.end + len(words) - len(words.lstrip()), first.start)
        for z in items:
            admitted = _admitted(ontology, Reading(f.predicate, False, (), ()), z, f.object)
            if admitted:
                cue = f"compared: {' '.join(words.split())} ({f.cue})"
                found[admitted] = _Found(cue, f.predicate, *admitted, span, True, (), f.rank)
    return found


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
    that :func:`kg.ingest.certainty.assess` found. None is drafted whose cue stands in a
    belief the text reports of lay people ("you've probably heard that X is good for Y").
    """
    top, coordinated = top_level(sentence, mentions)
    groups = [*groups, *coordinated]
    inner = [m for m in mentions if m not in top and sentence.start <= m.start < sentence.end]
    by_name = named(sentence, top, inner, ontology)
    lexicon = load_cues()
    if not top or lexicon.unclaimed.match(sentence.text):
        return by_name  # "Myth: X causes Y." states a belief, not the text's claim
    masked = Masked(sentence, top, inner, ontology)
    best = _found(masked, ontology, groups)
    best.update(_compared(best, masked, ontology, groups))
    phrases = argument_phrases(sentence, top)
    if phrases:
        used = {f.cue_span for f in best.values()}
        masked = Masked(sentence, sorted([*top, *phrases]), inner, ontology)
        for key, found in _found(masked, ontology, groups).items():
            # no shorter reading, with a phrase, of cue words a relation used ("linked to a
            # twofold increase in the risk of Y" is no link to "twofold")
            s, e = found.cue_span
            if _takes_argument(found, sentence) and not any(a <= s and e <= b for a, b in used):
                best.setdefault(key, found)
    start, end = quoted(sentence)
    believed = [
        (sentence.start + a, sentence.start + b) for a, b in lexicon.believed(sentence.text)
    ]
    candidates = []
    for found in _inherited(best.values(), ontology):
        if any(a <= found.cue_span[0] < b for a, b in believed):
            continue
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
        candidates + by_name,
        key=lambda c: (c.start, c.end, c.subject.start, c.predicate, c.object.start, c.cue),
    )
