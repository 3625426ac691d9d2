"""HTML fragments for Jupyter's rich display, written from the answers' plain dicts (the
shape of the CLI's ``--format json``), so what a notebook shows is what a script reads.

Every value is escaped with :func:`html.escape`; nothing links or loads from outside (an
IRI is text, shown in a ``title``), so a notebook saved with these outputs stays offline.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = [
    "claims_html",
    "edge_html",
    "entity_html",
    "esc",
    "frame_html",
    "paths_html",
    "table_html",
    "tag",
]

#: A fragment's own style, scoped to its class (a notebook's other cells are left alone).
_STYLE = (
    "<style>.nnkg q{font-style:italic}.nnkg .against{color:#a33}"
    ".nnkg small{color:#666}.nnkg table{border-collapse:collapse}"
    ".nnkg td,.nnkg th{border:1px solid #ddd;padding:2px 6px;text-align:left}</style>"
)


def esc(value: object) -> str:
    """``value`` as HTML text.

    >>> esc('<b title="x">&</b>')
    '&lt;b title=&quot;x&quot;&gt;&amp;&lt;/b&gt;'
    """
    return html.escape(str(value), quote=True)


def tag(name: str, body: str = "", **attrs: object) -> str:
    """An element around ``body`` (markup already escaped); attribute values are escaped,
    a trailing ``_`` dropped from their names (``class_``).

    >>> tag("td", esc("a < b"), class_="x")
    '<td class="x">a &lt; b</td>'
    """
    spelt = "".join(f' {k.rstrip("_")}="{esc(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{name}{spelt}>{body}</{name}>"


def _box(body: str) -> str:
    return tag("div", _STYLE + body, class_="nnkg")


def _ref(ref: dict) -> str:
    return tag("b", esc(ref["label"]), title=ref["iri"])


def claims_html(claims: Sequence[dict]) -> str:
    """A list of claims, each its quote and who says it, where and how sure.

    >>> claims_html([{"quote": "B12 <helps>", "source": "s", "source_kind": "Review",
    ...               "start": 0, "end": 11, "certainty": "Hedged", "negated": True}])
    '<ul><li><q>B12 &lt;helps&gt;</q> <small>s [0:11], Review, Hedged, NEGATED</small></li></ul>'
    """
    items = []
    for c in claims:
        where = f"{c['source']} [{c['start']}:{c['end']}], {c['source_kind'] or 'unknown kind'}"
        said = f"{where}, {c['certainty']}" + (", NEGATED" if c["negated"] else "")
        context = c.get("qualifier_text")
        extra = " " + tag("small", esc(f"(context: {context})")) if context else ""
        items.append(tag("li", f"{tag('q', esc(c['quote']))} {tag('small', esc(said))}{extra}"))
    return tag("ul", "".join(items))


def edge_html(edge: dict) -> str:
    """One hop or edge: subject, relation and sign, object; its claims, then the claims
    against it ("who says otherwise") when any do.

    >>> ref = {"iri": "https://w3id.org/nnkg/entity/b12", "label": "B12"}
    >>> edge_html({"subject": ref, "object": ref, "predicate": {"label": "helps"},
    ...            "sign": "+", "certainty": "Asserted", "contested": False,
    ...            "claims": [], "against": []})  # doctest: +ELLIPSIS
    '<b title="https://w3id.org/nnkg/entity/b12">B12</b> —helps (+)→ <b ...'
    """
    relation = ("NOT " if edge.get("negated") else "") + edge["predicate"]["label"]
    arrow = esc(f" —{relation} ({edge['sign']})→ ")
    head = f"{_ref(edge['subject'])}{arrow}{_ref(edge['object'])} "
    support = edge.get("support", 1)  # how many sources state it
    said = [edge["certainty"]] + [f"{support} sources"] * (support > 1)
    said += ["contested"] * edge["contested"]
    head += tag("small", esc(", ".join(said)))
    against = ""
    if edge["against"]:
        against = tag("div", "who says otherwise:" + claims_html(edge["against"]),
                      class_="against")  # fmt: skip
    return head + claims_html(edge["claims"]) + against


def _path_head(path: dict) -> str:
    n = path["length"]
    words = [f"sign {path['sign']}", path["certainty"], f"{n} hop{'s' * (n != 1)}"]
    words += ["contested"] * path["contested"]
    if path["chained_across_sources"]:
        words.append(f"chained across {len(path['sources'])} sources")
    return tag("p", esc(", ".join(words)))


def paths_html(answer: dict, nearest: Sequence[dict], max_hops: int) -> str:
    """A path answer: each path, best first, its hops in order with their quotes; when
    there is none, what the source reaches nearest to the target.

    >>> a, b = {"iri": "a", "label": "A"}, {"iri": "b", "label": "B"}
    >>> paths_html({"from": a, "to": b, "paths": []}, [], 4)  # doctest: +ELLIPSIS
    '<div class="nnkg">...<p>No path from A to B within 4 hops.</p></div>'
    """
    a, b = answer["from"], answer["to"]
    if not answer["paths"]:
        text = f"No path from {a['label']} to {b['label']} within {max_hops} hops."
        if nearest:
            text += f" Nearest to {b['label']} that {a['label']} reaches: "
            text += ", ".join(n["label"] for n in nearest) + "."
        return _box(tag("p", esc(text)))
    head = tag("h4", f"{_ref(a)} → {_ref(b)}: {len(answer['paths'])} path(s), best first")
    items = [
        tag("li", _path_head(p) + tag("ol", "".join(tag("li", edge_html(h)) for h in p["hops"])))
        for p in answer["paths"]
    ]
    return _box(head + tag("ol", "".join(items)))


def entity_html(entity: dict) -> str:
    """An entity card: names, types, standard IDs, and its claims out and in, grouped by
    relation, each with its quotes and the claims against it.

    >>> import nnkg
    >>> card = entity_html(nnkg.open().show("myelin").to_dict())
    >>> "<h5>claims about it (" in card and "<q>" in card
    True
    """
    facts = [("type", ", ".join(entity["types"])), ("synonyms", ", ".join(entity["synonyms"]))]
    facts += [("definition", entity["definition"] or "")]
    facts += [("standard IDs", ", ".join(f"{x['curie']} ({x['match']})" for x in entity["xrefs"])
               or "none yet")]  # fmt: skip
    body = tag("h4", _ref(entity)) + tag(
        "dl", "".join(tag("dt", esc(k)) + tag("dd", esc(v)) for k, v in facts if v)
    )
    for way, title in (("out", "claims about it"), ("in", "claims pointing to it")):
        edges = sorted(entity["claims"][way],
                       key=lambda e: (e["predicate"]["label"], e["object"]["label"]))  # fmt: skip
        n = sum(len(e["claims"]) for e in edges)
        body += tag("h5", esc(f"{title} ({n})"))
        body += tag("ul", "".join(tag("li", edge_html(e)) for e in edges))
    return _box(body)


def table_html(header: Sequence[str], rows: Iterable[Sequence[object]], note: str = "") -> str:
    """A table of escaped cells, with a note under it (a count, say).

    >>> table_html(["x"], [["<1>"]])  # doctest: +ELLIPSIS
    '<div class="nnkg">...<table><tr><th>x</th></tr><tr><td>&lt;1&gt;</td></tr></table></div>'
    """
    lines = [tag("tr", "".join(tag("th", esc(h)) for h in header))]
    lines += [tag("tr", "".join(tag("td", esc(c)) for c in row)) for row in rows]
    return _box(tag("table", "".join(lines)) + (tag("p", tag("small", esc(note))) if note else ""))


def frame_html(page: str, height: int = 640) -> str:
    """A whole page inline: an ``iframe`` whose ``srcdoc`` is the escaped page, sandboxed
    to run its own scripts only, so the notebook and the page cannot touch each other.

    >>> frame_html("<p>a &amp; b</p>", 100)  # doctest: +ELLIPSIS
    '<iframe srcdoc="&lt;p&gt;a &amp;amp; b&lt;/p&gt;" sandbox="allow-scripts allow-downloads" ...'
    """
    return tag("iframe", srcdoc=page, sandbox="allow-scripts allow-downloads",
               style=f"width:100%;height:{height}px;border:1px solid #ddd")  # fmt: skip
