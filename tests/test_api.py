"""The Python surface: every name ``kg`` lists is there (tests/test_cli.py checks that
importing it stays cheap)."""

from __future__ import annotations

import pytest

import kg


def test_every_exported_name_resolves():
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name


def test_dir_lists_the_exported_names():
    assert dir(kg) == sorted(kg.__all__)
    assert {"load_quads", "claim_network", "find_paths", "graph_stats"} <= set(dir(kg))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        kg.no_such_name  # noqa: B018


def test_the_readme_example_runs_from_the_package_top():
    from kg import claim_network, find_paths, load_quads

    net = claim_network(load_quads())
    b12, serotonin = (
        "https://w3id.org/nnkg/entity/vitamin-b12",
        "https://w3id.org/nnkg/entity/serotonin",
    )
    (best, *_) = find_paths(net, b12, serotonin)
    assert [h.object for h in best.hops][-1] == serotonin
