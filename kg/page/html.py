"""HTML: the interactive page of the whole claim network (see kg/page/render.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["write"]


def write(quads: Quads) -> bytes:
    from kg.network.projection import claim_network
    from kg.page.render import render_page

    return render_page(claim_network(quads)).encode("utf-8")
