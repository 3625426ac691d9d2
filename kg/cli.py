"""The ``nnkg`` command line: parse, call the library, print. No logic lives here.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 the work failed
(bad input, failed checks), 2 the command was used wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .cli_options import build_dir_option, format_option
from .cli_sparql import COMMANDS as SPARQL_COMMANDS
from .errors import CurationError, NnkgError

__all__ = ["cli", "main"]


class NnkgGroup(click.Group):
    """Turns nnkg's own errors into one line each on stderr and exit code 1, and refuses
    arguments that are not text (exit code 2) before any command sees them."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for position, arg in enumerate(args, 1):
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError as exc:  # undecodable bytes, kept as surrogates
                byte = arg[exc.start].encode("utf-8", "surrogateescape")
                raise click.UsageError(
                    f"argument {position} is not UTF-8 text (byte 0x{byte.hex()} at "
                    f"character {exc.start + 1})",
                    ctx,
                ) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CurationError as exc:
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
        except NnkgError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                click.echo(f"error: {line}", err=True)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        ctx.exit(1)


def _warn(warnings) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


sources_option = click.option(
    "--sources",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="A source folder, or a folder of them, to add to the packaged sources. Repeatable.",
)


@click.group(cls=NnkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nnkg")
def cli() -> None:
    """nnkg: the nutrient-nerve knowledge graph.

    Health-text claims as RDF, each edge with its quote, offsets, source, certainty
    and negation.

    Example:

        nnkg build && nnkg stats
    """


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build"),
    show_default=True,
    help="Folder to write nnkg.ttl, nnkg.trig, nnkg.html and manifest.json into.",
)
@sources_option
def build(out_dir: Path, sources: tuple[Path, ...]) -> None:
    """Check the sources, build the graph and write it as Turtle and TriG.

    Nothing is written unless every curation check and the SHACL shapes pass;
    each file is replaced atomically, and manifest.json (every file's sha256) last, so
    that reading commands refuse a build that was interrupted half-way.

    Example:

        nnkg build --out build --sources my-sources/
    """
    from .build import build as run_build

    result = run_build(out_dir, sources)
    _warn(result.warnings)
    click.echo(
        f"built {result.triples} triples: {result.claims} claims from {result.sources} "
        f"source(s), {result.entities} entities ({result.seconds:.2f} s)",
        err=True,
    )
    for path in result.files:
        click.echo(str(path))


@cli.command()
@sources_option
def validate(sources: tuple[Path, ...]) -> None:
    """Run the curation checks and the SHACL shapes; one line per problem.

    Checks every quote against its document, every mention against its quote,
    entities, predicates, domains and ranges, duplicates and document hashes.

    Example:

        nnkg validate --sources my-sources/
    """
    from .curation import curate
    from .progress import Steps
    from .quads import corpus_quads
    from .shacl import assert_conforms

    with Steps("nnkg validate", 2) as step:
        with step("curating"):
            report = curate(sources)
        _warn(report.warnings)
        report.raise_for_problems()
        with step("SHACL"):
            assert_conforms(corpus_quads(report.corpus))
    corpus = report.corpus
    click.echo(
        f"ok: {len(corpus.claims)} claims in {len(corpus.sources)} source(s), "
        f"{len(corpus.entities)} entities; SHACL conforms"
    )


@cli.command()
@format_option(("ttl", "nt", "jsonld", "trig", "graphml"), "ttl")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    help="File to write (atomically) [default: stdout].",
)
@build_dir_option
def export(fmt: str, output: Path, build_dir: Path | None) -> None:
    """Write the graph in a standard RDF format.

    ttl and nt hold all triples in one graph; trig and jsonld keep a named graph
    per source, plus the ontology and the entity catalogue. graphml is the claim
    network (entities and relations with their evidence) for Gephi or Cytoscape.

    Example:

        nnkg export --format jsonld -o nnkg.jsonld
    """
    from .load import load_quads
    from .writers import write

    data = write(load_quads(build_dir), fmt)
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from .atomic import write_atomic

        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)


@cli.command()
@format_option(("text", "json"), "text")
@build_dir_option
def stats(fmt: str, build_dir: Path | None) -> None:
    """Count triples, claims and entities by class, predicate, source and certainty.

    Also lists the entities that have no cross-reference to a standard ontology yet.

    Example:

        nnkg stats --format json
    """
    from .load import load_quads
    from .stats import format_stats, graph_stats

    result = graph_stats(load_quads(build_dir))
    if fmt == "json":
        import json

        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(format_stats(result))


def _resolve(net, *names: str) -> list[str]:
    from .resolve import EntityResolver

    resolver = EntityResolver(net)
    return [resolver.resolve(name) for name in names]


def _emit(fmt: str, as_dict, as_text) -> None:
    """Print JSON (for scripts) or text (for people)."""
    if fmt == "json":
        import json

        click.echo(json.dumps(as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text())


max_hops_option = click.option(
    "--max-hops", type=click.IntRange(1, 12), default=4, show_default=True,
    help="Longest chain to consider.",
)  # fmt: skip


@cli.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@max_hops_option
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True,
              help="Show at most this many paths.")  # fmt: skip
@click.option("--asserted-only", is_flag=True, help="Follow only claims stated without hedging.")
@click.option("--structural", is_flag=True, help="Also follow 'is a' and 'part of' relations.")
@format_option(("text", "json"), "text")
@build_dir_option
def path(source, target, max_hops, limit, asserted_only, structural, fmt, build_dir) -> None:
    """Chains of claims from FROM to TO, each hop with its sign, certainty and quotes.

    Paths rank by fewest hops, then fewest hedged hops, then most supporting claims.
    A path's sign is the product of its hops' signs; its certainty is its weakest hop.

    Example:

        nnkg path "vitamin B12" "nerve signal conduction" --max-hops 3
    """
    from .explain import paths_dict, paths_text
    from .network import load_network
    from .paths import find_paths, nearest_reachable

    net = load_network(build_dir)
    a, b = _resolve(net, source, target)
    view = {"asserted_only": asserted_only, "structural": structural}
    found = find_paths(net, a, b, max_hops=max_hops, limit=limit, **view)
    nearest = [] if found else nearest_reachable(net, a, b, **view)
    _emit(
        fmt,
        lambda: paths_dict(net, a, b, found),
        lambda: paths_text(net, a, b, found, nearest, max_hops),
    )


@cli.command()
@click.argument("entity")
@click.option("--causes", is_flag=True, help="Look upstream: what leads to ENTITY.")
@max_hops_option
@click.option("--asserted-only", is_flag=True, help="Follow only claims stated without hedging.")
@format_option(("text", "json"), "text")
@build_dir_option
def effects(entity, causes, max_hops, asserted_only, fmt, build_dir) -> None:
    """Everything downstream of ENTITY (upstream with --causes), with the net sign and
    certainty of the best chain to each.

    Example:

        nnkg effects "vitamin B12 deficiency"
    """
    from .explain import effects_dict, effects_text
    from .network import load_network
    from .paths import effects as find_effects

    net = load_network(build_dir)
    (node,) = _resolve(net, entity)
    found = find_effects(net, node, max_hops=max_hops, causes=causes, asserted_only=asserted_only)
    _emit(
        fmt,
        lambda: effects_dict(net, node, found, causes, max_hops),
        lambda: effects_text(net, node, found, causes, max_hops),
    )


@cli.command()
@click.argument("entity")
@format_option(("text", "json"), "text")
@build_dir_option
def show(entity, fmt, build_dir) -> None:
    """One entity: label, types, synonyms, standard IDs, and every claim in and out with
    its quote and certainty (negated claims marked NOT).

    Example:

        nnkg show cobalamin
    """
    from .explain import entity_dict, entity_text
    from .network import load_network

    net = load_network(build_dir)
    (node,) = _resolve(net, entity)
    _emit(fmt, lambda: entity_dict(net, node), lambda: entity_text(net, node))


@cli.command()
@click.argument("entity")
@click.option("--direction", type=click.Choice(["in", "out", "both"]), default="both",
              show_default=True, help="Edges into ENTITY, out of it, or both.")  # fmt: skip
@format_option(("text", "json"), "text")
@build_dir_option
def neighbors(entity, direction, fmt, build_dir) -> None:
    """The entities one claim away from ENTITY, with relation, sign and certainty.

    Example:

        nnkg neighbors myelin --direction in
    """
    from .explain import neighbors_dict, neighbors_text
    from .network import load_network

    net = load_network(build_dir)
    (node,) = _resolve(net, entity)
    _emit(
        fmt,
        lambda: neighbors_dict(net, node, direction),
        lambda: neighbors_text(net, node, direction),
    )


@cli.command()
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

    Hover an arrow for its quotes, sources, offsets and certainty; search, filter by
    certainty, source and kind of entity; click an entity to light up its neighbours.
    `nnkg build` writes the whole graph to build/nnkg.html.

    Example:

        nnkg render --focus myelin --hops 1 -o myelin.html
    """
    from .atomic import write_atomic
    from .network import load_network
    from .render import render_page

    net = load_network(build_dir)
    center = _resolve(net, focus)[0] if focus else None
    ends = tuple(_resolve(net, *path_ends)) if path_ends else None
    html = render_page(net, focus=center, hops=hops, path=ends)
    write_atomic(output, html.encode("utf-8"))
    click.echo(str(output))


for _command in SPARQL_COMMANDS:
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="nnkg")
