"""The nnkg vocabulary and the namespaces of the data contract (see docs/design.md).

``NNKG`` is a closed ``DefinedNamespace``: a misspelt term raises instead of minting a
new IRI.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = [
    "BIOLINK",
    "CLAIM",
    "CURIE_PREFIXES",
    "ENT",
    "GRAPH_CATALOGUE",
    "GRAPH_ONTOLOGY",
    "NNKG",
    "NNKG_NS",
    "OBO",
    "PREFIXES",
    "SRC",
    "bind_prefixes",
    "curie_to_iri",
    "iri_to_curie",
    "prefix_iris",
]


class NNKG(DefinedNamespace):
    """Terms of ``https://w3id.org/nnkg/ontology#``."""

    _NS = Namespace("https://w3id.org/nnkg/ontology#")
    _fail = True

    # entity classes
    Entity: URIRef
    ChemicalEntity: URIRef
    Nutrient: URIRef
    Food: URIRef
    PopulationGroup: URIRef
    BiologicalProcess: URIRef
    PhysiologicalFunction: URIRef
    AnatomicalStructure: URIRef
    Cell: URIRef
    CellularComponent: URIRef
    Condition: URIRef
    Disease: URIRef
    DeficiencyState: URIRef
    Phenotype: URIRef
    # provenance model
    Claim: URIRef
    Source: URIRef
    SourceKind: URIRef
    PopularArticle: URIRef
    FactSheet: URIRef
    Review: URIRef
    PrimaryStudy: URIRef
    Textbook: URIRef
    Certainty: URIRef
    Asserted: URIRef
    Hedged: URIRef
    Polarity: URIRef
    Increases: URIRef
    Decreases: URIRef
    Neutral: URIRef
    Relation: URIRef
    StructuralRelation: URIRef
    # claim and source properties
    quote: URIRef
    subjectText: URIRef
    objectText: URIRef
    start: URIRef
    end: URIRef
    certainty: URIRef
    certaintyNote: URIRef
    negated: URIRef
    sourceKind: URIRef
    sha256: URIRef
    reliabilityRank: URIRef
    polarity: URIRef


#: The same IRI space, open: for relations and classes that ontology/nnkg.ttl declares and
#: curation has already checked (the closed ``NNKG`` covers the terms code relies on).
NNKG_NS = Namespace(str(NNKG._NS))
ENT = Namespace("https://w3id.org/nnkg/entity/")
CLAIM = Namespace("https://w3id.org/nnkg/claim/")
SRC = Namespace("https://w3id.org/nnkg/source/")
OBO = Namespace("http://purl.obolibrary.org/obo/")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
MESH = Namespace("http://id.nlm.nih.gov/mesh/")

GRAPH_ONTOLOGY = URIRef("https://w3id.org/nnkg/ontology")
GRAPH_CATALOGUE = URIRef("https://w3id.org/nnkg/catalogue")

#: Every prefix nnkg writes, in one place, so outputs never change prefixes silently.
PREFIXES: dict[str, Namespace] = {
    "nnkg": NNKG_NS,
    "ent": ENT,
    "claim": CLAIM,
    "src": SRC,
    "obo": OBO,
    "biolink": BIOLINK,
    "mesh": MESH,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "xsd": Namespace(str(XSD)),
    "sh": Namespace("http://www.w3.org/ns/shacl#"),
}


def prefix_iris() -> dict[str, str]:
    """:data:`PREFIXES` as plain text, as SPARQL engines take predeclared prefixes."""
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def bind_prefixes(graph) -> None:
    """Bind exactly nnkg's prefixes (replacing rdflib's defaults) on ``graph``."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


#: CURIE prefixes an xref may use, and the IRI each expands to.
CURIE_PREFIXES = {
    **{
        prefix: f"http://purl.obolibrary.org/obo/{prefix}_"
        for prefix in ("CHEBI", "GO", "HP", "MONDO", "UBERON", "CL", "FOODON", "ONS", "MFOEM")
    },
    "MESH": "http://id.nlm.nih.gov/mesh/",
}


def curie_to_iri(curie: str) -> str:
    """Expand a checked CURIE to its IRI.

    >>> curie_to_iri("CHEBI:30411")
    'http://purl.obolibrary.org/obo/CHEBI_30411'
    >>> curie_to_iri("MESH:D014805")
    'http://id.nlm.nih.gov/mesh/D014805'
    """
    prefix, local = curie.split(":", 1)
    return CURIE_PREFIXES[prefix] + local


def iri_to_curie(iri: str) -> str:
    """The CURIE of a cross-reference IRI, or the IRI itself when no prefix fits.

    >>> iri_to_curie("http://purl.obolibrary.org/obo/CHEBI_30411")
    'CHEBI:30411'
    """
    for prefix, base in CURIE_PREFIXES.items():
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base) :]}"
    return iri
