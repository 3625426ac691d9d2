"""The graph as sorted quads of N-Triples terms: what build, export, SHACL and the network read.

A term is its N-Triples text (``<iri>``, ``"text"``, ``"3"^^<...#integer>``, ``"x"@en``), so
a million quads are plain strings that Python makes, sorts and writes in seconds, where
rdflib nodes in an rdflib Dataset would take minutes. Terms are spelled here only
(:func:`iri`, :func:`literal`, :func:`spell_term`), one spelling per term, canonical
N-Triples, so equal terms are equal strings and the union of the named graphs is a set
union; the SPARQL answers' N-Triples (:mod:`kg.sparql.results`) are spelled here too.
rdflib Datasets (for SPARQL on the memory store, JSON-LD, stats) are parsed from these
quads, so the claim model is mapped to RDF once, in :mod:`kg.rdf.claims`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.base.vocab import (
    DCTERMS_IRI,
    NNKG_IRI,
    PROV_IRI,
    RDF_IRI,
    RDF_LANG_STRING,
    RDFS_IRI,
    SKOS_IRI,
    XSD_STRING,
)

__all__ = [
    "Quad",
    "Quads",
    "Triple",
    "explicit_datatype",
    "iri",
    "lexical",
    "literal",
    "oxigraph_parts",
    "parse_quads",
    "spell_term",
    "unwrap",
]

#: Canonical N-Triples as RDF 1.2 defines it, and as Oxigraph writes it: BS, HT, LF, FF, CR,
#: ``"`` and ``\`` as ECHAR, the other controls and the noncharacters U+FFFE and U+FFFF as
#: UCHAR (uppercase hex), every other character as itself. RDF 1.1's canonical form escaped
#: only the four a string cannot hold raw (``"``, ``\``, LF, CR); RDF 1.2's keeps tabs and
#: other controls out of the text too, as SPARQL's TSV results need.
_ESCAPES = {
    **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)},
    **{"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"},
    **{'"': '\\"', "\\": "\\\\"},
}
_ESCAPE = str.maketrans(_ESCAPES)
_UNESCAPES = {escaped: char for char, escaped in _ESCAPES.items()}
_ESCAPED = re.compile(r"\\(?:u[0-9A-F]{4}|.)")
#: Datatypes a literal's spelling leaves out: a simple literal's, and a language tag's.
_IMPLICIT = frozenset({XSD_STRING, RDF_LANG_STRING})

# IRI openings ("<" + namespace); a term is opening + local name + ">"
RDF, RDFS, SKOS, PROV, DCTERMS, NNKG = (
    f"<{ns}" for ns in (RDF_IRI, RDFS_IRI, SKOS_IRI, PROV_IRI, DCTERMS_IRI, NNKG_IRI)
)
RDF_TYPE = RDF + "type>"

Triple = tuple[str, str, str]
Quad = tuple[str, str, str, str]  # (graph, subject, predicate, object)


def iri(value: str) -> str:
    return f"<{value}>"


def explicit_datatype(datatype: str | None) -> str | None:
    """``datatype``, or None for xsd:string and rdf:langString, which a literal's spelling
    leaves out; so terms read from stores that name them and from stores that do not are
    equal."""
    return None if datatype in _IMPLICIT else datatype


def literal(value: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal's one spelling: simple strings carry no datatype, others their IRI.

    >>> literal('tab\\there "quoted"', lang="EN")
    '"tab\\\\there \\\\"quoted\\\\""@en'
    """
    text = f'"{value.translate(_ESCAPE)}"'
    if lang:
        return f"{text}@{lang.lower()}"
    datatype = explicit_datatype(datatype)
    return f"{text}^^<{datatype}>" if datatype else text


def spell_term(kind: str, value: str, datatype: str | None = None, lang: str | None = None) -> str:
    """Any term's one spelling, from its parts as SPARQL's JSON results name them (``kind``
    is "uri", "bnode" or "literal")."""
    if kind == "uri":
        return iri(value)
    if kind == "bnode":
        return f"_:{value}"
    return literal(value, lang=lang, datatype=datatype)


def oxigraph_parts(node) -> tuple[str, str, str | None, str | None]:
    """A pyoxigraph term as ``(kind, value, datatype, lang)``: what :func:`spell_term` and
    :class:`kg.sparql.results.Term` are made of, so both read Oxigraph's terms alike.
    Anything else (the default graph, a triple term) is a ValueError, as parsers raise."""
    import pyoxigraph as ox

    if isinstance(node, ox.NamedNode):
        return "uri", node.value, None, None
    if isinstance(node, ox.BlankNode):
        return "bnode", node.value, None, None
    if isinstance(node, ox.Literal):
        return "literal", node.value, explicit_datatype(node.datatype.value), node.language
    raise ValueError(f"not an IRI, blank node or literal: {node!r}")


def lexical(term: str) -> str:
    """The text of a literal (unescaped), or the IRI of ``<iri>``."""
    if term.startswith("<"):
        return term[1:-1]
    body = term[1 : term.rindex('"')]
    if "\\" not in body:
        return body
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], body)


def unwrap(term: str) -> str:
    """``<iri>`` -> ``iri``; anything else unchanged."""
    return term[1:-1] if term.startswith("<") else term


@dataclass(frozen=True, eq=False)
class Quads:
    """Quads sorted by graph, subject, predicate and object, without duplicates."""

    quads: tuple[Quad, ...]

    def __repr__(self) -> str:  # a million quads are no one's reading
        return f"<Quads: {len(self.quads)} quads, {len(self)} triples>"

    @classmethod
    def of(cls, quads: Iterable[Quad]) -> Quads:
        return cls(tuple(dict.fromkeys(sorted(quads))))  # sorted, then each once

    @cached_property
    def triples(self) -> tuple[Triple, ...]:
        """The RDF merge of every named graph: each triple once, sorted."""
        # each graph's triples are a sorted run already, which sorting notices
        return tuple(dict.fromkeys(sorted(q[1:] for q in self.quads)))

    @cached_property
    def about(self) -> dict[str, dict[str, list[str]]]:
        """subject -> predicate -> objects (in order), over the merge of the graphs."""
        index: dict[str, dict[str, list[str]]] = {}
        for s, p, o in self.triples:
            index.setdefault(s, {}).setdefault(p, []).append(o)
        return index

    @cached_property
    def instances(self) -> dict[str, list[str]]:
        """class -> the subjects typed with it (in order)."""
        typed: dict[str, list[str]] = {}
        for s, p, o in self.triples:
            if p == RDF_TYPE:
                typed.setdefault(o, []).append(s)
        return typed

    def value(self, subject: str, predicate: str, default: str = "") -> str:
        """The text (see :func:`lexical`) of ``subject``'s first ``predicate``, or ``default``."""
        found = self.about.get(subject, {}).get(predicate)
        return lexical(found[0]) if found else default

    def graphs(self) -> Iterator[tuple[str, list[Triple]]]:
        """Each named graph with its triples, in graph order."""
        from itertools import groupby

        for graph, quads in groupby(self.quads, key=lambda q: q[0]):
            yield graph, [q[1:] for q in quads]

    def nquads(self) -> str:
        return "".join(f"{s} {p} {o} {g} .\n" for g, s, p, o in self.quads)

    def ntriples(self) -> str:
        return "".join(f"{s} {p} {o} .\n" for s, p, o in self.triples)

    def __len__(self) -> int:
        return len(self.triples)


def parse_quads(source: Path | bytes, fmt: str, *, graph: str | None = None) -> Iterator[Quad]:
    """The quads of an RDF file, or of its bytes (Oxigraph's parser, fast); triples go into
    ``graph``."""
    import pyoxigraph as ox

    terms: dict = {}  # most terms recur; spell each once

    def spell(node) -> str:
        try:
            return terms[node]
        except KeyError:
            return terms.setdefault(node, spell_term(*oxigraph_parts(node)))

    what = {"input": source} if isinstance(source, bytes) else {"path": str(source)}
    for quad in ox.parse(**what, format=ox.RdfFormat.from_extension(fmt)):
        context = graph or spell(quad.graph_name)
        yield context, spell(quad.subject), spell(quad.predicate), spell(quad.object)
