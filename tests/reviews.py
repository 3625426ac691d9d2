"""The draft the nnkg review tests review, and the ways they drive its page and its server:
a document with characters outside the BMP before the quotes, five drafted claims, two
proposed entities (one with suggestions from two releases), and hostile text."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import yaml
from browser import open_url
from servers import nnkg_process

from kg.base.model import Certainty
from kg.ingest.folder import NewSource, candidate_items, entity_items, write_source
from kg.ingest.model import Candidate, Mention, ProposedEntity, Suggestion

# Characters outside the BMP before the quotes: one offset in the files, two in JavaScript.
DOCUMENT = (
    "Zinc and the nerves 🧠\n"
    "🙂 Zinc is required for neurotransmitter synthesis. Zinc deficiency may cause numbness. "
    "Eggs are a source of zinc. Zinc deficiency can lead to tingling. Zinc may support "
    "cognition. Oysters are a source of zinc.\n"
)
#: A claim the draft missed, about a food the graph does not have.
OYSTERS = "Oysters are a source of zinc."
SENTENCES = [
    "Zinc is required for neurotransmitter synthesis.",
    "Zinc deficiency may cause numbness.",
    "Eggs are a source of zinc.",
    "Zinc deficiency can lead to tingling.",
    "Zinc may support cognition.",
]
META = NewSource("zinc-and-nerves", "Zinc and the nerves", "PopularArticle", "drafted")
ZINC = ProposedEntity(
    "zinc", "zinc", ("Zn",), "Nutrient", (("CHEBI:27363", "exact", "test lexicon"),)
)
DEFICIENCY = ProposedEntity(
    "zinc-deficiency", "zinc deficiency", (), "DeficiencyState", (),
    (Suggestion("NOPE:0000001", "a disease alike in name", 0.5, "release A"),
     Suggestion("HP:0000001", "another", 1.0, "release B")),
)  # fmt: skip


def mention(document: str, text: str, entity: str, kind: str, known: bool, sentence: str):
    start = document.index(text, document.index(sentence))
    return Mention(start, start + len(text), text, entity, kind, known, "label")


def candidates(document: str, rows) -> list[dict]:
    """Candidate items from rows (sentence, subject, predicate, object, certainty)."""
    drafted = []
    for sentence, subject, predicate, obj, hedged in rows:
        start = document.index(sentence)
        drafted.append(Candidate(
            mention(document, *subject, sentence), predicate, mention(document, *obj, sentence),
            start, start + len(sentence), Certainty.HEDGED if hedged else Certainty.ASSERTED,
            False, f"{predicate}: test",
        ))  # fmt: skip
    return candidate_items(document, drafted)


SYNTHESIS = ("neurotransmitter synthesis", "neurotransmitter-synthesis", "BiologicalProcess", True)
ROWS = [
    (SENTENCES[0], ("Zinc", "zinc", "Nutrient", False), "requiredFor", SYNTHESIS, False),
    (SENTENCES[1], ("Zinc deficiency", "zinc-deficiency", "DeficiencyState", False), "causes",
     ("numbness", "numbness", "Phenotype", True), True),
    (SENTENCES[2], ("Eggs", "egg", "Food", True), "sourceOf", ("zinc", "zinc", "Nutrient", False),
     False),
    (SENTENCES[3], ("Zinc deficiency", "zinc-deficiency", "DeficiencyState", False), "causes",
     ("tingling", "tingling", "Phenotype", True), True),
    (SENTENCES[4], ("Zinc", "zinc", "Nutrient", False), "promotes",
     ("cognition", "cognition", "PhysiologicalFunction", True), True),
]  # fmt: skip


def make_draft(root: Path, document: str = DOCUMENT, rows=ROWS, entities=(ZINC, DEFICIENCY),
               meta: NewSource = META) -> Path:  # fmt: skip
    return write_source(root / "my-sources" / meta.id, document.encode(), meta,
                        candidates(document, rows), entity_items(entities))  # fmt: skip


def read(folder: Path, name: str):
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


#: Text that would run, were the page ever to read a string of the draft as HTML.
HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


@contextmanager
def review_server(folder: Path):
    """``nnkg review FOLDER --serve --port 0`` as a subprocess; yields the page's address."""
    args = ["review", str(folder), "--serve", "--port", "0"]
    ready = r"open (http://127\.0\.0\.1:\d+/[\w-]+/) to review"
    with nnkg_process(args, ready, "nnkg review --serve") as found:
        yield found.group(1)


def open_review(browser, url: str, through=None, answer=None):
    visit = open_url(browser, url, through=through, answer=answer)
    visit.page.wait_for_function("() => window.nnkgReview && nnkgReview.ready")
    return visit


def pick(page, n) -> None:
    page.click(f'#claims li[data-n="{n}"]')


def decide(page, accept=(), reject=()) -> None:
    for n in accept:
        pick(page, n)
        page.click("#accept")
    for n in reject:
        pick(page, n)
        page.click("#reject")


def select_words(page, sentence: str, words: str | None = None) -> None:
    """Select ``words`` of ``sentence`` (all of it by default) in the page, as a curator would."""
    start = DOCUMENT.index(sentence) + (sentence.index(words) if words else 0)
    page.evaluate(f"nnkgReview.view.select({start}, {start + len(words or sentence)})")


def add_claim(page, sentence: str, predicate: str, subject: str, obj: str) -> None:
    """A claim made from a selection, its mentions marked (each picks an entity by name)."""
    select_words(page, sentence)
    page.click("#add")
    page.select_option("#predicate", predicate)
    for role, words in (("subject", subject), ("object", obj)):
        select_words(page, sentence, words)
        page.click(f"#set-{role}")


def lookups(url: str):
    """Let the page's lexicon lookups (``suggest?name=``) through to its server."""

    def answer(route) -> bool:
        if not route.request.url.startswith(url + "suggest?"):
            return False
        route.continue_()
        return True

    return answer
