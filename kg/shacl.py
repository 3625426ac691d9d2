"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ShaclError
from .resources import ontology_dir

__all__ = ["BackgroundCheck", "ShaclReport", "assert_conforms", "validate_shapes"]


@dataclass(frozen=True)
class ShaclReport:
    conforms: bool
    messages: tuple[str, ...]  # one line per violation: focus node, path, message


def _short(graph, term) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # a literal or a blank node: show it as it is
        return str(term)


def validate_shapes(dataset, shapes_path: Path | None = None, *, union=None) -> ShaclReport:
    """Check the union of all named graphs (``union``, if the caller has it already);
    return every violation as one line."""
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH

    from .rdf import union_graph

    shapes = Graph().parse(Path(shapes_path or ontology_dir() / "shapes.ttl"), format="turtle")
    data = union if union is not None else union_graph(dataset)
    # the shapes use core SHACL only: no inference, no SHACL-AF (each costs time at scale)
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    messages = []
    if not conforms:
        report: Graph
        for result in report.subjects(SH.resultSeverity, SH.Violation):
            focus = _short(data, report.value(result, SH.focusNode))
            path = report.value(result, SH.resultPath)
            where = f"{focus} {_short(data, path)}" if path is not None else focus
            messages.append(f"{where}: {report.value(result, SH.resultMessage)}")
    return ShaclReport(conforms, tuple(sorted(messages)))


def _raise_unless_conforms(report: ShaclReport) -> None:
    if not report.conforms:
        raise ShaclError("SHACL: " + "\nSHACL: ".join(report.messages))


def assert_conforms(dataset, shapes_path: Path | None = None, *, union=None) -> None:
    """Raise :class:`ShaclError` listing every violation unless the graph conforms."""
    _raise_unless_conforms(validate_shapes(dataset, shapes_path, union=union))


class BackgroundCheck:
    """SHACL in a forked child process while the parent goes on (serializing, say).

    The child inherits the graph from the fork, so nothing is copied or pickled; on a
    2-core machine validation and serialization then take the time of the longer one.
    Where fork does not exist the check runs at once. Use as a context manager: leaving the
    block early stops the child; :meth:`result` waits and raises :class:`ShaclError`.
    """

    def __init__(self, dataset, union=None):
        import multiprocessing as mp

        self._report: ShaclReport | None = None
        self._process = None
        if "fork" not in mp.get_all_start_methods():
            self._report = validate_shapes(dataset, union=union)
            return
        context = mp.get_context("fork")
        self._pipe, child_end = context.Pipe(duplex=False)

        def run() -> None:
            try:
                child_end.send(validate_shapes(dataset, union=union))
            except BaseException as exc:  # the parent reports it as one line
                child_end.send(exc.__class__.__name__ + ": " + str(exc))

        self._process = context.Process(target=run, daemon=True)
        self._process.start()

    def result(self) -> ShaclReport:
        """Wait for the verdict; raise :class:`ShaclError` unless the graph conforms."""
        if self._report is None:
            try:
                answer = self._pipe.recv()
            except EOFError:
                answer = f"the validating process ended with code {self._process.exitcode}"
            self._process.join()
            if isinstance(answer, str):
                raise ShaclError(f"SHACL validation failed: {answer}")
            self._report = answer
        _raise_unless_conforms(self._report)
        return self._report

    def __enter__(self) -> BackgroundCheck:
        return self

    def __exit__(self, *exc) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
