"""The synthetic corpus generator of bench/: deterministic, and its output is a valid corpus."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from kg.cli import cli

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
