"""What several nnkg commands share, so each is defined once: options, and how warnings
and answers are printed."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = [
    "KINDS",
    "SLUG",
    "auth",
    "auth_options",
    "build_dir_option",
    "emit",
    "force_option",
    "format_option",
    "new_source_out_option",
    "note",
    "slug",
    "sources_option",
    "store_option",
    "warn",
    "warn_one",
]

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


sources_option = click.option(
    "--sources",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="A source folder, or a folder of them, to add to the packaged sources. Repeatable.",
)
#: Where a command that makes a new source folder (ingest, import) puts it: never the
#: packaged sources/.
new_source_out_option = click.option(
    "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
    default=Path("my-sources"), show_default=True,
    help="Folder to write the new source folder ID/ into.",
)  # fmt: skip
force_option = click.option("--force", is_flag=True, help="Replace the source folder if it exists.")


store_option = click.option(
    "--store",
    type=click.Choice(["memory", "oxigraph"]),
    default=None,
    help="Where the built graph is queried: rdflib in memory, or the Oxigraph store kept in "
    ".nnkg-cache/ [default: memory].",
)


def auth_options(command):
    """``--user`` and ``--password-env``: HTTP basic auth, the password from the environment."""
    command = click.option(
        "--password-env",
        metavar="VAR",
        help="Name of the environment variable that holds the password (never the password).",
    )(command)
    return click.option("--user", metavar="USER", help="User name for HTTP basic auth.")(command)


def auth(user: str | None, password_env: str | None):
    from kg.sparql.remote import basic_auth

    if password_env and not user:
        raise click.UsageError("--password-env needs --user")
    return basic_auth(user, password_env)


def warn_one(warning) -> None:
    click.echo(f"warning: {warning}", err=True)


def note(lines) -> None:
    """Lines worth knowing that are neither problems nor warnings, on stderr."""
    for line in lines:
        click.echo(f"note: {line}", err=True)


def warn(warnings) -> None:
    for warning in warnings:
        warn_one(warning)


def emit(fmt: str, as_dict, as_text) -> None:
    """Print JSON (for scripts) or text (for people)."""
    if fmt == "json":
        import json

        click.echo(json.dumps(as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text())


# kg.base.model.SOURCE_KINDS and kg.curation.catalogue.SLUG, spelled here so that
# `nnkg --help` imports neither (tests/test_ingest_cli.py checks they agree).
KINDS = ("PopularArticle", "FactSheet", "Review", "PrimaryStudy", "Textbook")
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slug(ctx, param, value: str | None) -> str | None:
    """A click callback: a new source's ``--id`` must be a slug (misuse otherwise)."""
    import re

    if value is not None and not re.match(SLUG, value):
        raise click.BadParameter(f"{value!r} is not a slug (lower-case words and hyphens)")
    return value
