"""The graph a reading command works on: a build folder, checked against its manifest
(:mod:`kg.base.manifest`), or a fresh in-memory build of the packaged sources
(:mod:`kg.compile`); its quads and Dataset; and the keys of the caches made from it.

Caches live outside ``build/``, in ``.nnkg-cache/``. An entry is named by a key over what
it is made from: a build's files as verified against its manifest (their fingerprint,
:attr:`kg.base.manifest.VerifiedBuild.fingerprint`; verifying hashed those bytes already,
so the key costs nothing more), or without a build, the packaged ontology, sources and
code; salted with what else shapes the entry (a library version), so a changed build
never meets a stale entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from kg.base.errors import SourceFileError, one_line
from kg.base.manifest import VerifiedBuild, read_build

__all__ = [
    "DEFAULT_BUILD",
    "DEFAULT_CACHE",
    "GRAPH_FILE",
    "cache_entry",
    "cache_key",
    "find_build",
    "load_dataset",
    "load_quads",
    "open_build",
]

DEFAULT_BUILD = Path("build")
#: The file of a build that holds its named graphs, which every reading command parses.
GRAPH_FILE = "nnkg.trig"

Build = Path | VerifiedBuild | None


def find_build(build_dir: Path | None) -> Path | None:
    """The build folder a reading command reads: ``build_dir``, else ``./build`` when it
    holds a build; None means the packaged sources, built in memory (so every command
    works from any folder)."""
    if build_dir is None:
        if not (DEFAULT_BUILD / GRAPH_FILE).is_file():
            return None
        build_dir = DEFAULT_BUILD
    folder = Path(build_dir)
    if not (folder / GRAPH_FILE).is_file():
        raise SourceFileError(
            f"{folder / GRAPH_FILE}: no build here (run 'nnkg build --out {build_dir}')"
        )
    return folder


def open_build(build: Build, names: Iterable[str] = (GRAPH_FILE,)) -> VerifiedBuild | None:
    """The verified view of the build a reading command reads (see :func:`find_build`):
    ``names`` read once each and matched against the manifest. None means no build (the
    packaged sources). Hand the view on to :func:`load_quads` and the caches, so that all
    of one command reads the same build; a view given here is returned as it is."""
    names = tuple(names)
    if isinstance(build, VerifiedBuild):
        missing = [name for name in names if name not in build.contents]
        if missing:
            raise ValueError(f"the view of {build.folder} holds no {', '.join(missing)}")
        return build
    folder = find_build(build)
    return None if folder is None else read_build(folder, names)


def load_quads(build: Build = None):
    """The :class:`kg.rdf.quads.Quads` of a build (a folder, see :func:`find_build`, or a view
    from :func:`open_build`), read by Oxigraph."""
    from kg.rdf.quads import Quads, parse_quads

    view = open_build(build)
    if view is None:
        from kg.compile import build_quads

        return build_quads()[0]
    try:
        return Quads.of(parse_quads(view.read(GRAPH_FILE), "trig"))
    except (SyntaxError, ValueError, OSError) as exc:  # pyoxigraph raises SyntaxError
        raise SourceFileError(f"{view.path(GRAPH_FILE)}: cannot parse: {one_line(exc)}") from None


def load_dataset(build: Build = None):
    """The rdflib Dataset of a build (see :func:`load_quads`)."""
    from kg.rdf.dataset import new_dataset, quads_dataset

    view = open_build(build)
    if view is None:
        from kg.compile import build_quads

        return quads_dataset(build_quads()[0])
    dataset = new_dataset()
    try:
        dataset.parse(data=view.read(GRAPH_FILE), format="trig")
    except Exception as exc:  # any parser error means the same to the user
        raise SourceFileError(f"{view.path(GRAPH_FILE)}: cannot parse: {one_line(exc)}") from None
    return dataset


DEFAULT_CACHE = Path(".nnkg-cache")


def _packaged_inputs() -> list[Path]:
    """What the graph is built from without a build: the packaged ontology and sources and
    the code that builds from them."""
    from kg.base.files import ontology_dir, packaged_sources_dir

    code = Path(__file__).resolve().parent
    roots = (ontology_dir(), packaged_sources_dir(), code)
    files = [p for root in roots for p in sorted(root.rglob("*")) if p.is_file()]
    return [p for p in files if p.suffix != ".pyc"]


def cache_entry(
    kind: str, build: VerifiedBuild | None, salt: str, cache_root: Path | None = None
) -> Path:
    """``.nnkg-cache/<kind>/<key>`` (under ``cache_root`` if given): where the cache entry of
    ``kind`` made from ``build`` (see :func:`cache_key`) lives."""
    return Path(cache_root or DEFAULT_CACHE) / kind / cache_key(build, salt)


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
