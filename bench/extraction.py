"""How well `nnkg ingest` drafts claims: precision, recall, certainty and negation agreement
against curated gold claims, and its speed. Figures for docs/scale.md, never assertions.

    python bench/extraction.py [--speed] [--misses] [--stages] [--sets packaged,dev]

``--misses`` lists, for the packaged and dev sets only (never the held-out one, whose
sentences rule writers must not read), each gold claim no draft matched, with the mentions
found in its sentence, and each draft that matched no gold claim. ``--stages`` counts, for
every set, where the misses come from: a gold claim whose subject or object no mention of
its sentence names (the mention stage), one whose two ends are named but no draft relates
them or relates them otherwise (the relation stage), and false drafts by kind. Counts only,
so the held-out set can be told by stage without anyone reading it. ``--sets`` scores only
the named sets (packaged, dev, held-out), for a quicker look while writing rules.

Gold sets: the two packaged sources (their claims.yaml; the catalogue holds their entities,
so their figures are an upper bound), bench/dev/ (articles the rule writers wrote to find
general misses) and the held-out articles of bench/articles/, written without looking at
the rules, in batches (``bench/articles/batches.yaml``; each gets a subtotal, the newest
the freshest test). Dev and held-out articles are drafted as a user would: against the
packaged graph only.

The scoring rule (issue 13): a candidate matches a gold claim when its quote overlaps the
sentence the gold claim comes from, its subject and object names (mention text, entity
label and synonyms) name the gold subject and object in the gold direction, and its
negation agrees. Certainty agreement is counted over matched pairs; predicate agreement,
which the rule leaves out, is reported the same way (same predicate, over matched pairs).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass
class Score:
    gold: int = 0
    candidates: int = 0
    matched_candidates: int = 0
    matched_gold: int = 0
    pairs: int = 0
    same_certainty: int = 0
    same_predicate: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self) -> str:
        p = self.matched_candidates / self.candidates if self.candidates else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        c = self.same_certainty / self.pairs if self.pairs else 0.0
        q = self.same_predicate / self.pairs if self.pairs else 0.0
        return (f"{self.gold:>5} {self.candidates:>6}  P {p:.2f}  R {r:.2f}  "
                f"certainty {c:.2f}  predicate {q:.2f}")  # fmt: skip


def _names(entity_id: str, text: str, entities: dict) -> set[str]:
    from kg.ingest.names import fold

    names = {fold(text), fold(entity_id.replace("-", " "))}
    entity = entities.get(entity_id)
    if entity is not None:
        names |= {fold(entity["label"]), *(fold(s) for s in entity.get("synonyms", ()))}
    return names


def _sentence_of(sentences, start: int, end: int) -> tuple[int, int]:
    spans = [(s.start, s.end) for s in sentences if s.start < end and start < s.end]
    return (spans[0][0], spans[-1][1]) if spans else (start, end)


def score(
    document: str, gold: list[dict], candidates: list[dict], entities: dict, misses=None
) -> Score:
    """``gold`` and ``candidates`` as claims.yaml / candidates.yaml items; ``entities``
    every entity (id -> item with label and synonyms) either side may name. ``misses``, a
    list, receives the unmatched gold claims and candidates."""
    from kg.ingest.text import sentences

    found = sentences(document)
    result = Score(gold=len(gold), candidates=len(candidates))
    hit_gold: set[int] = set()
    false: list[dict] = []
    for candidate in candidates:
        subject = _names(candidate["subject"], candidate["subject_text"], entities)
        obj = _names(candidate["object"], candidate["object_text"], entities)
        best = None
        negation_only = False
        for i, claim in enumerate(gold):
            start, end = _sentence_of(found, claim["start"], claim["end"])
            if not (candidate["start"] < end and start < candidate["end"]):
                continue
            if not (
                subject & _names(claim["subject"], claim["subject_text"], entities)
                and obj & _names(claim["object"], claim["object_text"], entities)
            ):
                continue
            if candidate["negated"] != claim["negated"]:
                negation_only = True
                continue
            best = i if best is None or claim["predicate"] == candidate["predicate"] else best
        if best is not None:
            result.matched_candidates += 1
            claim = gold[best]
            result.pairs += 1
            result.same_certainty += claim["certainty"] == candidate["certainty"]
            result.same_predicate += claim["predicate"] == candidate["predicate"]
            hit_gold.add(best)
        else:
            false.append({**candidate, "_negation_only": negation_only})
    result.matched_gold = len(hit_gold)
    if misses is not None:
        misses += [("missed", claim) for i, claim in enumerate(gold) if i not in hit_gold]
        misses += [("false", candidate) for candidate in false]
    return result


def _mention_names(mention, entities: dict) -> set[str]:
    return _names(mention.entity, mention.text, entities)


def _stage(kind: str, claim: dict, sentence_mentions, candidates, entities: dict) -> str:
    """Where a miss comes from (see ``--stages``)."""
    subject = _names(claim["subject"], claim["subject_text"], entities)
    obj = _names(claim["object"], claim["object_text"], entities)
    if kind == "false":
        return "false: " + ("negation differs" if claim.get("_negation_only") else "no such gold")
    named = [_mention_names(m, entities) for m in sentence_mentions]
    has_subject, has_object = any(n & subject for n in named), any(n & obj for n in named)
    if not (has_subject or has_object):
        return "missed: neither end a mention"
    if not has_subject:
        return "missed: subject not a mention"
    if not has_object:
        return "missed: object not a mention"
    for c in candidates:
        cs = _names(c["subject"], c["subject_text"], entities)
        co = _names(c["object"], c["object_text"], entities)
        if cs & obj and co & subject:
            return "missed: drafted reversed"
        if cs & subject and co & obj:
            return "missed: drafted, negation differs"
    return "missed: both ends named, no relation"


def _show(kind: str, claim: dict, document: str, mentions) -> None:
    """One miss, with the mentions of its sentence for a missed gold claim."""
    neg = " NOT" if claim["negated"] else ""
    print(f"  {kind:<6} {claim['subject_text']!r} -{claim['predicate']}{neg}-> "
          f"{claim['object_text']!r} [{claim['certainty']}]"
          + (f"  cue: {claim['cue']}" if "cue" in claim else ""))  # fmt: skip
    print(f"         {' '.join(document[claim['start'] : claim['end']].split())[:200]}")
    if kind == "missed":
        inside = [f"{m.text}={m.entity}" for m in mentions
                  if claim["start"] - 300 < m.start and m.end < claim["end"] + 300
                  and _sentence_overlap(document, claim, m)]  # fmt: skip
        print(f"         mentions: {', '.join(inside)}")


def _mentions(document: str, known, lexicon) -> list:
    from kg.ingest.mentions import Vocabulary, find_mentions
    from kg.ingest.text import sentences

    vocabulary = Vocabulary(known.entities, lexicon, proposed=known.proposed)
    return find_mentions(document, sentences(document), vocabulary)[0]


def _sentence_overlap(document: str, claim: dict, mention) -> bool:
    from kg.ingest.text import sentences

    spans = [(s.start, s.end) for s in sentences(document)
             if s.start < claim["end"] and claim["start"] < s.end]  # fmt: skip
    return any(a <= mention.start and mention.end <= b for a, b in spans)


def _entities(paths) -> dict:
    import yaml

    found = {}
    for path in paths:
        if path.is_file():
            for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                found[item["id"]] = item
    return found


def _batches(path: Path) -> dict[str, str]:
    """Each held-out article's batch (``bench/articles/batches.yaml``), in writing order."""
    import yaml

    listed = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    return {article: item["batch"] for item in listed for article in item["articles"]}


def _draft(document: str, known, lexicon) -> list[dict]:
    from kg.ingest.draft import draft_claims
    from kg.ingest.folder import candidate_items

    return candidate_items(document, draft_claims(document, known, lexicon).candidates)


def _lexicon_speed() -> None:
    """The lexicon's cold start (indexing into an empty cache), its cached load, and the
    median time of one suggestion for a misspelt or foreign-looking name."""
    import statistics

    from kg.ingest.lexicon import Lexicon

    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        Lexicon.load(Path(cache))
        cold = time.perf_counter() - started
        started = time.perf_counter()
        lexicon = Lexicon.load(Path(cache))
        warm = time.perf_counter() - started
    queries = ["vitamine", "neuropathie", "omega 3 fatty acids", "cognitve decline", "zink"]
    times = []
    for query in queries * 4:
        started = time.perf_counter()
        lexicon.suggest(query)
        times.append(time.perf_counter() - started)
    print(f"lexicon: cold {cold:.1f} s, cached load {warm:.2f} s, "
          f"suggest median {statistics.median(times) * 1000:.1f} ms")  # fmt: skip


def _article_speed(document: Path) -> None:
    """``nnkg ingest`` of one article as a user runs it, a fresh process each time: cold
    (no lexicon cache yet, so it is indexed first) and warm (the cache of the cold run);
    wall and CPU (user + system) seconds."""
    import os
    import subprocess

    command = [sys.executable, "-c", "from kg.cli import main; main()", "ingest", str(document)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as work:  # holds the run's .nnkg-cache and drafts
        figures = []
        for run in ("cold", "warm"):
            before, started = _children_cpu(), time.perf_counter()
            subprocess.run([*command, "--out", run], cwd=work, env=env, check=True,
                           capture_output=True)  # fmt: skip
            wall, cpu = time.perf_counter() - started, _children_cpu() - before
            figures.append(f"{run} {wall:.1f} s ({cpu:.1f} s CPU)")
    print(f"one article ({document.parent.name}, nnkg ingest): {', '.join(figures)}")


def main() -> None:
    import yaml

    from kg.base.files import ontology_dir, packaged_sources_dir
    from kg.ingest.known import load_known
    from kg.ingest.lexicon import Lexicon

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="also time 1 MB of text")
    parser.add_argument("--misses", action="store_true", help="list misses (not held out)")
    parser.add_argument("--stages", action="store_true", help="count misses by stage")
    parser.add_argument("--sets", default="packaged,dev,held-out",
                        help="comma-separated sets to score (packaged, dev, held-out)")  # fmt: skip
    args = parser.parse_args()
    chosen = {name.strip().replace("-", " ") for name in args.sets.split(",") if name.strip()}
    unknown = chosen - {"packaged", "dev", "held out"}
    if unknown:
        parser.error(f"--sets: unknown set {sorted(unknown)[0]!r} (packaged, dev, held-out)")

    started = time.perf_counter()
    lexicon = Lexicon.load()
    print(f"lexicon loaded in {time.perf_counter() - started:.2f} s")
    with tempfile.TemporaryDirectory() as empty:
        known = load_known(Path(empty))  # the packaged graph only
    catalogue = _entities([ontology_dir() / "entities.yaml",
                           *sorted(packaged_sources_dir().glob("*/entities.yaml"))])  # fmt: skip
    groups = {"packaged": sorted(packaged_sources_dir().iterdir()),
              **{name: sorted(p for p in (ROOT / "bench" / folder).iterdir()
                              if (p / "claims.yaml").is_file())
                 for name, folder in (("dev", "dev"), ("held out", "articles"))}}  # fmt: skip
    batches = _batches(ROOT / "bench" / "articles" / "batches.yaml")
    print(f"{'source':<40} {'gold':>5} {'drafts':>6}")
    for name, folders in groups.items():
        if name not in chosen:
            continue
        total = Score()
        subtotals = {batch: Score() for batch in batches.values()} if name == "held out" else {}
        stages: dict[str, int] = {}
        # a set's articles are curated together: one may use an entity another defines
        shared = _entities([folder / "entities.yaml" for folder in folders])
        for folder in folders:
            document = (folder / "document.txt").read_bytes().decode("utf-8")
            gold = yaml.safe_load((folder / "claims.yaml").read_text(encoding="utf-8")) or []
            candidates = _draft(document, known, lexicon)
            entities = {**catalogue, **shared, **_entities([folder / "entities.yaml"])}
            shown = args.misses and name != "held out"
            misses: list | None = [] if shown or args.stages else None
            result = score(document, gold, candidates, entities, misses)
            total.add(result)
            if folder.name in batches and subtotals:
                subtotals[batches[folder.name]].add(result)
            print(f"{folder.name:<40} {result.row()}")
            if misses:
                found = _mentions(document, known, lexicon)
                for kind, claim in misses:
                    if shown:
                        _show(kind, claim, document, found)
                    if args.stages:
                        inside = [m for m in found if _sentence_overlap(document, claim, m)]
                        near = [c for c in candidates if c["start"] < claim["end"]
                                and claim["start"] < c["end"]]  # fmt: skip
                        where = _stage(kind, claim, inside, near, entities)
                        stages[where] = stages.get(where, 0) + 1
        for batch, subtotal in subtotals.items():
            print(f"{'  ' + batch + ' batch':<40} {subtotal.row()}")
        print(f"{'all ' + name:<40} {total.row()}")
        for where, count in sorted(stages.items()):
            print(f"    {where:<44} {count:>4}")
    if args.speed:
        _lexicon_speed()
        _article_speed(groups["dev"][0] / "document.txt")
        text = "\n\n".join(
            (f / "document.txt").read_text(encoding="utf-8") for fs in groups.values() for f in fs
        )
        _megabyte_speed((text * (1_000_000 // len(text.encode()) + 1))[:1_000_000])


def _megabyte_speed(text: str, runs: int = 3) -> None:
    """``nnkg ingest`` of 1 MB of text as a user runs it, the lexicon's cache warm: the
    whole command, reading, drafting over the CPUs and writing candidates.yaml and
    candidate-entities.yaml, in a fresh process each run; the median run's wall and CPU
    seconds (every process of it, the workers it forks too), the candidates, and the peak
    RSS of the largest process."""
    import os
    import statistics
    import subprocess

    command = [sys.executable, "-c", "from kg.cli import main; main()", "ingest"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "megabyte.txt"
        path.write_text(text, encoding="utf-8")
        figures = []
        for _ in range(runs):  # in the checkout: the lexicon cache this process loaded
            before, started = _children_cpu(), time.perf_counter()
            subprocess.run([*command, str(path), "--out", work, "--force"], cwd=ROOT, env=env,
                           check=True, capture_output=True)  # fmt: skip
            figures.append((time.perf_counter() - started, _children_cpu() - before))
        drafted = (Path(work) / "megabyte" / "candidates.yaml").read_text(encoding="utf-8")
    wall, cpu = statistics.median(figures)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    walls = ", ".join(f"{w:.1f}" for w, _ in figures)
    print(f"1 MB of text (nnkg ingest, whole command): {wall:.1f} s wall ({cpu:.1f} s CPU; "
          f"runs {walls} s), {drafted.count(chr(10) + '- ')} candidates, "
          f"peak RSS {peak:.0f} MB")  # fmt: skip


def _children_cpu() -> float:
    """The CPU seconds (user + system) of this process's finished child processes."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


if __name__ == "__main__":
    main()
