"""GraphML via networkx: entities as nodes, one edge per relation with its evidence.

GraphML values must be scalars, so lists become text: synonyms and cross-references joined
with "; ", quotes with " | ", and every claim in full as JSON in ``evidence``. Negated
claims are edges too, with ``negated`` true, so a viewer can show what sources deny.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["write"]


def write(quads: Quads) -> bytes:
    import networkx as nx

    from kg.network.projection import claim_network

    net = claim_network(quads)
    out = nx.MultiDiGraph()
    for node, data in sorted(net.nodes(data=True)):
        out.add_node(
            node,
            label=data["label"],
            type=", ".join(data["types"]),
            synonyms="; ".join(data["synonyms"]),
            definition=data["definition"],
            exact_match="; ".join(data["exact"]),
            close_match="; ".join(data["close"]),
        )
    for u, v, key, data in sorted(net.edges(keys=True, data=True), key=lambda e: e[:3]):
        claims = data["claims"]
        out.add_edge(
            u,
            v,
            key=key,
            label=data["label"],
            predicate=data["predicate"],
            sign=data["sign"],
            certainty=data["certainty"].term,
            negated=data["negated"],
            structural=data["structural"],
            claim_count=len(claims),
            quotes=" | ".join(c.quote for c in claims),
            sources="; ".join(sorted({c.source for c in claims})),
            evidence=json.dumps([c.to_dict() for c in claims], ensure_ascii=False),
        )
    stream = io.BytesIO()
    nx.write_graphml(out, stream, encoding="utf-8", prettyprint=True)
    return stream.getvalue()
