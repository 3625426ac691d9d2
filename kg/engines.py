"""The three engines that answer SPARQL, each giving its answer as a :class:`Result`.

``MemoryEngine`` is rdflib over a union view of the Dataset, ``OxigraphEngine`` a pyoxigraph
store queried with its default graph as the union of the named graphs, ``EndpointEngine``
a remote SPARQL 1.1 Protocol endpoint. Safety checks happen before (see
:func:`kg.sparql.run_query`); here each engine only runs, converts and limits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from .errors import one_line
from .results import GRAPH_FORMS, Result, from_sparql_json, term_from_oxigraph, term_from_rdflib
from .sparql import QueryError, QueryShape, QuerySyntaxError, ResultTooLargeError, syntax_error

__all__ = ["EndpointEngine", "Engine", "MemoryEngine", "OxigraphEngine"]

T = TypeVar("T")


class Engine(Protocol):
    def run(self, text: str, shape: QueryShape, max_rows: int | None) -> Result: ...


def _too_large(max_rows: int) -> ResultTooLargeError:
    return ResultTooLargeError(
        f"the answer has more than {max_rows} rows, the limit: add LIMIT or narrow it"
    )


def _take(items: Iterable[T], max_rows: int | None) -> tuple[T, ...]:
    """All of ``items``, or ResultTooLargeError as soon as there are more than ``max_rows``."""
    taken: list[T] = []
    for item in items:
        taken.append(item)
        if max_rows is not None and len(taken) > max_rows:
            raise _too_large(max_rows)
    return tuple(taken)


def _prefixes() -> dict[str, str]:
    from .vocab import PREFIXES

    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


class MemoryEngine:
    """rdflib, in memory: the Dataset's named graphs stay apart, queries see their union."""

    def __init__(self, dataset) -> None:
        from rdflib import Dataset

        self._view = Dataset(store=dataset.store, default_union=True)

    def run(self, text: str, shape: QueryShape, max_rows: int | None) -> Result:
        from pyparsing import ParseException
        from rdflib.plugins import sparql
        from rdflib.plugins.sparql import prepareQuery

        sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> must never fetch anything
        prefixes = _prefixes()
        try:
            prepared = prepareQuery(text, initNs=prefixes)
        except ParseException as exc:
            raise syntax_error(exc) from None
        except Exception as exc:  # rdflib reports an unknown prefix and the like this way
            raise QuerySyntaxError(f"SPARQL syntax error: {one_line(exc, 200)}") from None
        try:
            answer = self._view.query(prepared, initNs=prefixes)
            if answer.type == "ASK":
                return Result("ASK", boolean=bool(answer.askAnswer))
            if answer.type in GRAPH_FORMS:
                triples = _take(answer.graph, max_rows)
                return Result(
                    answer.type,
                    triples=tuple(tuple(term_from_rdflib(t) for t in triple) for triple in triples),
                )
            rows = _take(answer, max_rows)
            return Result(
                "SELECT",
                tuple(str(v) for v in answer.vars),
                tuple(tuple(None if t is None else term_from_rdflib(t) for t in r) for r in rows),
            )
        except QueryError:
            raise
        except Exception as exc:  # an evaluation error inside rdflib
            raise QueryError(f"query failed: {one_line(exc, 200)}") from None


class OxigraphEngine:
    """pyoxigraph on a store whose default graph is the merge of its named graphs."""

    def __init__(self, store) -> None:
        self._store = store

    def run(self, text: str, shape: QueryShape, max_rows: int | None) -> Result:
        import pyoxigraph as ox

        try:
            answer = self._store.query(text, prefixes=_prefixes())
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        try:
            if isinstance(answer, ox.QueryBoolean):
                return Result("ASK", boolean=bool(answer))
            if isinstance(answer, ox.QueryTriples):
                triples = _take(answer, max_rows)
                form = shape.form if shape.form in GRAPH_FORMS else "CONSTRUCT"
                return Result(form, triples=tuple(_oxigraph_triple(t) for t in triples))
            variables = tuple(v.value for v in answer.variables)
            rows = _take(_oxigraph_rows(answer, variables), max_rows)
            return Result("SELECT", variables, rows)
        except QueryError:
            raise
        except Exception as exc:  # an evaluation error inside Oxigraph
            raise QueryError(f"query failed: {one_line(exc, 200)}") from None


def _oxigraph_triple(triple) -> tuple:
    return tuple(term_from_oxigraph(t) for t in (triple.subject, triple.predicate, triple.object))


def _oxigraph_rows(solutions, variables: tuple[str, ...]) -> Iterator[tuple]:
    for solution in solutions:
        yield tuple(
            None if solution[v] is None else term_from_oxigraph(solution[v]) for v in variables
        )


class EndpointEngine:
    """A remote SPARQL 1.1 Protocol endpoint (Oxigraph, Fuseki, Virtuoso, nnkg serve …)."""

    def __init__(self, url: str, auth: tuple[str, str] | None = None) -> None:
        self.url = url
        self._auth = auth

    def run(self, text: str, shape: QueryShape, max_rows: int | None) -> Result:
        from .remote import http_client, redact, send

        graph = shape.form in GRAPH_FORMS
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        with http_client(self._auth) as client:
            response = send(
                client,
                "POST",
                self.url,
                what="query",
                data={"query": text},
                headers={"Accept": accept},
            )
        media = response.headers.get("content-type", "").split(";")[0].strip()
        try:
            if graph:
                result = _parse_graph(response.content, media, shape.form)
            else:
                result = from_sparql_json(response.content, shape.form or "SELECT")
        except (ValueError, KeyError, SyntaxError) as exc:
            raise QueryError(
                f"{redact(self.url)} did not answer with {accept} ({media or 'no type'}): "
                f"{one_line(exc, 120)}"
            ) from None
        if max_rows is not None and len(result) > max_rows:
            raise _too_large(max_rows)
        return result


def _parse_graph(data: bytes, media: str, form: str) -> Result:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise ValueError(f"unknown RDF media type {media!r}")
    return Result(form, triples=tuple(_oxigraph_triple(q) for q in ox.parse(data, fmt)))
