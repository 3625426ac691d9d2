"""Shared fixtures: the checkout's paths, a CLI runner, the built graph, a tiny source."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import settings

# CI (CI=true) draws the same examples on every run, so a red CI is a regression, never luck;
# developers draw fresh ones, and run a few seeds before they stop
# (pytest --hypothesis-seed=N): a failure there is a bug to fix, never a seed to pin.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "b12-electrical-nerve-balance"
SEED_DIR = ROOT / "sources" / SEED_ID
SHARED_SEED = ROOT.parent / "shared" / "seed" / f"{SEED_ID}.txt"

TINY_DOC = "Vitamin B12 is essential for the synthesis of myelin. Eggs supply B12.\n"


def query_threads_end(within: float = 5.0, what: str = "after the test") -> None:
    """Wait up to ``within`` seconds for every query's deep-stack thread to end, else fail."""
    import threading
    import time

    deadline = time.monotonic() + within
    while any(t.name == "nnkg-deep-stack" for t in threading.enumerate()):
        assert time.monotonic() < deadline, f"a query's thread ran on ({what})"
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def no_query_runs_on():
    """Fail the test that leaves a query's thread running: one that ran on unseen once
    gathered rows until the machine ran out of memory, many tests later."""
    yield
    query_threads_end()


@pytest.fixture(scope="session")
def lexicon():
    """The lexicon of standard terms, from its cache (built on first use)."""
    from kg.ingest.lexicon import Lexicon

    return Lexicon.load()


@pytest.fixture(scope="session")
def known(tmp_path_factory):
    """What the packaged graph has, for drafts made against it alone."""
    from kg.ingest.known import load_known

    return load_known(tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="session")
def triples(known, lexicon):
    """The (subject text, predicate, object text) of each candidate drafted from a
    document against the packaged graph."""
    from kg.ingest.draft import draft_claims

    def run(document: str) -> set[tuple[str, str, str]]:
        drafted = draft_claims(document, known, lexicon).candidates
        return {(c.subject.text, c.predicate, c.object.text) for c in drafted}

    return run


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A fresh ``nnkg build`` of the packaged sources, in a temp folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("build")
    build(out)
    return out


@pytest.fixture(scope="session")
def dataset(built):
    from kg.graph import load_dataset

    return load_dataset(built)


@pytest.fixture(scope="session")
def union(dataset):
    from rdfcompare import union_graph

    return union_graph(dataset)


@pytest.fixture(scope="session")
def quads(built):
    """The fresh build's quads, as the library reads a build."""
    from kg.graph import load_quads

    return load_quads(built)


@pytest.fixture(scope="session")
def net(quads):
    """The claim network of the fresh build."""
    from kg.network.projection import claim_network

    return claim_network(quads)


@pytest.fixture(scope="session")
def seed_claims() -> list[dict]:
    """The seed's claims as plain YAML, read independently of nnkg's loader."""
    return yaml.safe_load((SEED_DIR / "claims.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_document() -> str:
    return (SEED_DIR / "document.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def documents() -> dict[str, str]:
    """Every packaged source's document, by source id."""
    return {
        p.parent.name: p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "sources").glob("*/document.txt"))
    }


@pytest.fixture(scope="session")
def packaged_claims() -> list[dict]:
    """Every packaged claim (plain YAML), each with its source id under "source"."""
    return [
        {**claim, "source": p.parent.name}
        for p in sorted((ROOT / "sources").glob("*/claims.yaml"))
        for claim in yaml.safe_load(p.read_text(encoding="utf-8"))
    ]


def write_source(folder: Path, document: str, claims: list[dict], **meta) -> Path:
    """Write a complete source folder (source.yaml, document.txt, claims.yaml)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "document.txt").write_bytes(document.encode("utf-8"))
    info = {
        "id": folder.name,
        "title": "A tiny test source",
        "kind": "FactSheet",
        "sha256": hashlib.sha256(document.encode("utf-8")).hexdigest(),
        **meta,
    }
    (folder / "source.yaml").write_text(yaml.safe_dump(info, sort_keys=False), encoding="utf-8")
    (folder / "claims.yaml").write_text(
        yaml.safe_dump(claims, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return folder


def tiny_claims() -> list[dict]:
    quote = "Vitamin B12 is essential for the synthesis of myelin"
    eggs = "Eggs supply B12"
    return [
        {
            "subject": "vitamin-b12",
            "predicate": "requiredFor",
            "object": "myelin-synthesis",
            "quote": quote,
            "start": 0,
            "end": len(quote),
            "subject_text": "Vitamin B12",
            "object_text": "the synthesis of myelin",
            "certainty": "asserted",
            "negated": False,
        },
        {
            "subject": "egg",
            "predicate": "sourceOf",
            "object": "vitamin-b12",
            "quote": eggs,
            "start": TINY_DOC.index(eggs),
            "end": TINY_DOC.index(eggs) + len(eggs),
            "subject_text": "Eggs",
            "object_text": "B12",
            "certainty": "asserted",
            "negated": False,
        },
    ]


@pytest.fixture
def tiny_source(tmp_path) -> Path:
    """A valid extra source folder ``tiny-test`` with two claims; tests break it on purpose."""
    return write_source(tmp_path / "extra" / "tiny-test", TINY_DOC, tiny_claims())


@pytest.fixture
def ontology_copy(tmp_path) -> Path:
    """A writable copy of the ontology folder."""
    return Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
