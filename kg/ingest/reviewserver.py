"""Serving ``nnkg review``: the page on 127.0.0.1, and its saves written into the draft.

The server answers only at an address with a token of this run and for its own host; it
takes a review only as JSON posted from the page's own origin, no longer than
:data:`MAX_BODY_BYTES`, and saves it with :func:`kg.ingest.reviewsave.save_review`, which
refuses it with the problems ``nnkg validate`` would report. For an entity the curator
creates, it answers the lexicon's suggestions for a name (``suggest?name=``), which a static
page cannot hold.
"""

from __future__ import annotations

import secrets
import signal
import socket
from collections.abc import Callable
from pathlib import Path

from kg.base.errors import NnkgError
from kg.base.http import read_bounded
from kg.ingest.review import ReviewError, load_draft, render_review
from kg.ingest.reviewsave import save_review

__all__ = ["MAX_BODY_BYTES", "create_app", "serve_review"]

#: The largest review the server reads: far more than any draft's candidates need.
MAX_BODY_BYTES = 16 * 2**20
#: The longest name the server looks up in the lexicon: longer than any term's name.
MAX_NAME_CHARS = 200

_HEADERS = {  # on every answer: no sniffing, no framing, no referrer, no caching
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def create_app(folder: Path, token: str, origin: str):
    """The review server of the draft in ``folder``: ``/<token>/`` is the page and
    ``/<token>/save`` takes its review (POST, JSON, from ``origin`` only),
    ``/<token>/suggest?name=N`` lists the lexicon's terms most like ``N``. Any request
    without the token, or for another host than ``origin``'s, is refused (403)."""
    import json
    from functools import cache

    from starlette.applications import Starlette
    from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
    from starlette.routing import Route

    from kg.ingest.lexicon import Lexicon

    host = origin.removeprefix("http://")

    def refuse(status: int, message: str) -> Response:
        return PlainTextResponse(f"error: {message}\n", status_code=status, headers=_HEADERS)

    async def save(request) -> Response:
        if request.headers.get("origin") != origin:
            return refuse(403, "saving is allowed from the review page only (Origin)")
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            return refuse(415, "post the review as application/json")
        body = await read_bounded(request, MAX_BODY_BYTES)
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

    lexicon = cache(Lexicon.load)  # read on the first lookup, then kept

    async def suggest(request) -> Response:
        name = request.query_params.get("name", "")
        if len(name) > MAX_NAME_CHARS:
            return refuse(413, f"the name is longer than {MAX_NAME_CHARS} characters")
        found = lexicon().suggest(name, k=8)
        terms = [lexicon().term(s.curie) for s in found]
        return JSONResponse(
            {"suggestions": [{"curie": s.curie, "label": s.label, "score": s.score,
                              "seen_in": s.seen_in, "type": t.type if t else None}
                             for s, t in zip(found, terms, strict=True)]},
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
        if rest == "suggest" and request.method == "GET":
            return await suggest(request)
        return refuse(404, "not here: the page is /<token>/, saving POSTs to /<token>/save, "
                      "the lexicon answers GET /<token>/suggest?name=")  # fmt: skip

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
