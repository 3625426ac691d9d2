"""Find the graph a reading command works on: a build folder, checked against its manifest
(:mod:`kg.manifest`), or a fresh in-memory build of the packaged sources."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import SourceFileError, one_line
from .manifest import VerifiedBuild, read_build

__all__ = ["DEFAULT_BUILD", "GRAPH_FILE", "find_build", "load_dataset", "load_quads", "open_build"]

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
    """The :class:`kg.quads.Quads` of a build (a folder, see :func:`find_build`, or a view
    from :func:`open_build`), read by Oxigraph."""
    from .quads import Quads, parse_quads

    view = open_build(build)
    if view is None:
        from .build import build_quads

        return build_quads()[0]
    try:
        return Quads.of(parse_quads(view.read(GRAPH_FILE), "trig"))
    except (SyntaxError, ValueError, OSError) as exc:  # pyoxigraph raises SyntaxError
        raise SourceFileError(f"{view.path(GRAPH_FILE)}: cannot parse: {one_line(exc)}") from None


def load_dataset(build: Build = None):
    """The rdflib Dataset of a build (see :func:`load_quads`)."""
    from .rdf import new_dataset, quads_dataset

    view = open_build(build)
    if view is None:
        from .build import build_quads

        return quads_dataset(build_quads()[0])
    dataset = new_dataset()
    try:
        dataset.parse(data=view.read(GRAPH_FILE), format="trig")
    except Exception as exc:  # any parser error means the same to the user
        raise SourceFileError(f"{view.path(GRAPH_FILE)}: cannot parse: {one_line(exc)}") from None
    return dataset
