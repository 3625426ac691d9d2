"""The offline lexicon of standard terms that ``nnkg ingest`` grounds new mentions in.

``kg/ingest/data/lexicon.tsv.gz`` holds terms of ChEBI, GO, HP, MONDO, UBERON, CL, FoodOn
and MeSH, each with its label, synonyms, nnkg class and the release file it was read from
(``scripts/build_lexicon.py`` writes it; ``kg/ingest/data/README.md`` names the releases).
Names are compared folded (:func:`kg.ingest.names.fold`). An exact name gives its terms;
any other name gets suggestions ranked by character-trigram similarity, to be offered to a
curator and never taken silently.

Reading the table and indexing its trigrams takes seconds, so the index is kept in
``.nnkg-cache/lexicon/``, keyed by the data file's sha256: later loads take a fraction of a
second.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import pickle
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.base.gcpause import paused_gc
from kg.ingest.model import Suggestion, Term
from kg.ingest.names import fold
from kg.ingest.vocabulary import extend_reach

__all__ = ["DATA", "Lexicon", "trigrams"]

DATA = Path(__file__).resolve().parent / "data" / "lexicon.tsv.gz"
#: Bump when the cached form or the folding of names (kg.ingest.names) changes, so an old
#: cache is never read as a new one.
_CACHE_FORMAT = "lexicon-index 5"


def trigrams(folded: str) -> frozenset[str]:
    """The character trigrams of a folded name, padded so its first and last letters count
    as much as the middle ones.

    >>> sorted(trigrams("b12"))
    ['  b', ' b1', '12 ', 'b12']
    """
    padded = f"  {folded} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@dataclass
class _Index:
    """The lexicon in the plain lists and arrays it is cached as (unpickled in a blink;
    :class:`Term` objects are made only for the terms asked for)."""

    header: tuple[str, ...]
    curies: list[str]
    labels: list[str]
    synonyms: list[str]  # "|"-joined
    types: list[str]
    seen_in: list[str]
    keys: list[str]  # the folded names, sorted: numbered for the trigram index, bisected
    #: Key ``k``'s term numbers (labels first) are ``numbers[starts[k] : starts[k + 1]]``:
    #: two arrays unpickle in a blink, where a dict of 300,000 tuples took a third of a load.
    starts: array
    numbers: array
    grams: dict[str, array]  # trigram -> numbers of the keys that have it
    sizes: array  # how many trigrams each key has
    reach: dict[str, int]  # first word -> the length of the longest key it starts
    max_words: int  # the most words of any key


def _read_table(data: bytes) -> _Index:
    """Parse the lexicon's TSV and index its names and their trigrams."""
    header, columns = [], ([], [], [], [], [])
    lines = gzip.decompress(data).decode().splitlines()
    for line in lines:
        if line.startswith("#"):
            header.append(line)
        elif not line.startswith("curie\t"):
            for column, value in zip(columns, line.split("\t"), strict=True):
                column.append(value)
    curies, labels, synonyms, types, seen_in = columns
    by_label: dict[str, list[int]] = {}
    by_synonym: dict[str, list[int]] = {}
    for number, (label, names) in enumerate(zip(labels, synonyms, strict=True)):
        by_label.setdefault(fold(label), []).append(number)
        for name in filter(None, names.split("|")):
            by_synonym.setdefault(fold(name), []).append(number)
    keys = sorted(by_label.keys() | by_synonym.keys())
    starts, numbers = array("I", [0]), array("I")
    for key in keys:
        first = by_label.get(key, [])
        numbers.extend(first + [n for n in by_synonym.get(key, []) if n not in first])
        starts.append(len(numbers))
    postings: dict[str, list[int]] = {}
    sizes = array("H")
    for number, key in enumerate(keys):
        grams = trigrams(key)
        sizes.append(len(grams))
        for gram in grams:
            postings.setdefault(gram, []).append(number)
    grams_index = {gram: array("I", numbers) for gram, numbers in postings.items()}
    reach: dict[str, int] = {}
    for key in keys:
        extend_reach(reach, key)
    most = max(key.count(" ") + 1 for key in keys)
    return _Index(
        tuple(header),
        *(curies, labels, synonyms, types, seen_in, keys, starts, numbers, grams_index, sizes),
        *(reach, most),
    )


class _Names(Mapping[str, tuple[Term, ...]]):
    """Folded name -> its terms (labels first), for a longest-match mention finder."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._keys = lexicon._index.keys

    def __getitem__(self, key: str) -> tuple[Term, ...]:
        number = self._number(key)
        if number is None:
            raise KeyError(key)
        return tuple(map(self._lexicon._term, self._lexicon._numbers(number)))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._number(key) is not None

    def _number(self, key: str) -> int | None:
        """The number of ``key`` among the sorted keys, or None when it is none of them."""
        number = bisect_left(self._keys, key)
        found = number < len(self._keys) and self._keys[number] == key
        return number if found else None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class Lexicon:
    """The standard terms, looked up by exact (folded) name, by CURIE, or by likeness.

    >>> lexicon = Lexicon.load()
    >>> [t.curie for t in lexicon.exact("Vitamin B-12")][:1]
    ['CHEBI:176843']
    >>> lexicon.suggest("homocystein", k=1)[0].label
    'homocysteine'
    """

    def __init__(self, index: _Index) -> None:
        self._index = index
        self._terms: dict[int, Term] = {}
        #: Folded name -> its terms; iterate or test ``in`` without making Terms.
        self.names: Mapping[str, tuple[Term, ...]] = _Names(self)
        #: The most words of any name, how far a longest-match finder needs to look ahead.
        self.max_words = index.max_words
        #: First word -> the length of the longest name it starts, how far a longest-match
        #: finder needs to look ahead from it (read at every word of a document).
        self.reach: Mapping[str, int] = index.reach

    @classmethod
    def load(cls, cache_root: Path | None = None, data: Path = DATA) -> Lexicon:
        """The lexicon of ``data``, from its cached index under ``cache_root`` (default
        ``.nnkg-cache``) when one exists; else indexed anew and cached."""
        from kg.base.files import write_atomic
        from kg.graph import DEFAULT_CACHE

        raw = data.read_bytes()
        key = hashlib.sha256(_CACHE_FORMAT.encode() + b"\n" + raw).hexdigest()[:16]
        path = Path(cache_root or DEFAULT_CACHE) / "lexicon" / f"{key}.pickle"
        if path.is_file():
            try:
                with paused_gc():  # a million small objects: no garbage to find
                    return cls(pickle.loads(path.read_bytes()))
            except Exception:  # a damaged or foreign entry is rebuilt, never trusted
                path.unlink(missing_ok=True)
        index = _read_table(raw)
        with contextlib.suppress(OSError):  # a read-only folder only costs speed
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        return cls(index)

    def __len__(self) -> int:
        return len(self._index.curies)

    @property
    def header(self) -> tuple[str, ...]:
        """The data file's ``#`` lines: its format, releases, CURIE patterns, drop counts."""
        return self._index.header

    def _term(self, number: int) -> Term:
        term = self._terms.get(number)
        if term is None:
            i = self._index
            synonyms = tuple(filter(None, i.synonyms[number].split("|")))
            term = Term(
                i.curies[number], i.labels[number], synonyms, i.types[number], i.seen_in[number]
            )
            self._terms[number] = term
        return term

    def _numbers(self, key_number: int) -> array:
        """The term numbers of the key numbered ``key_number``, labels first."""
        index = self._index
        return index.numbers[index.starts[key_number] : index.starts[key_number + 1]]

    @cached_property
    def _by_curie(self) -> dict[str, int]:
        """CURIE -> term number, made when a term is first asked for by CURIE."""
        return {curie: n for n, curie in enumerate(self._index.curies)}

    def term(self, curie: str) -> Term | None:
        """The term with ``curie``, or None when the lexicon has none."""
        number = self._by_curie.get(curie)
        return None if number is None else self._term(number)

    def exact(self, name: str) -> tuple[Term, ...]:
        """The terms ``name`` names once folded: those whose label it is first, then those
        it is a synonym of, each group in the data file's order (ontology, then CURIE)."""
        return self.names.get(fold(name), ())

    def suggest(self, name: str, k: int = 5) -> tuple[Suggestion, ...]:
        """The ``k`` terms whose names are most like ``name``: Dice similarity of the
        folded names' character trigrams (1.0 is the same set), best first; ties go to
        the shorter, then alphabetically first name, then the term's order in the file.

        Every name sharing a trigram is scored, in numpy: a query's posting lists hold a
        few hundred thousand numbers, which ``collections.Counter`` took 23 ms to count."""
        import numpy as np

        query = trigrams(fold(name))
        index = self._index
        lists = [_numbers_of(g) for q in query if (g := index.grams.get(q))]
        if not lists or k <= 0:
            return ()
        counts = np.bincount(np.concatenate(lists))
        hit = np.flatnonzero(counts)
        scores = 2 * counts[hit] / (len(query) + _numbers_of(index.sizes)[hit])
        most = 8 * k  # names to look through for k terms (a name may be several terms')
        if len(hit) > most:  # every name scoring as high as the most-th, ties and all
            keep = scores >= np.partition(scores, len(hit) - most)[len(hit) - most]
            hit, scores = hit[keep], scores[keep]
        keys, pairs = index.keys, zip(scores.tolist(), hit.tolist(), strict=True)
        ranked = sorted((-score, len(keys[n]), keys[n], n) for score, n in pairs)
        found: dict[str, Suggestion] = {}
        for negative, _, _, number in ranked[:most]:
            for term_number in self._numbers(number):
                curie = index.curies[term_number]
                if curie not in found:
                    label, seen_in = index.labels[term_number], index.seen_in[term_number]
                    found[curie] = Suggestion(curie, label, round(-negative, 4), seen_in)
            if len(found) >= k:
                break
        return tuple(found.values())[:k]


def _numbers_of(numbers: array):
    """An array's numbers as a numpy array over the same memory (no copy)."""
    import numpy as np

    return np.frombuffer(numbers, np.dtype(numbers.typecode))
