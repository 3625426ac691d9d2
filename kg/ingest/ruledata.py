"""The rule files of ``nnkg ingest`` (``kg/ingest/data/cues.yaml``, ``context.yaml``): the
package's own data, read once a process."""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_rules"]


def read_rules(path: Path) -> dict:
    """``path`` parsed by libyaml where PyYAML has it, to the same data as ``safe_load``:
    PyYAML's own parser took a fifth of a second of every ``nnkg ingest`` for cues.yaml,
    libyaml a fiftieth."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
