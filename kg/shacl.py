"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ShaclError
from .resources import ontology_dir

__all__ = ["ShaclReport", "assert_conforms", "validate_shapes"]


@dataclass(frozen=True)
class ShaclReport:
    conforms: bool
    messages: tuple[str, ...]  # one line per violation: focus node, path, message


def _short(graph, term) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # a literal or a blank node: show it as it is
        return str(term)


def validate_shapes(dataset, shapes_path: Path | None = None) -> ShaclReport:
    """Check the union of all named graphs; return every violation as one line."""
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH

    from .rdf import union_graph

    shapes = Graph().parse(Path(shapes_path or ontology_dir() / "shapes.ttl"), format="turtle")
    data = union_graph(dataset)
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    messages = []
    if not conforms:
        report: Graph
        for result in report.subjects(SH.resultSeverity, SH.Violation):
            focus = _short(data, report.value(result, SH.focusNode))
            path = report.value(result, SH.resultPath)
            where = f"{focus} {_short(data, path)}" if path is not None else focus
            messages.append(f"{where}: {report.value(result, SH.resultMessage)}")
    return ShaclReport(conforms, tuple(sorted(messages)))


def assert_conforms(dataset, shapes_path: Path | None = None) -> None:
    """Raise :class:`ShaclError` listing every violation unless the graph conforms."""
    report = validate_shapes(dataset, shapes_path)
    if not report.conforms:
        raise ShaclError("SHACL: " + "\nSHACL: ".join(report.messages))
