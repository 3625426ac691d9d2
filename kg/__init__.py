"""nnkg: the nutrient-nerve knowledge graph.

Health-text claims become RDF triples with full provenance: every edge carries its
verbatim quote, offsets, source, certainty and negation. The names a library user needs
are re-exported here (``dir(kg)`` lists them); the layers they come from are described
in docs/design.md.

>>> from kg import load_quads, claim_network, find_paths

``import nnkg`` (the package ``nnkg/``) is the same names under the project's name; its
``nnkg.open()`` is the door for notebooks (:mod:`kg.api`).
"""

from __future__ import annotations

from kg.base import __version__

#: Each re-exported name and the module it lives in.
_HOMES = {
    "Graph": "kg.api.graph",
    "NnkgError": "kg.base.errors",
    "UnknownEntityError": "kg.base.errors",
    "build": "kg.build",
    "build_quads": "kg.compile",
    "claim_network": "kg.network.projection",
    "contradictions": "kg.network.contested",
    "curate": "kg.curation.corpus",
    "effects": "kg.network.paths",
    "find_paths": "kg.network.paths",
    "graph_stats": "kg.rdf.stats",
    "load_dataset": "kg.graph",
    "load_network": "kg.network.projection",
    "load_quads": "kg.graph",
    "open": "kg.api.graph",
    "open_engine": "kg.sparql.run",
    "run_query": "kg.sparql.run",
}

__all__ = ["__version__", *_HOMES]


def __getattr__(name: str):
    # Lazy re-exports keep ``import kg`` (and so ``nnkg --help``) free of rdflib.
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
