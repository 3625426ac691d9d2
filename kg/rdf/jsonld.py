"""JSON-LD: the named graphs, with nnkg's prefixes as context, every array sorted."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["write"]


def _canonical(value: Any) -> Any:
    # JSON-LD arrays of values are unordered sets (we write no @list), so sorting keeps
    # the meaning and removes rdflib's hash-order.
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def write(quads: Quads) -> bytes:
    from kg.base.vocab import PREFIXES
    from kg.rdf.dataset import quads_dataset

    dataset = quads_dataset(quads)
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    text = dataset.serialize(format="json-ld", context=context, auto_compact=True)
    data = _canonical(json.loads(text))
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
