"""Property tests: any well-formed claims round-trip through every format and through a
second parser; hostile input never escapes as a traceback."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from conftest import tiny_claims, write_source
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdfcompare import named_graphs, oxigraph_graphs, union_graph
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.curation.corpus import curate
from kg.export import write
from kg.rdf.claims import corpus_quads
from kg.rdf.dataset import quads_dataset

ENTITIES = ["vitamin-b12", "myelin", "methylation", "serotonin", "nerve-health", "egg"]
# Any Unicode scalar value except surrogates (not encodable) and the C0 controls other than
# tab and newline, which YAML cannot carry in a plain document.
TEXT = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(map(chr, range(0, 9))) + "\x0b\x0c\x0e\x0f\x7f",
)


@st.composite
def sources(draw):
    document = draw(st.text(TEXT, min_size=8, max_size=120))
    claims = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(document) - 2))
        end = draw(st.integers(start + 1, len(document)))
        quote = document[start:end]
        assume(quote.strip())
        a = draw(st.integers(0, len(quote) - 1))
        mention = quote[a : draw(st.integers(a + 1, len(quote)))]
        assume(mention.strip())
        claims.append({
            "subject": draw(st.sampled_from(ENTITIES)),
            "predicate": "promotes",
            "object": draw(st.sampled_from(ENTITIES)),
            "quote": quote, "start": start, "end": end,
            "subject_text": mention, "object_text": mention,
            "certainty": draw(st.sampled_from(["asserted", "hedged"])),
            "negated": draw(st.booleans()),
            "certainty_note": "property test",
        })  # fmt: skip
    keys = {(c["subject"], c["object"], c["start"], c["end"]) for c in claims}
    assume(len(keys) == len(claims))
    # PyYAML folds YAML 1.1 line breaks (NEL, LS, PS) inside scalars it wrote itself; a
    # quote it cannot carry is a limit of the test's writer, not of nnkg.
    assume(yaml.safe_load(yaml.safe_dump(claims, allow_unicode=True)) == claims)
    return document, claims


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources())
def test_any_valid_claims_round_trip_every_format(source):
    document, claims = source
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_source(Path(tmp) / "prop-source", document, claims)
        report = curate([folder], include_packaged=False)
        assert report.problems == []
        quads = corpus_quads(report.corpus)
    dataset = quads_dataset(quads)
    union = union_graph(dataset)
    quotes = {str(o) for o in union.objects(None, None) if str(o) in {c["quote"] for c in claims}}
    assert quotes == {c["quote"] for c in claims}

    for fmt, rdflib_name in (("ttl", "turtle"), ("nt", "nt")):
        data = write(quads, fmt)
        assert isomorphic(Graph().parse(data=data, format=rdflib_name), union), fmt
        assert isomorphic(
            oxigraph_graphs(data, {"ttl": "TURTLE", "nt": "N_TRIPLES"}[fmt])[None], union
        )
    for fmt, rdflib_name in (("trig", "trig"), ("jsonld", "json-ld")):
        data = write(quads, fmt)
        parsed = Dataset()
        parsed.parse(data=data, format=rdflib_name)
        ours = named_graphs(dataset)
        theirs = named_graphs(parsed)
        assert all(isomorphic(theirs[n], g) for n, g in ours.items()), fmt
    trig = oxigraph_graphs(write(quads, "trig"), "TRIG")
    assert all(isomorphic(trig[n], g) for n, g in named_graphs(dataset).items())


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers()),
)  # fmt: skip
FIELDS = st.sampled_from(
    ["subject", "predicate", "object", "quote", "start", "end", "subject_text", "object_text",
     "certainty", "negated", "certainty_note", "population", "exposure", "qualifier_text",
     "bogus"]
)  # fmt: skip


def _validate(folder: Path):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["validate", "--sources", str(folder)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert all(line.startswith("error: ") for line in result.stderr.splitlines())
    return result


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(FIELDS, VALUES, max_size=12), max_size=4))
def test_hostile_claim_records_give_clean_errors(records):
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_source(Path(tmp) / "hostile", "Some text.\n", tiny_claims())
        (folder / "claims.yaml").write_text(yaml.safe_dump(records), encoding="utf-8")
        _validate(folder)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_hostile_yaml_text_gives_clean_errors(text):
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_source(Path(tmp) / "hostile", "Some text.\n", tiny_claims())
        (folder / "claims.yaml").write_text(text, encoding="utf-8")
        (folder / "source.yaml").write_text(
            (folder / "source.yaml").read_text(encoding="utf-8") + text[:20], encoding="utf-8"
        )
        _validate(folder)


# ---------------------------------------------------------------- hostile input, bounded work


@st.composite
def anchored_yaml(draw) -> str:
    """A small flow-style YAML document with anchors and aliases, some of them loops."""
    names = iter(f"a{i}" for i in range(1000))
    closed: list[str] = []
    open_: list[str] = []

    def node(depth: int) -> str:
        kind = draw(
            st.sampled_from(
                ["scalar", "alias", "list", "map"] if depth < 5 else ["scalar", "alias"]
            )
        )
        if kind == "alias" and closed + open_:
            return "*" + draw(st.sampled_from(closed + open_))
        anchor = next(names) if draw(st.booleans()) else None
        prefix = f"&{anchor} " if anchor else ""
        if kind in ("scalar", "alias"):
            text = prefix + "x"
        else:
            if anchor:
                open_.append(anchor)
            items = [node(depth + 1) for _ in range(draw(st.integers(0, 4)))]
            if anchor:
                open_.remove(anchor)
            if kind == "list":
                text = prefix + "[" + ", ".join(items) + "]"
            else:
                text = prefix + "{" + ", ".join(f"k{i}: {v}" for i, v in enumerate(items)) + "}"
        if anchor:
            closed.append(anchor)
        return text

    return node(0)


def _measure(text: str) -> tuple[int, int, int | None]:
    """Depth, nodes and size with aliases expanded (None for a loop), from PyYAML's own
    composed graph: independent of nnkg's event count."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    seen: set[int] = set()

    def children(node):
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if isinstance(node, yaml.MappingNode):
            return [part for pair in node.value for part in pair]
        return []

    def walk(node, depth: int) -> tuple[int, int]:  # text depth and nodes, each node once
        if id(node) in seen:
            return 0, 0
        seen.add(id(node))
        deepest, count = depth if children(node) or not isinstance(node, yaml.ScalarNode) else 0, 1
        for child in children(node):
            d, c = walk(child, depth + 1)
            deepest, count = max(deepest, d), count + c
        return deepest, count

    def expanded(node, path: frozenset) -> int | None:
        if id(node) in path:
            return None
        sizes = [expanded(child, path | {id(node)}) for child in children(node)]
        return None if None in sizes else 1 + sum(sizes)

    depth, nodes = walk(root, 1)
    return depth, nodes, expanded(root, frozenset())


@settings(max_examples=300, deadline=None)
@given(anchored_yaml(), st.integers(1, 6), st.integers(1, 60), st.integers(0, 60))
def test_the_yaml_budget_counts_what_expansion_would_cost(text, depth, values, aliases):
    from unittest import mock

    from kg.curation.yamlbudget import BudgetExceeded, check_budget

    deepest, nodes, size = _measure(text)
    limits = {"NNKG_YAML_MAX_DEPTH": str(depth), "NNKG_YAML_MAX_VALUES": str(values),
              "NNKG_YAML_MAX_ALIAS_VALUES": str(max(aliases, 1))}  # fmt: skip
    over = size is None or deepest > depth or nodes > values or size - nodes > max(aliases, 1)
    with mock.patch.dict(os.environ, limits):
        try:
            check_budget(yaml.parse(text, Loader=yaml.CSafeLoader))
        except BudgetExceeded as exc:
            assert over, (str(exc), deepest, nodes, size)
            assert "\n" not in str(exc) and exc.line == 1
        else:
            assert not over, (deepest, nodes, size)


NESTED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=20)
    | st.dictionaries(st.text(max_size=50), inner, max_size=20),
    max_leaves=200,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(NESTED, st.integers(1, 5000))
def test_a_shown_value_is_short_however_big(value, repeat):
    from kg.base.errors import VALUE_LIMIT, shown

    for candidate in (value, [value] * repeat, str(value) * repeat):
        assert len(shown(candidate)) <= VALUE_LIMIT


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.integers(0, 10**9), st.text(max_size=500), st.text(max_size=2000))
def test_a_problem_is_one_bounded_line(file, line, key, message):
    from kg.base.errors import LINE_LIMIT, Problem

    shown = str(Problem(file, line, key, message))
    assert len(shown.splitlines()) <= 1
    assert len(shown) <= LINE_LIMIT


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["source.yaml", "document.txt", "claims.yaml", "entities.yaml"]),
       st.binary(max_size=400))  # fmt: skip
def test_any_bytes_in_any_curator_file_give_clean_errors(name, data):
    from kg.base.errors import LINE_LIMIT

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_source(Path(tmp) / "hostile", "Some text.\n", tiny_claims())
        (folder / name).write_bytes(data)
        result = _validate(folder)
        assert all(len(line) <= len("error: ") + LINE_LIMIT for line in result.stderr.splitlines())
