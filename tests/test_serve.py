"""nnkg serve: the SPARQL 1.1 Protocol endpoint, exercised over HTTP by a real SPARQL client
(SPARQLWrapper) on a free localhost port: every result format, GET and both POSTs,
refusals, limits, a runaway query, fairness among clients, twenty clients at once, the pages
and CORS (off unless an origin is named)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from servers import nnkg_serve
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    POST,
    POSTDIRECTLY,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

ISA = "SELECT ?o WHERE { ent:vitamin-b12 nnkg:isA ?o }"
WSV = "https://w3id.org/nnkg/entity/water-soluble-vitamin"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def endpoint(built, tmp_path_factory):
    cwd = tmp_path_factory.mktemp("serve")
    with nnkg_serve(built, "--max-rows", "1000", "--workers", "2", cwd=cwd) as url:
        yield url


@pytest.fixture(scope="module")
def strict_endpoint(built, tmp_path_factory):
    """Queries stopped after one second."""
    cwd = tmp_path_factory.mktemp("serve")
    with nnkg_serve(built, "--timeout", "1", "--workers", "2", cwd=cwd) as url:
        yield url


def ask(url: str, query: str, fmt=JSON, method=GET, request=URLENCODED):
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    client.setRequestMethod(request)
    return client.query().convert()


def refused(url: str, query: str, method=GET) -> urllib.error.HTTPError:
    with pytest.raises(urllib.error.HTTPError) as caught:
        ask(url, query, method=method)
    return caught.value


def isa_json(answer) -> list[str]:
    return [b["o"]["value"] for b in answer["results"]["bindings"]]


@pytest.mark.parametrize(
    "method, request_method", [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)]
)
def test_get_post_form_and_post_direct(endpoint, method, request_method):
    assert isa_json(ask(endpoint, ISA, JSON, method, request_method)) == [WSV]


def test_every_result_format(endpoint):
    ns = "http://www.w3.org/2005/sparql-results#"
    xml = ask(endpoint, ISA, XML)
    assert [u.firstChild.data for u in xml.getElementsByTagNameNS(ns, "uri")] == [WSV]
    rows = list(csv.reader(io.StringIO(ask(endpoint, ISA, CSV).decode("utf-8"))))
    assert rows == [["o"], [WSV]]
    assert ask(endpoint, ISA, TSV).decode("utf-8") == f"?o\n<{WSV}>\n"
    assert ask(endpoint, "ASK { ent:vitamin-b12 nnkg:isA ?o }", JSON)["boolean"] is True
    assert (
        ask(endpoint, "ASK { ent:myelin nnkg:isA ?o }", XML)
        .getElementsByTagNameNS(ns, "boolean")[0]
        .firstChild.data
        == "false"
    )


@pytest.mark.parametrize(
    "query, accept, content_type",
    [
        (ISA, None, "application/sparql-results+json"),
        (ISA, "application/json", "application/sparql-results+json"),
        (ISA, "application/sparql-results+xml", "application/sparql-results+xml"),
        (ISA, "application/json, text/csv", "text/csv; charset=utf-8"),
        (ISA, "text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("DESCRIBE ent:myelin", None, "text/turtle; charset=utf-8"),
        ("DESCRIBE ent:myelin", "application/*", "application/n-triples"),
    ],
)
def test_content_type_of_each_answer(endpoint, query, accept, content_type):
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(f"{endpoint}/sparql", params={"query": query}, headers=headers)
    assert (response.status_code, response.headers["content-type"]) == (200, content_type)


def test_construct_as_turtle(endpoint, union):
    from rdflib import Graph

    from kg.base.vocab import ENT, NNKG_NS

    data = ask(endpoint, "CONSTRUCT WHERE { ent:vitamin-b12 nnkg:prevents ?o }", TURTLE)
    graph = Graph().parse(data=data, format="turtle")
    assert set(graph) == set(union.triples((ENT["vitamin-b12"], NNKG_NS.prevents, None)))


def test_every_canned_query_as_on_the_command_line(endpoint, dataset):
    from kg.sparql.engines import MemoryEngine
    from kg.sparql.queries import canned_queries
    from kg.sparql.results import from_sparql_json
    from kg.sparql.run import run_query

    memory = MemoryEngine(dataset)
    for query in canned_queries():
        response = httpx.post(f"{endpoint}/sparql", data={"query": query.text}, timeout=30)
        assert response.status_code == 200, response.text
        assert from_sparql_json(response.content, "SELECT") == run_query(memory, query.text)


def test_update_load_and_service_are_refused(endpoint):
    update = refused(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", POST)
    assert update.code == 403 and b"read-only" in update.read()
    load = refused(endpoint, "LOAD <http://example.org/data.ttl>", POST)
    assert load.code == 403
    service = refused(endpoint, "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert service.code == 403 and b"SERVICE is refused" in service.read()
    for query, words in (
        ("LOAD <http://example.org/data.ttl>", "LOAD is a SPARQL update"),
        ("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", "FROM is refused"),
    ):
        response = httpx.get(f"{endpoint}/sparql", params={"query": query})
        assert response.status_code == 403 and words in response.text
    direct = httpx.post(
        f"{endpoint}/sparql",
        content="DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert direct.status_code == 403


def test_bad_requests_get_clear_4xx_answers(endpoint):
    url = f"{endpoint}/sparql"
    syntax = httpx.get(url, params={"query": "SELECT ?x WHERE { ?x"})
    assert syntax.status_code == 400 and "SPARQL syntax error at line 1" in syntax.text
    assert httpx.get(url).status_code == 400
    dataset = httpx.get(url, params={"query": ISA, "default-graph-uri": "urn:x"})
    assert dataset.status_code == 400 and "GRAPH" in dataset.text
    assert httpx.get(url, params={"query": ISA}, headers={"Accept": "image/png"}).status_code == 406
    wrong_type = httpx.post(url, content=ISA, headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415


def test_a_query_too_long_is_refused_with_413(endpoint):
    text = f"ASK {{}} #{'x' * 100_000}"
    response = httpx.post(
        f"{endpoint}/sparql", content=text, headers={"Content-Type": "application/sparql-query"}
    )
    assert (response.status_code, response.text) == (
        413,
        f"error: the query is {len(text):,} characters long; the limit is 100,000\n",
    )


def test_result_size_limit(endpoint):
    response = httpx.get(f"{endpoint}/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 413
    assert (
        response.text
        == "error: the answer has more than 1,000 rows, the limit: add LIMIT or narrow it\n"
    )
    assert isa_json(ask(endpoint, ISA)) == [WSV]  # and the server goes on


def from_address(address: str) -> httpx.Client:
    """An HTTP client whose requests come from ``address`` (any 127.x.y.z is this machine),
    so the server sees separate clients."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60)


def isa_from(client: httpx.Client, url: str) -> list[str]:
    response = client.get(f"{url}/sparql", params={"query": ISA})
    assert response.status_code == 200, response.text
    return isa_json(response.json())


def test_runaway_query_is_stopped_while_others_are_answered(strict_endpoint):
    with ThreadPoolExecutor(1) as background, from_address("127.0.0.3") as other:
        started = time.monotonic()
        runaway = background.submit(
            httpx.get, f"{strict_endpoint}/sparql", params={"query": RUNAWAY}, timeout=60
        )
        time.sleep(0.2)
        answers = [isa_from(other, strict_endpoint) for _ in range(5)]  # the other worker
        assert not runaway.done()
        response = runaway.result()
    assert time.monotonic() - started < 10
    assert response.status_code == 503
    assert response.text == "error: the query ran longer than the 1 s limit and was stopped\n"
    assert answers == [[WSV]] * 5
    assert isa_json(ask(strict_endpoint, ISA)) == [WSV]


def test_one_client_cannot_hold_every_worker(strict_endpoint):
    """As many slow queries as there are workers, from one client: another client is still
    answered at once, and the hog's second query waits for its first."""
    with (
        ThreadPoolExecutor(2) as background,
        from_address("127.0.0.2") as hog,
        from_address("127.0.0.3") as other,
    ):
        url = f"{strict_endpoint}/sparql"
        slow = [background.submit(hog.get, url, params={"query": RUNAWAY}) for _ in range(2)]
        time.sleep(0.3)
        started = time.monotonic()
        assert isa_from(other, strict_endpoint) == [WSV]
        waited = time.monotonic() - started
        statuses = [future.result().status_code for future in slow]
    assert waited < 0.9  # well before the 1 s time limit frees a worker
    assert statuses == [503, 503]  # both ran into the time limit, one after the other


def test_twenty_concurrent_clients(endpoint):
    formats = [JSON, XML, CSV, TSV]
    methods = [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)]

    def as_text(answer) -> str:
        if isinstance(answer, dict):
            return json.dumps(answer)
        return answer.decode("utf-8") if isinstance(answer, bytes) else answer.toxml()

    def client(i: int) -> bool:
        for j in range(5):
            method, request = methods[(i + j) % 3]
            assert WSV in as_text(ask(endpoint, ISA, formats[(i + j) % 4], method, request))
        return True

    with ThreadPoolExecutor(20) as pool:
        assert all(pool.map(client, range(20)))


def test_no_cross_origin_reads_by_default(endpoint):
    url = f"{endpoint}/sparql"
    simple = httpx.get(url, params={"query": ISA}, headers={"Origin": "https://evil.example"})
    assert simple.status_code == 200
    assert "access-control-allow-origin" not in simple.headers
    preflight = httpx.options(
        url,
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_the_one_origin_named(built, tmp_path):
    with nnkg_serve(built, "--cors", "https://example.org", cwd=tmp_path) as base:
        url = f"{base}/sparql"
        simple = httpx.get(url, params={"query": ISA}, headers={"Origin": "https://example.org"})
        assert simple.headers["access-control-allow-origin"] == "https://example.org"
        preflight = httpx.options(
            url,
            headers={
                "Origin": "https://example.org",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200
        assert "POST" in preflight.headers["access-control-allow-methods"]
        other = httpx.get(url, params={"query": ISA}, headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_cors_needs_an_origin(runner):
    from kg.cli import cli

    result = runner.invoke(cli, ["serve", "--cors", "example.org/page"])
    assert result.exit_code == 2
    assert "give an origin such as https://example.org" in result.output


def test_head_is_not_allowed_and_says_what_is(endpoint):
    response = httpx.head(f"{endpoint}/sparql", params={"query": ISA})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    put = httpx.put(f"{endpoint}/sparql", content=b"x")
    assert put.status_code == 405


def _whole_response(sock, start: bytes) -> bytes:
    """``start`` read on from ``sock`` until its head and its Content-Length of body are in
    (the first recv may hold only part of either)."""
    answer = start
    while True:
        head, blank, body = answer.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length: *(\d+)", head)
        if blank and len(body) >= (int(length.group(1)) if length else 0):
            return answer
        more = sock.recv(4096)
        if not more:
            return answer
        answer += more


def test_a_huge_body_is_refused_before_it_is_read(endpoint):
    """A chunked body of 100 MB: the answer (413) comes while it is still being sent."""
    import socket
    from urllib.parse import urlsplit

    from kg.endpoint.serve import MAX_BODY_BYTES

    where = urlsplit(endpoint)
    chunk = b"x" * 65_536
    sent, answer = 0, b""
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: nnkg\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\n"
        )
        sock.setblocking(False)
        while sent < 100_000_000 and not answer:
            with contextlib.suppress(BlockingIOError):
                answer = sock.recv(4096)
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            except (BlockingIOError, ConnectionError):
                time.sleep(0.01)
        sock.setblocking(True)
        answer = _whole_response(sock, answer)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert f"longer than {MAX_BODY_BYTES:,} bytes".encode() in answer
    assert sent < 20_000_000, sent  # answered after a few megabytes, not 100
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        sock.sendall(  # a declared length over the limit: answered before any body is sent
            b"POST /sparql HTTP/1.1\r\nHost: nnkg\r\nContent-Length: %d\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\n" % (MAX_BODY_BYTES + 1)
        )
        assert sock.recv(4096).startswith(b"HTTP/1.1 413")
    assert isa_json(ask(endpoint, ISA)) == [WSV]


def test_a_query_is_stopped_at_the_memory_limit(built, tmp_path):
    hog = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a"
    options = ("--store", "oxigraph", "--max-memory", "300", "--timeout", "120")
    with nnkg_serve(built, *options, cwd=tmp_path) as base:
        started = time.monotonic()
        response = httpx.get(f"{base}/sparql", params={"query": hog}, timeout=120)
        assert time.monotonic() - started < 60
        assert response.status_code == 503
        assert response.text == (
            "error: the query took more than 300 MB of memory and was stopped\n"
        )
        assert isa_json(httpx.get(f"{base}/sparql", params={"query": ISA}).json()) == [WSV]


def test_answer_bytes_are_capped(built, tmp_path):
    concat = "SELECT (GROUP_CONCAT(?q) AS ?all) WHERE { ?c nnkg:quote ?q }"
    with nnkg_serve(built, "--max-bytes", "10000", cwd=tmp_path) as base:
        response = httpx.get(f"{base}/sparql", params={"query": concat})
    assert response.status_code == 413
    assert "10,000" in response.text


def test_graph_page_and_query_page(endpoint, built):
    home = httpx.get(f"{endpoint}/")
    assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    assert home.content == (built / "nnkg.html").read_bytes()
    page = httpx.get(f"{endpoint}/query")
    assert page.status_code == 200
    for name in ("competency-01", "competency-05", "competency-12"):
        assert f'"name": "{name}"' in page.text
    assert "<script src" not in page.text and "<link" not in page.text  # self-contained
    examples = page.text.split('type="application/json">', 1)[1].split("</script>", 1)[0]
    assert len(json.loads(examples)) == 12


def test_without_a_graph_page_home_links_to_the_query_page():
    import asyncio

    from kg.endpoint.serve import create_app

    async def home() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(pool=None, view=None))
        async with httpx.AsyncClient(transport=transport, base_url="http://nnkg") as client:
            return await client.get("/")

    response = asyncio.run(home())
    assert response.status_code == 200 and "href='/query'" in response.text
