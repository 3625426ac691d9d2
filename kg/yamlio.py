"""Read curator YAML while remembering the line of every item and field.

Curation errors must name file, line and field, so plain ``yaml.safe_load`` (which forgets
positions) is not enough: we compose the node tree and construct values ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, one_line

__all__ = ["Record", "YamlProblem", "display_path", "load_mapping", "load_records"]


class YamlProblem(Exception):
    """A YAML file that cannot be read as the expected shape; carries its Problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class Record:
    """One YAML mapping with the line (1-based) of the mapping and of each key."""

    data: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else absolute."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _compose(path: Path):
    import yaml

    name = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlProblem(Problem(name, 0, "", "file not found")) from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise YamlProblem(Problem(name, 0, "", f"cannot read: {exc}")) from None
    try:
        # libyaml's parser when PyYAML has it: large claim files load several times faster
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlProblem(Problem(name, line, "", f"malformed YAML: {exc.problem}")) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character
        shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        message = f"malformed YAML: character {shown} is not allowed"
        raise YamlProblem(Problem(name, line, "", message)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(name, 0, "", f"malformed YAML: {one_line(exc)}")) from None
    return loader, node, name


def _record(loader, node, name: str) -> Record:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise YamlProblem(
            Problem(name, node.start_mark.line + 1, "", "expected a mapping of field: value")
        )
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise YamlProblem(Problem(name, line, "", "field names must be plain text"))
        if key in data:
            raise YamlProblem(Problem(name, line, key, "field given twice"))
        try:
            data[key] = loader.construct_object(value_node, deep=True)
        except yaml.YAMLError as exc:
            raise YamlProblem(Problem(name, line, key, f"malformed value: {exc}")) from None
        lines[key] = line
    return Record(data, node.start_mark.line + 1, lines)


def load_records(path: Path) -> list[Record]:
    """Read a YAML file that holds a list of mappings (claims.yaml, entities.yaml)."""
    import yaml

    loader, node, name = _compose(path)
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise YamlProblem(Problem(name, node.start_mark.line + 1, "", "expected a list of items"))
    return [_record(loader, item, name) for item in node.value]


def load_mapping(path: Path) -> Record:
    """Read a YAML file that holds one mapping (source.yaml)."""
    loader, node, name = _compose(path)
    if node is None:
        raise YamlProblem(Problem(name, 1, "", "file is empty"))
    return _record(loader, node, name)
