"""The build family of the ``nnkg`` command line: build, validate, export, stats."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import build_dir_option, format_option, note, sources_option, warn, warn_one

__all__ = ["COMMANDS"]


@click.command(short_help="Check the sources and write the graph into build/.")
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
    from kg.build import build as run_build

    result = run_build(out_dir, sources)
    warn(result.warnings)
    note(result.pending)
    click.echo(
        f"built {result.triples} triples: {result.claims} claims from {result.sources} "
        f"source(s), {result.entities} entities ({result.seconds:.2f} s)",
        err=True,
    )
    for path in result.files:
        click.echo(str(path))


@click.command(short_help="Run the curation checks and the SHACL shapes.")
@sources_option
def validate(sources: tuple[Path, ...]) -> None:
    """Run the curation checks and the SHACL shapes; one line per problem.

    Checks every quote against its document, every mention against its quote,
    entities, predicates, domains and ranges, duplicates and document hashes.

    Example:

        nnkg validate --sources my-sources/
    """
    from kg.base.progress import Steps
    from kg.compile import compile_graph

    with Steps("nnkg validate", 3) as step, compile_graph(sources, step=step, warn=warn_one) as c:
        corpus, pending = c.report.corpus, c.report.pending
    note(pending)
    click.echo(
        f"ok: {len(corpus.claims)} claims in {len(corpus.sources)} source(s), "
        f"{len(corpus.entities)} entities; SHACL conforms"
    )


@click.command(short_help="Write the graph in a standard RDF format, or as KGX.")
@format_option(("ttl", "nt", "jsonld", "trig", "graphml", "kgx"), "ttl")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, allow_dash=True),
    default="-",
    help="File to write (atomically) [default: stdout]; for kgx a folder, required.",
)
@click.option(
    "--check",
    is_flag=True,
    help="kgx only: check the export against the pinned Biolink model before writing it "
    "(needs the kgx extra).",
)
@build_dir_option
def export(fmt: str, output: Path, check: bool, build_dir: Path | None) -> None:
    """Write the graph in a standard RDF format, or as KGX TSV.

    ttl and nt hold all triples in one graph; trig and jsonld keep a named graph
    per source, plus the ontology and the entity catalogue. graphml is the claim
    network (entities and relations with their evidence) for Gephi or Cytoscape.
    kgx writes DIR/nodes.tsv, DIR/edges.tsv (one row per claim) and DIR/metadata.json
    for the Biolink tools; --check holds them to the Biolink model first.

    Example:

        nnkg export --format jsonld -o nnkg.jsonld
        nnkg export --format kgx -o kgx/ --check
    """
    if fmt == "kgx":
        _export_kgx(output, check, build_dir)
        return
    if check:
        raise click.UsageError("--check goes with --format kgx")
    if output.is_dir():
        raise click.BadParameter(f"{output} is a folder.", param_hint="'-o' / '--output'")
    from kg.export import write
    from kg.graph import load_quads

    data = write(load_quads(build_dir), fmt)
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from kg.base.files import write_atomic

        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)


def _export_kgx(output: Path, check: bool, build_dir: Path | None) -> None:
    """The kgx branch of ``export``: a folder, written at once, checked first if asked."""
    if str(output) == "-":
        raise click.UsageError("--format kgx writes a folder of files: give -o DIR")
    from kg.graph import load_quads
    from kg.interop.kgx import write_kgx

    reports = []

    def verify(folder: Path) -> None:
        from kg.interop.biolink import check_kgx, raise_on_errors

        reports.append(report := check_kgx(folder))
        raise_on_errors(report)

    result = write_kgx(load_quads(build_dir), output, check=verify if check else None)
    for report in reports:
        warn(report.warnings)
        click.echo(
            f"Biolink {report.version} check passed: {report.nodes} nodes, {report.edges} "
            f"edges, {len(report.warnings)} warning(s)",
            err=True,
        )
    click.echo(f"wrote {output}: {result.nodes} nodes, {result.edges} edges", err=True)


@click.command(short_help="Count triples, claims and entities.")
@format_option(("text", "json"), "text")
@build_dir_option
def stats(fmt: str, build_dir: Path | None) -> None:
    """Count triples, claims and entities by class, predicate, source and certainty.

    Also lists the entities that have no cross-reference to a standard ontology yet.

    Example:

        nnkg stats --format json
    """
    from kg.graph import load_quads
    from kg.rdf.stats import format_stats, graph_stats

    result = graph_stats(load_quads(build_dir))
    if fmt == "json":
        import json

        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(format_stats(result))


COMMANDS: list = [build, validate, export, stats]
