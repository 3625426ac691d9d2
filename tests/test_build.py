"""nnkg build: the committed build/ is reproducible, deterministic and written atomically,
as a whole: a build killed at any moment, or two at once, never leave a mix that is read."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from processes import children, generated_sources, kill_when, run_nnkg, start_nnkg, survivors

from kg.base.manifest import MANIFEST
from kg.build import BUILD_FILES
from kg.cli import cli

RELEASED = [*BUILD_FILES, MANIFEST]


def test_committed_build_equals_a_fresh_build(built):
    for name in RELEASED:
        assert (ROOT / "build" / name).read_bytes() == (built / name).read_bytes(), (
            f"build/{name} is stale: run 'nnkg build' and commit it"
        )


def test_build_cli_reports_and_lists_files(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        str(out / n) for n in ("nnkg.ttl", "nnkg.trig", "nnkg.html", "manifest.json")
    ]
    assert result.stderr.startswith("built ")
    assert "102 claims from 2 source(s), 53 entities" in result.stderr


def test_same_bytes_whatever_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"seed-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "kg", "build", "--out", str(out)],
            check=True,
            env=env,
            cwd=tmp_path,
            capture_output=True,
        )
        outputs.append({name: (out / name).read_bytes() for name in RELEASED})
    assert outputs[0] == outputs[1]
    assert outputs[0]["nnkg.ttl"] == (ROOT / "build" / "nnkg.ttl").read_bytes()


def test_extra_source_gets_its_own_named_graph(runner, tmp_path, tiny_source):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "--out", str(out), "--sources", str(tiny_source)])
    assert result.exit_code == 0, result.output
    trig = (out / "nnkg.trig").read_text(encoding="utf-8")
    assert "src:tiny-test {" in trig
    assert "104 claims from 3 source(s)" in result.stderr


def test_failed_build_leaves_previous_output_intact(runner, tmp_path, tiny_source):
    out = tmp_path / "out"
    assert (
        runner.invoke(cli, ["build", "--out", str(out), "--sources", str(tiny_source)]).exit_code
        == 0
    )
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    claims = yaml.safe_load((tiny_source / "claims.yaml").read_text())
    claims[0]["object"] = "no-such-entity"
    (tiny_source / "claims.yaml").write_text(yaml.safe_dump(claims, sort_keys=False))
    result = runner.invoke(cli, ["build", "--out", str(out), "--sources", str(tiny_source)])

    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temp files either


def test_unwritable_output_is_one_line_error(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(cli, ["build", "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_build_needs_no_checkout_folder(runner, tmp_path):
    # From an unrelated folder the packaged sources are still found.
    cwd = Path.cwd()
    try:
        os.chdir(tmp_path)
        result = runner.invoke(cli, ["build", "--out", "here"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "here" / "nnkg.ttl").stat().st_size > 10_000


def test_the_manifest_names_each_files_size_and_hash_and_no_clock_or_path(built):
    text = (built / MANIFEST).read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert text == json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    files = {name: (built / name).read_bytes() for name in BUILD_FILES}
    assert manifest["files"] == {
        name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in files.items()
    }
    lines = "".join(
        f"{name} {len(data)} {hashlib.sha256(data).hexdigest()}\n"
        for name, data in sorted(files.items())
    )
    assert manifest["fingerprint"] == hashlib.sha256(lines.encode()).hexdigest()
    assert str(built) not in text and "/" not in text


# --- builds killed, builds at once: a reader sees the old build or the new one --------------


@pytest.fixture(scope="module")
def big_sources(tmp_path_factory) -> Path:
    """A corpus big enough that curation forks workers and SHACL runs for a while."""
    return generated_sources(tmp_path_factory.mktemp("big"), 150_000)


def _old_build(tmp_path: Path) -> tuple[Path, dict[str, bytes], str]:
    """A build of the packaged sources: its folder, files, and its triple count as
    ``nnkg query --format csv`` prints it."""
    from kg.graph import load_quads

    out = tmp_path / "out"
    assert run_nnkg("build", "--out", str(out), cwd=tmp_path).returncode == 0
    return out, {p.name: p.read_bytes() for p in out.iterdir()}, f"n\n{len(load_quads(out))}\n"


def _temps(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".nnkg-tmp"))


def _count(out: Path, store: str, cwd: Path) -> subprocess.CompletedProcess:
    query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    return run_nnkg(
        "query", query, "--format", "csv", "--store", store, "--build", str(out), cwd=cwd
    )


def test_a_build_killed_between_renames_is_refused_never_read_as_a_mix(tmp_path, big_sources):
    out, old, count = _old_build(tmp_path)
    ttl, manifest = out / "nnkg.ttl", out / MANIFEST
    old_ttl, old_manifest = ttl.stat().st_ino, manifest.stat().st_ino

    def between_renames() -> bool:  # the new Turtle is in place, the manifest is the old one
        return ttl.stat().st_ino != old_ttl and manifest.stat().st_ino == old_manifest

    build = start_nnkg("build", "--out", str(out), "--sources", str(big_sources), cwd=tmp_path)
    kill_when(build, between_renames)

    # the state: a new nnkg.ttl beside the old nnkg.trig, and a temp file or so
    assert ttl.read_bytes() != old["nnkg.ttl"]
    assert manifest.read_bytes() == old[MANIFEST]
    mixed = _count(out, "oxigraph", tmp_path)  # the store is made from nnkg.ttl and nnkg.trig
    assert mixed.returncode == 1
    assert mixed.stderr == (
        f"error: {out}/: nnkg.ttl does not match {out / MANIFEST} (a build was interrupted "
        f"or the files were edited): run 'nnkg build --out {out}'\n"
    )
    if (out / "nnkg.trig").read_bytes() == old["nnkg.trig"]:  # what it reads is the old build
        memory = _count(out, "memory", tmp_path)
        assert memory.returncode == 0 and memory.stdout == count

    assert run_nnkg("build", "--out", str(out), cwd=tmp_path).returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # no temp file left either
    for store in ("oxigraph", "memory"):
        assert _count(out, store, tmp_path).stdout == count


def test_a_killed_builds_temp_file_is_removed_by_the_next_build(tmp_path, big_sources):
    out, old, count = _old_build(tmp_path)
    build = start_nnkg("build", "--out", str(out), "--sources", str(big_sources), cwd=tmp_path)
    kill_when(build, lambda: bool(_temps(out)))
    assert _temps(out)  # left behind by the killed build
    answer = _count(out, "oxigraph", tmp_path)
    if all((out / name).read_bytes() == old[name] for name in ("nnkg.ttl", "nnkg.trig")):
        assert answer.stdout == count  # killed before its first rename: the old build
    else:
        assert answer.returncode == 1 and "does not match" in answer.stderr

    assert run_nnkg("build", "--out", str(out), cwd=tmp_path).returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


@pytest.mark.parametrize("phase", ["curation workers", "SHACL"])
def test_a_killed_build_leaves_no_process_running(tmp_path, big_sources, phase):
    forks = (os.cpu_count() or 1) >= 2  # else curation runs in the build's own process
    if phase == "curation workers" and not forks:
        pytest.skip("one CPU: no curation workers")
    wanted = 1 if phase == "curation workers" or not forks else 2
    build = start_nnkg(
        "build", "--out", str(tmp_path / "out"), "--sources", str(big_sources), cwd=tmp_path
    )
    runs: list[set[int]] = []  # the children of each stretch that has any: workers, SHACL
    gap = True

    def in_phase() -> bool:
        nonlocal gap
        current = children(build.pid)
        if current and gap:
            runs.append(set())
        if current:
            runs[-1] |= current
        gap = not current
        return bool(current) and len(runs) == wanted

    kill_when(build, in_phase)
    assert runs[-1] and survivors(set().union(*runs), grace=1) == set()


def test_two_builds_into_one_folder_take_turns(tmp_path, tiny_source, built):
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", "build", "--out", str(out), *extra],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for extra in ([], ["--sources", str(tiny_source)], [])
    ]
    assert [run.wait(300) for run in runs] == [0, 0, 0]
    from kg.graph import open_build

    view = open_build(out, RELEASED[:-1])  # every file matches the one manifest
    assert view.fingerprint == json.loads((out / MANIFEST).read_text())["fingerprint"]
    assert _temps(out) == []


def test_a_build_waits_for_another_then_says_so_in_one_line(tmp_path):
    from kg.base.locks import LockTimeoutError, hold
    from kg.build import build

    out, old, _ = _old_build(tmp_path)
    with hold(out, 1, "a test holds it"), pytest.raises(LockTimeoutError) as raised:
        build(out, lock_wait=0.3)
    assert str(raised.value) == (
        f"{out}: another nnkg build is writing here (waited 0.3 s); try again later"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old
