"""rdflib Datasets of nnkg graphs, for what needs rdflib: the memory store's SPARQL and
JSON-LD. The claim model is mapped to RDF once, in kg/rdf/quads.py; a Dataset is parsed from
those quads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.base.vocab import bind_prefixes

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["new_dataset", "quads_dataset"]


def new_dataset():
    """An empty Dataset with nnkg's prefixes and each named graph kept apart."""
    from rdflib import Dataset

    ds = Dataset(default_union=False)
    bind_prefixes(ds)
    return ds


def quads_dataset(quads: Quads):
    """A Dataset holding ``quads`` (a :class:`kg.rdf.quads.Quads`), a named graph each."""
    dataset = new_dataset()
    dataset.parse(data=quads.nquads(), format="nquads")
    return dataset
