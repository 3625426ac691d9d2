"""The SPARQL commands of the ``nnkg`` command line: query, serve, push.

kg/cli/__init__.py adds them to the ``nnkg`` group. Parse, call the library, print: data on stdout,
messages on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import auth, auth_options, build_dir_option, format_option, store_option

__all__ = ["COMMANDS"]


def _print_catalogue(fmt: str) -> None:
    from kg.sparql.queries import canned_queries

    queries = canned_queries()
    if fmt == "table":
        width = max(len(q.name) for q in queries)
        for q in queries:
            click.echo(f"{q.name.ljust(width)}  {q.question}")
            click.echo(f"{' ' * width}  {q.description}")
        return
    from kg.sparql.results import Result, Term, write_result

    rows = tuple(
        tuple(Term("literal", v) for v in (q.name, q.question, q.description)) for q in queries
    )
    sys.stdout.buffer.write(
        write_result(Result("SELECT", ("name", "question", "description"), rows), fmt)
    )


def _read_query_file(path: str) -> str:
    """The text of ``-f FILE`` (``-`` is stdin): read with a bound, UTF-8."""
    from kg.sparql.guard import read_query_bytes

    if path == "-":
        return read_query_bytes(sys.stdin.buffer, "stdin")
    return read_query_bytes(Path(path), path)


@click.command(short_help="Run a SPARQL query on the graph or an endpoint.")
@click.argument("query", required=False, metavar="[SPARQL|NAME|FILE]")
@click.option(
    "-f",
    "--file",
    "query_file",
    metavar="FILE",
    help="Read the query from FILE ('-' for stdin).",
)
@click.option(
    "--list", "list_queries", is_flag=True, help="List the canned queries with their descriptions."
)
@format_option(("table", "json", "csv", "tsv", "xml"), "table")
@store_option
@click.option(
    "--endpoint", metavar="URL", help="Ask this remote SPARQL endpoint instead of the built graph."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="Seconds the query may run before it is stopped; 0 for no limit.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=0),
    default=100_000,
    show_default=True,
    help="Most rows (or triples) the answer may have; 0 for no limit (large CONSTRUCT exports).",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=4000,
    show_default=True,
    help="Megabytes of memory the query may take beyond the loaded graph; 0 for no limit.",
)
@auth_options
@build_dir_option
def query(
    query,
    query_file,
    list_queries,
    fmt,
    store,
    endpoint,
    timeout,
    max_rows,
    max_memory,
    user,
    password_env,
    build_dir,
):
    """Run a SPARQL query over the built graph, or over a remote endpoint.

    QUERY is SPARQL text, the NAME of a canned query (see --list) or a .rq FILE.
    SELECT and ASK answers print as an aligned table for people, or in a SPARQL 1.1
    results format (json, csv, tsv, xml); CONSTRUCT and DESCRIBE answers print as
    Turtle. Queries see every source at once; GRAPH src:ID narrows to one. The nnkg
    prefixes (nnkg:, ent:, claim:, src:, rdf:, rdfs:, skos:, prov:, dcterms: ...) are
    predeclared for the built graph. Updates are refused, and on the built graph SERVICE
    and FROM too: a query never reaches the network or a file. A query runs at most
    --timeout seconds, takes at most --max-memory megabytes and answers at most
    --max-rows rows.

    Example:

        nnkg query competency-05 --store oxigraph
    """
    from kg.base.children import ChildMemoryError, ChildTimeoutError, call_in_child
    from kg.sparql.engines import Limits
    from kg.sparql.queries import resolve_query
    from kg.sparql.results import write_result
    from kg.sparql.run import ResultTooLargeError, open_engine, run_query

    if list_queries:
        if query or query_file:
            raise click.UsageError("--list takes no query")
        _print_catalogue(fmt)
        return
    if bool(query) == bool(query_file):
        raise click.UsageError(
            "give one query: SPARQL text, a canned query NAME, a FILE or -f FILE"
        )
    if endpoint and (store or build_dir):
        raise click.UsageError("--endpoint asks a remote store: leave out --store and --build")
    if (user or password_env) and not endpoint:
        raise click.UsageError("--user and --password-env go with --endpoint")

    text = _read_query_file(query_file) if query_file else resolve_query(query)
    engine = open_engine(store or "memory", build_dir, endpoint, auth=auth(user, password_env))
    limits = Limits(rows=max_rows or None)

    def answer() -> tuple[bytes, str | None]:
        result = run_query(engine, text, limits)
        written = write_result(result, "turtle" if result.is_graph else fmt)
        if fmt != "table" or result.boolean is not None:
            return written, None
        return written, f"{len(result)} {'triple' if result.is_graph else 'row'}(s)"

    memory = max_memory * 1_000_000 or None
    try:
        data, summary = call_in_child(answer, timeout or None, memory=memory, what="the query")
    except ChildTimeoutError as exc:
        raise ChildTimeoutError(f"{exc} (raise --timeout, or 0 for no limit)") from None
    except ChildMemoryError as exc:
        raise ChildMemoryError(f"{exc} (raise --max-memory, or 0 for no limit)") from None
    except ResultTooLargeError as exc:
        raise ResultTooLargeError(f"{exc}, or raise --max-rows (0 for no limit)") from None
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    if summary:
        click.echo(summary, err=True)


def _origin(ctx, param, value: str | None) -> str | None:
    """``--cors``: one origin (scheme://host[:port]) or ``*``."""
    from urllib.parse import urlsplit

    if value is None or value == "*":
        return value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise click.BadParameter("give an origin such as https://example.org (or '*')")
    return f"{parts.scheme}://{parts.netloc}"


@click.command(short_help="Serve the graph page and a read-only SPARQL endpoint.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; 0.0.0.0 serves beyond this machine.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=7878,
    show_default=True,
    help="TCP port; 0 picks a free one.",
)
@store_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run before it is stopped (503).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=0),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) one answer may have (413); 0 for no limit.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=0),
    default=20_000_000,
    show_default=True,
    help="Most bytes one answer may have (413); 0 for no limit.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=4000,
    show_default=True,
    help="Megabytes of memory one query may take beyond the loaded graph (503); 0 for no limit.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Query worker processes, each holding the graph.",
)
@click.option(
    "--per-client",
    type=click.IntRange(min=0),
    default=None,
    help="Most workers one client address may hold at once; its further queries wait in line "
    "[default: all but one worker]; 0 for no cap (e.g. behind a proxy, where every client "
    "has the proxy's address).",
)
@click.option(
    "--queue-wait",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="Seconds a query may wait for a free worker before the answer is 503 (busy).",
)
@click.option(
    "--cors",
    metavar="ORIGIN",
    callback=_origin,
    help="Let web pages from ORIGIN (e.g. https://example.org, or '*' for any) query the "
    "endpoint from a browser [default: no cross-origin requests].",
)
@build_dir_option
def serve(
    host,
    port,
    store,
    timeout,
    max_rows,
    max_bytes,
    max_memory,
    workers,
    per_client,
    queue_wait,
    cors,
    build_dir,
):
    """Serve the graph: a read-only SPARQL 1.1 endpoint at /sparql, the graph page at /
    and a query page at /query.

    /sparql takes GET ?query=, POST form-encoded and POST application/sparql-query, and
    answers in JSON, XML, CSV or TSV results (Turtle or N-Triples for CONSTRUCT and
    DESCRIBE) as the Accept header asks. Updates, LOAD, SERVICE and FROM are refused
    (403), so no query reaches the network or a file. Each query runs in a worker
    process under --timeout, --max-memory, --max-rows and --max-bytes; a query that runs
    too long is stopped while the others keep answering. One client address holds at most
    --per-client workers at once. Browsers on other sites may query it only with --cors.
    Ctrl-C stops it.

    Example:

        nnkg serve --port 7878 --store oxigraph
    """
    from kg.endpoint.pool import Fairness
    from kg.endpoint.serve import serve as run_server

    fairness = Fairness(
        per_client=max(1, workers - 1) if per_client is None else per_client,
        queue_wait=queue_wait,
    )

    def announce(url: str) -> None:
        click.echo(
            f"nnkg serve: SPARQL endpoint {url}/sparql, query page {url}/query "
            f"({store or 'memory'} store, {workers} worker(s), {timeout:g} s and "
            f"{max_rows} rows per query); Ctrl-C stops it",
            err=True,
        )

    run_server(
        host=host,
        port=port,
        store=store or "memory",
        build_dir=build_dir,
        timeout=timeout,
        max_rows=max_rows or None,
        max_bytes=max_bytes or None,
        max_memory=max_memory * 1_000_000 or None,
        workers=workers,
        fairness=fairness,
        cors=cors,
        announce=announce,
    )
    click.echo("nnkg serve: stopped", err=True)


@click.command(short_help="Upload the graph to a SPARQL 1.1 Graph Store.")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The store's SPARQL query endpoint, used to check the counts.",
)
@click.option(
    "--graph-store",
    metavar="URL",
    help="The store's Graph Store Protocol URL [default: for an endpoint ending "
    "in /query (Oxigraph), the same URL ending in /store].",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Make the store's graphs under https://w3id.org/nnkg/ exactly this build's: clear "
    "each before uploading into it, delete those the build lacks, replace the default graph; "
    "graphs outside that IRI space are left alone.",
)
@auth_options
@build_dir_option
def push(endpoint, graph_store, replace, user, password_env, build_dir):
    """Upload the graph, named graphs kept, to a SPARQL 1.1 Graph Store (Oxigraph,
    Fuseki, Virtuoso ...), then check the triple counts over its endpoint.

    Each named graph goes to the graph of the same IRI, in batches of N-Triples; the
    store's default graph gets their merge, so plain queries there see every source;
    where the default graph already is the union of all graphs (Virtuoso), the merge
    is not pushed and this is said. Prints each graph with the triples the endpoint
    counts. The password comes from the environment variable named by --password-env,
    never from the command line; it goes as HTTP Basic, or as Digest when the server
    asks for it (Virtuoso).

    nnkg's graphs are those under https://w3id.org/nnkg/ (src:*, the ontology and
    the catalogue). With --replace they become exactly this build's: those the build
    lacks (sources of an earlier build) are deleted and listed, and the default graph
    holds only the merge. Graphs outside that space (system graphs, other data) are
    left alone and listed. Without --replace, nnkg graphs the build lacks stay
    and are warned about. While a push runs, the graph
    https://w3id.org/nnkg/push-in-progress marks it; the next push reports a push
    that did not finish, and clears the mark.

    Example:

        nnkg push --endpoint http://localhost:7879/query --replace
    """
    from kg.base.progress import bar
    from kg.graph import load_quads
    from kg.sparql.push import default_graph_store, push_messages
    from kg.sparql.push import push as run_push

    graph_store = graph_store or default_graph_store(endpoint)
    if graph_store is None:
        raise click.UsageError(
            "--graph-store is needed for this endpoint (Fuseki: http://HOST:3030/DATASET/data, "
            "Virtuoso: http://HOST:8890/sparql-graph-crud-auth)"
        )
    credentials = auth(user, password_env)
    with bar("pushing", None, "triples") as shown:

        def progress(done: int, total: int) -> None:
            shown.total = total
            shown.update(done - shown.n)

        result = run_push(
            load_quads(build_dir),
            endpoint,
            graph_store,
            replace=replace,
            auth=credentials,
            progress=progress,
        )
    for graph, count in result.counted.items():
        click.echo(f"{count:>7}  {graph or '(default graph: the merge of the named graphs)'}")
    for message in push_messages(result):
        click.echo(message, err=True)
    click.echo(
        f"pushed {result.triples} triples in {result.named_graphs} named graphs to "
        f"{graph_store} and checked them ({result.seconds:.2f} s)",
        err=True,
    )


#: Click commands that kg/cli/__init__.py adds to the ``nnkg`` group.
COMMANDS: list = [query, serve, push]
