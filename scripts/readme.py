"""Regenerate the command outputs and --help texts in README.md and docs/*.md.

Blocks between ``<!-- BEGIN help nnkg CMD -->`` / ``<!-- BEGIN run SHELL COMMAND -->`` /
``<!-- BEGIN python FILE -->`` and ``<!-- END -->`` are replaced by the ``--help`` text, the
output of the command (stdout, then stderr), or a Python file and what it prints, run in
the checkout. ``--check`` changes nothing and exits 1 naming every block that has drifted
(tests/test_docs.py runs it). Elapsed times ("0.45 s") are not compared.

    python scripts/readme.py          # rewrite README.md and docs/*.md
    python scripts/readme.py --check  # exit 1 if any of them is stale
    python scripts/readme.py --layers # print kg's layers and what each imports (docs/design.md)
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- BEGIN (help|run|python) (.+?) -->\n)(.*?)(<!-- END -->)", re.S)
TIMES = re.compile(r"\d+\.\d+ s\b")


def documents() -> list[Path]:
    """Every file whose blocks are generated: the README, then docs/*.md in name order."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


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


def _block(m: re.Match) -> str:
    kind, command = m.group(2), m.group(3)
    if kind == "python":
        code = (ROOT / command).read_text(encoding="utf-8")
        output = _run(f"python {command}").rstrip()
        shown = f"```python\n{code}```\n\nprints\n\n```text\n{output}\n```\n"
        return f"{m.group(1)}{shown}{m.group(5)}"
    output = _help(command) if kind == "help" else _run(command)
    shown = f"$ {command}\n" if kind == "run" else ""
    return f"{m.group(1)}```console\n{shown}{output.rstrip()}\n```\n{m.group(5)}"


def render(text: str) -> str:
    """``text`` with every generated block made anew."""
    return BLOCK.sub(_block, text)


def stale_blocks(old: str, new: str) -> list[str]:
    """The blocks (``kind command``) whose text differs between ``old`` and ``new``,
    elapsed times aside."""

    def blocks(text: str) -> list[tuple[str, str]]:
        return [
            (f"{m.group(2)} {m.group(3)}", TIMES.sub("T s", m.group(4)))
            for m in BLOCK.finditer(text)
        ]

    pairs = zip(blocks(old), blocks(new), strict=True)  # rendering keeps every block
    return [name for (name, was), (_, now) in pairs if was != now]


def layers() -> str:
    """kg's layers, top first, and the layers each one imports today: read from the source
    by tests/test_layers.py, whose LAYERS list it is."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_layers as rules

    imports: dict[str, set[str]] = {}
    for module, targets in rules.GRAPH.items():
        layer = rules.layer_of(module)[1]
        found = imports.setdefault(layer, set())
        found.update(rules.layer_of(t)[1] for t in targets)
        found.discard(layer)
    rows = [("rank", "layer", "imports")]
    for rank, names in reversed(list(enumerate(rules.LAYERS))):
        for name in names:
            below = sorted(imports.get(name, ()), key=lambda n: (-rules.layer_of(n)[0], n))
            rows.append((f"{rank:4}", name, ", ".join(below) or "-"))
    width = max(len(row[1]) for row in rows)
    return "\n".join(f"{r:4}  {name:{width}}  {what}".rstrip() for r, name, what in rows)


def main() -> int:
    if "--layers" in sys.argv:
        print(layers())
        return 0
    # The README's tour writes fixed paths under /tmp, as a reader would type them: two
    # runs at once (two test suites, say) take turns rather than trample each other.
    with open("/tmp/nnkg-readme.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _render_all("--check" in sys.argv)


def _render_all(check: bool) -> int:
    stale = 0
    for path in documents():
        old = path.read_text(encoding="utf-8")
        new = render(old)
        name = path.relative_to(ROOT)
        if not check:
            if new != old:
                path.write_text(new, encoding="utf-8")
            continue
        for block in stale_blocks(old, new):
            print(f"{name}: stale block: {block}", file=sys.stderr)
            stale += 1
    if stale:
        print("run 'make docs' to regenerate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
