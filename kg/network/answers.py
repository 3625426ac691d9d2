"""Answers for people and for scripts: paths, effects, entities and neighbours as text
(ASCII signs, every hop with its quotes for and against) or as JSON-ready dicts (shape in
docs/design.md, "Path JSON")."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from kg.base.vocab import iri_to_curie
from kg.network.contested import QUALIFIERS, Contradiction, source_rank
from kg.network.paths import ClaimPath, Effect, Hop
from kg.network.projection import ClaimNetwork, Evidence

__all__ = [
    "claim_dict",
    "contradictions_dict",
    "contradictions_text",
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


def _context(net: ClaimNetwork, claim: Evidence) -> dict:
    """A claim's qualifiers, each ``{"iri", "label"}``, and the words stating them; ``{}``
    for a claim that names no context (a foreign graph's unknown term shows its IRI)."""
    labels = {"population": lambda i: net.nodes[i]["label"] if i in net else i,
              "exposure": lambda i: net.graph.get("exposures", {}).get(i, i)}  # fmt: skip
    found: dict = {q: {"iri": i, "label": labels[q](i)} for q, i in claim.qualifiers.items()}
    return found | ({"qualifier_text": claim.qualifier_text} if claim.qualifier_text else {})


def _context_line(net: ClaimNetwork, claim: Evidence) -> str:
    """'context: population = people with …; exposure = supplement ("in people whose …")'."""
    found = _context(net, claim)
    named = "; ".join(f"{q} = {v['label']}" for q, v in found.items() if q in QUALIFIERS)
    words = f' ("{found["qualifier_text"]}")' if "qualifier_text" in found else ""
    return f"context: {named}{words}" if named else ""


def claim_dict(net: ClaimNetwork, claim: Evidence) -> dict:
    """One claim as every JSON answer shows it: who says so (and how reliable that kind of
    source is), in which words, where, how sure, whether it denies, and in which context
    (``population``, ``exposure`` and ``qualifier_text``, only where the claim names one)."""
    kind, rank = source_rank(net, claim.source)
    return {
        "iri": claim.iri,
        "source": claim.source,
        "source_kind": kind,
        "reliability": rank,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "certainty": claim.certainty.term,
        "negated": claim.negated,
        **_context(net, claim),
    }


def _sides(net: ClaimNetwork, claims: Iterable[Evidence], against: Iterable[Evidence]) -> dict:
    against = [claim_dict(net, c) for c in against]
    return {
        "contested": bool(against),
        "claims": [claim_dict(net, c) for c in claims],
        "against": against,
    }


def _hop_dict(net: ClaimNetwork, hop: Hop) -> dict:
    return {
        "subject": _ref(net, hop.subject),
        "predicate": {"iri": hop.predicate, "label": hop.label},
        "object": _ref(net, hop.object),
        "sign": hop.sign,
        "certainty": hop.certainty.term,
        "reliability": hop.reliability,
        "support": hop.support,
        **_sides(net, hop.claims, hop.against),
    }


def _figures(path: ClaimPath) -> dict:
    """What a path is ranked by, and what it rests on, so a script can re-rank."""
    return {
        "sign": path.sign,
        "certainty": path.certainty.term,
        "contested": path.contested,
        "reliability": path.reliability,
        "support": path.support,
        "length": len(path.hops),
        "sources": path.sources,
        "chained_across_sources": path.chained_across_sources,
    }


def _path_dict(net: ClaimNetwork, path: ClaimPath) -> dict:
    return {**_figures(path), "hops": [_hop_dict(net, h) for h in path.hops]}


def paths_dict(net: ClaimNetwork, source: str, target: str, paths: list[ClaimPath]) -> dict:
    return {
        "from": _ref(net, source),
        "to": _ref(net, target),
        "paths": [_path_dict(net, p) for p in paths],
    }


def _quote_lines(net: ClaimNetwork, claims: Iterable[Evidence], indent: str) -> list[str]:
    lines = []
    for c in claims:
        mark = " [NEGATED]" if c.negated else ""
        kind = source_rank(net, c.source)[0] or "unknown kind"
        where = f"({c.source} [{c.start}:{c.end}], {kind}, {c.certainty.value}{mark})"
        for text in (f'"{c.quote}" {where}', _context_line(net, c)):
            lines += [indent + w for w in textwrap.wrap(text, width=96 - len(indent))]
    return lines


def _against_lines(net: ClaimNetwork, against: tuple[Evidence, ...], indent: str) -> list[str]:
    """The claims against a hop, under a heading, or nothing when none oppose it."""
    if not against:
        return []
    return [indent + "against:", *_quote_lines(net, against, indent + "  ")]


def _arrow(net: ClaimNetwork, u: str, v: str, data: dict) -> str:
    """'vitamin B12 --[NOT prevents -]--> Alzheimer disease' for an edge's data."""
    relation = ("NOT " if data["negated"] else "") + data["label"]
    return f"{net.nodes[u]['label']} --[{relation} {data['sign']}]--> {net.nodes[v]['label']}"


def _sources(support: int) -> str:
    """', 2 sources' when more than one source states an edge: agreement worth seeing."""
    return f", {support} sources" if support > 1 else ""


def _hop_line(net: ClaimNetwork, hop: Hop) -> str:
    edge = {"negated": False, "label": hop.label, "sign": hop.sign}
    said = f"{hop.certainty.value}{_sources(hop.support)}" + (", contested" if hop.against else "")
    return f"{_arrow(net, hop.subject, hop.object, edge)}  ({said})"


def _hops(net: ClaimNetwork, path: ClaimPath, indent: str) -> list[str]:
    lines = []
    for hop in path.hops:
        lines.append(indent + _hop_line(net, hop))
        lines += _quote_lines(net, hop.claims, indent + "    ")
        lines += _against_lines(net, hop.against, indent + "    ")
    return lines


def _path_head(path: ClaimPath) -> str:
    """'sign -, hedged, 2 hops, contested (claims against 1 hop)'."""
    n, against = len(path.hops), sum(bool(h.against) for h in path.hops)
    head = f"sign {path.sign}, {path.certainty.value}, {n} hop{'s' * (n > 1)}"
    return head + (f", contested (claims against {against} hop{'s' * (against > 1)})"
                   if against else "")  # fmt: skip


def _chained_line(path: ClaimPath) -> list[str]:
    if not path.chained_across_sources:
        return []
    return [f"chained across {len(path.sources)} sources; no single source states this chain"]


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
        lines += ["", f"{i}. {_path_head(path)}", *("   " + c for c in _chained_line(path))]
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
                **_figures(e.path),
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
        mark = "  (contested)" if e.path.contested else ""
        lines.append(f"  {e.path.sign}   {e.path.certainty.value:<9}  {n:>4}  {label}{mark}")
        lines += [f"{'':22}{line}" for line in (_sentence(net, e), *_chained_line(e.path))]
        for hop in e.path.hops:
            if hop.against:
                lines.append(f"{'':22}{_hop_line(net, hop)}")
                lines += _against_lines(net, hop.against, " " * 26)
    return "\n".join(lines)


def _xrefs(data: dict) -> list[dict]:
    return [
        {"curie": iri_to_curie(iri), "iri": iri, "match": match}
        for match in ("exact", "close")
        for iri in data[match]
    ]


def _stance(data: dict) -> dict:
    """An edge's relation and how it is stated: sign, certainty, denial, sources."""
    return {
        "predicate": {"iri": data["predicate"], "label": data["label"]},
        "sign": data["sign"],
        "certainty": data["certainty"].term,
        "negated": data["negated"],
        "reliability": data["reliability"],
        "support": data["support"],
    }


def _edge_dict(net: ClaimNetwork, u: str, v: str, data: dict) -> dict:
    return {
        "subject": _ref(net, u),
        "object": _ref(net, v),
        **_stance(data),
        **_sides(net, data["claims"], data["against"]),
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
            said = _sources(d["support"]).lstrip(", ")
            lines.append(f"  {_arrow(net, u, v, d)}" + (f"  ({said})" if said else ""))
            lines += _quote_lines(net, d["claims"], "      ")
            lines += _against_lines(net, d["against"], "      ")
    return "\n".join(lines)


def neighbors_dict(net: ClaimNetwork, entity: str, direction: str) -> dict:
    return {
        "entity": _ref(net, entity),
        "direction": direction,
        "neighbors": [
            {
                "direction": way,
                "entity": _ref(net, v if way == "out" else u),
                **_stance(d),
                **_sides(net, d["claims"], d["against"]),
            }
            for way, u, v, d in _edges(net, entity, direction)
        ],
    }


def neighbors_text(net: ClaimNetwork, entity: str, direction: str) -> str:
    rows = sorted(
        ((way, v if way == "out" else u, d) for way, u, v, d in _edges(net, entity, direction)),
        key=lambda r: (r[0], r[2]["label"], net.nodes[r[1]]["label"]),
    )
    lines = [f"Neighbors of {net.nodes[entity]['label']} ({direction}): {len(rows)}"]
    width = max((len(d["label"]) + 4 for _, _, d in rows), default=0)
    for way, other, d in rows:
        arrow = "->" if way == "out" else "<-"
        relation = ("NOT " if d["negated"] else "") + d["label"]
        n = len(d["claims"])
        lines.append(
            f"  {arrow} {relation:<{width}} {d['sign']}  {d['certainty'].value:<8}  "
            f"{n} claim{'s' * (n > 1)}{_sources(d['support'])}  {net.nodes[other]['label']}"
        )
        lines += _against_lines(net, d["against"], "      ")
    return "\n".join(lines)


def contradictions_dict(net: ClaimNetwork, found: list[Contradiction]) -> dict:
    rows = []
    for c in found:
        one, other = net.edges[c.subject, c.object, c.one], net.edges[c.subject, c.object, c.other]
        rows.append({
            "subject": _ref(net, c.subject),
            "object": _ref(net, c.object),
            "sources": sorted({e.source for e in (*c.one_claims, *c.other_claims)}),
            "sides": [
                {**_stance(d), "claims": [claim_dict(net, e) for e in claims]}
                for d, claims in ((one, c.one_claims), (other, c.other_claims))
            ],
        })  # fmt: skip
    return {"count": len(rows), "contradictions": rows}


def contradictions_text(net: ClaimNetwork, found: list[Contradiction]) -> str:
    if not found:
        return "No contradictions: no two claims on the same subject and object oppose."
    lines = [f"{len(found)} contradiction(s): claims on one subject and object that oppose"]
    for i, c in enumerate(found, 1):
        lines.append("")
        sides = ((f"{i}. ", c.one, c.one_claims), ("   versus ", c.other, c.other_claims))
        for head, key, claims in sides:
            d = net.edges[c.subject, c.object, key]
            lines.append(f"{head}{_arrow(net, c.subject, c.object, d)}  ({d['certainty'].value})")
            lines += _quote_lines(net, claims, "       ")
    return "\n".join(lines)
