"""N-Triples: one triple a line, lines sorted (rdflib writes them in hash order)."""

from __future__ import annotations

__all__ = ["write"]


def write(dataset, union=None) -> bytes:
    from ..rdf import union_graph

    graph = union if union is not None else union_graph(dataset)
    text = graph.serialize(format="nt", encoding="utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return b"\n".join(lines) + b"\n"
