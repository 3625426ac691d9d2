"""One exception tree for nnkg: the CLI turns any of these into one line and exit code 1."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CurationError",
    "EndpointError",
    "NnkgError",
    "NotAcceptableError",
    "PoolBusyError",
    "Problem",
    "PushCheckError",
    "QueryError",
    "QueryMemoryError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "QueryTooLargeError",
    "ResultTooLargeError",
    "ShaclError",
    "SourceFileError",
    "UnknownQueryError",
    "WorkerDiedError",
    "one_line",
]


def one_line(text: object, limit: int = 240) -> str:
    r"""Fold a library's multi-line message into one line, cut to ``limit`` characters.

    >>> one_line("bad token\n  at line 3")
    'bad token at line 3'
    """
    folded = " ".join(str(text).split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


class NnkgError(Exception):
    """Base of every error nnkg raises on purpose (bad input, failed checks)."""


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
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class SourceFileError(NnkgError):
    """A file nnkg needs is missing or cannot be parsed at all."""


class CurationError(NnkgError):
    """The curated input failed its checks; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ShaclError(NnkgError):
    """The built graph does not conform to ontology/shapes.ttl."""


class UnknownEntityError(NnkgError):
    """A name that resolves to no entity, or to more than one."""


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
