"""Interchange with the biomedical graphs: KGX export checked against Biolink, and
importers that turn other claim graphs into source folders.

It stands on :mod:`kg.curation` and :mod:`kg.rdf` and is used by :mod:`kg.cli` only."""
