"""The interactive page: the claim network drawn with pyvis (vis-network), offline and inert.

pyvis builds the vis-network model (nodes, edges); nnkg renders its own template
(``kg/page/page.html``) with an autoescaping Jinja environment, so every value from the graph
is escaped and only the trusted assets (vis-network's JavaScript, the page's code and CSS)
go in raw. The graph travels in a JSON data block the browser never runs; the page builds
every tooltip from it with ``textContent``, links only http(s) IRIs, and its Content Security
Policy lets exactly the two inline scripts and the stylesheet run, by hash. Whatever a source,
the catalogue or a crafted ``nnkg.trig`` says, the page shows it as text.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from kg.base.model import Certainty
from kg.network.projection import ClaimNetwork
from kg.page.styles import (
    CLASS_STYLES,
    CONTESTED_BAND,
    CONTESTED_MARK,
    DENIED_COLOUR,
    SIGN_STYLES,
    class_label,
    class_order,
    class_style,
)

__all__ = [
    "CLASS_STYLES",
    "FOCUS_PAST",
    "FOCUS_SIZE",
    "LARGE_GRAPH",
    "READABLE_PX",
    "content_security_policy",
    "escaping_template",
    "render_page",
    "subgraph_around",
    "web_link",
]

#: Past this many nodes the page turns physics off and places nodes itself.
LARGE_GRAPH = 1500
#: Past this many entities the whole graph cannot be drawn readably (every label at least
#: READABLE_PX on screen, none over another) in a laptop's window: the page starts focused
#: on the most connected entity and its nearest neighbours (FOCUS_SIZE at most) and says so.
FOCUS_PAST = 150
FOCUS_SIZE = 40
#: The smallest a node's label may be drawn at the first view, in screen pixels.
READABLE_PX = 11
#: A node's label font, in canvas units; the page never starts zoomed out below
#: READABLE_PX / NODE_FONT.
NODE_FONT = 14
#: An edge's label font, in canvas units: at the first view it too is READABLE_PX or more.
EDGE_FONT = 13
#: The page's own scripts (in kg/page), inlined as one script in this order: the namespace
#: and its helpers first, each part, then page.js, which boots the page.
PAGE_SCRIPTS = (
    "export.js",  # NnkgExport: spreadsheet-safe CSV and downloads, shared with the query page
    "document.js",  # NnkgDocument, the review page's document view, for the source text
    "page-base.js", "page-cards.js", "page-layout.js", "page-filters.js",
    "page-source.js", "page-table.js", "page-path.js", "page-focus.js", "page-state.js",
    "page.js",
)  # fmt: skip
#: The page's stylesheets, inlined as one style in this order.
PAGE_STYLES = ("page.css", "document.css", "page-views.css")
#: What a link may start with: http and https, never javascript:, data: or the like.
_WEB = re.compile(r"https?://", re.IGNORECASE)


def web_link(iri: str) -> str | None:
    """``iri`` if a page may link to it (http or https), else None: a crafted build can carry
    ``javascript:`` or ``data:`` cross-references, which must stay text.

    >>> web_link("http://purl.obolibrary.org/obo/GO_0043209")
    'http://purl.obolibrary.org/obo/GO_0043209'
    >>> web_link("javascript:alert(1)") is None
    True
    """
    return iri if _WEB.match(iri) else None


def escaping_template(text: str):
    """A Jinja template of ``text`` that HTML-escapes every value it is given, except the
    trusted ones the caller wraps in ``markupsafe.Markup``."""
    from jinja2 import Environment

    return Environment(autoescape=True).from_string(text)


def _csp_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(
    scripts: Iterable[str], styles: Iterable[str], extra: Iterable[str] = ()
) -> str:
    """A policy that runs exactly the inline ``scripts`` and ``styles`` given (by hash) and
    nothing else: no other script, no request, no plugin, no HTML from strings (Trusted
    Types with no policy); ``extra`` directives widen it (e.g. ``connect-src 'self'``)."""
    directives = [
        "default-src 'none'",
        "script-src " + " ".join(map(_csp_hash, scripts)),
        "style-src " + " ".join(map(_csp_hash, styles)),
        *extra,
        "base-uri 'none'",
        "form-action 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
    ]
    return "; ".join(directives)


def subgraph_around(net: ClaimNetwork, center: str, hops: int):
    """The entities within ``hops`` claims of ``center`` (either direction), with every
    edge among them."""
    import networkx as nx

    keep = nx.single_source_shortest_path_length(net.to_undirected(as_view=True), center, hops)
    return net.subgraph(keep).copy()


def _sunflower(net: ClaimNetwork) -> dict[str, tuple[float, float]]:
    """Deterministic positions for large graphs: hubs in the middle, classes together."""
    order = sorted(net, key=lambda n: (-net.degree(n), net.nodes[n]["types"], n))
    golden = math.pi * (3 - math.sqrt(5))
    return {
        node: (round(28 * math.sqrt(i) * math.cos(i * golden), 1),
               round(28 * math.sqrt(i) * math.sin(i * golden), 1))
        for i, node in enumerate(order)
    }  # fmt: skip


def _hub_size(degree: int) -> int:
    """A node's size by how many relations touch it: hubs larger, so they stand out and the
    layout gives them room.

    >>> [_hub_size(d) for d in (0, 1, 4, 32, 500)]
    [10, 12, 15, 24, 30]
    """
    return min(30, 10 + round(2.5 * math.sqrt(degree)))


def _node(net: ClaimNetwork, node: str, positions) -> dict:
    from kg.base.vocab import iri_to_curie

    data = net.nodes[node]
    cls = data["types"][0]
    colour, shape = class_style(cls)
    extra = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
    return {
        "label": data["label"],
        "shape": shape,
        "size": _hub_size(net.degree(node)),
        "color": colour,
        "cls": cls,
        "synonyms": data["synonyms"],
        "definition": data["definition"],
        "xrefs": [
            {"curie": iri_to_curie(iri), "href": web_link(iri), "match": match}
            for match in ("exact", "close")
            for iri in data[match]
        ],
        **extra,
    }


def _stances(net: ClaimNetwork) -> dict[str, str]:
    """What each claim says, by IRI, as its edge's label reads: 'prevents', 'NOT prevents'."""
    return {
        c.iri: ("NOT " if data["negated"] else "") + data["label"]
        for *_, data in net.edges(data=True)
        for c in data["claims"]
    }


def _contested_look(data: dict) -> dict:
    """The band, and an arc bowed to one side: increasing edges and denied decreasing or
    neutral ones (causes, NOT prevents) one way, the rest (prevents, NOT causes) the other.
    Edges that agree share a side and the two sides of a contest bow apart."""
    side = "curvedCCW" if (data["sign"] == "+") != data["negated"] else "curvedCW"
    smooth = {"enabled": True, "type": side, "roundness": 0.3}
    return {"background": CONTESTED_BAND, "smooth": smooth}


def _edge(index: int, data: dict, stances: dict[str, str]) -> dict:
    colour, head = SIGN_STYLES[data["sign"]]
    if data["negated"]:
        colour, dashes = DENIED_COLOUR, [2, 5]
    else:
        dashes = False if data["certainty"] is Certainty.ASSERTED else [8, 6]
    # a network projected without counter-evidence (a benchmark's) has nothing against
    against = data.get("against", ())
    mark = CONTESTED_MARK + " " if against else ""
    return {
        "id": f"e{index}",
        "label": mark + ("NOT " if data["negated"] else "") + data["label"],
        "arrows": {"to": {"enabled": True, "type": head}},
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "dashes": dashes,
        "width": 1 if data["structural"] else 2,
        **(_contested_look(data) if against else {}),
        "relation": data["label"],
        "predicate": data["predicate"],
        "sign": data["sign"],
        "certainty": data["certainty"].term,
        "negated": data["negated"],
        "structural": data["structural"],
        "claims": [
            {**c.to_dict(), "subject_text": c.subject_text, "object_text": c.object_text}
            for c in data["claims"]
        ],
        "against": [{**c.to_dict(), "says": stances[c.iri]} for c in against],
    }


def _options(large: bool) -> dict:
    """vis-network's options. Physics lays a graph out (seeded, so the same every time) and
    stops; page-layout.js then moves nodes apart until no label touches another and
    chooses the first zoom. Edges are straight (parallel ones bow apart, see
    ``_parallel_bows``) so they stay put when physics stops."""
    physics = (
        {"enabled": False}
        if large
        else {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "springLength": 90,
                "centralGravity": 0.02,
                "avoidOverlap": 0.6,
            },
            "stabilization": {"enabled": True, "iterations": 400, "fit": False},
        }
    )
    return {
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large},
        "nodes": {
            "font": {"size": NODE_FONT, "face": "sans-serif", "strokeWidth": 3},
            "size": 14,
            "borderWidth": 1,
            "widthConstraint": {"maximum": 130},
        },
        "edges": {
            "font": {"size": EDGE_FONT, "align": "middle", "strokeWidth": 3},
            "smooth": {"enabled": False},
            "selectionWidth": 2,
        },
    }


def _parallel_bows(edges: list[tuple[str, str, dict]]) -> dict[int, dict]:
    """Curves for edges that share their two ends with another (either way round), so they
    and their labels lie apart: by index, every such edge but the first of its pair (which
    stays straight) bowing, one side then the other; contested edges keep their stance's."""
    pairs: dict[frozenset, list[int]] = {}
    for i, (u, v, data) in enumerate(edges):
        if not data.get("against"):
            pairs.setdefault(frozenset((u, v)), []).append(i)
    bows = {}
    for members in pairs.values():
        for rank, i in enumerate(members[1:], start=1):
            side = "curvedCW" if rank % 2 else "curvedCCW"
            roundness = round(0.2 * ((rank + 1) // 2), 2)
            bows[i] = {"smooth": {"enabled": True, "type": side, "roundness": roundness}}
    return bows


def _json(data: dict):
    """``data`` as JSON safe inside a ``<script>`` (as Jinja's ``tojson`` writes it: ``<``,
    ``>``, ``&`` and ``'`` escaped), without spaces: a 10,000-node page is 10 % smaller."""
    from jinja2.utils import htmlsafe_json_dumps

    return htmlsafe_json_dumps(data, sort_keys=True, separators=(",", ":"))


def _asset(name: str) -> str:
    return resources.files("kg.page").joinpath(name).read_text(encoding="utf-8")


def _vis_js() -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(
        encoding="utf-8"
    )


def render_page(
    net,
    *,
    focus: str | None = None,
    hops: int = 2,
    path: tuple[str, str] | None = None,
) -> str:
    """The whole page as HTML text: same network, same bytes."""
    from markupsafe import Markup
    from pyvis.network import Network

    from kg.base.vocab import SRC
    from kg.network.paths import find_paths

    label = net.nodes
    title = "nnkg: what health texts claim about nutrients and nerves"
    if focus:
        net = subgraph_around(net, focus, hops)
        title = f"nnkg: {label[focus]['label']} and its neighbourhood ({hops} hops)"
    highlight = None
    if path:
        best = find_paths(net, *path, limit=1)
        chain = best[0].hops if best else ()
        highlight = {
            "from": label[path[0]]["label"],
            "to": label[path[1]]["label"],
            "nodes": sorted({h.subject for h in chain} | {h.object for h in chain}),
            "edges": [(h.subject, h.object, h.predicate) for h in chain],
            "sign": best[0].sign if best else None,
            "certainty": best[0].certainty.term if best else None,
            "contested": best[0].contested if best else None,
        }
    large = net.number_of_nodes() > LARGE_GRAPH
    positions = _sunflower(net) if large else None

    page = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for node in sorted(net):
        page.add_node(node, **_node(net, node, positions))
    edge_ids, stances = {}, _stances(net)
    edges = sorted(net.edges(keys=True, data=True), key=lambda e: e[:3])
    ordered = [(u, v, data) for u, v, _, data in edges]
    bows = _parallel_bows(ordered)
    for i, (u, v, data) in enumerate(ordered):
        edge_ids[(u, v, data["predicate"], data["negated"])] = f"e{i}"
        # what pyvis's add_edge appends, without its scan of every node per edge
        page.edges.append({**_edge(i, data, stances), **bows.get(i, {}), "from": u, "to": v})
    if highlight:
        highlight["edges"] = [edge_ids[(u, v, p, False)] for u, v, p in highlight["edges"]]
    nodes, edges, *_ = page.get_network_data()

    claims = sum(len(d["claims"]) for _, _, d in net.edges(data=True))
    contested = sum(1 for *_, against in net.edges(data="against") if against)
    classes = sorted({net.nodes[n]["types"][0] for n in net}, key=class_order)
    meta = {
        "title": title,
        "summary": f"{net.number_of_nodes()} entities, {net.number_of_edges()} relations "
        f"({contested} contested), {claims} claims from {len(net.graph['sources'])} source(s)",
        "large": large,
        "readable": {
            "px": READABLE_PX,
            "font": min(NODE_FONT, EDGE_FONT),
            "past": FOCUS_PAST,
            "size": FOCUS_SIZE,
        },
        "highlight": highlight,
        "classes": [
            {"name": c, "label": class_label(c), "color": colour, "shape": shape}
            for c in classes
            for colour, shape in [class_style(c)]
        ],
        "sources": [{"id": k, "iri": str(SRC[k]), **v} for k, v in net.graph["sources"].items()],
        "signs": {s: c for s, (c, _) in SIGN_STYLES.items()},
        "denied": DENIED_COLOUR,
        "contested": {"mark": CONTESTED_MARK, "band": CONTESTED_BAND["color"]},
        "exposures": net.graph.get("exposures", {}),
    }
    # pyvis's own generate_html renders with an environment that does not escape: nnkg
    # renders its template itself, from pyvis's network data, with one that does.
    vis_js, page_css = _vis_js(), "\n".join(_asset(name) for name in PAGE_STYLES)
    page_js = "\n".join(_asset(name) for name in PAGE_SCRIPTS)
    return escaping_template(_asset("page.html")).render(
        csp=content_security_policy(scripts=(vis_js, page_js), styles=(page_css,)),
        title=title.replace("\0", "\ufffd"),  # as HTML parsers read it; page.js sets the exact one
        data=_json({"meta": meta, "nodes": nodes, "edges": edges, "options": _options(large)}),
        vis_js=Markup(vis_js),
        page_js=Markup(page_js),
        page_css=Markup(page_css),
    )
