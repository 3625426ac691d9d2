"""Find the graph a reading command works on: a build folder, or a fresh in-memory build."""

from __future__ import annotations

from pathlib import Path

from .errors import SourceFileError, one_line

__all__ = ["DEFAULT_BUILD", "load_dataset"]

DEFAULT_BUILD = Path("build")


def load_dataset(build_dir: Path | None = None):
    """The Dataset of ``build_dir/nnkg.trig``.

    Without ``build_dir``: ``./build`` when it holds a build, else the graph built in memory
    from the packaged sources (so every command works from any folder).
    """
    if build_dir is None:
        if (DEFAULT_BUILD / "nnkg.trig").is_file():
            build_dir = DEFAULT_BUILD
        else:
            from .build import build_dataset

            return build_dataset()[0]
    path = Path(build_dir) / "nnkg.trig"
    if not path.is_file():
        raise SourceFileError(f"{path}: no build here (run 'nnkg build --out {build_dir}')")
    from .rdf import new_dataset

    dataset = new_dataset()
    try:
        dataset.parse(path, format="trig")
    except Exception as exc:  # any parser error means the same to the user
        raise SourceFileError(f"{path}: cannot parse: {one_line(exc)}") from None
    return dataset
