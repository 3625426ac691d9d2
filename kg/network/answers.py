"""Answers for people and for scripts: paths, effects, entities and neighbours as text
(ASCII signs, every hop with its quotes) or as JSON-ready dicts (shape in docs/design.md)."""

from __future__ import annotations

import textwrap

from kg.base.vocab import iri_to_curie
from kg.network.paths import ClaimPath, Effect, Hop
from kg.network.projection import ClaimNetwork

__all__ = [
    "effects_dict",
    "effects_text",
    "entity_dict",
    "entity_text",
    "neighbors_dict",
    "neighbors_text",
    "paths_dict",
    "paths_text",
]

_WORDS = {"+": "more", "-": "less", "0": "a change in"}


def _ref(net: ClaimNetwork, iri: str) -> dict:
    return {"iri": iri, "label": net.nodes[iri]["label"]}


def _hop_dict(net: ClaimNetwork, hop: Hop) -> dict:
    return {
        "subject": _ref(net, hop.subject),
        "predicate": {"iri": hop.predicate, "label": hop.label},
        "object": _ref(net, hop.object),
        "sign": hop.sign,
        "certainty": hop.certainty.term,
        "claims": [c.to_dict(certainty=False) for c in hop.claims],
    }


def _path_dict(net: ClaimNetwork, path: ClaimPath) -> dict:
    return {
        "sign": path.sign,
        "certainty": path.certainty.term,
        "hops": [_hop_dict(net, h) for h in path.hops],
    }


def paths_dict(net: ClaimNetwork, source: str, target: str, paths: list[ClaimPath]) -> dict:
    return {
        "from": _ref(net, source),
        "to": _ref(net, target),
        "paths": [_path_dict(net, p) for p in paths],
    }


def _quote_lines(claims, indent: str) -> list[str]:
    lines = []
    for c in claims:
        mark = " [NEGATED]" if c.negated else ""
        where = f"({c.source} [{c.start}:{c.end}], {c.certainty.value}{mark})"
        wrapped = textwrap.wrap(f'"{c.quote}" {where}', width=96 - len(indent))
        lines += [indent + w for w in wrapped]
    return lines


def _hop_line(net: ClaimNetwork, hop: Hop) -> str:
    label = net.nodes
    return (
        f"{label[hop.subject]['label']} --[{hop.label} {hop.sign}]--> "
        f"{label[hop.object]['label']}  ({hop.certainty.value})"
    )


def _hops(net: ClaimNetwork, path: ClaimPath, indent: str) -> list[str]:
    lines = []
    for hop in path.hops:
        lines.append(indent + _hop_line(net, hop))
        lines += _quote_lines(hop.claims, indent + "    ")
    return lines


def paths_text(
    net: ClaimNetwork,
    source: str,
    target: str,
    paths: list[ClaimPath],
    nearest: list[str],
    max_hops: int,
) -> str:
    a, b = net.nodes[source]["label"], net.nodes[target]["label"]
    if not paths:
        lines = [f"No path from {a} to {b} within {max_hops} hops."]
        if nearest:
            names = ", ".join(net.nodes[n]["label"] for n in nearest)
            lines.append(f"Nearest to {b} that {a} reaches: {names}.")
        else:
            lines.append(f"{a} reaches nothing by a causal relation.")
        return "\n".join(lines)
    lines = [f"{a} -> {b}: {len(paths)} path(s), best first"]
    for i, path in enumerate(paths, 1):
        n = len(path.hops)
        lines += ["", f"{i}. sign {path.sign}, {path.certainty.value}, {n} hop{'s' * (n > 1)}"]
        lines += _hops(net, path, "   ")
    return "\n".join(lines)


def _sentence(net: ClaimNetwork, effect: Effect) -> str:
    """'more vitamin B12 -> less elevated homocysteine -> less nerve damage'."""
    nodes = [effect.path.hops[0].subject] + [h.object for h in effect.path.hops]
    words, sign = ["more " + net.nodes[nodes[0]]["label"]], "+"
    for hop, node in zip(effect.path.hops, nodes[1:], strict=True):
        sign = "0" if "0" in (sign, hop.sign) else ("+" if sign == hop.sign else "-")
        words.append(f"{_WORDS[sign]} {net.nodes[node]['label']}")
    return " -> ".join(words)


def effects_dict(
    net: ClaimNetwork, entity: str, found: list[Effect], causes: bool, max_hops: int
) -> dict:
    return {
        "entity": _ref(net, entity),
        "direction": "upstream" if causes else "downstream",
        "max_hops": max_hops,
        "effects": [
            {
                "entity": _ref(net, e.entity),
                "sign": e.path.sign,
                "certainty": e.path.certainty.term,
                "hops": len(e.path.hops),
                "path": [_hop_dict(net, h) for h in e.path.hops],
            }
            for e in found
        ],
    }


def effects_text(
    net: ClaimNetwork, entity: str, found: list[Effect], causes: bool, max_hops: int
) -> str:
    name = net.nodes[entity]["label"]
    way = "Upstream causes of" if causes else "Downstream of"
    lines = [f"{way} {name} (within {max_hops} hops): {len(found)} entities"]
    if not found:
        return lines[0]
    lines.append("sign  certainty  hops  entity / best chain")
    for e in found:
        n, label = len(e.path.hops), net.nodes[e.entity]["label"]
        lines.append(f"  {e.path.sign}   {e.path.certainty.value:<9}  {n:>4}  {label}")
        lines.append(f"{'':22}{_sentence(net, e)}")
    return "\n".join(lines)


def _xrefs(data: dict) -> list[dict]:
    return [
        {"curie": iri_to_curie(iri), "iri": iri, "match": match}
        for match in ("exact", "close")
        for iri in data[match]
    ]


def _edge_dict(net: ClaimNetwork, u: str, v: str, data: dict) -> dict:
    return {
        "subject": _ref(net, u),
        "predicate": {"iri": data["predicate"], "label": data["label"]},
        "object": _ref(net, v),
        "sign": data["sign"],
        "certainty": data["certainty"].term,
        "negated": data["negated"],
        "claims": [c.to_dict() for c in data["claims"]],
    }


def _edges(net: ClaimNetwork, entity: str, direction: str):
    if direction in ("out", "both"):
        yield from (("out", u, v, d) for u, v, d in net.out_edges(entity, data=True))
    if direction in ("in", "both"):
        yield from (("in", u, v, d) for u, v, d in net.in_edges(entity, data=True))


def entity_dict(net: ClaimNetwork, entity: str) -> dict:
    data = net.nodes[entity]
    return {
        **_ref(net, entity),
        "types": data["types"],
        "synonyms": data["synonyms"],
        "definition": data["definition"],
        "xrefs": _xrefs(data),
        "claims": {
            way: [_edge_dict(net, u, v, d) for w, u, v, d in _edges(net, entity, way) if w == way]
            for way in ("out", "in")
        },
    }


def entity_text(net: ClaimNetwork, entity: str) -> str:
    data = net.nodes[entity]
    lines = [f"{data['label']}  <{entity}>", f"  type:       {', '.join(data['types'])}"]
    if data["synonyms"]:
        lines.append(f"  synonyms:   {', '.join(data['synonyms'])}")
    if data["definition"]:
        lines += textwrap.wrap(data["definition"], 96, initial_indent="  definition: ",
                               subsequent_indent=" " * 14)  # fmt: skip
    refs = _xrefs(data)
    for i, ref in enumerate(refs):
        head = "  standard:   " if i == 0 else " " * 14
        lines.append(f"{head}{ref['curie']} ({ref['match']})  {ref['iri']}")
    if not refs:
        lines.append("  standard:   none yet")
    for way, title in (("out", "claims about it"), ("in", "claims pointing to it")):
        edges = [(u, v, d) for w, u, v, d in _edges(net, entity, way) if w == way]
        n = sum(len(d["claims"]) for _, _, d in edges)
        lines += ["", f"{title} ({n})"]
        for u, v, d in sorted(edges, key=lambda e: (e[2]["label"], net.nodes[e[1]]["label"])):
            mark = "NOT " if d["negated"] else ""
            lines.append(
                f"  {net.nodes[u]['label']} --[{mark}{d['label']} {d['sign']}]--> "
                f"{net.nodes[v]['label']}"
            )
            lines += _quote_lines(d["claims"], "      ")
    return "\n".join(lines)


def neighbors_dict(net: ClaimNetwork, entity: str, direction: str) -> dict:
    return {
        "entity": _ref(net, entity),
        "direction": direction,
        "neighbors": [
            {
                "direction": way,
                "entity": _ref(net, v if way == "out" else u),
                "predicate": {"iri": d["predicate"], "label": d["label"]},
                "sign": d["sign"],
                "certainty": d["certainty"].term,
                "negated": d["negated"],
                "claims": len(d["claims"]),
            }
            for way, u, v, d in _edges(net, entity, direction)
        ],
    }


def neighbors_text(net: ClaimNetwork, entity: str, direction: str) -> str:
    rows = neighbors_dict(net, entity, direction)["neighbors"]
    lines = [f"Neighbors of {net.nodes[entity]['label']} ({direction}): {len(rows)}"]
    width = max((len(r["predicate"]["label"]) + 4 for r in rows), default=0)
    for r in sorted(
        rows, key=lambda r: (r["direction"], r["predicate"]["label"], r["entity"]["label"])
    ):
        arrow = "->" if r["direction"] == "out" else "<-"
        relation = ("NOT " if r["negated"] else "") + r["predicate"]["label"]
        lines.append(
            f"  {arrow} {relation:<{width}} {r['sign']}  {r['certainty'].lower():<8}  "
            f"{r['claims']} claim{'s' * (r['claims'] > 1)}  {r['entity']['label']}"
        )
    return "\n".join(lines)
