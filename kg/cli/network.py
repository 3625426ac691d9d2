"""The network family of the ``nnkg`` command line: path, effects, show, neighbors,
contradictions, render. Each reads the claim network (:mod:`kg.network`) and names entities
as people do."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.base.model import SOURCE_KINDS
from kg.cli.options import build_dir_option, emit, format_option

if TYPE_CHECKING:
    from kg.network.projection import ClaimNetwork

__all__ = ["COMMANDS"]


def _resolve(net: ClaimNetwork, *names: str) -> list[str]:
    from kg.network.resolve import EntityResolver

    resolver = EntityResolver(net)
    return [resolver.resolve(name) for name in names]


max_hops_option = click.option(
    "--max-hops", type=click.IntRange(1, 12), default=4, show_default=True,
    help="Longest chain to consider.",
)  # fmt: skip


def edge_options(command):
    """Which claims a chain may follow: ``--asserted-only``, ``--uncontested``,
    ``--min-reliability KIND``."""
    kinds = click.Choice(SOURCE_KINDS, case_sensitive=False)
    for option in (
        click.option("--min-reliability", metavar="KIND", type=kinds,
                     help="Follow only claims from sources ranked at least as KIND "
                     f"({', '.join(SOURCE_KINDS)})."),
        click.option("--uncontested", is_flag=True,
                     help="Follow only claims nothing in the graph contradicts."),
        click.option("--asserted-only", is_flag=True,
                     help="Follow only claims stated without hedging."),
    ):  # fmt: skip
        command = option(command)
    return command


@click.command(short_help="Chains of claims from one entity to another.")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@max_hops_option
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True,
              help="Show at most this many paths.")  # fmt: skip
@edge_options
@click.option("--structural", is_flag=True, help="Also follow 'is a' and 'part of' relations.")
@format_option(("text", "json"), "text")
@build_dir_option
def path(source, target, max_hops, limit, structural, fmt, build_dir, **choice) -> None:
    """Chains of claims from FROM to TO, each hop with its sign, certainty, quotes and the
    claims against it.

    Paths rank uncontested first, then by certainty and by the best source reliability of
    their weakest hop, then by support (sources per hop), then fewest hops. A path's sign
    is the product of its hops' signs; its certainty is its weakest hop.

    Example:

        nnkg path "vitamin B12" "nerve signal conduction" --max-hops 3
    """
    from kg.network.answers import paths_dict, paths_text
    from kg.network.paths import find_paths, nearest_reachable
    from kg.network.projection import load_network

    net = load_network(build_dir)
    a, b = _resolve(net, source, target)
    view = {**choice, "structural": structural}
    found = find_paths(net, a, b, max_hops=max_hops, limit=limit, **view)
    nearest = [] if found else nearest_reachable(net, a, b, **view)
    emit(
        fmt,
        lambda: paths_dict(net, a, b, found),
        lambda: paths_text(net, a, b, found, nearest, max_hops),
    )


@click.command(short_help="Everything downstream (or upstream) of an entity.")
@click.argument("entity")
@click.option("--causes", is_flag=True, help="Look upstream: what leads to ENTITY.")
@max_hops_option
@edge_options
@format_option(("text", "json"), "text")
@build_dir_option
def effects(entity, causes, max_hops, fmt, build_dir, **choice) -> None:
    """Everything downstream of ENTITY (upstream with --causes), with the net sign and
    certainty of the best chain to each, and the claims against its hops.

    Example:

        nnkg effects "vitamin B12 deficiency"
    """
    from kg.network.answers import effects_dict, effects_text
    from kg.network.paths import effects as find_effects
    from kg.network.projection import load_network

    net = load_network(build_dir)
    (node,) = _resolve(net, entity)
    found = find_effects(net, node, max_hops=max_hops, causes=causes, **choice)
    emit(
        fmt,
        lambda: effects_dict(net, node, found, causes, max_hops),
        lambda: effects_text(net, node, found, causes, max_hops),
    )


@click.command(short_help="One entity: its names, IDs and every claim on it.")
@click.argument("entity")
@format_option(("text", "json"), "text")
@build_dir_option
def show(entity, fmt, build_dir) -> None:
    """One entity: label, types, synonyms, standard IDs, and every claim in and out with
    its quote, source kind and certainty (negated claims marked NOT), and the claims
    against each.

    Example:

        nnkg show cobalamin
    """
    from kg.network.answers import entity_dict, entity_text
    from kg.network.projection import load_network

    net = load_network(build_dir)
    (node,) = _resolve(net, entity)
    emit(fmt, lambda: entity_dict(net, node), lambda: entity_text(net, node))


@click.command(short_help="The entities one claim away from an entity.")
@click.argument("entity")
@click.option("--direction", type=click.Choice(["in", "out", "both"]), default="both",
              show_default=True, help="Edges into ENTITY, out of it, or both.")  # fmt: skip
@format_option(("text", "json"), "text")
@build_dir_option
def neighbors(entity, direction, fmt, build_dir) -> None:
    """The entities one claim away from ENTITY, with relation, sign and certainty, and
    the claims against each relation.

    Example:

        nnkg neighbors myelin --direction in
    """
    from kg.network.answers import neighbors_dict, neighbors_text
    from kg.network.projection import load_network

    net = load_network(build_dir)
    (node,) = _resolve(net, entity)
    emit(
        fmt,
        lambda: neighbors_dict(net, node, direction),
        lambda: neighbors_text(net, node, direction),
    )


@click.command(short_help="Every pair of claims that oppose each other.")
@format_option(("text", "json"), "text")
@build_dir_option
def contradictions(fmt, build_dir) -> None:
    """Every subject-object pair that claims in the graph contest: both sides with their
    quotes, sources and source kinds.

    Two claims oppose when both are affirmed with predicates of opposite polarity, or when
    they share the predicate and one is negated ("does not cause" beside "prevents"
    agrees).

    Example:

        nnkg contradictions --format json
    """
    from kg.network.answers import contradictions_dict, contradictions_text
    from kg.network.contested import contradictions as find_contradictions
    from kg.network.projection import load_network

    net = load_network(build_dir)
    found = find_contradictions(net)
    emit(fmt, lambda: contradictions_dict(net, found), lambda: contradictions_text(net, found))


@click.command(short_help="Draw the graph as an interactive offline page.")
@click.option("--focus", metavar="ENTITY", help="Draw only the neighbourhood of ENTITY.")
@click.option("--hops", type=click.IntRange(1, 6), default=2, show_default=True,
              help="With --focus: how many claims away to include.")  # fmt: skip
@click.option("--path", "path_ends", nargs=2, metavar="FROM TO",
              help="Highlight the best chain of claims from FROM to TO.")  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("nnkg.html"),
    show_default=True, help="HTML file to write (atomically).",
)  # fmt: skip
@build_dir_option
def render(focus, hops, path_ends, output, build_dir) -> None:
    """Draw the graph as an interactive page that works offline.

    Hover an arrow for who says so and who says otherwise (quotes, sources and their
    kind, offsets, certainty); contested arrows are banded and marked with a warning
    sign. Search, filter by certainty, source and kind of entity or show contested arrows
    only; click an entity to light up its neighbours.
    `nnkg build` writes the whole graph to build/nnkg.html.

    Example:

        nnkg render --focus myelin --hops 1 -o myelin.html
    """
    from kg.base.files import write_atomic
    from kg.network.projection import load_network
    from kg.page.render import render_page

    net = load_network(build_dir)
    center = _resolve(net, focus)[0] if focus else None
    ends = tuple(_resolve(net, *path_ends)) if path_ends else None
    html = render_page(net, focus=center, hops=hops, path=ends)
    write_atomic(output, html.encode("utf-8"))
    click.echo(str(output))


COMMANDS: list = [path, effects, show, neighbors, contradictions, render]
