"""The curation assistant (``nnkg ingest``): a new document's sentences, mentions,
relations, certainty and grounding drafted as candidate claims for a curator to review.

It stands on :mod:`kg.curation` and :mod:`kg.rdf` and is used by :mod:`kg.cli` only."""
