"""The house rules of kg/ (docs/design.md, "Layers"): imports only go down, no cycle.

Every import is read from the source, at module level and inside functions; only the
blocks under ``if TYPE_CHECKING:`` are exempt, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg

KG = Path(kg.__file__).resolve().parent

#: Bottom to top. A module may import its own layer's modules and the layers below; the
#: layers of one rank (a tuple) are peers, and peers do not import each other.
LAYERS: list[tuple[str, ...]] = [
    ("kg.base",),
    ("kg.curation",),
    ("kg.rdf",),
    ("kg.compile",),
    ("kg.graph",),
    ("kg.network", "kg.sparql"),
    ("kg.page",),
    ("kg.export",),
    ("kg.build",),
    ("kg.endpoint", "kg.ingest", "kg.interop"),
    ("kg.cli", "kg.api"),
    ("kg", "kg.__main__"),
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(KG.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: str, node: ast.ImportFrom) -> list[str]:
    """The kg modules an ``from … import …`` names: the module, and each name that is a
    submodule of it."""
    if node.level:
        package = module if MODULES[module].name == "__init__.py" else module.rsplit(".", 1)[0]
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    found = [target]
    found += [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES]
    return [name for name in found if name in MODULES]


def imports_of(module: str) -> set[str]:
    """Every kg module ``module`` imports, wherever in it the import stands."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            found.update(_imported(module, node))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    return found


def layer_of(module: str) -> tuple[int, str]:
    """The rank and the name of the layer ``module`` belongs to (its longest prefix)."""
    best: tuple[int, str] | None = None
    for rank, names in enumerate(LAYERS):
        for name in names:
            inside = module == name or module.startswith(name + ".")
            if inside and (best is None or len(name) > len(best[1])):
                best = (rank, name)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS"
    return best


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_belongs_to_a_layer():
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down(module):
    rank, layer = layer_of(module)
    wrong = []
    for target in sorted(GRAPH[module]):
        their_rank, their_layer = layer_of(target)
        if their_layer != layer and their_rank >= rank:
            kind = "a peer" if their_rank == rank else "a layer above"
            wrong.append(f"{target} ({kind}: {their_layer})")
    assert not wrong, f"{module} ({layer}) imports " + ", ".join(wrong)


def _cycle() -> list[str] | None:
    """One import cycle among kg's modules, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def walk(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := walk(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state and (found := walk(module)):
            return found
    return None


def test_no_import_cycle():
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_rules_are_enforced():
    """The checker itself sees an upward import and a cycle (so a pass means something)."""
    GRAPH["kg.base.errors"].add("kg.cli")
    try:
        assert _cycle() is not None
        with pytest.raises(AssertionError, match="a layer above"):
            test_imports_only_go_down("kg.base.errors")
    finally:
        GRAPH["kg.base.errors"].discard("kg.cli")
