"""``nnkg serve``: a read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` (Starlette + uvicorn).

``/sparql`` takes GET ``?query=``, POST form-encoded and POST ``application/sparql-query``,
negotiates the result format from ``Accept``, and allows cross-origin requests. ``/`` is
the graph page (``nnkg.html`` of the build) and ``/query`` a small query page. Updates,
LOAD and SERVICE are refused (403); a query gets a time limit (503 when it runs over)
and a row limit (413); workers in their own processes keep one query from stalling others.
"""

from __future__ import annotations

import json
import signal
import socket
from collections.abc import Callable
from pathlib import Path

from .results import GRAPH_FORMS, MEDIA_TYPES
from .sparql import (
    QueryError,
    QueryRefusedError,
    QuerySyntaxError,
    ResultTooLargeError,
    inspect_query,
    refuse_unsafe,
)
from .workers import EngineSpec, PoolBusyError, QueryTimeoutError, WorkerDiedError, WorkerPool

__all__ = ["create_app", "engine_spec", "negotiate", "serve"]

MAX_QUERY_CHARS = 100_000
#: What each query form can be answered in, best first (``Accept`` picks among them).
OFFERS = {
    False: [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
        ("json", "application/json"),
    ],
    True: [("turtle", "text/turtle"), ("nt", "application/n-triples")],
}
_STATUS = [
    (QuerySyntaxError, 400),
    (QueryRefusedError, 403),
    (ResultTooLargeError, 413),
    (QueryTimeoutError, 503),
    (PoolBusyError, 503),
    (WorkerDiedError, 500),
    (QueryError, 400),
]


class ProtocolError(Exception):
    """A request the SPARQL Protocol does not allow here; carries its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, graph: bool) -> tuple[str, str] | None:
    """The (writer, media type) that ``accept`` likes best, or None if it likes none.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False)
    ('xml', 'application/sparql-results+xml')
    >>> negotiate(None, graph=True)
    ('turtle', 'text/turtle')
    """
    ranges = []
    for part in (accept or "*/*").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranges.append((media.lower(), float(q)))
        except ValueError:
            continue

    def quality(media: str) -> float:
        """q of the most specific range matching ``media`` (exact, then type/*, then */*)."""
        kind = media.split("/")[0]
        patterns = {media: 2, f"{kind}/*": 1, "*/*": 0}
        matches = [(patterns[m], q) for m, q in ranges if m in patterns]
        return max(matches)[1] if matches else 0.0

    best = max(OFFERS[graph], key=lambda offer: quality(offer[1]))  # ties: the first offer
    return best if quality(best[1]) > 0 else None


async def _query_text(request) -> str:
    """The query of a GET or POST request; refuses updates and dataset parameters."""
    if request.method == "GET":
        params = request.query_params
    else:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media == "application/sparql-query":
            text = (await request.body()).decode("utf-8", errors="replace")
            return _checked(text, request.query_params)
        if media == "application/sparql-update":
            raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
        if media != "application/x-www-form-urlencoded":
            raise ProtocolError(
                415,
                "POST the query as application/x-www-form-urlencoded or application/sparql-query",
            )
        params = await request.form()
    if "update" in params:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
    queries = params.getlist("query")
    if len(queries) != 1:
        raise ProtocolError(400, "give exactly one 'query' parameter (see /query for a form)")
    return _checked(queries[0], params)


def _checked(text: str, params) -> str:
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise ProtocolError(
            400,
            "default-graph-uri and named-graph-uri are not supported: queries see every "
            "source; use GRAPH src:<id> to narrow",
        )
    if len(text) > MAX_QUERY_CHARS:
        raise ProtocolError(413, f"the query is longer than {MAX_QUERY_CHARS} characters")
    return text


def _error(status: int, message: str):
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(f"error: {message}\n", status_code=status)


def create_app(pool: WorkerPool, build_dir: Path | None = None):
    """The Starlette app: ``/sparql``, ``/`` and ``/query``, with CORS."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import FileResponse, HTMLResponse, Response
    from starlette.routing import Route

    from .canned import canned_queries

    page = Path(build_dir or "build") / "nnkg.html"
    examples = [{"name": q.name, "question": q.question, "text": q.text} for q in canned_queries()]
    query_page = (
        (Path(__file__).parent / "pages" / "query.html")
        .read_text(encoding="utf-8")
        .replace("{{examples}}", json.dumps(examples).replace("<", "\\u003c"))
    )

    async def sparql(request):
        try:
            text = await _query_text(request)
            shape = inspect_query(text)
            refuse_unsafe(shape)
            graph = shape.form in GRAPH_FORMS
            offer = negotiate(request.headers.get("accept"), graph)
            if offer is None:
                supported = ", ".join(dict.fromkeys(m for _, m in OFFERS[graph]))
                raise ProtocolError(406, f"cannot answer in the Accept types; use {supported}")
            body = await pool.run(text, offer[0])
        except ProtocolError as exc:
            return _error(exc.status, str(exc))
        except QueryError as exc:
            return _error(next(s for cls, s in _STATUS if isinstance(exc, cls)), str(exc))
        return Response(body, media_type=MEDIA_TYPES[offer[0]])

    async def home(request):
        if page.is_file():
            return FileResponse(page, media_type="text/html")
        return HTMLResponse(
            "<!doctype html><title>nnkg</title><h1>nnkg</h1><p>No graph page in this build "
            "(run <code>nnkg build</code>). Ask the graph with the <a href='/query'>query "
            "page</a> or at the SPARQL endpoint <code>/sparql</code>.</p>"
        )

    async def query(request):
        return HTMLResponse(query_page)

    return Starlette(
        routes=[
            Route("/", home),
            Route("/query", query),
            Route("/sparql", sparql, methods=["GET", "POST"]),
        ],
        middleware=[
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
            )
        ],
    )


def engine_spec(store: str, build_dir: Path | None) -> EngineSpec:
    """Load (or build) the graph once here, so each worker only reads what it is given."""
    if store == "oxigraph":
        from .store import ensure_store

        return EngineSpec("oxigraph", store_dir=str(ensure_store(build_dir)))
    from .load import load_quads

    return EngineSpec("memory", nquads=load_quads(build_dir).nquads().encode())


def _exit_quietly(signum, frame) -> None:
    raise SystemExit(0)


def serve(
    *,
    host: str,
    port: int,
    store: str,
    build_dir: Path | None,
    timeout: float,
    max_rows: int,
    workers: int,
    announce: Callable[[str], None],
) -> None:
    """Serve until Ctrl-C or SIGTERM; ``announce`` gets the base URL once queries can run."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family)
    pool = WorkerPool(engine_spec(store, build_dir), workers, timeout, max_rows)
    for signum in (signal.SIGINT, signal.SIGTERM):  # uvicorn re-raises them when it is done
        signal.signal(signum, _exit_quietly)
    try:
        pool.start()
        bound_port = sock.getsockname()[1]
        announce(f"http://{f'[{host}]' if family == socket.AF_INET6 else host}:{bound_port}")
        config = uvicorn.Config(
            create_app(pool, build_dir),
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
