"""The Oxigraph store: the built graph bulk-loaded into a pyoxigraph store on disk.

It lives in ``.nnkg-cache/oxigraph/<key>/``, the key a hash of the files the graph comes
from (:func:`kg.graph.cache_key`), so a store is reused until the build changes and two
builds never share one. It is bulk-loaded from the same graph as the memory store (the
build's TriG and Turtle as verified against the manifest, or the in-memory build as
N-Quads; named graphs kept) into a scratch folder renamed into place, so a reader never
sees half a store; and it is opened read-only, so any number of processes can query it.

The entry holds the store (``db/``) and ``files.json``, the size of each of the store's
files, written as the last step before the rename. A store whose files are missing or of
another size, or that Oxigraph cannot open, is damaged: it is removed and loaded anew,
with one warning on stderr. A scratch folder is locked while it is loaded
(:mod:`kg.base.locks`), so one that a killed load left behind is removed by the next run, and
another process's load in progress never is.

Its default graph holds the RDF merge of the named graphs, which is what queries see.
pyoxigraph 0.5's ``use_default_graph_as_union`` would count a triple once per named graph
that holds it (oxigraph issue #1919), and with several sources the same direct edge sits in
several graphs; a merged default graph keeps set semantics, as rdflib's union view does.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from kg.base.errors import NnkgError, one_line
from kg.base.locks import create_locked, sweep
from kg.base.manifest import VerifiedBuild
from kg.graph import cache_entry, cache_key

__all__ = [
    "STORE_FILES",
    "StoreError",
    "discard_store",
    "ensure_store",
    "fingerprint",
    "open_store",
    "store_damage",
]

#: The build files a store is loaded from: the named graphs and their merge.
STORE_FILES = ("nnkg.trig", "nnkg.ttl")
_DB, _RECORD, _SCRATCH = "db", "files.json", ".nnkg-scratch"
_UNRECORDED = ("LOG", "LOCK")  # RocksDB's own log and lock files, which need not last


class StoreError(NnkgError):
    """The Oxigraph store could not be opened even when freshly loaded."""


#: What shapes a store besides the graph: the pyoxigraph version and the store's layout.
_SALT = f"pyoxigraph {version('pyoxigraph')} db"


def fingerprint(build: Path | VerifiedBuild | None = None) -> str:
    """The key of the store of ``build`` (see :func:`kg.graph.cache_key`)."""
    from kg.graph import open_build

    return cache_key(open_build(build, STORE_FILES), _SALT)


def _record(db: Path) -> dict[str, int]:
    return {
        str(path.relative_to(db)): path.stat().st_size
        for path in sorted(db.rglob("*"))
        if path.is_file() and not path.name.startswith(_UNRECORDED)
    }


def store_damage(store_dir: Path) -> str | None:
    """Why the store in ``store_dir`` (as :func:`ensure_store` returns it) is damaged, or
    None when every file recorded at its loading is there with its size."""
    store_dir = Path(store_dir)
    try:
        recorded = json.loads((store_dir.parent / _RECORD).read_bytes())
        for name, size in recorded.items():
            actual = (store_dir / name).stat().st_size
            if actual != size:
                return f"{name} holds {actual} bytes, not {size}"
    except FileNotFoundError as exc:
        return f"{Path(exc.filename).name} is missing"
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        return f"{_RECORD} is unreadable: {one_line(exc)}"
    return None


def discard_store(store_dir: Path, why: str) -> None:
    """Remove the damaged store in ``store_dir`` (as :func:`ensure_store` returns it), with
    one warning on stderr saying ``why``, so that the next :func:`ensure_store` loads it
    anew. A query that fails with a storage error (RuntimeError or OSError from
    pyoxigraph) has met a damaged store too."""
    entry = Path(store_dir).parent
    if Path(store_dir).name != _DB:
        raise ValueError(f"{store_dir} is not a store folder of kg.sparql.store")
    print(
        f"warning: the Oxigraph store {entry} is damaged ({why}); loading it anew",
        file=sys.stderr,
    )
    grave = entry.with_name(f".{entry.name}.{secrets.token_hex(4)}{_SCRATCH}")
    try:
        entry.rename(grave)  # out of readers' way at once; a sweep finishes a killed removal
    except FileNotFoundError:  # another process removed it first
        return
    shutil.rmtree(grave, ignore_errors=True)


def _is_scratch(name: str) -> bool:
    return name.startswith(".") and name.endswith(_SCRATCH)


def _load(view: VerifiedBuild | None, target: Path) -> None:
    """Bulk-load the graph into a locked scratch folder, record its files, rename it to
    ``target``."""
    import pyoxigraph as ox

    from kg.base.progress import Steps
    from kg.graph import load_quads

    def make() -> tuple[Path, int]:
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=_SCRATCH, dir=root))
        return scratch, os.open(scratch, os.O_RDONLY | os.O_CLOEXEC)

    root = target.parent
    root.mkdir(parents=True, exist_ok=True)
    scratch, fd = create_locked(make)
    try:
        store = ox.Store(str(scratch / _DB))
        with Steps("loading the Oxigraph store", 2) as step:
            if view is not None:  # Oxigraph parses the verified bytes of the build itself
                with step("named graphs"):
                    store.bulk_load(view.read("nnkg.trig"), ox.RdfFormat.TRIG)
                with step("their merge"):  # a build's Turtle is exactly the merge
                    store.bulk_load(view.read("nnkg.ttl"), ox.RdfFormat.TURTLE)
            else:
                quads = load_quads(None)
                with step("named graphs"):
                    store.bulk_load(quads.nquads().encode(), ox.RdfFormat.N_QUADS)
                with step("their merge"):
                    store.bulk_load(quads.ntriples().encode(), ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes the store and releases its lock before the rename
        (scratch / _RECORD).write_text(json.dumps(_record(scratch / _DB), sort_keys=True))
        try:
            scratch.rename(target)
        except OSError:
            if not target.is_dir():  # not another process finishing the same store first
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # gone already once renamed
        os.close(fd)


def ensure_store(build: Path | VerifiedBuild | None = None, cache_root: Path | None = None) -> Path:
    """The folder of the store for this build (a folder or a view from
    :func:`kg.graph.open_build`), bulk-loading it first if it is missing or damaged."""
    from kg.graph import open_build

    view = open_build(build, STORE_FILES)
    target = cache_entry("oxigraph", view, _SALT, cache_root)
    sweep(target.parent, _is_scratch)  # what killed loads left behind
    if target.is_dir():
        why = store_damage(target / _DB)
        if why is None:
            return target / _DB
        discard_store(target / _DB, why)
    _load(view, target)
    return target / _DB


def open_store(build: Path | VerifiedBuild | None = None, cache_root: Path | None = None):
    """The pyoxigraph Store for this build, read-only; one that Oxigraph finds damaged
    is loaded anew."""
    import pyoxigraph as ox

    from kg.graph import open_build

    view = open_build(build, STORE_FILES)
    for attempt in range(2):
        path = ensure_store(view, cache_root)
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
            if attempt:
                raise StoreError(
                    f"{path}: cannot open the Oxigraph store: {one_line(exc)}"
                ) from None
            discard_store(path, one_line(exc, 160))
