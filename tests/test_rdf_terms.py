"""One spelling per RDF term: canonical N-Triples as RDF 1.2 defines it, byte for byte what
Oxigraph writes, read back alike by pyoxigraph and rdflib in every format, and the same for
SPARQL answers whichever store gave them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdfcompare import oxigraph_graphs, union_graph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.base.vocab import XSD_INTEGER, XSD_STRING
from kg.export import write
from kg.rdf.dataset import quads_dataset
from kg.rdf.quads import Quads, iri, lexical, literal, parse_quads
from kg.sparql.results import Result, Term, term_from_oxigraph, term_from_rdflib, write_result

#: Every kind of character the spelling treats apart: ECHAR (BS, HT, LF, FF, CR, ", \),
#: UCHAR (the other controls, DEL, U+FFFE, U+FFFF) and characters written as they are.
HOSTILE = [
    "tab\there",
    "\x00\x01\x08\x0b\x0c\x0e\x1b[31m\x1f\x7f",
    "\ufffe\uffff",
    'say "hi" \\ back \\u0041',
    "line\r\nbreak",
    "é ✓ 𝄞 \u2028 \x85",
]
TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # any Unicode scalar value
G, S, P = "https://example.org/g", "https://example.org/s", "https://example.org/p"


def _hostile_quads() -> Quads:
    return Quads.of(
        (iri(G), iri(S), iri(P), term)
        for text in HOSTILE
        for term in (literal(text), literal(text, lang="en"), literal(text, datatype=G))
    )


def _graph(objects) -> Graph:
    """Triples made by rdflib from the texts, independently of nnkg's spelling."""
    graph = Graph()
    for term in objects:
        graph.add((URIRef(S), URIRef(P), term))
    return graph


EXPECTED = _graph(
    term
    for text in HOSTILE
    for term in (Literal(text), Literal(text, lang="en"), Literal(text, datatype=URIRef(G)))
)


@given(TEXT, st.sampled_from([None, "en", "EN-gb"]), st.sampled_from([None, XSD_STRING, G]))
def test_a_literal_is_spelled_as_oxigraph_spells_it(text, lang, datatype):
    if lang:
        theirs = ox.Literal(text, language=lang)
    else:
        theirs = ox.Literal(text, datatype=ox.NamedNode(datatype) if datatype else None)
    assert literal(text, lang=lang, datatype=datatype) == str(theirs)


@given(TEXT)
def test_lexical_reads_back_what_literal_spells(text):
    assert lexical(literal(text)) == lexical(literal(text, datatype=XSD_INTEGER)) == text


def test_the_ntriples_export_is_oxigraphs_canonical_ntriples(quads):
    for graph in (quads, _hostile_quads()):
        ours = write(graph, "nt")
        assert ours == ox.serialize(
            ox.parse(ours, ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES
        )


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "oxigraph_format"),
    [("nt", "nt", "N_TRIPLES"), ("ttl", "turtle", "TURTLE"), ("trig", "trig", "TRIG")],
)
def test_hostile_literals_round_trip_through_both_parsers(fmt, rdflib_format, oxigraph_format):
    data = write(_hostile_quads(), fmt)
    dataset = Dataset(default_union=False)
    dataset.parse(data=data.decode(), format=rdflib_format)
    assert isomorphic(union_graph(dataset), EXPECTED)
    [graph] = oxigraph_graphs(data, oxigraph_format).values()
    assert isomorphic(graph, EXPECTED)
    assert Quads.of(parse_quads(data, fmt, graph=iri(G))).quads == _hostile_quads().quads


def test_both_stores_answer_with_the_graphs_own_spelling():
    quads = _hostile_quads()
    query = "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    store = ox.Store()
    store.load(quads.nquads().encode(), ox.RdfFormat.N_QUADS)
    from_oxigraph = [term_from_oxigraph(row["o"]) for row in store.query(query)]
    from_rdflib = [term_from_rdflib(row[0]) for row in quads_dataset(quads).query(query)]
    assert sorted(from_oxigraph, key=Term.sort_key) == sorted(from_rdflib, key=Term.sort_key)
    assert sorted(t.ntriples() for t in from_oxigraph) == sorted(q[3] for q in quads.quads)


def test_both_stores_read_a_language_tag_alike():
    tagged = term_from_rdflib(Literal("colour", lang="EN-GB"))
    assert tagged == term_from_oxigraph(ox.Literal("colour", language="EN-GB"))
    assert tagged.ntriples() == '"colour"@en-gb'


def test_tsv_and_ntriples_answers_hold_no_raw_tab_or_control():
    cells = tuple(Term("literal", text) for text in HOSTILE)
    table = Result("SELECT", tuple(f"v{i}" for i in range(len(cells))), (cells,))
    lines = write_result(table, "tsv").decode().split("\n")
    assert lines[-1] == "" and len(lines) == 3  # no cell broke its line
    assert [line.count("\t") for line in lines[:2]] == [len(cells) - 1] * 2
    graph = Result("CONSTRUCT", triples=tuple((Term("uri", S), Term("uri", P), c) for c in cells))
    data = write_result(graph, "nt")
    plain = _graph(Literal(text) for text in HOSTILE)
    assert isomorphic(Graph().parse(data=data.decode(), format="nt"), plain)
    assert isomorphic(oxigraph_graphs(data, "N_TRIPLES")[None], plain)
