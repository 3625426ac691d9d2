"""Writers of each output format behind one registry.

Each writer is a small module with ``write(quads) -> bytes`` (a :class:`kg.rdf.quads.Quads`) that
returns the same bytes for the same graph, whatever the hash seed. Modules import on first
use, so listing the formats costs nothing.

KGX is not among them: it is a folder of three files, not one stream of bytes, and its
writer lives a layer up, in :mod:`kg.interop.kgx` (``nnkg export --format kgx -o DIR``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from kg.base.media import MEDIA, Media

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["FORMATS", "Format", "write"]


@dataclass(frozen=True)
class Format:
    """An export format: its name (``--format``), the module that writes it, and its media
    type and extension (an entry of :data:`kg.base.media.MEDIA`)."""

    name: str
    module: str
    media: Media
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ttl", "kg.rdf.turtle", MEDIA["turtle"], "Turtle: all triples, one graph"),
        Format("nt", "kg.rdf.ntriples", MEDIA["nt"], "N-Triples, sorted lines"),
        Format("trig", "kg.rdf.trig", MEDIA["trig"], "TriG: named graph per source"),
        Format("jsonld", "kg.rdf.jsonld", MEDIA["jsonld"], "JSON-LD with named graphs"),
        Format("graphml", "kg.network.graphml", MEDIA["graphml"], "GraphML (Gephi, Cytoscape)"),
        Format("html", "kg.page.html", MEDIA["html"], "the interactive page, offline"),
    )
}


def write(quads: Quads, fmt: str) -> bytes:
    """Serialize ``quads`` (a :class:`kg.rdf.quads.Quads`) in format ``fmt`` (a key of
    :data:`FORMATS`)."""
    return import_module(FORMATS[fmt].module).write(quads)
