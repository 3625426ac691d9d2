"""``nnkg build``: sources + ontology -> checked, validated graph -> files in ``build/``."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem

__all__ = ["BUILD_FILES", "BuildResult", "build", "build_dataset"]

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


def build_dataset(extra_sources: Sequence[Path] = (), *, include_packaged: bool = True):
    """Curate, convert and SHACL-check; return ``(dataset, report)`` or raise NnkgError."""
    from .curation import load_corpus
    from .rdf import corpus_dataset
    from .shacl import assert_conforms

    report = load_corpus(extra_sources, include_packaged=include_packaged)
    dataset = corpus_dataset(report.corpus)
    assert_conforms(dataset)
    return dataset, report


def build(
    out_dir: Path = Path("build"),
    extra_sources: Sequence[Path] = (),
    *,
    include_packaged: bool = True,
) -> BuildResult:
    """Build the graph and write every file of :data:`BUILD_FILES` into ``out_dir``.

    Nothing is written unless every check passes; each file is replaced atomically.
    """
    from .atomic import write_atomic
    from .rdf import union_graph
    from .writers import write

    started = time.perf_counter()
    dataset, report = build_dataset(extra_sources, include_packaged=include_packaged)
    payloads = {name: write(dataset, fmt) for name, fmt in BUILD_FILES.items()}
    out_dir = Path(out_dir)
    for name, data in payloads.items():
        write_atomic(out_dir / name, data)
    corpus = report.corpus
    return BuildResult(
        files=tuple(out_dir / name for name in payloads),
        sources=len(corpus.sources),
        claims=len(corpus.claims),
        entities=len(corpus.entities),
        triples=len(union_graph(dataset)),
        warnings=tuple(report.warnings),
        seconds=time.perf_counter() - started,
    )
