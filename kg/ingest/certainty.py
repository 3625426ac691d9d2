"""Stage 4 of ``nnkg ingest``: how firmly a sentence states a relation, and whether it
denies it.

The rules (``data/context.yaml``) follow medspacy's ConText: a modifier (a hedge or a
negation) reaches forward, backward or both ways until a terminator ("but", "which", ";")
ends its clause. A relation is hedged or denied only when a modifier's scope reaches the
words of its cue, so "people who do not eat meat are at risk of X" is not a denial: that
"not" governs "eat", not "are at risk of".

A sentence's modifiers and terminators are found once for all its candidates, and a rule
whose needed words (:mod:`kg.ingest.regexwords`) the sentence lacks is not searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.base.model import Certainty
from kg.ingest.model import Mention, Sentence
from kg.ingest.regexwords import Sieve, words_of
from kg.ingest.ruledata import read_rules

__all__ = ["CONTEXT", "assess", "hedges"]

CONTEXT = Path(__file__).parent / "data" / "context.yaml"

_WORDS = re.compile(r"[\w’'-]+|[^\w\s]")
_CATEGORIES = ("HEDGE", "NEGATED")
_DIRECTIONS = ("FORWARD", "BACKWARD", "BIDIRECTIONAL")
_SCOPES = ("clause", "verb", "cue", "sentence")
#: Words that join a second verb to the first under one negation ("not A or B").
_DISJUNCTION = frozenset({"or", "nor"})


@dataclass(frozen=True)
class _Rule:
    literal: str
    pattern: re.Pattern[str]
    category: str
    direction: str
    scope: str
    max_scope: int | None


@dataclass(frozen=True)
class _Context:
    rules: tuple[_Rule, ...]
    modifiers: Sieve  # the rules' patterns, in order
    pseudo: Sieve
    terminators: Sieve
    chain: frozenset[str]


def _pattern(entry: dict) -> re.Pattern[str]:
    if "pattern" in entry:
        return re.compile(entry["pattern"], re.IGNORECASE)
    words = r"\s+".join(re.escape(w) for w in entry["literal"].split())
    return re.compile(rf"(?<![\w’'-]){words}(?![\w’'-])", re.IGNORECASE)


@cache
def _context(path: Path = CONTEXT) -> _Context:
    data = read_rules(path)
    rules = []
    for entry in data["rules"]:
        rule = _Rule(
            entry["literal"],
            _pattern(entry),
            entry["category"],
            entry["direction"],
            entry.get("scope", "clause"),
            entry.get("max_scope"),
        )
        if (
            rule.category not in _CATEGORIES
            or rule.direction not in _DIRECTIONS
            or rule.scope not in _SCOPES
        ):
            raise ValueError(f"{path}: rule {rule.literal!r} has a bad category/direction/scope")
        rules.append(rule)
    return _Context(
        tuple(rules),
        Sieve(rule.pattern for rule in rules),
        Sieve(_pattern(e) for e in data["pseudo"]),
        Sieve(_pattern(e) for e in data["terminators"]),
        frozenset(w.casefold() for w in data["chain"]),
    )


@dataclass(frozen=True)
class _Modifier:
    start: int
    end: int
    rule: _Rule


@dataclass(frozen=True)
class _Reading:
    """What the rules find in a sentence, whatever the relation."""

    modifiers: tuple[_Modifier, ...]  # in the order of their spans
    terminators: tuple[tuple[int, int], ...]  # sorted


@lru_cache(maxsize=16)
def _read(text: str) -> _Reading:
    """The rules' findings in ``text``: the candidates of a sentence come one after another,
    so a few sentences kept serve them all."""
    context = _context()
    words = words_of(text)
    modifiers = sorted(_modifiers(text, words, context), key=lambda m: (m.start, m.end))
    terminators = sorted(m.span() for _, m in context.terminators.finditer(text, words))
    return _Reading(tuple(modifiers), tuple(terminators))


def _modifiers(text: str, words: frozenset[str], context: _Context) -> list[_Modifier]:
    """Every modifier in ``text``, without those inside a longer one or a pseudo phrase."""
    found = [
        _Modifier(m.start(), m.end(), context.rules[i])
        for i, m in context.modifiers.finditer(text, words)
        if m.end() > m.start()
    ]
    blocked = [m.span() for _, m in context.pseudo.finditer(text, words)]

    def inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return b[0] <= a[0] and a[1] <= b[1] and a != b

    spans = [(f.start, f.end) for f in found]
    return [
        f
        for f in found
        if not any(inside((f.start, f.end), s) for s in spans)
        and not any(s <= f.start and f.end <= e for s, e in blocked)
    ]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _verb_heads(text: str, start: int, clause_end: int, chain: frozenset[str]) -> list[tuple]:
    """The verbs a verb-scope modifier ending at ``start`` attaches to: the first word after
    it that is not an auxiliary or adverb of ``chain``, and any verb joined to that one by
    "or"/"nor" before the clause ends."""
    words = [
        (m.start() + start, m.end() + start, m.group())
        for m in _WORDS.finditer(text[start:clause_end])
    ]

    def head_from(i: int) -> int | None:
        while i < len(words):
            word = words[i][2].casefold()
            if word not in chain and not (word.endswith("ly") and len(word) > 4):
                return i if word[0].isalnum() else None
            i += 1
        return None

    first = head_from(0)
    if first is None:
        return []
    heads = [first]
    for i in range(first + 1, len(words)):
        if words[i][2].casefold() in _DISJUNCTION:
            head = head_from(i + 1)
            if head is not None:
                heads.append(head)
    return [words[i][:2] for i in heads]


def _governs(
    text: str,
    modifier: _Modifier,
    cue: tuple[int, int],
    terminators: list[tuple[int, int]],
    chain: frozenset[str],
) -> bool:
    """Whether ``modifier``'s scope reaches the cue (offsets relative to ``text``)."""
    rule = modifier.rule
    if _overlaps((modifier.start, modifier.end), cue) or rule.scope == "sentence":
        return True
    if rule.scope == "cue":
        return False

    def clause_end(at: int) -> int:
        return min([s for s, _ in terminators if s >= at], default=len(text))

    def open_between(a: int, b: int) -> bool:
        if any(a <= s and (e <= b or s == b) for s, e in terminators):
            return False
        return rule.max_scope is None or len(_WORDS.findall(text[a:b])) <= rule.max_scope

    if rule.scope == "verb":
        if modifier.end > cue[0]:
            return False
        heads = _verb_heads(text, modifier.end, clause_end(modifier.end), chain)
        return any(_overlaps(head, cue) for head in heads)
    forward = rule.direction in ("FORWARD", "BIDIRECTIONAL") and modifier.end <= cue[0]
    backward = rule.direction in ("BACKWARD", "BIDIRECTIONAL") and cue[1] <= modifier.start
    return (forward and open_between(modifier.end, cue[0])) or (
        backward and open_between(cue[1], modifier.start)
    )


def assess(
    sentence: Sentence, subject: Mention, object: Mention, cue_span: tuple[int, int]
) -> tuple[Certainty, bool, str]:
    """The certainty of the relation whose cue words span ``cue_span`` (document offsets),
    whether the sentence denies it, and the modifier words that decided, e.g.
    ``"HEDGE: may; NEGATED: not"`` ("" when none did).

    A modifier inside the subject's or the object's own words ("non-dairy foods", "no
    symptoms") says nothing about the relation and is left out.
    """
    text, base = sentence.text, sentence.start
    reading = _read(text)
    cue = (cue_span[0] - base, cue_span[1] - base)
    own = [(m.start - base, m.end - base) for m in (subject, object)]
    # one inside the cue's words is its own ("X, which may cause Y"), save a comma's the
    # cue opens with: ", all of which are needed for Y" ends the clause before it
    terminators = [
        s
        for s in reading.terminators
        if not _overlaps(s, cue) or (s[0] == cue[0] and text.startswith(",", s[0]))
    ]
    chain = _context().chain
    fired: dict[str, list[str]] = {category: [] for category in _CATEGORIES}
    for modifier in reading.modifiers:
        span = (modifier.start, modifier.end)
        if any(_overlaps(span, m) for m in own):
            continue
        if _governs(text, modifier, cue, terminators, chain):
            words = text[modifier.start : modifier.end]
            if words not in fired[modifier.rule.category]:
                fired[modifier.rule.category].append(words)
    certainty = Certainty.HEDGED if fired["HEDGE"] else Certainty.ASSERTED
    note = "; ".join(f"{c}: {', '.join(w)}" for c, w in fired.items() if w)
    return certainty, bool(fired["NEGATED"]), note


def hedges(text: str) -> list[str]:
    """The hedge words of a short ``text`` that relates nothing itself, whatever their
    scope: a bare answer ("Probably not", "Unlikely") qualifies the question it answers."""
    return [text[m.start : m.end] for m in _read(text).modifiers if m.rule.category == "HEDGE"]
