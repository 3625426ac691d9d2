"""Run SPARQL over the built graph (rdflib in memory, Oxigraph on disk) or a remote endpoint.

Queries see the union of every named graph; ``GRAPH src:…`` narrows to one source. The
nnkg prefixes (``nnkg:``, ``ent:``, ``claim:``, ``src:``, ``rdfs:`` …) are predeclared for
the local stores. Nothing reaches the network unless the caller names an endpoint: rdflib's
graph loading is switched off, and SERVICE, LOAD and updates are refused before any engine
sees them (Oxigraph would otherwise run SERVICE over HTTP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import (
    QueryError,
    QueryRefusedError,
    QuerySyntaxError,
    ResultTooLargeError,
    one_line,
)

if TYPE_CHECKING:
    from .engines import Engine
    from .results import Result

__all__ = [
    "STORES",
    "QueryError",
    "QueryRefusedError",
    "QueryShape",
    "QuerySyntaxError",
    "ResultTooLargeError",
    "inspect_query",
    "open_engine",
    "refuse_unsafe",
    "run_query",
    "syntax_error",
]

STORES = ("memory", "oxigraph")


_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_UPDATES = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
# Comments, strings and IRIs are skipped whole, so a keyword inside them never counts.
_TOKENS = re.compile(
    r"""
      (?P<skip>\#[^\n]*
        | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
        | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
        | <[^<>"{}|^`\\\s]*>)
    | (?P<open>\{) | (?P<close>\})
    | (?P<word>[?$@]?[\w:.\-]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class QueryShape:
    """What a cheap scan of the query text tells, before any engine parses it."""

    form: str | None  # SELECT | ASK | CONSTRUCT | DESCRIBE; None if no form keyword
    ordered: bool  # ORDER BY on the outer query: keep the engine's row order
    update: str | None  # the first update keyword (INSERT, LOAD …), if any
    service: bool  # uses SERVICE (a federated query over the network)
    dataset: bool  # has FROM or FROM NAMED, which could name a file or a web page


def inspect_query(text: str) -> QueryShape:
    """Scan ``text`` for its form, an outer ORDER BY, updates, SERVICE and FROM.

    >>> inspect_query('SELECT * { ?s ?p "SERVICE" } ORDER BY ?s')
    QueryShape(form='SELECT', ordered=True, update=None, service=False, dataset=False)
    >>> inspect_query("LOAD <http://example.org/x>").update
    'LOAD'
    """
    form = update = previous = None
    ordered = service = dataset = False
    depth = 0
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "word" and match.group().isalpha():
            word = match.group().upper()
            if word in _FORMS and form is None:
                form = word
            elif word in _UPDATES and update is None:
                update = word
            service = service or word == "SERVICE"
            dataset = dataset or word == "FROM"
            ordered = ordered or (word == "BY" and previous == "ORDER" and depth == 0)
            previous = word
    return QueryShape(form, ordered, update, service, dataset)


def refuse_unsafe(shape: QueryShape, *, remote: bool = False) -> None:
    """Raise :class:`QueryRefusedError` for updates, and for SERVICE and FROM (which may
    name files or web pages) unless the query goes to a ``remote`` endpoint."""
    if shape.update:
        raise QueryRefusedError(
            f"{shape.update} is a SPARQL update and updates are refused: nnkg only reads the graph"
        )
    if shape.service and not remote:
        raise QueryRefusedError(
            "SERVICE is refused: a query on the local graph never reaches the network"
        )
    if shape.dataset and not remote:
        raise QueryRefusedError(
            "FROM is refused: it may name a file or a web page; queries see every source, "
            "and GRAPH src:<id> narrows to one"
        )


_RDFLIB_POSITION = re.compile(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)$")
_OXIGRAPH_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def syntax_error(exc: Exception) -> QuerySyntaxError:
    """One line naming the position, from an rdflib (pyparsing) or Oxigraph parse error."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    message = _RDFLIB_POSITION.sub("", str(exc))
    found = _OXIGRAPH_POSITION.match(message)
    if found:
        line, column = found.groups()
        message = message[found.end() :]
    where = f" at line {line}, column {column}" if line else ""
    return QuerySyntaxError(f"SPARQL syntax error{where}: {one_line(message, 200)}")


def open_engine(
    store: str = "memory",
    build_dir: Path | None = None,
    endpoint: str | None = None,
    cache_root: Path | None = None,
    auth: tuple[str, str] | None = None,
) -> Engine:
    """The engine that answers: ``endpoint`` (with HTTP basic ``auth``) when named, else
    the built graph in ``store``."""
    from .engines import EndpointEngine, MemoryEngine, OxigraphEngine

    if endpoint:
        return EndpointEngine(endpoint, auth)
    if store == "oxigraph":
        from .store import open_store

        return OxigraphEngine(open_store(build_dir, cache_root))
    if store != "memory":
        raise ValueError(f"unknown store {store!r} (one of {', '.join(STORES)})")
    from .load import load_dataset

    return MemoryEngine(load_dataset(build_dir))


def run_query(engine: Engine, text: str, max_rows: int | None = None) -> Result:
    """Check ``text`` is safe, run it, and fix the row order where ORDER BY does not."""
    from .engines import EndpointEngine

    shape = inspect_query(text)
    refuse_unsafe(shape, remote=isinstance(engine, EndpointEngine))
    result = engine.run(text, shape, max_rows)
    return result if shape.ordered else result.sorted()
