"""``nnkg push``: upload the graph to any SPARQL 1.1 Graph Store Protocol server.

Each named graph goes to the graph of the same IRI, in batches of N-Triples (POST, or PUT
for the first batch with ``replace`` so the target graph is cleared first). The store's
default graph gets the RDF merge of the named graphs, so plain queries there see every
source at once, as in nnkg's own stores, without a server-side union setting. Afterwards
a SPARQL COUNT on the endpoint checks that every triple arrived.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import PushCheckError

__all__ = ["PushResult", "default_graph_store", "push"]

DEFAULT_BATCH = 5000
DEFAULT_GRAPH = ""  # how this module names the default graph of the target store


@dataclass(frozen=True)
class PushResult:
    graph_store: str
    sent: dict[str, int]  # graph IRI ("" for the default graph) -> triples sent
    counted: dict[str, int]  # the same graphs -> triples the endpoint counts afterwards
    seconds: float

    @property
    def triples(self) -> int:
        return sum(n for g, n in self.sent.items() if g != DEFAULT_GRAPH)


def default_graph_store(endpoint: str) -> str | None:
    """The Graph Store URL beside a query endpoint, where the layout is known (Oxigraph's
    ``/query`` and ``/store``); None when the user has to say.

    >>> default_graph_store("http://localhost:7878/query")
    'http://localhost:7878/store'
    """
    base, _, last = endpoint.rstrip("/").rpartition("/")
    return f"{base}/store" if last == "query" else None


def _graphs(quads) -> dict[str, list[str]]:
    """N-Triples lines of each named graph, and of their merge as the default graph."""
    from .quads import unwrap

    def lines(triples) -> list[str]:
        return [f"{s} {p} {o} ." for s, p, o in triples]

    named = {unwrap(graph): lines(triples) for graph, triples in quads.graphs()}
    return {**dict(sorted(named.items())), DEFAULT_GRAPH: lines(quads.triples)}


def _batches(lines: list[str], size: int) -> Iterator[list[str]]:
    """Batches of ``size`` lines; a graph with blank nodes goes whole, since a blank node
    label means the same node only within one request."""
    if any("_:" in line for line in lines):
        size = max(len(lines), 1)
    for start in range(0, max(len(lines), 1), size):
        yield lines[start : start + size]


def _count(endpoint: str, graphs: list[str], auth) -> dict[str, int]:
    """How many triples the endpoint holds in each of ``graphs``."""
    from .engines import EndpointEngine
    from .sparql import run_query

    engine = EndpointEngine(endpoint, auth)
    named = " ".join(f"<{g}>" for g in graphs if g != DEFAULT_GRAPH)
    per_graph = (
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {named} }} GRAPH ?g {{ ?s ?p ?o }} }} "
        "GROUP BY ?g"
    )
    counted = {g.value: int(n.value) for g, n in run_query(engine, per_graph).rows}
    (total,) = run_query(engine, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]
    counted[DEFAULT_GRAPH] = int(total.value)
    return {g: counted.get(g, 0) for g in graphs}


def _check(endpoint: str, sent: dict[str, int], counted: dict[str, int], replace: bool) -> None:
    """Every triple sent must be there; with ``replace``, nothing else either."""
    from .remote import redact

    for graph, n in sent.items():
        if counted[graph] < n or (replace and counted[graph] != n):
            name = f"<{graph}>" if graph else "the default graph"
            hint = (
                " (is the server's union default graph switched on? nnkg pushes the merge itself)"
                if not graph and counted[graph] > n
                else ""
            )
            raise PushCheckError(
                f"{redact(endpoint)} counts {counted[graph]} triples in {name}, "
                f"but {n} were sent{hint}"
            )


def push(
    quads,
    endpoint: str,
    graph_store: str,
    *,
    replace: bool = False,
    auth: tuple[str, str] | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> PushResult:
    """Upload ``quads`` (a :class:`kg.quads.Quads`) and check the counts; raise NnkgError
    on any failure.

    ``progress(done, total)`` hears of every batch sent, counted in triples."""
    from .remote import http_client, send

    started = time.perf_counter()
    graphs = _graphs(quads)
    total, done = sum(len(lines) for lines in graphs.values()), 0
    with http_client(auth, timeout=300.0) as client:
        for graph, lines in graphs.items():
            params = {"graph": graph} if graph else {"default": ""}
            name = f"<{graph}>" if graph else "the default graph"
            for i, batch in enumerate(_batches(lines, batch_size)):
                send(
                    client,
                    "PUT" if replace and i == 0 else "POST",
                    graph_store,
                    what=f"upload of {name}",
                    params=params,
                    content="".join(line + "\n" for line in batch).encode("utf-8"),
                    headers={"Content-Type": "application/n-triples"},
                )
                done += len(batch)
                if progress:
                    progress(done, total)
    sent = {graph: len(lines) for graph, lines in graphs.items()}
    counted = _count(endpoint, list(graphs), auth)
    _check(endpoint, sent, counted, replace)
    return PushResult(graph_store, sent, counted, time.perf_counter() - started)
