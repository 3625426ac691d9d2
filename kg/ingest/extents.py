"""The whole noun phrase a claim's end stands in, for :mod:`kg.ingest.draft`.

A mention is the words a vocabulary names, often only the head of the noun phrase the text
relates: "needed for healthy «skin»", "lowers some blood «fats»", "disturbs the «rhythm» of
your heart". A curator quotes the phrase, so the candidate's ``subject_text`` and
``object_text`` should span it, while its entity stays the one the head was grounded to:
the draft then names both the phrase and the head. Here a mention that heads its phrase is
widened the way English builds a noun phrase (:func:`widened`): to the left over its
pre-modifiers (adjectives, participles, compounds, nouns, possessives), with the article or
possessive that opens it; to the right over an "of"-phrase that belongs to it. Never over
a verb, a comma that is no adjective's, a conjunction, the cue's own words or the claim's
other end. An article alone widens it too ("the brain"): curators quote the article, and
the entity's label still names the bare head, so the draft names both.

A clause may be what the text relates: "it can damage the nerves" says it causes nerve
damage, and "it helps nerve cells release their chemical messengers" that it promotes their
release: the phenotype or process the verb's noun names with its object (:func:`_clause`),
quoted as curators quote it ("damage the nerves"). That end becomes a provisional mention of
:mod:`kg.ingest.arguments`, grounded to the graph's entity by that name ("nerve damage") or
proposed. Likewise what "raises the level of homocysteine" causes the raised state, where the
graph or the lexicon names one ("elevated homocysteine", "high blood cholesterol"): the text
relates the condition, not more of the substance (:func:`_raised`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.ingest.arguments import PENDING, is_argument
from kg.ingest.model import Candidate, Mention, Sentence
from kg.ingest.names import fold, singular
from kg.ingest.vocabulary import Vocabulary
from kg.ingest.wordlists import (
    ADJECTIVES,
    CLAUSE_OPENERS,
    GRADING,
    PEOPLE,
    PROCESS_VERBS,
    STOPWORDS,
    is_verb,
    wordset,
)

__all__ = ["widened"]

#: Words that open a noun phrase and belong to its quoted name ("the rhythm of your heart",
#: "this amino acid": a demonstrative says which one the text means).
OPENERS = wordset("a an the your their its his her our my this these those")
#: Determiners that open a noun phrase but that a curator leaves off ("some blood fats"):
#: they show the words after them are modifiers, and stay out of the phrase. "That" is
#: one only where no clause opens with it ("shows that «zinc» ...").
QUANTIFIERS = wordset("some several many most all any few no every each that")
#: At most this many modifier words before a head, and words after its "of".
MOST_MODIFIERS = 3
#: Adverbs that grade the adjective after them ("very low calcium").
_INTENSIFIERS = wordset("very extremely highly")
#: Endings of an adjective ("neuronal", "chronic", "excessive", "dietary", "painful").
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ary", "ory", "ible", "able", "less")
_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
_CUE_WORDS = re.compile(r":\s*([^\[]*)")
#: A modal or "to" before a verb, an adverb between ("can also damage").
_MAY = re.compile(
    r"\b(?:can|could|may|might|will|would|must|should|to)\s+(?:[^\W\d_]+ly\s+|also\s+)?\Z",
    re.IGNORECASE,
)
#: The word right before a claim's object, an article or possessive between.
_VERB_BEFORE = re.compile(r"\b([^\W\d_]+)\s+(?:(?:the|your|their|its|his|her|our)\s+)?\Z")
#: Verbs whose clause a claim relates rather than their object ("can damage the nerves",
#: "helps nerve cells release their chemical messengers"): per verb, its noun, the class
#: the clause names, the predicate a cue gives with the object alone and the one it takes
#: with the clause. A verb that makes its object (PROCESS_VERBS' synthesis) is left out:
#: what makes more of a thing promotes the thing ("makes the liver produce ketones").
#: "Damage" only after a modal (:data:`_MAY`): "X can damage Y" says what harm X may
#: cause; "X damages Y" states the damage done to Y, which ``damages`` says.
_CLAUSE_VERBS = {
    "damage": ("damage", "Phenotype", "damages", "causes"),
    **{
        verb: (noun, "BiologicalProcess", "promotes", "promotes")
        for verb, noun in PROCESS_VERBS.items()
        if noun != "synthesis"
    },
}


#: The cue that says a level rises ("raises blood levels of"), and the words that name the
#: raised state of a substance, before its name ("elevated homocysteine").
_LEVEL_UP = "level-up"
_RAISED = ("elevated", "high", "raised", "high blood", "raised blood")


@dataclass(frozen=True)
class _Unit:
    """A word, a mark (punctuation between words) or a whole mention of the sentence."""

    start: int
    end: int
    key: str
    kind: str  # "word", "mark" or "mention"


def _units(sentence: Sentence, mentions: Sequence[Mention]) -> list[_Unit]:
    """The sentence as words and marks, each top-level mention one unit: a phrase takes a
    mention whole or not at all."""
    tops = _top(mentions)
    units: list[_Unit] = []
    at = sentence.start
    for match in _WORD.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        mark = sentence.text[at - sentence.start : match.start()].strip()
        if mark:
            units.append(_Unit(at, start, mark, "mark"))
        at = end
        holder = next((m for m in tops if m.start < end and start < m.end), None)
        if holder is None:
            units.append(_Unit(start, end, match.group().casefold().replace("’", "'"), "word"))
        elif not units or units[-1].kind != "mention" or units[-1].start != holder.start:
            units.append(_Unit(holder.start, holder.end, holder.text.casefold(), "mention"))
    return units


def _top(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions no longer one overlaps: the longer of two that overlap, then the
    earlier (as :mod:`kg.ingest.relations` reads them)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return kept


def _cue_words(cue: str) -> tuple[str, ...]:
    """The words of a candidate's cue, in order ("causes: can lead to [HEDGE: can]"): no
    phrase of its ends takes them."""
    found = _CUE_WORDS.search(cue)
    return tuple(w.casefold() for w in _WORD.findall(found.group(1))) if found else ()


def _modifier(unit: _Unit, cue: Sequence[str]) -> bool:
    """Whether a unit may stand before a head noun as its modifier: a mention of one word
    that names no people ("blood fats", not "older adults zinc"), or a content word that is
    no function word, verb, adverb, number or cue word."""
    if unit.kind == "mention":
        return " " not in unit.key and unit.key not in PEOPLE
    key = unit.key
    return (
        unit.kind == "word"
        and key.replace("-", "").replace("'", "").isalpha()
        and key not in cue
        and (key not in STOPWORDS or key in _INTENSIFIERS)
        and not is_verb(key)
        and (not key.endswith("ly") or key in GRADING)
    )


def _adjective(key: str) -> bool:
    return (key in ADJECTIVES and key not in STOPWORDS) or (
        len(key) > 4 and key.endswith(_ADJECTIVE_ENDINGS)
    )


def _evident(units: Sequence[_Unit], k: int, cue: Sequence[str]) -> bool:
    """Whether ``units[k]`` shows itself a modifier without a determiner before it: a
    mention (a noun modifier: "blood fats"), an adjective, a compound ("high-dose"), a
    possessive, an intensifier before an adjective, an "-ing" word right after the cue's
    verb (:func:`_gerund`), or a participle after no noun and no auxiliary ("with blurred
    vision"; in "zinc blunted pain" it is the verb)."""
    unit = units[k]
    key = unit.key
    if unit.kind == "mention":
        return _modifier(unit, ())
    if _adjective(key) or "-" in key or key.endswith("'s") or _gerund(units, k, cue):
        return True
    if key in _INTENSIFIERS:
        return k + 1 < len(units) and _adjective(units[k + 1].key.split()[0])
    if not key.endswith("ed") or len(key) < 5:
        return False
    before = units[k - 1] if k else None
    after_verb = before is not None and (before.key in STOPWORDS or is_verb(before.key))
    return (
        before is None
        or before.kind == "mark"
        or (before.kind == "word" and before.key not in CLAUSE_OPENERS and after_verb)
    )


def _gerund(units: Sequence[_Unit], k: int, cue: Sequence[str]) -> bool:
    """Whether the "-ing" word at ``units[k]`` belongs to the phrase of the noun after it:
    right after an article or possessive ("the developing brain"), after the cue's own
    verb, which takes a noun, not a verb ("protects working memory", "raises resting heart
    rate"), or opening the sentence, where it and the noun are its subject ("Chelating
    drugs", "Drinking alcohol")."""
    key = units[k].key
    if units[k].kind != "word" or not key.endswith("ing") or len(key) < 6:
        return False
    if k == 0:
        return True
    before = units[k - 1]
    verb = cue[-1] if cue and cue[-1] not in STOPWORDS else ""  # "linked to": no verb
    return before.kind == "word" and (before.key in OPENERS or before.key == verb)


def _heads(units: Sequence[_Unit], i: int) -> bool:
    """Whether the mention at ``units[i]`` ends its noun phrase: no content word follows
    it that the phrase would go on with ("«selenium» levels")."""
    after = units[i + 1] if i + 1 < len(units) else None
    if after is None or after.kind == "mark":
        return True
    if after.kind == "mention":
        return False
    key = after.key
    return key in STOPWORDS or is_verb(key) or key.endswith("ed") or key.endswith("ly")


def _left(units: Sequence[_Unit], i: int, cue: Sequence[str], other: Mention) -> int:
    """Where the phrase headed at ``units[i]`` starts: the modifiers before the head, all
    of them when a determiner stands before them (only modifiers stand between one and its
    head; an adjective and a comma may: "a strict, lifelong diet", :func:`_listed`), else
    those that show themselves modifiers; the article or possessive itself joins. A
    participle after a noun opens a clause of its own ("the women drinking «coffee»"): the
    phrase starts after it."""
    j = i
    while j > 0 and i - j < MOST_MODIFIERS:
        unit = units[j - 1]
        comma = unit.kind == "mark" and unit.key == "," and j > 1 and _listed(units, j - 2, cue)
        modifies = comma or _gerund(units, j - 1, cue) or (_modifier(unit, cue) and _bare(unit.key))
        if _touches(unit, other) or not modifies:
            break
        if j < i and _participle(units[j].key) and not (comma or _adjective(unit.key)):
            return j + 1
        j -= 1
    opener = units[j - 1] if j > 0 and units[j - 1].kind == "word" else None
    if opener is not None and (opener.key in OPENERS or opener.key in QUANTIFIERS):
        if units[j].kind == "mark":
            return i
        return j - 1 if opener.key in OPENERS else j
    first = i
    while first > j and units[first - 1].kind != "mark" and _evident(units, first - 1, cue):
        first -= 1
    return first


def _listed(units: Sequence[_Unit], k: int, cue: Sequence[str]) -> bool:
    """Whether ``units[k]``, before a comma, is an adjective of a list of them: by its form,
    or as the one word an article opens ("a strict, lifelong diet")."""
    if _adjective(units[k].key):
        return True
    opened = k > 0 and units[k - 1].kind == "word" and units[k - 1].key in ("a", "an", "the")
    return opened and _modifier(units[k], cue) and units[k].kind == "word"


def _bare(key: str) -> bool:
    """Whether a word may modify a noun after it by its form: a noun does so in the
    singular ("blood fats"); a plural or a verb in -s is a head or a verb of its own
    ("your body turns «nitrate»")."""
    return key.endswith("'s") or _adjective(key) or singular(key.split()[-1]) == key.split()[-1]


def _participle(key: str) -> bool:
    """Whether a word has a participle's ending ("drinking", "given"); an adjective that
    has one ("increased", "interesting") is an adjective first."""
    return len(key) > 4 and key.endswith(("ing", "ed")) and key not in ADJECTIVES


def _of_phrase(units: Sequence[_Unit], i: int, cue: Sequence[str], other: Mention) -> int:
    """The last unit of an "of"-phrase that belongs to the head at ``units[i]`` ("the
    breakdown of several amino acids"), or ``i`` when none does: a determiner, then a few
    modifiers and a noun that ends the phrase, none of them the claim's other end."""
    k = i + 1
    if k + 1 >= len(units) or units[k].key != "of" or units[k].kind != "word" or "of" in cue:
        return i
    k += 1
    if units[k].kind == "word" and (units[k].key in OPENERS or units[k].key in QUANTIFIERS):
        k += 1
    last = None
    while k < len(units) and k - i <= MOST_MODIFIERS + 2:
        unit = units[k]
        if unit.kind == "mark" or _touches(unit, other):
            break
        if unit.kind != "mention" and not _modifier(unit, cue):
            break  # the noun after "of" may be any mention ("of the nervous system")
        last = k
        k += 1
    if last is None or not _heads(units, last) or _adjective(units[last].key):
        return i
    return i if units[last].key in _INTENSIFIERS else last


def _touches(unit: _Unit, other: Mention) -> bool:
    return unit.start < other.end and other.start < unit.end


def _widen(
    mention: Mention,
    other: Mention,
    sentence: Sentence,
    units: Sequence[_Unit],
    cue: Sequence[str],
) -> Mention:
    """``mention`` spanning the noun phrase it heads (see the module's docstring)."""
    if mention.how == "anaphora" or mention.text[:1].isdigit():
        return mention
    i = next(
        (k for k, u in enumerate(units) if u.kind == "mention" and u.start == mention.start), None
    )
    if i is None or units[i].end != mention.end:
        return mention  # inside another mention: a part of a name, no phrase's head
    last = _of_phrase(units, i, cue, other)
    cue_next = i + 1 < len(units) and units[i + 1].key in cue  # "«X» damages": the cue's verb
    if last == i and not (_heads(units, i) or cue_next):
        return mention
    first = _left(units, i, cue, other)
    start, end = units[first].start, units[last].end
    if (start, end) == (mention.start, mention.end):
        return mention
    text = sentence.text[start - sentence.start : end - sentence.start]
    return replace(mention, start=start, end=end, text=text)


def _clause(candidate: Candidate, sentence: Sentence, cue: Sequence[str]) -> Candidate:
    """``candidate`` with its object the clause it relates, when the cue's last word is a
    verb of :data:`_CLAUSE_VERBS` right before the object: X causes "(can) damage the
    nerves" (nerve damage), X promotes "release their chemical messengers" (chemical messenger
    release); else ``candidate``. ``cue``: the cue's words, in order."""
    obj = candidate.object
    verb = _VERB_BEFORE.search(sentence.text, 0, obj.start - sentence.start)
    if verb is None or obj.how == "anaphora" or not cue or verb.group(1).casefold() != cue[-1]:
        return candidate
    noun, cls, before, after = _CLAUSE_VERBS.get(cue[-1], ("", "", "", ""))
    modal = _MAY.search(sentence.text, 0, verb.start())
    if candidate.predicate != before or (noun == "damage" and modal is None):
        return candidate
    start = sentence.start + verb.start()
    text = sentence.text[verb.start() : obj.end - sentence.start]
    name = PENDING + fold(f"{obj.text} {noun}")
    clause = Mention(start, obj.end, text, name, cls, False, "suggested")
    return replace(candidate, predicate=after, object=clause)


def _raised(candidate: Candidate, sentence: Sentence, vocabulary: Vocabulary) -> Candidate:
    """``candidate`` with its object the raised state of the substance whose level its cue
    says rises, when the graph or the lexicon names that state as a condition ("raises the
    level of homocysteine" causes elevated homocysteine), quoted from the cue's verb; else
    ``candidate`` (more of a substance no condition names is promoted)."""
    obj = candidate.object
    if not candidate.cue.startswith(_LEVEL_UP + ":") or candidate.predicate != "promotes":
        return candidate
    if is_argument(obj) or obj.how == "anaphora" or not vocabulary.is_a(obj.type, "ChemicalEntity"):
        return candidate
    entity = vocabulary.entities.get(obj.entity)
    names = dict.fromkeys([fold(obj.text), *([fold(entity.label)] if entity else [])])
    for key in (fold(f"{word} {name}") for name in names for word in _RAISED):
        state = vocabulary.graph_name(key) or vocabulary.lexicon_name(key)
        if state is not None and vocabulary.is_a(state.type, "Condition"):
            before = sentence.text[: obj.start - sentence.start].casefold()
            verb = before.rfind(_cue_words(candidate.cue)[0])
            start = sentence.start + verb if verb >= 0 else obj.start
            text = sentence.text[start - sentence.start : obj.end - sentence.start]
            clause = Mention(start, obj.end, text, PENDING + key, state.type, False, "suggested")
            return replace(candidate, predicate="causes", object=clause)
    return candidate


def widened(
    candidates: Sequence[Candidate],
    sentence: Sentence,
    mentions: Sequence[Mention],
    vocabulary: Vocabulary | None = None,
) -> list[Candidate]:
    """``candidates`` of ``sentence`` with each end's span and text the noun phrase its
    mention heads, its entity unchanged, or the clause it relates (:func:`_clause`, and
    with a ``vocabulary`` :func:`_raised`); ``mentions`` are the sentence's, which a phrase
    takes whole or not at all."""
    units = _units(sentence, mentions)
    found = []
    for c in candidates:
        cue = _cue_words(c.cue)
        c = _clause(c, sentence, cue)
        c = _raised(c, sentence, vocabulary) if vocabulary is not None else c
        s, o = c.subject, c.object
        if not is_argument(s):
            s = _widen(s, c.object, sentence, units, cue)
        if not is_argument(o):
            o = _widen(o, c.subject, sentence, units, cue)
        found.append(replace(c, subject=s, object=o))
    return found
