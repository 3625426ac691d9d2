"""Hostile curator input, generated: each case through ``nnkg validate`` and ``nnkg build``
in a child process, under a time limit and a memory measure.

For every case: no traceback, no hang, exit 1 for bad data (0 for data still good, 2 only
for misuse), validate and build agree (every check build relies on runs in validate), no
stderr line over :data:`MAX_LINE`, the child's peak RSS under :data:`MAX_RSS`, and a failed
build leaves the previous build untouched.

The designed cases reproduce every report (bombs, FIFOs, devices, links, misspelt names,
encodings, ...); on top come ``NNKG_HOSTILE_CASES`` random mutations, seeded, so CI runs the
same list every time (``NNKG_HOSTILE_SEED`` picks another list). The summary is written to
``hostile-summary.txt`` in the test's temp folder and printed (see it with ``-s``).

Each command runs in a child forked from the test process rather than a new interpreter:
the child inherits the imported modules, so a case costs only its own work (a fresh
interpreter spends a second or more importing click, rdflib and pyshacl, which would cut the
cases CI can afford by half or more), yet it is a process of its own: its exit code, its
stderr, its peak RSS (``os.wait4``) and a kill on timeout are all real. Its RSS includes
the pages it shares with the test process; the summary gives that baseline too.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from conftest import TINY_DOC, tiny_claims, write_source

#: Random mutations on top of the designed cases (CI size; raise it for a longer hunt).
RANDOM_CASES = int(os.environ.get("NNKG_HOSTILE_CASES", "30"))
SEED = int(os.environ.get("NNKG_HOSTILE_SEED", "20251201"))
TIMEOUT = 30.0  # seconds per command
MAX_LINE = 400  # characters per stderr line
MAX_RSS = 1 << 30  # bytes, a child's peak resident memory
#: A child's address space may grow this much past the test process's before its
#: allocations fail: a guard for the shared machine should a case run away.
AS_HEADROOM = 3 << 30

DOC = TINY_DOC + "Café, naïve — “B12” ≠ B₁₂.\n"
FILES = ("source.yaml", "document.txt", "claims.yaml", "entities.yaml")
YAML_FILES = ("source.yaml", "claims.yaml", "entities.yaml")
NEW_ENTITY = {
    "id": "myelin-repair",
    "label": "myelin repair",
    "type": "BiologicalProcess",
    "xrefs": [{"curie": "GO:0032292", "match": "close", "seen_in": "hostile test"}],
}
BOMB = (
    "[&a [lol, lol, lol, lol, lol, lol, lol, lol, lol], "
    + ", ".join(
        f"&{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]"
)

#: A million values less a few, the most nnkg composes by default (its memory worst case);
#: then a million and one, refused before composing.
ALMOST = b"[" + b"{}," * 999_990 + b"]"
PAST = b"[" + b"a," * 1_000_001 + b"]"


def base_source(folder: Path) -> Path:
    """A valid source with a document beyond ASCII and an entity of its own."""
    claims = tiny_claims()
    claims[0]["object"] = NEW_ENTITY["id"]
    write_source(folder, DOC, claims)
    (folder / "entities.yaml").write_text(yaml.safe_dump([NEW_ENTITY], sort_keys=False))
    return folder


@dataclass
class Case:
    """One hostile folder: how to make it, what exit it deserves, what to pass."""

    name: str
    make: Callable[[random.Random, Path], None]  # breaks the source folder it is given
    expect: int | None  # 1 bad data, 0 still good, 2 misuse, None: 0 or 1 (unknown)
    root: str = "srcs"  # what --sources names, relative to the case folder
    env: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- what a file can become


def _replace(kind: str) -> Callable[[random.Random, Path], None]:
    def make(rng: random.Random, path: Path) -> None:
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "loop":
            path.symlink_to(path.name)
        elif kind == "dangling":
            path.symlink_to("nowhere-" + path.name)
        elif kind.startswith("/dev/"):
            path.symlink_to(kind)
        elif kind == "misspelt":
            stem, suffix = path.name.split(".")
            other = "yml" if suffix == "yaml" else "text"
            near = rng.choice([f"{stem}.{other}", f"{stem.title()}.{suffix}", f"{stem}s.{suffix}"])
            (path.parent / near).write_bytes(ORIGINAL[path.name])
        # "missing": nothing

    return make


def _linked_copy(rng: random.Random, path: Path) -> None:
    """A link to a good copy elsewhere: links to regular files are fine."""
    target = path.parent.parent.parent / f"elsewhere-{path.name}"
    target.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(target)


def _bytes(
    change: Callable[[random.Random, bytes], bytes],
) -> Callable[[random.Random, Path], None]:
    def make(rng: random.Random, path: Path) -> None:
        path.write_bytes(change(rng, path.read_bytes()))

    return make


def _flip(rng, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert(chunk: bytes):
    def change(rng, data: bytes) -> bytes:
        at = rng.randrange(len(data) + 1)
        return data[:at] + chunk + data[at:]

    return change


def _value(text: str, key: str = ""):
    """Put ``text`` (YAML) as the value of field ``key`` (default: one chosen at random)."""

    def change(rng, data: bytes) -> bytes:
        lines = data.decode("utf-8").split("\n")
        fields = [i for i, line in enumerate(lines) if ": " in line]
        keyed = [i for i in fields if lines[i].lstrip("- ").startswith(f"{key}: ")]
        i = keyed[0] if key else rng.choice(fields)
        lines[i] = lines[i].split(": ", 1)[0] + ": " + text
        return "\n".join(lines).encode("utf-8")

    return change


def _deep(rng, data: bytes) -> bytes:
    depth = rng.choice([63, 70, 500, 5000])
    return _value("[" * depth + "]" * depth)(rng, data)


def _odd_char(rng, data: bytes) -> bytes:
    char = rng.choice(["\u2028", "\x85", "\ufeff", "\x7f", "\t", "\x1b", "\ufffe", "\U0001f600"])
    return _insert(char.encode("utf-8"))(rng, data)


def _swap_type(rng, data: bytes) -> bytes:
    values = [None, True, 0, -1, 10**30, 1.5, "", "x", [], {}, ["a", ["b"]], {"k": {"k": 1}},
              "2001-12-14", "0x1F", "~", "yes", "Entity", "vitamin-b12", "…" * 100]  # fmt: skip
    parsed = yaml.safe_load(data)
    record = rng.choice(parsed) if isinstance(parsed, list) else parsed
    record[rng.choice(sorted(record))] = rng.choice(values)
    return yaml.safe_dump(parsed, allow_unicode=True).encode("utf-8")


def _duplicate_line(rng, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    return b"\n".join(lines[: i + 1] + lines[i:])


MUTATIONS: dict[str, Callable] = {
    "flip": _flip,
    "truncate": lambda rng, data: data[: rng.randrange(len(data))],
    "swap-type": _swap_type,
    "huge-value": lambda rng, data: _value("x" * rng.choice([100_000, 3_000_000]))(rng, data),
    "deep": _deep,
    "bomb": _value(BOMB),
    "duplicate-line": _duplicate_line,
    "bad-utf8": lambda rng, data: _insert(bytes([rng.randrange(0x80, 0x100)]))(rng, data),
    "bom": lambda rng, data: b"\xef\xbb\xbf" + data,
    "nul": _insert(b"\x00"),
    "crlf": lambda rng, data: data.replace(b"\n", b"\r\n"),
    "utf-16": lambda rng, data: data.decode("utf-8").encode("utf-16"),
    "utf-32": lambda rng, data: data.decode("utf-8").encode("utf-32"),
    "cp1252": lambda rng, data: data.decode("utf-8").encode("cp1252", errors="replace"),
    "odd-char": _odd_char,
}  # fmt: skip
YAML_ONLY = {"swap-type", "huge-value", "deep", "bomb"}


# ---------------------------------------------------------------- the case list


def designed_cases() -> list[Case]:
    cases = []
    kinds = ["fifo", "folder", "loop", "dangling", "/dev/zero", "/dev/urandom", "/dev/null",
             "missing", "misspelt"]  # fmt: skip
    for name in FILES:
        for kind in kinds:
            cases.append(Case(f"{name} is {kind}", _at(name, _replace(kind)), 1))
        cases.append(Case(f"{name} links to a good copy", _at(name, _linked_copy), 0))
        cases.append(Case(f"{name} not UTF-8", _at(name, _bytes(_insert(b"\xff"))), 1))
        cases.append(Case(f"{name} in UTF-16", _at(name, _bytes(MUTATIONS["utf-16"])), 1))
    for name, key in zip(YAML_FILES, ("id", "subject", "id"), strict=True):
        cases.append(Case(f"{name} alias bomb", _at(name, _bytes(_value(BOMB, key))), 1))
        cases.append(
            Case(f"{name} 500 deep", _at(name, _bytes(_value("[" * 500 + "]" * 500, key))), 1)
        )
        cases.append(
            Case(f"{name} 3 MB value", _at(name, _bytes(_value("x" * 3_000_000 + "A", key))), 1)
        )
        cases.append(Case(f"{name} NUL", _at(name, _bytes(_insert(b"\x00"))), 1))
        cases.append(Case(f"{name} key twice", _at(name, _bytes(_twice)), 1))
        cases.append(Case(f"{name} CRLF", _at(name, _bytes(MUTATIONS["crlf"])), 0))
        cases.append(Case(f"{name} UTF-8 BOM", _at(name, _bytes(MUTATIONS["bom"])), 0))
    cases += [
        Case("claims.yaml 200k items", _at("claims.yaml", _write(b"- {}\n" * 200_000)), 1),
        Case("claims.yaml at the value limit", _at("claims.yaml", _write(ALMOST)), 1),
        Case("claims.yaml past the value limit", _at("claims.yaml", _write(PAST)), 1),
        Case("claims.yaml too big", _nothing, 1, env={"NNKG_MAX_FILE_MB": "0.001"}),
        Case("bad limit setting", _nothing, 1, env={"NNKG_YAML_MAX_DEPTH": "deep"}),
        Case("entity type Entity", _at("entities.yaml", _bytes(_entity_type)), 1),
        Case("document CRLF", _at("document.txt", _bytes(MUTATIONS["crlf"])), 1),
        Case("document BOM", _at("document.txt", _bytes(MUTATIONS["bom"])), 1),
        Case("source folder given itself", _nothing, 0, root="srcs/hostile"),
        Case("hidden folder and a README beside", _beside, 0),
        Case("a stray sub-folder", _stray, 1),
        Case("empty folder of sources", _empty, 1),
        Case("no such --sources", _nothing, 1, root="nowhere"),
        Case("--sources names a file", _nothing, 2, root="srcs/hostile/claims.yaml"),
        Case("--sources is a link loop", _root_loop, 1, root="loop"),
    ]  # fmt: skip
    return cases


def _at(name: str, make: Callable[[random.Random, Path], None]):
    def at(rng: random.Random, folder: Path) -> None:
        make(rng, folder / name)

    return at


def _write(data: bytes):
    return lambda rng, path: path.write_bytes(data)


def _nothing(rng, path) -> None:
    return None


def _twice(rng, data: bytes) -> bytes:
    for key in (b"kind", b"  label", b"  certainty"):
        data = data.replace(b"\n" + key + b":", b"\n" + key + b": x\n" + key + b":", 1)
    return data


def _entity_type(rng, data: bytes) -> bytes:
    return data.replace(b"BiologicalProcess", b"Entity")


def _beside(rng, folder: Path) -> None:
    (folder.parent / ".git").mkdir()
    (folder.parent / "README.md").write_text("notes\n")


def _stray(rng, folder: Path) -> None:
    (folder.parent / "drafts").mkdir()
    (folder.parent / "drafts" / "notes.txt").write_text("not a source\n")


def _empty(rng, folder: Path) -> None:
    shutil.rmtree(folder)


def _root_loop(rng, folder: Path) -> None:
    (folder.parent.parent / "loop").symlink_to("loop")


def random_cases(count: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        name = rng.choice(FILES)
        mutation = rng.choice([m for m in MUTATIONS if name in YAML_FILES or m not in YAML_ONLY])
        cases.append(
            Case(f"random {i}: {mutation} {name}", _at(name, _bytes(MUTATIONS[mutation])), None)
        )
    return cases


# ---------------------------------------------------------------- what each case deserves


class _Strict(yaml.CSafeLoader):
    """libyaml (the parser nnkg uses: pure-Python PyYAML refuses some YAML it takes, such
    as a tab after a value) refusing a key given twice, and nothing of nnkg's own loader
    (budget, records, checks): an oracle for what a file holds."""

    def construct_mapping(self, node, deep=False):
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            raise yaml.constructor.ConstructorError(None, None, "key twice", node.start_mark)
        return super().construct_mapping(node, deep)


def _parsed(data: bytes):
    """The data a YAML file holds, or None when it is not clean UTF-8 YAML."""
    try:
        return ("ok", yaml.load(data.decode("utf-8"), Loader=_Strict))
    except Exception:  # any failure of the oracle's parser means the file is bad
        return None


def oracle(folder: Path, expect: int | None) -> int | None:
    """For a random mutation: 1 when the change is known bad, 0 when it changed nothing
    that matters, None when only nnkg can tell."""
    if expect is not None:
        return expect
    for name in FILES:
        now = (folder / name).read_bytes()
        if now == ORIGINAL[name]:
            continue
        if name == "document.txt":
            return 1  # its sha256 no longer matches source.yaml
        parsed = _parsed(now)
        if parsed is None:
            return 1
        return 0 if parsed == _parsed(ORIGINAL[name]) else None
    return 0


# ---------------------------------------------------------------- running one command


@dataclass
class Run:
    code: int | None  # None: killed after TIMEOUT
    stderr: str
    seconds: float
    rss: int  # bytes


def _vm_size() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def run_child(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """``nnkg ARGS`` in a forked child, with a wall-clock timeout and its peak RSS."""
    err_path = cwd / f"stderr-{args[0]}.txt"
    limit = _vm_size() + AS_HEADROOM
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.setpgid(0, 0)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            os.chdir(cwd)
            os.environ.update(env)
            out = os.open(os.devnull, os.O_WRONLY)
            err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(out, 1)
            os.dup2(err, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            from kg.cli import cli

            cli.main(args, prog_name="nnkg")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # as the interpreter would: a traceback, exit 1
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    deadline, pause, killed = started + TIMEOUT, 0.002, False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)  # the child's own group: it and its workers
            _, status, usage = os.wait4(pid, 0)
            killed = True
            break
        time.sleep(pause)
        pause = min(pause * 1.5, 0.05)
    seconds = time.monotonic() - started
    code = None if killed else os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(encoding="utf-8", errors="replace") if err_path.exists() else ""
    return Run(code, stderr, seconds, usage.ru_maxrss * 1024)


# ---------------------------------------------------------------- the test

ORIGINAL: dict[str, bytes] = {}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_hostile_input_never_escapes(tmp_path):
    from kg.build import build

    template = base_source(tmp_path / "template" / "hostile")
    ORIGINAL.update({name: (template / name).read_bytes() for name in FILES})
    baseline = tmp_path / "baseline-build"
    build(baseline, [template])  # also imports everything the children will use
    before = _snapshot(baseline)
    cases = designed_cases() + random_cases(RANDOM_CASES, SEED)
    failures: list[str] = []
    longest, peak, peak_case, runs = "", 0, "", 0
    counts = dict.fromkeys(["tracebacks", "hangs", "wrong exits", "disagreements", "long lines",
                            "memory", "output touched"], 0)  # fmt: skip
    started = time.monotonic()
    for number, case in enumerate(cases):
        home = tmp_path / f"case-{number:04d}"
        folder = home / "srcs" / "hostile"
        shutil.copytree(template, folder, symlinks=True)
        case.make(random.Random(f"{SEED}-{number}"), folder)
        expect = oracle(folder, case.expect) if folder.exists() else case.expect
        out = home / "out"
        shutil.copytree(baseline, out)
        results = {}
        for command in ("validate", "build"):
            args = [command, "--sources", case.root] + (
                ["--out", "out"] if command == "build" else []
            )
            results[command] = run = run_child(args, home, case.env)
            runs += 1
            where = f"{case.name} [{command}]"
            first = (run.stderr.splitlines() or [""])[-1][:200]
            problems = []
            if "Traceback" in run.stderr:
                counts["tracebacks"] += 1
                problems.append("traceback")
            if run.code is None:
                counts["hangs"] += 1
                problems.append(f"no answer after {TIMEOUT:.0f} s")
            elif (run.code not in (0, 1)) if expect is None else (run.code != expect):
                counts["wrong exits"] += 1
                problems.append(
                    f"exit {run.code}, expected {'0 or 1' if expect is None else expect}"
                )
            for line in run.stderr.splitlines():
                longest = max(longest, line, key=len)
                if len(line) > MAX_LINE:
                    counts["long lines"] += 1
                    problems.append(f"a stderr line of {len(line)} characters")
                    break
            if run.rss > peak:
                peak, peak_case = run.rss, where
            if run.rss > MAX_RSS:
                counts["memory"] += 1
                problems.append(f"peak RSS {run.rss >> 20} MB")
            if command == "build" and run.code != 0 and _snapshot(out) != before:
                counts["output touched"] += 1
                problems.append("the failed build changed the previous output")
            failures += [f"{where}: {p} ({first})" for p in problems]
        if results["validate"].code != results["build"].code:
            counts["disagreements"] += 1
            failures.append(
                f"{case.name}: validate exits {results['validate'].code}, "
                f"build {results['build'].code} ({results['build'].stderr[-200:]!r})"
            )
        shutil.rmtree(home, ignore_errors=True)
    seconds = time.monotonic() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
    summary = "\n".join(
        [
            f"hostile cases: {len(cases)} ({len(cases) - RANDOM_CASES} designed, "
            f"{RANDOM_CASES} random, seed {SEED}), {runs} runs in {seconds:.1f} s",
            *(f"{name}: {count}" for name, count in counts.items()),
            f"longest stderr line: {len(longest)} characters (limit {MAX_LINE}): {longest[:160]}",
            f"peak RSS: {peak / 2**20:.0f} MB (limit {MAX_RSS >> 20} MB) in {peak_case}; "
            f"the test process itself: {own} MB",
        ]
    )
    (tmp_path / "hostile-summary.txt").write_text(summary + "\n")
    print("\n" + summary)
    assert not failures, "\n".join(failures[:40])
