"""Curation: the curator's YAML and documents read as located records, checked, and
turned into a :class:`kg.base.model.Corpus` (sources, claims, entities, the ontology)."""
