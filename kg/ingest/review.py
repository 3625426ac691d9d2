"""``nnkg review``: the page on which a curator turns a draft's candidates into curated claims.

The page (``review.html`` in the draft folder) is one offline file: the document with every
candidate's quote highlighted and its mentions marked (:file:`kg/page/document.js`), an
editor for each candidate's predicate, certainty, negation, spans and entities, accept and
reject, claims added from a selection, and a counter of what is left. The draft travels in a
JSON data block the browser never runs; the page shows every string from the files with
``textContent``, and its Content Security Policy runs exactly its own two scripts and two
stylesheets, by hash.

Saving turns the review into ``claims.yaml`` and ``entities.yaml`` by the rules of
``nnkg accept``: the accepted candidates become claims, the entities they use that the graph
lacks are copied from the proposals, and the curator's chosen standard IDs go with them.
Served (:func:`serve_review`), the page posts its review to the local server, which checks the
result as ``nnkg validate`` would, refuses it with the problems if it fails, and otherwise
writes the files atomically and marks the candidates accepted or rejected. Static, the page
builds the same bytes itself and offers them as downloads.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from kg.base.errors import NnkgError, shown
from kg.ingest.accept import ENTITY_KEYS, new_entities
from kg.ingest.folder import CLAIM_KEYS, HEADERS, dump_items
from kg.ingest.known import CANDIDATE_ENTITIES, CANDIDATES, Known, read_items

__all__ = [
    "MAX_BODY_BYTES",
    "REVIEW_FILE",
    "Draft",
    "ReviewError",
    "ReviewPage",
    "SaveResult",
    "create_app",
    "load_draft",
    "render_review",
    "save_review",
    "serve_review",
    "write_review",
]

REVIEW_FILE = "review.html"
#: The ``cue`` of a claim the curator added on the page.
ADDED_CUE = "added in nnkg review"
#: Where a standard ID the curator chose among the suggestions was seen.
CHOSEN_SEEN_IN = "nnkg ingest lexicon: a name-alike suggestion the curator chose in nnkg review"
STATUSES = ("candidate", "accepted", "rejected")
MATCHES = ("exact", "close")
#: The largest review the server reads: far more than any draft's candidates need.
MAX_BODY_BYTES = 16 * 2**20
#: Key order of a proposed entity, as ``candidate-entities.yaml`` writes it.
_PROPOSAL_KEYS = (*ENTITY_KEYS, "status", "suggestions")
_POSTED = (*CLAIM_KEYS, "status", "n")
_TEXT_FIELDS = ("subject", "predicate", "object", "quote", "subject_text", "object_text",
                "certainty")  # fmt: skip


class ReviewError(NnkgError):
    """A folder that is no draft, or a review the page cannot save: carries each problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Draft:
    """A draft source folder as the review reads it: the document and every list it holds,
    and what the rest of the graph has."""

    folder: Path
    source: dict
    document: str
    candidates: list[dict]
    proposals: list[dict]  # candidate-entities.yaml
    claims: list[dict]
    entities: list[dict]  # the source's own entities.yaml
    has_entities_file: bool
    known: Known


@dataclass(frozen=True)
class ReviewPage:
    """The page's HTML and the Content-Security-Policy header value to serve it with."""

    html: str
    csp: str


@dataclass(frozen=True)
class SaveResult:
    accepted: int
    rejected: int
    left: int
    numbers: tuple[int, ...]  # the number of each posted candidate (added ones get theirs)
    written: tuple[str, ...]
    warnings: tuple[str, ...]


def load_draft(folder: Path) -> Draft:
    """The draft in ``folder``, as ``nnkg ingest`` wrote it and reviews have left it."""
    from kg.base.textfile import read_text
    from kg.curation.records import display_path, load_mapping
    from kg.ingest.known import load_known

    folder = Path(folder)
    if not (folder / CANDIDATES).is_file():
        raise ReviewError(
            [f"{display_path(folder / CANDIDATES)}: no such file (is {folder} a folder "
             "nnkg ingest wrote?)"]
        )  # fmt: skip
    _, document = read_text(folder / "document.txt", display_path(folder / "document.txt"))
    source = load_mapping(folder / "source.yaml").data
    return Draft(
        folder=folder,
        source={"id": str(source.get("id", folder.name)), "title": str(source.get("title", ""))},
        document=document,
        candidates=read_items(folder / CANDIDATES),
        proposals=read_items(folder / CANDIDATE_ENTITIES),
        claims=read_items(folder / "claims.yaml"),
        entities=read_items(folder / "entities.yaml"),
        has_entities_file=os.path.lexists(folder / "entities.yaml"),
        known=load_known(folder.parent, skip=folder),
    )


# --- the page ----------------------------------------------------------------------------


def _entity_choice(item: dict, origin: str) -> dict:
    return {
        "id": item.get("id"),
        "label": item.get("label"),
        "type": item.get("type"),
        "synonyms": list(item.get("synonyms") or []),
        "xrefs": [
            {"curie": x.get("curie"), "match": x.get("match")}
            for x in item.get("xrefs") or []
            if isinstance(x, dict)
        ],
        "suggestions": list(item.get("suggestions") or []),
        "origin": origin,
    }


def _choices(draft: Draft) -> list[dict]:
    """Every entity a claim of the draft may name, this draft's own first: the proposals,
    the source's entities, other drafts' proposals, then the graph's, by label."""
    seen: set = set()
    choices = []

    def add(items, origin):
        for item in items:
            if item.get("id") not in seen:
                seen.add(item.get("id"))
                choices.append(_entity_choice(item, origin))

    add(draft.entities, "source")
    add(draft.proposals, "proposed")
    add(draft.known.proposed.values(), "other draft")
    graph = sorted(draft.known.entities.values(), key=lambda e: (e.label.casefold(), e.id))
    add(
        ({"id": e.id, "label": e.label, "type": e.type, "synonyms": e.synonyms,
          "xrefs": [{"curie": x.curie, "match": x.match} for x in e.xrefs]} for e in graph),
        "graph",
    )  # fmt: skip
    return choices


def _names(items) -> list[str]:
    return [name for item in items for name in (item.get("label"), *(item.get("synonyms") or []))
            if isinstance(name, str)]  # fmt: skip


def _page_data(draft: Draft, served: bool) -> dict:
    from kg.curation.ontology import load_ontology

    ontology = load_ontology()
    own = [*draft.proposals, *draft.known.proposed.values(), *draft.entities]
    return {
        "served": served,
        "source": draft.source,
        "document": draft.document,
        "predicates": [
            {"name": r.name, "label": r.label, "domain": r.domain, "range": r.range}
            for r in ontology.relations.values()
        ],
        "classes": {cls: sorted(sups) for cls, sups in sorted(ontology.superclasses.items())},
        "entities": _choices(draft),
        # what saving needs to build the files in the browser as the server does
        "candidates": draft.candidates,
        "claims": draft.claims,
        "ownEntities": draft.entities,
        "hasEntitiesFile": draft.has_entities_file,
        "proposals": draft.proposals,
        "otherProposals": draft.known.proposed,
        "graphIds": sorted(draft.known.entities),
        "taken": sorted(_taken(draft)),
        "folded": {name: name.casefold() for name in sorted(set(_names(own)))},
        "keys": {"claim": CLAIM_KEYS, "entity": ENTITY_KEYS, "proposal": _PROPOSAL_KEYS},
        "headers": {
            "claims.yaml": HEADERS["claims.yaml"],
            CANDIDATES: HEADERS[CANDIDATES],
            CANDIDATE_ENTITIES: HEADERS[CANDIDATE_ENTITIES],
        },
        "addedCue": ADDED_CUE,
        "chosenSeenIn": CHOSEN_SEEN_IN,
    }


def _asset(name: str) -> str:
    return resources.files("kg.page").joinpath(name).read_text(encoding="utf-8")


def render_review(draft: Draft, *, served: bool = False) -> ReviewPage:
    """The review page of ``draft``: same draft, same bytes. ``served``: it saves by posting
    to its own origin, which its policy then allows."""
    from jinja2.utils import htmlsafe_json_dumps
    from markupsafe import Markup

    from kg.page.render import content_security_policy, escaping_template

    scripts = (_asset("document.js"), _asset("review.js"))
    styles = (_asset("document.css"), _asset("review.css"))
    extra = ("connect-src 'self'",) if served else ()
    csp = content_security_policy(scripts, styles, extra)
    title = f"nnkg review: {draft.source['title'] or draft.source['id']}"
    html = escaping_template(_asset("review.html")).render(
        csp=csp,
        title=title.replace("\0", "\ufffd"),  # as HTML parsers read it; the page sets the exact one
        # in the draft's key order (tojson would sort it), which the page's files keep
        data=htmlsafe_json_dumps(_page_data(draft, served)),
        document_js=Markup(scripts[0]),
        review_js=Markup(scripts[1]),
        document_css=Markup(styles[0]),
        review_css=Markup(styles[1]),
    )
    # frame-ancestors works only as a header (a <meta> policy ignores it, with a warning)
    return ReviewPage(html, f"{csp}; frame-ancestors 'none'")


def write_review(folder: Path) -> Path:
    """Write the static review page of the draft in ``folder``; return its path."""
    from kg.base.files import write_atomic

    page = render_review(load_draft(folder))
    path = Path(folder) / REVIEW_FILE
    write_atomic(path, page.html.encode("utf-8"))
    return path


# --- saving ------------------------------------------------------------------------------


def _claim_key(item: dict) -> tuple:
    return tuple(item.get(k) for k in ("subject", "predicate", "object", "start", "end"))


def _taken(draft: Draft) -> set[str]:
    """The names (case-folded) the graph and the source already use: a new entity may not
    use them again."""
    graph = [{"label": e.label, "synonyms": e.synonyms} for e in draft.known.entities.values()]
    return {name.casefold() for name in _names([*graph, *draft.entities])}


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
    taken = _taken(draft)
    own = {item.get("id"): item for item in draft.proposals}
    found = new_entities(claims[len(kept) :], defined, taken,
                         lambda e: own.get(e) or draft.known.proposed.get(e))  # fmt: skip
    entities += [_with_xrefs(item, chosen.get(item["id"], []), ENTITY_KEYS) for item in found]
    proposals = [_with_xrefs(p, chosen.get(p.get("id"), []), _PROPOSAL_KEYS)
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


# --- serving -----------------------------------------------------------------------------

_HEADERS = {  # on every answer: no sniffing, no framing, no referrer, no caching
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


async def _bounded_body(request) -> bytes | None:
    """The request body, or None as soon as it is longer than :data:`MAX_BODY_BYTES`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(folder: Path, token: str, origin: str):
    """The review server of the draft in ``folder``: ``/<token>/`` is the page and
    ``/<token>/save`` takes its review (POST, JSON, from ``origin`` only). Any request
    without the token, or for another host than ``origin``'s, is refused (403)."""
    import json

    from starlette.applications import Starlette
    from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
    from starlette.routing import Route

    host = origin.removeprefix("http://")

    def refuse(status: int, message: str) -> Response:
        return PlainTextResponse(f"error: {message}\n", status_code=status, headers=_HEADERS)

    async def save(request) -> Response:
        if request.headers.get("origin") != origin:
            return refuse(403, "saving is allowed from the review page only (Origin)")
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            return refuse(415, "post the review as application/json")
        body = await _bounded_body(request)
        if body is None:
            return refuse(413, f"the review is longer than {MAX_BODY_BYTES:,} bytes")
        try:
            review = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return refuse(400, "the review is not JSON in UTF-8")
        try:
            result = save_review(folder, review)
        except NnkgError as exc:
            problems = exc.problems if isinstance(exc, ReviewError) else str(exc).splitlines()
            return JSONResponse({"problems": problems}, status_code=422, headers=_HEADERS)
        return JSONResponse(
            {"accepted": result.accepted, "rejected": result.rejected, "left": result.left,
             "numbers": list(result.numbers), "written": list(result.written),
             "warnings": list(result.warnings)},
            headers=_HEADERS,
        )  # fmt: skip

    async def dispatch(request) -> Response:
        first, _, rest = request.url.path.removeprefix("/").partition("/")
        if not secrets.compare_digest(first.encode(), token.encode()):
            return refuse(403, "this address needs the review's token (see nnkg review's output)")
        if request.headers.get("host") != host:
            return refuse(403, f"this server answers for {host} only")
        if not request.url.path.endswith("/") and not rest:  # the page's links are relative
            return RedirectResponse(f"/{token}/", headers=_HEADERS)
        if rest == "" and request.method == "GET":
            page = render_review(load_draft(folder), served=True)
            return Response(page.html, media_type="text/html; charset=utf-8",
                            headers={**_HEADERS, "Content-Security-Policy": page.csp})  # fmt: skip
        if rest == "save" and request.method == "POST":
            return await save(request)
        return refuse(404, "not here: the page is /<token>/, saving POSTs to /<token>/save")

    return Starlette(routes=[Route("/{path:path}", dispatch, methods=["GET", "POST"])])


def _exit_quietly(signum, frame) -> None:
    raise SystemExit(0)


def serve_review(folder: Path, *, port: int, announce: Callable[[str], None]) -> None:
    """Serve the review of the draft in ``folder`` on 127.0.0.1:``port`` (0: a free one)
    until Ctrl-C or SIGTERM; ``announce`` gets the page's address, token included."""
    import uvicorn

    load_draft(folder)  # a folder that is no draft fails here, before anything listens
    sock = socket.create_server(("127.0.0.1", port))
    try:
        origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
        token = secrets.token_urlsafe(24)
        for signum in (signal.SIGINT, signal.SIGTERM):  # uvicorn re-raises them when done
            signal.signal(signum, _exit_quietly)
        config = uvicorn.Config(create_app(Path(folder), token, origin), log_level="warning",
                                lifespan="off", timeout_graceful_shutdown=1)  # fmt: skip
        announce(f"{origin}/{token}/")
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
