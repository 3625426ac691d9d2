"""The Oxigraph store: the built graph bulk-loaded into a pyoxigraph store on disk.

It lives in ``.nnkg-cache/oxigraph/<fingerprint>``, the fingerprint a hash of the files the
graph comes from, so a store is reused until the build changes and two builds never share
one. It is bulk-loaded from the same graph as the memory store (the build's TriG, which
Oxigraph parses itself, or the in-memory build as N-Quads; named graphs kept), in a
temporary folder renamed into place, so a reader never sees half a store; and it is opened
read-only, so any number of processes can query it at once.

Its default graph holds the RDF merge of the named graphs, which is what queries see.
pyoxigraph 0.5's ``use_default_graph_as_union`` would count a triple once per named graph
that holds it (oxigraph issue #1919), and with several sources the same direct edge sits in
several graphs; a merged default graph keeps set semantics, as rdflib's union view does.
"""

from __future__ import annotations

import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

from .cache import DEFAULT_CACHE, graph_fingerprint, graph_inputs

__all__ = ["DEFAULT_CACHE", "ensure_store", "fingerprint", "open_store"]


def fingerprint(build_dir: Path | None = None) -> str:
    """A hash of everything the graph is made from, and of the pyoxigraph version."""
    return graph_fingerprint(build_dir, f"pyoxigraph {version('pyoxigraph')}")


def ensure_store(build_dir: Path | None = None, cache_root: Path | None = None) -> Path:
    """The folder of the store for this build, bulk-loading it first if it is not there."""
    target = Path(cache_root or DEFAULT_CACHE) / "oxigraph" / fingerprint(build_dir)
    if target.is_dir():
        return target
    import pyoxigraph as ox

    from .load import load_quads
    from .progress import Steps

    source = graph_inputs(build_dir)[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        store = ox.Store(str(scratch))
        merged = Path(source or ".") / "nnkg.ttl"  # a build's Turtle is exactly the merge
        with Steps("loading the Oxigraph store", 2) as step:
            if source is not None and merged.is_file():  # Oxigraph parses the build itself
                with step("named graphs"):
                    trig = Path(source) / "nnkg.trig"
                    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
                with step("their merge"):
                    store.bulk_load(path=str(merged), format=ox.RdfFormat.TURTLE)
            else:
                quads = load_quads(source)
                with step("named graphs"):
                    store.bulk_load(quads.nquads().encode(), ox.RdfFormat.N_QUADS)
                with step("their merge"):
                    store.bulk_load(quads.ntriples().encode(), ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes the store and releases its lock before the rename
        try:
            scratch.rename(target)
        except OSError:
            if not target.is_dir():  # not another process finishing the same store first
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def open_store(build_dir: Path | None = None, cache_root: Path | None = None):
    """The pyoxigraph Store for this build, read-only."""
    import pyoxigraph as ox

    return ox.Store.read_only(str(ensure_store(build_dir, cache_root)))
