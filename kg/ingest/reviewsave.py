"""Saving a review of ``nnkg review``: the files it makes of the draft, checked first.

Saving turns the review into ``claims.yaml`` and ``entities.yaml`` by the rules of
``nnkg accept``: the accepted candidates become claims, the entities they use that the graph
lacks are copied from the proposals, and the curator's chosen standard IDs go with them. The
result is checked as ``nnkg validate`` would check it and refused with the problems if it
fails; otherwise the files are written atomically and the candidates marked accepted or
rejected. The page's ``compose`` (:file:`kg/page/review.js`) builds the same bytes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kg.base.errors import shown
from kg.ingest.accept import ENTITY_KEYS, new_entities
from kg.ingest.folder import CLAIM_KEYS, HEADERS, dump_items
from kg.ingest.known import CANDIDATE_ENTITIES, CANDIDATES
from kg.ingest.review import (
    ADDED_CUE,
    CHOSEN_SEEN_IN,
    PROPOSAL_KEYS,
    REVIEW_FILE,
    Draft,
    ReviewError,
    load_draft,
    render_review,
    taken_names,
)

__all__ = ["SaveResult", "save_review"]

STATUSES = ("candidate", "accepted", "rejected")
MATCHES = ("exact", "close")
#: The fields of each candidate the page posts.
_POSTED = (*CLAIM_KEYS, "status", "n")
_TEXT_FIELDS = ("subject", "predicate", "object", "quote", "subject_text", "object_text",
                "certainty")  # fmt: skip


@dataclass(frozen=True)
class SaveResult:
    """What a save did, for the page to show: the counts, the files written, the warnings."""

    accepted: int
    rejected: int
    left: int
    numbers: tuple[int, ...]  # the number of each posted candidate (added ones get theirs)
    written: tuple[str, ...]
    warnings: tuple[str, ...]


def _claim_key(item: dict) -> tuple:
    return tuple(item.get(k) for k in ("subject", "predicate", "object", "start", "end"))


def _problem(where: str, message: str) -> ReviewError:
    return ReviewError([f"{where}: {message}"])


def _posted_candidate(item: object, index: int, length: int) -> dict:
    """One candidate of a posted review, checked for shape; a ReviewError says what is wrong."""
    where = f"claim {index + 1} of the review"
    if not isinstance(item, dict) or set(item) != set(_POSTED):
        raise _problem(where, f"needs exactly the fields {', '.join(_POSTED)}")
    for key in _TEXT_FIELDS:
        if not isinstance(item[key], str):
            raise _problem(where, f"{key} must be text, not {shown(item[key])}")
    for key in ("start", "end"):
        if type(item[key]) is not int:
            raise _problem(where, f"{key} must be a whole number, not {shown(item[key])}")
    if not isinstance(item["negated"], bool):
        raise _problem(where, f"negated must be true or false, not {shown(item['negated'])}")
    if item["n"] is not None and type(item["n"]) is not int:
        raise _problem(where, f"n must be a candidate's number or null, not {shown(item['n'])}")
    if item["status"] not in STATUSES:
        raise _problem(where, f"status must be one of {', '.join(STATUSES)}")
    if not 0 <= item["start"] < item["end"] <= length:
        raise _problem(where, f"offsets {item['start']}:{item['end']} lie outside the "
                       f"document (0:{length})")  # fmt: skip
    return item


def _posted_xrefs(value: object) -> dict[str, list[dict]]:
    if not isinstance(value, dict):
        raise _problem("the review", "xrefs must map entity ids to lists of xrefs")
    for entity, xrefs in value.items():
        if not isinstance(xrefs, list) or not all(
            isinstance(x, dict) and set(x) == {"curie", "match"} and isinstance(x["curie"], str)
            and x["match"] in MATCHES
            for x in xrefs
        ):  # fmt: skip
            raise _problem(f"the xrefs of {shown(entity)}",
                           "each needs a curie and a match (exact or close)")  # fmt: skip
    return value


def _with_xrefs(item: dict, chosen: list[dict], order: Sequence[str]) -> dict:
    """``item`` with the standard IDs the curator ``chosen`` added to its xrefs (each once),
    keys in ``order`` and any others after them."""
    xrefs = list(item.get("xrefs") or [])
    have = {x.get("curie") for x in xrefs if isinstance(x, dict)}
    new = []
    for x in chosen:
        if x["curie"] not in have:
            have.add(x["curie"])
            new.append({"curie": x["curie"], "match": x["match"], "seen_in": CHOSEN_SEEN_IN})
    if not new:
        return item
    merged = {**item, "xrefs": xrefs + new}
    keys = [k for k in order if k in merged] + [k for k in merged if k not in order]
    return {k: merged[k] for k in keys}


@dataclass(frozen=True)
class _Composed:
    candidates: list[dict]
    claims: list[dict]
    origins: list[int | None]  # the candidate each claim comes from (None: curated before)
    entities: list[dict]
    proposals: list[dict]
    numbers: tuple[int, ...]


def _compose(draft: Draft, review: object) -> _Composed:
    """The files a review makes of the draft: the rules of ``nnkg accept`` applied to the
    candidates as the curator left them (review.js's ``compose`` builds the same)."""
    if not isinstance(review, dict) or set(review) != {"candidates", "xrefs"}:
        raise _problem("the review", "must hold exactly candidates and xrefs")
    if not isinstance(review["candidates"], list):
        raise _problem("the review", "candidates must be a list")
    posted = [_posted_candidate(item, i, len(draft.document))
              for i, item in enumerate(review["candidates"])]  # fmt: skip
    chosen = _posted_xrefs(review["xrefs"])
    final = {item.get("n"): item for item in draft.candidates}
    following = max((n for n in final if isinstance(n, int)), default=0) + 1
    numbers, problems = [], []
    for item in posted:
        n, cue = item["n"], ADDED_CUE
        if n is None:
            n, following = following, following + 1
        elif n not in final or n in numbers:
            raise _problem(f"candidate {n}", "is not in the draft, or twice in the review")
        else:
            cue = final[n].get("cue", "")
        if draft.document[item["start"] : item["end"]] != item["quote"]:
            problems.append(f"candidate {n}: the quote is not document.txt[{item['start']}:"
                            f"{item['end']}] (the page's offsets are off)")  # fmt: skip
        final[n] = {**{k: item[k] for k in CLAIM_KEYS}, "status": item["status"], "n": n,
                    "cue": cue}  # fmt: skip
        numbers.append(n)
    if problems:
        raise ReviewError(problems)
    candidates = [final[n] for n in sorted(final, key=lambda n: (not isinstance(n, int), n))]

    # the claims the review decides: those of candidates accepted before (which it may undo)
    # and of every candidate it accepts or rejects; any other claim stays as curated
    ours = {_claim_key(item) for item in draft.candidates if item.get("status") == "accepted"}
    ours |= {_claim_key(item) for item in candidates if item["status"] != "candidate"}
    kept = [claim for claim in draft.claims if _claim_key(claim) not in ours]
    accepted = [item for item in candidates if item["status"] == "accepted"]
    claims = kept + [{k: item[k] for k in CLAIM_KEYS} for item in accepted]
    origins = [None] * len(kept) + [item["n"] for item in accepted]

    entities = [_with_xrefs(e, chosen.get(e.get("id"), []), ENTITY_KEYS) for e in draft.entities]
    defined = set(draft.known.entities) | {e.get("id") for e in draft.entities}
    taken = taken_names(draft)
    own = {item.get("id"): item for item in draft.proposals}
    found = new_entities(claims[len(kept) :], defined, taken,
                         lambda e: own.get(e) or draft.known.proposed.get(e))  # fmt: skip
    entities += [_with_xrefs(item, chosen.get(item["id"], []), ENTITY_KEYS) for item in found]
    proposals = [_with_xrefs(p, chosen.get(p.get("id"), []), PROPOSAL_KEYS)
                 for p in draft.proposals]  # fmt: skip
    return _Composed(candidates, claims, origins, entities, proposals, tuple(numbers))


def _files(draft: Draft, composed: _Composed) -> dict[str, bytes]:
    """What saving writes, by file name, in the order it writes them (candidates last, as
    ``nnkg accept`` does, so a save that breaks off can be repeated)."""
    files = {}
    if composed.entities or draft.has_entities_file:
        files["entities.yaml"] = dump_items(composed.entities)
    files["claims.yaml"] = dump_items(composed.claims, HEADERS["claims.yaml"])
    if composed.proposals != draft.proposals:
        files[CANDIDATE_ENTITIES] = dump_items(composed.proposals, HEADERS[CANDIDATE_ENTITIES])
    files[CANDIDATES] = dump_items(composed.candidates, HEADERS[CANDIDATES])
    return files


def _check(draft: Draft, files: dict[str, bytes], origins: list[int | None]):
    """The problems and warnings ``nnkg validate`` would report for the draft's folder with
    these files, each claim's naming the candidate it comes from."""
    from kg.curation.corpus import curate, find_source_dirs
    from kg.curation.records import display_path, load_records

    with tempfile.TemporaryDirectory(prefix="nnkg-review-") as scratch_root:
        scratch = Path(scratch_root) / draft.folder.name
        scratch.mkdir()
        for name in ("source.yaml", "document.txt"):
            shutil.copyfile(draft.folder / name, scratch / name)
        for name in ("claims.yaml", "entities.yaml"):
            if name in files:
                (scratch / name).write_bytes(files[name])
        siblings, _ = find_source_dirs([draft.folder.parent])
        others = [f for f in siblings if f != draft.folder.resolve()]
        report = curate([*others, scratch])
        lines = [record.line for record in load_records(scratch / "claims.yaml")]
        fake, real = display_path(scratch), display_path(draft.folder)

        def said(problem) -> str | None:
            if not problem.file.startswith(fake + os.sep):
                return None  # another source's: not this review's to fix
            text = str(replace(problem, file=real + problem.file[len(fake) :]))
            if problem.file.endswith("claims.yaml") and problem.line:
                at = max((i for i, line in enumerate(lines) if line <= problem.line), default=0)
                n = origins[at] if at < len(origins) else None
                text += f" (candidate {n})" if n is not None else " (a claim curated before)"
            return text

        problems = [text for p in report.problems if (text := said(p))]
        warnings = [text for p in report.warnings if (text := said(p))]
    return problems, warnings


def save_review(folder: Path, review: object) -> SaveResult:
    """Save the ``review`` the page posted (its candidates as the curator left them, and
    the standard IDs chosen for entities): check the files it makes as ``nnkg validate``
    would, raise :class:`ReviewError` with the problems if they fail, else write them."""
    from kg.base.files import write_atomic

    draft = load_draft(folder)
    composed = _compose(draft, review)
    files = _files(draft, composed)
    problems, warnings = _check(draft, files, composed.origins)
    if problems:
        raise ReviewError(problems)
    for name, data in files.items():
        write_atomic(draft.folder / name, data)
    write_atomic(draft.folder / REVIEW_FILE, render_review(load_draft(folder)).html.encode())
    count = {s: sum(item["status"] == s for item in composed.candidates) for s in STATUSES}
    return SaveResult(count["accepted"], count["rejected"], count["candidate"],
                      composed.numbers, tuple(files), tuple(warnings))  # fmt: skip
