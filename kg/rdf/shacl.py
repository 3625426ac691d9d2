"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

The shapes are compiled to SPARQL (kg/rdf/shapes.py) and run by Oxigraph over the union of
the named graphs, ontology included, so that ``sh:class`` and ``sh:targetClass`` see the
subclass hierarchy. The tests check its verdicts against pyshacl's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.base.children import die_with_parent
from kg.base.errors import ShaclError
from kg.base.files import ontology_dir

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["BackgroundCheck", "ShaclReport", "assert_conforms", "validate_shapes"]


@dataclass(frozen=True)
class ShaclReport:
    conforms: bool
    messages: tuple[str, ...]  # one line per violation: focus node, path, message


def validate_shapes(quads: Quads, shapes_path: Path | None = None) -> ShaclReport:
    """Check ``quads`` (a :class:`kg.rdf.quads.Quads`); return every violation as one line."""
    import pyoxigraph as ox

    from kg.rdf.shapes import compile_shapes
    from kg.rdf.turtle import Compactor

    checks = compile_shapes(Path(shapes_path or ontology_dir() / "shapes.ttl"))
    store = ox.Store()
    store.load(quads.nquads().encode(), ox.RdfFormat.N_QUADS)
    spell = Compactor()
    # Shapes see the union of the named graphs. Oxigraph's union view repeats a triple
    # held by two graphs (oxigraph#1919), which the checks' DISTINCT counts and rows absorb,
    # and it spares making the merge.
    messages = {
        f"{spell(str(row['focus']))} {spell(check.path)}: {check.message}"
        for check in checks
        for row in store.query(check.query, use_default_graph_as_union=True)
    }
    return ShaclReport(not messages, tuple(sorted(messages)))


def _raise_unless_conforms(report: ShaclReport) -> None:
    if not report.conforms:
        raise ShaclError("SHACL: " + "\nSHACL: ".join(report.messages))


def assert_conforms(quads: Quads, shapes_path: Path | None = None) -> None:
    """Raise :class:`ShaclError` listing every violation unless the graph conforms."""
    _raise_unless_conforms(validate_shapes(quads, shapes_path))


class BackgroundCheck:
    """SHACL in a forked child process while the parent goes on (serializing, say).

    The child inherits the quads from the fork, so nothing is copied or pickled; on a
    2-core machine validation and serialization then take the time of the longer one.
    Where fork does not exist the check runs at once. Use as a context manager: leaving the
    block early stops the child, and the child dies with the parent if that is killed;
    :meth:`result` waits and raises :class:`ShaclError`.
    """

    def __init__(self, quads: Quads):
        import multiprocessing as mp

        self._report: ShaclReport | None = None
        self._process = None
        if "fork" not in mp.get_all_start_methods():
            self._report = validate_shapes(quads)
            return
        context = mp.get_context("fork")
        self._pipe, child_end = context.Pipe(duplex=False)
        parent = os.getpid()

        def run() -> None:
            die_with_parent(parent)  # a SIGKILLed build must not leave a validator running
            try:
                child_end.send(validate_shapes(quads))
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
