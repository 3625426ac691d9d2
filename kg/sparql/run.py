"""Run SPARQL over the built graph (rdflib in memory, Oxigraph on disk) or a remote endpoint.

Queries see the union of every named graph; ``GRAPH src:…`` narrows to one source. The
nnkg prefixes (``nnkg:``, ``ent:``, ``claim:``, ``src:``, ``rdfs:`` …) are predeclared for
the local stores. Nothing reaches the network or a file unless the caller names an
endpoint: every query is checked from a real parse first (:mod:`kg.sparql.guard`), and it runs on
a deep stack, so hostile nesting meets a limit, never a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.base.errors import (
    QueryError,
    QueryRefusedError,
    QuerySyntaxError,
    QueryTooLargeError,
    ResultTooLargeError,
)

if TYPE_CHECKING:
    from kg.sparql.engines import Engine, Limits
    from kg.sparql.results import Result

__all__ = [
    "QueryError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "QueryTooLargeError",
    "ResultTooLargeError",
    "open_engine",
    "run_query",
]


def open_engine(
    store: str = "memory",
    build_dir: Path | None = None,
    endpoint: str | None = None,
    cache_root: Path | None = None,
    auth: tuple[str, str] | None = None,
) -> Engine:
    """The engine that answers: ``endpoint`` (with HTTP basic ``auth``) when named, else
    the built graph in ``store`` (one of :data:`kg.sparql.engines.STORES`)."""
    from kg.sparql.engines import EndpointEngine, EngineSpec

    if endpoint:
        return EndpointEngine(endpoint, auth)
    return EngineSpec.load(store, build_dir, cache_root).open()


def run_query(engine: Engine, text: str, limits: Limits | None = None) -> Result:
    """Check ``text`` (see :func:`kg.sparql.guard.check_query`), run it within ``limits``, and fix
    the row order where ORDER BY does not."""
    from kg.base.deepstack import on_deep_stack
    from kg.sparql.engines import EndpointEngine, Limits
    from kg.sparql.guard import check_query

    def run() -> Result:
        query = check_query(text, remote=isinstance(engine, EndpointEngine))
        result = engine.run(query, limits or Limits())
        return result if query.ordered else result.sorted()

    return on_deep_stack(run)
