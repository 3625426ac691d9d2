"""Caches outside ``build/`` (in ``.nnkg-cache/``), keyed by what the graph is made from.

A cache entry is named by a fingerprint of the files the graph is read from (the build's
TriG, or, without a build, the packaged ontology, sources and code), salted with what else
shapes the entry (a library version), so a changed build never meets a stale entry.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["DEFAULT_CACHE", "graph_fingerprint", "graph_inputs"]

DEFAULT_CACHE = Path(".nnkg-cache")


def graph_inputs(build_dir: Path | None) -> tuple[Path | None, list[Path]]:
    """The build folder that reading commands read (see :func:`kg.load.build_trig`) and the
    files a cache entry is made from (its TriG, and its Turtle where there is one); without
    a build, the packaged ontology and sources and the code that builds from them."""
    from .load import build_trig
    from .resources import ontology_dir, packaged_sources_dir

    trig = build_trig(build_dir)
    if trig is not None:
        turtle = trig.with_name("nnkg.ttl")
        return trig.parent, [trig, *([turtle] if turtle.is_file() else [])]
    code = Path(__file__).resolve().parent
    roots = (ontology_dir(), packaged_sources_dir(), code)
    files = [p for root in roots for p in sorted(root.rglob("*")) if p.is_file()]
    return None, [p for p in files if p.suffix != ".pyc"]


def graph_fingerprint(build_dir: Path | None, salt: str) -> str:
    """16 hex digits of sha256 over ``salt`` and every input file's name and bytes."""
    digest = hashlib.sha256(f"{salt}\n".encode())
    for path in graph_inputs(build_dir)[1]:
        digest.update(f"{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
