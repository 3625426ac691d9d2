"""The command line as a whole: fast help, examples in every command, python -m kg."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.cli import cli

COMMANDS = [
    "accept", "build", "contradictions", "effects", "export", "import", "ingest", "neighbors",
    "path",
    "push", "query", "render", "review", "serve", "show", "stats", "validate",
]  # fmt: skip


def test_help_lists_every_command(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout


def test_help_reads_whole_at_80_columns(runner):
    """Every command's summary fits the 80-column listing: none is cut off with "..."."""
    result = runner.invoke(cli, ["--help"], terminal_width=80)
    listing = result.stdout[result.stdout.index("Commands:") :].splitlines()[1:]
    assert len(listing) == len(COMMANDS)
    for line in listing:
        assert len(line) <= 80 and not line.endswith("..."), line


def test_every_command_has_an_example(runner):
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout and f"nnkg {name}" in result.stdout


HEAVY = ("rdflib", "pyshacl", "pyoxigraph", "networkx", "yaml", "pyvis", "starlette",
         "uvicorn", "httpx", "pandas", "jinja2", "syntok", "linkml_runtime",
         "biolink_model", "numpy")  # fmt: skip


@pytest.mark.parametrize("module", ["kg.cli", "nnkg"])
def test_help_and_import_do_not_import_heavy_libraries(module):
    """``nnkg --help`` and a notebook's ``import nnkg`` (and ``dir(nnkg)``) stay light."""
    code = f"import sys, {module}; dir({module}); "
    code += f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_dash_m_kg():
    out = subprocess.run(
        [sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout == "nnkg, version 0.1.0\n"


def test_unknown_command_is_misuse(runner):
    result = runner.invoke(cli, ["frobnicate"])
    assert result.exit_code == 2
