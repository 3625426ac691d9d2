"""Generate a deterministic synthetic corpus of curated sources, at any size.

    python bench/generate.py --triples 100000 --out /tmp/nnkg-100k

Each source folder has a document of plain sentences, the claims quoting them (verbatim,
with offsets and mentions, as a curator would write them), and source.yaml; the first one
also carries entities.yaml with a few thousand generated entities. Subjects and objects are
drawn with power-law weights, about 15 % of claims are hedged and 3 % negated, and every
claim respects its relation's domain and range. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
from pathlib import Path

CLASSES = {  # generated class -> (share of entities, label pattern)
    "Nutrient": (0.06, "{}amin"), "ChemicalEntity": (0.14, "{}ine"), "Food": (0.08, "{} fruit"),
    "BiologicalProcess": (0.2, "{} synthesis"), "PhysiologicalFunction": (0.1, "{} function"),
    "AnatomicalStructure": (0.08, "{} tissue"), "Disease": (0.14, "{} disease"),
    "Phenotype": (0.2, "{} pain"),
}  # fmt: skip
CONDITIONS = ("Disease", "Phenotype")
PROCESSES = ("BiologicalProcess", "PhysiologicalFunction")
# relation -> (object classes, asserted, hedged, negated wording)
RELATIONS = {
    "promotes": (tuple(CLASSES), "promotes", "may promote", "does not promote"),
    "requiredFor": (PROCESSES, "is required for", "may be required for", "is not required for"),
    "disrupts": (PROCESSES, "disrupts", "may disrupt", "does not disrupt"),
    "affects": (PROCESSES, "affects", "may affect", "does not affect"),
    "causes": (CONDITIONS, "causes", "may cause", "does not cause"),
    "prevents": (CONDITIONS, "prevents", "may prevent", "does not prevent"),
    "linkedTo": (CONDITIONS, "is linked to", "may be linked to", None),
}
SYLLABLES = ["ba", "co", "da", "fe", "gi", "ho", "ka", "li", "mo", "ne", "po", "ri", "sa",
             "tu", "vi", "xe", "zo", "lan", "mir", "tor", "ven", "quin"]  # fmt: skip
TRIPLES_PER_CLAIM = 13  # 12 for the claim node, 1 for its direct edge
TRIPLES_PER_ENTITY = 5
CLAIMS_PER_SOURCE = 2000


def _names(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    names = []
    while len(names) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            names.append(word)
    return names


def _entities(rng: random.Random, count: int) -> list[dict]:
    kinds = list(CLASSES)
    weights = [CLASSES[k][0] for k in kinds]
    return [
        {"id": f"syn-{name}", "label": CLASSES[kind][1].format(name), "type": kind,
         "definition": f"A synthetic {kind} made by bench/generate.py."}
        for name, kind in zip(_names(rng, count), rng.choices(kinds, weights, k=count), strict=True)
    ]  # fmt: skip


def _sentence(subject: str, relation: str, obj: str, hedged: bool, negated: bool) -> str:
    _, asserted, maybe, denied = RELATIONS[relation]
    verb = denied if negated else maybe if hedged else asserted
    return f"{subject} {verb} {obj}."


def generate(out: Path, triples: int, seed: int = 7) -> dict:
    """Write the corpus under ``out``; return its counts."""
    rng = random.Random(seed)
    n_entities = max(300, min(5000, triples // 200))
    entities = _entities(rng, n_entities)
    n_claims = max(1, (triples - 900 - TRIPLES_PER_ENTITY * n_entities) // TRIPLES_PER_CLAIM)
    by_class: dict[str, list[dict]] = {}
    for entity in entities:
        by_class.setdefault(entity["type"], []).append(entity)
    # power-law popularity: the k-th entity of a class is drawn with weight 1 / k^1.1
    weights = {k: list(itertools.accumulate(1 / (i + 1) ** 1.1 for i in range(len(v))))
               for k, v in by_class.items()}  # fmt: skip

    def draw(classes) -> dict:
        kind = rng.choice([c for c in classes if c in by_class])
        return rng.choices(by_class[kind], cum_weights=weights[kind])[0]

    out.mkdir(parents=True, exist_ok=True)
    sources = (n_claims + CLAIMS_PER_SOURCE - 1) // CLAIMS_PER_SOURCE
    written = 0
    for index in range(sources):
        sid = f"synthetic-{index:04d}"
        folder = out / sid
        folder.mkdir(exist_ok=True)
        text, lines = [], []
        offset = 0
        for _ in range(min(CLAIMS_PER_SOURCE, n_claims - written)):
            relation = rng.choice(list(RELATIONS))
            subject, obj = draw(tuple(CLASSES)), draw(RELATIONS[relation][0])
            hedged, negated = rng.random() < 0.15, rng.random() < 0.03
            if relation == "linkedTo":  # "linked to" is itself a hedge, never denied here
                hedged, negated = True, False
            quote = _sentence(subject["label"], relation, obj["label"], hedged, negated)
            start = offset
            text.append(quote)
            offset += len(quote) + 1
            lines += [
                f"- subject: {subject['id']}", f"  predicate: {relation}",
                f"  object: {obj['id']}", f"  quote: {json.dumps(quote)}",
                f"  start: {start}", f"  end: {start + len(quote)}",
                f"  subject_text: {json.dumps(subject['label'])}",
                f"  object_text: {json.dumps(obj['label'])}",
                f"  certainty: {'hedged' if hedged and not negated else 'asserted'}",
                f"  negated: {'true' if negated else 'false'}",
            ]  # fmt: skip
            written += 1
        document = (" ".join(text) + "\n").encode("utf-8")
        (folder / "document.txt").write_bytes(document)
        (folder / "claims.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        meta = {"id": sid, "title": f"Synthetic review {index}", "kind": "Review",
                "sha256": hashlib.sha256(document).hexdigest(),
                "note": "generated by bench/generate.py for benchmarks"}  # fmt: skip
        (folder / "source.yaml").write_text(
            "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items()), encoding="utf-8"
        )
        if index == 0:
            (folder / "entities.yaml").write_text(
                "".join(
                    f"- id: {e['id']}\n  label: {json.dumps(e['label'])}\n  type: {e['type']}\n"
                    f"  definition: {json.dumps(e['definition'])}\n"
                    for e in entities
                ),
                encoding="utf-8",
            )
    return {"sources": sources, "claims": written, "entities": n_entities}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, required=True, help="about how many triples")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.out, args.triples, args.seed))


if __name__ == "__main__":
    main()
