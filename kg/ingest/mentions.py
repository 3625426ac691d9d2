"""Stage 2 of ``nnkg ingest``: the mentions of entities in a document.

A mention is found, in this order of trust, as a name the graph already has (a catalogue or
source entity's label or synonym), a name the text itself gives an entity ("X, also known
as Y", "X (Y)", "Y, or X,", an abbreviation in parentheses), a standard term of the lexicon,
or an anaphor ("this vitamin", "the deficiency", a safe "it") that points back to an earlier
mention. Names are matched longest first over words, folded (:func:`kg.ingest.names.fold`),
never inside a word, in British or American spelling. A substance's name that is a verb
too ("lead") counts where the words around it make it a noun, an adjective for a feeling
after "feel" ("feel confused") names its noun's condition, and a name in -ed before a
noun ("aged cheese") is only its modifier. A lexicon term the graph lacks becomes a
:class:`ProposedEntity`; a noun phrase with a class head word ("... deficiency", "...
disease") that no vocabulary knows is proposed with suggestions only, for the curator to
choose from.

Each step has a module: :mod:`kg.ingest.vocabulary` (the names known),
:mod:`kg.ingest.matching` (the longest names over a sentence's words),
:mod:`kg.ingest.nounphrases` (:mod:`kg.ingest.states`), :mod:`kg.ingest.processes`,
:mod:`kg.ingest.aliases`, :mod:`kg.ingest.anaphora` (:mod:`kg.ingest.pronouns`),
:mod:`kg.ingest.proposals` and :mod:`kg.ingest.lists` (the coordinated lists); this one
runs them sentence by sentence. Their word lists (:mod:`kg.ingest.wordlists`) are general
English and the ontology's classes: nothing in them is taken from a particular text.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from kg.ingest.aliases import Aliases
from kg.ingest.anaphora import Anaphora
from kg.ingest.lists import IN_ORDER, list_groups, unknown_items
from kg.ingest.matching import Hit, Word, ordered
from kg.ingest.model import Mention, ProposedEntity, Sentence
from kg.ingest.processes import Processes
from kg.ingest.proposals import Proposals
from kg.ingest.vocabulary import (
    LexiconLike,
    Name,
    Vocabulary,
    folded,
)
from kg.ingest.wordlists import (
    ADJECTIVES,
    GENERIC,
    STOPWORDS,
    is_verb,
)

__all__ = [
    "HOWS",
    "Found",
    "LexiconLike",
    "Vocabulary",
    "find_mentions",
    "list_groups",
    "mentions_of",
]

#: What found a mention (:attr:`Mention.how`).
HOWS = ("label", "synonym", "lexicon", "alias", "abbreviation", "anaphora", "suggested")


class _Finder(Processes, Aliases, Anaphora, Proposals):
    """One document's pass: mentions sentence by sentence, aliases and proposals as they
    come, so an alias the text introduces holds for the rest of it."""

    def commit(self, sentence: Sentence, hits: list[Hit]) -> None:
        """Give the sentence's hits their entities, and remember its lists."""
        names: dict[Mention, Name] = {}
        for hit in hits:
            entity = self.entity_of(hit, sentence)
            mention = Mention(
                hit.start, hit.end, self.doc[hit.start : hit.end], entity, hit.name.type,
                hit.name.known, hit.how,
            )  # fmt: skip
            names[mention] = hit.name
            self.first.setdefault(entity, hit.start)
        self.found.append(list(names.items()))
        self.lists.append(list_groups(list(names), sentence, self.vocab.ontology))
        for group in self.lists[-1]:
            for m in group:
                self.groups[(m.start, m.end)] = [names[g] for g in group]

    def list_items(self, words: list[Word], hits: list[Hit]) -> None:
        """An item no vocabulary knows in a coordinated list of mentions of one kind
        ("beans, lentils, asparagus and spinach") is a mention of a thing of their class,
        proposed with suggestions, and a mention with plain words that modify it ("organ
        meats") a mention of its entity by the whole item, so the list stays whole
        (:func:`kg.ingest.lists.unknown_items`). A list is at least three items, two of
        them mentions (three when the unknown item opens the sentence: "Today, zinc and
        iron ..." is no list), the last after a conjunction."""
        for items in unknown_items(self.doc, words, hits, self._item_words):
            known = [x for x in items if isinstance(x, Hit)]
            types = {h.name.type for h in known}
            kinds = {self.vocab.kind(t) for t in types}
            if len(items) < 3 or len(known) < 2 or len(kinds) != 1:
                continue
            if not isinstance(items[0], Hit) and items[0][0] == words[0].start and len(known) < 3:
                continue  # "Today, zinc and iron ...": a list opening a sentence is longer
            spans = {(h.start, h.end) for h in hits}
            hits += [h for h in known if (h.start, h.end) not in spans]
            cls = types.pop() if len(types) == 1 else kinds.pop()
            for start, end in (x for x in items if not isinstance(x, Hit) and x not in spans):
                key = folded(self.doc[start:end])
                hits.append(Hit(start, end, Name(cls, False, "suggested", (), key=f"np:{key}"),
                                "suggested"))  # fmt: skip
        hits[:] = ordered(hits)

    def _item_words(self, chunk: list[Word]) -> bool:
        """Whether words may be a list item of their own: one to three plain words, no
        function word, verb or adverb among them, and not all generic or grading words."""
        return (
            0 < len(chunk) <= 3
            and all(self._item_word(w) for w in chunk)
            and not all(w.key in GENERIC or w.key in ADJECTIVES for w in chunk)
        )

    def _item_word(self, word: Word) -> bool:
        key = word.key
        return self.doc[word.start : word.end].isalpha() and not (
            key in STOPWORDS or is_verb(key) or key.endswith("ly")
        )

    def so_far(self) -> Found:
        """The mentions of the sentences done, in order (each sentence's are final)."""
        mentions = sorted((m for found in self.found for m, _ in found), key=IN_ORDER)
        return Found(mentions, self.lists, self)

    def sentence(self, s_no: int, sentence: Sentence) -> None:
        words = self.words(sentence)
        self.sentence_starts.append(sentence.start)
        for _ in range(2):  # once more when the sentence introduced an alias
            hits = self.dictionary(words)
            self.health_nouns(words, hits)
            self.participles(words, hits)
            self.substances(words, hits)
            self.locants(hits)
            self.feelings(words, hits)
            self.noun_phrases(sentence, words, hits)
            self.states(sentence, hits)
            self.populations(words, hits)
            again = self.introduce(words, hits)
            if not again:
                break
        self.processes(words, hits)
        self.class_words(words, hits)
        self.class_nouns(sentence, words, hits)
        self.naming_modifiers(words, hits)
        self.compounds(hits)
        self.list_items(words, hits)
        if self.anaphors(s_no, sentence, words, hits):
            self.states(sentence, hits)  # "a deficiency of this vitamin" is a deficiency
        self.commit(sentence, hits)


def find_mentions(
    document: str, sentences: list[Sentence], vocabulary: Vocabulary
) -> tuple[list[Mention], list[ProposedEntity]]:
    """The mentions of ``document`` in order, and the entities they propose, in order of
    first mention. The mentions of one span are several only for an anaphor that points at
    a list ("these foods")."""
    found = mentions_of(document, sentences, vocabulary)
    return found.mentions, found.entities()


@dataclass(frozen=True)
class Found:
    """A document's mentions (as :func:`find_mentions`), and its proposals on demand."""

    mentions: list[Mention]
    lists: list[list[list[Mention]]]  # by sentence number: its lists (:func:`list_groups`)
    finder: _Finder

    def entities(self, keep: Container[str] | None = None) -> list[ProposedEntity]:
        """The entities the mentions propose, as :func:`find_mentions`, but with the
        lexicon's suggestions only for those in ``keep`` (all when None): a caller that
        keeps a few saves a search of the lexicon for each of the others."""
        vocabulary = self.finder.vocab
        return [*self.finder.proposed(keep), *_sibling_proposals(vocabulary, self.mentions)]


def mentions_of(
    document: str,
    sentences: list[Sentence],
    vocabulary: Vocabulary,
    before: Callable[[int, Callable[[], Found]], object] | None = None,
) -> Found:
    """:func:`find_mentions`, with the proposals left to :meth:`Found.entities`. Before
    each sentence, ``before`` is called with its number and what gives the mentions found
    so far (:mod:`kg.ingest.draft` hands the sentences done to a worker process)."""
    finder = _Finder(document, vocabulary)
    for number, sentence in enumerate(sentences):
        if before is not None:
            before(number, finder.so_far)
        finder.sentence(number, sentence)
    return finder.so_far()


def _sibling_proposals(vocabulary: Vocabulary, mentions: list[Mention]) -> list[ProposedEntity]:
    """The entities sibling drafts proposed that this document mentions, as they were
    proposed (so the caller can tell them from new ones)."""
    used = {m.entity for m in mentions}
    found = []
    for pid, record in vocabulary.proposed.items():
        if pid not in used:
            continue
        xrefs = tuple(
            (x["curie"], x["match"], x["seen_in"])
            for x in record.get("xrefs") or ()
            if isinstance(x, dict) and {"curie", "match", "seen_in"} <= set(x)
        )
        found.append(
            ProposedEntity(
                pid, record["label"], tuple(record.get("synonyms") or ()), record["type"], xrefs
            )
        )
    return found
