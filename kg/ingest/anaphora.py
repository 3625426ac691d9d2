"""Anaphors ("this nutrient", "these foods", "the deficiency", a safe "it") resolved to the
mention they point back at."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter

from kg.ingest.classnouns import ClassNouns
from kg.ingest.matching import Hit, Word, ordered, top
from kg.ingest.model import Sentence
from kg.ingest.pronouns import CLAUSE_BREAKS, DOSE_OF, Pronouns, pronoun
from kg.ingest.vocabulary import Name, folded
from kg.ingest.wordlists import (
    ANAPHOR_DETERMINERS,
    ANAPHOR_HEADS,
    DASH,
    DESCRIBED_BY,
    HEAD_ONLY,
    PEOPLE,
    SEVERITY,
    SHORTFALLS,
    STOPWORDS,
    is_verb,
    wordset,
)

__all__ = ["Anaphora"]

#: The heads of a bare deficiency anaphor ("Deficiency can cause ...").
_DEFICIENCY = frozenset({"deficiency", "insufficiency"})
#: The heads of a dose anaphor, and the words of size before one ("very high doses").
_DOSES = wordset("dose megadose amount")
_DOSE_SIZES = wordset("high large huge big massive excessive very extremely moderate small")
#: A level that falls, said of its owner, not its nutrient ("your level drops"); not
#: "its" or "their", pronouns that name the owner themselves.
_FALLS = wordset("drop drops dropped dip dips dipped fall falls fell plummet plummets sink sinks")
_LEVELS = wordset("level levels store stores status")
_OWNERS = wordset("your our his her")
#: Heads of the use of a substance, or of the exposure to it (a toxicant's dose: "High
#: prenatal exposure"), and the words of how much, how often or when ("Heavy or frequent
#: use", "long-term use"), and how many sentences back the substance used (or a dose said
#: before) may be named.
_USES = wordset("use exposure")
_USE_SIZES = wordset(
    """heavy frequent regular long short term chronic prolonged excessive daily
    recreational repeated high very low prenatal early occupational or and"""
)
_USE_REACH = 8
#: Dose heads that point back only with a word of size ("High doses", "Large amounts").
_SIZED = wordset("dose amount")


#: How many sentences back a head that must name its antecedent ("the diet") may reach:
#: an article's length, not a whole corpus's (the search is linear in what it reaches).
_HEAD_ONLY_REACH = 60


def _unheld(spans: list[tuple[int, int, Name]]) -> list[tuple[int, int, Name]]:
    """``spans`` (in their order) without those a known name's longer span holds
    ("pumpkin seeds" holds "seeds"); a phrase only proposed with suggestions hides no name
    inside it. One sweep by start, the longer first: a span is held when an earlier,
    different span of a known name reaches as far."""
    held: set[tuple[int, int]] = set()
    reach = -1  # the farthest end of a known name's span in the groups before
    for span, group in groupby(sorted(spans, key=lambda r: (r[0], -r[1])), key=itemgetter(0, 1)):
        if reach >= span[1]:
            held.add(span)
        reach = max([reach, *(r[1] for r in group if r[2].how != "suggested")])
    return [r for r in spans if r[:2] not in held]


def _free(words: list[Word], hits: list[Hit]) -> list[bool]:
    """Whether each word starts outside every mention (by bisection: hits times words
    is too many pairs in a long sentence)."""
    starts = [w.start for w in words]
    free = [True] * len(words)
    for h in hits:
        for k in range(bisect_left(starts, h.start), bisect_left(starts, h.end)):
            free[k] = False
    return free


class Anaphora(Pronouns, ClassNouns):
    """The anaphora step of the mention finder."""

    def anaphors(self, s_no: int, sentence: Sentence, words: list[Word], hits: list[Hit]) -> bool:
        """Anaphors resolved to the most recent compatible mention: "this (important)
        nutrient", "these foods", "the deficiency", and "it" where it is safe; whether
        any was found (the caller reads "a deficiency of this vitamin" again then)."""
        hits[:] = [h for h in hits if not self._graded_deficiency(words, h)]
        free = _free(words, hits)
        found: list[Hit] = []
        for i, word in enumerate(words):
            if not free[i]:
                continue
            if word.key in ANAPHOR_DETERMINERS:
                found += self._definite(s_no, words, i, hits)
            elif pronoun(word.key):
                found += self._pronoun(s_no, sentence, words, i, ordered(hits + found))
            elif word.key in _DOSES:
                found += self._dose(s_no, words, i, hits)
            elif word.key in _USES and i:
                found += self._use(s_no, words, i, hits)
            elif word.key in SHORTFALLS and i:
                found += self._shortfall(s_no, words, i, hits)
            elif word.key in _FALLS and i > 1:
                found += self._level_fall(s_no, words, i, hits)
        for i, word in enumerate(words):
            if (
                free[i]
                and word.key in _DEFICIENCY
                and not any(h.start <= word.start < h.end for h in found)
            ):
                found += self._deficiency(s_no, words, i, hits)
        hits += found
        hits[:] = ordered(hits)
        return bool(found)

    def _definite(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """A determiner, at most two describing words and a head: "this important
        nutrient", "these neurotransmitters" (a head that names the class entity itself),
        "this balance" (the head of an earlier mention's name). With "the", only a bare
        class head not followed by what describes it ("the deficiency", but not "the
        deficiency of ..." or "the autoimmune disease")."""
        det = words[i].key
        said = self.named_anaphor(s_no, words, i)
        if said is not None:
            return [] if self._described(words, i + 1) else [said]
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
                end = self._class_mention_end(words, h, is_head)
                if (
                    demonstrative
                    and end is not None
                    and all(x.end == words[end].end for x in inside)
                ):
                    last = end
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

    def _class_mention_end(self, words: list[Word], h: int, is_head: bool) -> int | None:
        """Where a class head that is a mention itself ends: at ``words[h]`` ("these
        neurotransmitters"), or at the next word for a two-word head ("this amino acid",
        "these fatty acids"); None when neither."""
        if is_head:
            return h
        if h + 1 >= len(words) or not self.doc[words[h].end : words[h + 1].start].isspace():
            return None
        pair = folded(self.doc[words[h].start : words[h + 1].end])
        return h + 1 if pair in ANAPHOR_HEADS else None

    def _deficiency(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """A bare "deficiency" ("Deficiency can ...", "a deficiency", "the deficiency")
        is the deficiency last named, else that of the nutrient last named; not after a
        naming word ("vitamin deficiency") nor with a description ("deficiency of ...")."""
        word = words[i]
        first = self._graded_from(words, i)
        before = self.doc[words[first - 1].end : words[first].start] if first else ""
        if first and not before.strip() and words[first - 1].key not in STOPWORDS:
            return []
        if self._described(words, i):
            return []
        named = self._antecedents(
            s_no, word.start, word.key, ("DeficiencyState",), False, hits, set()
        )
        if named:
            return [Hit(word.start, word.end, named[0], "anaphora")]
        last = self.last_nutrient(s_no, word.start, hits)
        if last is None:
            return []
        return [Hit(word.start, word.end, self._apart(self.deficiency_of(last), hits), "anaphora")]

    def _apart(self, name: Name, hits: list[Hit]) -> Name:
        """``name``, or where a mention of its sentence is of the same lexicon term by
        another name ("A deficiency leads to scurvy": MONDO's scurvy has "vitamin C
        deficiency" for a synonym), the state proposed by its own name: the text tells the
        two apart, so the anaphor does not make them one."""
        curies = {t.curie for t, _ in name.terms}
        if name.entity or not any(curies & {t.curie for t, _ in h.name.terms} for h in hits):
            return name
        phrase = name.spellings[0] if name.spellings else ""
        return Name(name.type, False, "suggested", name.spellings, key=f"np:{folded(phrase)}")

    def _shortfall(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """Falling short of a nutrient is its deficiency ("likely to become deficient",
        "fall short", "run short of calcium"): of the nutrient named after "in" or "of",
        else of the one named last."""
        verb, word = words[i - 1], words[i]
        if verb.key not in SHORTFALLS[word.key] or not self.doc[verb.end : word.start].isspace():
            return []
        of = words[i + 2].start if i + 2 < len(words) and words[i + 1].key in ("in", "of") else -1
        named = [h for h in top(hits) if h.start == of and self.vocab.is_a(h.name.type, "Nutrient")]
        n = named[0] if named else self.last_nutrient(s_no, verb.start, hits)
        return [Hit(verb.start, word.end, self.deficiency_of(n), "anaphora")] if n else []

    def _level_fall(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """A level of no named thing that falls ("when your level drops", "as your stores
        fall") is the deficiency of the nutrient named last."""
        owner, level, verb = words[i - 2], words[i - 1], words[i]
        spaced = all(
            self.doc[a.end : b.start].isspace() for a, b in ((owner, level), (level, verb))
        )
        if owner.key not in _OWNERS or level.key not in _LEVELS or not spaced:
            return []
        n = self.last_nutrient(s_no, owner.start, hits)
        return [Hit(owner.start, verb.end, self.deficiency_of(n), "anaphora")] if n else []

    def _dose(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """A large dose of no named thing ("High doses can cause ...", "megadoses") is one
        of the nutrient last named (else of the substance): its words of size and the
        head, not "doses of X"."""
        first = i
        while first and words[first - 1].key in _DOSE_SIZES:
            if self.doc[words[first - 1].end : words[first].start].strip():
                break
            first -= 1
        if (words[i].key in _SIZED and first == i) or self._described(words, i):
            return []
        if first and words[first - 1].key not in STOPWORDS | CLAUSE_BREAKS:
            return []  # "vitamin C doses", "zinc megadoses": a named dose
        start = words[first].start
        last = (
            self.last_nutrient(s_no, start, hits)
            or self._last_dose(s_no, start, hits)
            or self._last_substance(s_no, start, hits)
        )
        if last is None:
            return []
        return [Hit(words[first].start, words[i].end, last.name, "anaphora")]

    def _last_dose(self, s_no: int, before: int, hits: list[Hit]) -> Hit | None:
        """The dose of a named thing said last in the paragraph ("high doses of vitamin
        B6 ... High doses may also cause ..."): a bare dose repeats the dose a text is
        about, further back than a nutrient named in passing is looked for."""
        return self._latest(s_no, before, hits, in_paragraph=True, keep=lambda h: (
            h.how != "anaphora" and bool(DOSE_OF.match(self.doc[h.start : h.end]))))  # fmt: skip

    def _latest(
        self, s_no: int, before: int, hits: list[Hit], keep: Callable[[Hit], bool],
        in_paragraph: bool = False,
    ) -> Hit | None:  # fmt: skip
        """The last mention ``keep`` takes, of this sentence before ``before`` or of the
        ``_USE_REACH`` sentences before it (not past a paragraph's end if ``in_paragraph``)."""
        recent: list[Hit] = []
        for k in range(s_no - 1, max(-1, s_no - _USE_REACH - 1), -1):
            if in_paragraph and self._paragraph_ends(k):
                break
            recent += self.hits_of(k)
        kept = [h for h in top(recent + [h for h in hits if h.end <= before]) if keep(h)]
        return max(kept, key=lambda h: (h.start, -h.end), default=None)

    def _use(self, s_no: int, words: list[Word], i: int, hits: list[Hit]) -> list[Hit]:
        """Heavy or long use of no named thing ("Heavy or frequent use may cause ...", "very
        high exposure causes ...") is the use of the substance last named, no nutrient (a
        nutrient is taken, a drug used), within a few sentences: its words of how much and
        the head."""
        first = i
        while first and words[first - 1].key in _USE_SIZES:
            if self.doc[words[first - 1].end : words[first].start].strip(DASH + " "):
                break
            first -= 1
        if first == i or words[first].key in ("or", "and") or self._described(words, i):
            return []
        joined = first and self.doc[words[first - 1].end : words[first].start].isspace()
        if joined and words[first - 1].key not in STOPWORDS | CLAUSE_BREAKS:
            return []  # "alcohol use": a named use
        start = words[first].start
        last = self._latest(s_no, start, hits, keep=lambda h: (
            self.vocab.kind(h.name.type) == "ChemicalEntity"
            and not self.vocab.is_a(h.name.type, "Nutrient")
            and folded(self.doc[h.start : h.end].split()[-1]) not in ANAPHOR_HEADS))  # fmt: skip
        return (
            [] if last is None else [Hit(words[first].start, words[i].end, last.name, "anaphora")]
        )

    def _last_substance(self, s_no: int, before: int, hits: list[Hit]) -> Hit | None:
        """The substance named last where no nutrient is ("High doses of caffeine ...
        Moderate amounts do not ..."), unless it is a class ("a stimulant", "metals")."""
        last = self.last_nutrient(s_no, before, hits, "ChemicalEntity")
        text = self.doc[last.start : last.end] if last is not None else ""
        return None if last is None or folded(text.split()[-1]) in ANAPHOR_HEADS else last

    def _graded_from(self, words: list[Word], i: int) -> int:
        """The first of the words of degree before ``words[i]`` ("severe chronic|
        deficiency"), or ``i``."""
        while i and words[i - 1].key in SEVERITY:
            if self.doc[words[i - 1].end : words[i].start].strip(DASH + " "):
                break
            i -= 1
        return i

    def _graded_deficiency(self, words: list[Word], hit: Hit) -> bool:
        """Whether a proposed noun phrase is only a bare deficiency with words of degree
        ("chronic deficiency"): an anaphor, not a new thing."""
        if hit.how != "suggested":
            return False
        inside = [k for k, w in enumerate(words) if hit.start <= w.start and w.end <= hit.end]
        return (
            len(inside) > 1
            and words[inside[-1]].key in _DEFICIENCY
            and self._graded_from(words, inside[-1]) == inside[0]
        )

    def _described(self, words: list[Word], h: int) -> bool:
        """Whether words after the head say what it is ("deficiency of iron"); "in" or
        "among" before people says who has it ("deficiency in pregnant women")."""
        if h + 1 >= len(words) or not self.doc[words[h].end : words[h + 1].start].isspace():
            return False
        after = words[h + 1].key
        if after in ("in", "among") and any(w.key in PEOPLE for w in words[h + 2 : h + 5]):
            return False
        return after in DESCRIBED_BY or after.endswith("ed")

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
        anaphor, the whole list the antecedent is in, else all that fit in its sentence.
        A head that must name its antecedent ("the diet") may reach back further, an
        article's length."""
        first = max(0, s_no - (_HEAD_ONLY_REACH if head in HEAD_ONLY else 2))
        recent = [(m.start, m.end, n) for k in range(first, s_no) for m, n in self.found[k]]
        recent += [(h.start, h.end, h.name) for h in hits if h.end <= before]
        recent = [r for r in recent if (r[2].entity or r[2].key) not in named]
        # a participle that modifies a longer name is no antecedent ("bleeding gums")
        reach: dict[int, int] = {}
        for start, end, _ in recent:
            reach[start] = max(reach.get(start, end), end)
        recent = [r for r in recent if not (reach[r[0]] > r[1] and self._participle_at(*r[:2]))]
        recent.sort(key=lambda r: (r[0], r[1]), reverse=True)
        tiers = [(c, e) for c in classes for e in (True, False)] or [("", False)]
        for cls, exact in tiers:
            fits = [
                r
                for r in recent
                if not cls or (r[2].type == cls if exact else self.vocab.is_a(r[2].type, cls))
            ]
            fits = _unheld(fits)
            by_head = [r for r in fits if head in self._heads(*r)]
            pool = by_head or (fits if cls and head not in HEAD_ONLY else [])
            for start, end, name in pool[:1]:
                group = self.groups.get((start, end)) if plural else None
                if group:
                    return [n for n in group if not cls or self.vocab.is_a(n.type, cls)]
                if plural:  # a list the list finder did not join: all of its sentence
                    at = bisect_right(self.sentence_starts, start)
                    mates = [r for r in pool if bisect_right(self.sentence_starts, r[0]) == at]
                    return list(dict.fromkeys(r[2] for r in reversed(mates)))
                return [name]
        return []

    def _participle_at(self, start: int, end: int) -> bool:
        """Whether the text at ``start``-``end`` is one word in -ing ("bleeding")."""
        text = self.doc[start:end]
        return text.isalpha() and text.casefold().endswith("ing")

    def _heads(self, start: int, end: int, name: Name) -> set[str]:
        """The head words a mention goes by: the last word of its text, and of its
        entity's label."""
        texts = [self.doc[start:end]]
        if name.known:
            texts.append(self.vocab.entities[name.entity].label)
        return {folded(t.split()[-1]) for t in texts if t.split()}
