"""Read curator YAML while remembering the line of every item and field, under a budget.

Curation errors must name file, line and field, so plain ``yaml.safe_load`` (which forgets
positions) is not enough: we compose the node tree and construct values ourselves. The
file is read as a bounded regular file (:mod:`kg.base.textfile`) and its parser events are
checked against the budget (:mod:`kg.curation.yamlbudget`) before anything is composed.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kg.base.errors import Problem, ProblemError, one_line, shown
from kg.base.textfile import position, read_text
from kg.curation.problemlog import ProblemLog

__all__ = [
    "FieldReader",
    "Record",
    "did_you_mean",
    "display_path",
    "load_mapping",
    "load_records",
]


@dataclass(frozen=True)
class Record:
    """One YAML mapping with the line (1-based) of the mapping and of each key."""

    data: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean: a, b?' naming the choices close to a misspelt ``word``, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f"; did you mean: {', '.join(close)}?" if close else ""


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else absolute.

    Links are not followed: a message about a dangling ``source.yaml`` link names the link.
    """
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(os.getcwd()))
    except ValueError:
        return str(absolute)


@cache
def _loader_class():
    """libyaml's loader when PyYAML has it (large claim files load several times faster),
    refusing a key given twice in any mapping, where YAML would silently keep the last."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        def construct_mapping(self, node, deep=False):
            seen: set[str] = set()
            for key_node, _ in node.value:
                if (
                    isinstance(key_node, yaml.ScalarNode)
                    and key_node.tag != "tag:yaml.org,2002:merge"
                ):
                    if key_node.value in seen:
                        raise yaml.constructor.ConstructorError(
                            None,
                            None,
                            f"key {shown(key_node.value)} given twice",
                            key_node.start_mark,
                        )
                    seen.add(key_node.value)
            return super().construct_mapping(node, deep=deep)

    return Loader


def _compose(path: Path):
    import yaml

    from kg.curation.yamlbudget import BudgetExceeded, check_budget

    name = display_path(path)
    raw, text = read_text(path, name)
    loader_class = _loader_class()
    try:
        check_budget(yaml.parse(text, Loader=loader_class))
        loader = loader_class(text)
        node = loader.get_single_node()
    except BudgetExceeded as exc:
        raise ProblemError(Problem(name, exc.line, "", str(exc))) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        message = f"malformed YAML: {exc.problem or one_line(exc)}"
        raise ProblemError(Problem(name, line, "", message)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line, column = position(raw, exc.position)  # libyaml counts bytes
        char = exc.character
        what = f"U+{char:04X}" if isinstance(char, int) else "a character"
        message = f"malformed YAML: column {column}: {what} is not allowed in YAML"
        raise ProblemError(Problem(name, line, "", message)) from None
    except yaml.YAMLError as exc:
        raise ProblemError(Problem(name, 0, "", f"malformed YAML: {one_line(exc)}")) from None
    return loader, node, name


def _record(loader, node, name: str) -> Record:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise ProblemError(
            Problem(name, node.start_mark.line + 1, "", "expected a mapping of field: value")
        )
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise ProblemError(Problem(name, line, "", "field names must be plain text"))
        if key in data:
            raise ProblemError(Problem(name, line, key, "field given twice"))
        try:
            data[key] = loader.construct_object(value_node, deep=True)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            at = mark.line + 1 if mark else line
            message = f"malformed value: {exc.problem or one_line(exc)}"
            raise ProblemError(Problem(name, at, key, message)) from None
        except RecursionError:  # only when NNKG_YAML_MAX_DEPTH was raised past Python's reach
            message = "nested deeper than Python can read; lower NNKG_YAML_MAX_DEPTH"
            raise ProblemError(Problem(name, line, key, message)) from None
        except (yaml.YAMLError, ValueError, OverflowError) as exc:  # e.g. a 5,000-digit int
            raise ProblemError(
                Problem(name, line, key, f"malformed value: {one_line(exc)}")
            ) from None
        lines[key] = line
    return Record(data, node.start_mark.line + 1, lines)


def load_records(path: Path) -> Iterator[Record]:
    """The mappings of a YAML file that holds a list of them (claims.yaml, entities.yaml),
    one at a time, so a caller that has seen enough problems can stop early.

    Raises :class:`ProblemError` (when called, or while iterating) for a file that cannot
    be read, is over budget, is not a list, or holds an item that is not a mapping.
    """
    import yaml

    loader, node, name = _compose(path)
    if node is not None and not isinstance(node, yaml.SequenceNode):
        raise ProblemError(Problem(name, node.start_mark.line + 1, "", "expected a list of items"))
    return (_record(loader, item, name) for item in (node.value if node is not None else ()))


def load_mapping(path: Path) -> Record:
    """Read a YAML file that holds one mapping (source.yaml)."""
    loader, node, name = _compose(path)
    if node is None:
        raise ProblemError(Problem(name, 1, "", "file is empty"))
    return _record(loader, node, name)


_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}


class FieldReader:
    """Reads fields of one Record, collecting problems instead of raising on the first."""

    def __init__(self, record: Record, log: ProblemLog, allowed: set[str]):
        self.record = record
        self.log = log
        for key in sorted(set(record.data) - allowed):
            if log.full:
                break
            self.problem(key, f"unknown field (expected one of: {', '.join(sorted(allowed))})")

    def problem(self, key: str, message: str) -> None:
        self.log.add(self.record.line_of(key), key, message)

    def get(self, key: str, kind: type, *, required: bool = True, default: Any = None) -> Any:
        """The value of ``key`` if it has type ``kind``; otherwise record a problem."""
        if key not in self.record.data or self.record.data[key] is None:
            if required:
                self.problem(key, "missing")
            return default
        value = self.record.data[key]
        # bool is an int in Python; a claim offset of `true` must still be refused.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem(key, f"must be {_TYPE_NAMES.get(kind, kind.__name__)}, not {shown(value)}")
            return default
        if kind is str and not value.strip():
            self.problem(key, "must not be empty")
            return default
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        """An optional list of non-empty strings."""
        values = self.get(key, list, required=False, default=[])
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.problem(key, "must be a list of non-empty texts")
            return ()
        return tuple(values)
