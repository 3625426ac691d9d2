"""New entities a document's mentions propose: a lexicon term the graph lacks (with its
xrefs and synonyms) or a noun phrase no vocabulary knows (with suggestions), one id each."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from kg.ingest.matching import Hit, Matcher
from kg.ingest.model import ProposedEntity, Sentence, Suggestion, Term
from kg.ingest.vocabulary import Name, Vocabulary, case_bound, folded

__all__ = ["Proposals", "entity_slug", "new_id"]

_GREEK = str.maketrans(
    {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ω": "omega", "κ": "kappa"}
)


def entity_slug(label: str) -> str:
    """An entity id from a label, by the catalogue's slug rule."""
    text = unicodedata.normalize("NFKD", label.translate(_GREEK).casefold())
    text = "".join(c for c in text if c.isascii() and c not in "'’")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "entity"


def new_id(label: str, ids: set[str]) -> str:
    """The slug of ``label``, numbered past the ids ``ids`` holds ("fatigue-2"), and added
    to them: one id per proposed entity, however many share a spelling."""
    pid, n = entity_slug(label), 1
    while pid in ids:
        n += 1
        pid = f"{entity_slug(label)}-{n}"
    ids.add(pid)
    return pid


@dataclass
class Proposal:
    id: str
    spelling: str  # of the label, before the document's own casing (see _label)
    type: str
    names: list[str] = field(default_factory=list)  # the lexicon's, then the text's
    terms: list[tuple[Term, str]] = field(default_factory=list)
    #: The name to ask the lexicon's suggestions for, when its first mention had no term.
    suggest_for: str | None = None
    written: list[str] = field(default_factory=list)  # its mentions' texts

    def entity(self, taken: set[str], suggestions: tuple[Suggestion, ...]) -> ProposedEntity:
        """The proposal as written to candidate-entities.yaml; a synonym already naming
        another entity (``taken``, folded) is left out, since a name names one entity."""
        label = _label(self.spelling, self.written)
        seen = {folded(label)}
        synonyms = []
        for name in self.names:
            key = folded(name)
            if key not in seen and key not in taken and len(name) <= _LONGEST_SYNONYM:
                seen.add(key)
                synonyms.append(name)
        taken |= seen
        xrefs: dict[str, tuple[str, str, str]] = {}
        for term, match in self.terms:
            if term.curie not in xrefs or match == "exact":
                xrefs[term.curie] = (term.curie, match, term.seen_in)
        return ProposedEntity(
            self.id,
            label,
            tuple(synonyms[:_MOST_SYNONYMS]),
            self.type,
            tuple(xrefs[c] for c in sorted(xrefs)),
            suggestions,
        )


#: A proposal lists at most this many synonyms, none longer than this: a curator reads them,
#: and ChEBI's systematic names and formulas say nothing to a reader of health texts.
_MOST_SYNONYMS = 8
_LONGEST_SYNONYM = 40


#: What a name a curator reads as English is made of; a chemical formula's word ("C6H8O6":
#: elements with counts), an isotope ("Iron-56"), a systematic name's locants ("2-amino-4-").
_PLAIN = re.compile(r"[A-Za-z0-9' -]*[A-Za-z][A-Za-z0-9' -]*")
_LOCANT = re.compile(r"(?<![A-Za-z\d])\d+[- ]")
_FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")
_DIGITS = re.compile(r"\d+")
_ISOTOPE = re.compile(r"[A-Za-z]+[- ]\d{2,3}")


def _readable(name: str) -> bool:
    """Whether a lexicon name reads as an English one: in ASCII Latin letters, digits,
    spaces, hyphens and apostrophes, and no formula, isotope or systematic name."""
    if not _PLAIN.fullmatch(name) or _ISOTOPE.fullmatch(name) or len(_LOCANT.findall(name)) > 1:
        return False
    return not any(_FORMULA.fullmatch(w) and len(_DIGITS.findall(w)) >= 2 for w in name.split())


def _told_apart(terms: Iterable[tuple[Term, str]], others: Iterable[tuple[Term, str]]) -> bool:
    """Whether one ontology labels the two names as different terms (MeSH's "Beriberi"
    and "Thiamine Deficiency"), so they stay two entities even where another lists one as
    the other's synonym (MONDO's beriberi, "thiamine deficiency"): a claim between them is
    no self-loop."""
    mine, theirs = _exact_by_prefix(terms), _exact_by_prefix(others)
    return any(mine[prefix].isdisjoint(theirs[prefix]) for prefix in mine.keys() & theirs.keys())


def _exact_by_prefix(terms: Iterable[tuple[Term, str]]) -> dict[str, set[str]]:
    """The CURIEs of the terms a name is the label of, by their ontology's prefix."""
    found: dict[str, set[str]] = {}
    for term, match in terms:
        if match == "exact":
            found.setdefault(term.curie.split(":")[0], set()).add(term.curie)
    return found


def _label(spelling: str, written: Iterable[str]) -> str:
    """A proposed entity's label: the lexicon's spelling of the name (or the text's), with
    a word it capitalises but the document writes in lower case somewhere ("Zinc",
    "Alzheimer Disease") written as the document does."""
    lower = {folded(w) for text in written for w in text.split() if w.islower()}
    return " ".join(
        w.lower() if w[:1].isupper() and w[1:].islower() and folded(w) in lower else w
        for w in spelling.split()
    )


class Proposals(Matcher):
    """The proposal step of the mention finder: the entity id of each mention."""

    def __init__(self, document: str, vocabulary: Vocabulary) -> None:
        super().__init__(document, vocabulary)
        self.first: dict[str, int] = {}  # entity id -> where it is first mentioned
        self.proposals: dict[str, Proposal] = {}  # name key -> proposal
        self.by_curie: dict[str, Proposal] = {}
        self.ids = set(vocabulary.entities) | set(vocabulary.proposed)
        self.suggested: dict[str, tuple[Suggestion, ...]] = {}  # name -> asked ahead

    def entity_of(self, hit: Hit, sentence: Sentence) -> str:
        """The entity id of a hit: the graph's or a draft's, or a proposal's, made on the
        first mention of its name or of a term it shares with an earlier proposal ("zinc"
        and "Zn")."""
        name = hit.name
        if name.entity:
            return name.entity
        text = self.doc[hit.start : hit.end]
        shared = (self.by_curie[t.curie] for t, _ in name.terms if t.curie in self.by_curie)
        proposal = self.proposals.get(name.key) or next(
            (p for p in shared if not _told_apart(name.terms, p.terms)), None
        )
        if proposal is None:
            proposal = self._propose(name, text, hit.start == sentence.start)
        for term, match in name.terms:
            owner = self.by_curie.setdefault(term.curie, proposal)
            # a term the name is the label of is its xref, though an entity told apart
            # from it has the term as a close match already (beriberi's MONDO term)
            mine = owner is proposal or match == "exact"
            if mine and all(t.curie != term.curie for t, _ in proposal.terms):
                proposal.terms.append((term, match))
                # a close term's synonyms may name something else ("zinc atom": "Zink")
                synonyms = term.synonyms if match == "exact" else ()
                proposal.names += (name for name in (term.label, *synonyms) if _readable(name))
        self.proposals[name.key] = proposal
        if hit.named and hit.how != "anaphora":  # "this mineral" names nothing
            proposal.names.append(text)
            proposal.written.append(text)
        return proposal.id

    def _propose(self, name: Name, text: str, opens: bool) -> Proposal:
        """A new proposal, labelled as the lexicon spells the name (by the term's label
        for an acronym or symbol), else as the text does, lower-cased at a sentence's
        start."""
        if name.terms:
            spelling = name.spellings[0] if name.spellings else text
            if case_bound(spelling):
                spelling = name.terms[0][0].label
        else:
            spelling = name.spellings[0] if name.spellings else text
            if opens and spelling[1:2].islower():
                spelling = spelling[0].lower() + spelling[1:]
        pid = new_id(spelling, self.ids)
        suggest_for = None if name.terms else spelling
        return Proposal(pid, spelling, name.type, suggest_for=suggest_for)

    def proposed(self, keep: Container[str] | None = None) -> list[ProposedEntity]:
        """The proposals in order of first mention; only those in ``keep`` (all when None)
        get the lexicon's suggestions, a search of its every name (~20 ms) each."""
        unique = {p.id: p for p in self.proposals.values() if p.id in self.first}
        # a name names one entity: no synonym is another's label ("beriberi" of thiamine
        # deficiency, which MONDO lists, where the text names beriberi apart)
        taken = set(self.vocab.graph_names) | {folded(p.spelling) for p in unique.values()}
        return [
            p.entity(taken, self._suggestions(p) if keep is None or p.id in keep else ())
            for p in sorted(unique.values(), key=lambda p: self.first[p.id])
        ]

    def suggest_ahead(self, keep: Container[str], workers: int) -> None:
        """Ask the lexicon now, over ``workers`` processes (:mod:`kg.ingest.parallel`),
        for the suggestions :meth:`proposed` gives the proposals in ``keep``: a long
        document proposes a hundred, each a search of the lexicon's every name."""
        from kg.ingest.parallel import in_order

        lexicon = self.vocab.lexicon
        names = sorted({p.suggest_for for p in self.proposals.values() if p.id in keep} - {None})
        if lexicon is not None:
            found = in_order(lambda i: lexicon.suggest(names[i], k=5), len(names), workers)
            self.suggested.update(zip(names, found, strict=True))

    def _suggestions(self, proposal: Proposal) -> tuple[Suggestion, ...]:
        if proposal.suggest_for is None or self.vocab.lexicon is None:
            return ()
        ahead = self.suggested.get(proposal.suggest_for)
        return ahead if ahead is not None else self.vocab.lexicon.suggest(proposal.suggest_for, k=5)
