"""HTML: the interactive page of the whole claim network (see kg/render.py)."""

from __future__ import annotations

__all__ = ["write"]


def write(quads) -> bytes:
    from ..network import claim_network
    from ..render import render_page

    return render_page(claim_network(quads)).encode("utf-8")
