"""The UMLS CUI table ``kg/interop/data/umls.tsv.gz`` that ``nnkg import semmeddb`` maps
SemMedDB's concepts through: each CUI that the lexicon's own MONDO and HP releases list as
a cross-reference (``xref: UMLS:C…``), with the CURIE(s) of the terms that list it.

No UMLS Metathesaurus file is read (its licence does not allow shipping one): the CUIs are
the ontologies' own xrefs. A CUI two terms of one ontology list is ambiguous there and
left out for that ontology; ids that are not CUIs (MONDO also lists MedGen's ``CN…``) and
obsolete terms are dropped, each counted in the header.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from .obo import obo_terms
from .sources import HP, MONDO, Inputs, Release

__all__ = ["FORMAT", "RELEASES", "build_umls", "cui_table", "render_umls"]

FORMAT = "nnkg-umls 1"
#: The releases read, in the order a CUI's CURIEs are listed.
RELEASES = (MONDO, HP)
_CUI = re.compile(r"^C\d{7}$")


def _mondo(inputs: Inputs, dropped: Counter) -> list[tuple[str, list[str]]]:
    terms = []
    for record in json.loads(inputs.read(MONDO)):
        if record["name"].startswith("obsolete"):
            dropped["obsolete term"] += 1
            continue
        refs = [x["id"] for x in record.get("xrefs", []) if x.get("namespace") == "UMLS"]
        terms.append((f"MONDO:{record['id']}", refs))
    return terms


def _hp(inputs: Inputs, dropped: Counter) -> list[tuple[str, list[str]]]:
    terms = []
    for term in obo_terms(inputs.read(HP).decode()):
        if not term.id.startswith("HP:"):
            continue
        if term.obsolete:
            dropped["obsolete term"] += 1
            continue
        terms.append((term.id, [x[5:] for x in term.xrefs if x.startswith("UMLS:")]))
    return terms


def cui_table(
    releases: dict[Release, list[tuple[str, list[str]]]], dropped: Counter
) -> dict[str, list[str]]:
    """CUI -> CURIEs (one per release at most, in release order) from each release's
    ``(curie, [cui, …])`` terms."""
    table: dict[str, list[str]] = defaultdict(list)
    for terms in releases.values():
        by_cui: dict[str, set[str]] = defaultdict(set)
        for curie, refs in terms:
            for ref in refs:
                if _CUI.match(ref):
                    by_cui[ref].add(curie)
                else:
                    dropped["not a CUI (C and seven digits)"] += 1
        for cui, curies in by_cui.items():
            if len(curies) == 1:
                table[cui].append(next(iter(curies)))
            else:
                dropped["ambiguous (listed by two or more terms of one ontology)"] += 1
    return dict(table)


def render_umls(table: dict[str, list[str]], dropped: Counter) -> bytes:
    """The table as TSV: a header (format, releases, what was dropped), then one row per
    CUI, sorted, its CURIEs joined by ``|``."""
    lines = [f"#format\t{FORMAT}"]
    lines += [f"#release\t{r.prefix}\t{r.seen_in}\t{r.version}\t{r.licence}\t{r.url}"
              for r in RELEASES]  # fmt: skip
    lines += [f"#dropped\t{reason}\t{n}" for reason, n in sorted(dropped.items())]
    lines.append("cui\tcuries")
    lines += [f"{cui}\t{'|'.join(table[cui])}" for cui in sorted(table)]
    return ("\n".join(lines) + "\n").encode()


def build_umls(inputs: Inputs) -> bytes:
    """The UMLS table's TSV from the pinned releases (uncompressed)."""
    dropped: Counter = Counter()
    releases = {MONDO: _mondo(inputs, dropped), HP: _hp(inputs, dropped)}
    return render_umls(cui_table(releases, dropped), dropped)
