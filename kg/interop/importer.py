"""``nnkg import FORMAT FILE…``: claims another graph holds, made an ordinary source folder
``OUT/ID/`` (``document.txt``, ``source.yaml``, ``claims.yaml``, ``entities.yaml``) that
``nnkg validate --sources OUT`` and ``nnkg build --sources OUT`` take as they take a
curated one. The readers are :mod:`kg.interop.kgximport`, :mod:`kg.interop.indra` and
:mod:`kg.interop.semmeddb`;
:mod:`kg.interop.imported` resolves their entities; the folder is written whole and only
then swapped in (:func:`kg.interop.folder.replace_folder`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.interop.imported import ImportError_, Problems, Setting, assemble

__all__ = ["FILES", "FORMATS", "ImportResult", "default_id", "import_source"]

FORMATS = ("kgx", "indra", "semmeddb")
FILES = ("document.txt", "source.yaml", "claims.yaml", "entities.yaml")
HEADERS = {
    "claims.yaml": "Claims imported by nnkg import {fmt} from {files}.",
    "entities.yaml": "Entities those claims use that the graph did not have, each with the "
    "CURIEs\n# it was given as exact xrefs (seen_in: the lexicon's release file, else the "
    "input file).",
}
#: What the document of an import is, for its source.yaml's note.
QUOTES = "the document is the quotes, joined by blank lines"
DOCUMENTS = {
    "semmeddb": "the document is each PMID's SENTENCE rows in order, PMIDs apart by blank lines",
}


@dataclass(frozen=True)
class ImportResult:
    folder: Path
    rows: int
    claims: int
    entities: int
    problems: list[str]


def default_id(fmt: str, paths: Sequence[Path]) -> str:
    """``FORMAT-<first file's name>`` as a slug."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(paths[0]).stem.lower()).strip("-")
    return f"{fmt}-{stem}" if stem else fmt


def _rows(fmt: str, paths: list[Path], setting: Setting, problems: Problems):
    """The rows read, how many, and the reader's own document (None: the quotes)."""
    if fmt == "kgx":
        from kg.interop.kgximport import read_kgx

        return (*read_kgx(paths, setting.ontology, problems), None)
    if fmt == "indra":
        from kg.interop.indra import read_indra

        return (*read_indra(paths, problems), None)
    if fmt == "semmeddb":
        from kg.interop.semmeddb import read_semmeddb

        return read_semmeddb(paths, setting, problems)
    raise ImportError_(f"unknown import format {fmt!r} (known: {', '.join(FORMATS)})")


def import_source(
    fmt: str,
    paths: Sequence[Path],
    folder: Path,
    setting: Setting,
    dump: Callable[[list[dict], str], bytes],
    *,
    kind: str = "PrimaryStudy",
    force: bool = False,
) -> ImportResult:
    """Read ``paths`` as ``fmt`` and write the source folder ``folder`` (its name the
    source id). ``dump(items, header)`` writes a curator YAML list. Raises when no claim
    could be imported; the problems of the rows left out are in the result."""
    import yaml

    from kg.interop.folder import replace_folder

    if os.path.lexists(folder) and not force:
        raise ImportError_(f"{folder}: exists already (give --force to replace it)")
    problems = Problems()
    rows, read, document = _rows(fmt, list(paths), setting, problems)
    done = assemble(rows, setting, problems, read, document)
    if not done.claims:
        raise ImportError_(
            "\n".join([*done.problems, f"nothing imported: 0 of {read} row(s) became a claim"])
        )
    names = ", ".join(Path(p).name for p in paths)
    raw = (done.document + "\n").encode("utf-8")
    source = {"id": folder.name, "title": f"Imported from {fmt}: {names}", "kind": kind,
              "sha256": hashlib.sha256(raw).hexdigest(),
              "note": f"nnkg import {fmt} {names}: {len(done.claims)} claim(s) of {read} "
              f"row(s); {DOCUMENTS.get(fmt, QUOTES)}"}  # fmt: skip
    header = yaml.safe_dump(source, sort_keys=False, allow_unicode=True, width=10**9)
    files = {
        "document.txt": raw,
        "source.yaml": header.encode("utf-8"),
        "claims.yaml": dump(done.claims, HEADERS["claims.yaml"].format(fmt=fmt, files=names)),
        "entities.yaml": dump(done.entities, HEADERS["entities.yaml"]),
    }
    replace_folder(folder, files)
    return ImportResult(folder, read, len(done.claims), len(done.entities), done.problems)
