"""Options shared by several nnkg commands, so each is defined once."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["build_dir_option", "format_option"]

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
