"""N-Triples: one triple a line, lines sorted (rdflib writes them in hash order)."""

from __future__ import annotations

__all__ = ["write"]


def write(dataset) -> bytes:
    from ..rdf import union_graph

    text = union_graph(dataset).serialize(format="nt", encoding="utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return b"\n".join(lines) + b"\n"
