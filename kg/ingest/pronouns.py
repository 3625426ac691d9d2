"""Pronouns ("it", "they", "its", "their") resolved to the subject they point back at,
and an object "it" to the nutrient a sentence about foods is about, the substance a
process needs, or the condition most talked about."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Matcher, Word, ordered, top
from kg.ingest.model import Sentence
from kg.ingest.vocabulary import Name, folded
from kg.ingest.wordlists import (
    ANAPHOR_HEADS,
    GRADING,
    IRREGULAR_PLURALS,
    SEVERITY,
    is_verb,
    wordset,
)

__all__ = ["CLAUSE_BREAKS", "DOSE_OF", "PRONOUNS", "Pronouns", "pronoun"]

#: A dose of a substance, whose head is the dose ("high doses of vitamin A").
DOSE_OF = re.compile(r".*?\b((?:mega)?doses?|amounts?)\s+of\s", re.IGNORECASE)
#: Pronouns that open a clause, and whether each is plural.
PRONOUNS = {"it": False, "its": False, "they": True, "their": True}
#: A pronoun with a verb contracted onto it ("they're", "it'll"): one word of the text.
_CONTRACTED = re.compile(r"(it|they)'(?:re|ve|ll|d)")

#: A short opening phrase set off by a comma ("In conclusion,"), or a label before a colon
#: that popular genres open a line with ("Myth:", "Fact:", "Plot twist:").
_OPENING = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*[,:]\s*")
#: Words after which a clause opens, so a pronoun there may be its subject (not
#: wordlists.CLAUSE_OPENERS, the words that open a clause's verb phrase).
CLAUSE_BREAKS = frozenset({",", ";", ":", "and", "but", "so", "yet"})
#: Conjunctions that open a subordinate clause, whose pronoun subject points back at the
#: main clause's ("Iron is absorbed better when it is taken with vitamin C").
_SUBORDINATORS = wordset("because although though while when whereas where since unless once that")
#: The end of a clause break or subordinator, then perhaps an article: a clause's subject
#: follows.
_CLAUSE_END = re.compile(
    rf"(?:[,;:]|(?<![\w’'-])(?:{'|'.join(sorted((CLAUSE_BREAKS | _SUBORDINATORS) - set(',;:')))}))"
    r"\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: The "that" of a reported clause, then perhaps an article: the clause's subject follows.
_REPORTED = re.compile(r"(?<![\w’'-])that\s+(?:the\s+)?\Z", re.IGNORECASE)
#: A hyphen that binds the word before it into a modifier ("placebo-controlled").
_BOUND = re.compile(r"[-‐‑]\w")
#: What joins two items of a list.
_JOINED = re.compile(r"\s*,?\s+(?:and|or)\s+", re.IGNORECASE)
#: "It is important to ...", "it seems that ...": an "it" that points at nothing.
_PLEONASTIC = re.compile(
    r"(?:['’]s|\s+(?:is|was|seems|appears|becomes|remains|may\s+be|can\s+be|might\s+be|"
    r"would\s+be|could\s+be|will\s+be))\s+(?:[\w’'-]+\s+){0,4}?(?:to|that|whether|if|how)\b"
    r"|\s+(?:comes|came|takes|took)\b",
    re.IGNORECASE,
)
#: What may end a clause after an object "it": punctuation, or "as well", "too", "also",
#: or a conjunction that opens a subordinate clause ("develop it if a relative has it").
_OBJECT_END = re.compile(
    r"(?:\s+(?:as\s+well|too|also|either))?\s*(?:[.,;:!?)]|$)"
    r"|\s+(?:if|when|unless|because|once|until|while)\b",
    re.IGNORECASE,
)
#: A source phrase after an object "it" ("find it in lettuce", "get it from fish"): the
#: foods it names hold what "it" points back at.
_SOURCE_AFTER = re.compile(r"\s+(?:in|from)\s+(?:(?:the|some|many|most|other)\s+)?", re.I)
#: Verbs of need or use whose object "it" has a purpose after it ("the thyroid gland uses
#: it to make hormones", "nerve cells need it for ..."): what is needed or used is a substance.
_NEEDS = wordset("need needs needed require requires required use uses used")
_PURPOSE_AFTER = re.compile(r"\s+(?:to|for|in\s+order\s+to)\s", re.IGNORECASE)
#: The classes of a named purpose.
_PROCESSES = ("BiologicalProcess", "PhysiologicalFunction")
#: How many sentences back the conditions an object "it" may point at are counted.
_SALIENCE_REACH = 2
#: Participles that keep "it is ... to" pleonastic ("it is recommended to"); others make
#: it point at something ("it is added to cereals", "it is needed to make DNA").
_ADVISING = wordset("recommended advised suggested encouraged")
#: Participles not in -ed that make "it is ... to" point at something ("it is thought to
#: disrupt", "it is known to cause").
_PARTICIPLES = wordset("thought known said shown seen found")
#: Prepositions that open a phrase a sentence may start with before its subject, up to a
#: comma ("In children with epilepsy, a ketogenic diet ..."): no mention in it is a subject.
_PHRASE_OPENERS = wordset(
    """in on at for among with without during after before by from like unlike across
    despite following within besides to"""
)
#: Conjunctions that open a subordinate clause a sentence may start with ("Once you eat it,
#: lutein ...", "If the shortage goes on, it ..."): its subject is no subject of the main
#: clause, though a pronoun that opens that clause points back at it.
_CLAUSE_OPENERS = wordset(
    "since because although though while when whereas unless once if as until"
)
#: Words that may stand before a sentence's subject, saying which or how much of it
#: ("The", "Even mild dehydration", "Very low calcium").
_LEADS = wordset("a an the this these that those even only just very such both all each")
#: Auxiliaries and modals a clause's pronoun subject comes right before ("it can", "it is").
_AUXILIARIES = wordset("can could may might must will would should is was are were does did has")
#: The auxiliaries a question opens with, perhaps after a question word, and before its
#: subject ("How can it affect ...?", "Does it cause ...?").
_QUESTION_LEAD = wordset("how why when where what does do did can could may might will would")


class Pronouns(Matcher):
    """The pronoun step of the anaphora finder."""

    def _pronoun(
        self, s_no: int, sentence: Sentence, words: list[Word], i: int, hits: list[Hit]
    ) -> list[Hit]:
        """A clause-opening pronoun that is not pleonastic ("it is vital to ...") points
        at the subject of its sentence, else of the sentence before, else of the paragraph
        while the sentences between have no subject and still name it ("Good sources of
        iron include ..."). "It" never points at a plural or at people; "they" only at a
        plural, and not across another plural of an earlier sentence ("... in older adults.
        They ...")."""
        word = words[i]
        key = pronoun(word.key)
        word = Word(word.start, word.start + len(key), key)
        plural = PRONOUNS[key]
        if not self._opens_clause(sentence, words, i):
            return self._object(s_no, words, i, hits)
        if not plural and self._pleonastic(word.end):
            return []
        before = [h for h in hits if h.end <= word.start]
        found = self._topic(s_no, sentence, before)
        if found is not None and not plural and found[1][0].type == "PopulationGroup":
            found = self._clause_topic(sentence, before)
        if found is None:
            return []
        subject, names = found
        many = (
            len({n.entity or n.key for n in names}) > 1
            or self._plural(subject)
            or self._coordinated(subject, before)
        )
        if plural != many or (not plural and names[0].type == "PopulationGroup"):
            return []
        # a "they" of the sentence its subject opens continues that subject, whatever
        # plural the clause before it named ("X supplements cause headaches, and they ...")
        same = subject.start >= sentence.start
        if plural and not same and self._rival(s_no, subject, word.start, names, before):
            return []
        return [Hit(word.start, word.end, name, "anaphora") for name in names]

    def _coordinated(self, subject: Hit, hits: list[Hit]) -> bool:
        """Whether another mention is joined to ``subject`` by "and" or "or" ("Meat and
        fish ..."): a list its sentence's list finder has not joined yet."""
        return any(_JOINED.fullmatch(self.doc, subject.end, h.start) for h in hits)

    def _pleonastic(self, end: int) -> bool:
        """Whether the "it" ending at ``end`` points at nothing ("it is vital to ...")."""
        cue = _PLEONASTIC.match(self.doc, end)
        if cue is None:
            return False
        said = cue.group().casefold().split()
        return said[-1] != "to" or not any(
            (w.endswith("ed") or w in _PARTICIPLES) and w not in _ADVISING for w in said[:-1]
        )

    def _opens_clause(self, sentence: Sentence, words: list[Word], i: int) -> bool:
        """Whether the pronoun ``words[i]`` is a clause's subject: first, after a clause
        break or a subordinator, after a question's auxiliary ("Does it ...?"), or before
        an auxiliary after the phrase the sentence opens with, where no comma ends that
        phrase ("In the body it is converted ...")."""
        before = self.doc[sentence.start : words[i].start].rstrip()
        joined = i > 0 and words[i - 1].end == len(before) + sentence.start
        opener = joined and words[i - 1].key in CLAUSE_BREAKS | _SUBORDINATORS
        asked = 0 < i <= 2 and sentence.text.rstrip().endswith("?")
        question = asked and all(
            self.doc[w.start : w.end].casefold() in _QUESTION_LEAD for w in words[:i]
        )
        return not before or before[-1] in ",;:" or opener or question or self._fronted(words, i)

    def _fronted(self, words: list[Word], i: int) -> bool:
        """Whether the pronoun ``words[i]`` comes before an auxiliary after a phrase of a
        preposition that no punctuation ends and that opens its sentence ("Before birth it
        can ...") or a clause after a break ("..., and in some people they can ...")."""
        after = words[i + 1].key if i + 1 < len(words) else ""
        if i < 2 or after not in _AUXILIARIES:
            return False
        for j in range(i - 2, -1, -1):
            if any(c in self.doc[words[j].end : words[i].start] for c in ",;:()"):
                return False
            if words[j].key in _PHRASE_OPENERS and self._clause_starts(words, j):
                return True
        return False

    def _clause_starts(self, words: list[Word], j: int) -> bool:
        """Whether a clause opens at ``words[j]``: first in its sentence, or after a clause
        break (a comma, or "and" or "but" after one)."""
        if j == 0:
            return True
        gap = self.doc[words[j - 1].end : words[j].start]
        joined = words[j - 1].key in CLAUSE_BREAKS and (
            j == 1 or "," in self.doc[words[j - 2].end : words[j - 1].start]
        )
        return any(c in gap for c in ",;:") or joined

    def _topic(
        self, s_no: int, sentence: Sentence, before: list[Hit]
    ) -> tuple[Hit, list[Name]] | None:
        """The subject a pronoun points at and the names it stands for (a whole list, or
        all an anaphor pointed at)."""
        subject = self._subject(before, sentence.start)
        if subject is not None:
            return subject, self._names_at(subject, before, None)
        clause = self._reported_topic(sentence, before)
        if clause is not None:
            return clause
        passed: list[int] = []
        for k in range(s_no - 1, max(-1, s_no - 4), -1):
            if passed and self._paragraph_ends(k):
                return None
            prior = self.hits_of(k)
            subject = self._subject(prior, self.sentence_starts[k], main=True)
            if subject is None:
                passed.append(k)
                continue
            names = self._names_at(subject, prior, self.groups.get((subject.start, subject.end)))
            said = {n.entity or n.key for n in names}
            if all(any((n.entity or n.key) in said for _, n in self.found[j]) for j in passed):
                return subject, names
            return None
        return None

    def _clause_topic(self, sentence: Sentence, before: list[Hit]) -> tuple[Hit, list[Name]] | None:
        """Past a group of people, which no "it" points at, the subject of the nearest
        clause before the pronoun ("people say that MSG brings on attacks, but trials have
        not shown that it triggers migraine": MSG)."""
        for hit in reversed(top(before)):
            if _CLAUSE_END.search(self.doc, sentence.start, hit.start):
                return hit, [hit.name]
        return None

    def _reported_topic(
        self, sentence: Sentence, before: list[Hit]
    ) -> tuple[Hit, list[Name]] | None:
        """Where a sentence opens with no mention ("Most trials found that beetroot juice
        did not help, and there is no evidence that it prevents dementia"), the subject of
        a clause it reports ("that ...") before the pronoun: what the findings are about."""
        for hit in top(before):
            if _REPORTED.search(self.doc, sentence.start, hit.start):
                return hit, self._names_at(hit, before, None)
        return None

    def _paragraph_ends(self, k: int) -> bool:
        """Whether a line ends after sentence ``k``."""
        text = self.doc[self.sentence_starts[k] : self.sentence_starts[k + 1]]
        return "\n" in text[len(text.rstrip()) :]

    def _names_at(self, subject: Hit, hits: list[Hit], group: list[Name] | None) -> list[Name]:
        return group or [h.name for h in hits if (h.start, h.end) == (subject.start, subject.end)]

    def _plural(self, hit: Hit) -> bool:
        """Whether a mention's head is a plural noun ("nerves", "people"): its last word,
        or a dose's before its "of" ("high doses of vitamin A")."""
        text = self.doc[hit.start : hit.end]
        dose = DOSE_OF.match(text)
        last = (dose.group(1) if dose else re.findall(r"[^\W_]+", text)[-1]).casefold()
        return last in IRREGULAR_PLURALS or folded(last) != last

    def _rival(
        self, s_no: int, subject: Hit, before: int, names: list[Name], hits: list[Hit]
    ) -> bool:
        """Whether a plural mention of something else stands between ``subject`` and a
        "they" at ``before``."""
        prior = self.hits_of(s_no - 3, s_no)
        own = {n.entity or n.key for n in names}
        return any(
            subject.end <= h.start
            and h.end <= before
            and (h.name.entity or h.name.key) not in own
            and self._plural(h)
            for h in top(prior + hits)
        )

    def _subject(self, hits: list[Hit], start: int, main: bool = False) -> Hit | None:
        """The mention the sentence at ``start`` opens with, after a short opening phrase
        set off by a comma ("In conclusion, ...") or a prepositional phrase to its comma
        ("In children with epilepsy, ..."), and with ``main`` (a sentence before the
        pronoun's) after a subordinate clause to its comma ("Once you eat it, ..."); after
        at most one word ("The") or words that only say which or how much ("Even mild
        dehydration"); not one a hyphen binds into a modifier ("One placebo-controlled
        trial ..."), no subject."""
        openers = _PHRASE_OPENERS | _CLAUSE_OPENERS if main else _PHRASE_OPENERS
        for hit in ordered(hits):
            lead = self._lead(self.doc[start : hit.start], openers)
            if lead is None:
                continue  # inside the phrase the sentence opens with
            bound = _BOUND.match(self.doc, hit.end)
            plain = len(lead) <= 1 or all(
                w in _LEADS or w in GRADING or w in SEVERITY for w in lead
            )
            return hit if plain and not bound else None
        return None

    @staticmethod
    def _lead(text: str, openers: frozenset[str]) -> list[str] | None:
        """The folded words of a sentence's opening ``text`` that stand before a mention in
        its main clause: past a short phrase and its comma or colon, and past a phrase or
        clause one of ``openers`` starts, to its comma; None while that one has not ended."""
        text = _OPENING.sub("", text, count=1)
        words = [folded(w) for w in re.findall(r"[^\W_]+", text)]
        if words and words[0] in openers:
            if "," not in text:
                return None
            words = [folded(w) for w in re.findall(r"[^\W_]+", text.split(",", 1)[1])]
        return words

    def _object(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """An "it" ending a clause after a verb or "of" in a sentence that opens with a food
        ("Fish also provide it", "Nuts add some of it") is the nutrient named before, when
        it is the one singular thing but foods this sentence and the one before name."""
        word, last = words[i], words[i - 1].key if i else ""
        before = [h for h in hits if h.end <= word.start]
        opener = self._subject(before, self.sentence_starts[-1])
        food = opener is not None and self.vocab.kind(opener.name.type) == "Food"
        if word.key != "it" or not (last == "of" or is_verb(last) or last in _NEEDS):
            return []
        if not _OBJECT_END.match(self.doc, word.end):
            return self._sourced_object(word, before, hits) or self._needed_object(
                s_no, word, last, before, hits
            )
        if not food:
            return self._condition_object(s_no, word, before)
        things = {h.name.entity or h.name.key: h.name
                  for h in top(self.recent(s_no, word.start, hits, back=1))
                  if self.vocab.kind(h.name.type) != "Food" and not self._plural(h)}  # fmt: skip
        name = things.popitem()[1] if len(things) == 1 else None
        nutrient = name is not None and self.vocab.is_a(name.type, "Nutrient")
        if name is not None and nutrient:
            return [Hit(word.start, word.end, name, "anaphora")]
        return self._condition_object(s_no, word, before)

    def _sourced_object(self, word: Word, before: list[Hit], hits: list[Hit]) -> list[Hit]:
        """An object "it" with the foods it is found in after it ("... are packed with
        nitrate, and you can also find it in lettuce") is the one substance this sentence
        names before it: a list of sources names what they hold, and a substance further
        back may be a rival the text set aside ("the ready-made form")."""
        source = _SOURCE_AFTER.match(self.doc, word.end)
        food = source and next((h for h in hits if h.start == source.end()), None)
        if not food or self.vocab.kind(food.name.type) != "Food":
            return []
        things = {h.name.entity or h.name.key: h.name for h in top(before)
                  if h.how != "anaphora" and self.vocab.kind(h.name.type) != "Food"
                  and not self._plural(h)}  # fmt: skip
        name = things.popitem()[1] if len(things) == 1 else None
        if name is None or self.vocab.kind(name.type) != "ChemicalEntity":
            return []
        return [Hit(word.start, word.end, name, "anaphora")]

    def _needed_object(
        self, s_no: int, word: Word, verb: str, before: list[Hit], hits: list[Hit]
    ) -> list[Hit]:
        """An "it" that is needed or used for a purpose the text names as a process ("The
        thyroid gland uses it to make thyroid hormones") is a substance: the subject of its
        sentence if that is one, else the one substance its sentence names before it, else
        the subject of the sentence before. Not before a purpose that is no process ("needs
        it to make DNA"): the thing made is read as made by what "it" names."""
        purpose = _PURPOSE_AFTER.match(self.doc, word.end)
        if verb not in _NEEDS or purpose is None:
            return []
        if not any(h.start == purpose.end() and self._process(h) for h in hits):
            return []
        opener = self._subject(before, self.sentence_starts[-1])
        prior = self.hits_of(s_no - 1) if s_no else []
        earlier = self._subject(prior, self.sentence_starts[s_no - 1], main=True) if s_no else None
        things = {h.name.entity or h.name.key: h.name for h in top(before)
                  if self._substance(h) and h.how != "anaphora"}  # fmt: skip
        if opener is not None and self._coordinated(opener, before):
            return []
        if opener is not None and self._substance(opener):
            return [Hit(word.start, word.end, opener.name, "anaphora")]
        if len(things) == 1:
            return [Hit(word.start, word.end, things.popitem()[1], "anaphora")]
        if not things and earlier is not None and self._substance(earlier):
            return [Hit(word.start, word.end, earlier.name, "anaphora")]
        return []

    def _process(self, hit: Hit) -> bool:
        return any(self.vocab.is_a(hit.name.type, c) for c in _PROCESSES)

    def _substance(self, hit: Hit) -> bool:
        """Whether a mention names one substance, not a class of them ("a trace element")."""
        text = self.doc[hit.start : hit.end]
        return (
            self.vocab.kind(hit.name.type) == "ChemicalEntity"
            and not self._plural(hit)
            and folded(text.split()[-1]) not in ANAPHOR_HEADS
        )

    def _salient_condition(self, s_no: int, word: Word, before: list[Hit]) -> list[Hit]:
        """Among the conditions its sentence names before an object "it", the one this
        sentence and the two before name most often ("Iron deficiency is one of the triggers
        of RLS, and pregnant women are more likely to get it": RLS, named in the sentence
        before too); none where two are named as often."""
        recent = self.hits_of(s_no - _SALIENCE_REACH, s_no)
        counts: dict[str, int] = {}
        names: dict[str, Name] = {}
        for h in top(recent + before):
            if self.vocab.kind(h.name.type) == "Condition" and not self._plural(h):
                key = h.name.entity or h.name.key
                counts[key] = counts.get(key, 0) + 1
                names[key] = h.name
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
            return []
        key = max(counts, key=counts.__getitem__)
        if not any((h.name.entity or h.name.key) == key for h in before):
            return []
        return [Hit(word.start, word.end, names[key], "anaphora")]

    def _condition_object(self, s_no: int, word: Word, before: list[Hit]) -> list[Hit]:
        """An "it" ending a clause after a verb ("Sugar has not been shown to cause it")
        in a sentence that names no condition before it is the condition the sentence
        before opens with ("ADHD is a neurodevelopmental disorder."): what is said of a
        condition's causes and treatments points back at the condition a text is about.
        Where the sentence names conditions, it is the one most talked about."""
        if s_no == 0:
            return []
        if any(self.vocab.kind(h.name.type) == "Condition" and h.how != "anaphora" for h in before):
            return self._salient_condition(s_no, word, before)
        start = self.sentence_starts[s_no - 1]
        prior = self.hits_of(s_no - 1)
        subject = self._subject(prior, start, main=True)
        if subject is None or self._plural(subject):
            return []
        names = {n.entity or n.key: n for n in self._names_at(subject, prior, None)}
        if len(names) != 1:
            return []
        name = next(iter(names.values()))
        if self.vocab.kind(name.type) != "Condition":
            return []
        return [Hit(word.start, word.end, name, "anaphora")]


def pronoun(key: str) -> str:
    """The pronoun of :data:`PRONOUNS` a folded word is or begins ("they're": "they"), or
    the empty string."""
    if key in PRONOUNS:
        return key
    contracted = _CONTRACTED.fullmatch(key)
    return contracted.group(1) if contracted else ""
