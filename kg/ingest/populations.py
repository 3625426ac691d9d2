"""People a phrase sets apart, named as a population group: "people with diabetes",
"patients on long-term anticonvulsant therapy", "infants receiving parenteral nutrition",
"those who drink heavily", "young children in low-income countries"; and the step that
adds a phrase's hit, which the noun-phrase steps share."""

from __future__ import annotations

from kg.ingest.matching import Hit, Word, ordered, top
from kg.ingest.nounwords import NOT_PARTICIPLES
from kg.ingest.states import States
from kg.ingest.vocabulary import Name, folded
from kg.ingest.wordlists import (
    CLAUSE_ENDS,
    CLAUSE_NEGATIONS,
    COPULAS,
    DASH,
    PEOPLE,
    PRONOUN_PEOPLE,
    STOPWORDS,
    is_verb,
    wordset,
)

__all__ = ["Populations"]

#: Heads of what people are "on" that set them apart ("people on a vegan diet",
#: "patients on long-term lithium therapy").
_ON_HEADS = wordset("diet therapy treatment medication dialysis")
#: Past participles that open a reduced relative clause after a word for people ("infants
#: fed formula", "people exposed to lead"); a present participle in -ing opens one too.
_PARTICIPLES = wordset("fed given treated exposed born diagnosed")
#: Places that "in" sets people apart by ("children in low-income countries").
_PLACES = wordset("country countries area areas region regions community communities nation")
#: Words of age or life stage before a word for people that belong to the group's name
#: ("older adults with diabetes", "young children in low-income countries").
_AGES = wordset("young younger old older elderly pregnant premature preterm newborn")
#: How many words a phrase of "with", "on" or "in" may run to its head.
_REACH = 4
#: Participles of auxiliaries that go on a clause's verb after "have" or "be" ("who have
#: had a stroke", "who have been diagnosed"), though they may end a clause elsewhere.
_PERFECT = wordset("had been")


class Populations(States):
    """The population step of the mention finder."""

    def _add_phrase(
        self, start: int, end: int, cls: str, hits: list[Hit], text: str | None = None
    ) -> None:
        """A phrase's hit: the name a vocabulary has for it (or for ``text``, its plain
        wording), else one of class ``cls`` to propose with suggestions; the mentions
        inside stay."""
        plain = text or self.doc[start:end]
        key = folded(plain)
        name = self.lookup(key, start, plain)
        if name is None:
            name = Name(cls, False, "suggested", (plain,) if text else (), key=f"np:{key}")
        hits.append(Hit(start, end, name, name.how))
        hits[:] = ordered(hits)

    def populations(self, words: list[Word], hits: list[Hit]) -> None:
        """People a phrase after a word for people sets apart name a population group:
        "people with X" for a condition X, perhaps after a word or two that grade it
        ("adults with type 2 diabetes", "patients with chronic liver disease"), and a
        relative clause after it ("people with diabetes who take insulin"); "people on /
        with ... diet(s)" or "on ... therapy"; "people in ... countries"; a relative
        clause ("people who avoid dairy products", "those who drink heavily") or a reduced
        one ("infants receiving long-term parenteral nutrition"): the graph's by that
        name, else one proposed with suggestions. A word of age before the word for
        people is part of the name ("older adults")."""
        for i in range(len(words) - 2):
            if (
                words[i].key not in PEOPLE
                or not self.doc[words[i].end : words[i + 1].start].isspace()
            ):
                continue
            end = self._set_apart(words, i + 1, hits)
            if end is None:
                continue
            first = i - 1 if i and self._age(words, i - 1) else i
            text = self.doc[words[first].start : end]
            if words[i].key in PRONOUN_PEOPLE:  # "those who smoke" are "people who smoke"
                text = "people" + text[words[i].end - words[i].start :]
            self._add_phrase(words[first].start, end, "PopulationGroup", hits, text)

    def _age(self, words: list[Word], k: int) -> bool:
        """Whether ``words[k]`` is a word of age right before the word for people."""
        return words[k].key in _AGES and self.doc[words[k].end : words[k + 1].start].isspace()

    def _set_apart(self, words: list[Word], at: int, hits: list[Hit]) -> int | None:
        """Where the words from ``words[at]`` that set people apart end, or None. A phrase
        of "with" that punctuation soon ends counts only as an item of a list of groups
        (:meth:`_in_groups`)."""
        key = words[at].key
        if key == "who":
            return self._relative_clause(words, at)
        if self._participle(words[at]):
            return self._relative_clause(words, at - 1, reduced=True)
        if key not in ("with", "on", "in"):
            return None
        heads = {"with": _ON_HEADS & {"diet"}, "on": _ON_HEADS, "in": _PLACES}[key]
        for k in range(at + 1, min(at + 1 + _REACH, len(words))):
            if self.doc[words[k - 1].end : words[k].start].strip(DASH + " "):
                if not self._in_groups(words, at - 1, k):
                    return None
                break  # "people with X, people with Y and people with Z, ..."
            if words[k].key in heads:
                return words[k].end
            if is_verb(words[k].key) or words[k].key in CLAUSE_ENDS:
                break
        return self._with_condition(words, at, hits) if key == "with" else None

    def _in_groups(self, words: list[Word], people: int, after: int) -> bool:
        """Whether the group named from ``words[people]`` is an item of a list of groups:
        the word after the punctuation at ``words[after]`` is a word for people, or "and"
        / "or" joins it to a word for people before."""
        if words[after].key in PEOPLE:
            return True
        joined = people > 0 and words[people - 1].key in ("and", "or")
        return joined and any(w.key in PEOPLE for w in words[: people - 1])

    def _participle(self, word: Word) -> bool:
        """Whether a word after a word for people opens a reduced relative clause."""
        key = word.key
        if key in _PARTICIPLES:
            return True
        return (
            key.endswith("ing")
            and len(key) > 5
            and key not in STOPWORDS | NOT_PARTICIPLES
            and self.doc[word.start : word.end].islower()
        )

    def _with_condition(self, words: list[Word], at: int, hits: list[Hit]) -> int | None:
        """The end of "with" and the condition after it (a word or two that grade it may
        come first: "with chronic liver disease"), and of a relative clause after that."""
        starts = {w.start: k for k, w in enumerate(words)}
        for h in top(hits):
            k = starts.get(h.start)
            if k is None or not at < k <= at + 3 or h.how == "anaphora":
                continue
            between = words[at + 1 : k]
            if any(w.key in STOPWORDS or is_verb(w.key) for w in between):
                continue
            spaced = all(self._spaced(words, j) for j in range(at + 1, k + 1))
            if not spaced or self.vocab.kind(h.name.type) != "Condition":
                continue
            last = next(j for j in range(k, len(words)) if words[j].end >= h.end)
            if last + 1 < len(words) and words[last + 1].key == "who":
                return self._relative_clause(words, last + 1) or h.end
            return h.end
        return None

    def _spaced(self, words: list[Word], k: int) -> bool:
        """Whether only spaces (or a dash) part ``words[k]`` from the word before."""
        return not self.doc[words[k - 1].end : words[k].start].strip(DASH + " ")

    def _relative_clause(self, words: list[Word], who: int, reduced: bool = False) -> int | None:
        """The end of the relative clause "who ..." at ``words[who]``: its verb (after "do
        not") and what follows, up to punctuation, a conjunction, or a word of the main
        clause ("are", "may"), or a verb of its own after its object ("those who took
        fish oil performed better"), at most six words; None when there is no such
        clause. A ``reduced`` one (no "who": "adults eating fish did well") ends at a
        negation too. A verb right after a function word or a verb is the clause's ("who
        have had a stroke", "without added biotin"), and so is "had" or "been" after an
        auxiliary ("who have been diagnosed")."""
        k = who + 1
        while k < len(words) and words[k].key in CLAUSE_NEGATIONS:
            k += 1
        if k >= len(words) or words[k].key in STOPWORDS - COPULAS:
            return None
        last = k
        for j in range(k + 1, min(k + 7, len(words))):
            if self.doc[words[j - 1].end : words[j].start].strip(DASH + " "):
                break
            if words[j].key in CLAUSE_ENDS and not _perfect(words[j - 1].key, words[j].key):
                break
            if reduced and words[j].key in CLAUSE_NEGATIONS:
                break  # "adults eating fish did well"
            if _main_verb(words[j].key) and not _leads_verb(words[j - 1].key):
                break
            last = j
        while last > k and words[last].key in STOPWORDS - COPULAS:
            last -= 1  # the six words ran out on a function word: "... of fluoride «before»"
        return words[last].end


def _perfect(before: str, key: str) -> bool:
    """Whether ``key`` goes on the auxiliary ``before`` ("have had", "has been")."""
    return key in _PERFECT and before in COPULAS


def _main_verb(key: str) -> bool:
    """Whether a word may be a clause's finite verb: a verb, but no gerund ("who started
    taking X" takes X)."""
    return is_verb(key) and not key.endswith("ing")


def _leads_verb(key: str) -> bool:
    """Whether a word may stand before a verb of its own clause: a function word or a verb
    ("who have had", "who started taking")."""
    return key in STOPWORDS or is_verb(key)
