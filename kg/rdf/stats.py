"""``nnkg stats``: what a graph holds, counted by class, predicate, source and certainty, and
how many sources stand behind each statement (a subject, predicate and object, affirmed or
denied): agreement across independent sources is what a reader checks first."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["GraphStats", "format_stats", "graph_stats"]

#: How many of the statements with the most sources ``stats`` names (the rest are counted).
MOST_SUPPORTED = 20


@dataclass(frozen=True)
class GraphStats:
    triples: int
    named_graphs: int
    claims: int
    negated: int
    by_certainty: dict[str, int]
    by_predicate: dict[str, int]
    by_source: dict[str, dict[str, object]]  # source id -> {"kind": ..., "claims": n}
    entities: int
    by_class: dict[str, int]
    without_standard_id: dict[str, str]  # entity id -> label
    statements: int  # distinct (subject, predicate, object, negated) the claims state
    by_support: dict[str, int]  # number of sources -> statements stated by that many
    most_supported: list[dict[str, object]]  # the statements of 2+ sources, most first

    def as_dict(self) -> dict:
        return asdict(self)


def _local(term: str) -> str:
    return term.rstrip(">").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _support(quads: Quads, claims: list[str]) -> tuple[dict[str, set[str]], dict[str, int]]:
    """Each statement (as 'subject predicate object', 'NOT' before a denial's predicate)
    with the sources stating it, and how many statements have each number of sources."""
    from kg.rdf.quads import NNKG, PROV, RDF, RDFS

    value = quads.value

    def name(term: str) -> str:
        return value(f"<{term}>", RDFS + "label>") or _local(term)

    said: dict[str, set[str]] = {}
    for claim in claims:
        denied = "NOT " if value(claim, NNKG + "negated>") == "true" else ""
        subject, obj = value(claim, RDF + "subject>"), value(claim, RDF + "object>")
        predicate = _local(value(claim, RDF + "predicate>"))
        statement = f"{name(subject)} {denied}{predicate} {name(obj)}"
        said.setdefault(statement, set()).add(_local(value(claim, PROV + "wasDerivedFrom>")))
    by_support = Counter(len(sources) for sources in said.values())
    return said, {str(n): by_support[n] for n in sorted(by_support)}


def graph_stats(quads: Quads) -> GraphStats:
    """Count the merge of the named graphs of ``quads`` (a :class:`kg.rdf.quads.Quads`)."""
    from kg.base.vocab import ENT
    from kg.rdf.quads import NNKG, PROV, RDF, RDF_TYPE, RDFS, SKOS

    value = quads.value
    claims = quads.instances.get(NNKG + "Claim>", [])
    by_certainty = Counter(_local(value(c, NNKG + "certainty>")) for c in claims)
    by_predicate = Counter(_local(value(c, RDF + "predicate>")) for c in claims)
    per_source = Counter(_local(value(c, PROV + "wasDerivedFrom>")) for c in claims)
    by_source = {
        _local(src): {
            "kind": _local(value(src, NNKG + "sourceKind>")),
            "claims": per_source.get(_local(src), 0),
        }
        for src in quads.instances.get(NNKG + "Source>", [])
    }
    about = quads.about
    entities = [s for s in about if s.startswith(f"<{ENT}") and RDF_TYPE in about[s]]
    by_class = Counter(
        _local(t) for e in entities for t in about[e][RDF_TYPE] if t != NNKG + "Entity>"
    )
    unmapped = {
        _local(e): value(e, RDFS + "label>")
        for e in entities
        if not {SKOS + "exactMatch>", SKOS + "closeMatch>"} & about[e].keys()
    }
    said, by_support = _support(quads, claims)
    ranked = sorted((s for s in said if len(said[s]) > 1), key=lambda s: (-len(said[s]), s))
    return GraphStats(
        triples=len(quads),
        named_graphs=sum(1 for _ in quads.graphs()),
        claims=len(claims),
        negated=sum(1 for c in claims if value(c, NNKG + "negated>") == "true"),
        by_certainty=dict(sorted(by_certainty.items())),
        by_predicate=dict(sorted(by_predicate.items())),
        by_source=dict(sorted(by_source.items())),
        entities=len(entities),
        by_class=dict(sorted(by_class.items())),
        without_standard_id=dict(sorted(unmapped.items())),
        statements=len(said),
        by_support=by_support,
        most_supported=[
            {"statement": s, "sources": sorted(said[s])} for s in ranked[:MOST_SUPPORTED]
        ],
    )


def _table(rows: list[tuple[str, ...]], indent: str = "  ") -> list[str]:
    """Aligned columns: columns of numbers to the right, the rest to the left."""
    columns = list(zip(*rows, strict=True))
    widths = [max(map(len, column)) for column in columns]
    numeric = [all(cell.isdigit() for cell in column) for column in columns]
    return [
        indent
        + "  ".join(
            cell.rjust(w) if num else cell.ljust(w)
            for cell, w, num in zip(row, widths, numeric, strict=True)
        ).rstrip()
        for row in rows
    ]


def format_stats(stats: GraphStats) -> str:
    """The stats as aligned text for people."""
    mapped = stats.entities - len(stats.without_standard_id)
    shared = sum(n for k, n in stats.by_support.items() if k != "1")
    unnamed = shared - len(stats.most_supported)
    certainty = ", ".join(f"{k} {v}" for k, v in stats.by_certainty.items())
    lines = _table(
        [
            ("triples", str(stats.triples)),
            ("named graphs", str(stats.named_graphs)),
            ("sources", str(len(stats.by_source))),
            ("claims", f"{stats.claims} ({certainty}; negated {stats.negated})"),
            ("statements", f"{stats.statements} ({shared} stated by more than one source)"),
            (
                "entities",
                f"{stats.entities} ({mapped} with a standard ID, "
                f"{len(stats.without_standard_id)} without)",
            ),
        ],
        indent="",
    )
    sections = [
        (
            "claims by source",
            [(s, v["kind"], str(v["claims"])) for s, v in stats.by_source.items()],
        ),
        ("claims by predicate", [(k, str(v)) for k, v in stats.by_predicate.items()]),
        ("claims by certainty", [(k, str(v)) for k, v in stats.by_certainty.items()]),
        (
            "statements by number of sources",
            [(f"{k} source{'s' * (k != '1')}", str(v)) for k, v in stats.by_support.items()],
        ),
        (
            "statements stated by more than one source"
            + (f" (the first {len(stats.most_supported)}; {unnamed} more)" if unnamed else ""),
            [(m["statement"], ", ".join(m["sources"])) for m in stats.most_supported],
        ),
        ("entities by class", [(k, str(v)) for k, v in stats.by_class.items()]),
        ("entities with no standard ID", [(k, v) for k, v in stats.without_standard_id.items()]),
    ]
    for title, rows in sections:
        lines += ["", title, *(_table(rows) if rows else ["  (none)"])]
    return "\n".join(lines)
