"""The ``nnkg`` command line: parse, call the library, print. No logic lives here.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 the work failed
(bad input, failed checks), 2 the command was used wrong.
"""

from __future__ import annotations

import click

from kg.base import __version__
from kg.base.errors import CurationError, NnkgError
from kg.cli.build import COMMANDS as BUILD_COMMANDS
from kg.cli.ingest import COMMANDS as INGEST_COMMANDS
from kg.cli.interop import COMMANDS as INTEROP_COMMANDS
from kg.cli.network import COMMANDS as NETWORK_COMMANDS
from kg.cli.sparql import COMMANDS as SPARQL_COMMANDS

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


@click.group(cls=NnkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nnkg")
def cli() -> None:
    """nnkg: the nutrient-nerve knowledge graph.

    Health-text claims as RDF, each edge with its quote, offsets, source, certainty
    and negation.

    Example:

        nnkg build && nnkg stats
    """


for _command in (
    *BUILD_COMMANDS,
    *INGEST_COMMANDS,
    *INTEROP_COMMANDS,
    *NETWORK_COMMANDS,
    *SPARQL_COMMANDS,
):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="nnkg")
