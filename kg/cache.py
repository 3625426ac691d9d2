"""Caches outside ``build/`` (in ``.nnkg-cache/``), keyed by what the graph is made from.

A cache entry is named by a key over what it is made from: a build's files as verified
against its manifest (their fingerprint, :attr:`kg.manifest.VerifiedBuild.fingerprint`;
verifying hashed those bytes already, so the key costs nothing more), or without a build,
the packaged ontology, sources and code; salted with what else shapes the entry (a library
version), so a changed build never meets a stale entry.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .manifest import VerifiedBuild

__all__ = ["DEFAULT_CACHE", "cache_key"]

DEFAULT_CACHE = Path(".nnkg-cache")


def _packaged_inputs() -> list[Path]:
    """What the graph is built from without a build: the packaged ontology and sources and
    the code that builds from them."""
    from .resources import ontology_dir, packaged_sources_dir

    code = Path(__file__).resolve().parent
    roots = (ontology_dir(), packaged_sources_dir(), code)
    files = [p for root in roots for p in sorted(root.rglob("*")) if p.is_file()]
    return [p for p in files if p.suffix != ".pyc"]


def cache_key(build: VerifiedBuild | None, salt: str) -> str:
    """16 hex digits of sha256 over ``salt`` and what the graph is made from: ``build``'s
    fingerprint, or without a build (None) every packaged input file's name and bytes."""
    digest = hashlib.sha256(f"{salt}\n".encode())
    if build is not None:
        digest.update(build.fingerprint.encode())
        return digest.hexdigest()[:16]
    for path in _packaged_inputs():
        digest.update(f"{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
