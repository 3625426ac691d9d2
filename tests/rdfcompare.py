"""Read RDF with pyoxigraph, a second, independent parser, into rdflib terms to compare."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef


def union_graph(dataset) -> Graph:
    """All triples of every named graph of an rdflib Dataset in one Graph, by rdflib."""
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def to_rdflib(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unexpected term {term!r}")


def oxigraph_graphs(data: bytes, fmt: str) -> dict[str | None, Graph]:
    """Parse ``data`` with pyoxigraph; one rdflib Graph per graph name (None = default)."""
    import pyoxigraph as ox

    graphs: dict[str | None, Graph] = {}
    for quad in ox.parse(data, getattr(ox.RdfFormat, fmt)):
        name = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graph = graphs.setdefault(name, Graph())
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graphs


def named_graphs(dataset) -> dict[str, Graph]:
    """rdflib's view of the same: each non-empty named graph as a plain Graph."""
    out = {}
    for g in dataset.graphs():
        if len(g):
            plain = Graph()
            for triple in g:
                plain.add(triple)
            out[str(g.identifier)] = plain
    return out
