"""The interchange family of the ``nnkg`` command line: ``import``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import KINDS, force_option, new_source_out_option, slug, sources_option

__all__ = ["COMMANDS"]

# kg.interop.importer.FORMATS, spelled here so that `nnkg --help` does not import it.
FORMATS = ("kgx", "indra", "semmeddb")


def _setting(folder: Path, sources, files):
    """What an import resolves against: the graph's entities as ``nnkg ingest`` sees them
    (packaged, --sources, the sibling folders), the ontology, and the lexicon."""
    from kg.curation.ontology import load_ontology
    from kg.ingest.known import load_known
    from kg.ingest.lexicon import Lexicon
    from kg.interop.imported import Setting

    known = load_known(folder.parent, sources, skip=folder if folder.exists() else None)
    lexicon = Lexicon.load()

    def lookup(curie: str):
        term = lexicon.term(curie)
        return None if term is None else (term.label, term.type, term.seen_in)

    seen_in = "nnkg import: " + ", ".join(Path(f).name for f in files)
    return Setting(known.entities, load_ontology(), lookup, seen_in)


@click.command("import", short_help="Make a source folder of another graph's claims.")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--id", "source_id", callback=slug,
              help="Source id [default: FORMAT-<first FILE's name>].")  # fmt: skip
@click.option("--kind", type=click.Choice(KINDS), default="PrimaryStudy", show_default=True,
              help="What kind of source the claims come from.")  # fmt: skip
@new_source_out_option
@force_option
@sources_option
def import_(fmt, files, source_id, kind, out_dir, force, sources) -> None:
    """Import the claims of FILE… (FORMAT kgx: a KGX nodes.tsv and edges.tsv, told apart
    by their headers; indra: INDRA Statement JSON; semmeddb: SemMedDB's PREDICATION,
    PREDICATION_AUX and SENTENCE CSV files, told apart by their width) into a new source
    folder OUT/ID/.

    Each quote (KGX supporting_text, INDRA Evidence text, SemMedDB sentence) becomes
    document text; each claim keeps its quote, offsets, certainty and negation. Entities
    are the graph's own where a CURIE matches one (a SemMedDB CUI through the MONDO and
    HP xrefs that list it; never by label alone); new ones keep their CURIEs as xrefs.
    A row that cannot be imported is one line on stderr (file, line or index, field); the
    rest are imported, and the count comes last. Exit 1 only when nothing was imported.

    Example:

        nnkg import kgx out/nodes.tsv out/edges.tsv --id my-kgx

        nnkg import semmeddb PREDICATION.csv PREDICATION_AUX.csv SENTENCE.csv
    """
    from kg.ingest.folder import dump_items
    from kg.interop.importer import default_id, import_source

    folder = out_dir / (source_id or default_id(fmt, files))
    setting = _setting(folder, sources, files)
    result = import_source(fmt, files, folder, setting, dump_items, kind=kind, force=force)
    for line in result.problems:
        click.echo(f"warning: {line}", err=True)
    click.echo(
        f"imported {result.claims} claim(s) and {result.entities} new entit"
        f"{'y' if result.entities == 1 else 'ies'} from {result.rows} row(s) into "
        f"{result.folder}; {len(result.problems)} row(s) left out",
        err=True,
    )
    click.echo(str(result.folder))


COMMANDS: list = [import_]
