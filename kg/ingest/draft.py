"""``nnkg ingest``: a document in, a draft source folder out.

The stages, each a module of its own: sentences and tokens (:mod:`kg.ingest.text`),
mentions grounded in what the graph has and in the standard-terms lexicon
(:mod:`kg.ingest.mentions`, :mod:`kg.ingest.lexicon`), promotional sentences left out
(:mod:`kg.ingest.promotion`), relations with their certainty and negation
(:mod:`kg.ingest.relations`, :mod:`kg.ingest.certainty`), each end quoting the noun
phrase its mention heads or the clause it relates (:mod:`kg.ingest.extents`). Here they
are run in order, and the result is written as a source folder (:mod:`kg.ingest.folder`).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from pathlib import Path

from kg.base.errors import NnkgError
from kg.base.gcpause import paused_gc
from kg.ingest.known import Known
from kg.ingest.model import Candidate, Mention, ProposedEntity, Sentence

__all__ = [
    "DEFAULT_OUT",
    "Draft",
    "IngestError",
    "IngestResult",
    "draft_claims",
    "ingest",
    "is_question",
]

#: Where drafts go unless told: never the packaged sources/.
DEFAULT_OUT = Path("my-sources")
#: What stands between a line and the next when a bullet opens the next.
_BULLET = re.compile(r"[ \t]*\r?\n[ \t]*[-–•*][ \t]+")


class IngestError(NnkgError):
    """A document nnkg ingest will not take, or a place it will not write."""


@dataclass(frozen=True)
class Draft:
    candidates: tuple[Candidate, ...]
    entities: tuple[ProposedEntity, ...]  # the new entities the candidates use


@dataclass(frozen=True)
class IngestResult:
    folder: Path
    candidates: int
    entities: int


@paused_gc()  # the stages' objects live until the draft is done: no garbage to look for
def draft_claims(
    document: str, known: Known, lexicon=None, ontology=None, *, min_parallel: int | None = None
) -> Draft:
    """The candidate claims of ``document`` and the new entities they use. A document of
    ``min_parallel`` characters or more (default ``parallel.MIN_CHARS``) is drafted over
    the CPUs (:mod:`kg.ingest.parallel`), to the same result."""
    from kg.base.files import ontology_dir
    from kg.curation.ontology import load_ontology
    from kg.ingest.arguments import ground_arguments
    from kg.ingest.lexicon import Lexicon
    from kg.ingest.mentions import Vocabulary
    from kg.ingest.parallel import workers_for
    from kg.ingest.text import sentences

    lexicon = lexicon or Lexicon.load()
    ontology = ontology or load_ontology(ontology_dir())
    vocabulary = Vocabulary(known.entities, lexicon, proposed=known.proposed, ontology=ontology)
    workers = workers_for(document, min_parallel)
    # the cue lexicon compiled here while the workers start on the tokens (_compile_cues)
    found = sentences(document, workers, first=_compile_cues if workers > 1 else None)
    mentioned, candidates = _mentions_and_runs(document, found, vocabulary, workers)
    candidates = _first_named(candidates)
    # the proposals without suggestions first: a suggestion is asked only for those used
    candidates, proposed = ground_arguments(
        candidates, mentioned.entities(keep=()), vocabulary, document
    )
    used = {m.entity for c in candidates for m in (c.subject, c.object)} - set(known.proposed)
    if workers > 1:
        mentioned.finder.suggest_ahead(used, workers)
    suggested = {e.id: e for e in mentioned.entities(keep=used)}
    entities = tuple(suggested.get(e.id, e) for e in proposed if e.id in used)
    return Draft(tuple(candidates), entities)


#: The sentences handed to a worker at once, as a share of the document's: each fork
#: costs this process the copies of the pages it writes to after it, and the last handed
#: is what a worker may still be drafting when the mentions are done.
_HANDED = 1 / 16


def _mentions_and_runs(document: str, found: list[Sentence], vocabulary, workers: int):
    """The mentions of the sentences ``found``, and the candidates of their runs in order.
    In ``workers`` processes: the mention stage goes sentence by sentence here (an alias,
    a proposal or an anaphor depends on the sentences before it), and as it goes, the runs
    it is done with are handed to a worker forked then, whenever one is free; the runs not
    handed on are shared among the processes (``parallel.in_order``) once the mentions are
    done."""
    from kg.ingest.mentions import mentions_of
    from kg.ingest.parallel import Forks, in_order

    runs = _bulleted(document, found)
    ends = list(accumulate(len(run) for run in runs))  # the sentences done with each run
    share = max(1, round(len(found) * _HANDED))
    handed = [0, 0]  # the runs handed to workers so far, and their sentences
    with Forks(workers) as forks:

        def hand_on(number: int, so_far) -> None:
            if number - handed[1] < share or not forks.idle():
                return
            upto = bisect_right(ends, handed[1] + share)
            if upto > handed[0]:
                runs_done = _Runs(document, found, runs, so_far(), vocabulary)
                forks.start(partial(runs_done.drafted, handed[0], upto))
                handed[:] = upto, ends[upto - 1]

        mentioned = mentions_of(document, found, vocabulary, hand_on if workers > 1 else None)
        done, first = _Runs(document, found, runs, mentioned, vocabulary), handed[0]
        rest = in_order(
            lambda i: done.drafted(first + i, first + i + 1), len(runs) - first, workers
        )
        drafted = [c for segment in [*forks.results(), *rest] for c in segment]
    return mentioned, drafted


def _compile_cues() -> None:
    """The cue lexicon loaded and all its patterns compiled in this process, before the
    workers that draft runs are forked from it: each would load it and compile the
    patterns it tries anew (:class:`kg.ingest.cues.CuePattern`), a second of CPU and more
    each, and so would this process for the runs it drafts."""
    from kg.ingest.cues import load_cues

    for _, pattern in load_cues().patterns:
        pattern.regex  # noqa: B018 (a cached property: compiled once, here)


class _Runs:
    """A document's runs of sentences (:func:`_bulleted`) and the candidates each states,
    from its mentions alone: one run's draft needs no other's, nor the mentions of any
    sentence after it, so runs may be drafted in any process (:mod:`kg.ingest.parallel`)."""

    def __init__(self, document: str, found, runs, mentioned, vocabulary) -> None:
        self.document, self.mentioned, self.vocabulary = document, mentioned, vocabulary
        self.found, self.runs = found, runs
        self.starts = [m.start for m in mentioned.mentions]  # mentions come sorted
        self.number = {s.start: i for i, s in enumerate(found)}

    def drafted(self, first: int, end: int) -> list[Candidate]:
        """The candidates of runs ``first`` to ``end``, in the order they are drafted."""
        return [c for index in range(first, end) for c in self._run(index)]

    def within(self, sentence: Sentence) -> list[Mention]:
        mentions = self.mentioned.mentions
        first = bisect_left(self.starts, sentence.start)
        last = bisect_left(self.starts, sentence.end, first)
        return [m for m in mentions[first:last] if m.end <= sentence.end]

    def _run(self, index: int) -> list[Candidate]:
        from kg.ingest.answers import answered
        from kg.ingest.extents import widened
        from kg.ingest.promotion import is_promotional
        from kg.ingest.relations import find_relations
        from kg.ingest.states import distributed

        run, document, vocabulary = self.runs[index], self.document, self.vocabulary
        sentence = Sentence(run[0].start, run[-1].end, document[run[0].start : run[-1].end])
        inside = self.within(sentence)
        # one mention may relate to a noun phrase no vocabulary names (kg.ingest.arguments)
        if not inside or is_promotional(run[0]):
            return []
        # as mentions_of found them
        lines = [self.mentioned.lists[self.number[line.start]] for line in run]
        groups = [g for line in lines for g in line]
        if len(run) > 1:
            groups.insert(0, _items(run[1:], lines[1:], self.within))
        ontology = vocabulary.ontology
        if is_question(run[0]):  # only a denial after it makes it a claim (kg.ingest.answers)
            after = self.number[run[-1].start] + 1
            answer = self.found[after] if after < len(self.found) else None
            related = answered(sentence, answer, inside, ontology, groups)
        else:
            related = find_relations(sentence, inside, ontology, groups)
        # a claim's ends quote the noun phrases or clauses they stand for (kg.ingest.extents)
        drafted = distributed(related, sentence, inside, vocabulary)
        return widened(drafted, sentence, inside, vocabulary)


def _bulleted(document: str, found: Sequence[Sentence]) -> list[list[Sentence]]:
    """The sentences in runs: one that ends in a colon with the bulleted lines after it,
    the items of the list it opens ("Sources of X include:", "- meat", "- fish"), as one
    run; any other sentence alone."""
    runs: list[list[Sentence]] = []
    for sentence in found:
        run = runs[-1] if runs else None
        if (
            run
            and run[0].text.rstrip().endswith(":")
            and _BULLET.fullmatch(document[run[-1].end : sentence.start])
        ):
            run.append(sentence)
        else:
            runs.append([sentence])
    return runs


def _items(
    lines: Sequence[Sentence], groups: Sequence[Sequence[Sequence[Mention]]], within
) -> list[Mention]:
    """The list that bulleted ``lines`` make: each line's first mention, or the list it
    begins on its line ("- poultry, beef and pork")."""
    items: list[Mention] = []
    for line, line_groups in zip(lines, groups, strict=True):
        found = within(line)
        if not found:
            continue
        first = min(found, key=lambda m: (m.start, -m.end))
        items += next((g for g in line_groups if first in g), [first])
    return items


def _first_named(candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with each relation a mention's name states (``relations.NAMED``,
    "iodine deficiency" is a deficiency of iodine) drafted once, at its first mention,
    unless a cue drafted it before: each repetition says the same, a reviewer needs one."""
    from kg.ingest.relations import NAMED

    seen: set[tuple[str, str, str]] = set()
    kept = []
    for c in candidates:
        key = (c.subject.entity, c.predicate, c.object.entity)
        if key in seen and c.cue.startswith(f"{NAMED}:"):
            continue
        seen.add(key)
        kept.append(c)
    return kept


def is_question(sentence: Sentence) -> bool:
    """Whether ``sentence`` asks rather than states: a question ("Can X prevent Y?"), often
    a heading of a Q&A article, holds no claim of its own: its answer does, as statements or
    as a bare denial that makes the question's relation a denied claim (kg.ingest.answers).

    >>> is_question(Sentence(0, 31, "Can niacin prevent memory loss?"))
    True
    """
    return sentence.text.rstrip().rstrip("\"')”’»").endswith("?")


def _document(path: Path) -> tuple[bytes, str]:
    """The bytes and text of the file to ingest, or one IngestError saying why not."""
    from kg.base.errors import ProblemError
    from kg.base.textfile import read_text

    try:
        raw, text = read_text(path, str(path))
    except ProblemError as exc:
        raise IngestError(str(exc.problem)) from None
    if not text.strip():
        raise IngestError(f"{path}: is empty: there is nothing to draft claims from")
    if "\x00" in text:
        raise IngestError(
            f"{path}: holds a NUL byte at character {text.index(chr(0)) + 1}: "
            "give a text file (UTF-8)"
        )
    return raw, text


def ingest(
    path: Path,
    *,
    source_id: str | None = None,
    title: str | None = None,
    kind: str = "PopularArticle",
    out_dir: Path = DEFAULT_OUT,
    sources: Sequence[Path] = (),
    force: bool = False,
    lexicon=None,
) -> IngestResult:
    """Draft the claims of the document at ``path`` into a new source folder
    ``out_dir/<id>/`` (see :mod:`kg.ingest.folder`)."""
    from kg.base import __version__
    from kg.base.files import packaged_sources_dir
    from kg.ingest.folder import NewSource, candidate_items, entity_items, write_source
    from kg.ingest.known import load_known

    raw, document = _document(path)
    source_id = source_id or slug(path.stem)
    folder = Path(out_dir) / source_id
    if Path(out_dir).resolve() == packaged_sources_dir().resolve():
        raise IngestError(f"{out_dir}: holds the packaged sources; draft into another folder")
    known = load_known(Path(out_dir), sources, skip=folder)
    sha = hashlib.sha256(raw).hexdigest()
    if sha in known.documents:
        raise IngestError(f"{path}: the same document is already the source {known.documents[sha]}")
    draft = draft_claims(document, known, lexicon)
    first = next(line.strip() for line in document.splitlines() if line.strip())
    note = (f"Claims drafted by nnkg ingest {__version__} from {path.name}: review "
            "candidates.yaml, then nnkg accept.")  # fmt: skip
    meta = NewSource(source_id, title or first[:200], kind, note)
    items = candidate_items(document, draft.candidates)
    write_source(folder, raw, meta, items, entity_items(draft.entities), force=force)
    return IngestResult(folder, len(items), len(draft.entities))


def slug(name: str) -> str:
    """A source id from a file name: lower case, runs of other characters made one hyphen.

    >>> slug("Iron and the Brain (2024).txt".removesuffix(".txt"))
    'iron-and-the-brain-2024'
    """
    import re

    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "source"
