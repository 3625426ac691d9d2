"""Counter-evidence: which claims oppose which, decided in one place.

Two claims on the same subject and object oppose when both are affirmed and their
predicates have opposite polarity ("prevents" beside "causes"), or when they share the
predicate and one is negated and the other is not ("does not prevent" beside "prevents").
A negated claim of the opposite polarity ("does not cause" beside "prevents") agrees.
Every claim of one network edge shares its stance (predicate, sign, negated), so the rule is
applied edge to edge; context qualifiers, when claims carry them, join :func:`opposes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.base.errors import NnkgError

if TYPE_CHECKING:
    from kg.network.projection import ClaimNetwork, Evidence

__all__ = [
    "Contradiction",
    "contradictions",
    "counter_evidence",
    "opposes",
    "reliability_rank",
    "source_rank",
]


def opposes(one: Mapping, other: Mapping) -> bool:
    """Whether two stances on the same subject and object contradict: each a mapping with
    ``predicate`` (IRI), ``sign`` (``+``, ``-``, ``0``) and ``negated``, as edges hold them."""
    if one["negated"] != other["negated"]:
        return one["predicate"] == other["predicate"]
    return not one["negated"] and {one["sign"], other["sign"]} == {"+", "-"}


def counter_evidence(edges: Mapping[str, Mapping]) -> dict[str, tuple[Evidence, ...]]:
    """The claims against each edge of one subject-object pair (``edges``: key -> edge
    data, as ``net[u][v]``), sorted; an edge nothing opposes gets ``()``."""

    def against(key: str, data: Mapping) -> tuple[Evidence, ...]:
        opposed = (o for k, o in edges.items() if k != key and opposes(data, o))
        return tuple(sorted(c for other in opposed for c in other["claims"]))

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
    ``net.edges[subject, object, key]``."""

    subject: str
    object: str
    one: str
    other: str


def contradictions(net: ClaimNetwork) -> list[Contradiction]:
    """Every opposed pair of edges in the network, by subject label, object label, then the
    two relations (affirmed before negated)."""

    def order(key: str) -> tuple:
        return (key.startswith("not "), key.removeprefix("not "))

    found = []
    for u, v in {(u, v) for u, v, k, against in net.edges(keys=True, data="against") if against}:
        edges = net[u][v]
        keys = sorted(edges, key=order)
        found += [
            Contradiction(u, v, a, b)
            for i, a in enumerate(keys)
            for b in keys[i + 1 :]
            if opposes(edges[a], edges[b])
        ]
    labels = net.nodes
    return sorted(
        found,
        key=lambda c: (labels[c.subject]["label"].casefold(), labels[c.object]["label"].casefold(),
                       c.subject, c.object, order(c.one), order(c.other)),
    )  # fmt: skip
