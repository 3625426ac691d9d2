"""The nnkg vocabulary and the namespaces of the data contract (see docs/design.md).

``NNKG`` is a closed ``DefinedNamespace``: a misspelt term raises instead of minting a
new IRI. Each namespace IRI is also here as a plain ``str`` (``RDF_IRI``, ``ENT_IRI``, …),
and so are the datatype IRIs the code names (``XSD_STRING``, …), for code that spells
terms as text: :mod:`kg.rdf.quads` makes millions of them, where an rdflib ``Namespace``
attribute is a ``URIRef`` made by a method call each time.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = [
    "BIOLINK",
    "CLAIM",
    "CLAIM_IRI",
    "CURIE_PREFIXES",
    "DCTERMS_IRI",
    "ENT",
    "ENT_IRI",
    "GRAPH_CATALOGUE",
    "GRAPH_ONTOLOGY",
    "NNKG",
    "NNKG_IRI",
    "NNKG_NS",
    "OBO",
    "PREFIXES",
    "PROV_IRI",
    "RDFS_IRI",
    "RDF_IRI",
    "RDF_LANG_STRING",
    "SH_IRI",
    "SKOS_IRI",
    "SRC",
    "SRC_IRI",
    "XSD_BOOLEAN",
    "XSD_INTEGER",
    "XSD_IRI",
    "XSD_STRING",
    "bind_prefixes",
    "curie_to_iri",
    "iri_to_curie",
    "prefix_iris",
]

# Namespace IRIs, plain text: nnkg's own, then the W3C's as rdflib spells them.
NNKG_IRI = "https://w3id.org/nnkg/ontology#"
ENT_IRI = "https://w3id.org/nnkg/entity/"
CLAIM_IRI = "https://w3id.org/nnkg/claim/"
SRC_IRI = "https://w3id.org/nnkg/source/"
RDF_IRI, RDFS_IRI, XSD_IRI = str(RDF), str(RDFS), str(XSD)
SKOS_IRI, PROV_IRI, DCTERMS_IRI, SH_IRI = str(SKOS), str(PROV), str(DCTERMS), str(SH)

# Datatype IRIs the code names.
XSD_STRING = XSD_IRI + "string"
XSD_INTEGER = XSD_IRI + "integer"
XSD_BOOLEAN = XSD_IRI + "boolean"
RDF_LANG_STRING = RDF_IRI + "langString"


class NNKG(DefinedNamespace):
    """Terms of ``https://w3id.org/nnkg/ontology#``."""

    _NS = Namespace(NNKG_IRI)
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
    GeneOrProtein: URIRef
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
    Exposure: URIRef
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
    qualifierText: URIRef
    sourceKind: URIRef
    sha256: URIRef
    reliabilityRank: URIRef
    polarity: URIRef


#: The same IRI space, open: for relations and classes that ontology/nnkg.ttl declares and
#: curation has already checked (the closed ``NNKG`` covers the terms code relies on).
NNKG_NS = Namespace(NNKG_IRI)
ENT = Namespace(ENT_IRI)
CLAIM = Namespace(CLAIM_IRI)
SRC = Namespace(SRC_IRI)
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
    "rdf": Namespace(RDF_IRI),
    "rdfs": Namespace(RDFS_IRI),
    "owl": Namespace(str(OWL)),
    "skos": Namespace(SKOS_IRI),
    "prov": Namespace(PROV_IRI),
    "dcterms": Namespace(DCTERMS_IRI),
    "xsd": Namespace(XSD_IRI),
    "sh": Namespace(SH_IRI),
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
    # UMLS concepts (CUIs) that imports (SemMedDB) name, with Biolink's prefix map's expansion
    "UMLS": "http://identifiers.org/umls/",
    # genes and proteins (nnkg:GeneOrProtein), with Biolink's prefix map's expansions
    "HGNC": "http://identifiers.org/hgnc/",
    "UniProtKB": "http://purl.uniprot.org/uniprot/",
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
