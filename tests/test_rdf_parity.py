"""A second, independent parser (pyoxigraph) reads our Turtle and TriG as rdflib does."""

from __future__ import annotations

from rdfcompare import named_graphs, oxigraph_graphs
from rdflib.compare import isomorphic


def test_turtle_parses_identically_in_pyoxigraph(built, union):
    graphs = oxigraph_graphs((built / "nnkg.ttl").read_bytes(), "TURTLE")
    assert list(graphs) == [None]
    assert len(graphs[None]) == len(union)
    assert isomorphic(graphs[None], union)


def test_trig_named_graphs_parse_identically_in_pyoxigraph(built, dataset):
    ours = named_graphs(dataset)
    theirs = oxigraph_graphs((built / "nnkg.trig").read_bytes(), "TRIG")
    assert (
        set(theirs)
        == set(ours)
        == {
            "https://w3id.org/nnkg/ontology",
            "https://w3id.org/nnkg/catalogue",
            "https://w3id.org/nnkg/source/b12-electrical-nerve-balance",
            "https://w3id.org/nnkg/source/nih-ods-b12-factsheet",
        }
    )
    for name, graph in ours.items():
        assert isomorphic(theirs[name], graph), name


def test_every_direct_edge_is_backed_by_a_claim_in_its_graph(dataset):
    from rdflib.namespace import RDF

    from kg.base.vocab import NNKG

    for graph in dataset.graphs():
        if not str(graph.identifier).startswith("https://w3id.org/nnkg/source/"):
            continue
        for s, p, o in graph:
            if str(p).startswith(str(NNKG._NS)) and str(s).startswith(
                "https://w3id.org/nnkg/entity/"
            ):
                claims = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.object, o))
                assert any((c, RDF.predicate, p) in graph for c in claims), (s, p, o)
