"""``nnkg build``: sources + ontology -> checked, validated graph -> files in ``build/``."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .manifest import WAIT

__all__ = ["BUILD_FILES", "BuildResult", "build", "build_quads"]

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
    seconds: float


def build_quads(extra_sources: Sequence[Path] = (), *, include_packaged: bool = True):
    """Curate, convert and SHACL-check; return ``(quads, report)`` or raise NnkgError."""
    from .curation import load_corpus
    from .quads import corpus_quads
    from .shacl import assert_conforms

    report = load_corpus(extra_sources, include_packaged=include_packaged)
    quads = corpus_quads(report.corpus)
    assert_conforms(quads)
    return quads, report


def build(
    out_dir: Path = Path("build"),
    extra_sources: Sequence[Path] = (),
    *,
    include_packaged: bool = True,
    lock_wait: float = WAIT,
) -> BuildResult:
    """Build the graph and write every file of :data:`BUILD_FILES` into ``out_dir``, and
    then their manifest (see :mod:`kg.manifest`).

    Nothing is written unless every check passes (SHACL runs beside serialization, and
    its verdict is awaited before the first write); each file is replaced atomically,
    while holding ``out_dir``'s lock, which another build into it waits ``lock_wait``
    seconds for. Readers check the files against the manifest, so a build killed between
    two files is refused, never read as a mix.
    """
    from .curation import load_corpus
    from .manifest import write_build
    from .progress import Steps
    from .quads import corpus_quads
    from .shacl import BackgroundCheck
    from .writers import write

    started = time.perf_counter()
    with Steps("nnkg build", 3 + len(BUILD_FILES)) as step:
        with step("curating"):
            report = load_corpus(extra_sources, include_packaged=include_packaged)
        with step("converting to RDF"):
            quads = corpus_quads(report.corpus)
        with BackgroundCheck(quads) as shacl:  # validates while the files are made
            payloads = {}
            for name, fmt in BUILD_FILES.items():
                with step(f"writing {name}"):
                    payloads[name] = write(quads, fmt)
            with step("SHACL"):
                shacl.result()
    files = write_build(Path(out_dir), payloads, wait=lock_wait)
    corpus = report.corpus
    return BuildResult(
        files=files,
        sources=len(corpus.sources),
        claims=len(corpus.claims),
        entities=len(corpus.entities),
        triples=len(quads),
        warnings=tuple(report.warnings),
        seconds=time.perf_counter() - started,
    )
