"""Readers check a build against its manifest: a mix of two builds, an edited file or a
missing manifest is refused in one line; a build being written is waited for; what is
parsed is the very bytes that were checked."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from kg.base.files import write_atomic
from kg.base.locks import hold
from kg.base.manifest import MANIFEST, MixedBuildError, read_build
from kg.build import BUILD_FILES, build
from kg.cli import cli
from kg.graph import load_quads, open_build

READERS = [
    ["stats"],
    ["path", "vitamin B12", "myelin"],
    ["query", "ASK {}", "--store", "oxigraph"],
    ["query", "ASK {}", "--store", "memory"],
    ["export", "--format", "nt"],
]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The files of two different builds: the packaged sources, and those plus one more."""
    from conftest import TINY_DOC, tiny_claims, write_source

    root = tmp_path_factory.mktemp("two")
    extra = write_source(root / "extra" / "tiny-test", TINY_DOC, tiny_claims())
    build(root / "old")
    build(root / "new", [extra])
    return tuple(  # type: ignore[return-value]
        {p.name: p.read_bytes() for p in (root / name).iterdir()} for name in ("old", "new")
    )


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    out = tmp_path / "out"
    out.mkdir(parents=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return out


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_every_reader_refuses_a_mix_of_two_builds(runner, tmp_path, two_builds, args):
    old, new = two_builds
    out = _folder(tmp_path, {**old, "nnkg.ttl": new["nnkg.ttl"], "nnkg.trig": new["nnkg.trig"]})
    result = runner.invoke(cli, [*args, "--build", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {out}/: nnkg.trig does not match {out / MANIFEST} (a build was interrupted "
        f"or the files were edited): run 'nnkg build --out {out}'\n"
    )


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_every_reader_refuses_a_build_without_a_manifest(runner, tmp_path, two_builds, args):
    old, _ = two_builds
    out = _folder(tmp_path, {name: old[name] for name in BUILD_FILES})
    result = runner.invoke(cli, [*args, "--build", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {out}/: no manifest.json (a build by an older nnkg, or one that was "
        f"interrupted): run 'nnkg build --out {out}'\n"
    )


def test_the_oxigraph_store_checks_the_turtle_it_is_loaded_from(runner, tmp_path, two_builds):
    old, new = two_builds
    out = _folder(tmp_path, {**old, "nnkg.ttl": new["nnkg.ttl"]})
    for store, code in (("memory", 0), ("oxigraph", 1)):  # the memory store reads no Turtle
        result = runner.invoke(cli, ["query", "ASK {}", "--store", store, "--build", str(out)])
        assert result.exit_code == code
    assert "error: " + f"{out}/: nnkg.ttl does not match" in result.stderr


@pytest.mark.parametrize(
    ("manifest", "why"),
    [
        (b"{not json", "Expecting property name enclosed in double quotes"),
        (b'{"files": {}}', "'fingerprint'"),
        (b'{"files": {"nnkg.trig": {"bytes": "9", "sha256": "x"}}, "fingerprint": ""}', "bytes"),
    ],
)
def test_a_malformed_manifest_is_one_line(runner, tmp_path, two_builds, manifest, why):
    out = _folder(tmp_path, {**two_builds[0], MANIFEST: manifest})
    result = runner.invoke(cli, ["stats", "--build", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {out / MANIFEST}: not an nnkg build manifest (")
    assert why in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_fifo_in_place_of_a_build_file_is_refused_without_blocking(runner, tmp_path, two_builds):
    old, _ = two_builds
    out = _folder(tmp_path, {name: data for name, data in old.items() if name != "nnkg.ttl"})
    os.mkfifo(out / "nnkg.ttl")
    result = runner.invoke(cli, ["query", "ASK {}", "--store", "oxigraph", "--build", str(out)])
    assert result.exit_code == 1
    assert (
        result.stderr == f"error: {out / 'nnkg.ttl'}: is a FIFO (named pipe), not a regular file\n"
    )


def test_what_is_parsed_is_what_was_verified(tmp_path, two_builds):
    old, new = two_builds
    out = _folder(tmp_path, old)
    view = open_build(out, BUILD_FILES)
    assert view.fingerprint == json.loads(old[MANIFEST])["fingerprint"]
    for name, data in new.items():  # a whole new build lands after the check ...
        write_atomic(out / name, data)
    assert view.read("nnkg.trig") == old["nnkg.trig"]  # ... and the view still holds the old
    assert len(load_quads(view)) == len(load_quads(_folder(tmp_path / "again", old)))
    assert len(load_quads(out)) > len(load_quads(view))


def test_a_reader_waits_for_a_build_being_written_and_reads_the_new_one(tmp_path, two_builds):
    old, new = two_builds
    out = _folder(tmp_path, old)
    answers: list = []
    with hold(out, 5, "the test writes here"):  # as a build does, file by file
        write_atomic(out / "nnkg.trig", new["nnkg.trig"])
        reader = threading.Thread(
            target=lambda: answers.append(read_build(out, ["nnkg.trig", "nnkg.ttl"], wait=30))
        )
        reader.start()
        time.sleep(0.5)
        assert reader.is_alive() and not answers  # the mix is not read: the reader waits
        write_atomic(out / "nnkg.ttl", new["nnkg.ttl"])
        write_atomic(out / MANIFEST, new[MANIFEST])
    reader.join(30)
    (view,) = answers
    assert view.read("nnkg.trig") == new["nnkg.trig"] and view.read("nnkg.ttl") == new["nnkg.ttl"]


def test_a_mix_with_no_build_running_is_refused_at_once(tmp_path, two_builds):
    old, new = two_builds
    out = _folder(tmp_path, {**old, "nnkg.trig": new["nnkg.trig"]})
    started = time.monotonic()
    with pytest.raises(MixedBuildError, match=r"nnkg\.trig does not match"):
        read_build(out, ["nnkg.trig"], wait=30)
    assert time.monotonic() - started < 5
