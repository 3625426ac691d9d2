"""Interchange at scale: the KGX export, its Biolink check and the KGX import, in one run.

    python bench/interop.py --sizes 10k,100k,1m

For each size it generates a synthetic corpus (bench/generate.py) and builds it, then runs,
each in a fresh process as a user would: `nnkg export --format kgx` (rows/s, peak RSS), the
same with `--check` (the offline Biolink check on top), `nnkg import kgx` of that export
(edges/s, peak RSS; with the input bounds raised, as a user importing a large export
would; duplicate claims of the synthetic corpus are left out, with a line
each), and `nnkg build --sources` of the imported folder beside the corpus (the round
trip's claims in a build). Figures, never assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

#: One nnkg command in a fresh process: its wall time and the process's peak RSS.
RUN = """
import json, resource, sys, time
from kg.cli import cli
started = time.perf_counter()
try:
    code = cli.main(sys.argv[1:], prog_name="nnkg", standalone_mode=False)
finally:
    print(json.dumps({"seconds": time.perf_counter() - started,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
sys.exit(code if isinstance(code, int) else 0)
"""
#: A 1M-triple export is past the default bounds on an input file (16 MB) and on the values
#: of one curator YAML file (1,000,000): raised, as a user importing a large export would.
LIMITS = {"NNKG_MAX_FILE_MB": "1024", "NNKG_YAML_MAX_VALUES": "100000000"}


def _size(text: str) -> int:
    units = {"k": 1_000, "m": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].lower()]) if text[-1].isalpha() else int(text)


def _nnkg(*args: str | Path) -> dict:
    """Run ``nnkg ARGS`` in a fresh process: its figures (the last line printed) and what
    the command itself printed (``out``). It runs in the checkout, so the lexicon cache in
    .nnkg-cache/ is the warm one a user has after the first ingest or import."""
    done = subprocess.run([sys.executable, "-c", RUN, *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **LIMITS})  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"nnkg {' '.join(map(str, args))} failed:\n{done.stderr}")
    *said, figures = done.stdout.splitlines()
    return {**json.loads(figures), "out": "\n".join([*said, done.stderr])}


def _triples(run: dict) -> int:
    """The count in `nnkg build`'s last line, 'built N triples: ...'."""
    return int(re.search(r"built (\d+) triples", run["out"]).group(1))


def _rate(count: int, run: dict) -> str:
    return f"{run['seconds']:.1f} s = {count / run['seconds']:,.0f}/s"


def measure(triples: int, work: Path) -> dict[str, str]:
    from generate import generate

    corpus, build = work / "corpus", work / "build"
    generate(corpus, triples)
    built = _nnkg("build", "--out", build, "--sources", corpus)
    row = {"triples": f"{_triples(built):,}", "build": f"{built['seconds']:.1f} s"}

    kgx = work / "kgx"
    export = _nnkg("export", "--format", "kgx", "-o", kgx, "--build", build)
    counts = json.loads((kgx / "metadata.json").read_text(encoding="utf-8"))["counts"]
    edges = counts["edges"]
    row["KGX nodes / edges"] = f"{counts['nodes']:,} / {edges:,}"
    row["export --format kgx"] = _rate(edges, export) + " edges"
    row["  export peak RSS"] = f"{export['rss_mb']:,.0f} MB"
    checked = _nnkg("export", "--format", "kgx", "-o", kgx, "--check", "--build", build)
    row["export --check (Biolink)"] = f"{checked['seconds']:.1f} s"
    row["  check peak RSS"] = f"{checked['rss_mb']:,.0f} MB"

    mine = work / "imported"
    imported = _nnkg("import", "kgx", kgx / "nodes.tsv", kgx / "edges.tsv", "--id", "kgx-round",
                     "--out", mine, "--sources", corpus)  # fmt: skip
    claims = int(re.search(r"imported (\d+) claim", imported["out"]).group(1))
    row["import kgx"] = _rate(edges, imported) + " edges"
    row["  import peak RSS"] = f"{imported['rss_mb']:,.0f} MB"
    row["  claims imported"] = f"{claims:,} of {edges:,}"
    both = _nnkg("build", "--out", work / "both", "--sources", corpus, "--sources", mine)
    row["build with the import"] = f"{both['seconds']:.1f} s, {_triples(both):,} triples"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k", help="comma-separated, e.g. 10k,100k,1m")
    args = parser.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",")]
    table: dict[str, dict[str, str]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            table[size] = measure(_size(size), Path(tmp))
    keys = list(next(iter(table.values())))
    width = max(map(len, keys))
    print(f"{'':<{width}}  " + "  ".join(f"{s:>28}" for s in sizes))
    for key in keys:
        print(f"{key:<{width}}  " + "  ".join(f"{table[s][key]:>28}" for s in sizes))


if __name__ == "__main__":
    main()
