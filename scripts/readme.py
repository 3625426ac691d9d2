"""Regenerate the README's command reference and tour from the real commands.

Blocks between ``<!-- BEGIN help nnkg CMD -->`` / ``<!-- BEGIN run SHELL COMMAND -->`` /
``<!-- BEGIN python FILE -->`` and ``<!-- END -->`` are replaced by the ``--help`` text, the
output of the command, or a Python file and what it prints, run in the checkout.
``--check`` changes nothing and exits 1 when the README has drifted (a test runs it).
Elapsed times ("0.45 s") are not compared.

    python scripts/readme.py          # rewrite README.md
    python scripts/readme.py --check  # exit 1 if README.md is stale
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- BEGIN (help|run|python) (.+?) -->\n)(.*?)(<!-- END -->)", re.S)
TIMES = re.compile(r"\d+\.\d+ s\b")


def _help(command: str) -> str:
    from click.testing import CliRunner

    from kg.cli import cli

    args = [*command.split()[1:], "--help"]
    result = CliRunner().invoke(cli, args, prog_name="nnkg", terminal_width=88)
    return result.output


def _run(command: str) -> str:
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"], "COLUMNS": "88"}
    done = subprocess.run(
        command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    return done.stdout + done.stderr


def render(text: str) -> str:
    def replace(m: re.Match) -> str:
        kind, command = m.group(2), m.group(3)
        if kind == "python":
            code = (ROOT / command).read_text(encoding="utf-8")
            output = _run(f"python {command}").rstrip()
            shown = f"```python\n{code}```\n\nprints\n\n```text\n{output}\n```\n"
            return f"{m.group(1)}{shown}{m.group(5)}"
        output = _help(command) if kind == "help" else _run(command)
        shown = f"$ {command}\n" if kind == "run" else ""
        return f"{m.group(1)}```console\n{shown}{output.rstrip()}\n```\n{m.group(5)}"

    return BLOCK.sub(replace, text)


def main() -> int:
    old = README.read_text(encoding="utf-8")
    new = render(old)
    if "--check" in sys.argv:
        if TIMES.sub("T s", old) != TIMES.sub("T s", new):
            print("README.md is stale: run 'make docs'", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
