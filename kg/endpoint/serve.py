"""``nnkg serve``: a read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` (Starlette + uvicorn).

``/sparql`` takes GET ``?query=``, POST form-encoded and POST ``application/sparql-query``,
and negotiates the result format from ``Accept``. ``/`` is the graph page (``nnkg.html``
of the build) and ``/query`` a small query page. What a request may cost is bounded: the
body is read at most :data:`MAX_BODY_BYTES` (413 beyond, before the rest arrives), a query
is checked and refused (403) by the worker that would run it, runs under a time and a
memory limit (503), a row and a byte limit (413), and workers are shared fairly among clients
(:class:`kg.endpoint.pool.Fairness`; 503 with ``Retry-After`` when busy). Cross-origin requests
are refused unless ``cors`` names the one origin allowed.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from kg.base.errors import (
    NotAcceptableError,
    PoolBusyError,
    QueryError,
    QueryMemoryError,
    QueryRefusedError,
    QuerySyntaxError,
    QueryTimeoutError,
    QueryTooLargeError,
    ResultTooLargeError,
    WorkerDiedError,
)
from kg.base.media import MEDIA
from kg.endpoint.pool import Fairness, WorkerPool
from kg.sparql.guard import MAX_QUERY_CHARS, check_length

if TYPE_CHECKING:
    from kg.base.manifest import VerifiedBuild

__all__ = ["MAX_BODY_BYTES", "create_app", "open_served_build", "serve"]

PAGE = "nnkg.html"

#: The largest request body read: room for the longest query, form-encoded (3 bytes for
#: each byte of UTF-8).
MAX_BODY_BYTES = 12 * MAX_QUERY_CHARS
_STATUS = [
    (QuerySyntaxError, 400),
    (QueryRefusedError, 403),
    (NotAcceptableError, 406),
    (QueryTooLargeError, 413),
    (ResultTooLargeError, 413),
    (QueryTimeoutError, 503),
    (QueryMemoryError, 503),
    (PoolBusyError, 503),
    (WorkerDiedError, 500),
    (QueryError, 400),
]
_HEADERS = {  # on every answer: no sniffing, no framing, no referrer leaving the page
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_ALLOWED = "GET, POST"
_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"


class ProtocolError(Exception):
    """A request the SPARQL Protocol does not allow here; carries its HTTP status."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


async def _body(request) -> bytes:
    """The request body, refused (413) as soon as it is longer than MAX_BODY_BYTES."""
    from kg.base.http import read_bounded

    body = await read_bounded(request, MAX_BODY_BYTES)
    if body is None:
        raise ProtocolError(413, f"the request body is longer than {MAX_BODY_BYTES:,} bytes")
    return body


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request is not UTF-8 (byte {exc.start})") from None


def _params(encoded: str) -> dict[str, list[str]]:
    """The fields of a query string or a form body: a few, in UTF-8, or a 400."""
    try:
        return parse_qs(encoded, keep_blank_values=True, max_num_fields=32, errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request's parameters are not UTF-8") from None
    except ValueError:
        raise ProtocolError(400, "the request has too many parameters") from None


async def _query_text(request) -> str:
    """The query of a GET or POST request; refuses updates and dataset parameters."""
    if request.method == "GET":
        params = _params(request.url.query)
    else:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            raise ProtocolError(403, _READ_ONLY)
        if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            raise ProtocolError(
                415,
                "POST the query as application/x-www-form-urlencoded or application/sparql-query",
            )
        body = _utf8(await _body(request))
        if media == "application/sparql-query":
            params = {**_params(request.url.query), "query": [body]}
        else:
            params = _params(body)
    if "update" in params:
        raise ProtocolError(403, _READ_ONLY)
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise ProtocolError(
            400,
            "default-graph-uri and named-graph-uri are not supported: queries see every "
            "source; use GRAPH src:<id> to narrow",
        )
    queries = params.get("query", [])
    if len(queries) != 1:
        raise ProtocolError(400, "give exactly one 'query' parameter (see /query for a form)")
    check_length(queries[0])  # the worker checks the rest; this spares it a text too long
    return queries[0]


def _error(status: int, message: str, headers: dict[str, str] | None = None):
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(
        f"error: {message}\n", status_code=status, headers={**_HEADERS, **(headers or {})}
    )


def create_app(pool: WorkerPool, view: VerifiedBuild | None = None, cors: str | None = None):
    """The Starlette app: ``/sparql``, ``/`` (the page of the build ``view``, as verified)
    and ``/query``; CORS only for ``cors``."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    from kg.page.query import query_page
    from kg.sparql.queries import canned_queries

    page = view.read(PAGE) if view is not None and PAGE in view.contents else None
    examples = [{"name": q.name, "question": q.question, "text": q.text} for q in canned_queries()]
    form = query_page(examples, graph_page=page is not None)

    async def sparql(request):
        if request.method not in ("GET", "POST"):  # Starlette routes HEAD here with GET
            return _error(405, f"use {_ALLOWED}", {"Allow": _ALLOWED})
        try:
            text = await _query_text(request)
            client = request.client.host if request.client else ""
            media, body = await pool.run(text, request.headers.get("accept"), client)
        except ProtocolError as exc:
            return _error(exc.status, str(exc), exc.headers)
        except QueryError as exc:
            status = next(s for cls, s in _STATUS if isinstance(exc, cls))
            retry = {"Retry-After": "1"} if isinstance(exc, PoolBusyError) else None
            return _error(status, str(exc), retry)
        return Response(body, media_type=media, headers=_HEADERS)

    async def home(request):
        if page is not None:
            return Response(page, media_type=MEDIA["html"].content_type, headers=_HEADERS)
        return HTMLResponse(
            "<!doctype html><title>nnkg</title><h1>nnkg</h1><p>No graph page in this build "
            "(run <code>nnkg build</code>). Ask the graph with the <a href='/query'>query "
            "page</a> or at the SPARQL endpoint <code>/sparql</code>.</p>",
            headers=_HEADERS,
        )

    async def query(request):
        return HTMLResponse(form.html, headers={**_HEADERS, "Content-Security-Policy": form.csp})

    middleware = []
    if cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=[cors],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
            )
        )
    return Starlette(
        routes=[
            Route("/", home),
            Route("/query", query),
            Route("/sparql", sparql, methods=["GET", "POST", "HEAD"]),
        ],
        middleware=middleware,
    )


def open_served_build(store: str, build_dir: Path | None) -> VerifiedBuild | None:
    """The build to serve, read once and verified: the graph files the store needs, and the
    page if the build has one (None: the packaged sources, built in memory)."""
    from kg.base.manifest import read_build
    from kg.graph import GRAPH_FILE, find_build
    from kg.sparql.store import STORE_FILES

    folder = find_build(build_dir)
    if folder is None:
        return None
    graph = STORE_FILES if store == "oxigraph" else (GRAPH_FILE,)
    return read_build(folder, (*graph, PAGE), optional=(PAGE,))


def _exit_quietly(signum, frame) -> None:
    raise SystemExit(0)


def serve(
    *,
    host: str,
    port: int,
    store: str,
    build_dir: Path | None,
    timeout: float,
    max_rows: int | None,
    max_bytes: int | None,
    max_memory: int | None,
    workers: int,
    fairness: Fairness,
    cors: str | None,
    announce: Callable[[str], None],
) -> None:
    """Serve until Ctrl-C or SIGTERM; ``announce`` gets the base URL once queries can run."""
    import uvicorn

    from kg.sparql.engines import EngineSpec, Limits

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family)
    limits = Limits(rows=max_rows, chars=max_bytes)
    view = open_served_build(store, build_dir)
    pool = WorkerPool(
        EngineSpec.load(store, view),  # the graph read once here; each worker opens its own
        workers,
        timeout,
        limits,
        max_bytes=max_bytes,
        max_memory=max_memory,
        fairness=fairness,
    )
    for signum in (signal.SIGINT, signal.SIGTERM):  # uvicorn re-raises them when it is done
        signal.signal(signum, _exit_quietly)
    try:
        pool.start()
        bound_port = sock.getsockname()[1]
        announce(f"http://{f'[{host}]' if family == socket.AF_INET6 else host}:{bound_port}")
        config = uvicorn.Config(
            create_app(pool, view, cors),
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
