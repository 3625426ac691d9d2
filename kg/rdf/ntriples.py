"""N-Triples: one triple a line, lines sorted."""

from __future__ import annotations

__all__ = ["write"]


def write(quads) -> bytes:
    return quads.ntriples().encode()
