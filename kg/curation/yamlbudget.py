"""Refuse YAML that would cost far more than its size, before any of it is composed.

593 bytes of nested anchors (a "billion laughs") stand for a billion values, 500 nested
brackets overflow Python's stack, and a few megabytes of ``- {}`` are millions of nodes of
hundreds of bytes each. :func:`check_budget` makes one streaming pass over the parser's
events and counts, without expanding anything: the nesting depth, the nodes, and the size
of the value tree with every alias expanded (each anchor's expanded size is known when its
node closes, so an alias adds that number). Memory stays that of the open collections.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.base.errors import shown
from kg.base.limits import Limit

__all__ = ["MAX_ALIAS_VALUES", "MAX_DEPTH", "MAX_VALUES", "BudgetExceeded", "check_budget"]

#: Curator schemas nest four levels (list, item, xrefs, xref); 64 is generous and keeps
#: every recursive walk (composer, constructor, repr) far from Python's recursion limit.
MAX_DEPTH = Limit("NNKG_YAML_MAX_DEPTH", 64, "levels")
#: Nodes of one file: about 12 MB of claims (the 1M-triple bench's files have 50,000).
MAX_VALUES = Limit("NNKG_YAML_MAX_VALUES", 1_000_000, "values")
#: Values that aliases may add when expanded: room for a ``<<: *defaults`` in every claim
#: of a large file, nowhere near a bomb's billions.
MAX_ALIAS_VALUES = Limit("NNKG_YAML_MAX_ALIAS_VALUES", 100_000, "values")


class BudgetExceeded(Exception):
    """The YAML would cost more than a limit allows; ``line`` is where it went over."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def _over(event, what: str, limit: Limit) -> BudgetExceeded:
    return BudgetExceeded(
        event.start_mark.line + 1,
        f"{what}: {limit.value():,} {limit.unit} is the limit for one curator YAML file "
        f"({limit.how_to_raise()})",
    )


def check_budget(events: Iterable) -> None:
    """Raise :class:`BudgetExceeded` at the first event of ``events`` (from ``yaml.parse``)
    that takes the document past a limit; an alias to a value that contains it is refused
    too (it would expand forever). Undefined aliases are left to the composer to name."""
    from yaml.events import (
        AliasEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    depth, values, extra = MAX_DEPTH.value(), MAX_VALUES.value(), MAX_ALIAS_VALUES.value()
    starts, ends = (SequenceStartEvent, MappingStartEvent), (SequenceEndEvent, MappingEndEvent)
    nodes = expanded = 0
    open_nodes: list[tuple[str | None, int]] = []  # each open collection: anchor, size before
    sizes: dict[str, int] = {}  # each closed anchor: its value tree's size, aliases expanded
    for event in events:
        kind = type(event)
        if kind is ScalarEvent:
            nodes += 1
            expanded += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif kind in starts:
            nodes += 1
            open_nodes.append((event.anchor, expanded))
            expanded += 1
            if len(open_nodes) > depth:
                raise _over(event, "nested too deep", MAX_DEPTH)
        elif kind in ends:
            anchor, before = open_nodes.pop()
            if anchor is not None:
                sizes[anchor] = expanded - before
            continue
        elif kind is AliasEvent:
            size = sizes.get(event.anchor)
            if size is None and any(a == event.anchor for a, _ in open_nodes):
                raise BudgetExceeded(
                    event.start_mark.line + 1,
                    f"alias {shown('*' + event.anchor)} refers to a value that contains it",
                )
            expanded += size or 0
            if expanded - nodes > extra:
                raise _over(event, "aliases (*name) expand to too many values", MAX_ALIAS_VALUES)
            continue
        else:
            continue
        if nodes > values:
            raise _over(event, "too many values", MAX_VALUES)
