"""The graph page for Python (:meth:`kg.api.graph.Graph.render`): its HTML, written to a
file or shown inline in Jupyter, in a sandboxed ``iframe`` ``srcdoc`` (offline, as the file
is: the page loads nothing from outside)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.api.html import frame_html

if TYPE_CHECKING:
    from kg.network.projection import ClaimNetwork

__all__ = ["Page"]


@dataclass(frozen=True, repr=False)
class Page:
    """The graph page (``nnkg render``): whole, around ``focus``, or highlighting ``path``;
    ``str(page)`` is its HTML, shown inline in Jupyter, offline like the file."""

    net: ClaimNetwork
    html: str
    focus: str | None = None
    hops: int = 2
    path: tuple[str, str] | None = None
    height: int = field(default=640, compare=False)

    def __repr__(self) -> str:
        what = "focus" if self.focus else "path" if self.path else "whole graph"
        return f"<Page {what}: {len(self.html):,} characters of HTML>"

    def __str__(self) -> str:
        return self.html

    def _ref(self, iri: str) -> dict[str, Any]:
        return {"iri": iri, "label": self.net.nodes[iri]["label"]}

    def to_dict(self) -> dict:
        """What the page shows (focus and hops, path ends) and its HTML.

        >>> import nnkg
        >>> shown = nnkg.open().render(path=("B12", "serotonin")).to_dict()
        >>> [end["label"] for end in shown["path"]], shown["focus"]
        (['vitamin B12', 'serotonin'], None)
        """
        return {
            "focus": self._ref(self.focus) if self.focus else None,
            "hops": self.hops if self.focus else None,
            "path": [self._ref(end) for end in self.path] if self.path else None,
            "html": self.html,
        }

    def save(self, file: str | Path) -> Path:
        """Write the page to ``file`` (atomically, as ``nnkg render -o`` does).

        >>> import nnkg, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> nnkg.open().render(focus="myelin").save(folder / "myelin.html").name
        'myelin.html'
        """
        from kg.base.files import write_atomic

        write_atomic(Path(file), self.html.encode("utf-8"))
        return Path(file)

    def _repr_html_(self) -> str:
        return frame_html(self.html, self.height)
