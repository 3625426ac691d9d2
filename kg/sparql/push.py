"""``nnkg push``: upload the graph to any SPARQL 1.1 Graph Store Protocol server.

Each named graph goes to the graph of the same IRI, in batches of N-Triples (POST, or PUT
for the first batch with ``replace`` so the target graph is cleared first). The store's
default graph gets the RDF merge of the named graphs, so plain queries there see every
source at once, as in nnkg's own stores, without a server-side union setting. Afterwards
a SPARQL COUNT on the endpoint checks that every triple arrived.

Stores differ, and the push finds out rather than being told:

- a store whose default graph already is the union of all its graphs (Virtuoso; Oxigraph
  server with ``--union-default-graph``) shows the marker graph's triples in its default
  graph; there the merge is not pushed (it would count twice) and only the named graphs
  are checked;
- a store that answers ``GRAPH ?g { }`` with one unbound row (Virtuoso lists no empty
  pattern's graphs) gets its graphs listed with ``GRAPH ?g { ?s ?p ?o }``.

The store is shared: every graph under ``https://w3id.org/nnkg/`` is nnkg's, and with
``replace`` those the push does not bring (sources of an earlier, bigger build) are
deleted; graphs outside it (system graphs, other people's data) are never changed, only
counted and the first few named. While a push runs, a small marker graph in nnkg's space
says so, so the next push can tell that one broke off.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from kg.base.errors import PushCheckError
from kg.base.vocab import DCTERMS_IRI, PROV_IRI, XSD_IRI

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["MARKER", "NNKG_SPACE", "PushResult", "default_graph_store", "push", "push_messages"]

DEFAULT_BATCH = 5000
DEFAULT_GRAPH = ""  # how this module names the default graph of the target store
NNKG_SPACE = "https://w3id.org/nnkg/"  # the IRI space of every graph nnkg writes
MARKER = NNKG_SPACE + "push-in-progress"  # a graph that lives only while a push runs
SHOWN = 5  # messages name this many graphs of a list, and count the rest

_OURS = f'STRSTARTS(STR(?g), "{NNKG_SPACE}")'


@dataclass(frozen=True)
class PushResult:
    graph_store: str
    sent: dict[str, int]  # graph IRI ("" for the default graph) -> triples sent
    counted: dict[str, int]  # the same graphs -> triples the endpoint counts afterwards
    seconds: float
    replaced: bool = False  # pushed with ``replace``
    removed: tuple[str, ...] = ()  # nnkg graphs the build lacks, deleted by ``replace``
    stale: tuple[str, ...] = ()  # the same, left in the store without ``replace``
    foreign_count: int = 0  # named graphs outside nnkg's space, left alone
    foreign: tuple[str, ...] = ()  # the first of them (at most SHOWN), sorted
    interrupted: str | None = None  # when a push that never finished began, if one did
    union_default: bool = False  # the store's default graph is the union of its graphs

    @property
    def triples(self) -> int:
        return sum(n for g, n in self.sent.items() if g != DEFAULT_GRAPH)

    @property
    def named_graphs(self) -> int:
        return sum(1 for g in self.sent if g != DEFAULT_GRAPH)


@dataclass(frozen=True)
class _Survey:
    """What the store holds before the push, as far as the push is concerned."""

    ours: frozenset[str]  # named graphs in nnkg's space, the marker left out
    interrupted: str | None
    foreign_count: int
    foreign: tuple[str, ...]
    pattern: str  # the group pattern that lists this store's graphs as ``GRAPH ?g``


def _some(graphs: tuple[str, ...], count: int) -> str:
    """The first graphs (at most SHOWN) of ``count``, and how many more there are.

    >>> _some(("http://a", "http://b"), 7)
    '<http://a>, <http://b> and 5 more'
    """
    shown = graphs[:SHOWN]
    more = f" and {count - len(shown)} more" if count > len(shown) else ""
    return ", ".join(f"<{g}>" for g in shown) + more


def push_messages(result: PushResult) -> list[str]:
    """What a person should hear of the store beyond the counts, one line each: a push
    that broke off, nnkg graphs removed or left stale, other graphs left alone."""
    messages = []
    if result.union_default:
        messages.append(
            "the store's default graph is already the union of its graphs (as Virtuoso's is): "
            "the merge was not pushed there, only the named graphs were checked"
        )
    if result.interrupted is not None:
        then = (
            "--replace removed what it left and cleared its mark"
            if result.replaced
            else "its mark is cleared, but graphs it wrote may be partial or hold triples this "
            "build lacks: push again with --replace to make the store match this build"
        )
        messages.append(
            f"warning: a previous push to this store did not finish "
            f"(started {result.interrupted}); {then}"
        )
    if result.removed:
        n = len(result.removed)
        messages.append(
            f"removed {n} nnkg graph(s) this build does not have: {_some(result.removed, n)}"
        )
    if result.stale:
        n = len(result.stale)
        messages.append(
            f"warning: the store keeps {n} nnkg graph(s) this build does not have "
            f"(--replace removes them): {_some(result.stale, n)}"
        )
    if result.foreign_count:
        messages.append(
            f"left {result.foreign_count} graph(s) outside {NNKG_SPACE} alone: "
            f"{_some(result.foreign, result.foreign_count)}"
        )
    return messages


def default_graph_store(endpoint: str) -> str | None:
    """The Graph Store URL beside a query endpoint, where the layout is known (Oxigraph's
    ``/query`` and ``/store``); None when the user has to say.

    >>> default_graph_store("http://localhost:7878/query")
    'http://localhost:7878/store'
    """
    base, _, last = endpoint.rstrip("/").rpartition("/")
    return f"{base}/store" if last == "query" else None


def _graphs(quads: Quads) -> dict[str, list[str]]:
    """N-Triples lines of each named graph, and of their merge as the default graph."""
    from kg.rdf.quads import unwrap

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


def _select(endpoint: str, auth, text: str) -> list[tuple[str, ...]]:
    """The rows of a SELECT on the endpoint, each value as text."""
    from kg.sparql.engines import EndpointEngine
    from kg.sparql.run import run_query

    rows = run_query(EndpointEngine(endpoint, auth), text).rows
    return [tuple(term.value for term in row) for row in rows]


def _graph_pattern(endpoint: str, auth) -> str:
    """``{ }``, which lists every graph, empty ones too, where the store supports it;
    ``{ ?s ?p ?o }`` where ``GRAPH ?g { }`` leaves ?g unbound (Virtuoso 7)."""
    unbound = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { } FILTER(!BOUND(?g)) }"
    ((n,),) = _select(endpoint, auth, unbound)
    return "{ ?s ?p ?o }" if int(n) else "{ }"


def _our_graphs(endpoint: str, auth, pattern: str) -> set[str]:
    """Every named graph in nnkg's space, the marker included: one row per graph, and
    nnkg writes one per source, so this list is as long as a build's."""
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {pattern} FILTER({_OURS}) }}"
    return {g for (g,) in _select(endpoint, auth, query)}


def _survey(endpoint: str, auth) -> _Survey:
    """nnkg's graphs, the marker of an unfinished push, and the others only counted (a
    store may hold any number of them) with the first few named."""
    pattern = _graph_pattern(endpoint, auth)
    ours = _our_graphs(endpoint, auth, pattern)
    interrupted = None
    if MARKER in ours:
        started = f"<{MARKER}> <{PROV_IRI}startedAtTime> ?t"
        ask = f"SELECT ?t WHERE {{ GRAPH <{MARKER}> {{ {started} }} }}"
        times = [t for (t,) in _select(endpoint, auth, ask)]
        interrupted = times[0] if times else "at an unknown time"
    others = f"WHERE {{ GRAPH ?g {pattern} FILTER(!{_OURS}) }}"
    ((count,),) = _select(endpoint, auth, f"SELECT (COUNT(DISTINCT ?g) AS ?n) {others}")
    first = _select(endpoint, auth, f"SELECT DISTINCT ?g {others} ORDER BY ?g LIMIT {SHOWN}")
    return _Survey(
        frozenset(ours - {MARKER}),
        interrupted,
        int(count),
        tuple(g for (g,) in first),
        pattern,
    )


def _union_default(endpoint: str, auth) -> bool:
    """Whether the store's default graph shows the triples of the marker, which is only
    ever written to its own named graph: then the default graph is the union of all."""
    seen = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{MARKER}> ?p ?o }}"
    ((n,),) = _select(endpoint, auth, seen)
    return int(n) > 0


def _marker(graphs: dict[str, list[str]], now: str, union: bool = False) -> bytes:
    """The marker graph: what this push brings and since when, in PROV and DCTERMS terms."""
    from kg.rdf.quads import RDF_TYPE, literal

    named = sum(1 for g in graphs if g)
    merge = "(the store's default graph is their union)" if union else "and their merge"
    what = (
        f"nnkg push of {sum(len(lines) for g, lines in graphs.items() if g)} triples in "
        f"{named} named graphs {merge}; deleted when the push has finished"
    )
    me = f"<{MARKER}>"
    lines = [
        f"{me} {RDF_TYPE} <{PROV_IRI}Activity> .",
        f"{me} <{PROV_IRI}startedAtTime> {literal(now, datatype=XSD_IRI + 'dateTime')} .",
        f"{me} <{DCTERMS_IRI}description> {literal(what)} .",
    ]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _count(endpoint: str, graphs: list[str], auth) -> dict[str, int]:
    """How many triples the endpoint holds in each of ``graphs`` (DEFAULT_GRAPH among them
    or not)."""
    named = " ".join(f"<{g}>" for g in graphs if g != DEFAULT_GRAPH)
    per_graph = (
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {named} }} GRAPH ?g {{ ?s ?p ?o }} }} "
        "GROUP BY ?g"
    )
    counted = {g: int(n) for g, n in _select(endpoint, auth, per_graph)}
    if DEFAULT_GRAPH in graphs:
        # the marker is no data, even where the default graph is the union of all graphs
        everything = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(?s != <{MARKER}>) }}"
        ((total,),) = _select(endpoint, auth, everything)
        counted[DEFAULT_GRAPH] = int(total)
    return {g: counted.get(g, 0) for g in graphs}


def _check(endpoint: str, sent: dict[str, int], counted: dict[str, int], replace: bool) -> None:
    """Every triple sent must be there; with ``replace``, nothing else either."""
    from kg.sparql.remote import redact

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


def _check_only_ours(endpoint: str, auth, sent: dict[str, int], pattern: str) -> None:
    """After ``replace``, nnkg's space holds the pushed graphs and nothing else."""
    from kg.sparql.remote import redact

    extra = sorted(_our_graphs(endpoint, auth, pattern) - sent.keys() - {MARKER})
    if extra:
        more = f" and {len(extra) - 1} more" if len(extra) > 1 else ""
        raise PushCheckError(
            f"{redact(endpoint)} still holds <{extra[0]}>{more} after --replace, "
            "though this push did not bring it"
        )


def _to_store(
    client, graph_store: str, method: str, graph: str, what: str, body: bytes | None = None
) -> None:
    """One Graph Store Protocol request on ``graph`` (DEFAULT_GRAPH: the default graph)."""
    from kg.base.media import MEDIA
    from kg.sparql.remote import send

    params = {"graph": graph} if graph else {"default": ""}
    headers = {"Content-Type": MEDIA["nt"].content_type} if body is not None else {}
    send(client, method, graph_store, what=what, params=params, content=body, headers=headers)


def _upload(
    store: Callable[..., None],
    graphs: dict[str, list[str]],
    replace: bool,
    batch_size: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Every graph in batches: POSTed, or with ``replace`` the first batch PUT."""
    total, done = sum(len(lines) for lines in graphs.values()), 0
    for graph, lines in graphs.items():
        name = f"<{graph}>" if graph else "the default graph"
        for i, batch in enumerate(_batches(lines, batch_size)):
            body = "".join(line + "\n" for line in batch).encode("utf-8")
            store("PUT" if replace and i == 0 else "POST", graph, f"upload of {name}", body)
            done += len(batch)
            if progress:
                progress(done, total)


def push(
    quads: Quads,
    endpoint: str,
    graph_store: str,
    *,
    replace: bool = False,
    auth: tuple[str, str] | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> PushResult:
    """Upload ``quads`` and check the counts; raise NnkgError
    on any failure.

    With ``replace`` the store's nnkg graphs become exactly those of ``quads``; without
    it, nnkg graphs the build lacks stay and are reported as stale. A marker graph is put
    before the first upload and deleted last, once the counts check, so a push that breaks
    off leaves it for the next push to report (``PushResult.interrupted``) and clear.
    ``progress(done, total)`` hears of every batch sent, counted in triples.

    Where the store's default graph is already the union of its graphs (Virtuoso), the
    merge is not pushed and ``PushResult.union_default`` says so."""
    from datetime import UTC, datetime

    from kg.sparql.remote import http_client

    started = time.perf_counter()
    graphs = _graphs(quads)
    survey = _survey(endpoint, auth)
    stale = tuple(sorted(survey.ours - graphs.keys()))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    marking = f"marking the push in progress in <{MARKER}>"
    with http_client(auth, timeout=300.0) as client:
        store = partial(_to_store, client, graph_store)
        store("PUT", MARKER, marking, _marker(graphs, now))
        union = _union_default(endpoint, auth)
        if union:
            del graphs[DEFAULT_GRAPH]
            store("PUT", MARKER, marking, _marker(graphs, now, union=True))
        _upload(store, graphs, replace, batch_size, progress)
        for graph in stale if replace else ():
            store("DELETE", graph, f"removal of the stale graph <{graph}>")
        sent = {graph: len(lines) for graph, lines in graphs.items()}
        counted = _count(endpoint, list(graphs), auth)
        _check(endpoint, sent, counted, replace)
        if replace:
            _check_only_ours(endpoint, auth, sent, survey.pattern)
        store("DELETE", MARKER, f"removal of the marker <{MARKER}>")
    return PushResult(
        graph_store,
        sent,
        counted,
        time.perf_counter() - started,
        replaced=replace,
        removed=stale if replace else (),
        stale=() if replace else stale,
        foreign_count=survey.foreign_count,
        foreign=survey.foreign,
        interrupted=survey.interrupted,
        union_default=union,
    )
