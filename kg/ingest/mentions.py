"""Stage 2 of ``nnkg ingest``: the mentions of entities in a document.

A mention is found, in this order of trust, as a name the graph already has (a catalogue or
source entity's label or synonym), a name the text itself gives an entity ("X, also known
as Y", "X (Y)", "Y, or X,", an abbreviation in parentheses), a standard term of the lexicon,
or an anaphor ("this vitamin", "the deficiency", a safe "it") that points back to an earlier
mention. Names are matched longest first over words, folded (:func:`kg.ingest.names.fold`),
never inside a word. A lexicon term the graph lacks becomes a :class:`ProposedEntity`; a
noun phrase with a class head word ("... deficiency", "... disease") that no vocabulary
knows is proposed with suggestions only, for the curator to choose from.

Each step has a module: :mod:`kg.ingest.vocabulary` (the names known),
:mod:`kg.ingest.matching` (the longest names over a sentence's words),
:mod:`kg.ingest.nounphrases`, :mod:`kg.ingest.aliases`, :mod:`kg.ingest.anaphora` and
:mod:`kg.ingest.proposals`; this one runs them sentence by sentence and finds the lists. Their
word lists (:mod:`kg.ingest.wordlists`) are general English and the ontology's classes:
nothing in them is taken from a particular text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.curation.ontology import Ontology
from kg.ingest.aliases import Aliases
from kg.ingest.anaphora import Anaphora
from kg.ingest.matching import Hit
from kg.ingest.model import Mention, ProposedEntity, Sentence
from kg.ingest.nounphrases import NounPhrases
from kg.ingest.proposals import Proposals
from kg.ingest.vocabulary import LexiconLike, Name, Vocabulary, class_kind, packaged_ontology
from kg.ingest.wordlists import wordset

__all__ = ["HOWS", "LexiconLike", "Vocabulary", "find_mentions", "list_groups"]

#: What found a mention (:attr:`Mention.how`).
HOWS = ("label", "synonym", "lexicon", "alias", "abbreviation", "anaphora", "suggested")

_CONJUNCTIONS = frozenset({"and", "or", "nor", "&", "plus"})
#: Words allowed between the items of a coordinated list besides commas and conjunctions.
_LIST_FILLERS = wordset("as well also even especially particularly other the a an some many")


class _Finder(NounPhrases, Aliases, Anaphora, Proposals):
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
        for group in list_groups(list(names), sentence, self.vocab.ontology):
            for m in group:
                self.groups[(m.start, m.end)] = [names[g] for g in group]

    def sentence(self, s_no: int, sentence: Sentence) -> None:
        words = self.words(sentence)
        self.sentence_starts.append(sentence.start)
        for _ in range(2):  # once more when the sentence introduced an alias
            hits = self.dictionary(words)
            self.noun_phrases(sentence, words, hits)
            self.deficiencies(sentence, hits)
            again = self.introduce(words, hits)
            if not again:
                break
        self.anaphors(s_no, sentence, words, hits)
        self.commit(sentence, hits)


def find_mentions(
    document: str, sentences: list[Sentence], vocabulary: Vocabulary
) -> tuple[list[Mention], list[ProposedEntity]]:
    """The mentions of ``document`` in order, and the entities they propose, in order of
    first mention. The mentions of one span are several only for an anaphor that points at
    a list ("these foods")."""
    finder = _Finder(document, vocabulary)
    for number, sentence in enumerate(sentences):
        finder.sentence(number, sentence)
    mentions = sorted(m for found in finder.found for m, _ in found)
    return mentions, [*finder.proposed(), *_sibling_proposals(vocabulary, mentions)]


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


def list_groups(
    mentions: Sequence[Mention], sentence: Sentence, ontology: Ontology | None = None
) -> list[list[Mention]]:
    """The coordinated lists of a sentence's mentions ("meat, fish, dairy products, and
    eggs"), each in order, over the mentions no longer one holds; mentions of one span (an
    anaphor pointing at a list) are one group too. Items joined by a bare comma must be of
    one kind, so "In diabetes, vitamin B12 and folate ..." lists only the two vitamins."""
    onto = ontology or packaged_ontology()
    slots: dict[tuple[int, int], list[Mention]] = {}
    for m in sorted(mentions):
        if sentence.start <= m.start and m.end <= sentence.end:
            slots.setdefault((m.start, m.end), []).append(m)
    for inner in [s for s in slots if any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in slots)]:
        del slots[inner]  # a name inside a longer one is no item of a list
    spans = sorted(slots)
    groups: list[list[Mention]] = [slots[s] for s in spans if len(slots[s]) > 1]
    chain: list[tuple[int, int]] = []
    conj_end = 0  # items of the chain up to its last conjunction

    def close() -> None:
        if conj_end >= 2:
            groups.append([m for span in chain[:conj_end] for m in slots[span]])

    for span in spans:
        if chain and chain[-1][1] <= span[0]:
            link = _link(sentence, chain[-1][1], span[0])
            same = class_kind(onto, slots[chain[-1]][0].type) == class_kind(
                onto, slots[span][0].type
            )
            if link == "conjunction" or (link == "comma" and same):
                chain.append(span)
                if link == "conjunction":
                    conj_end = len(chain)
                continue
        close()
        chain, conj_end = [span], 0
    close()
    return sorted(groups, key=lambda g: (g[0].start, g[0].end))


def _link(sentence: Sentence, end: int, start: int) -> str | None:
    """How two neighbouring mentions are joined: "conjunction" (and, or, ", and"),
    "comma", or None when other words stand between them."""
    gap = sentence.text[end - sentence.start : start - sentence.start]
    tokens = re.findall(r"[^\W_]+|[^\w\s]", gap.casefold())
    if any(t not in _CONJUNCTIONS | _LIST_FILLERS | {","} for t in tokens):
        return None
    if any(t in _CONJUNCTIONS for t in tokens) or "as well as" in " ".join(tokens):
        return "conjunction"
    return "comma" if "," in tokens else None
