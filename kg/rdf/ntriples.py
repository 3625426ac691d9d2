"""N-Triples: one triple a line, lines sorted."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["write"]


def write(quads: Quads) -> bytes:
    return quads.ntriples().encode()
