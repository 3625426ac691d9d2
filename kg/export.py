"""Writers of each output format behind one registry.

Each writer is a small module with ``write(quads) -> bytes`` (a :class:`kg.rdf.quads.Quads`) that
returns the same bytes for the same graph, whatever the hash seed. Modules import on first
use, so listing the formats costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

__all__ = ["FORMATS", "Format", "write"]


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    media_type: str
    extension: str
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ttl", "kg.rdf.turtle", "text/turtle", "ttl", "Turtle: all triples, one graph"),
        Format("nt", "kg.rdf.ntriples", "application/n-triples", "nt", "N-Triples, sorted lines"),
        Format("trig", "kg.rdf.trig", "application/trig", "trig", "TriG: named graph per source"),
        Format(
            "jsonld", "kg.rdf.jsonld", "application/ld+json", "jsonld", "JSON-LD with named graphs"
        ),
        Format(
            "graphml",
            "kg.network.graphml",
            "application/graphml+xml",
            "graphml",
            "GraphML (Gephi, Cytoscape)",
        ),
        Format("html", "kg.page.html", "text/html", "html", "the interactive page, offline"),
    )
}


def write(quads, fmt: str) -> bytes:
    """Serialize ``quads`` (a :class:`kg.rdf.quads.Quads`) in format ``fmt`` (a key of
    :data:`FORMATS`)."""
    return import_module(FORMATS[fmt].module).write(quads)
