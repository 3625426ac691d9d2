"""The memory store (rdflib) and the Oxigraph store give the same answers: every canned
query, the union of the named graphs as a set, GRAPH narrowing; the store is cached on disk
and rebuilt only when the build changes."""

from __future__ import annotations

import shutil

import pytest

from kg.canned import canned_queries
from kg.sparql import run_query


@pytest.fixture(scope="module")
def engines(built, dataset, tmp_path_factory):
    from kg.engines import MemoryEngine, OxigraphEngine
    from kg.store import open_store

    cache = tmp_path_factory.mktemp("cache")
    return MemoryEngine(dataset), OxigraphEngine(open_store(built, cache))


def both(engines, text: str):
    memory, oxigraph = (run_query(engine, text) for engine in engines)
    assert memory == oxigraph
    return memory


@pytest.mark.parametrize("name", [q.name for q in canned_queries()])
def test_every_canned_query_answers_the_same_on_both_stores(engines, name):
    text = next(q.text for q in canned_queries() if q.name == name)
    assert len(both(engines, text)) > 0


def test_the_union_of_the_named_graphs_is_a_set(engines, union):
    (n,) = both(engines, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0]
    assert int(n.value) == len(union)
    # one direct edge that both sources state: seen once, not once per named graph
    # (pyoxigraph 0.5's use_default_graph_as_union would count it twice, oxigraph#1919)
    edge = "SELECT (COUNT(*) AS ?n) { ent:vitamin-b12 nnkg:isA ent:water-soluble-vitamin }"
    assert both(engines, edge).rows[0][0].value == "1"


def test_graph_narrows_to_one_named_graph(engines, dataset):
    text = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    counts = {g.value: int(n.value) for g, n in both(engines, text).rows}
    assert counts == {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}


def test_store_is_reused_until_the_build_changes(built, tmp_path):
    from kg.store import ensure_store

    cache = tmp_path / "cache"
    first = ensure_store(built, cache)
    stamp = first.stat().st_mtime_ns
    assert ensure_store(built, cache) == first and first.stat().st_mtime_ns == stamp
    changed = shutil.copytree(built, tmp_path / "changed")
    with (changed / "nnkg.trig").open("a", encoding="utf-8") as trig:
        trig.write("<urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> . }\n")
    second = ensure_store(changed, cache)
    assert second != first
    assert sorted(p.name for p in (cache / "oxigraph").iterdir()) == sorted(
        [first.name, second.name]
    )  # no half-built store left behind


def test_many_readers_share_one_store(built, tmp_path):
    from kg.engines import OxigraphEngine
    from kg.store import open_store

    readers = [OxigraphEngine(open_store(built, tmp_path)) for _ in range(3)]
    answers = {run_query(r, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") for r in readers}
    assert len(answers) == 1


def test_fingerprint_follows_what_the_graph_is_made_from(built, tmp_path, monkeypatch):
    from kg.store import fingerprint

    monkeypatch.chdir(tmp_path)  # no ./build: the packaged sources and the code count
    assert fingerprint(built) == fingerprint(built) != fingerprint(None) == fingerprint(None)
