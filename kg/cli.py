"""The ``nnkg`` command line: parse, call the library, print. No logic lives here.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 the work failed
(bad input, failed checks), 2 the command was used wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import CurationError, NnkgError

__all__ = ["cli", "main"]


class NnkgGroup(click.Group):
    """Turns nnkg's own errors into one line each on stderr and exit code 1."""

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
build_dir_option = click.option(
    "--build",
    "build_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Read the graph from this build folder [default: ./build if it exists, else the "
    "packaged sources built in memory].",
)


def format_option(choices: tuple[str, ...], default: str):
    """The one shared output-format option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
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
    help="Folder to write nnkg.ttl and nnkg.trig into.",
)
@sources_option
def build(out_dir: Path, sources: tuple[Path, ...]) -> None:
    """Check the sources, build the graph and write it as Turtle and TriG.

    Nothing is written unless every curation check and the SHACL shapes pass;
    each file is replaced atomically.

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
    from .rdf import corpus_dataset
    from .shacl import assert_conforms

    report = curate(sources)
    _warn(report.warnings)
    report.raise_for_problems()
    assert_conforms(corpus_dataset(report.corpus))
    corpus = report.corpus
    click.echo(
        f"ok: {len(corpus.claims)} claims in {len(corpus.sources)} source(s), "
        f"{len(corpus.entities)} entities; SHACL conforms"
    )


@cli.command()
@format_option(("ttl", "nt", "jsonld", "trig"), "ttl")
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
    per source, plus the ontology and the entity catalogue.

    Example:

        nnkg export --format jsonld -o nnkg.jsonld
    """
    from .load import load_dataset
    from .writers import write

    data = write(load_dataset(build_dir), fmt)
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
    from .load import load_dataset
    from .stats import format_stats, graph_stats

    result = graph_stats(load_dataset(build_dir))
    if fmt == "json":
        import json

        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(format_stats(result))


def main() -> None:
    cli(prog_name="nnkg")
