"""Where the packaged ontology and sources live, in a checkout and in an installed wheel.

A wheel carries them under ``kg/_data/`` (hatch ``force-include``); a checkout or an
editable install keeps them at the repository's top level.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_root", "ontology_dir", "packaged_sources_dir"]

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder that holds ``ontology/`` and ``sources/``."""
    bundled = _PACKAGE / "_data"
    return bundled if (bundled / "ontology").is_dir() else _PACKAGE.parent


def ontology_dir() -> Path:
    """``ontology/``: the TBox, the SHACL shapes and the entity catalogue."""
    return data_root() / "ontology"


def packaged_sources_dir() -> Path:
    """``sources/``: the curated documents that every build includes."""
    return data_root() / "sources"
