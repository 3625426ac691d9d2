"""Load curated sources and check every claim against its document and the ontology.

Checks (each problem names file, line and field): a quote that is not exactly
``document[start:end]``, a subject or object mention missing from the quote, an unknown
entity or predicate, a domain/range violation, a bad context qualifier
(:mod:`kg.curation.qualifiers`), a duplicate claim, malformed YAML, and a document whose
sha256 no longer matches ``source.yaml``. Before any of that, every source
folder is found without skipping one (:mod:`kg.curation.discovery`), and every file is
read as a bounded regular file of UTF-8 (:mod:`kg.base.textfile`) and, for YAML, under a
budget (:mod:`kg.curation.yamlbudget`). Each file reports at most a few problems
(:mod:`kg.curation.problemlog`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.base.errors import CurationError, Problem, ProblemError, shown
from kg.base.files import ontology_dir, packaged_sources_dir
from kg.base.model import SOURCE_KINDS, Certainty, Claim, Corpus, Entity, Source
from kg.base.textfile import read_text
from kg.curation.catalogue import SLUG, load_catalogue
from kg.curation.discovery import CANDIDATES, find_source_dirs
from kg.curation.ontology import Ontology, load_ontology
from kg.curation.parallel import fork_map
from kg.curation.problemlog import ProblemLog
from kg.curation.qualifiers import QUALIFIER_FIELDS, check_qualifiers
from kg.curation.records import (
    FieldReader,
    Record,
    did_you_mean,
    display_path,
    load_mapping,
    load_records,
)

__all__ = ["HEDGE_CUES", "CurationReport", "curate", "find_source_dirs", "load_corpus"]

#: Words that mark a hedged statement; an asserted claim quoting one needs a certainty_note.
HEDGE_CUES = ("may", "might", "can", "could", "suggest", "likely", "linked to", "associated with")
_HEDGE = re.compile(
    r"\b(" + "|".join(HEDGE_CUES).replace("suggest", r"suggest\w*") + r")\b", re.IGNORECASE
)

#: Claims files (bytes, all sources together) from which sources are checked in parallel;
#: below it, starting processes costs more than it saves.
PARALLEL_BYTES = 2_000_000

_SOURCE_FIELDS = {"id", "title", "kind", "sha256", "note"}
_CLAIM_FIELDS = {
    "subject",
    "predicate",
    "object",
    "quote",
    "start",
    "end",
    "subject_text",
    "object_text",
    "certainty",
    "negated",
    "certainty_note",
    *QUALIFIER_FIELDS,
}


@dataclass
class CurationReport:
    """What curation found: the corpus that loaded, its problems and its warnings."""

    corpus: Corpus
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: One line per source folder whose draft (nnkg ingest) has candidates left to review.
    pending: list[str] = field(default_factory=list)

    def raise_for_problems(self) -> None:
        if self.problems:
            raise CurationError(self.problems)


def _load_source_meta(folder: Path, problems: list[Problem]) -> tuple[Source | None, str]:
    path = folder / "source.yaml"
    log = ProblemLog(display_path(path))
    try:
        source = _source(folder, load_mapping(path), log)
    except ProblemError as exc:
        log.append(exc.problem)
        source = None
    problems += log.problems()
    return source, log.file


def _source(folder: Path, record: Record, log: ProblemLog) -> Source | None:
    """The source of one source.yaml record and its document, or None with problems."""
    reader = FieldReader(record, log, _SOURCE_FIELDS)
    sid = reader.get("id", str)
    title = reader.get("title", str)
    kind = reader.get("kind", str)
    sha = reader.get("sha256", str)
    note = reader.get("note", str, required=False)
    if sid is not None and not SLUG.match(sid):
        reader.problem("id", f"{shown(sid)} is not a lower-case slug")
    if kind is not None and kind not in SOURCE_KINDS:
        reader.problem(
            "kind", f"unknown source kind {shown(kind)} (one of {', '.join(SOURCE_KINDS)})"
        )
    doc_path = folder / "document.txt"
    raw, document = read_text(doc_path, display_path(doc_path))
    actual = hashlib.sha256(raw).hexdigest()
    if sha is not None and sha != actual:
        reader.problem(
            "sha256",
            f"document.txt has changed (its sha256 is {actual}): re-check every claim's "
            "offsets, then update sha256",
        )
    if len(log):
        return None
    return Source(sid, title, kind, sha, document, folder, note)


def _check_claim(
    reader: FieldReader,
    source: Source,
    entities: dict[str, Entity],
    ontology: Ontology,
) -> Claim | None:
    before = len(reader.log)
    subject = reader.get("subject", str)
    predicate = reader.get("predicate", str)
    obj = reader.get("object", str)
    quote = reader.get("quote", str)
    start = reader.get("start", int)
    end = reader.get("end", int)
    subject_text = reader.get("subject_text", str)
    object_text = reader.get("object_text", str)
    certainty = reader.get("certainty", str)
    negated = reader.get("negated", bool)
    note = reader.get("certainty_note", str, required=False)
    qualifiers = check_qualifiers(reader, quote, entities, ontology)

    for key, slug in (("subject", subject), ("object", obj)):
        if slug is not None and slug not in entities:
            reader.problem(key, f"unknown entity {shown(slug)}{did_you_mean(slug, entities)}")
    relation = ontology.relations.get(predicate) if predicate else None
    if predicate is not None and relation is None:
        reader.problem(
            "predicate",
            f"unknown predicate {shown(predicate)}{did_you_mean(predicate, ontology.relations)}",
        )
    if certainty is not None and certainty not in {c.value for c in Certainty}:
        reader.problem("certainty", f"must be asserted or hedged, not {shown(certainty)}")

    doc = source.document
    if quote is not None and start is not None and end is not None:
        if not 0 <= start < end <= len(doc):
            reader.problem(
                "start", f"offsets {start}:{end} lie outside the document (0:{len(doc)})"
            )
        elif doc[start:end] != quote:
            at = doc.find(quote)
            hint = (
                f"; the quote occurs at start: {at}, end: {at + len(quote)}"
                if at >= 0
                else ("; the quote does not occur anywhere in the document")
            )
            reader.problem("quote", f"is not document.txt[{start}:{end}]{hint}")
    for key, mention in (("subject_text", subject_text), ("object_text", object_text)):
        if mention is not None and quote is not None and mention not in quote:
            reader.problem(key, f"{shown(mention)} does not occur in the quote")

    if relation and subject in entities and obj in entities:
        for key, slug, expected in (
            ("subject", subject, relation.domain),
            ("object", obj, relation.range),
        ):
            actual = entities[slug].type
            if not ontology.is_a(actual, expected):
                where = "domain" if key == "subject" else "range"
                reader.problem(
                    key,
                    f"{shown(slug)} is a {actual}, but the {where} of {predicate} is {expected}",
                )
    if len(reader.log) != before:
        return None
    return Claim(
        source=source.id,
        subject=subject,
        predicate=predicate,
        object=obj,
        quote=quote,
        start=start,
        end=end,
        subject_text=subject_text,
        object_text=object_text,
        certainty=Certainty(certainty),
        negated=negated,
        certainty_note=note,
        **qualifiers,
    )


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported as a problem when the claims are read
        return 0


def _load_claims(
    source: Source,
    entities: dict[str, Entity],
    ontology: Ontology,
    problems: list[Problem],
    warnings: list[Problem],
) -> tuple[Claim, ...]:
    path = source.path / "claims.yaml"
    log = ProblemLog(display_path(path))
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    try:
        for record in load_records(path):
            if log.full:
                break
            reader = FieldReader(record, log, _CLAIM_FIELDS)
            claim = _check_claim(reader, source, entities, ontology)
            if claim is None:
                continue
            if claim.id in seen:
                reader.problem("quote", f"duplicate of the claim at line {seen[claim.id]}")
                continue
            seen[claim.id] = record.line
            claims.append(claim)
            warning = _hedge_warning(claim, log.file, record.line)
            if warning:
                warnings.append(warning)
    except ProblemError as exc:
        log.append(exc.problem)
    problems += log.problems()
    return tuple(claims)


def _hedge_warning(claim: Claim, file: str, line: int) -> Problem | None:
    cue = _HEDGE.search(claim.quote)
    if claim.certainty is not Certainty.ASSERTED or not cue or claim.certainty_note:
        return None
    return Problem(
        file,
        line,
        "certainty",
        f"asserted, but the quote says {cue.group(0)!r}; mark it hedged or add "
        "a certainty_note saying why it stands",
    )


def _pending_review(folder: Path) -> str | None:
    """The line saying how many drafted claims of ``folder`` wait for review, if any."""
    path = folder / CANDIDATES
    if not path.is_file():
        return None
    try:
        waiting = sum(record.data.get("status") == "candidate" for record in load_records(path))
    except ProblemError as exc:
        return f"{exc.problem} (the drafted claims cannot be read)"
    if not waiting:
        return None
    return (
        f"{display_path(folder)}: {waiting} drafted claim(s) await review in {CANDIDATES} "
        f"(nnkg accept {display_path(folder)} --claim N)"
    )


def curate(
    extra_sources: Sequence[Path] = (),
    *,
    ontology_path: Path | None = None,
    include_packaged: bool = True,
) -> CurationReport:
    """Load the catalogue and every source, checking all of it.

    Bad curated content becomes problems in the report; only an unreadable ontology raises.
    """
    directory = Path(ontology_path or ontology_dir())
    warnings: list[Problem] = []
    ontology = load_ontology(directory)
    entities, problems = load_catalogue(directory / "entities.yaml", ontology)
    roots = ([packaged_sources_dir()] if include_packaged else []) + list(extra_sources)
    folders, found = find_source_dirs(roots)
    problems += found
    for folder in folders:  # entities a source brings, before any claim is checked
        if os.path.lexists(folder / "entities.yaml"):
            more, found = load_catalogue(folder / "entities.yaml", ontology, known=entities)
            entities.update(more)
            problems += found
    metas: list[Source] = []
    ids: dict[str, str] = {}
    for folder in folders:
        source, name = _load_source_meta(folder, problems)
        if source is None:
            continue
        if source.id in ids:
            problems.append(
                Problem(name, 1, "id", f"source {shown(source.id)} also at {ids[source.id]}")
            )
            continue
        ids[source.id] = name
        metas.append(source)

    def claims_of(source: Source) -> tuple[tuple[Claim, ...], list[Problem], list[Problem]]:
        found: tuple[list[Problem], list[Problem]] = ([], [])
        return _load_claims(source, entities, ontology, *found), *found

    size = sum(_file_size(s.path / "claims.yaml") for s in metas)
    sources: list[Source] = []
    parallel = size >= PARALLEL_BYTES
    checked = fork_map(claims_of, metas, parallel=parallel, desc="checking sources")
    for source, (claims, found, warned) in zip(metas, checked, strict=True):
        problems += found
        warnings += warned
        sources.append(replace(source, claims=claims))
    sources.sort(key=lambda s: s.id)
    pending = [line for folder in folders if (line := _pending_review(folder))]
    return CurationReport(Corpus(entities, sources), problems, warnings, pending)


def load_corpus(extra_sources: Sequence[Path] = (), **kwargs) -> CurationReport:
    """Like :func:`curate`, but raise :class:`CurationError` if any problem was found."""
    report = curate(extra_sources, **kwargs)
    report.raise_for_problems()
    return report
