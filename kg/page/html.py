"""HTML: the interactive page of the whole claim network (see kg/page/render.py)."""

from __future__ import annotations

__all__ = ["write"]


def write(quads) -> bytes:
    from kg.network.projection import claim_network
    from kg.page.render import render_page

    return render_page(claim_network(quads)).encode("utf-8")
