"""The synthetic corpus generator of bench/: deterministic, and its output is a valid corpus."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from kg.cli import cli
from kg.sparql.queries import canned_queries
from kg.sparql.run import run_query

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    counts = generate(out, 10_000)
    return out, counts


def test_same_arguments_same_bytes(corpus, tmp_path):
    out, counts = corpus
    assert generate(tmp_path / "again", 10_000) == counts
    assert _files(tmp_path / "again") == _files(out)
    assert _files(out) != _files(
        generate(tmp_path / "other", 10_000, seed=8) and tmp_path / "other"
    )


def test_generated_corpus_validates_and_builds_to_about_its_size(
    runner, corpus, tmp_path, union, packaged_claims
):
    out, counts = corpus
    checked = runner.invoke(cli, ["validate", "--sources", str(out)])
    assert checked.exit_code == 0, checked.output
    assert checked.stderr == ""  # not even a hedge warning: hedged text is marked hedged
    built = runner.invoke(cli, ["build", "--sources", str(out), "--out", str(tmp_path / "b")])
    assert built.exit_code == 0, built.output
    triples = int(built.stderr.split()[1])
    assert 0.8 * 10_000 < triples - len(union) < 1.2 * 10_000
    assert f"{counts['claims'] + len(packaged_claims)} claims" in built.stderr


@pytest.fixture(scope="module")
def generated_build(corpus, tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("generated-build")
    build(out, [corpus[0]])
    return out


@pytest.fixture(scope="module")
def generated_engines(generated_build, tmp_path_factory):
    from kg.graph import load_dataset
    from kg.sparql.engines import MemoryEngine, OxigraphEngine
    from kg.sparql.store import open_store

    cache = tmp_path_factory.mktemp("cache")
    return MemoryEngine(load_dataset(generated_build)), OxigraphEngine(
        open_store(generated_build, cache)
    )


@pytest.mark.parametrize("name", [q.name for q in canned_queries()])
def test_generated_build_answers_canned_queries_alike_on_both_stores(generated_engines, name):
    text = next(q.text for q in canned_queries() if q.name == name)
    memory, oxigraph = (run_query(engine, text) for engine in generated_engines)
    assert memory == oxigraph


def test_sources_checked_in_parallel_give_the_serial_report(corpus, monkeypatch):
    import kg.curation.corpus

    serial = kg.curation.corpus.curate([corpus[0]])
    monkeypatch.setattr(kg.curation.corpus, "PARALLEL_BYTES", 0)
    forked = kg.curation.corpus.curate([corpus[0]])
    assert forked == serial and len(forked.corpus.sources) > 2
