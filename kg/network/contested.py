"""Counter-evidence: which claims oppose which, decided in one place.

Two claims on the same subject and object oppose when both are affirmed and their
predicates have opposite polarity ("prevents" beside "causes"), or when they share the
predicate and one is negated and the other is not ("does not prevent" beside "prevents").
A negated claim of the opposite polarity ("does not cause" beside "prevents") agrees.
Context qualifiers (population, exposure) set two claims apart only when both carry the same
qualifier with different values; a missing qualifier matches anything. Every claim of one
network edge shares its stance (predicate, sign, negated) but may hold in a context of its
own, so the rule is applied to the claims of two edges whose stances oppose.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.base.errors import NnkgError

if TYPE_CHECKING:
    from kg.network.projection import ClaimNetwork, Evidence

__all__ = [
    "QUALIFIERS",
    "Contradiction",
    "contradictions",
    "counter_evidence",
    "opposes",
    "opposing_claims",
    "reliability_rank",
    "source_rank",
]

#: The context qualifiers a claim may carry, as claims (:class:`Evidence`) name them.
QUALIFIERS = ("population", "exposure")


def opposes(one: Mapping, other: Mapping) -> bool:
    """Whether two stances on the same subject and object contradict: each a mapping with
    ``predicate`` (IRI), ``sign`` (``+``, ``-``, ``0``) and ``negated``, as edges hold them,
    and optionally the qualifiers ``population`` and ``exposure`` (absent or None: none)."""
    if any(one.get(q) is not None and other.get(q) not in (None, one[q]) for q in QUALIFIERS):
        return False  # different contexts: both can hold
    if one["negated"] != other["negated"]:
        return one["predicate"] == other["predicate"]
    return not one["negated"] and {one["sign"], other["sign"]} == {"+", "-"}


def opposing_claims(edge: Mapping, other: Mapping) -> tuple[Evidence, ...]:
    """The claims of edge ``other`` that oppose some claim of ``edge`` (two edges' data on
    one subject and object), sorted: each claim judged as its edge's stance in its context."""
    if not opposes(edge, other):  # edges carry no qualifiers: context only sets claims apart
        return ()
    if not any(c.qualifiers for c in (*edge["claims"], *other["claims"])):
        return tuple(sorted(other["claims"]))
    mine = [ChainMap(c.qualifiers, edge) for c in edge["claims"]]
    return tuple(sorted(
        c for c in other["claims"]
        if any(opposes(m, ChainMap(c.qualifiers, other)) for m in mine)
    ))  # fmt: skip


def counter_evidence(edges: Mapping[str, Mapping]) -> dict[str, tuple[Evidence, ...]]:
    """The claims against each edge of one subject-object pair (``edges``: key -> edge
    data, as ``net[u][v]``), sorted; an edge nothing opposes gets ``()``."""

    def against(key: str, data: Mapping) -> tuple[Evidence, ...]:
        found = (opposing_claims(data, o) for k, o in edges.items() if k != key)
        return tuple(sorted(c for claims in found for c in claims))

    return {key: against(key, data) for key, data in edges.items()}


def reliability_rank(net: ClaimNetwork, kind: str) -> int:
    """The ``nnkg:reliabilityRank`` of a source kind in the graph's ontology; one clear error
    for a kind it does not rank."""
    ranks = net.graph["ranks"]
    if kind not in ranks:
        known = ", ".join(sorted(ranks, key=lambda k: (-ranks[k], k)))
        raise NnkgError(f"unknown source kind {kind!r}; the graph ranks: {known}")
    return ranks[kind]


def source_rank(net: ClaimNetwork, source: str) -> tuple[str, int]:
    """A source id's kind and that kind's rank; a source the graph does not describe (a
    foreign build may leave it out) is of no kind and ranks 0, below every kind."""
    kind = net.graph["sources"].get(source, {}).get("kind", "")
    return kind, net.graph["ranks"].get(kind, 0)


@dataclass(frozen=True)
class Contradiction:
    """Two opposed edges between one subject and object (``one`` sorts first), keys of
    ``net.edges[subject, object, key]``, and the claims of each side that oppose the other
    (all of its claims unless context sets some apart)."""

    subject: str
    object: str
    one: str
    other: str
    one_claims: tuple[Evidence, ...] = ()
    other_claims: tuple[Evidence, ...] = ()


def contradictions(net: ClaimNetwork) -> list[Contradiction]:
    """Every opposed pair of edges in the network, by subject label, object label, then the
    two relations (affirmed before negated)."""

    def order(key: str) -> tuple:
        return (key.startswith("not "), key.removeprefix("not "))

    found = []
    for u, v in {(u, v) for u, v, k, against in net.edges(keys=True, data="against") if against}:
        edges = net[u][v]
        keys = sorted(edges, key=order)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                theirs = opposing_claims(edges[a], edges[b])
                if theirs:
                    ours = opposing_claims(edges[b], edges[a])
                    found.append(Contradiction(u, v, a, b, ours, theirs))
    labels = net.nodes
    return sorted(
        found,
        key=lambda c: (labels[c.subject]["label"].casefold(), labels[c.object]["label"].casefold(),
                       c.subject, c.object, order(c.one), order(c.other)),
    )  # fmt: skip
