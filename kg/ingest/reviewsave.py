"""Saving a review of ``nnkg review``: the files it makes of the draft, checked first.

Saving turns the review into ``claims.yaml`` and ``entities.yaml`` by the rules of
``nnkg accept``: the accepted candidates become claims, the entities they use that the graph
lacks are copied from the proposals, and the curator's chosen standard IDs go with them,
each with the release file its suggestion was read from. Entities the curator created on
the page join the proposals (``candidate-entities.yaml``), so they follow the same rule.
The result, new entities included, is checked as ``nnkg validate`` would check it and
refused with the problems if it fails; otherwise the files are written atomically and the
candidates marked accepted or rejected. The page's ``compose``
(:file:`kg/page/review-compose.js`) builds the same bytes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kg.base.errors import shown
from kg.ingest.accept import ENTITY_KEYS, catalogue_entity, new_entities
from kg.ingest.folder import CLAIM_KEYS, CONTEXT_KEYS, HEADERS, claim_fields, dump_items
from kg.ingest.known import CANDIDATE_ENTITIES, CANDIDATES
from kg.ingest.review import (
    ADDED_CUE,
    CHOSEN_SEEN_IN,
    PROPOSAL_KEYS,
    REVIEW_FILE,
    Draft,
    ReviewError,
    entity_choices,
    load_draft,
    render_review,
    taken_names,
)

__all__ = ["SaveResult", "save_review"]

STATUSES = ("candidate", "accepted", "rejected")
MATCHES = ("exact", "close")
#: The fields of each candidate the page posts, and those it may post besides.
_POSTED = (*CLAIM_KEYS, "status", "n")
_OPTIONAL = CONTEXT_KEYS
#: The fields of each entity the curator created on the page.
_CREATED = ("id", "label", "type", "synonyms", "xrefs")
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
    if not isinstance(item, dict) or not set(_POSTED) <= set(item) <= {*_POSTED, *_OPTIONAL}:
        raise _problem(where, f"needs the fields {', '.join(_POSTED)}, and may have "
                       f"{', '.join(_OPTIONAL)}")  # fmt: skip
    for key in (*_TEXT_FIELDS, *(k for k in _OPTIONAL if k in item)):
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


def _xrefs_ok(xrefs: object) -> bool:
    return isinstance(xrefs, list) and all(
        isinstance(x, dict) and set(x) == {"curie", "match"} and isinstance(x["curie"], str)
        and x["match"] in MATCHES
        for x in xrefs
    )  # fmt: skip


def _posted_xrefs(value: object) -> dict[str, list[dict]]:
    if not isinstance(value, dict):
        raise _problem("the review", "xrefs must map entity ids to lists of xrefs")
    for entity, xrefs in value.items():
        if not _xrefs_ok(xrefs):
            raise _problem(f"the xrefs of {shown(entity)}",
                           "each needs a curie and a match (exact or close)")  # fmt: skip
    return value


SeenIn = Callable[[str, str], str]  # (entity id, curie) -> the release file it was seen in


def _suggested_seen_in(draft: Draft) -> SeenIn:
    """Where each entity's suggestions were seen, as the page shows them: a chosen
    suggestion's xref records its release file (or, from a draft whose suggestions do not
    say, :data:`CHOSEN_SEEN_IN`)."""
    seen = {
        (choice["id"], s.get("curie")): s.get("seen_in") or CHOSEN_SEEN_IN
        for choice in entity_choices(draft)
        for s in choice["suggestions"]
        if isinstance(s, dict)
    }

    def seen_in(entity: str, curie: str) -> str:
        if (entity, curie) not in seen:
            raise _problem(f"the xrefs of {shown(entity)}",
                           f"{shown(curie)} is not one of its suggestions")  # fmt: skip
        return seen[entity, curie]

    return seen_in


def _with_xrefs(item: dict, chosen: list[dict], order: Sequence[str], seen_in: SeenIn) -> dict:
    """``item`` with the standard IDs the curator ``chosen`` added to its xrefs (each once,
    with where it was seen), keys in ``order`` and any others after them."""
    xrefs = list(item.get("xrefs") or [])
    have = {x.get("curie") for x in xrefs if isinstance(x, dict)}
    new = []
    for x in chosen:
        if x["curie"] not in have:
            have.add(x["curie"])
            new.append({"curie": x["curie"], "match": x["match"],
                        "seen_in": seen_in(item.get("id"), x["curie"])})  # fmt: skip
    if not new:
        return item
    merged = {**item, "xrefs": xrefs + new}
    keys = [k for k in order if k in merged] + [k for k in merged if k not in order]
    return {k: merged[k] for k in keys}


def _created_entity(item: object, index: int, lexicon_seen_in: Callable[[str], str]) -> dict:
    """One entity the curator created, as a proposal of ``candidate-entities.yaml``; its
    xrefs are lexicon terms, each with the release file the lexicon read it from. Whether
    its id, type, names and CURIEs are right is the curation checks' to say."""
    where = f"new entity {index + 1} of the review"
    if not isinstance(item, dict) or set(item) != set(_CREATED):
        raise _problem(where, f"needs exactly the fields {', '.join(_CREATED)}")
    for key in ("id", "label", "type"):
        if not isinstance(item[key], str):
            raise _problem(where, f"{key} must be text, not {shown(item[key])}")
    synonyms = item["synonyms"]
    if not isinstance(synonyms, list) or not all(isinstance(n, str) for n in synonyms):
        raise _problem(where, "synonyms must be a list of names")
    if not _xrefs_ok(item["xrefs"]):
        raise _problem(where, "each xref needs a curie and a match (exact or close)")
    proposal: dict = {"id": item["id"], "label": item["label"]}
    if synonyms:
        proposal["synonyms"] = list(synonyms)
    proposal["type"] = item["type"]
    if item["xrefs"]:
        proposal["xrefs"] = [
            {"curie": x["curie"], "match": x["match"], "seen_in": lexicon_seen_in(x["curie"])}
            for x in item["xrefs"]
        ]
    proposal["status"] = "candidate"
    return proposal


def _lexicon_seen_in(curie: str) -> str:
    """The release file of the lexicon's term ``curie``: a new entity's xref is one of the
    suggestions the page had from the lexicon."""
    from kg.ingest.lexicon import Lexicon

    term = Lexicon.load().term(curie)
    if term is None:
        raise _problem(f"the xref {shown(curie)}", "is no term of the lexicon")
    return term.seen_in


def _created(draft: Draft, value: object) -> list[dict]:
    """The entities the curator created that the draft does not propose yet (one saved
    before comes back as it was; an id the graph or another draft has is refused)."""
    if not isinstance(value, list):
        raise _problem("the review", "entities must be a list")
    own = {p.get("id"): p for p in draft.proposals}
    taken = set(draft.known.entities) | set(draft.known.proposed)
    taken |= {e.get("id") for e in draft.entities}
    created, ids = [], set()
    for i, item in enumerate(value):
        proposal = _created_entity(item, i, _lexicon_seen_in)
        pid = proposal["id"]
        if pid in taken or pid in ids or (pid in own and own[pid] != proposal):
            raise _problem(f"new entity {shown(pid)}", "has the id of an entity there is "
                           "already: give it another")  # fmt: skip
        ids.add(pid)
        if pid not in own:
            created.append(proposal)
    return created


@dataclass(frozen=True)
class _Composed:
    candidates: list[dict]
    claims: list[dict]
    origins: list[int | None]  # the candidate each claim comes from (None: curated before)
    entities: list[dict]
    proposals: list[dict]
    numbers: tuple[int, ...]
    unused: list[dict]  # created entities no accepted claim uses: checked, not copied


def _compose(draft: Draft, review: object) -> _Composed:
    """The files a review makes of the draft: the rules of ``nnkg accept`` applied to the
    candidates as the curator left them (review-compose.js's ``compose`` builds the same)."""
    if not isinstance(review, dict) or not {"candidates", "xrefs"} <= set(review) <= {
        "candidates", "xrefs", "entities"}:  # fmt: skip
        raise _problem("the review", "must hold candidates, xrefs and (optional) entities")
    if not isinstance(review["candidates"], list):
        raise _problem("the review", "candidates must be a list")
    posted = [_posted_candidate(item, i, len(draft.document))
              for i, item in enumerate(review["candidates"])]  # fmt: skip
    chosen = _posted_xrefs(review["xrefs"])
    created = _created(draft, review.get("entities", []))
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
        final[n] = {**claim_fields(item), "status": item["status"], "n": n, "cue": cue}
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
    # a claim accepted before keeps what the curator added to claims.yaml since (context
    # qualifiers, a certainty note) unless the review sets it anew
    before = {_claim_key(claim): claim for claim in draft.claims}
    claims = kept + [
        {**before.get(_claim_key(item), {}), **claim_fields(item)} for item in accepted
    ]
    origins = [None] * len(kept) + [item["n"] for item in accepted]

    seen_in = _suggested_seen_in(draft)

    def with_chosen(item: dict, order: Sequence[str]) -> dict:
        return _with_xrefs(item, chosen.get(item.get("id"), []), order, seen_in)

    entities = [with_chosen(e, ENTITY_KEYS) for e in draft.entities]
    defined = set(draft.known.entities) | {e.get("id") for e in draft.entities}
    taken = taken_names(draft)
    own = {item.get("id"): item for item in [*draft.proposals, *created]}
    found = new_entities(claims[len(kept) :], defined, taken,
                         lambda e: own.get(e) or draft.known.proposed.get(e))  # fmt: skip
    entities += [with_chosen(item, ENTITY_KEYS) for item in found]
    proposals = [with_chosen(p, PROPOSAL_KEYS) for p in draft.proposals] + created
    unused = [catalogue_entity(p, set()) for p in created if p["id"] not in defined]
    return _Composed(candidates, claims, origins, entities, proposals, tuple(numbers), unused)


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
    """Save the ``review`` the page posted (its candidates as the curator left them, the
    standard IDs chosen for entities, and the entities created on the page): check the
    files it makes as ``nnkg validate`` would, raise :class:`ReviewError` with the problems
    if they fail, else write them."""
    from kg.base.files import write_atomic

    draft = load_draft(folder)
    composed = _compose(draft, review)
    files = _files(draft, composed)
    checked = dict(files)
    if composed.unused:  # every created entity passes the checks, used or not
        checked["entities.yaml"] = dump_items([*composed.entities, *composed.unused])
    problems, warnings = _check(draft, checked, composed.origins)
    if problems:
        raise ReviewError(problems)
    for name, data in files.items():
        write_atomic(draft.folder / name, data)
    write_atomic(draft.folder / REVIEW_FILE, render_review(load_draft(folder)).html.encode())
    count = {s: sum(item["status"] == s for item in composed.candidates) for s in STATUSES}
    return SaveResult(count["accepted"], count["rejected"], count["candidate"],
                      composed.numbers, tuple(files), tuple(warnings))  # fmt: skip
