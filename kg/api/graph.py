"""nnkg from Python: one object for the graph, asked with the names people use.

:func:`open` picks the graph as every command does (a build folder, else ``./build``, else
the packaged sources built in memory); :class:`Graph` answers as ``nnkg path``, ``effects``,
``show``, ``query`` and ``render`` do, with entities named by label, synonym, slug, CURIE or
IRI (:mod:`kg.network.resolve`, the CLI's own resolver). A name that names no entity raises
:class:`~kg.base.errors.UnknownEntityError` with the closest matches: never an empty answer.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kg.api.page import Page
from kg.api.query import QueryResult
from kg.api.results import EffectsAnswer, Entity, PathAnswer

if TYPE_CHECKING:
    from kg.network.projection import ClaimNetwork
    from kg.network.resolve import EntityResolver
    from kg.sparql.engines import Engine

__all__ = ["Graph", "open"]

#: The longest chain a path or effects question may ask for (as ``--max-hops`` allows).
MAX_HOPS = 12


def _hops(max_hops: int) -> int:
    if not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_HOPS:
        raise ValueError(f"max_hops must be a whole number from 1 to {MAX_HOPS}, not {max_hops!r}")
    return max_hops


class Graph:
    """The claim graph of one build, read once and asked many times.

    >>> import nnkg
    >>> g = nnkg.open()
    >>> g.resolve("cobalamin")
    'https://w3id.org/nnkg/entity/vitamin-b12'
    """

    def __init__(self, build: str | Path | None = None):
        from kg.graph import find_build

        #: The build folder read, or None for the packaged sources built in memory.
        self.build: Path | None = find_build(Path(build) if build is not None else None)
        self._engines: dict[str, Engine] = {}

    def __repr__(self) -> str:
        return f"<Graph of {self.build or 'the packaged sources'}>"

    @cached_property
    def network(self) -> ClaimNetwork:
        """The claim network (a networkx MultiDiGraph) the answers come from.

        >>> import nnkg
        >>> nnkg.open().network.nodes["https://w3id.org/nnkg/entity/myelin"]["label"]
        'myelin'
        """
        from kg.network.projection import load_network

        return load_network(self.build)

    @cached_property
    def _resolver(self) -> EntityResolver:
        from kg.network.resolve import EntityResolver

        return EntityResolver(self.network)

    def resolve(self, name: str) -> str:
        """The IRI of the entity ``name`` names (label, synonym, slug, CURIE or IRI; case
        and spacing aside); :class:`~kg.base.errors.UnknownEntityError` otherwise.

        >>> import nnkg
        >>> g = nnkg.open()
        >>> g.resolve("CHEBI:176843") == g.resolve("Vitamin  B-12")
        True
        >>> try:
        ...     g.resolve("serotnin")
        ... except nnkg.UnknownEntityError as e:
        ...     print(e.matches[0])
        serotonin
        """
        return self._resolver.resolve(name)

    def path(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        limit: int = 5,
        asserted_only: bool = False,
        uncontested: bool = False,
        min_reliability: str | None = None,
        structural: bool = False,
    ) -> PathAnswer:
        """The chains of claims from ``source`` to ``target``, best first, each hop with
        its quotes and the claims against it (``nnkg path``; the options are its flags).

        >>> import nnkg
        >>> answer = nnkg.open().path("vitamin B12", "serotonin", max_hops=3, limit=1)
        >>> [hop["object"] for hop in answer.rows()]
        ['methylation', 'neurotransmitter synthesis', 'serotonin']
        """
        from kg.network.paths import find_paths, nearest_reachable

        a, b = self.resolve(source), self.resolve(target)
        view = {"asserted_only": asserted_only, "uncontested": uncontested,
                "min_reliability": min_reliability, "structural": structural}  # fmt: skip
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a whole number of at least 1, not {limit!r}")
        found = find_paths(self.network, a, b, max_hops=_hops(max_hops), limit=limit, **view)
        nearest = [] if found else nearest_reachable(self.network, a, b, **view)
        return PathAnswer(self.network, a, b, found, nearest, max_hops)

    def effects(
        self,
        entity: str,
        *,
        causes: bool = False,
        max_hops: int = 4,
        asserted_only: bool = False,
        uncontested: bool = False,
        min_reliability: str | None = None,
    ) -> EffectsAnswer:
        """Everything downstream of ``entity`` (upstream with ``causes``), each with the
        net sign and certainty of the best chain to it (``nnkg effects``).

        >>> import nnkg
        >>> fx = nnkg.open().effects("vitamin B12 deficiency", max_hops=1)
        >>> next(r["sign"] for r in fx.rows() if r["entity"] == "myelin synthesis")
        '-'
        """
        from kg.network.paths import effects as find_effects

        node = self.resolve(entity)
        found = find_effects(self.network, node, max_hops=_hops(max_hops), causes=causes,
                             asserted_only=asserted_only, uncontested=uncontested,
                             min_reliability=min_reliability)  # fmt: skip
        return EffectsAnswer(self.network, node, found, causes, max_hops)

    def show(self, entity: str) -> Entity:
        """One entity: its names, types, standard IDs and every claim in and out
        (``nnkg show``).

        >>> import nnkg
        >>> b12 = nnkg.open().show("B12")
        >>> b12.label, b12.to_dict()["types"]
        ('vitamin B12', ['Nutrient'])
        """
        return Entity(self.network, self.resolve(entity))

    def _engine(self, store: str) -> Engine:
        if store not in self._engines:
            from kg.sparql.run import open_engine

            self._engines[store] = open_engine(store, self.build)
        return self._engines[store]

    def query(self, text: str, *, store: str = "memory", max_rows: int = 100_000) -> QueryResult:
        """SPARQL over the graph (``nnkg query``): query text, a canned query's name
        (``nnkg query --list``) or a ``.rq`` file, checked and refused as on the command
        line; at most ``max_rows`` rows (0 for no limit). ``store`` is ``memory`` (rdflib)
        or ``oxigraph``.

        >>> import nnkg
        >>> g = nnkg.open()
        >>> g.query("ASK { ent:vitamin-b12 a nnkg:Nutrient }").boolean
        True
        >>> g.query("competency-01").columns[:2]
        ('relation', 'target')
        """
        from kg.sparql.engines import Limits
        from kg.sparql.queries import resolve_query
        from kg.sparql.run import run_query

        sparql = resolve_query(text)
        result = run_query(self._engine(store), sparql, Limits(rows=max_rows or None))
        return QueryResult(result)

    def render(
        self,
        focus: str | None = None,
        path: tuple[str, str] | None = None,
        *,
        hops: int = 2,
    ) -> Page:
        """The graph page (``nnkg render``): whole, around ``focus`` (``hops`` claims
        away), or with the best chain of ``path = (from, to)`` highlighted. Jupyter shows
        it inline; ``page.save("file.html")`` writes it.

        >>> import nnkg
        >>> page = nnkg.open().render(focus="myelin", hops=1)
        >>> page.to_dict()["focus"]["label"], "<iframe srcdoc=" in page._repr_html_()
        ('myelin', True)
        """
        from kg.page.render import render_page

        if isinstance(path, str) or (path is not None and len(path) != 2):
            raise ValueError(f"path must be two names, (from, to), not {path!r}")
        center = self.resolve(focus) if focus is not None else None
        ends = (self.resolve(path[0]), self.resolve(path[1])) if path is not None else None
        html = render_page(self.network, focus=center, hops=_hops(hops), path=ends)
        return Page(self.network, html, center, hops, ends)


def open(build: str | Path | None = None) -> Graph:
    """The graph of the build folder ``build``; by default ``./build`` when it holds a
    build, else the packaged sources built in memory (as every ``nnkg`` command reads).

    >>> import nnkg
    >>> nnkg.open().show("myelin").label
    'myelin'
    """
    return Graph(build)
