"""nnkg export: every format round-trips to the same graph, stdout or an atomic file."""

from __future__ import annotations

import json

import pytest
from rdfcompare import named_graphs, oxigraph_graphs
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import cli

GRAPH_FORMATS = {"ttl": "turtle", "nt": "nt"}
DATASET_FORMATS = {"trig": "trig", "jsonld": "json-ld"}


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_graph_formats_round_trip(runner, built, union, fmt):
    result = runner.invoke(cli, ["export", "--format", fmt, "--build", str(built)])
    assert result.exit_code == 0, result.output
    parsed = Graph().parse(data=result.stdout_bytes, format=GRAPH_FORMATS[fmt])
    assert isomorphic(parsed, union)


@pytest.mark.parametrize("fmt", sorted(DATASET_FORMATS))
def test_dataset_formats_keep_named_graphs(runner, built, dataset, fmt):
    result = runner.invoke(cli, ["export", "--format", fmt, "--build", str(built)])
    assert result.exit_code == 0, result.output
    parsed = Dataset()
    parsed.parse(data=result.stdout_bytes, format=DATASET_FORMATS[fmt])
    ours, theirs = named_graphs(dataset), named_graphs(parsed)
    assert set(theirs) == set(ours)
    for name in ours:
        assert isomorphic(theirs[name], ours[name]), name


def test_jsonld_and_nt_read_by_pyoxigraph_too(runner, built, union, dataset):
    nt = runner.invoke(cli, ["export", "--format", "nt", "--build", str(built)]).stdout_bytes
    assert isomorphic(oxigraph_graphs(nt, "N_TRIPLES")[None], union)
    jsonld = runner.invoke(cli, ["export", "--format", "jsonld", "--build", str(built)])
    theirs = oxigraph_graphs(jsonld.stdout_bytes, "JSON_LD")
    for name, graph in named_graphs(dataset).items():
        assert isomorphic(theirs[name], graph), name


def test_nt_is_sorted_and_jsonld_is_canonical(runner, built):
    nt = runner.invoke(cli, ["export", "--format", "nt", "--build", str(built)]).stdout
    lines = nt.splitlines()
    assert lines == sorted(lines)
    jsonld = runner.invoke(cli, ["export", "--format", "jsonld", "--build", str(built)]).stdout
    data = json.loads(jsonld)
    assert data["@context"]["ent"] == "https://w3id.org/nnkg/entity/"


def test_export_to_file(runner, built, tmp_path):
    target = tmp_path / "out" / "graph.ttl"
    result = runner.invoke(cli, ["export", "-o", str(target), "--build", str(built)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    assert target.read_bytes() == (built / "nnkg.ttl").read_bytes()


def test_export_without_a_build_folder_builds_in_memory(runner, built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export"])
    assert result.exit_code == 0
    assert result.stdout_bytes == (built / "nnkg.ttl").read_bytes()


def test_unknown_format_is_misuse(runner):
    result = runner.invoke(cli, ["export", "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_missing_build_folder_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["export", "--build", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {tmp_path / 'none' / 'nnkg.trig'}: no build here "
        f"(run 'nnkg build --out {tmp_path / 'none'}')\n"
    )


def test_corrupt_build_is_one_line(runner, tmp_path):
    from kg.base.manifest import write_build

    write_build(tmp_path, {"nnkg.trig": b"this is { not trig"})
    result = runner.invoke(cli, ["export", "--build", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'nnkg.trig'}: cannot parse")


def test_graphml_round_trip_keeps_nodes_edges_and_evidence(runner, built, quads, documents):
    import io

    import networkx as nx

    from kg.network.projection import claim_network

    result = runner.invoke(cli, ["export", "--format", "graphml", "--build", str(built)])
    assert result.exit_code == 0
    read = nx.read_graphml(io.BytesIO(result.stdout_bytes), force_multigraph=True)
    net = claim_network(quads)
    assert set(read.nodes) == set(net.nodes)
    assert {(u, v, k) for u, v, k in read.edges(keys=True)} == set(net.edges(keys=True))
    for u, v, k, data in read.edges(keys=True, data=True):
        ours = net.edges[u, v, k]
        assert data["label"] == ours["label"] and data["sign"] == ours["sign"]
        assert data["negated"] == ours["negated"] and data["claim_count"] == len(ours["claims"])
        evidence = json.loads(data["evidence"])
        assert [e["quote"] for e in evidence] == [c.quote for c in ours["claims"]]
        for e in evidence:
            assert documents[e["source"]][e["start"] : e["end"]] == e["quote"]
    assert read.nodes["https://w3id.org/nnkg/entity/vitamin-b12"]["label"] == "vitamin B12"
