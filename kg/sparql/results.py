"""SPARQL answers in one store-independent shape, and a writer for every output format.

Each store (rdflib in memory, Oxigraph on disk, a remote endpoint) turns its answer into a
:class:`Result`, so one set of writers gives the same bytes whatever store answered:
the SPARQL 1.1 result formats (JSON, XML, CSV, TSV), an aligned table for people, and
Turtle or N-Triples for CONSTRUCT and DESCRIBE.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape, quoteattr

from kg.rdf.quads import explicit_datatype, oxigraph_parts, spell_term

__all__ = [
    "GRAPH_FORMATS",
    "GRAPH_FORMS",
    "TABLE_FORMATS",
    "Result",
    "Term",
    "compact_cell",
    "from_sparql_json",
    "term_from_oxigraph",
    "term_from_rdflib",
    "write_result",
]

SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

#: Query forms whose answer is a graph rather than a table.
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})
_KIND_ORDER = {"bnode": 0, "uri": 1, "literal": 2}


@dataclass(frozen=True)
class Term:
    """One RDF term as the SPARQL JSON results format sees it.

    ``datatype`` is None for simple literals (xsd:string) and language-tagged ones, so
    stores that spell those differently still give equal terms.

    >>> Term("literal", 'say "hi"', lang="en").ntriples()
    '"say \\\\"hi\\\\""@en'
    """

    kind: str  # "uri" | "literal" | "bnode"
    value: str
    datatype: str | None = None
    lang: str | None = None

    def ntriples(self) -> str:
        """Canonical N-Triples, spelled as the graph's own terms are (a raw tab never
        appears, as SPARQL's TSV results require)."""
        return spell_term(self.kind, self.value, self.datatype, self.lang)

    def json(self) -> dict[str, str]:
        out = {"type": self.kind, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    def sort_key(self) -> tuple:
        return (_KIND_ORDER[self.kind], self.value, self.datatype or "", self.lang or "")


Row = tuple[Term | None, ...]


@dataclass(frozen=True)
class Result:
    """A SELECT table, an ASK boolean, or a CONSTRUCT/DESCRIBE graph."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    variables: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Term, Term, Term], ...] = ()

    @property
    def is_graph(self) -> bool:
        return self.form in GRAPH_FORMS

    def __len__(self) -> int:
        return len(self.triples) if self.is_graph else len(self.rows)

    def sorted(self) -> Result:
        """The same answer with rows (or triples) in a fixed order, for queries without
        ORDER BY: stores return solutions in different orders."""

        def key(terms: Iterable[Term | None]) -> tuple:
            return tuple((0,) if t is None else (1, *t.sort_key()) for t in terms)

        return replace(
            self,
            rows=tuple(sorted(self.rows, key=key)),
            triples=tuple(sorted(self.triples, key=key)),
        )


def term_from_rdflib(term) -> Term:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        datatype = explicit_datatype(str(term.datatype) if term.datatype else None)
        lang = term.language.lower() if term.language else None  # as Oxigraph keeps tags
        return Term("literal", str(term), datatype, lang)
    raise TypeError(f"unsupported RDF term {term!r}")


def term_from_oxigraph(term) -> Term:
    """The term's parts as the graph's own quads read them (:func:`oxigraph_parts`)."""
    return Term(*oxigraph_parts(term))


def from_sparql_json(data: bytes, form: str) -> Result:
    """Read the SPARQL 1.1 JSON results format (what remote endpoints answer)."""
    doc = json.loads(data)
    if "boolean" in doc:
        return Result("ASK", boolean=bool(doc["boolean"]))
    variables = tuple(doc["head"]["vars"])

    def term(binding: dict | None) -> Term | None:
        if binding is None:
            return None
        kind = "literal" if binding["type"] == "typed-literal" else binding["type"]
        lang = binding.get("xml:lang")
        datatype = explicit_datatype(binding.get("datatype"))
        return Term(kind, binding["value"], datatype, lang.lower() if lang else None)

    rows = tuple(
        tuple(term(solution.get(v)) for v in variables) for solution in doc["results"]["bindings"]
    )
    return Result(form, variables, rows)


def write_result(result: Result, fmt: str) -> bytes:
    """Serialize ``result``: a name of :data:`TABLE_FORMATS` for SELECT and ASK answers,
    of :data:`GRAPH_FORMATS` for graph answers."""
    writers = _GRAPH_WRITERS if result.is_graph else _TABLE_WRITERS
    if fmt not in writers:
        kind = "graph" if result.is_graph else "SELECT/ASK"
        raise ValueError(f"no {fmt!r} writer for {kind} results")
    return writers[fmt](result)


def _json(result: Result) -> bytes:
    if result.boolean is not None:
        doc: dict = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {v: t.json() for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _xml_term(term: Term) -> str:
    if term.kind == "literal":
        attr = f" xml:lang={quoteattr(term.lang)}" if term.lang else ""
        if term.datatype and not term.lang:
            attr = f" datatype={quoteattr(term.datatype)}"
        return f"<literal{attr}>{escape(term.value)}</literal>"
    return f"<{term.kind}>{escape(term.value)}</{term.kind}>"


def _xml(result: Result) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">']
    if result.boolean is not None:
        lines += ["  <head/>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("  <head>")
        lines += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        lines += ["  </head>", "  <results>"]
        for row in result.rows:
            lines.append("    <result>")
            lines += [
                f"      <binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(result.variables, row, strict=True)
                if t is not None
            ]
            lines.append("    </result>")
        lines.append("  </results>")
    lines.append("</sparql>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _header_and_cells(result: Result, header, cell) -> list[list[str]]:
    """Rows of strings, header first; an ASK answer is one ``_askResult`` column."""
    if result.boolean is not None:
        return [[header("_askResult")], ["true" if result.boolean else "false"]]
    return [[header(v) for v in result.variables]] + [
        ["" if t is None else cell(t) for t in row] for row in result.rows
    ]


def _csv(result: Result) -> bytes:
    def cell(term: Term) -> str:
        return f"_:{term.value}" if term.kind == "bnode" else term.value

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(_header_and_cells(result, lambda v: v, cell))
    return out.getvalue().encode("utf-8")


def _tsv(result: Result) -> bytes:
    table = _header_and_cells(result, lambda v: f"?{v}", Term.ntriples)
    return "".join("\t".join(cells) + "\n" for cells in table).encode("utf-8")


def compact_cell(term: Term) -> str:
    """A cell for people: prefixed names for nnkg's namespaces, literals as plain text."""
    from kg.base.vocab import PREFIXES

    if term.kind == "literal":
        return " ".join(term.value.split())
    if term.kind == "bnode":
        return f"_:{term.value}"
    for prefix, ns in PREFIXES.items():
        local = term.value[len(str(ns)) :]
        if term.value.startswith(str(ns)) and local.replace("-", "").replace("_", "").isalnum():
            return f"{prefix}:{local}"
    return f"<{term.value}>"


def _table(result: Result) -> bytes:
    if result.boolean is not None:
        return b"true\n" if result.boolean else b"false\n"
    table = _header_and_cells(result, lambda v: v, compact_cell)
    widths = [max(len(cells[i]) for cells in table) for i in range(len(table[0]))]
    table.insert(1, ["-" * w for w in widths])
    lines = ("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) for cells in table)
    return "".join(line.rstrip() + "\n" for line in lines).encode("utf-8")


def _ntriples(result: Result) -> bytes:
    lines = sorted(" ".join(t.ntriples() for t in triple) + " .\n" for triple in result.triples)
    return "".join(lines).encode("utf-8")


def _turtle(result: Result) -> bytes:
    from rdflib import Graph

    from kg.base.vocab import bind_prefixes

    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    graph.parse(data=_ntriples(result).decode("utf-8"), format="nt")
    return graph.serialize(format="turtle", encoding="utf-8")


_TABLE_WRITERS = {"table": _table, "json": _json, "csv": _csv, "tsv": _tsv, "xml": _xml}
_GRAPH_WRITERS = {"turtle": _turtle, "nt": _ntriples}
#: Writers for SELECT and ASK answers, and for graph answers, by name (their media types are
#: :data:`kg.base.media.MEDIA`'s).
TABLE_FORMATS = tuple(_TABLE_WRITERS)
GRAPH_FORMATS = tuple(_GRAPH_WRITERS)
