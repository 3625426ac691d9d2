"""What :class:`kg.api.graph.Graph` answers about the claim network: a path answer,
effects and an entity, each four ways at once (SPARQL answers are :mod:`kg.api.query`'s,
the page :mod:`kg.api.page`'s).

``str(answer)`` is the text ``nnkg`` prints, ``answer.to_dict()`` the data of its
``--format json`` (built by the same functions, :mod:`kg.network.answers`),
``answer.to_dataframe()`` a pandas table of its rows when pandas is installed, and
``_repr_html_`` what Jupyter shows (:mod:`kg.api.html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.api.html import entity_html, paths_html, table_html
from kg.base.errors import NnkgError

if TYPE_CHECKING:
    from kg.network.paths import ClaimPath, Effect
    from kg.network.projection import ClaimNetwork

__all__ = ["Answer", "EffectsAnswer", "Entity", "MissingExtraError", "PathAnswer"]


class MissingExtraError(NnkgError, ImportError):
    """An optional library (pandas) that a call needs is not installed."""


def _pandas():
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(
            "to_dataframe() needs pandas, which is not installed: pip install 'nnkg[pandas]'"
        ) from None
    return pandas


class Answer:
    """What every answer offers: text, plain data, rows for a DataFrame, rich display."""

    #: The DataFrame's columns, in order (an empty answer still has them).
    columns: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The answer as plain data: what ``nnkg … --format json`` prints.

        >>> import nnkg
        >>> nnkg.open().show("myelin").to_dict()["label"]
        'myelin'
        """
        raise NotImplementedError

    def rows(self) -> list[dict]:
        """One flat dict per row of :meth:`to_dataframe`, with its :attr:`columns`.

        >>> import nnkg
        >>> row = nnkg.open().show("myelin").rows()[0]
        >>> sorted(row) == sorted(nnkg.open().show("myelin").columns)
        True
        """
        raise NotImplementedError

    def to_dataframe(self):
        """The rows as a pandas DataFrame; :class:`MissingExtraError` without pandas.

        >>> import nnkg
        >>> frame = nnkg.open().effects("vitamin B12 deficiency", max_hops=1).to_dataframe()
        >>> list(frame.columns)[:3]
        ['entity', 'sign', 'certainty']
        """
        return _pandas().DataFrame(self.rows(), columns=list(self.columns))

    def _repr_html_(self) -> str:
        raise NotImplementedError


def _labels(claims: list[dict]) -> str:
    return ", ".join(dict.fromkeys(c["source"] for c in claims))


def _hop_row(hop: dict) -> dict:
    said = hop["claims"][0] if hop["claims"] else {}
    return {
        "subject": hop["subject"]["label"],
        "relation": hop["predicate"]["label"],
        "object": hop["object"]["label"],
        "sign": hop["sign"],
        "certainty": hop["certainty"],
        "contested": hop["contested"],
        "sources": _labels(hop["claims"]),
        "quote": said.get("quote", ""),
        "against": len(hop["against"]),
    }


_HOP_COLUMNS = tuple(_hop_row({"subject": {"label": ""}, "predicate": {"label": ""},
                               "object": {"label": ""}, "sign": "", "certainty": "",
                               "contested": False, "claims": [], "against": []}))  # fmt: skip


@dataclass(frozen=True, repr=False)
class PathAnswer(Answer):
    """The chains of claims from one entity to another, best first (``nnkg path``); when
    there is none, ``nearest`` names what the first reaches closest to the second."""

    net: ClaimNetwork
    source: str
    target: str
    paths: list[ClaimPath]
    nearest: list[str]
    max_hops: int
    columns = ("path", "hop", *_HOP_COLUMNS)

    def __len__(self) -> int:
        return len(self.paths)

    def __repr__(self) -> str:
        names = self.net.nodes[self.source]["label"], self.net.nodes[self.target]["label"]
        return f"<PathAnswer {names[0]} -> {names[1]}: {len(self.paths)} path(s)>"

    def __str__(self) -> str:
        from kg.network.answers import paths_text

        return paths_text(self.net, self.source, self.target, self.paths, self.nearest,
                          self.max_hops)  # fmt: skip

    def to_dict(self) -> dict:
        """``nnkg path --format json``: the two ends and each path with its hops.

        >>> import nnkg
        >>> nnkg.open().path("B12", "serotonin").to_dict()["from"]["label"]
        'vitamin B12'
        """
        from kg.network.answers import paths_dict

        return paths_dict(self.net, self.source, self.target, self.paths)

    def rows(self) -> list[dict]:
        """One row per hop of every path: path and hop numbers from 1.

        >>> import nnkg
        >>> row = nnkg.open().path("B12", "serotonin", max_hops=3).rows()[0]
        >>> row["path"], row["hop"], row["subject"], row["relation"]
        (1, 1, 'vitamin B12', 'promotes')
        """
        return [
            {"path": i, "hop": j, **_hop_row(hop)}
            for i, path in enumerate(self.to_dict()["paths"], 1)
            for j, hop in enumerate(path["hops"], 1)
        ]

    def _repr_html_(self) -> str:
        nearest = [{"iri": n, "label": self.net.nodes[n]["label"]} for n in self.nearest]
        return paths_html(self.to_dict(), nearest, self.max_hops)


def _chain(hops: list[dict]) -> list[str]:
    return [hops[0]["subject"]["label"], *(h["object"]["label"] for h in hops)]


@dataclass(frozen=True, repr=False)
class EffectsAnswer(Answer):
    """Everything downstream (or, with ``causes``, upstream) of an entity, each with the
    best chain to it (``nnkg effects``)."""

    net: ClaimNetwork
    entity: str
    effects: list[Effect]
    causes: bool
    max_hops: int
    columns = ("entity", "sign", "certainty", "hops", "contested", "chain", "sources")

    def __len__(self) -> int:
        return len(self.effects)

    def __repr__(self) -> str:
        way = "upstream of" if self.causes else "downstream of"
        name = self.net.nodes[self.entity]["label"]
        return f"<EffectsAnswer {way} {name}: {len(self.effects)} entities>"

    def __str__(self) -> str:
        from kg.network.answers import effects_text

        return effects_text(self.net, self.entity, self.effects, self.causes, self.max_hops)

    def to_dict(self) -> dict:
        """``nnkg effects --format json``: the entity, the direction, and every effect.

        >>> import nnkg
        >>> nnkg.open().effects("myelin", causes=True).to_dict()["direction"]
        'upstream'
        """
        from kg.network.answers import effects_dict

        return effects_dict(self.net, self.entity, self.effects, self.causes, self.max_hops)

    def rows(self) -> list[dict]:
        """One row per entity reached, its chain written as labels joined by arrows.

        >>> import nnkg
        >>> fx = nnkg.open().effects("vitamin B12 deficiency", max_hops=1)
        >>> next(r["chain"] for r in fx.rows() if r["entity"] == "numbness")
        'vitamin B12 deficiency -> numbness'
        """
        return [
            {
                "entity": e["entity"]["label"],
                "sign": e["sign"],
                "certainty": e["certainty"],
                "hops": e["hops"],
                "contested": e["contested"],
                "chain": " -> ".join(_chain(e["path"])),
                "sources": ", ".join(e["sources"]),
            }
            for e in self.to_dict()["effects"]
        ]

    def _repr_html_(self) -> str:
        rows = [[r[c] if c != "contested" else "contested" * r[c] for c in self.columns]
                for r in self.rows()]  # fmt: skip
        return table_html(self.columns, rows, repr(self)[1:-1])


@dataclass(frozen=True, repr=False)
class Entity(Answer):
    """One entity: names, types, standard IDs and every claim in and out (``nnkg show``)."""

    net: ClaimNetwork
    iri: str
    columns = ("direction", *_HOP_COLUMNS, "negated")

    @property
    def label(self) -> str:
        """The entity's label.

        >>> import nnkg
        >>> nnkg.open().show("ent:myelin").label
        'myelin'
        """
        return self.net.nodes[self.iri]["label"]

    def __repr__(self) -> str:
        return f"<Entity {self.label} <{self.iri}>>"

    def __str__(self) -> str:
        from kg.network.answers import entity_text

        return entity_text(self.net, self.iri)

    def to_dict(self) -> dict:
        """``nnkg show --format json``: names, types, IDs, and the claims out and in.

        >>> import nnkg
        >>> sorted(nnkg.open().show("myelin").to_dict()["claims"])
        ['in', 'out']
        """
        from kg.network.answers import entity_dict

        return entity_dict(self.net, self.iri)

    def rows(self) -> list[dict]:
        """One row per edge in or out, with its first quote and how many say otherwise.

        >>> import nnkg
        >>> {r["direction"] for r in nnkg.open().show("myelin").rows()} == {"in", "out"}
        True
        """
        claims = self.to_dict()["claims"]
        return [
            {"direction": way, **_hop_row(edge), "negated": edge["negated"]}
            for way in ("out", "in")
            for edge in claims[way]
        ]

    def _repr_html_(self) -> str:
        return entity_html(self.to_dict())
