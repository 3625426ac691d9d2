"""The README stays true: its command outputs and help texts match the real commands."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from kg.cli import cli


def test_readme_outputs_are_current():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme.py"), "--check"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_every_command_is_in_the_reference_and_the_tour():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = [line for line in readme.splitlines() if line.startswith("### ")]
    for name in cli.commands:
        assert f"<!-- BEGIN help nnkg {name} -->" in readme, name
        assert any(f"`nnkg {name}`" in h for h in headings), name


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    two = readme.index("## Two commands")
    assert readme.index("make run") > two and readme.index("make test") > two
    assert two < readme.index("## A tour")
