"""The one in-memory pipeline: curated sources -> checked corpus -> quads -> SHACL.

``nnkg validate`` runs it, ``nnkg build`` runs it and writes its quads (:mod:`kg.build`),
and a reading command with no build runs it over the packaged sources (:mod:`kg.graph`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import Problem
from kg.curation.corpus import CurationReport
from kg.rdf.quads import Quads

__all__ = ["Compiled", "build_quads", "compile_graph"]

Step = Callable[[str], AbstractContextManager]


@dataclass(frozen=True)
class Compiled:
    """A corpus that passed every curation check, and its quads."""

    report: CurationReport
    quads: Quads


def _no_step(name: str) -> AbstractContextManager:
    return nullcontext()


@contextmanager
def compile_graph(
    extra_sources: Sequence[Path] = (),
    *,
    include_packaged: bool = True,
    step: Step = _no_step,
    warn: Callable[[Problem], None] | None = None,
    alongside: bool = False,
) -> Iterator[Compiled]:
    """Curate the packaged sources (unless ``include_packaged`` is false) and
    ``extra_sources``, convert them to quads and check the SHACL shapes; the block runs on
    the result. Problems raise :class:`~kg.base.errors.CurationError` (after each warning
    went to ``warn``), a violated shape :class:`~kg.base.errors.ShaclError`.

    ``alongside``: the shapes are checked in a child process while the block runs (a build
    serializes meanwhile), and the verdict is awaited as the block ends; otherwise before
    it starts. ``step`` names each stage (a :class:`kg.base.progress.Steps`)."""
    from kg.curation.corpus import curate
    from kg.rdf.claims import corpus_quads
    from kg.rdf.shacl import BackgroundCheck, assert_conforms

    with step("curating"):
        report = curate(extra_sources, include_packaged=include_packaged)
    for warning in report.warnings if warn else ():
        warn(warning)
    report.raise_for_problems()
    with step("converting to RDF"):
        quads = corpus_quads(report.corpus)
    if not alongside:
        with step("SHACL"):
            assert_conforms(quads)
        yield Compiled(report, quads)
        return
    with BackgroundCheck(quads) as shacl:
        yield Compiled(report, quads)
        with step("SHACL"):
            shacl.result()


def build_quads(
    extra_sources: Sequence[Path] = (), *, include_packaged: bool = True
) -> tuple[Quads, CurationReport]:
    """The checked graph of the sources (see :func:`compile_graph`) and its curation report."""
    with compile_graph(extra_sources, include_packaged=include_packaged) as compiled:
        return compiled.quads, compiled.report
