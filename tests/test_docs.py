"""The documentation stays true: README.md and docs/*.md match the code they describe.

Their command outputs and help texts are generated (``make docs``, scripts/readme.py) and
must be current; every relative link must reach a file (and a heading, for ``#anchor``);
every ``kg/…`` path and ``kg.…`` name they mention must exist; docs/design.md must describe
every module and every layer of tests/test_layers.py.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from kg.cli import cli

README = ROOT / "README.md"
DOCS = ROOT / "docs"
DESIGN = DOCS / "design.md"
REFERENCE = DOCS / "reference.md"
DOCUMENTS = [README, *sorted(DOCS.glob("*.md"))]
MAX_README_BYTES = 30 * 1024

FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6}) +(.+?) *#*$", re.M)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _prose(text: str) -> str:
    """``text`` without its fenced blocks (command output, code)."""
    return FENCE.sub("", text)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens.

    >>> slug("`nnkg build` — check everything, then write the graph")
    'nnkg-build--check-everything-then-write-the-graph'
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text only
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    for m in HEADING.finditer(_prose(_text(path))):
        base = slug(m.group(2))
        name, n = base, 0
        while name in found:
            n += 1
            name = f"{base}-{n}"
        found.add(name)
    return found


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_generated_blocks_are_current():
    """Every ``<!-- BEGIN … -->`` block in README.md and docs/*.md is what the code prints."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme.py"), "--check"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_readme_is_at_most_30_kb():
    size = README.stat().st_size
    assert size <= MAX_README_BYTES, f"README.md is {size} bytes; move detail into docs/"


@pytest.mark.parametrize("path", DOCUMENTS, ids=_name)
def test_relative_links_reach_a_file(path):
    wrong = []
    for target in LINK.findall(_prose(_text(path))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: …
            continue
        file, _, anchor = target.partition("#")
        where = (path.parent / file).resolve() if file else path
        if not where.exists():
            wrong.append(f"{target} (no such file)")
        elif anchor and where.suffix == ".md" and anchor not in anchors(where):
            wrong.append(f"{target} (no heading #{anchor} in {_name(where)})")
    assert not wrong, f"{_name(path)}: " + ", ".join(wrong)


@pytest.mark.parametrize("path", DOCUMENTS, ids=_name)
def test_named_kg_paths_exist(path):
    """``kg/…`` files and folders named anywhere exist (no old module path survives)."""
    named = {m.rstrip(".,;:)") for m in re.findall(r"(?<![\w/.])kg/[\w/.-]*", _text(path))}
    wrong = sorted(n for n in named if not n.startswith("kg/_data") and not (ROOT / n).exists())
    assert not wrong, f"{_name(path)} names paths that do not exist: {', '.join(wrong)}"


def _resolves(dotted: str) -> bool:
    """``kg.a.b`` is a module, or ``kg.a.b.name`` a module with that name (a module that is
    named whole is found, not imported: ``kg.__main__`` would run the CLI)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.util.find_spec(".".join(parts[:cut]))
        except ImportError:
            found = None
        if found is None:
            continue
        if cut == len(parts):
            return True
        return hasattr(importlib.import_module(".".join(parts[:cut])), parts[cut])
    return False


@pytest.mark.parametrize("path", DOCUMENTS, ids=_name)
def test_named_kg_modules_exist(path):
    """``kg.…`` modules and names mentioned in the text are importable."""
    named = set(re.findall(r"(?<![\w.])kg(?:\.[A-Za-z_]\w*)+", _text(path)))
    wrong = sorted(n for n in named if not _resolves(n))
    assert not wrong, f"{_name(path)} names what kg does not have: {', '.join(wrong)}"


def test_every_command_has_a_reference_section_with_its_help():
    reference = _text(REFERENCE)
    assert "<!-- BEGIN help nnkg -->" in reference
    for name in cli.commands:
        assert f"<!-- BEGIN help nnkg {name} -->" in reference, name
        assert f"nnkg-{name}" in anchors(REFERENCE), name


def test_the_readme_names_every_command():
    readme = _text(README)
    for name in cli.commands:
        assert f"`nnkg {name}`" in readme, name


def test_readme_opens_with_the_two_commands_and_adds_a_source_early():
    readme = _text(README)
    two = readme.index("## Two commands")
    assert readme.index("make run") > two and readme.index("make test") > two
    adding = readme.index("## Add an article in five minutes")  # nnkg ingest, then by hand
    assert two < readme.index("## A tour") < adding < readme.index("## Add a source")
    assert adding < len(readme) // 2


def test_the_python_api_imports_from_the_package_top():
    example = _text(ROOT / "examples" / "b12_to_serotonin.py")
    imports = re.findall(r"^(?:from|import) (\S+)", example, re.M)
    assert imports == ["kg"], imports


def test_the_package_top_names_are_documented():
    """The names ``kg`` re-exports are the ones docs/design.md and the README list."""
    import kg

    names = [name for name in kg.__all__ if name != "__version__"]
    design = _text(DESIGN)
    modules = design[design.index("## Modules") : design.index("`kg/base/` —")]
    readme = _text(README)
    python = readme[readme.index("## Use it from Python") :]
    python = python[: python.index("\n## ")]
    for name in names:
        assert f"`{name}`" in modules, f"docs/design.md's Modules does not name {name}"
        assert f"`{name}`" in python, f"README.md's Python section does not name {name}"


def test_design_describes_every_module():
    design = _text(DESIGN)
    kg = ROOT / "kg"
    missing = [
        _name(p)
        for p in sorted(kg.rglob("*.py"))
        if p.name != "__init__.py" or p.parent == kg / "cli"
        if f"`{_name(p)}`" not in design and f"`{_name(p.parent)}/`" not in design
    ]
    assert not missing, "docs/design.md does not describe " + ", ".join(missing)


def test_design_lists_the_layers_of_the_import_rules():
    from test_layers import LAYERS

    design = _text(DESIGN)
    section = design[design.index("## Layers") : design.index("## Modules")]
    for rank, names in enumerate(LAYERS):
        row = next((line for line in section.splitlines() if line.startswith(f"| {rank} |")), "")
        for name in names:
            assert f"`{name}`" in row, f"rank {rank}: {name} is not in docs/design.md's table"


def test_the_sections_the_code_points_at_exist():
    """Docstrings say 'docs/design.md ("Claim model")'; each such heading is in the file."""
    headings = {m.group(2).strip("` ") for m in HEADING.finditer(_prose(_text(DESIGN)))}
    pointed = {}
    tests = [p for p in sorted((ROOT / "tests").glob("*.py")) if p.name != "test_docs.py"]
    for path in [*sorted((ROOT / "kg").rglob("*.py")), *tests]:
        for m in re.finditer(r'docs/design\.md[,\s(]*"([^"]+)"', _text(path)):
            pointed[" ".join(m.group(1).split())] = _name(path)
    assert pointed, "no docstring points at a section of docs/design.md"
    for name, where in pointed.items():
        assert name in headings, f"{where} points at docs/design.md {name!r}, which is missing"
    for name in ("Layers", "Claim model", "Namespaces", "Source kinds", "Path JSON"):
        assert name in headings, name
