"""KGX TSV in (``nnkg import kgx NODES.tsv EDGES.tsv``): the rows of a KGX edges file that
carry a ``supporting_text``, as :class:`kg.interop.imported.Row` s.

The files are told apart by their header (an edges file has ``subject``, ``predicate`` and
``object``; a nodes file ``id`` and ``category``). An edge's relation is its
``original_predicate`` when that is an nnkg relation (so nnkg's own export reads back to
the same claims), else the nnkg relation of its Biolink predicate (:data:`BIOLINK_RELATIONS`,
the predicates that name exactly one nnkg relation). Mention texts are read at
``subject_location_in_text``/``object_location_in_text`` (offsets in the quote), else the
node's name where the quote holds it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kg.base.vocab import ENT_IRI
from kg.interop.imported import Agent, ImportError_, Problems, Row, mention, read_text

__all__ = ["BIOLINK_CATEGORIES", "BIOLINK_RELATIONS", "read_kgx"]

#: Biolink predicate -> the one nnkg relation it stands for (where it stands for one).
BIOLINK_RELATIONS = {
    "biolink:affects": "affects",
    "biolink:ameliorates_condition": "treats",
    "biolink:causes": "causes",
    "biolink:has_decreased_amount": "deficiencyOf",
    "biolink:has_food_component": "contains",
    "biolink:has_increased_amount": "elevatedLevelOf",
    "biolink:has_nutrient": "sourceOf",
    "biolink:has_output": "produces",
    "biolink:has_phenotype": "hasSymptom",
    "biolink:part_of": "partOf",
    "biolink:preventative_for_condition": "prevents",
    "biolink:regulates": "regulates",
    "biolink:subclass_of": "isA",
    "biolink:associated_with": "linkedTo",
    "biolink:correlated_with": "linkedTo",
}
#: Biolink category -> nnkg class (the ontology's alignment read backwards, most specific
#: nnkg class where a category has two; the lexicon's class wins where it knows the CURIE).
BIOLINK_CATEGORIES = {
    "biolink:AnatomicalEntity": "AnatomicalStructure",
    "biolink:BiologicalProcess": "BiologicalProcess",
    "biolink:Cell": "Cell",
    "biolink:CellularComponent": "CellularComponent",
    "biolink:ChemicalEntity": "ChemicalEntity",
    "biolink:SmallMolecule": "ChemicalEntity",
    "biolink:Disease": "Disease",
    "biolink:Food": "Food",
    "biolink:Gene": "GeneOrProtein",
    "biolink:GeneOrGeneProduct": "GeneOrProtein",
    "biolink:Protein": "GeneOrProtein",
    "biolink:PhenotypicFeature": "Phenotype",
    "biolink:PhysiologicalProcess": "PhysiologicalFunction",
    "biolink:PopulationOfIndividualOrganisms": "PopulationGroup",
}
_EDGE = {"subject", "predicate", "object"}


def _read(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t")
    rows = []
    for row in reader:
        rows.append((reader.line_num, {k: (v or "") for k, v in row.items() if k}))
    return list(reader.fieldnames or []), rows


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _nodes(rows) -> dict[str, Agent]:
    found = {}
    for _, row in rows:
        node = row.get("id", "")
        iri = row.get("iri", "")
        entity = node[4:] if node.startswith("ent:") else ""
        if iri.startswith(ENT_IRI):
            entity = iri[len(ENT_IRI) :]
        types = [BIOLINK_CATEGORIES[c] for c in _split(row.get("category", ""))
                 if c in BIOLINK_CATEGORIES]  # fmt: skip
        curies = tuple(dict.fromkeys([node, *_split(row.get("xref", ""))]))
        synonyms = tuple(_split(row.get("synonym", "")))
        found[node] = Agent(row.get("name", ""), curies, types[0] if types else "", entity,
                            synonyms)  # fmt: skip
    return found


def _agent(nodes: dict[str, Agent], node: str) -> Agent:
    if node in nodes:
        return nodes[node]
    return Agent("", (node,), "", node[4:] if node.startswith("ent:") else "")


def _at(quote: str, span: str, agent: Agent) -> str:
    parts = span.split("|")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        start, end = int(parts[0]), int(parts[1])
        if 0 <= start < end <= len(quote):
            return quote[start:end]
    return mention(quote, agent.label, *agent.synonyms)


def _relation(row: dict[str, str], relations) -> str:
    original = row.get("original_predicate", "")
    if original.startswith("nnkg:") and original[5:] in relations:
        return original[5:]
    return BIOLINK_RELATIONS.get(row.get("predicate", ""), "")


def _edge(where: str, row: dict, nodes, ontology, problems: Problems) -> list[Row]:
    quotes = _split(row.get("supporting_text", ""))
    relation = _relation(row, ontology.relations)
    exposures = {local: code for code, local in ontology.exposures.items()}
    checks = (
        ("supporting_text", not quotes, "no supporting_text: nnkg keeps only quoted claims"),
        ("predicate", not relation, f"{row.get('predicate')!r} (original_predicate "
         f"{row.get('original_predicate', '')!r}) names no one nnkg relation"),
        ("negated", row.get("negated", "false") not in ("true", "false", "True", "False"),
         f"{row.get('negated')!r} is not true or false"),
        ("certainty", row.get("certainty", "asserted") not in ("", "asserted", "hedged"),
         f"{row.get('certainty')!r} is not asserted or hedged"),
    )  # fmt: skip
    for name, bad, message in checks:
        if bad:
            problems.add(where, name, message)
            return []
    subject, obj = _agent(nodes, row["subject"]), _agent(nodes, row["object"])
    population = row.get("population_context_qualifier", "")
    exposure = row.get("subject_context_qualifier", "")
    out = []
    for quote in quotes:
        texts = (_at(quote, row.get("subject_location_in_text", ""), subject),
                 _at(quote, row.get("object_location_in_text", ""), obj))  # fmt: skip
        spans = ("subject_location_in_text", "object_location_in_text")
        for name, text in zip(spans, texts, strict=True):
            if not text:
                problems.add(where, name, "no mention of it found in the supporting_text")
        if not all(texts):
            continue
        out.append(Row(
            where, subject, relation, obj, quote, texts[0], texts[1],
            row.get("certainty") or "asserted", row.get("negated", "false").lower() == "true",
            _agent(nodes, population) if population else None,
            exposures.get(exposure.split(":", 1)[-1], exposure), row.get("qualifier_text", ""),
        ))  # fmt: skip
    return out


def read_kgx(paths: list[Path], ontology, problems: Problems) -> tuple[list[Row], int]:
    """The rows of the edges file among ``paths`` (and the nodes file's names and ids)."""
    edges: list[tuple[Path, list]] = []
    nodes: dict[str, Agent] = {}
    for path in paths:
        header, rows = _read(path)
        if set(header) >= _EDGE:
            edges.append((path, rows))
        elif {"id", "category"} <= set(header):
            nodes.update(_nodes(rows))
        else:
            raise ImportError_(f"{path}: neither a KGX nodes file (id, category) nor an "
                               "edges file (subject, predicate, object) by its header")  # fmt: skip
    if not edges:
        raise ImportError_("no KGX edges file given (a header with subject, predicate, object)")
    out, read = [], 0
    for path, rows in edges:
        for line, row in rows:
            read += 1
            out += _edge(f"{path.name}:{line}", row, nodes, ontology, problems)
    return out, read
