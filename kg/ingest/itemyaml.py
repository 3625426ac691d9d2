"""One item of a curator file as YAML, the bytes PyYAML's pure emitter writes for it.

PyYAML's emitter goes through events, a representer and a serializer for every scalar:
about half a millisecond an item, seconds for the drafts of a long document. The curator
files hold flat records (text, numbers, lists of text, lists of flat records), and for
those the emitter's choices are few, so they are made here directly, as it makes them:
plain text where the text is no indicator and reads back as itself, else single-quoted.
Text only the double-quoted style can hold (a tab, a control character, a space next to
a line break, a line break other than ``\\n``) and any other shape of item are left to
PyYAML, so the bytes never depend on this module, nor on whether libyaml is installed;
tests/test_ingest_itemyaml.py holds it to PyYAML's output.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

__all__ = ["DUMP_OPTIONS", "item_yaml"]

#: How the curator files are written: keys in their given order, text as it is (never
#: folded), block style.
DUMP_OPTIONS = {
    "sort_keys": False,
    "allow_unicode": True,
    "width": 10**9,
    "default_flow_style": False,
}
#: Characters PyYAML's single-quoted and plain styles hold as they are: printable ones
#: other than the line breaks "\x85", U+2028 and U+2029 (its analyze_scalar), and "\n".
_QUOTABLE = re.compile(
    "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*"
)
#: What keeps one-line text from being plain (analyze_scalar's indicators): a space at
#: either end, an indicator first ("- " and "? " only before a space or the end), a
#: document marker, ": " or a final ":", " #".
_NOT_PLAIN = re.compile(
    r"[ #,\[\]{}&*!|>'\"%@`]|[?:-](?: |\Z)|---|\.\.\.|.*?(?:: |:\Z| #| \Z)", re.S
)
#: Where a line break sits next to a space: only the double-quoted style holds that.
_SPACED_BREAK = re.compile(" \n|\n ")
_BREAKS = re.compile("\n+")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
#: A scalar's representation and the tag it resolves to when plain, by type.
_REPRESENT = {
    bool: lambda v: ("true" if v else "false", "tag:yaml.org,2002:bool"),
    int: lambda v: (str(v), "tag:yaml.org,2002:int"),
    type(None): lambda v: ("null", "tag:yaml.org,2002:null"),
}


class _Unwritten(Exception):
    """An item (or a part of one) this module leaves to PyYAML."""


def item_yaml(item: dict) -> str:
    """``item`` as the YAML list of one item that ``yaml.safe_dump([item], **DUMP_OPTIONS)``
    writes."""
    try:
        return "".join(_mapping(item, 0, "- ", set()))
    except _Unwritten:
        return yaml.safe_dump([item], **DUMP_OPTIONS)


def _seen(value: object, seen: set[int]) -> None:
    """Note a list or mapping of the item: one met twice PyYAML writes as an alias."""
    if id(value) in seen:
        raise _Unwritten
    seen.add(id(value))


def _mapping(mapping: dict, indent: int, first: str, seen: set[int]) -> list[str]:
    """The lines of a non-empty block mapping whose keys start at column ``indent + 2``,
    its first line opened by ``first`` (a list item's dash); ``seen`` holds the ids of
    the item's lists and mappings written so far."""
    if type(mapping) is not dict or not mapping:
        raise _Unwritten
    _seen(mapping, seen)
    lines, pad, inner = [], " " * (indent + 2), indent + 2
    for key, value in mapping.items():
        if type(key) is not str or not key or len(key) >= 128 or "\n" in key:
            raise _Unwritten  # no simple key
        opened = f"{first if not lines else pad}{_scalar(key, inner)}:"
        kind = type(value)
        if kind is list and value:
            _seen(value, seen)
            lines.append(opened + "\n")
            for element in value:  # a list in a mapping is written at the keys' indent
                if type(element) is dict:
                    lines += _mapping(element, inner, pad + "- ", seen)
                else:
                    lines.append(f"{pad}- {_scalar(element, inner)}\n")
        elif kind is list or (kind is dict and not value):
            _seen(value, seen)
            lines.append(f"{opened} {'[]' if kind is list else '{}'}\n")
        else:
            lines.append(f"{opened} {_scalar(value, inner)}\n")
    return lines


def _scalar(value: object, indent: int) -> str:
    """A scalar in a block collection whose entries start at column ``indent``."""
    kind = type(value)
    if kind is str:
        return _text(value, indent)
    if kind is float:
        text, tag = _float(value), "tag:yaml.org,2002:float"
    elif kind in _REPRESENT:
        text, tag = _REPRESENT[kind](value)
    else:
        raise _Unwritten
    if not _plain(text, tag):
        raise _Unwritten  # PyYAML would write it quoted, with its tag
    return text


def _float(value: float) -> str:
    """SafeRepresenter.represent_float's text."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text


@lru_cache(maxsize=4096)  # keys, ids and predicates come again and again
def _text(text: str, indent: int) -> str:
    """``text`` plain when it may be (no indicator, no space at either end, no line
    break, and read back as text, not a number or a date), else single-quoted, a line
    break in it doubled and the next line indented two past ``indent``."""
    if not _QUOTABLE.fullmatch(text) or _SPACED_BREAK.search(text):
        raise _Unwritten  # only the double-quoted style holds it
    if "\n" not in text and _plain(text, _STR):
        return text
    quoted = text.replace("'", "''")
    if "\n" in quoted:
        pad = " " * (indent + 2)
        quoted = _BREAKS.sub(lambda m: "\n" + m.group() + pad, quoted)
    return f"'{quoted}'"


def _plain(text: str, tag: str) -> bool:
    """Whether PyYAML writes one-line ``text`` of ``tag`` plain in a block mapping or
    sequence: it is no indicator and, plain, reads back as a ``tag``."""
    if _NOT_PLAIN.match(text):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == tag
