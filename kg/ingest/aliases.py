"""Names a text gives its entities ("X, also known as Y", "X (Y)", "Y, or X,", an
abbreviation in parentheses): each an alias of the entity for the rest of the document."""

from __future__ import annotations

import re

from kg.ingest.matching import Hit, Matcher, Word, ordered, top
from kg.ingest.vocabulary import Name, extend_reach, folded
from kg.ingest.wordlists import (
    ANAPHOR_HEADS,
    DASH,
    GENERIC,
    NP_HEADS,
    STOPWORDS,
    is_verb,
    wordset,
)

__all__ = ["Aliases"]

_UNITS = wordset("mg mcg µg μg g kg ml l iu ug percent")
#: "X, also known as Y", "X (sometimes called Y)", "X — better known as Y", "X is also
#: called Y", "X, which is known medically as Y", "X, also spelled Y". Not "X is known as a
#: Y": an indefinite article says what kind of thing X is, not what it is called.
_ALIAS_CUE = re.compile(
    r"\s*(?:[,(—–]\s*)?(?:(?:which|that)\s+)?(?:(?:is|are)\s+)?"
    r"(?:(?:also|often|sometimes|commonly|simply|better|more\s+commonly|otherwise|usually|"
    r"generally|formerly|popularly)\s+)?"
    r"(?:(?:known|referred\s+to)(?:\s+(?:medically|scientifically|chemically|clinically|"
    r"technically))?\s+as|called|named|termed|spelled|spelt)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: A second name after the first: "also known as thiamine or thiamin".
_ALSO_OR = re.compile(r"\s+or\s+(?:the\s+)?", re.IGNORECASE)
_NAME_ENDS = re.compile(r"\s*(?:[,.;:)]|$)")
_PAREN = re.compile(r"\s*\(\s*([^()]{1,60}?)\s*\)")
_OR_CUE = re.compile(r"\s*[,(]\s*or\s+", re.IGNORECASE)


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` (Schwartz and Hearst, 2003): its letters
    appear in order in ``long``, its first at the start of a word."""
    s, long_form = short.casefold(), long.casefold()
    if not s or not s[0].isalnum() or len(s) >= len(long_form):
        return False
    li = len(long_form) - 1
    for si in range(len(s) - 1, -1, -1):
        c = s[si]
        if not c.isalnum():
            continue
        while li >= 0 and (
            long_form[li] != c or (si == 0 and li > 0 and long_form[li - 1].isalnum())
        ):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def _abbreviation_like(text: str) -> bool:
    return (
        2 <= len(text) <= 10
        and not any(c.isspace() for c in text)
        and any(c.isalpha() for c in text)
        and any(c.isupper() or c.isdigit() for c in text)
    )


class Aliases(Matcher):
    """The alias step of the mention finder."""

    def introduce(self, words: list[Word], hits: list[Hit]) -> bool:
        """Names the sentence gives its mentions ("X, also known as Y", "X (Y)", "Y, or
        X,"): each becomes an alias for the rest of the document. True if any did."""
        added = False
        for hit in top(hits):
            for step in (self._called, self._parenthesis, self._or):
                # not replaced by an alias a moment ago (hits change only when one is added)
                if not added or hit in hits:
                    added |= step(words, hits, hit)
        self._named_class(words, hits)
        return added

    def _named_class(self, words: list[Word], hits: list[Hit]) -> None:
        """ "A condition called X", "a mineral known as X": X, if no vocabulary knows it, is
        proposed as a thing of that class, with suggestions."""
        for word in words:
            cls = NP_HEADS.get(word.key) or ANAPHOR_HEADS.get(word.key, ("",))[0]
            cue = _ALIAS_CUE.match(self.doc, word.end) if cls else None
            if not cue or any(h.start < cue.end() and word.start < h.end for h in hits):
                continue
            span = self._name_words(words, cue.end(), 4)
            if span is None or any(h.start < span[1] and span[0] < h.end for h in hits):
                continue
            key = folded(self.doc[span[0] : span[1]])
            hits.append(Hit(*span, Name(cls, False, "suggested", (), key=f"np:{key}"), "suggested"))
            hits[:] = ordered(hits)

    def _hit_at(self, hits: list[Hit], start: int) -> Hit | None:
        return next((h for h in hits if h.start == start and h.how != "anaphora"), None)

    def _name_words(self, words: list[Word], start: int, most: int) -> tuple[int, int] | None:
        """The span of up to ``most`` naming words from ``start`` (no function word, verb,
        number or unit), or None."""
        first = next((k for k, w in enumerate(words) if w.start == start), None)
        if first is None:
            return None
        end = first
        while end < len(words) and end - first < most:
            word = words[end]
            if end > first and self.doc[words[end - 1].end : word.start].strip(DASH + " "):
                break
            if word.key in STOPWORDS or is_verb(word.key) or not word.key[0].isalpha():
                break
            if word.key in _UNITS:
                return None
            end += 1
        return (words[first].start, words[end - 1].end) if end > first else None

    def _alias(self, hits: list[Hit], span: tuple[int, int], target: Name, how: str) -> bool:
        """Make the text at ``span`` a name of ``target`` from here on."""
        text = self.doc[span[0] : span[1]]
        key = folded(text)
        if self.vocab.taken(key) or key in GENERIC or key in STOPWORDS:
            return False
        spellings = (text,) if how == "abbreviation" else ()
        alias = Name(
            target.type, target.known, how, spellings, target.entity, target.key, target.terms
        )
        self.aliases[key] = (span[0], alias)
        extend_reach(self.alias_reach, key)
        hits[:] = [h for h in hits if h.end <= span[0] or h.start >= span[1]]
        hits.append(Hit(span[0], span[1], alias, how))
        hits[:] = ordered(hits)
        return True

    def _same(self, hits: list[Hit], a: Hit, b: Hit, how: str) -> bool:
        """Two mentions the text says name one thing: the graph's (else the first) gives its
        entity to the other, which must be a lexicon term or a proposal of this text."""

        def rank(hit: Hit) -> int:
            return 2 if hit.name.known else 1 if hit.name.entity else 0

        if (a.name.entity or a.name.key) in (b.name.entity, b.name.key):
            return False
        if self.vocab.kind(a.name.type) != self.vocab.kind(b.name.type):
            return False  # "X (a disease)" names no chemical
        keep, other = (b, a) if rank(b) > rank(a) else (a, b)
        return rank(other) == 0 and self._alias(hits, (other.start, other.end), keep.name, how)

    def _called(self, words: list[Word], hits: list[Hit], hit: Hit) -> bool:
        """ "X, also known as Y", and a second name after it ("... Y or Z,")."""
        cue = _ALIAS_CUE.match(self.doc, hit.end)
        if not cue:
            return False
        if not self._name_at(words, hits, hit, cue.end(), None):
            return False
        first = max((h for h in hits if h.start == cue.end()), key=lambda h: h.end)
        more = _ALSO_OR.match(self.doc, first.end)
        if more:
            self._name_at(words, hits, first, more.end(), _NAME_ENDS)
        return True

    def _name_at(
        self, words: list[Word], hits: list[Hit], hit: Hit, at: int, then: re.Pattern | None
    ) -> bool:
        """Make the mention or naming words at ``at`` a name of ``hit``'s entity, if what
        follows them matches ``then``."""
        other = self._hit_at(hits, at)
        span = (other.start, other.end) if other else self._name_words(words, at, 4)
        if span is None or (then is not None and not then.match(self.doc, span[1])):
            return False
        if other is not None:
            return self._same(hits, hit, other, "alias")
        return self._alias(hits, span, hit.name, "alias")

    def _parenthesis(self, words: list[Word], hits: list[Hit], hit: Hit) -> bool:
        paren = _PAREN.match(self.doc, hit.end)
        if not paren:
            return False
        inner = paren.group(1)
        span = (paren.start(1), paren.end(1))
        other = self._hit_at(hits, span[0])
        if other is not None:
            if other.end != span[1]:
                return False
            return self._same(hits, hit, other, "alias")
        if _abbreviation_like(inner):
            text = self.doc[hit.start : hit.end]
            return _abbreviates(inner, text) and self._alias(hits, span, hit.name, "abbreviation")
        name = self._name_words(words, span[0], 3)
        return name == span and self._alias(hits, span, hit.name, "alias")

    def _or(self, words: list[Word], hits: list[Hit], hit: Hit) -> bool:
        """ "Y, or X," — but not the last items of a list ("meat, fish, or eggs,")."""
        cue = _OR_CUE.match(self.doc, hit.end)
        if not cue or self.doc[: hit.start].rstrip().endswith(","):
            return False
        other = self._hit_at(hits, cue.end())
        end = other.end if other else None
        if other is None:
            span = self._name_words(words, cue.end(), 4)
            if span is None:
                return False
            end = span[1]
        if not re.match(r"\s*[,)]", self.doc[end : end + 3]):
            return False
        if other is not None:
            return self._same(hits, hit, other, "alias")
        return self._alias(hits, span, hit.name, "alias")
