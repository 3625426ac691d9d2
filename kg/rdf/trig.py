"""TriG: the named graphs (ontology, catalogue, one per source), sorted by graph IRI."""

from __future__ import annotations

from kg.rdf.turtle import Compactor, document, statements

__all__ = ["write"]


def write(quads) -> bytes:
    spell = Compactor()
    blocks = [
        f"{spell(graph)} {{\n" + "\n".join(statements(triples, spell, "    ")) + "}\n"
        for graph, triples in quads.graphs()
    ]
    return document(blocks, spell)
