"""nnkg push to a real Oxigraph server, then nnkg query --endpoint against it: the same
answers as locally; --replace is idempotent; failures are one line; the password comes from
the environment and shows nowhere."""

from __future__ import annotations

import base64
import http.server
import threading
from typing import ClassVar

import pytest
from servers import free_port, oxigraph_server

from kg.cli import cli


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


def one_line_error(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


def push(runner, built, *args: str):
    return runner.invoke(cli, ["push", *args, "--build", str(built)])


def test_push_then_query_the_store_as_locally(runner, built, oxigraph, dataset, union):
    from kg.canned import canned_queries
    from kg.engines import EndpointEngine, MemoryEngine
    from kg.sparql import run_query

    result = push(runner, built, "--endpoint", f"{oxigraph}/query")
    assert result.exit_code == 0, result.output
    named = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    expected = [f"{n:>7}  {g}" for g, n in sorted(named.items())]
    expected.append(f"{len(union):>7}  (default graph: the merge of the named graphs)")
    assert result.stdout.splitlines() == expected
    assert result.stderr.startswith(f"pushed {sum(named.values())} triples in 4 named graphs to ")

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


def test_unreachable_endpoint(runner, built):
    error = one_line_error(
        push(runner, built, "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    )
    assert error.startswith("error: upload of <https://w3id.org/nnkg/catalogue>: cannot reach ")
    query = runner.invoke(cli, ["query", "ASK {}", "--endpoint", f"http://127.0.0.1:{free_port()}"])
    assert one_line_error(query).startswith("error: query: cannot reach http://127.0.0.1:")


def test_refused_upload(runner, built, oxigraph):
    # the query endpoint is no graph store: Oxigraph refuses N-Triples there
    args = ["--endpoint", f"{oxigraph}/query", "--graph-store", f"{oxigraph}/query"]
    error = one_line_error(push(runner, built, *args))
    assert f"{oxigraph}/query answered HTTP 415 Unsupported Media Type" in error


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


@pytest.fixture
def recorder():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_password_from_the_environment_never_shown(runner, built, recorder, monkeypatch):
    monkeypatch.setenv("NNKG_TEST_PASSWORD", "s3cret-pw")
    args = ["--endpoint", f"{recorder}/query", "--user", "bob", "--password-env"]
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
