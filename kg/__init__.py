"""nnkg: the nutrient-nerve knowledge graph.

Health-text claims become RDF triples with full provenance: every edge carries its
verbatim quote, offsets, source, certainty and negation. The few names a library user
needs are re-exported here; everything else lives in its own module.
"""

from __future__ import annotations

from kg.base import __version__

__all__ = [
    "__version__",
    "build",
    "build_quads",
    "curate",
    "graph_stats",
    "load_dataset",
    "load_quads",
]


def __getattr__(name: str):
    # Lazy re-exports keep ``import kg`` (and so ``nnkg --help``) free of rdflib.
    from importlib import import_module

    homes = {
        "build": "kg.build",
        "build_quads": "kg.compile",
        "curate": "kg.curation.corpus",
        "graph_stats": "kg.rdf.stats",
        "load_dataset": "kg.graph",
        "load_quads": "kg.graph",
    }
    if name in homes:
        return getattr(import_module(homes[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
