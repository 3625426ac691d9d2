"""Find the graph a reading command works on: a build folder, or a fresh in-memory build."""

from __future__ import annotations

from pathlib import Path

from .errors import SourceFileError, one_line

__all__ = ["DEFAULT_BUILD", "build_trig", "load_dataset", "load_quads"]

DEFAULT_BUILD = Path("build")


def build_trig(build_dir: Path | None) -> Path | None:
    """The TriG a reading command reads: ``build_dir``'s, else ``./build``'s when there is
    one; None means the packaged sources, built in memory (so every command works from any
    folder)."""
    if build_dir is None:
        if not (DEFAULT_BUILD / "nnkg.trig").is_file():
            return None
        build_dir = DEFAULT_BUILD
    path = Path(build_dir) / "nnkg.trig"
    if not path.is_file():
        raise SourceFileError(f"{path}: no build here (run 'nnkg build --out {build_dir}')")
    return path


def load_quads(build_dir: Path | None = None):
    """The :class:`kg.quads.Quads` of a build (see :func:`build_trig`), read by Oxigraph."""
    from .quads import Quads, parse_quads

    path = build_trig(build_dir)
    if path is None:
        from .build import build_quads

        return build_quads()[0]
    try:
        return Quads.of(parse_quads(path, "trig"))
    except (SyntaxError, ValueError, OSError) as exc:  # pyoxigraph raises SyntaxError
        raise SourceFileError(f"{path}: cannot parse: {one_line(exc)}") from None


def load_dataset(build_dir: Path | None = None):
    """The rdflib Dataset of a build (see :func:`build_trig`)."""
    from .rdf import new_dataset, quads_dataset

    path = build_trig(build_dir)
    if path is None:
        from .build import build_quads

        return quads_dataset(build_quads()[0])
    dataset = new_dataset()
    try:
        dataset.parse(path, format="trig")
    except Exception as exc:  # any parser error means the same to the user
        raise SourceFileError(f"{path}: cannot parse: {one_line(exc)}") from None
    return dataset
