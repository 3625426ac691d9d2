"""A wheel installed outside the checkout finds its ontology, sources and queries."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_wheel_in_fresh_venv_builds_the_same_graph(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next(wheels.glob("nnkg-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)], check=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kg; print(kg.__file__)"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(venv)), "the test must use the wheel, not the checkout"

    done = subprocess.run(
        [str(venv / "bin" / "nnkg"), "build", "--out", "out"],
        cwd=elsewhere, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in ("nnkg.ttl", "nnkg.trig", "nnkg.html", "manifest.json"):
        assert (elsewhere / "out" / name).read_bytes() == (ROOT / "build" / name).read_bytes()
    valid = subprocess.run(
        [str(venv / "bin" / "nnkg"), "validate"], cwd=elsewhere, capture_output=True, text=True
    )
    assert valid.returncode == 0, valid.stderr
