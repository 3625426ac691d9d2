"""nnkg push to a real Oxigraph server, then nnkg query --endpoint against it: the same
answers as locally; --replace is idempotent, removes nnkg graphs the build lacks and leaves
other graphs alone; a push that breaks off is reported by the next; failures are one line;
the password comes from the environment and shows nowhere."""

from __future__ import annotations

import base64
import http.server
import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import httpx
import pytest
from conftest import TINY_DOC, tiny_claims, write_source
from servers import free_port, oxigraph_server, sparql_select

from kg.cli import cli
from kg.sparql.push import MARKER

TINY = "https://w3id.org/nnkg/source/tiny-test"
PROV = "http://www.w3.org/ns/prov#"


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


@pytest.fixture
def store(tmp_path):
    """An empty Oxigraph server of its own, for tests that leave the store changed."""
    with oxigraph_server(tmp_path / "store") as base:
        yield base


@pytest.fixture(scope="module")
def bigger(tmp_path_factory):
    """A build with one source more than ``built``: tiny-test."""
    from kg.build import build

    root = tmp_path_factory.mktemp("bigger")
    build(root / "build", [write_source(root / "extra" / "tiny-test", TINY_DOC, tiny_claims())])
    return root / "build"


def graphs_in(base: str) -> dict[str, int]:
    """Every named graph in the store, empty ones too, with its triple count."""
    names = sparql_select(f"{base}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
    rows = sparql_select(
        f"{base}/query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    counts = {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    return {row["g"]["value"]: counts.get(row["g"]["value"], 0) for row in names}


def default_count(base: str) -> int:
    return int(
        sparql_select(f"{base}/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"][
            "value"
        ]
    )


def put_graph(base: str, graph: str, triples: int) -> None:
    body = "".join(f'<urn:x-test:s{i}> <urn:x-test:p> "{i}" .\n' for i in range(triples))
    httpx.put(
        f"{base}/store",
        params={"graph": graph},
        content=body.encode(),
        headers={"Content-Type": "application/n-triples"},
    ).raise_for_status()


def named_counts(dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}


def one_line_error(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


def push(runner, built, *args: str):
    return runner.invoke(cli, ["push", *args, "--build", str(built)])


def expected_stdout(dataset, union) -> list[str]:
    lines = [f"{n:>7}  {g}" for g, n in sorted(named_counts(dataset).items())]
    return [*lines, f"{len(union):>7}  (default graph: the merge of the named graphs)"]


def assert_summary_only(result, dataset) -> None:
    """A push that succeeded and said nothing on stderr but the one line of what it pushed."""
    assert result.exit_code == 0, result.output
    pushed = f"pushed {sum(named_counts(dataset).values())} triples in 4 named graphs to "
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(pushed), result.stderr


def test_push_then_query_the_store_as_locally(runner, built, oxigraph, dataset, union):
    from kg.sparql.engines import EndpointEngine, MemoryEngine
    from kg.sparql.queries import canned_queries
    from kg.sparql.run import run_query

    result = push(runner, built, "--endpoint", f"{oxigraph}/query")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == expected_stdout(dataset, union)
    assert_summary_only(result, dataset)
    assert graphs_in(oxigraph) == named_counts(dataset)  # the marker is gone

    memory, remote = MemoryEngine(dataset), EndpointEngine(f"{oxigraph}/query")
    for query in canned_queries():
        assert run_query(remote, query.text) == run_query(memory, query.text), query.name
    local = runner.invoke(cli, ["query", "competency-12", "--build", str(built)])
    there = runner.invoke(cli, ["query", "competency-12", "--endpoint", f"{oxigraph}/query"])
    assert there.exit_code == 0 and there.stdout == local.stdout


def test_replace_twice_leaves_the_same_count(runner, built, oxigraph):
    counts = []
    for _ in range(2):
        result = push(runner, built, "--endpoint", f"{oxigraph}/query", "--replace")
        assert result.exit_code == 0, result.output
        counts.append(result.stdout)
    assert counts[0] == counts[1]


def test_replace_removes_the_stale_source_of_a_bigger_push(
    runner, built, bigger, store, dataset, union
):
    assert push(runner, bigger, "--endpoint", f"{store}/query").exit_code == 0
    assert TINY in graphs_in(store)
    result = push(runner, built, "--endpoint", f"{store}/query", "--replace")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == expected_stdout(dataset, union)
    removed, summary = result.stderr.splitlines()
    assert removed == f"removed 1 nnkg graph(s) this build does not have: <{TINY}>"
    assert summary.startswith("pushed ")
    assert graphs_in(store) == named_counts(dataset)  # tiny-test and the marker are gone
    assert default_count(store) == len(union)


def test_without_replace_stale_graphs_are_warned_about_and_left(runner, built, bigger, store):
    assert push(runner, bigger, "--endpoint", f"{store}/query").exit_code == 0
    before = graphs_in(store)[TINY]
    result = push(runner, built, "--endpoint", f"{store}/query")
    assert result.exit_code == 0, result.output
    assert TINY not in result.stdout
    warning, _ = result.stderr.splitlines()
    assert warning == (
        "warning: the store keeps 1 nnkg graph(s) this build does not have "
        f"(--replace removes them): <{TINY}>"
    )
    assert graphs_in(store)[TINY] == before


def test_replace_leaves_graphs_outside_nnkg_alone(runner, built, store, dataset, union):
    foreign = [
        "http://example.org/other",
        "https://w3id.org/nnkg-fork/source/tiny-test",  # close to nnkg's space, not in it
        *(f"urn:x-test:graph-{i}" for i in range(5)),
    ]
    for graph in foreign:
        put_graph(store, graph, 2)
    result = push(runner, built, "--endpoint", f"{store}/query", "--replace")
    assert result.exit_code == 0, result.output
    left, _ = result.stderr.splitlines()
    assert left == (
        "left 7 graph(s) outside https://w3id.org/nnkg/ alone: <http://example.org/other>, "
        "<https://w3id.org/nnkg-fork/source/tiny-test>, <urn:x-test:graph-0>, "
        "<urn:x-test:graph-1>, <urn:x-test:graph-2> and 2 more"
    )
    assert graphs_in(store) == {**named_counts(dataset), **dict.fromkeys(foreign, 2)}
    assert default_count(store) == len(union)


class _Interrupted(Exception):
    """What breaks a push off in these tests, as Ctrl-C or a lost connection would."""


def _interrupted_push(build, base: str, after: int) -> None:
    """A library push of ``build`` in batches of 100 triples, broken off once ``after``
    triples are sent."""
    from kg.graph import load_quads
    from kg.sparql.push import push as library_push

    def stop(done: int, total: int) -> None:
        if done >= after:
            raise _Interrupted

    with pytest.raises(_Interrupted):
        library_push(
            load_quads(build), f"{base}/query", f"{base}/store", batch_size=100, progress=stop
        )


def _marker_started(base: str, build) -> str:
    """The start of the push of ``build`` the marker graph announces, after checking all
    it says."""
    from kg.graph import load_quads

    quads = load_quads(build)
    graphs = len(list(quads.graphs()))
    rows = sparql_select(
        f"{base}/query", f"SELECT ?p ?o WHERE {{ GRAPH <{MARKER}> {{ <{MARKER}> ?p ?o }} }}"
    )
    said = {row["p"]["value"]: row["o"] for row in rows}
    assert said.pop("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")["value"] == f"{PROV}Activity"
    assert said.pop("http://purl.org/dc/terms/description")["value"] == (
        f"nnkg push of {len(quads.quads)} triples in {graphs} named graphs and their merge; "
        "deleted when the push has finished"
    )
    started = said.pop(f"{PROV}startedAtTime")
    assert not said
    assert started["datatype"] == "http://www.w3.org/2001/XMLSchema#dateTime"
    ago = datetime.now(UTC) - datetime.fromisoformat(started["value"])
    assert timedelta(0) <= ago < timedelta(minutes=5)
    return started["value"]


def test_an_interrupted_push_is_reported_and_replace_clears_it(
    runner, built, bigger, store, dataset, union
):
    from kg.graph import load_quads

    # broken off once every named graph is up (tiny-test the last), before their merge
    _interrupted_push(bigger, store, after=len(load_quads(bigger).quads))
    assert TINY in graphs_in(store) and default_count(store) == 0
    started = _marker_started(store, bigger)
    result = push(runner, built, "--endpoint", f"{store}/query", "--replace")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == expected_stdout(dataset, union)
    warning, removed, _ = result.stderr.splitlines()
    assert warning == (
        f"warning: a previous push to this store did not finish (started {started}); "
        "--replace removed what it left and cleared its mark"
    )
    assert removed == f"removed 1 nnkg graph(s) this build does not have: <{TINY}>"
    assert graphs_in(store) == named_counts(dataset)
    again = push(runner, built, "--endpoint", f"{store}/query", "--replace")
    assert_summary_only(again, dataset)


def test_an_interrupted_push_without_replace_says_what_to_do(runner, built, store, dataset):
    _interrupted_push(built, store, after=1)  # after the first batch
    started = _marker_started(store, built)
    result = push(runner, built, "--endpoint", f"{store}/query")
    assert result.exit_code == 0, result.output
    warning, _ = result.stderr.splitlines()
    assert warning == (
        f"warning: a previous push to this store did not finish (started {started}); its mark "
        "is cleared, but graphs it wrote may be partial or hold triples this build lacks: "
        "push again with --replace to make the store match this build"
    )
    assert MARKER not in graphs_in(store)
    again = push(runner, built, "--endpoint", f"{store}/query")
    assert_summary_only(again, dataset)


def test_replace_fails_when_the_store_keeps_a_graph_it_was_told_to_delete(
    runner, built, bigger, store
):
    assert push(runner, bigger, "--endpoint", f"{store}/query").exit_code == 0
    with ignoring_deletes(store) as graph_store:
        args = ["--endpoint", f"{store}/query", "--graph-store", graph_store, "--replace"]
        error = one_line_error(push(runner, built, *args))
    assert error == (
        f"error: {store}/query still holds <{TINY}> after --replace, "
        "though this push did not bring it\n"
    )
    assert MARKER in graphs_in(store)  # the push did not finish: the next one will say so


def test_unreachable_endpoint_or_graph_store(runner, built, oxigraph):
    nowhere = f"http://127.0.0.1:{free_port()}"
    error = one_line_error(push(runner, built, "--endpoint", f"{nowhere}/query"))
    assert error.startswith(f"error: query: cannot reach {nowhere}/query: ")
    args = ["--endpoint", f"{oxigraph}/query", "--graph-store", f"{nowhere}/store"]
    error = one_line_error(push(runner, built, *args))
    assert error.startswith(
        f"error: marking the push in progress in <{MARKER}>: cannot reach {nowhere}/store: "
    )
    query = runner.invoke(cli, ["query", "ASK {}", "--endpoint", f"http://127.0.0.1:{free_port()}"])
    assert one_line_error(query).startswith("error: query: cannot reach http://127.0.0.1:")


def test_refused_upload(runner, built, oxigraph):
    # the query endpoint is no graph store: Oxigraph refuses uploads there
    args = ["--endpoint", f"{oxigraph}/query", "--graph-store", f"{oxigraph}/query"]
    error = one_line_error(push(runner, built, *args))
    assert f"{oxigraph}/query answered HTTP 404 Not Found: PUT /query is not supported" in error


def test_bad_query_through_the_endpoint(runner, oxigraph):
    result = runner.invoke(cli, ["query", "SELECT * { ?s ?p }", "--endpoint", f"{oxigraph}/query"])
    assert "answered HTTP 400 Bad Request" in one_line_error(result)


def test_graph_store_needed_when_the_layout_is_unknown(runner, built):
    result = push(runner, built, "--endpoint", "http://127.0.0.1:3030/nnkg/sparql")
    assert result.exit_code == 2 and "--graph-store" in result.stderr


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A graph store that notes the Authorization header and refuses every upload."""

    seen: ClassVar[list[str]] = []

    def do_PUT(self) -> None:
        self.seen.append(self.headers.get("Authorization", ""))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(403)
        self.end_headers()
        self.wfile.write(b"uploads are closed today\n")

    do_POST = do_PUT

    def log_message(self, *args) -> None:
        pass


class _IgnoresDeletes(http.server.BaseHTTPRequestHandler):
    """A graph store in front of a real one that answers DELETE with 204 and does nothing."""

    target: ClassVar[str] = ""

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {"Content-Type": self.headers["Content-Type"]}
        answer = httpx.request(self.command, self.target + self.path, content=body, headers=headers)
        self.send_response(answer.status_code)
        self.end_headers()

    do_POST = do_PUT

    def do_DELETE(self) -> None:
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def http_server(handler):
    """``handler`` serving on a free localhost port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def ignoring_deletes(base: str):
    """The graph store of the Oxigraph server at ``base``, behind a proxy that drops DELETEs."""
    _IgnoresDeletes.target = base
    with http_server(_IgnoresDeletes) as proxy:
        yield f"{proxy}/store"


@pytest.fixture
def recorder():
    _Recorder.seen = []
    with http_server(_Recorder) as base:
        yield base


def test_password_from_the_environment_never_shown(runner, built, oxigraph, recorder, monkeypatch):
    monkeypatch.setenv("NNKG_TEST_PASSWORD", "s3cret-pw")
    args = [
        *("--endpoint", f"{oxigraph}/query", "--graph-store", f"{recorder}/store"),
        *("--user", "bob", "--password-env"),
    ]
    result = push(runner, built, *args, "NNKG_TEST_PASSWORD", "--replace")
    error = one_line_error(result)
    assert "HTTP 403 Forbidden: uploads are closed today" in error
    assert _Recorder.seen == ["Basic " + base64.b64encode(b"bob:s3cret-pw").decode()]
    assert "s3cret" not in result.output
    unset = push(runner, built, *args, "NNKG_TEST_UNSET_VARIABLE")
    assert one_line_error(unset) == (
        "error: environment variable NNKG_TEST_UNSET_VARIABLE (from --password-env) is not set\n"
    )
    assert push(runner, built, "--endpoint", recorder, "--password-env", "X").exit_code == 2
