"""Paths and effects over the claim network, each hop with its sign, certainty, quotes and
the claims against it.

A path's sign is the product of its hops' signs (any ``0`` makes it ``0``); its certainty
is its weakest hop. Paths rank by what a fact-checker asks first: uncontested before
contested, then the weakest hop's certainty, then the weakest hop's best source reliability,
then support (the fewest sources stating any one hop), then fewest hops.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from kg.base.model import Certainty
from kg.network.contested import reliability_rank, source_rank
from kg.network.projection import ClaimNetwork, Evidence

__all__ = [
    "ClaimPath",
    "Effect",
    "Hop",
    "causal_adjacency",
    "causal_view",
    "effects",
    "find_paths",
    "nearest_reachable",
    "sign_product",
]

_ADJACENCY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def causal_view(
    net: ClaimNetwork,
    *,
    asserted_only: bool = False,
    structural: bool = False,
    uncontested: bool = False,
    min_reliability: str | None = None,
):
    """The edges path queries may follow: affirmed, causal unless ``structural``, nothing
    against them if ``uncontested``, and stated by at least one claim that is asserted (if
    ``asserted_only``) and from a source ranked at least as the kind ``min_reliability``."""
    import networkx as nx

    floor = reliability_rank(net, min_reliability) if min_reliability else 0

    def said(claim: Evidence) -> bool:
        return (not asserted_only or claim.certainty is Certainty.ASSERTED) and (
            not floor or source_rank(net, claim.source)[1] >= floor
        )

    def keep(u, v, k) -> bool:
        data = net.edges[u, v, k]
        return (
            not data["negated"]
            and (structural or not data["structural"])
            and not (uncontested and data["against"])
            and (not (asserted_only or floor) or any(map(said, data["claims"])))
        )

    return nx.subgraph_view(net, filter_edge=keep)


def causal_adjacency(net: ClaimNetwork, **choice):
    """The edges of :func:`causal_view` (``choice``: its keyword arguments) as plain dicts,
    ``(succ, pred)``: succ maps a node to its (next node, edge key) pairs, pred a node to its
    (node before, edge key) pairs. Path and effect searches walk these instead of a filtered
    view, which would re-test every edge on every visit; they are made once per network
    object (networks are not changed once made) and choice of edges."""
    memo = _ADJACENCY.setdefault(net, {})
    key = tuple(sorted((k, v) for k, v in choice.items() if v))
    if key not in memo:
        succ: dict[str, list[tuple[str, str]]] = defaultdict(list)
        pred: dict[str, list[tuple[str, str]]] = defaultdict(list)
        view = causal_view(net, **choice)
        for u, v, k in view.edges(keys=True):
            succ[u].append((v, k))
            pred[v].append((u, k))
        memo[key] = (dict(succ), dict(pred))
    return memo[key]


def sign_product(signs: Iterable[str]) -> str:
    """Multiply ASCII signs.

    >>> sign_product("+-"), sign_product("--"), sign_product("+0")
    ('-', '+', '0')
    """
    result = "+"
    for sign in signs:
        if sign == "0" or result == "0":
            result = "0"
        elif sign == "-":
            result = "-" if result == "+" else "+"
    return result


@dataclass(frozen=True)
class Hop:
    subject: str  # entity IRI
    object: str
    predicate: str  # relation IRI
    label: str  # the relation's label
    sign: str
    certainty: Certainty
    claims: tuple[Evidence, ...]
    against: tuple[Evidence, ...] = ()  # the claims that oppose it (kg.network.contested)
    reliability: int = 0  # the best reliability rank among the sources that state it
    support: int = 0  # how many sources state it

    @property
    def contested(self) -> bool:
        return bool(self.against)


@dataclass(frozen=True)
class ClaimPath:
    """A chain of hops, each an edge of the claim network with its claims."""

    hops: tuple[Hop, ...]

    @property
    def sign(self) -> str:
        return sign_product(h.sign for h in self.hops)

    @property
    def certainty(self) -> Certainty:
        """The weakest hop's."""
        hedged = any(h.certainty is Certainty.HEDGED for h in self.hops)
        return Certainty.HEDGED if hedged else Certainty.ASSERTED

    @property
    def contested(self) -> bool:
        """Whether any hop has claims against it."""
        return any(h.against for h in self.hops)

    @property
    def reliability(self) -> int:
        """The weakest hop's best source reliability rank."""
        return min((h.reliability for h in self.hops), default=0)

    @property
    def support(self) -> int:
        """The fewest sources that state any one hop."""
        return min((h.support for h in self.hops), default=0)

    @property
    def sources(self) -> list[str]:
        """The ids of the sources its hops rest on."""
        return sorted({c.source for h in self.hops for c in h.claims})

    @property
    def chained_across_sources(self) -> bool:
        """True when no single source states every hop: the chain is nnkg's inference,
        not a claim of any one text."""
        said = [{c.source for c in h.claims} for h in self.hops]
        return len(said) > 1 and not set.intersection(*said)

    @cached_property  # compared again and again while effects are searched
    def rank(self) -> tuple:
        """Lower is better: the order of the module docstring, then the hops' IRIs."""
        nodes = tuple((h.subject, h.predicate, h.object) for h in self.hops)
        hedged = self.certainty is Certainty.HEDGED
        return (self.contested, hedged, -self.reliability, -self.support, len(self.hops), nodes)


def _hop(net: ClaimNetwork, u: str, v: str, key: str) -> Hop:
    data = net.edges[u, v, key]
    return Hop(u, v, data["predicate"], data["label"], data["sign"], data["certainty"],
               tuple(data["claims"]), data["against"], data["reliability"],
               data["support"])  # fmt: skip


def _distances_to(pred: dict, target: str, cutoff: int) -> dict[str, int]:
    """Hops from every node that reaches ``target`` within ``cutoff`` (reverse BFS; each
    node enters the frontier once, however many edges lead from it)."""
    distance, frontier = {target: 0}, [target]
    for hops in range(1, cutoff + 1):
        reached = []
        for v in frontier:
            for u, _ in pred.get(v, ()):
                if u not in distance:
                    distance[u] = hops
                    reached.append(u)
        frontier = reached
    return distance


def _edge_paths(succ: dict, source: str, target: str, length: int, distance: dict[str, int]):
    """Every simple path of exactly ``length`` edges, as (u, v, key) lists.

    ``distance`` holds each node's hop count to the target, so a branch that can no
    longer arrive in time is never entered: the search stays near the answer even around
    hubs with thousands of edges.
    """
    stack = [(source, [], {source})]
    while stack:
        node, edges, seen = stack.pop()
        left = length - len(edges)
        for nxt, key in succ.get(node, ()):
            if nxt in seen or distance.get(nxt, length + 1) > left - 1:
                continue
            step = [*edges, (node, nxt, key)]
            if left == 1:
                if nxt == target:
                    yield step
            else:
                stack.append((nxt, step, seen | {nxt}))


def find_paths(
    net: ClaimNetwork,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    limit: int | None = 5,
    **choice,
) -> list[ClaimPath]:
    """Simple paths from ``source`` to ``target`` of at most ``max_hops``, best first by
    :attr:`ClaimPath.rank`; ``choice`` picks the edges followed (see :func:`causal_view`).

    Paths are gathered one length at a time, shortest first, and lengths beyond the one
    that completes ``limit`` are never searched: that bounds the work around hubs. Ranking
    then orders what was found, so a longer uncontested path may outrank a shorter one.
    """
    if source == target:
        return []
    succ, pred = causal_adjacency(net, **choice)
    distance = _distances_to(pred, target, max_hops)
    found: list[ClaimPath] = []
    for length in range(distance.get(source, max_hops + 1), max_hops + 1):
        found += [
            ClaimPath(tuple(_hop(net, u, v, k) for u, v, k in edges))
            for edges in _edge_paths(succ, source, target, length, distance)
        ]
        if limit and len(found) >= limit:
            break
    found.sort(key=lambda p: p.rank)
    return found[:limit] if limit else found


@dataclass(frozen=True)
class Effect:
    """An entity downstream (or upstream) of another, by the best path between them."""

    entity: str
    path: ClaimPath


def effects(
    net: ClaimNetwork,
    entity: str,
    *,
    max_hops: int = 4,
    causes: bool = False,
    **choice,
) -> list[Effect]:
    """Every entity within ``max_hops`` downstream of ``entity`` (upstream with ``causes``),
    each with its best path, ordered by hops then label; ``choice`` picks the edges
    followed (see :func:`causal_view`).

    Layered search, one pass per layer: each entity gets the fewest hops that reach it, and
    among the chains of that length that extend a chosen chain one hop shorter, the best by
    :attr:`ClaimPath.rank`.
    """
    succ, pred = causal_adjacency(net, **choice)
    best: dict[str, ClaimPath] = {entity: ClaimPath(())}
    frontier = [entity]
    for _ in range(max_hops):
        candidates: dict[str, ClaimPath] = {}
        for node in frontier:
            for nxt, k in (pred if causes else succ).get(node, ()):
                if nxt in best:
                    continue
                hop = _hop(net, nxt, node, k) if causes else _hop(net, node, nxt, k)
                hops = (hop, *best[node].hops) if causes else (*best[node].hops, hop)
                path = ClaimPath(hops)
                if nxt not in candidates or path.rank < candidates[nxt].rank:
                    candidates[nxt] = path
        best.update(candidates)
        frontier = sorted(candidates)
        if not frontier:
            break
    del best[entity]
    return sorted(
        (Effect(node, path) for node, path in best.items()),
        key=lambda e: (len(e.path.hops), net.nodes[e.entity]["label"].casefold()),
    )


def nearest_reachable(
    net: ClaimNetwork, source: str, target: str, *, limit: int = 3, **view
) -> list[str]:
    """When no path joins them: the entities reachable from ``source`` that lie closest
    to ``target`` in the graph taken as undirected, nearest first."""
    import networkx as nx

    causal = causal_view(net, **view)
    reachable = nx.descendants(causal, source)
    if not reachable:
        return []
    distance = nx.single_source_shortest_path_length(net.to_undirected(as_view=True), target)
    ranked = sorted(
        (n for n in reachable if n in distance),
        key=lambda n: (distance[n], net.nodes[n]["label"].casefold()),
    )
    return ranked[:limit]
