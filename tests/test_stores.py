"""The memory store (rdflib) and the Oxigraph store give the same answers: every canned
query, the union of the named graphs as a set, GRAPH narrowing; the store is cached on disk
and rebuilt only when the build changes, or when it is damaged; a killed load's scratch
folder is removed by the next run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from processes import generated_sources, kill_when, run_nnkg, start_nnkg

from kg.cli import cli
from kg.sparql.queries import canned_queries
from kg.sparql.run import run_query


@pytest.fixture(scope="module")
def engines(built, tmp_path_factory):
    """Both stores as ``nnkg query`` and ``nnkg serve``'s workers open them."""
    from kg.sparql.engines import STORES, EngineSpec

    cache = tmp_path_factory.mktemp("cache")
    return tuple(EngineSpec.load(store, built, cache).open() for store in STORES)


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


def test_store_is_reused_until_the_build_changes(built, tmp_path, tiny_source):
    from kg.build import build
    from kg.sparql.store import ensure_store

    cache = tmp_path / "cache"
    first = ensure_store(built, cache)
    stamp = first.stat().st_mtime_ns
    assert ensure_store(built, cache) == first and first.stat().st_mtime_ns == stamp
    changed = tmp_path / "changed"
    build(changed, [tiny_source])
    second = ensure_store(changed, cache)
    assert second != first
    assert sorted(p.name for p in (cache / "oxigraph").iterdir()) == sorted(
        [first.parent.name, second.parent.name]
    )  # no half-built store left behind


def test_many_readers_share_one_store(built, tmp_path):
    from kg.sparql.engines import OxigraphEngine
    from kg.sparql.store import open_store

    readers = [OxigraphEngine(open_store(built, tmp_path)) for _ in range(3)]
    answers = {run_query(r, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") for r in readers}
    assert len(answers) == 1


def test_fingerprint_follows_what_the_graph_is_made_from(built, tmp_path, monkeypatch):
    from kg.sparql.store import fingerprint

    monkeypatch.chdir(tmp_path)  # no ./build: the packaged sources and the code count
    assert fingerprint(built) == fingerprint(built) != fingerprint(None) == fingerprint(None)


# --- a damaged store is loaded anew; a killed load's scratch folder goes -------------------

COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"


def _count(runner, build: Path, store: str):
    return runner.invoke(
        cli, ["query", COUNT, "--format", "csv", "--store", store, "--build", str(build)]
    )


def _largest_sst(store: Path) -> Path:
    return max(store.glob("*.sst"), key=lambda p: p.stat().st_size)


def _truncate(store: Path) -> None:
    os.truncate(_largest_sst(store), 1000)


def _delete(store: Path) -> None:
    _largest_sst(store).unlink()


def _forget_record(store: Path) -> None:
    (store.parent / "files.json").unlink()


def _scramble_keeping_sizes(store: Path) -> None:
    """Bytes changed inside the smallest table, its size kept: only Oxigraph can tell."""
    table = min(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    with table.open("r+b") as stream:
        stream.seek(table.stat().st_size // 3)
        stream.write(b"\xff" * 100)


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (_truncate, "holds 1000 bytes, not"),
        (_delete, ".sst is missing"),
        (_forget_record, "files.json is missing"),
        (_scramble_keeping_sizes, "Corruption"),
    ],
    ids=["truncated table", "deleted table", "no record", "scrambled table"],
)
def test_a_damaged_store_is_loaded_anew_with_one_warning(
    runner, built, tmp_path, monkeypatch, damage, why
):
    from kg.sparql.store import ensure_store

    monkeypatch.chdir(tmp_path)  # the CLI's cache is ./.nnkg-cache
    expected = _count(runner, built, "memory").stdout
    store = ensure_store(built)
    damage(store)
    result = _count(runner, built, "oxigraph")
    assert result.exit_code == 0 and result.stdout == expected
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(f"warning: the Oxigraph store {store.parent} is damaged (")
    assert why in warning and warning.endswith("; loading it anew")
    again = _count(runner, built, "oxigraph")  # loaded anew, and now sound
    assert (again.stdout, again.stderr) == (expected, "")


def test_a_scratch_folder_is_removed_only_once_no_load_holds_it(built, tmp_path):
    from kg.base.locks import create_locked
    from kg.sparql.store import ensure_store

    root = tmp_path / "oxigraph"
    root.mkdir()

    def make():
        folder = root / ".0123456789abcdef.live.nnkg-scratch"
        folder.mkdir()
        return folder, os.open(folder, os.O_RDONLY)

    live, fd = create_locked(make)  # as a load in progress holds it
    ensure_store(built, tmp_path)
    assert live.is_dir()
    os.close(fd)  # as when that load is killed
    ensure_store(built, tmp_path)
    assert not live.exists()


@pytest.fixture(scope="module")
def big_build(tmp_path_factory) -> Path:
    """A build large enough that loading its store takes a while."""
    from kg.build import build

    root = tmp_path_factory.mktemp("big-build")
    build(root / "build", [generated_sources(root / "sources", 100_000)])
    return root / "build"


def test_a_killed_store_load_leaves_scratch_that_the_next_run_removes(tmp_path, big_build):
    root = tmp_path / ".nnkg-cache" / "oxigraph"

    def scratch() -> list[Path]:
        return sorted(root.glob(".*.nnkg-scratch")) if root.is_dir() else []

    query = ["query", "ASK { ?s ?p ?o }", "--store", "oxigraph", "--build", str(big_build)]
    load = start_nnkg(*query, cwd=tmp_path)
    kill_when(load, lambda: any((folder / "db").is_dir() for folder in scratch()))
    assert scratch()  # what the issue saw: the killed load's scratch folder, left behind

    result = run_nnkg(*query, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "true\n", "")
    assert scratch() == [] and len(list(root.iterdir())) == 1


def test_damage_found_while_answering_removes_the_store(big_build, tmp_path):
    """A store damaged under an open engine (its tables truncated): the query that meets it
    says so in one line and removes the store; the next engine loads it anew and answers."""
    from kg.base.errors import QueryError
    from kg.sparql.run import open_engine

    cache = tmp_path / "cache"
    engine = open_engine("oxigraph", big_build, cache_root=cache)
    assert run_query(engine, "ASK { ?s ?p ?o }").boolean is True
    for table in (cache / "oxigraph").rglob("*.sst"):
        os.truncate(table, table.stat().st_size // 3)
    every = "SELECT * WHERE { ?s ?p ?o } LIMIT 90000"
    with pytest.raises(QueryError, match=r"store was damaged .* removed: run the query again"):
        run_query(engine, every)
    assert list((cache / "oxigraph").iterdir()) == []
    again = open_engine("oxigraph", big_build, cache_root=cache)
    assert len(run_query(again, every)) == 90_000
