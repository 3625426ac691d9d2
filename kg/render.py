"""The interactive page: the claim network drawn with pyvis (vis-network), offline.

pyvis builds the vis-network model (nodes, edges, options); nnkg's own pyvis template
(``kg/page/page.html``) carries vis-network's JavaScript and the page's CSS and code inline,
so the page makes no network request. Evidence reaches the browser as data: the page builds
every tooltip from it with ``textContent``, so no source text is ever parsed as HTML.
"""

from __future__ import annotations

import math
import re
from importlib import resources
from pathlib import Path

from .network import ASSERTED

__all__ = ["CLASS_STYLES", "LARGE_GRAPH", "render_page", "subgraph_around"]

#: Colour and vis-network shape per entity class; the legend lists them in this order.
CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Nutrient": ("#f4a300", "star"),
    "ChemicalEntity": ("#f6d55c", "hexagon"),
    "Food": ("#7cb518", "square"),
    "PopulationGroup": ("#9b5de5", "triangleDown"),
    "BiologicalProcess": ("#3c8dde", "dot"),
    "PhysiologicalFunction": ("#56cfe1", "diamond"),
    "AnatomicalStructure": ("#2a9d8f", "triangle"),
    "Cell": ("#52b788", "triangle"),
    "CellularComponent": ("#95d5b2", "triangle"),
    "Disease": ("#d62839", "diamond"),
    "DeficiencyState": ("#f4845f", "diamond"),
    "Phenotype": ("#ff8fab", "dot"),
}
#: Edge colour and arrow head per sign: increases, decreases (a bar, as in pathway maps), neutral.
SIGN_STYLES = {"+": ("#1b998b", "arrow"), "-": ("#e76f51", "bar"), "0": ("#8d99ae", "arrow")}
DENIED_COLOUR = "#c1121f"
#: Past this many nodes the page turns physics off and places nodes itself.
LARGE_GRAPH = 1500


def _class_label(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).capitalize()


def subgraph_around(net, center: str, hops: int):
    """The entities within ``hops`` claims of ``center`` (either direction), with every
    edge among them."""
    import networkx as nx

    keep = nx.single_source_shortest_path_length(net.to_undirected(as_view=True), center, hops)
    return net.subgraph(keep).copy()


def _sunflower(net) -> dict[str, tuple[float, float]]:
    """Deterministic positions for large graphs: hubs in the middle, classes together."""
    order = sorted(net, key=lambda n: (-net.degree(n), net.nodes[n]["types"], n))
    golden = math.pi * (3 - math.sqrt(5))
    return {
        node: (round(28 * math.sqrt(i) * math.cos(i * golden), 1),
               round(28 * math.sqrt(i) * math.sin(i * golden), 1))
        for i, node in enumerate(order)
    }  # fmt: skip


def _node(net, node: str, positions) -> dict:
    from .resolve import iri_to_curie

    data = net.nodes[node]
    cls = data["types"][0]
    colour, shape = CLASS_STYLES.get(cls, ("#bbbbbb", "dot"))
    extra = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
    return {
        "label": data["label"],
        "shape": shape,
        "color": colour,
        "cls": cls,
        "synonyms": data["synonyms"],
        "definition": data["definition"],
        "xrefs": [
            {"curie": iri_to_curie(iri), "iri": iri, "match": match}
            for match in ("exact", "close")
            for iri in data[match]
        ],
        **extra,
    }


def _edge(index: int, data: dict) -> dict:
    colour, head = SIGN_STYLES[data["sign"]]
    if data["negated"]:
        colour, dashes = DENIED_COLOUR, [2, 5]
    else:
        dashes = False if data["certainty"] == ASSERTED else [8, 6]
    return {
        "id": f"e{index}",
        "label": ("NOT " if data["negated"] else "") + data["label"],
        "arrows": {"to": {"enabled": True, "type": head}},
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "dashes": dashes,
        "width": 1 if data["structural"] else 2,
        "relation": data["label"],
        "sign": data["sign"],
        "certainty": data["certainty"],
        "negated": data["negated"],
        "structural": data["structural"],
        "claims": [{**c.to_dict(), "certainty": c.certainty} for c in data["claims"]],
    }


def _options(large: bool) -> dict:
    physics = (
        {"enabled": False}
        if large
        else {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    )
    return {
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large},
        "nodes": {"font": {"size": 15, "face": "sans-serif"}, "size": 16, "borderWidth": 1},
        "edges": {
            "font": {"size": 11, "align": "middle", "strokeWidth": 3},
            "smooth": {"enabled": not large, "type": "dynamic"},
            "selectionWidth": 2,
        },
    }


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
    import json

    from pyvis.network import Network

    from .paths import find_paths

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
            "certainty": best[0].certainty if best else None,
        }
    large = net.number_of_nodes() > LARGE_GRAPH
    positions = _sunflower(net) if large else None

    page = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for node in sorted(net):
        page.add_node(node, **_node(net, node, positions))
    edge_ids = {}
    for i, (u, v, _, data) in enumerate(
        sorted(net.edges(keys=True, data=True), key=lambda e: e[:3])
    ):
        edge_ids[(u, v, data["predicate"], data["negated"])] = f"e{i}"
        # what pyvis's add_edge appends, without its scan of every node per edge
        page.edges.append({**_edge(i, data), "from": u, "to": v})
    if highlight:
        highlight["edges"] = [edge_ids[(u, v, p, False)] for u, v, p in highlight["edges"]]
    page.set_options(json.dumps(_options(large)))

    claims = sum(len(d["claims"]) for _, _, d in net.edges(data=True))
    classes = sorted({net.nodes[n]["types"][0] for n in net}, key=list(CLASS_STYLES).index)
    page.set_template_dir(str(resources.files("kg.page")), "page.html")
    page.templateEnv.globals.update(
        vis_js=_vis_js(),
        page_js=_asset("page.js"),
        page_css=_asset("page.css"),
        meta={
            "title": title,
            "summary": f"{net.number_of_nodes()} entities, {net.number_of_edges()} relations, "
            f"{claims} claims from {len(net.graph['sources'])} source(s)",
            "large": large,
            "highlight": highlight,
            "classes": [
                {
                    "name": c,
                    "label": _class_label(c),
                    "color": CLASS_STYLES[c][0],
                    "shape": CLASS_STYLES[c][1],
                }
                for c in classes
            ],
            "sources": [{"id": k, **v} for k, v in net.graph["sources"].items()],
            "signs": {s: c for s, (c, _) in SIGN_STYLES.items()},
            "denied": DENIED_COLOUR,
        },
    )
    return page.generate_html()
