"""The three engines that answer SPARQL, each giving its answer as a :class:`Result`.

``MemoryEngine`` is rdflib over a union view of the Dataset, ``OxigraphEngine`` a pyoxigraph
store queried with its default graph as the union of the named graphs, ``EndpointEngine``
a remote SPARQL 1.1 Protocol endpoint. Each runs a :class:`kg.sparql.guard.CheckedQuery` (the
checks happen before, in :func:`kg.sparql.run.run_query`) and stops taking rows at its
:class:`Limits`; here each engine only runs, converts and limits. An :class:`EngineSpec` is
the one way to a local engine: loaded where the build is read, opened where queries run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.base.errors import QueryError, QueryRefusedError, ResultTooLargeError, one_line
from kg.base.media import MEDIA
from kg.sparql.guard import REFUSED_SERVICE, CheckedQuery, syntax_error
from kg.sparql.results import (
    GRAPH_FORMS,
    Result,
    Term,
    from_sparql_json,
    term_from_oxigraph,
    term_from_rdflib,
)

if TYPE_CHECKING:
    from kg.base.manifest import VerifiedBuild

__all__ = [
    "STORES",
    "EndpointEngine",
    "Engine",
    "EngineSpec",
    "Limits",
    "MemoryEngine",
    "OxigraphEngine",
]

#: The local stores a built graph is queried in.
STORES = ("memory", "oxigraph")


@dataclass(frozen=True)
class Limits:
    """How big an answer may be: ``rows`` rows (or triples) and ``chars`` characters of term
    text in all; None means no limit."""

    rows: int | None = None
    chars: int | None = None


class Engine(Protocol):
    def run(self, query: CheckedQuery, limits: Limits) -> Result: ...


def _take(items: Iterable[tuple[Term | None, ...]], limits: Limits) -> tuple:
    """All of ``items`` (rows or triples of terms), or ResultTooLargeError as soon as there
    are more than the limits allow, so an answer too large is never held whole."""
    taken: list = []
    chars = 0
    for item in items:
        taken.append(item)
        if limits.rows is not None and len(taken) > limits.rows:
            raise ResultTooLargeError(
                f"the answer has more than {limits.rows:,} rows, the limit: add LIMIT or narrow it"
            )
        if limits.chars is not None:
            chars += sum(len(t.value) for t in item if t is not None)
            if chars > limits.chars:
                raise ResultTooLargeError(
                    f"the answer holds more than {limits.chars:,} characters of text, the "
                    "limit: select fewer or shorter values"
                )
    return tuple(taken)


#: True while a MemoryEngine evaluates: rdflib's SERVICE is refused then, and only then, so
#: that other rdflib users in the same process keep rdflib as it is.
_GUARDED: ContextVar[bool] = ContextVar("nnkg_guarded", default=False)


def _refuse_service(ctx, part):
    """rdflib's hook for every algebra part: SERVICE is refused while nnkg evaluates, the
    rest evaluated as usual (a second line behind :func:`kg.sparql.guard.check_query`)."""
    if part.name == "ServiceGraphPattern" and _GUARDED.get():
        raise QueryRefusedError(REFUSED_SERVICE)
    raise NotImplementedError


class MemoryEngine:
    """rdflib, in memory: the Dataset's named graphs stay apart, queries see their union."""

    def __init__(self, dataset) -> None:
        from rdflib import Dataset
        from rdflib.plugins import sparql

        sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> must never fetch anything
        sparql.CUSTOM_EVALS["nnkg-refuse-service"] = _refuse_service
        self._view = Dataset(store=dataset.store, default_union=True)

    def run(self, query: CheckedQuery, limits: Limits) -> Result:
        from kg.base import vocab

        prepared = query.prepared()
        guarded = _GUARDED.set(True)
        try:
            answer = self._view.query(prepared, initNs=vocab.prefix_iris())
            if answer.type == "ASK":
                return Result("ASK", boolean=bool(answer.askAnswer))
            if answer.type in GRAPH_FORMS:
                triples = (tuple(term_from_rdflib(t) for t in triple) for triple in answer.graph)
                return Result(answer.type, triples=_take(triples, limits))
            rows = (tuple(None if t is None else term_from_rdflib(t) for t in r) for r in answer)
            return Result("SELECT", tuple(str(v) for v in answer.vars), _take(rows, limits))
        except QueryError:
            raise
        except Exception as exc:  # an evaluation error inside rdflib
            raise QueryError(f"query failed: {one_line(exc, 200)}") from None
        finally:
            _GUARDED.reset(guarded)


class OxigraphEngine:
    """pyoxigraph on a store whose default graph is the merge of its named graphs.

    A storage error while answering means the store on disk is damaged: with its
    ``store_dir`` known, the store is removed, so the next query loads it anew."""

    def __init__(self, store, store_dir: Path | None = None) -> None:
        self._store = store
        self._store_dir = store_dir

    def _damaged(self, exc: Exception) -> QueryError:
        if self._store_dir is None:
            return QueryError(f"the Oxigraph store failed: {one_line(exc, 200)}")
        from kg.sparql.store import discard_store

        discard_store(self._store_dir, one_line(exc, 160))
        return QueryError(
            f"the Oxigraph store was damaged ({one_line(exc, 120)}) and has been removed: "
            "run the query again to load it anew"
        )

    def run(self, query: CheckedQuery, limits: Limits) -> Result:
        import pyoxigraph as ox

        from kg.base import vocab

        try:
            answer = self._store.query(query.text, prefixes=vocab.prefix_iris())
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        except (OSError, RuntimeError) as exc:  # RocksDB reports damage this way
            raise self._damaged(exc) from None
        try:
            if isinstance(answer, ox.QueryBoolean):
                return Result("ASK", boolean=bool(answer))
            if isinstance(answer, ox.QueryTriples):
                form = query.form if query.form in GRAPH_FORMS else "CONSTRUCT"
                return Result(form, triples=_take(map(_oxigraph_triple, answer), limits))
            variables = tuple(v.value for v in answer.variables)
            return Result("SELECT", variables, _take(_oxigraph_rows(answer, variables), limits))
        except QueryError:
            raise
        except (OSError, RuntimeError) as exc:
            raise self._damaged(exc) from None
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

    def run(self, query: CheckedQuery, limits: Limits) -> Result:
        from kg.sparql.remote import http_client, redact, send

        graph = query.form in GRAPH_FORMS
        accept = MEDIA["nt" if graph else "json"].type
        with http_client(self._auth) as client:
            response = send(
                client,
                "POST",
                self.url,
                what="query",
                data={"query": query.text},
                headers={"Accept": accept},
            )
        media = response.headers.get("content-type", "").split(";")[0].strip()
        try:
            if graph:
                result = _parse_graph(response.content, media, query.form)
            else:
                result = from_sparql_json(response.content, query.form)
        except (ValueError, KeyError, SyntaxError) as exc:
            raise QueryError(
                f"{redact(self.url)} did not answer with {accept} ({media or 'no type'}): "
                f"{one_line(exc, 120)}"
            ) from None
        _take(result.triples if result.is_graph else result.rows, limits)
        return result


def _parse_graph(data: bytes, media: str, form: str) -> Result:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise ValueError(f"unknown RDF media type {media!r}")
    return Result(form, triples=tuple(_oxigraph_triple(q) for q in ox.parse(data, fmt)))


@dataclass(frozen=True)
class EngineSpec:
    """What a local engine is opened from: the graph as N-Quads for the memory store, or the
    folder of the Oxigraph store. Plain bytes and a path, so it pickles to a worker process,
    which opens its own engine from it (an rdflib Dataset or an open store would not)."""

    store: str
    nquads: bytes = b""
    store_dir: str = ""

    @classmethod
    def load(
        cls, store: str, build: Path | VerifiedBuild | None = None, cache_root: Path | None = None
    ) -> EngineSpec:
        """Read the graph of ``build`` (a folder or a view of :func:`kg.graph.open_build`)
        for ``store`` once, here: the graph's N-Quads, or its Oxigraph store, loaded anew
        first if it is missing or damaged (also when only Oxigraph finds the damage)."""
        if store == "oxigraph":
            from kg.graph import open_build
            from kg.sparql.store import STORE_FILES, ensure_store, open_store

            view = open_build(build, STORE_FILES)  # one command, one build
            open_store(view, cache_root)  # a store Oxigraph cannot open is loaded anew
            return cls(store, store_dir=str(ensure_store(view, cache_root)))
        if store != "memory":
            raise ValueError(f"unknown store {store!r} (one of {', '.join(STORES)})")
        from kg.graph import load_quads

        return cls(store, nquads=load_quads(build).nquads().encode())

    def open(self) -> Engine:
        """The engine over this graph, opened in this process."""
        if self.store == "oxigraph":
            import pyoxigraph as ox

            return OxigraphEngine(ox.Store.read_only(self.store_dir), Path(self.store_dir))
        from kg.rdf.dataset import new_dataset

        dataset = new_dataset()
        dataset.parse(data=self.nquads, format="nquads")
        return MemoryEngine(dataset)
