"""The offline Biolink check of a KGX export, against the pinned ``biolink-model`` schema.

``kgx validate`` fetches the Biolink YAML from the network when it is imported, so nnkg
checks with the schema the ``biolink-model`` package ships, loaded by linkml-runtime's
``SchemaView`` (a couple of seconds; imported here only, never by ``nnkg --help``).

Errors (the export is refused): a category that is no Biolink class, a predicate that is
no Biolink predicate, an enum value Biolink does not define, an edge whose subject or
object is no node, a malformed offset or boolean, a schema of another Biolink version
than the export names. Warnings (one line each, grouped so a large graph gives few): an id
prefix Biolink does not list for the node's category, a prefix Biolink's prefix map does
not know, a column that is no Biolink slot, a knowledge source that is no ``infores:``.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.base.errors import NnkgError
from kg.interop.mapping import EXTENSION_COLUMNS

__all__ = ["BiolinkCheckError", "BiolinkReport", "check_kgx", "raise_on_errors", "schema"]

_MAX_ERRORS = 20
_OFFSETS = ("subject_location_in_text", "object_location_in_text")
_ENUMS = {"knowledge_level": "KnowledgeLevelEnum", "agent_type": "AgentTypeEnum"}


class BiolinkCheckError(NnkgError):
    """The export breaks the Biolink model, or the model cannot be loaded."""


@dataclass(frozen=True)
class Schema:
    """What the check needs of the Biolink model, looked up once."""

    version: str
    classes: dict[str, object]  # CamelCase name -> ClassDefinition
    slots: set[str]  # snake_case slot names
    predicates: set[str]  # snake_case, descendants of related_to
    enums: dict[str, set[str]]
    prefixes: set[str]  # the prefix map's prefixes


@cache
def schema() -> Schema:
    """The Biolink model of the installed ``biolink-model`` package (the ``kgx`` extra)."""
    try:
        from importlib.resources import files

        from linkml_runtime.utils.schemaview import SchemaView

        package = files("biolink_model")
    except ImportError:
        raise BiolinkCheckError(
            "the Biolink check needs biolink-model and linkml-runtime: pip install 'nnkg[kgx]'"
        ) from None
    view = SchemaView(str(package / "schema" / "biolink_model.yaml"))
    prefix_map = json.loads((package / "prefixmaps" / "biolink_model_prefix_map.json").read_text())
    slots = view.slot_name_mappings()
    predicates = {s.replace(" ", "_") for s in view.slot_descendants("related to", reflexive=True)}
    return Schema(
        version=str(view.schema.version),
        classes=view.class_name_mappings(),
        slots=set(slots),
        predicates={p for p in predicates if not (slots[p].mixin or slots[p].abstract)},
        enums={e: set(view.get_enum(e).permissible_values) for e in _ENUMS.values()},
        prefixes=set(prefix_map),
    )


@dataclass
class BiolinkReport:
    """What the check found: ``errors`` refuse the export, ``warnings`` are for reading."""

    version: str
    nodes: int = 0
    edges: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, line: str) -> None:
        self.errors.append(line)


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream, delimiter="\t")
        rows = list(reader)
        return list(reader.fieldnames or ()), rows


def _prefix(curie: str) -> str:
    return curie.split(":", 1)[0] if ":" in curie and "://" not in curie else ""


def _columns(report: BiolinkReport, names: list[str], slots: set[str], what: str) -> None:
    for name in names:
        if name not in slots:
            why = EXTENSION_COLUMNS.get(name, "not a column nnkg declares")
            report.warnings.append(f"{what} column {name}: not a Biolink slot ({why})")


def _check_nodes(report: BiolinkReport, s: Schema, rows: list[dict[str, str]]) -> dict[str, str]:
    """Categories and id prefixes; returns each node's first category by id."""
    unlisted: dict[tuple[str, str], list[str]] = defaultdict(list)
    unknown: dict[str, list[str]] = defaultdict(list)
    first: dict[str, str] = {}
    for row in rows:
        node, categories = row["id"], [c for c in row.get("category", "").split("|") if c]
        if not categories:
            report.error(f"node {node}: no category")
        allowed: set[str] = set()
        for category in categories:
            cls = s.classes.get(category.removeprefix("biolink:"))
            if not category.startswith("biolink:") or cls is None or cls.mixin:
                report.error(f"node {node}: category {category} is not a Biolink class")
                continue
            allowed.update(cls.id_prefixes or ())
        first[node] = categories[0] if categories else ""
        if categories and _prefix(node) not in allowed:
            unlisted[(first[node], _prefix(node) or node)].append(node)
        for curie in (x for x in row.get("xref", "").split("|") if x):
            if _prefix(curie) not in s.prefixes:
                unknown[_prefix(curie) or curie].append(curie)
    for (category, prefix), nodes in sorted(unlisted.items()):
        report.warnings.append(
            f"node ids: prefix {prefix} is not among Biolink's id_prefixes for {category} "
            f"({len(nodes)} node(s), e.g. {nodes[0]})"
        )
    for prefix, curies in sorted(unknown.items()):
        report.warnings.append(
            f"xrefs: prefix {prefix} is not in Biolink's prefix map "
            f"({len(curies)} CURIE(s), e.g. {curies[0]})"
        )
    return first


def _check_edges(
    report: BiolinkReport, s: Schema, rows: list[dict[str, str]], nodes: dict[str, str]
) -> None:
    sources: Counter[str] = Counter()
    unknown: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        edge = row["id"]
        predicate = row.get("predicate", "")
        if predicate.removeprefix("biolink:") not in s.predicates or ":" not in predicate:
            report.error(f"edge {edge}: predicate {predicate!r} is not a Biolink predicate")
        for end in ("subject", "object"):
            if row.get(end, "") not in nodes:
                report.error(f"edge {edge}: {end} {row.get(end)!r} is not a node")
        for column, enum in _ENUMS.items():
            if row.get(column, "") not in s.enums[enum]:
                report.error(f"edge {edge}: {column} {row.get(column)!r} is not in {enum}")
        if row.get("negated", "false") not in ("true", "false"):
            report.error(f"edge {edge}: negated {row['negated']!r} is not true or false")
        for column in _OFFSETS:
            parts = row.get(column, "").split("|")
            if row.get(column) and not (len(parts) == 2 and all(p.isdigit() for p in parts)):
                report.error(f"edge {edge}: {column} {row[column]!r} is not start|end")
        population = row.get("population_context_qualifier", "")
        if population and population not in nodes:
            report.error(f"edge {edge}: population_context_qualifier {population} is not a node")
        for column in ("original_predicate", "subject_context_qualifier"):
            if row.get(column) and _prefix(row[column]) not in s.prefixes:
                unknown[(column, _prefix(row[column]))].append(edge)
        source = row.get("primary_knowledge_source", "")
        if not source.startswith("infores:"):
            sources[source] += 1
    for (column, prefix), edges in sorted(unknown.items()):
        report.warnings.append(
            f"edges: {column} prefix {prefix} is not in Biolink's prefix map ({len(edges)} edge(s))"
        )
    if sources:
        report.warnings.append(
            f"edges: primary_knowledge_source is the source's own IRI, not an infores id "
            f"(none is registered for these sources): {len(sources)} source(s), "
            f"{sum(sources.values())} edge(s)"
        )


def check_kgx(folder: Path) -> BiolinkReport:
    """Check the KGX export in ``folder`` against the Biolink model."""
    s = schema()
    metadata = json.loads((Path(folder) / "metadata.json").read_text(encoding="utf-8"))
    report = BiolinkReport(version=s.version)
    if metadata.get("biolink_version") != s.version:
        report.error(
            f"metadata.json names Biolink {metadata.get('biolink_version')}, "
            f"the installed biolink-model is {s.version}"
        )
    node_columns, nodes = _read(Path(folder) / "nodes.tsv")
    edge_columns, edges = _read(Path(folder) / "edges.tsv")
    report.nodes, report.edges = len(nodes), len(edges)
    _columns(report, node_columns, s.slots, "nodes.tsv")
    _columns(report, edge_columns, s.slots, "edges.tsv")
    _check_edges(report, s, edges, _check_nodes(report, s, nodes))
    return report


def raise_on_errors(report: BiolinkReport) -> None:
    """Refuse the export with its errors, one line each, bounded."""
    if report.errors:
        shown = report.errors[:_MAX_ERRORS]
        more = len(report.errors) - len(shown)
        lines = [f"Biolink {report.version} check failed: {len(report.errors)} error(s)", *shown]
        raise BiolinkCheckError("\n".join(lines + ([f"… and {more} more"] if more else [])))
