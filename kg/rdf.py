"""rdflib Datasets of nnkg graphs, for what needs rdflib: the memory store's SPARQL,
JSON-LD, stats and push. The claim model is mapped to RDF once, in kg/quads.py; a Dataset
is parsed from those quads."""

from __future__ import annotations

from .vocab import bind_prefixes

__all__ = ["corpus_dataset", "new_dataset", "quads_dataset", "union_graph"]


def new_dataset():
    """An empty Dataset with nnkg's prefixes and each named graph kept apart."""
    from rdflib import Dataset

    ds = Dataset(default_union=False)
    bind_prefixes(ds)
    return ds


def quads_dataset(quads):
    """A Dataset holding ``quads`` (a :class:`kg.quads.Quads`), a named graph each."""
    dataset = new_dataset()
    dataset.parse(data=quads.nquads(), format="nquads")
    return dataset


def corpus_dataset(corpus):
    """The whole graph of a checked corpus: ontology, catalogue and one graph per source."""
    from .quads import corpus_quads

    return quads_dataset(corpus_quads(corpus))


def union_graph(dataset):
    """All triples of every named graph in one Graph (duplicates across graphs merge)."""
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
