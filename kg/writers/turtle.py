"""Turtle: every triple of every named graph, merged into one graph."""

from __future__ import annotations

__all__ = ["write"]


def write(dataset, union=None) -> bytes:
    # rdflib's Turtle serializer sorts subjects, predicates, objects and prefixes itself.
    from ..rdf import union_graph

    graph = union if union is not None else union_graph(dataset)
    return graph.serialize(format="turtle", encoding="utf-8")
