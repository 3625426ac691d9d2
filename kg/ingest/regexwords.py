"""The words a regular expression cannot match without: a prefilter for many regexes.

A text is tried against each of dozens of cue patterns; most patterns cannot match most
sentences, and a set lookup says so faster than a regex search does. Each run of a pattern
between its white space (``\\s+``, a space) is spelled out from :mod:`re`'s own parse of it
into the words it can start with; a text that holds none of one run's words cannot match.
Runs that cannot be spelled out (``\\w+``, a class of letters, an open repeat) ask nothing,
and assertions are skipped, so the words asked for are never more than a match holds.

Words are runs of ``[\\w’'-]`` and single marks, folded as IGNORECASE matching folds
them onto ASCII; a pattern word with other than ASCII characters is not spelled out. As
``\\b`` takes ``’``, ``'`` and ``-`` for bounds, a word's pieces between them count as words
too ("vitamin-d" holds "vitamin" and "d"), so a run bounded by ``\\b`` is spelled out as well.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterable, Iterator
from functools import lru_cache

__all__ = ["Sieve", "required_words", "words_of"]

#: The characters IGNORECASE matching takes for an ASCII letter besides its two cases.
_ASCII_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_WORDISH = r"[\w’'-]"
_TEXT_WORD = re.compile(rf"{_WORDISH}+|[^\w’'\s-]")
#: The marks inside a word that ``\b`` takes for bounds.
_MARKS = "’'-"
#: The word bounds that open and close a cue's words, ``\b``, and white space, as parsed.
_BOUND_BEFORE, _BOUND_AFTER, _BOUNDARY, *_SPACES = (
    repr(sre_parse.parse(p).data[0])
    for p in (rf"(?<!{_WORDISH})", rf"(?!{_WORDISH})", r"\b", r"\s", " ")
)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_MAX_WORDS = 500


@lru_cache(maxsize=64)
def words_of(text: str) -> frozenset[str]:
    """The words and marks of ``text`` and the pieces of its words, folded (see
    :func:`required_words`); remembered for a few texts, as the stages ask of a sentence
    in turn (promotion, then certainty)."""
    words = set(map(str.lower, _TEXT_WORD.findall(text.translate(_ASCII_TWINS))))
    for word in [w for w in words if "-" in w or "'" in w or "’" in w]:
        words |= _pieces(word)
    return frozenset(words)


def _pieces(word: str) -> set[str]:
    """The runs of ``word`` that start at its start or just after a mark of ``_MARKS``, and
    end at its end or just before one: the words ``\\b`` may bound in it."""
    cuts = [i for i, char in enumerate(word) if char in _MARKS]
    starts, ends = [0, *(i + 1 for i in cuts)], [*cuts, len(word)]
    return {word[a:b] for a in starts for b in ends if a < b}


class Sieve:
    """Regexes, each with the ids of the sets of words it needs (:func:`required_words`):
    a text that lacks one of a pattern's sets is not searched for it."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]):
        ids: dict[frozenset[str], int] = {}
        self.patterns = tuple(patterns)
        self.needs = tuple(
            frozenset(ids.setdefault(w, len(ids)) for w in required_words(p.pattern))
            for p in self.patterns
        )
        index: dict[str, set[int]] = {}
        for words, i in ids.items():
            for word in words:
                index.setdefault(word, set()).add(i)
        self.index = {word: frozenset(found) for word, found in index.items()}
        #: The patterns that need nothing, and the others under one set each they need: a
        #: text is checked against the patterns of the sets it meets, not against them all.
        self.free = [i for i, needs in enumerate(self.needs) if not needs]
        self.by_need: dict[int, list[int]] = {}
        for i, needs in enumerate(self.needs):
            if needs:
                self.by_need.setdefault(min(needs), []).append(i)

    def candidates(self, words: Iterable[str]) -> Iterator[int]:
        """The indices, in order, of the patterns a text whose :func:`words_of` are
        ``words`` holds every needed set of: the only ones that may match it."""
        met: set[int] = set()
        for word in words:
            met.update(self.index.get(word, ()))
        needs = self.needs
        found = [i for need in met for i in self.by_need.get(need, ()) if needs[i] <= met]
        return iter(sorted(self.free + found))

    def finditer(self, text: str, words: frozenset[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Each pattern's matches in ``text`` (whose :func:`words_of` are ``words``) with the
        pattern's index, in the patterns' order."""
        for i in self.candidates(words):
            for match in self.patterns[i].finditer(text):
                yield i, match


def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of words (as :func:`words_of` gives them), each of which has a member in any
    text ``pattern`` matches: one per run of the pattern between white space that can be
    spelled out and that starts and ends at a word bound (white space, the bounds
    ``(?<![\\w’'-])`` / ``(?![\\w’'-])`` that open and close it, or ``\\b``)."""
    nodes = _spliced(sre_parse.parse(pattern).data)
    runs: list[list] = [[]]
    for node in nodes:
        if _is_space(node):
            runs.append([])
        else:
            runs[-1].append(node)
    bounded = _bound(nodes[0]) if nodes else None
    closed = bool(nodes) and repr(nodes[-1]) == _BOUND_AFTER
    found = (
        _spelled(run, "word" if i > 0 else bounded, i < len(runs) - 1 or closed)
        for i, run in enumerate(runs)
    )
    return tuple(words for words in found if words)


def _bound(node: tuple) -> str | None:
    """What a pattern that starts with ``node`` starts at: a word's start, the start of a
    piece of one (``\\b``), or neither (None)."""
    found = repr(node)
    return "word" if found == _BOUND_BEFORE else "piece" if found == _BOUNDARY else None


def _spliced(nodes: list) -> list:
    """``nodes`` with their groups opened: a group matches as its contents do."""
    out: list = []
    for op, av in nodes:
        if op is sre.SUBPATTERN:
            out += _spliced(av[3])
        elif op is sre.ATOMIC_GROUP:
            out += _spliced(av)
        else:
            out.append((op, av))
    return out


def _is_space(node: tuple) -> bool:
    op, av = node
    if op in _REPEATS:
        return av[0] >= 1 and len(av[2]) == 1 and repr(av[2][0]) in _SPACES
    return repr(node) in _SPACES


def _spelled(run: list, bounded: str | None, closed: bool) -> frozenset[str] | None:
    """The words ``run`` can start with; None when they cannot be spelled out, the run may
    match nothing, or its last word may go on past it (not ``closed``)."""
    walk = _Walk(bounded)
    try:
        still_open = walk.walk(run, {""})
    except _Open:
        return None
    if "" in still_open or (still_open and not closed):
        return None
    return frozenset(walk.closed | still_open)


class _Open(Exception):
    """A regex whose first words cannot be spelled out."""


class _Walk:
    """A walk through parsed nodes that spells out every first word they can match."""

    def __init__(self, bounded: str | None):
        self.bounded = bounded  # what the nodes start at (see :func:`_bound`)
        self.closed: set[str] = set()  # the words ended so far

    def step(self, word: str, char: str) -> str | None:
        """``word`` read on by ``char``: the longer word, or None once ``char`` ends it."""
        if re.fullmatch(_WORDISH, char):
            if not char.isascii() or not (word or self.bounded):
                raise _Open
            if not word and self.bounded == "piece" and char in _MARKS:
                raise _Open  # a mark just after ``\b`` goes on from a word before it
            return word + char.lower()
        if not char.isascii() or (not word and char.isspace()):
            raise _Open
        self.closed.add(word or char)
        return None

    def walk(self, nodes: list, words: set[str]) -> set[str]:
        """The words still open after ``nodes``, from the open ``words``."""
        for op, av in nodes:
            if not words:
                break
            if op in (sre.LITERAL, sre.IN):
                chars = [chr(av)] if op is sre.LITERAL else _chars(av)
                steps = (self.step(w, c) for w in words for c in chars)
                words = {w for w in steps if w is not None}
            elif op is sre.BRANCH:
                words = set().union(*(self.walk(alt, words) for alt in av[1]))
            elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
                words = self.walk(av[3] if op is sre.SUBPATTERN else av, words)
            elif op in _REPEATS:
                words = self.repeat(*av, words)
            elif repr((op, av)) == _BOUNDARY:
                words = self.bound(words)
            elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                raise _Open
            if len(words) + len(self.closed) > _MAX_WORDS:
                raise _Open
        return words

    def bound(self, words: set[str]) -> set[str]:
        """The open ``words`` at a ``\\b``: those that end in a letter or digit end there,
        at the end of a piece of a word; the others (none yet, or a mark) stay open."""
        ended = {w for w in words if w and w[-1] not in _MARKS}
        self.closed |= ended
        return words - ended

    def repeat(self, low: int, high: int, body: list, words: set[str]) -> set[str]:
        found: set[str] = set()
        for count in range(_MAX_WORDS):
            if count >= low:
                found |= words
            if count == high or not words:
                return found
            words = self.walk(body, words)
        raise _Open


def _chars(items: list) -> list[str]:
    """The characters of a class ``[...]``: its letters, ranges and white space."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 64:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.append(" ")
        else:
            raise _Open
    return chars
