"""Writers of each output format behind one registry.

Each writer is a small module with ``write(quads) -> bytes`` (a :class:`kg.quads.Quads`) that
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
        Format("ttl", "turtle", "text/turtle", "ttl", "Turtle: all triples, one graph"),
        Format("nt", "ntriples", "application/n-triples", "nt", "N-Triples, sorted lines"),
        Format("trig", "trig", "application/trig", "trig", "TriG: named graph per source"),
        Format("jsonld", "jsonld", "application/ld+json", "jsonld", "JSON-LD with named graphs"),
        Format(
            "graphml", "graphml", "application/graphml+xml", "graphml", "GraphML (Gephi, Cytoscape)"
        ),
        Format("html", "html", "text/html", "html", "the interactive page, offline"),
    )
}


def write(quads, fmt: str) -> bytes:
    """Serialize ``quads`` (a :class:`kg.quads.Quads`) in format ``fmt`` (a key of
    :data:`FORMATS`)."""
    return import_module(f"{__name__}.{FORMATS[fmt].module}").write(quads)
