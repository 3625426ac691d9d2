"""The graph as sorted quads of N-Triples terms: what build, export, SHACL and the network read.

A term is its N-Triples text (``<iri>``, ``"text"``, ``"3"^^<...#integer>``, ``"x"@en``), so
a million quads are plain strings that Python makes, sorts and writes in seconds, where
rdflib nodes in an rdflib Dataset would take minutes. Terms are written by :func:`iri` and
:func:`literal` only, one spelling per term, so equal terms are equal strings and the
union of the named graphs is a set union. rdflib Datasets (for SPARQL on the memory store,
JSON-LD, stats) are parsed from these quads, so the claim model is mapped to RDF once, in
:mod:`kg.rdf.claims`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.base.vocab import NNKG_NS

__all__ = [
    "Quad",
    "Quads",
    "Triple",
    "iri",
    "lexical",
    "literal",
    "parse_quads",
    "unwrap",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING, _LANG_STRING = XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\r": "\r"}
_ESCAPE = str.maketrans(_ESCAPES)

# IRI openings ("<" + namespace); a term is opening + local name + ">"
RDF = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type>"
RDFS = "<http://www.w3.org/2000/01/rdf-schema#"
SKOS = "<http://www.w3.org/2004/02/skos/core#"
PROV = "<http://www.w3.org/ns/prov#"
DCTERMS = "<http://purl.org/dc/terms/"
NNKG = "<" + str(NNKG_NS)

Triple = tuple[str, str, str]
Quad = tuple[str, str, str, str]  # (graph, subject, predicate, object)


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal's one spelling: simple strings carry no datatype, others their IRI."""
    text = f'"{value.translate(_ESCAPE)}"'
    if lang:
        return f"{text}@{lang.lower()}"
    if datatype and datatype not in (_STRING, _LANG_STRING):
        return f"{text}^^<{datatype}>"
    return text


def lexical(term: str) -> str:
    """The text of a literal (unescaped), or the IRI of ``<iri>``."""
    if term.startswith("<"):
        return term[1:-1]
    body = term[1 : term.rindex('"')]
    if "\\" not in body:
        return body
    return re.sub(r'\\[\\"nr]', lambda m: _UNESCAPES[m.group()], body)


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


def _term(node) -> str:
    """A pyoxigraph term in nnkg's spelling."""
    import pyoxigraph as ox

    if isinstance(node, ox.NamedNode):
        return iri(node.value)
    if isinstance(node, ox.Literal):
        return literal(node.value, lang=node.language, datatype=node.datatype.value)
    return str(node)  # a blank node keeps its label


def parse_quads(source: Path | bytes, fmt: str, *, graph: str | None = None) -> Iterator[Quad]:
    """The quads of an RDF file, or of its bytes (Oxigraph's parser, fast); triples go into
    ``graph``."""
    import pyoxigraph as ox

    terms: dict = {}  # most terms recur; spell each once

    def spell(node) -> str:
        try:
            return terms[node]
        except KeyError:
            return terms.setdefault(node, _term(node))

    what = {"input": source} if isinstance(source, bytes) else {"path": str(source)}
    for quad in ox.parse(**what, format=ox.RdfFormat.from_extension(fmt)):
        context = graph or spell(quad.graph_name)
        yield context, spell(quad.subject), spell(quad.predicate), spell(quad.object)
