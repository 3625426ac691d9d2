"""TriG: the named graphs (ontology, catalogue, one per source), sorted by graph IRI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.rdf.turtle import Compactor, document, statements

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["write"]


def write(quads: Quads) -> bytes:
    spell = Compactor()
    blocks = [
        f"{spell(graph)} {{\n" + "\n".join(statements(triples, spell, "    ")) + "}\n"
        for graph, triples in quads.graphs()
    ]
    return document(blocks, spell)
