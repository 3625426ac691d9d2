"""The cue lexicon of ``nnkg ingest`` (``data/cues.yaml``), compiled to regular expressions.

Each cue is a set of templates over a sentence whose mentions are replaced by slots
(``«i»``); ``{X}`` and ``{Y}`` are the subject and object slots, ``{be}`` a form of "to be"
(or "remain") with its adverbs, ``{_}`` up to two free words, and ``{name}`` a fragment
several templates share, written once under the lexicon's ``phrases``. Between a slot and the cue
words a few other words may stand ("X can also cause Y"), never a clause word
(``gap.stop``) nor, before the cue, a subject pronoun (``gap.before_stop``): those start
another clause or subject. A gap crosses no bracket, save a parenthesis right after a slot,
which glosses its mention ("Biotin (vitamin B7) is a vitamin") and is read past; after the
cue words a colon and a bullet may open the object's list ("Symptoms of X include:" then
"- A" lines). Cue words that open with a participle right after a determiner or a
preposition (``adjective_after``: "with raised cholesterol") do not match there: the
participle is an adjective. Kept apart from :mod:`kg.ingest.relations` so the lexicon's
format is read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from kg.ingest.regexwords import Sieve, words_of
from kg.ingest.ruledata import read_rules

__all__ = ["CUES", "GLOSS", "Cue", "CueLexicon", "CuePattern", "Reading", "load_cues"]

CUES = Path(__file__).parent / "data" / "cues.yaml"

_SLOT = re.compile(r"\{([XY])\}")
#: A form of "to be" (or "remain"), with the adverbs (and "not") that may follow it.
_BE = (
    r"(?:is|are|was|were|be|been|being|remains?|remained)"
    r"(?:\s+(?:not|also|often|usually|commonly|mainly|largely|primarily|mostly|generally|"
    r"frequently|typically|sometimes|naturally|especially|particularly|only|[a-z]+ly))*"
)
_MACROS = {"{be}": _BE, "{_}": r"(?:[\w’'-]+\s+){0,2}"}
#: A ``{name}`` left in a template once its phrases are written out: a phrase missing.
_PHRASE = re.compile(r"\{(?!X\}|Y\})[A-Za-z_]\w*\}")
#: One word of a gap: a comma or a run of characters that are not space, a slot or a
#: clause mark. ``_WHOLE`` takes the run to its end (a possessive quantifier). A gap made
#: of whole words, save a last one that may end early for the cue words to start inside
#: it (``"causes"``), allows exactly the matches that splitting any word would, found in
#: the same order (farthest gap end first), without trying each word's every split.
_WORD = r"(?:,|[^\s,«»;:()\[\]!?]+)"
_WHOLE = r"(?:,|[^\s,«»;:()\[\]!?]++)"
#: A mention in the possessive: it modifies the noun after it.
_POSSESSOR = r"«\d+»['’]s?(?![\w’'-])"
#: A colon and perhaps a bullet between cue words and their object: the object opens a list
#: laid out below them ("Symptoms of X include:" then "- A" lines).
_LIST_OPENING = r"(?::\s*(?:[-–•*]\s+)?)?"
#: What ends the clause a belief is reported in (:meth:`CueLexicon.believed`).
_BELIEF_ENDS = re.compile(r"\bbut\b|[;:–—]", re.IGNORECASE)
#: What may stand between a belief's holders and its verb ("some people with migraine
#: say", "you've probably heard").
_BELIEF_BETWEEN = (
    r"(?:\s+with\s+[\w’'-]+(?:\s+[\w’'-]+)?)?"
    r"(?:['’]ve\b|\s+(?:have|had|may|might|will|often|probably|still|sometimes|also|all|"
    r"commonly|usually)\b)*"
)
#: A parenthesis right after a mention: a gloss of it (another name, an abbreviation).
GLOSS = r"(?:\s*\([^()\[\]]{1,80}\))?"
#: What opens a verb coordinated with an earlier one of its clause ("X lowers A levels and
#: worsens Y", "X raises A but can lower Y"): a conjunction, then perhaps auxiliaries and
#: adverbs; it stands for the ``{X} `` of a ``coordinated`` cue's templates, so the second
#: verb takes the clause's subject (:func:`kg.ingest.slots.slot_options`). A quantifier
#: standing alone as the subject ("X feel drained, and some report Y") picks out some of
#: that subject, of which the verb is said.
_COORDINATION = (
    "(?:and|but|or|yet)(?: (?:many|some|most|others|several|a few))?"
    "(?: (?:also|can|may|might|could|will|would|often|usually|then|"
    "eventually|not|does|do|did|has|have|had|been|is|are|was|were|[a-z]+ly)){0,3} "
)


@dataclass(frozen=True)
class Reading:
    predicate: str
    reverse: bool
    subject_is: tuple[str, ...]
    object_is: tuple[str, ...]


class CuePattern:
    """A template's regular expression, compiled the first time it is tried: an article
    tries a few of the lexicon's patterns (about 20 of 134), and compiling every one, each
    with its gaps, is most of the time a short article takes."""

    #: How the source of a template that opens with a slot starts (:meth:`regex`).
    SLOT_FIRST = ("(?=((?P<X>«", "(?=((?P<Y>«")

    def __init__(self, source: str) -> None:
        self.source = source

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled source; one that opens with a slot first takes the slot's « and
        looks back from there, the same groups: the regex engine then skips from « to «
        at C speed, where the source's look-ahead gave it no character to look for and it
        tried the whole pattern at every character. The match itself is that «."""
        source = self.source
        if source.startswith(self.SLOT_FIRST):
            source = f"«(?<={source}«)"
        return re.compile(source, re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text)


@dataclass(frozen=True)
class Cue:
    id: str
    patterns: tuple[CuePattern, ...]
    #: Per pattern, its first run of cue words alone: a pattern cannot match a sentence
    #: this does not, and it is found without the gaps' backtracking (10-100x faster).
    anchors: tuple[re.Pattern[str], ...]
    readings: tuple[Reading, ...]
    examples: bool  # whether "X such as A, B" extends the relation to A and B
    phrase: bool  # whether the relation is stated inside a noun phrase
    catalogue_kinds: tuple[str, ...]  # examples of these kinds inherit, not claim, a kind
    governs: bool  # whether a mention inside its cue words is no object of another cue
    intake: bool  # whether its subject is what the group in its X slot took


@dataclass(frozen=True)
class CueLexicon:
    cues: tuple[Cue, ...]
    clause_stop: re.Pattern[str]
    pronoun: re.Pattern[str]  # a subject pronoun (``gap.before_stop``)
    amount: re.Pattern[str]  # amount words that end just before a mention (``amount``)
    undone: re.Pattern[str]  # a gerund of undoing that opens a subject (``undoing``)
    unclaimed: re.Pattern[str]  # a label opening a sentence that states no claim
    belief: re.Pattern[str]  # lay people's belief the clause after states (``belief``)
    #: "that" opening a complement clause, after the words of ``gap.complement``.
    complement: re.Pattern[str]
    #: Every cue's patterns in lexicon order, each with its cue.
    patterns: tuple[tuple[Cue, CuePattern], ...]
    #: The patterns' anchors, in the same order, sieved by the words they need.
    anchors: Sieve

    def believed(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` that state a belief of lay people, no claim of the text:
        each from the words that report it to the end of its clause (a "but", a
        semicolon, a colon or a dash, or the end)."""
        spans = []
        for found in self.belief.finditer(text):
            end = _BELIEF_ENDS.search(text, found.end())
            spans.append((found.end(), end.start() if end else len(text)))
        return spans

    def tried(self, text: str) -> Iterator[tuple[Cue, CuePattern]]:
        """The patterns that may match ``text``, in lexicon order: those whose anchor's
        needed words it holds and whose anchor it matches; the others need no search."""
        for i in self.anchors.candidates(words_of(text)):
            if self.anchors.patterns[i].search(text):
                yield self.patterns[i]


def _words(words: Iterable[str]) -> str:
    """The alternation of ``words``, the longest first, behind a look-ahead for their first
    characters: where no word can start, one test fails, not one per word (a gap tries its
    stop words before each of its words)."""
    words = sorted(words, key=lambda w: (-len(w), w))
    either = "|".join(re.escape(w) for w in words)
    if not words or not all(words):
        return either
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?=[{firsts}])(?:{either})"


def _literal(text: str) -> str:
    """A template's cue words as a regular expression, word-bounded at its ends."""
    text = re.sub(r" +", r"\\s+", text.strip())
    before = "" if text.startswith(",") else r"(?<![\w’'-])"
    return rf"{before}(?:{text})(?![\w’'-])"


def _anchor(template: str) -> str:
    """The first cue words of ``template`` (see :attr:`Cue.anchors`)."""
    return _literal(next(part for part in _SLOT.split(template)[::2] if part.strip()))


def _adjectival(words: Iterable[str]) -> str:
    """A guard that fails at a participle ("-ed") right after one of ``words``: there it
    modifies the noun after it ("with raised cholesterol"), no verb. The participle is
    looked for first, the words behind only then, in one look-behind per word length (a
    look-behind has one width): the guard is tried at every end of a gap, where a
    participle is rare, and so runs twice as fast and compiles faster."""
    lengths: dict[int, list[str]] = {}
    for w in words:
        lengths.setdefault(len(w), []).append(re.escape(w))
    after = "|".join(rf"(?<=(?<![\w’'-])(?:{'|'.join(same)})\s)" for same in lengths.values())
    return rf"(?!(?=[a-z]+ed(?![\w’'-]))(?:{after}))"


def _compile(
    template: str,
    before: int,
    after: int,
    stops: tuple[str, str, str],
    participle: str,
    measure: str = "",
) -> str:
    """The regular expression of one template over a sentence whose mentions are slots;
    ``stops`` are the words no gap, no gap before and no gap after the cue crosses, and
    ``measure`` a phrase of what measures the object, read past after the cue words as
    the object's ("improved performance on tests of Y" improved Y)."""
    stop, before_stop, after_stop = stops
    # "X, which ...", "X, the sheath that ...", "A and B, all of which ..." (the list is X).
    relative = r"(?:\s*,?\s*(?:(?:all|each|both|most|many) of )?(?:which|that|who|whom)\b)?"
    # "however" and "though" between commas are a parenthesis, no clause ("X, however, can
    # cause Y").
    word = rf"\s*(?!(?!(?:however|though)\s*,)(?:{stop}|{before_stop})\b)"
    words = rf"(?:{word}{_WHOLE}){{0,{max(before - 1, 0)}}}(?:{word}{_WORD}){{0,{min(before, 1)}}}"
    gap_before = rf"{relative}{words}{relative}\s*"
    # After the cue words the gap ends at a slot, which no word holds: whole words only,
    # and a possessor, whose noun is the object ("changed «children»'s «behaviour»").
    gap_word = rf"(?!(?:{stop}|{after_stop})\b){_WHOLE}"
    measured = rf"(?:{measure}\s*)?" if measure else ""
    gap_after = rf"\s*{measured}(?:(?:{gap_word}|{_POSSESSOR})\s*){{0,{after}}}"
    parts = _SLOT.split(template)  # literal, slot, literal, slot, ...
    out: list[str] = []
    literal_count = 0
    for i, part in enumerate(parts):
        if i % 2:
            out.append(rf"(?P<{part}>«\d+»)" + (GLOSS if i < len(parts) - 1 else ""))
            continue
        if not part.strip():
            out.append(r"\s*" if part else "")
            continue
        if i > 0:  # a slot before it
            out.append(gap_before if part.startswith(" ") else r"\s*")
            out.append(participle)
        out.append(f"(?P<c{literal_count}>{_literal(part)})")
        literal_count += 1
        if i < len(parts) - 1:  # a slot after it
            out.append(_LIST_OPENING + gap_after if part.endswith(" ") else r"\s*")
    return f"(?=({''.join(out)}))"


@cache
def load_cues(path: Path = CUES) -> CueLexicon:
    """The compiled cues of ``path``, once per process."""
    data = read_rules(path)
    gap = data["gap"]
    stop = _words(gap["stop"])
    before_stop = _words(gap["before_stop"])
    participle = _adjectival(data["adjective_after"])
    phrases = {f"{{{name}}}": text for name, text in (data.get("phrases") or {}).items()}
    measure = phrases.get("{measure}", "")
    cues = []
    for cue in data["cues"]:
        after_stop = _words([*gap["after_stop"], *cue.get("extra_after_stop", ())])
        before, after = cue.get("gap_before", gap["before"]), cue.get("gap_after", gap["after"])
        templates = _templates(cue, phrases)
        patterns = tuple(
            CuePattern(
                _compile(t, before, after, (stop, before_stop, after_stop), participle, measure)
            )
            for t in templates
        )
        anchors = tuple(re.compile(_anchor(t), re.IGNORECASE) for t in templates)
        readings = tuple(
            Reading(
                r["predicate"],
                bool(r.get("reverse", False)),
                tuple(r.get("subject_is", ())),
                tuple(r.get("object_is", ())),
            )
            for r in cue["readings"]
        )
        cues.append(
            Cue(
                cue["id"],
                patterns,
                anchors,
                readings,
                cue.get("expand", "examples") != "list",
                bool(cue.get("phrase", False)),
                tuple(cue.get("catalogue_kinds", ())),
                bool(cue.get("governs", False)),
                bool(cue.get("intake", False)),
            )
        )
    clause_stop = re.compile(rf"\b(?:{stop})\b|[;:]", re.IGNORECASE)
    pronoun = re.compile(rf"\b(?:{before_stop})\b", re.IGNORECASE)
    amount = re.compile(rf"(?<![\w’'-])(?:{_words(data['amount'])})\s+\Z", re.IGNORECASE)
    undone = re.compile(
        rf"(?:\A|[,;:]|\b(?:that|whether|if))\s*(?:{_words(data['undoing'])})\s+"
        r"(?:(?:a|an|the|this|that|these|your|their|his|her|its|any)\s+)?\Z",
        re.IGNORECASE,
    )
    # "Myth: ...", "Myth #2 – ...": a label, a number perhaps, then a colon or a dash.
    unclaimed = re.compile(
        rf"\W*(?:{_words(data['unclaimed'])})\s*(?:#?\d+\s*)?[:–—]", re.IGNORECASE
    )
    holders, verbs = (_words(data["belief"][k]) for k in ("holders", "verbs"))
    belief = re.compile(
        rf"(?<![\w’'-])(?:{holders}){_BELIEF_BETWEEN}\s+(?:{verbs})\s+that\b", re.IGNORECASE
    )
    complement = re.compile(rf"\b(?:{_words(gap['complement'])})\s+that\b", re.IGNORECASE)
    return CueLexicon(
        tuple(cues),
        clause_stop,
        pronoun,
        amount,
        undone,
        unclaimed,
        belief,
        complement,
        *_indexed(cues),
    )


def _templates(cue: dict, phrases: dict[str, str]) -> list[str]:
    """A cue's templates, their ``{name}`` phrases written out (the lexicon's ``phrases``,
    then ``{be}`` and ``{_}``); for a ``coordinated`` cue, each that opens with its subject
    also as the second verb of a clause, the subject left to the clause (``_COORDINATION``)."""
    templates = list(cue["templates"])
    if cue.get("coordinated", False):
        templates += [_COORDINATION + t[4:] for t in cue["templates"] if t.startswith("{X} ")]
    written = []
    for template in templates:
        for name, text in [*phrases.items(), *_MACROS.items()]:
            template = template.replace(name, text)
        unknown = _PHRASE.search(template)
        if unknown:
            raise ValueError(f"cue {cue['id']}: no phrase {unknown.group()} in the lexicon")
        written.append(template)
    return written


def _indexed(cues: Iterable[Cue]) -> tuple[tuple, Sieve]:
    """The ``patterns`` and ``anchors`` of a :class:`CueLexicon`."""
    pairs = [
        (cue, pattern, anchor)
        for cue in cues
        for pattern, anchor in zip(cue.patterns, cue.anchors, strict=True)
    ]
    return tuple((cue, pattern) for cue, pattern, _ in pairs), Sieve(a for _, _, a in pairs)
