"""Turtle: every triple of every named graph, merged into one graph."""

from __future__ import annotations

__all__ = ["write"]


def write(dataset) -> bytes:
    # rdflib's Turtle serializer sorts subjects, predicates, objects and prefixes itself.
    from ..rdf import union_graph

    return union_graph(dataset).serialize(format="turtle", encoding="utf-8")
