"""Anaphors ("this nutrient", "these foods", "the deficiency", a safe "it") resolved to the
mention they point back at."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Matcher, Word, ordered
from kg.ingest.model import Sentence
from kg.ingest.vocabulary import Name, folded
from kg.ingest.wordlists import ANAPHOR_DETERMINERS, ANAPHOR_HEADS, STOPWORDS, is_verb, wordset

__all__ = ["Anaphora"]

#: The heads of a bare deficiency anaphor ("Deficiency can cause ...").
_DEFICIENCY = frozenset({"deficiency", "insufficiency"})

#: After "the" + head, words that show a description rather than an anaphor ("the
#: deficiency of ...", "the protein that ...").
_DESCRIBED_BY = wordset(
    "of in that which who whose called known named such like as from for with to"
)
_OPENING = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*,\s*")
_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but", "so", "yet"})
#: "It is important to ...", "it seems that ...": an "it" that points at nothing.
_PLEONASTIC = re.compile(
    r"(?:['’]s|\s+(?:is|was|seems|appears|becomes|remains|may\s+be|can\s+be|might\s+be|"
    r"would\s+be|could\s+be|will\s+be))\s+(?:[\w’'-]+\s+){0,4}?(?:to|that|whether|if|how)\b"
    r"|\s+(?:comes|came|takes|took)\b",
    re.IGNORECASE,
)


class Anaphora(Matcher):
    """The anaphora step of the mention finder."""

    def anaphors(self, s_no: int, sentence: Sentence, words: list[Word], hits: list[Hit]) -> None:
        """Anaphors resolved to the most recent compatible mention: "this (important)
        nutrient", "these foods", "the deficiency", and "it" where it is safe."""
        free = [not any(h.start <= w.start < h.end for h in hits) for w in words]
        found: list[Hit] = []
        for i, word in enumerate(words):
            if not free[i]:
                continue
            if word.key in ANAPHOR_DETERMINERS:
                found += self._definite(s_no, words, i, hits)
            elif word.key in ("it", "its"):
                found += self._pronoun(s_no, sentence, words, i, hits)
        for i, word in enumerate(words):
            if (
                free[i]
                and word.key in _DEFICIENCY
                and not any(h.start <= word.start < h.end for h in found)
            ):
                found += self._deficiency(s_no, words, i, hits)
        hits += found
        hits[:] = ordered(hits)

    def _definite(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """A determiner, at most two describing words and a head: "this important
        nutrient", "these neurotransmitters" (a head that names the class entity itself),
        "this balance" (the head of an earlier mention's name). With "the", only a bare
        class head not followed by what describes it ("the deficiency", but not "the
        deficiency of ..." or "the autoimmune disease")."""
        det = words[i].key
        demonstrative = det != "the"
        last: int | None = None
        named: set[str] = set()  # the class entity a head names, never its own antecedent
        for h in range(i + 1, min(i + 4, len(words))):
            word = words[h]
            if self.doc[words[h - 1].end : word.start].strip():
                break  # punctuation ends the phrase
            inside = [x for x in hits if x.start < word.end and word.start < x.end]
            pair = folded(self.doc[words[h - 1].start : word.end]) if h > i + 1 else ""
            is_head = word.key in ANAPHOR_HEADS or pair in ANAPHOR_HEADS
            if inside:
                if demonstrative and is_head and all(x.end == word.end for x in inside):
                    last = h
                    named = {x.name.entity or x.name.key for x in inside}
                break
            if word.key in STOPWORDS or is_verb(word.key):
                break
            last = h
            if is_head:
                break
        if last is None:
            return []
        pair = folded(self.doc[words[last - 1].start : words[last].end])
        head = pair if last > i + 1 and pair in ANAPHOR_HEADS else words[last].key
        classes = ANAPHOR_HEADS.get(head, ())
        if not demonstrative and (
            not classes or last > i + 1 + (head == pair) or self._described(words, last)
        ):
            return []
        raw = self.doc[words[last].start : words[last].end]
        plural = det in ("these", "those") or folded(raw) != raw.casefold()
        targets = self._antecedents(
            s_no, words[i].start, words[last].key, classes, plural, hits, named
        )
        return [Hit(words[i].start, words[last].end, t, "anaphora") for t in targets]

    def _deficiency(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """A bare "deficiency" ("Deficiency can ...", "a deficiency", "the deficiency")
        is the deficiency last named, else that of the nutrient last named; not after a
        naming word ("vitamin deficiency") nor with a description ("deficiency of ...")."""
        word = words[i]
        before = self.doc[words[i - 1].end : word.start] if i else ""
        if i and not before.strip() and words[i - 1].key not in STOPWORDS:
            return []
        if self._described(words, i):
            return []
        named = self._antecedents(
            s_no, word.start, word.key, ("DeficiencyState",), False, hits, set()
        )
        if named:
            return [Hit(word.start, word.end, named[0], "anaphora")]
        recent = [
            Hit(m.start, m.end, n, m.how)
            for k in range(max(0, s_no - 2), s_no)
            for m, n in self.found[k]
        ]
        recent += [h for h in hits if h.end <= word.start]
        nutrients = [
            h for h in recent if h.how != "anaphora" and self.vocab.is_a(h.name.type, "Nutrient")
        ]
        if not nutrients:
            return []
        last = max(nutrients, key=lambda h: (h.start, -h.end))
        return [Hit(word.start, word.end, self.deficiency_of(last), "anaphora")]

    def _described(self, words: list[Word], h: int) -> bool:
        if h + 1 >= len(words) or not self.doc[words[h].end : words[h + 1].start].isspace():
            return False
        after = words[h + 1].key
        return after in _DESCRIBED_BY or after.endswith("ed")

    def _antecedents(
        self,
        s_no: int,
        before: int,
        head: str,
        classes: tuple[str, ...],
        plural: bool,
        hits: list[Hit],
        named: set[str],
    ) -> list[Name]:
        """The antecedent of an anaphor with head word ``head``, among the mentions of this
        sentence and the two before, most recent first: of the first of ``classes`` that
        has one, the class itself before its subclasses ("this process" is a process before
        it is a function), and among those one whose name ends in the head ("this process"
        after "the methylation process"); with no class, only such a one. For a plural
        anaphor, the whole list the antecedent is in."""
        recent = [
            (m.start, m.end, n) for k in range(max(0, s_no - 2), s_no) for m, n in self.found[k]
        ]
        recent += [(h.start, h.end, h.name) for h in hits if h.end <= before]
        recent = [r for r in recent if (r[2].entity or r[2].key) not in named]
        recent.sort(key=lambda r: (r[0], r[1]), reverse=True)
        tiers = [(c, e) for c in classes for e in (True, False)] or [("", False)]
        for cls, exact in tiers:
            fits = [
                r
                for r in recent
                if not cls or (r[2].type == cls if exact else self.vocab.is_a(r[2].type, cls))
            ]
            by_head = [r for r in fits if head in self._heads(*r)]
            chosen = (by_head or (fits if cls else []))[:1]
            for start, end, name in chosen:
                group = self.groups.get((start, end)) if plural else None
                if group:
                    return [n for n in group if not cls or self.vocab.is_a(n.type, cls)]
                return [name]
        return []

    def _heads(self, start: int, end: int, name: Name) -> set[str]:
        """The head words a mention goes by: the last word of its text, and of its
        entity's label."""
        texts = [self.doc[start:end]]
        if name.known:
            texts.append(self.vocab.entities[name.entity].label)
        return {folded(t.split()[-1]) for t in texts if t.split()}

    def _pronoun(
        self, s_no: int, sentence: Sentence, words: list[Word], i: int, hits: list[Hit]
    ) -> list[Hit]:
        """A clause-opening "it"/"its" that is not pleonastic ("it is vital to ...") points
        at the subject of its sentence, or else of the sentence before."""
        word = words[i]
        before = self.doc[sentence.start : word.start].rstrip()
        opener = (
            not before
            or before[-1] in ",;:"
            or (
                i > 0
                and words[i - 1].key in _CLAUSE_OPENERS
                and words[i - 1].end == len(before) + sentence.start
            )
        )
        if not opener or (word.key == "it" and _PLEONASTIC.match(self.doc, word.end)):
            return []
        subject = self._subject([h for h in hits if h.end <= word.start], sentence.start)
        if subject is None and s_no > 0:
            prior = self.found[s_no - 1]
            start = self.sentence_starts[s_no - 1]
            subject = self._subject([Hit(m.start, m.end, n, m.how) for m, n in prior], start)
        if subject is None or subject.name.type == "PopulationGroup":
            return []
        return [Hit(word.start, word.end, subject.name, "anaphora")]

    def _subject(self, hits: list[Hit], start: int) -> Hit | None:
        """The mention the sentence at ``start`` opens with, after at most one word ("The")
        and a short opening phrase set off by a comma ("In conclusion, ...")."""
        for hit in ordered(hits):
            lead = _OPENING.sub("", self.doc[start : hit.start], count=1).split()
            return hit if len(lead) <= 1 and hit.how != "anaphora" else None
        return None
