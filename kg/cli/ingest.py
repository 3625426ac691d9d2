"""The curation family of the ``nnkg`` command line: ingest, review, accept."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import KINDS, force_option, new_source_out_option, slug, sources_option

__all__ = ["COMMANDS"]


@click.command(short_help="Draft the claims of a new article for review.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--id", "source_id", callback=slug, help="Source id [default: from FILE's name].")
@click.option("--title", help="Source title [default: the document's first line].")
@click.option("--kind", type=click.Choice(KINDS), default="PopularArticle", show_default=True,
              help="What kind of source the document is.")  # fmt: skip
@new_source_out_option
@force_option
@sources_option
def ingest(file, source_id, title, kind, out_dir, force, sources) -> None:
    """Draft the claims of the document FILE into a new source folder OUT/ID/.

    The folder is a valid source at once (its claims.yaml is empty); the drafted claims
    wait in candidates.yaml, each with the rule that found it, and the entities they use
    that the graph does not have in candidate-entities.yaml, with standard IDs where an
    exact match exists and suggestions where none does. Entities the graph already has
    (the packaged sources, --sources and the other folders in OUT) are reused.

    Example:

        nnkg ingest article.txt --out my-sources
    """
    from kg.ingest.draft import ingest as run_ingest

    result = run_ingest(file, source_id=source_id, title=title, kind=kind, out_dir=out_dir,
                        sources=sources, force=force)  # fmt: skip
    if result.candidates:
        click.echo(
            f"drafted {result.candidates} candidate claim(s) and {result.entities} new "
            f"entit{'y' if result.entities == 1 else 'ies'} into {result.folder}: review "
            f"{result.folder / 'candidates.yaml'}, then nnkg accept {result.folder} --all",
            err=True,
        )
    else:
        click.echo(f"no candidate claims found; {result.folder} holds the document", err=True)
    click.echo(str(result.folder))


@click.command(short_help="Accept reviewed candidates as curated claims.")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--all", "accept_all", is_flag=True, help="Accept every candidate.")
@click.option("--claim", "numbers", type=click.IntRange(1), multiple=True, metavar="N",
              help="Accept candidate N (its n:). Repeatable.")  # fmt: skip
def accept(folder, accept_all, numbers) -> None:
    """Copy the chosen candidates of FOLDER into its claims.yaml, and the new entities they
    use into its entities.yaml; mark them accepted in candidates.yaml.

    Example:

        nnkg accept my-sources/iron-and-the-brain --claim 1 --claim 3
    """
    from kg.ingest.accept import accept as run_accept

    if accept_all == bool(numbers):
        raise click.UsageError("give --all or one or more --claim N")
    result = run_accept(folder, None if accept_all else numbers)
    click.echo(
        f"accepted {len(result.accepted)} claim(s), {len(result.entities)} new entit"
        f"{'y' if len(result.entities) == 1 else 'ies'}"
        + (f"; {len(result.skipped)} accepted before" if result.skipped else ""),
        err=True,
    )


@click.command(short_help="Review drafted claims on a page, then save them.")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--serve", "serve", is_flag=True,
              help="Serve the page on 127.0.0.1, so that saving writes the files.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port to serve on, with --serve [default: a free one].")  # fmt: skip
def review(folder, serve, port) -> None:
    """Write FOLDER/review.html: the document with every drafted claim highlighted, to
    accept, reject, correct or add claims on, with a counter of what is left.

    The page works offline; its "save" offers claims.yaml and entities.yaml (and the
    updated candidates.yaml) as downloads. With --serve it is served on 127.0.0.1 at an
    address with a token of this run, and "save" checks the claims as nnkg validate does
    and writes the files into FOLDER. Ctrl-C stops the server.

    Example:

        nnkg review my-sources/iron-and-the-brain --serve
    """
    from kg.ingest.review import write_review
    from kg.ingest.reviewserver import serve_review

    if port is not None and not serve:
        raise click.UsageError("--port needs --serve")
    click.echo(str(write_review(folder)))
    if serve:
        serve_review(folder, port=port or 0, announce=lambda url: click.echo(
            f"nnkg review: open {url} to review {folder} (Ctrl-C stops)", err=True))  # fmt: skip


COMMANDS: list = [ingest, review, accept]
