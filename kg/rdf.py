"""Turn a checked corpus into one rdflib Dataset: a named graph per source, plus the
ontology and the entity catalogue, following the claim model of DESIGN.md."""

from __future__ import annotations

from pathlib import Path

from .catalogue import curie_to_iri
from .model import Certainty, Claim, Corpus, Entity, Source
from .resources import ontology_dir
from .vocab import (
    CLAIM,
    ENT,
    GRAPH_CATALOGUE,
    GRAPH_ONTOLOGY,
    NNKG,
    NNKG_NS,
    SRC,
    bind_prefixes,
)

__all__ = [
    "claim_iri",
    "corpus_dataset",
    "entity_iri",
    "new_dataset",
    "source_iri",
    "union_graph",
]


def entity_iri(slug: str):
    return ENT[slug]


def source_iri(source_id: str):
    return SRC[source_id]


def claim_iri(claim: Claim):
    return CLAIM[claim.id]


def new_dataset():
    """An empty Dataset with nnkg's prefixes and each named graph kept apart."""
    from rdflib import Dataset

    ds = Dataset(default_union=False)
    bind_prefixes(ds)
    return ds


def _add_entity(graph, entity: Entity) -> None:
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS, SKOS
    from rdflib.term import URIRef

    node = entity_iri(entity.id)
    graph.add((node, RDF.type, NNKG_NS[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label, lang="en")))
    for synonym in entity.synonyms:
        graph.add((node, SKOS.altLabel, Literal(synonym, lang="en")))
    if entity.definition:
        graph.add((node, SKOS.definition, Literal(entity.definition, lang="en")))
    for xref in entity.xrefs:
        match = SKOS.exactMatch if xref.match == "exact" else SKOS.closeMatch
        graph.add((node, match, URIRef(curie_to_iri(xref.curie))))


def _add_source(graph, source: Source) -> None:
    from rdflib import Literal
    from rdflib.namespace import DCTERMS, PROV, RDF

    node = source_iri(source.id)
    graph.add((node, RDF.type, NNKG.Source))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, DCTERMS.title, Literal(source.title)))
    graph.add((node, NNKG.sourceKind, NNKG[source.kind]))
    graph.add((node, NNKG.sha256, Literal(source.sha256)))
    if source.note:
        graph.add((node, DCTERMS.description, Literal(source.note)))


def _add_claim(graph, claim: Claim) -> None:
    from rdflib import Literal
    from rdflib.namespace import PROV, RDF

    s, p, o = entity_iri(claim.subject), NNKG_NS[claim.predicate], entity_iri(claim.object)
    if not claim.negated:
        graph.add((s, p, o))  # the direct ("truthy") edge exists only for what is affirmed
    node = claim_iri(claim)
    certainty = NNKG.Asserted if claim.certainty is Certainty.ASSERTED else NNKG.Hedged
    for pred, value in (
        (RDF.type, NNKG.Claim),
        (RDF.subject, s),
        (RDF.predicate, p),
        (RDF.object, o),
        (PROV.wasDerivedFrom, source_iri(claim.source)),
        (NNKG.quote, Literal(claim.quote)),
        (NNKG.subjectText, Literal(claim.subject_text)),
        (NNKG.objectText, Literal(claim.object_text)),
        (NNKG.start, Literal(claim.start)),
        (NNKG.end, Literal(claim.end)),
        (NNKG.certainty, certainty),
        (NNKG.negated, Literal(claim.negated)),
    ):
        graph.add((node, pred, value))
    if claim.certainty_note:
        graph.add((node, NNKG.certaintyNote, Literal(claim.certainty_note)))


def corpus_dataset(corpus: Corpus, ontology_path: Path | None = None):
    """The whole graph: ontology, catalogue and one named graph per source."""
    ds = new_dataset()
    tbox = ds.graph(GRAPH_ONTOLOGY)
    tbox.parse(Path(ontology_path or ontology_dir()) / "nnkg.ttl", format="turtle")
    catalogue = ds.graph(GRAPH_CATALOGUE)
    for entity in corpus.entities.values():
        _add_entity(catalogue, entity)
    for source in corpus.sources:
        graph = ds.graph(source_iri(source.id))
        _add_source(graph, source)
        for claim in source.claims:
            _add_claim(graph, claim)
    return ds


def union_graph(dataset):
    """All triples of every named graph in one Graph (duplicates across graphs merge)."""
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
