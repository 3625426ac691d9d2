"""The projected claim network is cached by build fingerprint and never served stale, nor
for a build whose files do not match its manifest."""

from __future__ import annotations

import pytest

from kg.base.manifest import MixedBuildError
from kg.build import build
from kg.network.projection import load_network

EGG, B12 = "https://w3id.org/nnkg/entity/egg", "https://w3id.org/nnkg/entity/vitamin-b12"


def _egg_claims(net) -> int:
    return len(net.edges[EGG, B12, "sourceOf"]["claims"])


def test_cache_is_reused_and_invalidated_when_the_build_changes(tmp_path, tiny_source):
    out, cache = tmp_path / "build", tmp_path / "cache"
    build(out)
    first = load_network(out, cache_root=cache)
    entries = sorted((cache / "network").iterdir())
    assert len(entries) == 1

    again = load_network(out, cache_root=cache)
    assert sorted((cache / "network").iterdir()) == entries
    assert sorted(again.edges(keys=True)) == sorted(first.edges(keys=True))
    assert _egg_claims(again) == _egg_claims(first)

    build(out, [tiny_source])  # the tiny source says eggs supply B12 once more
    changed = load_network(out, cache_root=cache)
    assert _egg_claims(changed) == _egg_claims(first) + 1
    assert len(list((cache / "network").iterdir())) == 2


def test_a_cached_network_is_never_served_for_a_build_that_fails_its_manifest(tmp_path):
    out, cache = tmp_path / "build", tmp_path / "cache"
    build(out)
    load_network(out, cache_root=cache)
    trig = out / "nnkg.trig"
    trig.write_bytes(trig.read_bytes() + b"\n")  # an edit the manifest does not know
    with pytest.raises(MixedBuildError, match=r"nnkg\.trig does not match"):
        load_network(out, cache_root=cache)


def test_a_damaged_entry_is_rebuilt(tmp_path):
    out, cache = tmp_path / "build", tmp_path / "cache"
    build(out)
    net = load_network(out, cache_root=cache)
    (entry,) = (cache / "network").iterdir()
    entry.write_bytes(b"not a pickle")
    assert sorted(load_network(out, cache_root=cache).edges(keys=True)) == sorted(
        net.edges(keys=True)
    )
    assert entry.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_only_costs_speed(tmp_path):
    out, blocker = tmp_path / "build", tmp_path / "file"
    build(out)
    blocker.write_text("a file where the cache folder would go")
    net = load_network(out, cache_root=blocker)
    assert _egg_claims(net) >= 1


def test_a_folder_without_a_build_is_named_with_the_fix(runner, tmp_path):
    from kg.cli import cli

    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (
        ["path", "vitamin B12", "myelin"],
        ["query", "competency-01", "--store", "oxigraph"],
    ):
        result = runner.invoke(cli, [*args, "--build", str(empty)])
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: {empty / 'nnkg.trig'}: no build here (run 'nnkg build --out {empty}')\n"
        )
