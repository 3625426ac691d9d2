"""The claim model mapped to RDF: the data contract of docs/design.md ("Claim model").

Each entity goes to the catalogue graph, each source and its claims to the source's named
graph. A claim is an RDF reification (``rdf:subject``/``predicate``/``object``) carrying
its evidence (quote, mentions, offsets, certainty, negation, the source it was derived
from) and, when it has one, its context in Biolink's qualifier slots (population, exposure)
with the words that state it; the direct ("truthy") edge exists only for what is affirmed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.base.files import ontology_dir
from kg.base.model import Claim, Corpus, Entity, Source
from kg.base.vocab import (
    BIOLINK,
    CLAIM,
    ENT,
    GRAPH_CATALOGUE,
    GRAPH_ONTOLOGY,
    NNKG_NS,
    SRC,
    XSD_BOOLEAN,
    XSD_INTEGER,
    curie_to_iri,
)
from kg.rdf.quads import (
    DCTERMS,
    NNKG,
    PROV,
    RDF,
    RDF_TYPE,
    RDFS,
    SKOS,
    Quad,
    Quads,
    Triple,
    iri,
    lexical,
    literal,
    parse_quads,
)

__all__ = ["POPULATION_QUALIFIER", "SUBJECT_CONTEXT_QUALIFIER", "corpus_quads"]

#: Biolink's slots for a claim's context: the population it holds in, and (for nnkg) the
#: exposure, the context in which its subject holds.
POPULATION_QUALIFIER = iri(BIOLINK["population_context_qualifier"])
SUBJECT_CONTEXT_QUALIFIER = iri(BIOLINK["subject_context_qualifier"])


def _integer(value: int) -> str:
    return literal(str(value), datatype=XSD_INTEGER)


def _boolean(value: bool) -> str:
    return literal("true" if value else "false", datatype=XSD_BOOLEAN)


def _entity(entity: Entity) -> Iterator[Triple]:
    node = iri(ENT[entity.id])
    yield node, RDF_TYPE, iri(NNKG_NS[entity.type])
    yield node, RDFS + "label>", literal(entity.label, lang="en")
    for synonym in entity.synonyms:
        yield node, SKOS + "altLabel>", literal(synonym, lang="en")
    if entity.definition:
        yield node, SKOS + "definition>", literal(entity.definition, lang="en")
    for xref in entity.xrefs:
        match = "exactMatch>" if xref.match == "exact" else "closeMatch>"
        yield node, SKOS + match, iri(curie_to_iri(xref.curie))


def _source(source: Source) -> Iterator[Triple]:
    node = iri(SRC[source.id])
    yield node, RDF_TYPE, NNKG + "Source>"
    yield node, RDF_TYPE, PROV + "Entity>"
    yield node, DCTERMS + "title>", literal(source.title)
    yield node, NNKG + "sourceKind>", NNKG + source.kind + ">"
    yield node, NNKG + "sha256>", literal(source.sha256)
    yield node, NNKG + "text>", literal(source.document)  # what the offsets index
    if source.note:
        yield node, DCTERMS + "description>", literal(source.note)


def _qualifiers(claim: Claim, exposures: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The claim's context, predicate and object, for the claims that have one."""
    if claim.population:
        yield POPULATION_QUALIFIER, iri(ENT[claim.population])
    if claim.exposure:
        yield SUBJECT_CONTEXT_QUALIFIER, exposures[claim.exposure]
    if claim.qualifier_text:
        yield NNKG + "qualifierText>", literal(claim.qualifier_text)


def _claim(claim: Claim, exposures: dict[str, str]) -> Iterator[Triple]:
    s, p, o = iri(ENT[claim.subject]), NNKG + claim.predicate + ">", iri(ENT[claim.object])
    if not claim.negated:
        yield s, p, o  # the direct ("truthy") edge exists only for what is affirmed
    node = iri(CLAIM[claim.id])
    yield node, RDF_TYPE, NNKG + "Claim>"
    yield node, RDF + "subject>", s
    yield node, RDF + "predicate>", p
    yield node, RDF + "object>", o
    yield node, PROV + "wasDerivedFrom>", iri(SRC[claim.source])
    yield node, NNKG + "quote>", literal(claim.quote)
    yield node, NNKG + "subjectText>", literal(claim.subject_text)
    yield node, NNKG + "objectText>", literal(claim.object_text)
    yield node, NNKG + "start>", _integer(claim.start)
    yield node, NNKG + "end>", _integer(claim.end)
    yield node, NNKG + "certainty>", NNKG + claim.certainty.term + ">"
    yield node, NNKG + "negated>", _boolean(claim.negated)
    if claim.certainty_note:
        yield node, NNKG + "certaintyNote>", literal(claim.certainty_note)
    for predicate, value in _qualifiers(claim, exposures):
        yield node, predicate, value


def _exposures(ontology: list[Quad]) -> dict[str, str]:
    """The ontology's exposure terms by the code a curator writes (``skos:notation``)."""
    terms = {s for _, s, p, o in ontology if p == RDF_TYPE and o == NNKG + "Exposure>"}
    return {lexical(o): s for _, s, p, o in ontology if p == SKOS + "notation>" and s in terms}


def corpus_quads(corpus: Corpus, ontology_path: Path | None = None) -> Quads:
    """The whole graph: ontology, catalogue and one named graph per source."""
    ontology = Path(ontology_path or ontology_dir()) / "nnkg.ttl"
    quads: list[Quad] = list(parse_quads(ontology, "ttl", graph=iri(GRAPH_ONTOLOGY)))
    exposures = _exposures(quads)
    catalogue = iri(GRAPH_CATALOGUE)
    for entity in corpus.entities.values():
        quads.extend((catalogue, *t) for t in _entity(entity))
    for source in corpus.sources:
        graph = iri(SRC[source.id])
        quads.extend((graph, *t) for t in _source(source))
        for claim in source.claims:
            quads.extend((graph, *t) for t in _claim(claim, exposures))
    return Quads.of(quads)
