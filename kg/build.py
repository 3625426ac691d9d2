"""``nnkg build``: the checked graph (:mod:`kg.compile`) written as files in ``build/``."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import Problem
from kg.base.manifest import WAIT

__all__ = ["BUILD_FILES", "BuildResult", "build"]

#: The released artifacts and the writer of each.
BUILD_FILES = {"nnkg.ttl": "ttl", "nnkg.trig": "trig", "nnkg.html": "html"}


@dataclass(frozen=True)
class BuildResult:
    files: tuple[Path, ...]
    sources: int
    claims: int
    entities: int
    triples: int
    warnings: tuple[Problem, ...]
    pending: tuple[str, ...]  # sources whose drafted claims await review
    seconds: float


def build(
    out_dir: Path = Path("build"),
    extra_sources: Sequence[Path] = (),
    *,
    include_packaged: bool = True,
    lock_wait: float = WAIT,
) -> BuildResult:
    """Build the graph and write every file of :data:`BUILD_FILES` into ``out_dir``, and
    then their manifest (see :mod:`kg.base.manifest`).

    Nothing is written unless every check passes (SHACL runs beside serialization, and
    its verdict is awaited before the first write); each file is replaced atomically,
    while holding ``out_dir``'s lock, which another build into it waits ``lock_wait``
    seconds for. Readers check the files against the manifest, so a build killed between
    two files is refused, never read as a mix.
    """
    from kg.base.manifest import write_build
    from kg.base.progress import Steps
    from kg.compile import compile_graph
    from kg.export import write

    started = time.perf_counter()
    with (
        Steps("nnkg build", 3 + len(BUILD_FILES)) as step,
        compile_graph(
            extra_sources, include_packaged=include_packaged, step=step, alongside=True
        ) as compiled,
    ):  # the shapes are checked while the files are made
        payloads = {}
        for name, fmt in BUILD_FILES.items():
            with step(f"writing {name}"):
                payloads[name] = write(compiled.quads, fmt)
    files = write_build(Path(out_dir), payloads, wait=lock_wait)
    corpus = compiled.report.corpus
    return BuildResult(
        files=files,
        sources=len(corpus.sources),
        claims=len(corpus.claims),
        entities=len(corpus.entities),
        triples=len(compiled.quads),
        warnings=tuple(compiled.report.warnings),
        pending=tuple(compiled.report.pending),
        seconds=time.perf_counter() - started,
    )
