"""One exception tree for nnkg: the CLI turns any of these into one line and exit code 1."""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "LINE_LIMIT",
    "LOCATION_LIMIT",
    "MESSAGE_LIMIT",
    "VALUE_LIMIT",
    "CurationError",
    "EndpointError",
    "MoreProblems",
    "NnkgError",
    "NotAcceptableError",
    "PoolBusyError",
    "Problem",
    "ProblemError",
    "PushCheckError",
    "QueryError",
    "QueryMemoryError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "QueryTooLargeError",
    "ResultTooLargeError",
    "SettingError",
    "ShaclError",
    "SourceFileError",
    "UnknownQueryError",
    "WorkerDiedError",
    "one_line",
    "shown",
]

#: The most characters of an input value a message quotes (a value may be megabytes long).
VALUE_LIMIT = 80
#: The most characters of a problem's location (``file:line``, cut at the front so the file's
#: name and line stay), of what follows it, and of the whole: ``error: `` and a problem stay
#: under 400 characters, whatever the input.
LOCATION_LIMIT = 120
MESSAGE_LIMIT = 270
LINE_LIMIT = LOCATION_LIMIT + 2 + MESSAGE_LIMIT
#: What ``str.splitlines`` breaks a line at.
_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: object, limit: int = 240) -> str:
    r"""Fold a library's multi-line message into one line, cut to ``limit`` characters.

    >>> one_line("bad token\n  at line 3")
    'bad token at line 3'
    """
    folded = " ".join(str(text).split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


def _bounded_repr() -> reprlib.Repr:
    bounded = reprlib.Repr()
    bounded.maxlevel = 2
    bounded.maxstring = bounded.maxother = bounded.maxlong = VALUE_LIMIT
    bounded.maxlist = bounded.maxtuple = bounded.maxdict = bounded.maxset = 4
    return bounded


_BOUNDED = _bounded_repr()


def shown(value: object) -> str:
    """How a message quotes an input value: its repr, at most :data:`VALUE_LIMIT` characters.

    Never ``repr()`` of the whole value, which for a long text or an alias-expanded tree
    could be gigabytes; nested containers are elided, long texts cut in the middle.

    >>> shown("zero")
    "'zero'"
    >>> len(shown("x" * 10_000)) <= VALUE_LIMIT
    True
    >>> shown([[[[1]]], 2, 3, 4, 5, 6])
    '[[[...]], 2, 3, 4, ...]'
    """
    text = _BOUNDED.repr(value)
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 3] + "..."


class NnkgError(Exception):
    """Base of every error nnkg raises on purpose (bad input, failed checks)."""


class SettingError(NnkgError):
    """An ``NNKG_*`` environment setting (a limit) that is not a usable number."""


@dataclass(frozen=True, order=True)
class Problem:
    """One curation finding, located as precisely as the input allows.

    >>> str(Problem("claims.yaml", 12, "quote", "not in the document"))
    'claims.yaml:12: quote: not in the document'
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where = _BREAKS.sub(lambda m: repr(m.group())[1:-1], where)  # a file name may hold one
        if len(where) > LOCATION_LIMIT:
            where = "…" + where[1 - LOCATION_LIMIT :]
        name = one_line(self.field, VALUE_LIMIT)  # a field name may come from the input
        text = f"{name}: {self.message}" if name else self.message
        return f"{where}: {one_line(text, MESSAGE_LIMIT)}"


@dataclass(frozen=True, order=True)
class MoreProblems(Problem):
    """The last line of a file's problems when more were found than are shown."""


class ProblemError(Exception):
    """A Problem that ends the reading of one file, raised where found and caught where the
    problems are collected (so it never reaches the user as an exception of its own)."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class SourceFileError(NnkgError):
    """A file nnkg needs is missing or cannot be parsed at all."""


class CurationError(NnkgError):
    """The curated input failed its checks; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_order)
        super().__init__("\n".join(str(p) for p in self.problems))


def _order(problem: Problem) -> tuple:
    """By file, then line; a file's "and N more" line last."""
    return (
        problem.file,
        isinstance(problem, MoreProblems),
        problem.line,
        problem.field,
        problem.message,
    )


class ShaclError(NnkgError):
    """The built graph does not conform to ontology/shapes.ttl."""


class UnknownEntityError(NnkgError):
    """A name that resolves to no entity, or to more than one; ``matches`` holds the labels
    of the closest entities (when ambiguous, of every entity the name names), so a script
    can offer them as the message does.

    >>> UnknownEntityError("unknown entity 'b12'", ["vitamin B12"]).matches
    ['vitamin B12']
    """

    def __init__(self, message: str, matches: Iterable[str] = ()):
        super().__init__(message)
        self.matches = list(matches)


class UnknownQueryError(NnkgError):
    """A query name that is neither a canned query nor a file."""


class PushCheckError(NnkgError):
    """The endpoint holds fewer triples than were sent."""


class EndpointError(NnkgError):
    """A remote endpoint or graph store could not be reached, or refused the request."""


class QueryError(NnkgError):
    """A query that could not run or whose answer could not be given."""


class QuerySyntaxError(QueryError):
    """The query text is not SPARQL; the message names the line and column."""


class QueryRefusedError(QueryError):
    """The query would change the graph or reach the network, which nnkg never does."""


class QueryTooLargeError(QueryError):
    """The query text is longer or nests deeper than nnkg parses."""


class NotAcceptableError(QueryError):
    """The client accepts none of the formats this kind of answer can be written in."""


class ResultTooLargeError(QueryError):
    """The answer has more rows than the caller allows."""


class QueryTimeoutError(QueryError):
    """A query ran past the time limit; its worker was stopped."""


class QueryMemoryError(QueryError):
    """A query took more memory than allowed; its worker was stopped."""


class PoolBusyError(QueryError):
    """Every worker stayed busy for the whole time limit."""


class WorkerDiedError(QueryError):
    """A worker process ended while answering."""
