"""The fixed choices behind nnkg's KGX export, in one place, so an export never changes
because a table was rebuilt: the Biolink version they were made against, the CURIE prefix
a node id prefers for each Biolink category, the Biolink slot of each nnkg relation that
the ontology leaves unaligned, and the enum values every edge carries.

Everything else comes from ``ontology/nnkg.ttl`` (each class's and relation's
``skos:closeMatch``/``skos:exactMatch`` to Biolink). The tests hold these tables to the
pinned ``biolink-model`` schema (:mod:`kg.interop.biolink`), so the export itself needs
no Biolink package.
"""

from __future__ import annotations

__all__ = [
    "AGENT_TYPE",
    "BIOLINK_VERSION",
    "EXTENSION_COLUMNS",
    "KNOWLEDGE_LEVEL",
    "PREDICATE_FALLBACK",
    "PREFIX_PREFERENCE",
]

#: The biolink-model release the tables were checked against (pinned in pyproject.toml).
BIOLINK_VERSION = "4.4.6"

#: Every claim is a curator's reading of a text that states it (Biolink's
#: KnowledgeLevelEnum, AgentTypeEnum); drafts never reach the graph unreviewed.
KNOWLEDGE_LEVEL = "knowledge_assertion"
AGENT_TYPE = "manual_agent"

#: Per Biolink category, the prefixes nnkg's cross-references use, in the order of the
#: category's ``id_prefixes``: an entity's node id is its exact match with the first of
#: these it has. A prefix Biolink does not list for the category is never an id.
PREFIX_PREFERENCE: dict[str, tuple[str, ...]] = {
    "biolink:AnatomicalEntity": ("UBERON", "GO", "CL", "UMLS", "MESH"),
    "biolink:BiologicalProcess": ("GO", "UMLS"),
    "biolink:Cell": ("CL", "UMLS", "MESH", "UBERON"),
    "biolink:CellularComponent": ("GO", "MESH", "UMLS", "CL", "UBERON"),
    "biolink:ChemicalEntity": ("CHEBI", "MESH", "UMLS"),
    "biolink:Disease": ("MONDO", "UMLS", "MESH", "HP"),
    "biolink:DiseaseOrPhenotypicFeature": (),
    "biolink:Food": ("FOODON", "CHEBI", "MESH", "UMLS"),
    "biolink:GeneOrGeneProduct": (),
    "biolink:NamedThing": (),
    "biolink:PhenotypicFeature": ("HP", "UMLS", "MESH"),
    "biolink:PhysiologicalProcess": ("GO",),
    "biolink:PopulationOfIndividualOrganisms": (),
}

#: The Biolink predicate of each nnkg relation that ``ontology/nnkg.ttl`` aligns with no
#: Biolink slot: the nearest broader one (the edge's ``original_predicate`` keeps nnkg's).
#: Biolink 4 has no signed regulation slots (RO's positively/negatively regulates), and
#: ``regulates`` means an evolved control mechanism, so the signed relations go to
#: ``affects``; ``causes`` (RO:0003302, causes *or contributes to*) is broader than
#: Biolink's ``causes`` (RO:0003303), so it goes to its parent ``contributes_to``.
PREDICATE_FALLBACK: dict[str, str] = {
    "atRiskOf": "biolink:associated_with_increased_likelihood_of",
    "causes": "biolink:contributes_to",
    "deficiencyOf": "biolink:has_decreased_amount",
    "disrupts": "biolink:affects",
    "elevatedLevelOf": "biolink:has_increased_amount",
    "promotes": "biolink:affects",
    "reduces": "biolink:affects",
}

#: Columns nnkg adds that are no Biolink slot, each with why (the check lists them).
EXTENSION_COLUMNS: dict[str, str] = {
    "certainty": "asserted or hedged: Biolink has no slot for a text's hedging",
    "qualifier_text": "the words of the quote that state the context qualifiers",
    "supporting_text_location_in_document": "start|end of the quote in its document",
}
