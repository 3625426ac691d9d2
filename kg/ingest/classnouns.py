"""The class a text says a mention is one of ("Caffeine, a stimulant found in coffee",
"Rhodopsin is a light-sensitive pigment", "used as a mood stabiliser"): a head noun no
vocabulary knows is proposed as a thing of the mention's kind, and every such head, known
or not, is remembered as a name the text may use for the mention later ("Nitrous oxide ...
is a colourless gas. ... The gas can cause frostbite"). The other way round, a name no
vocabulary knows that the text says is one of a known class ("Methylmercury is a
neurotoxin", "the omega-3 fat DHA") is a thing of that class, wherever the text names it."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Matcher, Word, ordered, top
from kg.ingest.model import Sentence
from kg.ingest.nounwords import CLASS_VAGUE, HEALTH_NOUNS, NAMING_PARTICIPLES, is_adverb
from kg.ingest.vocabulary import Name, Vocabulary, case_bound, extend_reach, folded
from kg.ingest.wordlists import (
    ADJECTIVES,
    ANAPHOR_HEADS,
    DASH,
    NP_HEADS,
    PEOPLE,
    STOPWORDS,
    is_verb,
)

__all__ = ["ClassNouns"]

#: What joins a mention to the class the text says it is one of: an appositive's comma, a
#: copula ("is", "is also"), or "used/acts/serves as".
_APPOSITIVE = re.compile(r"[\"”’)]?\s*,\s*")
_COPULA = re.compile(r"[\"”’)]?\s*,?\s+(?:is|was)\s+(?:also\s+)?", re.IGNORECASE)
_ASIDE_COPULA = re.compile(r",\s*(?:is|was)\s+(?:also\s+)?\Z", re.IGNORECASE)
_USED_AS = re.compile(
    r"\b(?:used|acts?|acted|serves?|served|works?|worked)\b[^,;:.]{0,30}?\bas\s+\Z",
    re.IGNORECASE,
)
#: What may follow a class noun phrase: punctuation, a relative word, a participle or a
#: preposition that describes the class ("a stimulant found in coffee", "a pigment that").
_AFTER = re.compile(
    r"\s*(?:[.,;:!?)(]|$)|\s+(?:that|which|who|and|or|from|in|with|for|found|made|produced|"
    r"involved|used|needed|known|called)\b",
    re.IGNORECASE,
)
#: A relative clause after a definite appositive's class ("the hormone that ...").
_RELATIVE = re.compile(r"\s+(?:that|which|who)\b", re.IGNORECASE)
#: At most this many words in the class's noun phrase ("an orange plant pigment").
_MOST_WORDS = 4
#: A class noun no vocabulary knows is proposed only with at least this many letters.
_SHORTEST = 4
#: How many sentences back a head names the mention a definite anaphor points at.
_HEAD_REACH = 5
#: The kinds of mention whose class a text names so.
_KINDS = frozenset({"ChemicalEntity", "Food"})
#: A name opening a sentence (a capitalised word or an acronym, perhaps a lower-case word
#: after it) and a copula with an indefinite article: what follows says its class
#: ("Methylmercury is a neurotoxin").
_TYPED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s))((?:[A-Z][a-z]{3,}|[A-Z]{2,6}\d*)(?:\s+[a-z]{4,})?)"
    r"\s+(?:is|was)\s+(?:also\s+)?an?\s+",
    re.MULTILINE,
)
#: A word of a class's noun phrase ("light-sensitive", "omega-3").
_PLAIN_WORD = re.compile(r"[\w'-]+")
#: "The" and a class of a few words, then an acronym its name: "the omega-3 fat DHA".
_TYPED_AFTER = re.compile(
    r"\b[Tt]he\s+([\w-]+(?:\s+[\w-]+){0,2}?)\s+([A-Z][A-Z\d-]{1,7})\b(?![\w(-])"
)


class ClassNouns(Matcher):
    """The class-noun step of the mention finder, and the names it gives mentions."""

    def __init__(self, document: str, vocabulary: Vocabulary) -> None:
        super().__init__(document, vocabulary)
        #: A class head the text said a mention is one of -> (from where, the mention's name).
        self.said_heads: dict[str, tuple[int, Name]] = {}
        self.typed_names()

    def typed_names(self) -> None:
        """A name no vocabulary knows that the text says is a thing of a known chemical
        or food class ("Methylmercury is a neurotoxin.", "the omega-3 fat DHA") is a
        thing of that class, proposed with suggestions, and a name of it from the
        document's start: its first mention may come before the sentence that types it.
        One pass over the text, a lookup for each of the few phrases so shaped."""
        for typed in _TYPED_SUBJECT.finditer(self.doc):
            cls = self._class_after(typed.end())
            if cls is not None:
                self._typed(typed.start(1), typed.end(1), cls)
        for typed in _TYPED_AFTER.finditer(self.doc):
            phrase = typed.group(1)
            cls = self._class_name(phrase, typed.start(1))
            if cls is not None:
                self._typed(typed.start(2), typed.end(2), cls)

    def _class_after(self, at: int) -> Name | None:
        """The known chemical or food class of the noun phrase of at most
        :data:`_MOST_WORDS` plain words from ``at`` that ends where a description or the
        clause does ("a heavy metal that ..."), by its longest known ending ("metal")."""
        for k, word in enumerate(_PLAIN_WORD.finditer(self.doc, at, at + 80)):
            plain = word.group().isalpha() or "-" in word.group()
            if k >= _MOST_WORDS or not plain or folded(word.group()) in STOPWORDS:
                return None
            if _AFTER.match(self.doc, word.end()):
                phrase = self.doc[at : word.end()].split()
                for i in range(len(phrase)):
                    cls = self._class_name(" ".join(phrase[i:]), at)
                    if cls is not None:
                        return cls
                return None
        return None

    def _class_name(self, phrase: str, at: int) -> Name | None:
        """The name a vocabulary has for ``phrase`` as a class of chemicals or foods."""
        key = folded(phrase)
        if key in STOPWORDS or key in PEOPLE:
            return None
        name = self.lookup(key, at, phrase) or self.vocab.class_name(key)
        return name if name is not None and self.vocab.kind(name.type) in _KINDS else None

    def _typed(self, start: int, end: int, cls: Name) -> None:
        """The text at ``start``-``end`` names a thing of the class ``cls``, if no
        vocabulary names it or any word of it."""
        text = self.doc[start:end]
        key = folded(text)
        if key in self.aliases or any(
            folded(w) in STOPWORDS or is_verb(folded(w)) or self.lookup(folded(w), start, w)
            for w in (text, *text.split())
        ):
            return
        name = Name(cls.type, False, "suggested", (text,), key=f"np:{key}")
        self.aliases[key] = (0, name)
        extend_reach(self.alias_reach, key)

    def health_nouns(self, words: list[Word], hits: list[Hit]) -> None:
        """A general health noun the lexicon lacks (:data:`HEALTH_NOUNS`: "addiction",
        "alertness", "IQ") is a mention of a thing of its class, proposed with suggestions,
        where no name holds it; an acronym only in capitals."""
        for k, word in enumerate(words):
            for j in (k + 1, k):  # "blood flow" before "blood"
                if j >= len(words):
                    continue
                start, end = word.start, words[j].end
                text = self.doc[start:end]
                found = HEALTH_NOUNS.get(folded(text))
                if found is None or any(
                    h.start < end and start < h.end and not start <= h.start < h.end <= end
                    for h in hits
                ):
                    continue  # a name that reaches past it: "blood flow" may hold "blood"
                if not (text.isupper() if case_bound(text) else text[1:].islower()):
                    continue
                cls, named = found
                key = named or folded(text)
                spelling = named or text.lower()  # its label, whatever phrase holds it
                name = Name(cls, False, "suggested", (spelling,), key=f"np:{key}")
                hits.append(Hit(start, end, name, "suggested", named=not named))
                break
        hits[:] = ordered(hits)

    def class_nouns(self, sentence: Sentence, words: list[Word], hits: list[Hit]) -> None:
        """The class the text says a chemical or food is one of: after an appositive's
        "a" ("Caffeine, a stimulant"), a copula ("Rhodopsin is a light-sensitive
        pigment") or "used as a" ("Lithium ... is used as a mood stabiliser"), a noun
        phrase of plain words whose head no vocabulary knows is proposed as a thing of the
        mention's kind: the head, or a compound with the one-word name before it ("mood
        stabiliser"); after an appositive's "the" and before a relative clause
        ("melatonin, the hormone that ..."), a class word too ("hormone"). Its head names
        the mention from then on (:attr:`said_heads`)."""
        starts = {w.start: i for i, w in enumerate(words)}
        for at, word in enumerate(words):
            if word.key not in ("a", "an", "the") or at + 1 >= len(words):
                continue
            definite = word.key == "the"
            subject = self._classified(sentence, word.start, hits, definite)
            head = None if subject is None else self._class_head(words, at + 1, hits)
            if head is None or (definite and not _RELATIVE.match(self.doc, words[head].end)):
                continue
            key = words[head].key
            self.said_heads.setdefault(key, (words[head].end, subject.name))
            if any(h.start < words[head].end and words[head].start < h.end for h in hits):
                continue  # a known class: "a colourless gas"
            if key in ANAPHOR_HEADS:  # "melatonin, the hormone that ...": the class itself
                known = self.vocab.class_name(key)
                if known is not None:
                    hits.append(Hit(words[head].start, words[head].end, known, known.how))
                continue
            if len(key) < _SHORTEST:
                continue
            first = head
            before = [h for h in top(hits) if h.end == words[head - 1].end and head - 1 > at]
            if before and before[0].start == words[head - 1].start and before[0].how != "anaphora":
                first = starts[before[0].start]  # "a mood stabiliser": a compound
            start, end = words[first].start, words[head].end
            name_key = folded(self.doc[start:end])
            cls = self.vocab.kind(subject.name.type)
            spelling = self.doc[start:end]  # its label, whatever phrase holds it
            name = Name(cls, False, "suggested", (spelling,), key=f"np:{name_key}")
            hits.append(Hit(start, end, name, "suggested"))
        hits[:] = ordered(hits)

    def _classified(
        self, sentence: Sentence, at: int, hits: list[Hit], definite: bool
    ) -> Hit | None:
        """The chemical or food mention the article at ``at`` says the class of: the
        mention right before an appositive's comma or a copula, the sentence's first
        mention before a copula after an aside between commas ("Nitrous oxide, also called
        laughing gas, is a colourless gas"), or the last mention before "used as"; for a
        ``definite`` article ("the"), only an appositive's."""
        before = self.doc[sentence.start : at]
        tops = [h for h in top(hits) if h.end <= at and h.how != "anaphora"]
        if not tops:
            return None
        gap = self.doc[tops[-1].end : at]
        if definite:
            subject = tops[-1] if _APPOSITIVE.fullmatch(gap) else None
        elif _APPOSITIVE.fullmatch(gap) or _COPULA.fullmatch(gap) or _USED_AS.search(before):
            subject = tops[-1]
        elif _ASIDE_COPULA.search(before) and self.doc[tops[0].end : at].lstrip().startswith(","):
            subject = tops[0]
            if self.doc[sentence.start : subject.start].split()[1:]:
                return None  # not the sentence's subject
        else:
            return None
        kind = self.vocab.kind(subject.name.type) if subject is not None else ""
        return subject if kind in _KINDS else None

    def _class_head(self, words: list[Word], first: int, hits: list[Hit]) -> int | None:
        """The head word of the noun phrase of plain words from ``words[first]`` that ends
        where a description or the clause does, or None: no function word, verb, adverb,
        person or vague noun ("a concern", "a source of")."""
        last = None
        for k in range(first, min(first + _MOST_WORDS, len(words))):
            word = words[k]
            if k > first and self.doc[words[k - 1].end : word.start].strip(DASH + " "):
                break
            raw = self.doc[word.start : word.end]
            key = word.key
            if not raw.isalpha() or key in STOPWORDS or is_adverb(key):
                return None
            if is_verb(key) and key not in NAMING_PARTICIPLES:
                break
            last = k
            if _AFTER.match(self.doc, word.end):
                break
        else:
            return None
        if last is None or not _AFTER.match(self.doc, words[last].end):
            return None
        key = words[last].key
        raw = self.doc[words[last].start : words[last].end]
        vague = key in CLASS_VAGUE and key not in ANAPHOR_HEADS  # "a hormone" is a class
        if vague or key in ADJECTIVES or key in PEOPLE or not raw.islower():
            return None
        return None if key.endswith(("ing", "ed")) else last

    def named_anaphor(self, s_no: int, words: list[Word], i: int) -> Hit | None:
        """ "The gas", "the damage": "the", "this" or "that" and a singular head that the
        text said before a mention is one of ("Nitrous oxide is a colourless gas"), else a
        class head (:data:`NP_HEADS`) that the name of a mention a few sentences before
        ends in ("nerve damage"), point back at that mention; None when neither."""
        h = i + 1
        if h >= len(words) or words[i].key not in ("the", "this", "that"):
            return None
        key = words[h].key
        raw = self.doc[words[h].start : words[h].end]
        if key in ANAPHOR_HEADS or not raw.islower() or folded(raw) != raw.casefold():
            return None  # a class anaphor of its own, a name or a plural ("the gases")
        if not self.doc[words[i].end : words[h].start].isspace():
            return None
        said = self.said_heads.get(key)
        if said is not None and said[0] <= words[h].start:
            return Hit(words[i].start, words[h].end, said[1], "anaphora")
        if key not in NP_HEADS:
            return None
        named = [
            x
            for x in top(self.recent(s_no, words[i].start, [], back=_HEAD_REACH))
            if " " in (text := folded(self.doc[x.start : x.end])) and text.rsplit(" ", 1)[1] == key
        ]
        last = max(named, key=lambda x: x.start, default=None)
        return None if last is None else Hit(words[i].start, words[h].end, last.name, "anaphora")
