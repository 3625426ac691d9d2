"""nnkg build: the committed build/ is reproducible, deterministic and written atomically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from kg.build import BUILD_FILES
from kg.cli import cli


def test_committed_build_equals_a_fresh_build(built):
    for name in BUILD_FILES:
        assert (ROOT / "build" / name).read_bytes() == (built / name).read_bytes(), (
            f"build/{name} is stale: run 'nnkg build' and commit it"
        )


def test_build_cli_reports_and_lists_files(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        str(out / n) for n in ("nnkg.ttl", "nnkg.trig", "nnkg.html")
    ]
    assert result.stderr.startswith("built ")
    assert "102 claims from 2 source(s), 52 entities" in result.stderr


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
        outputs.append({name: (out / name).read_bytes() for name in BUILD_FILES})
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
