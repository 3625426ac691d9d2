"""nnkg push to a real Virtuoso (Debian's virtuoso-opensource): credentials from the
environment over HTTP Digest, counts checked per named graph with SPARQL, the union
default graph not pushed to, Virtuoso's system graphs left alone, and a push broken off
half-way then retried with --replace leaving the right counts. One server for the module
(a new database takes a few seconds)."""

from __future__ import annotations

import pytest
from conftest import TINY_DOC, tiny_claims, write_source
from servers import sparql_select, virtuoso_server

from kg.cli import cli
from kg.sparql.push import MARKER, NNKG_SPACE

TINY = "https://w3id.org/nnkg/source/tiny-test"
USER, PASSWORD = "nnkg", "pw-virtuoso-test"
UNION = (
    "the store's default graph is already the union of its graphs (as Virtuoso's is): "
    "the merge was not pushed there, only the named graphs were checked"
)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), USER, PASSWORD) as base:
        yield base


@pytest.fixture(scope="module")
def bigger(tmp_path_factory):
    """A build with one source more than ``built``: tiny-test."""
    from kg.build import build

    root = tmp_path_factory.mktemp("bigger")
    build(root / "build", [write_source(root / "extra" / "tiny-test", TINY_DOC, tiny_claims())])
    return root / "build"


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("NNKG_TEST_VIRTUOSO_PW", PASSWORD)
    return "NNKG_TEST_VIRTUOSO_PW"


def graphs_in(base: str) -> dict[str, int]:
    """Every graph Virtuoso holds triples in, with its count (it keeps no empty ones)."""
    rows = sparql_select(
        f"{base}/sparql", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def split(graphs: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """nnkg's graphs and the others (Virtuoso's system graphs)."""
    ours = {g: n for g, n in graphs.items() if g.startswith(NNKG_SPACE)}
    return ours, {g: n for g, n in graphs.items() if g not in ours}


def named_counts(build) -> dict[str, int]:
    from kg.graph import load_quads

    return {g.strip("<>"): len(triples) for g, triples in load_quads(build).graphs()}


def push(runner, build, base: str, password: str, *args: str):
    options = [
        *("--endpoint", f"{base}/sparql", "--graph-store", f"{base}/sparql-graph-crud-auth"),
        *("--user", USER, "--password-env", password, "--build", str(build)),
    ]
    return runner.invoke(cli, ["push", *options, *args])


def test_push_over_digest_counts_each_named_graph(runner, built, virtuoso, password, union):
    _, system = split(graphs_in(virtuoso))
    assert system  # Virtuoso's own graphs (virtrdf# and others)
    result = push(runner, built, virtuoso, password, "--replace")
    assert result.exit_code == 0, result.output
    expected = named_counts(built)
    assert result.stdout.splitlines() == [f"{n:>7}  {g}" for g, n in sorted(expected.items())]
    told, left, summary = result.stderr.splitlines()
    assert told == UNION
    assert left.startswith(f"left {len(system)} graph(s) outside {NNKG_SPACE} alone: ")
    assert summary.startswith(f"pushed {sum(expected.values())} triples in 4 named graphs to ")
    ours, after = split(graphs_in(virtuoso))
    assert ours == expected and after == system  # no marker, system graphs untouched
    # the default graph is the union (counting a triple once per graph, as Oxigraph's
    # union does): every triple of nnkg in it, and no pushed merge doubling them
    total = int(
        sparql_select(f"{virtuoso}/sparql", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"]["value"]
    )
    pushed = sum(expected.values())
    assert pushed + sum(system.values()) <= total < pushed + len(union) + sum(system.values())


def test_an_interrupted_push_retried_with_replace_leaves_the_right_counts(
    runner, built, bigger, virtuoso, password
):
    from kg.graph import load_quads
    from kg.sparql.push import push as library_push

    _, system = split(graphs_in(virtuoso))
    quads = load_quads(bigger)
    half = len(quads.quads) // 2

    class Interrupted(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done >= half:
            raise Interrupted

    graph_store = f"{virtuoso}/sparql-graph-crud-auth"
    with pytest.raises(Interrupted):
        library_push(
            quads,
            f"{virtuoso}/sparql",
            graph_store,
            auth=(USER, PASSWORD),
            batch_size=100,
            progress=stop,
        )
    partial, _ = split(graphs_in(virtuoso))
    assert MARKER in partial and sum(partial.values()) < len(quads.quads)  # broken off
    result = push(runner, built, virtuoso, password, "--replace")
    assert result.exit_code == 0, result.output
    told, warning, left, summary = result.stderr.splitlines()
    assert told == UNION
    assert warning.startswith("warning: a previous push to this store did not finish (started ")
    assert warning.endswith("--replace removed what it left and cleared its mark")
    assert left.startswith(f"left {len(system)} graph(s) outside") and summary.startswith("pushed")
    ours, after = split(graphs_in(virtuoso))
    assert ours == named_counts(built) and after == system
    again = push(runner, built, virtuoso, password, "--replace")
    assert again.exit_code == 0 and again.stdout == result.stdout


def test_a_wrong_password_is_one_line(runner, built, virtuoso, monkeypatch):
    monkeypatch.setenv("NNKG_TEST_VIRTUOSO_PW", "not-the-password")
    result = push(runner, built, virtuoso, "NNKG_TEST_VIRTUOSO_PW")
    assert result.exit_code == 1, result.output
    assert len(result.stderr.splitlines()) == 1
    assert "answered HTTP 401 Unauthorized" in result.stderr
    assert "not-the-password" not in result.output
