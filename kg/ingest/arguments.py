"""The arguments of a relation cue that no vocabulary names, for :mod:`kg.ingest.relations`.

A cue may fire where the thing on one side is a plain noun phrase that no catalogue entry,
lexicon term or class-head rule recognises ("linked to more frequent relapses", "its signs
include thinning hair"). Then no mention fills the slot and no claim could be drafted. Here
the noun phrases of a sentence that lie outside its mentions are found, bounded the way
English bounds them (a determiner, grading word, preposition, relative pronoun, verb,
conjunction or punctuation ends them; an "of"-phrase stays whole: "loss of balance"), and
offered as provisional mentions (:func:`argument_phrases`). A relation may take one only
where the cue's slot gives it a class (:func:`typed`): its head word's class, when the slot
admits it, else the one class the predicate's domain or range names. What a draft keeps of
them becomes a proposed entity with the lexicon's suggestions, never silently grounded
(:func:`ground_arguments`, of :mod:`kg.ingest.grounding`). Pronouns, numbers, vague words
("things", "the body", "people" save where a population is wanted), clauses and phrases
longer than a few words are none. A body part's name before a noun modifies it, and the
compound is the phrase (:func:`modified`: "«blood» flow").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from kg.curation.ontology import Ontology
from kg.ingest.grounding import PENDING, ground_arguments, is_argument
from kg.ingest.model import Mention, Sentence
from kg.ingest.names import fold, singular
from kg.ingest.wordlists import (
    ADJECTIVES,
    ANAPHOR_HEADS,
    GENERIC,
    GRADING,
    NP_HEADS,
    PEOPLE,
    PREPOSITIONS,
    PROCESS_HEADS,
    STOPWORDS,
    VERB_SLOTS,
    is_verb,
    wordset,
)

__all__ = [
    "PENDING",
    "after_preposition",
    "argument_phrases",
    "ground_arguments",
    "is_argument",
    "is_noun",
    "modified",
    "typed",
]

#: A noun phrase no vocabulary names is at most this many words ("loss of muscle tone").
MOST_WORDS = 4

_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
#: Words that name nothing particular on their own: counts, study words, vague nouns, words
#: for what is said or written ("the warning «...»"), a performance that its test names
#: ("performance on tests of «memory»"), and the generic words of the mention finder, save
#: "metabolism", a process of its own.
_VAGUE = (GENERIC - {"metabolism"}) | wordset(
    """thing something anything everything nothing someone everyone anyone somebody lot
    kind sort aspect area issue fact reason example case way change difference benefit
    question answer finding evidence data researcher scientist expert doctor author study
    trial participant percent number half third quarter dose amount week month hour minute
    one two three four five six seven eight nine ten hundred thousand million iu mg mcg µg
    warning label claim message statement headline slogan saying myth performance"""
)
#: Heads that measure what their "of" names ("the frequency of attacks"): that is the
#: argument, not the measure.
_MEASURES = wordset(
    """frequency rate score severity incidence prevalence odds chance likelihood
    concentration count duration intensity level risk amount number percentage"""
)
#: Endings of a noun that names a process or a faculty ("absorption", "alertness"): a
#: phrase names a process only with one, or with a process head word.
_PROCESS_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "sis", "ing", "ism", "ness", "ity")
#: Adjectives a text says of a thing after a verb ("can be fatal", "make nails brittle").
_PREDICATIVE = wordset(
    """fatal deadly dangerous toxic brittle dry weak tired sick ill painful unhealthy
    smarter stronger worse better deficient pale irritable"""
)
#: Words before "to" that make it an infinitive's ("needed to absorb it"), so the next word
#: is a verb, not a noun.
_INFINITIVE_AFTER = wordset(
    """need needs needed necessary required essential important vital crucial help helps
    helped able unable used want wants try tries likely unlikely enough order way how"""
)
#: Words after which the next is a verb ("can leave you", "which control"); "to" may be a
#: preposition ("linked to relapses"), so it is none of them.
_VERB_NEXT = VERB_SLOTS - {"to"}
#: Determiners that point back ("such effects", "these changes"): no new thing.
_POINTING = wordset("this these those such")
#: Verbs of sensation and speech that the verb list lacks: "feel tired" is no noun phrase.
_VERBS = wordset("feel feels felt describe describes described report reports reported")
#: Heads that take a "with" phrase as the name of a condition ("problems with balance").
_WITH_HEADS = wordset("problem difficulty trouble")
#: Suffixes of an adjective or participle, which ends no noun phrase ("feel depressed").
_NOT_HEAD = ("ed", "ous", "ful", "less")
#: Counts, which open a noun phrase as a determiner would ("five carboxylases").
_COUNTS = wordset("two three four five six seven eight nine ten twelve dozen hundreds dozens")
#: Words in "-ase" that name no enzyme, as that ending otherwise does ("lipase", "kinase").
_NOT_ENZYMES = wordset(
    """disease increase decrease release purchase database showcase staircase suitcase
    briefcase unease phrase"""
)


class _Word(NamedTuple):
    """A word of a sentence (a tuple: every sentence makes a few dozen of them)."""

    start: int
    end: int
    raw: str
    key: str
    kind: str = "word"  # or "mention" (a word a mention holds), "mark" (punctuation)


def _words(sentence: Sentence, mentions: Sequence[Mention]) -> list[_Word]:
    """The sentence's words in order, a mark for punctuation between two (a hyphen joins
    its word), and the words mentions hold told apart: what no noun phrase crosses."""
    found: list[_Word] = []
    at = sentence.start
    for match in _WORD.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if sentence.text[at - sentence.start : start - sentence.start].strip():
            found.append(_Word(at, start, "", "", "mark"))
        inside = any(m.start < end and start < m.end for m in mentions)
        key = match.group().casefold().replace("’", "'")
        found.append(_Word(start, end, match.group(), key, "mention" if inside else "word"))
        at = end
    return found


def _plain(word: _Word) -> bool:
    """Whether a word may stand in a noun phrase: a content word, no function word, verb,
    adverb, number or name."""
    key, raw = word.key, word.raw
    return (
        word.kind == "word"
        and raw.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and key not in STOPWORDS
        and key not in _VERBS
        and not is_verb(key)
        and not key.endswith("ly")
        and (raw.islower() or raw.isupper() or raw[1:].islower())
    )


def _participle(word: _Word) -> bool:
    """Whether a word is a past participle: a verb's, after the noun it follows ("symptoms
    compared with"), whatever verb it is."""
    return word.key.endswith("ed") and not word.key.endswith("eed") and len(word.key) > 4


def _chunks(words: list[_Word]) -> Iterable[list[_Word]]:
    """The runs of plain words, with an "of" phrase (and a "with" phrase after a head that
    takes one) joined to the run before it: "loss of balance", "problems with memory";
    none that its context shows to be no noun phrase of its own (:func:`_stands_alone`)."""
    i = 0
    while i < len(words):
        if not _plain(words[i]):
            i += 1
            continue
        first = i
        i += 1
        while i < len(words) and _plain(words[i]) and not _participle(words[i]):
            i += 1  # a participle modifies a noun ("fortified cereals"), or ends the phrase
        joins = i + 1 < len(words) and _plain(words[i + 1])
        if joins and (
            words[i].key == "of"
            or (words[i].key == "with" and singular(words[i - 1].key) in _WITH_HEADS)
        ):
            i += 1
            while i < len(words) and _plain(words[i]):
                i += 1
        if _stands_alone(words, first, i):
            yield words[first:i]


def _stands_alone(words: list[_Word], first: int, end: int) -> bool:
    """Whether ``words[first:end]`` is a noun phrase of its own: not next to a mention that
    modifies it or that it modifies ("memory scores", "thinning hair"), not after a
    determiner that points back ("such effects") or an infinitive's "to" ("needed to
    absorb it"), and not the head of a phrase that ends in a
    mention ("the frequency of «migraine attacks»", "a rich source of «iron»"); nor the
    verb after a modal or a subject pronoun ("can leave", "they eat")."""
    before = words[max(first - 2, 0) : first]
    if before and (before[-1].kind == "mention" or before[-1].key in _POINTING | _VERB_NEXT):
        return False
    if len(before) == 2 and before[1].key == "to" and before[0].key in _INFINITIVE_AFTER:
        return False
    after = words[end : end + 2]
    if after and after[0].kind == "mention":
        return False  # it modifies the mention ("thinning «hair»")
    return not (len(after) == 2 and after[0].key == "of" and after[1].kind == "mention")


def _head(run: Sequence[_Word]) -> _Word:
    """The head of a phrase: its last word, or the last before its "of" or "with"."""
    joined = [k for k, w in enumerate(run) if w.key in ("of", "with")]
    return run[joined[0] - 1] if joined else run[-1]


def _head_class(head: _Word) -> str:
    """The class a head word names ("symptoms": Phenotype; an "-ase" an enzyme's), or ""
    when none."""
    key = singular(head.key)
    if key in PEOPLE or head.key in PEOPLE:
        return "PopulationGroup"
    if len(key) > 5 and key.endswith("ase") and key not in _NOT_ENZYMES:
        return "GeneOrProtein"  # an enzyme
    classes = ANAPHOR_HEADS.get(key, ())
    return NP_HEADS.get(key) or PROCESS_HEADS.get(key) or (classes[0] if classes else "")


def _phrase(run: list[_Word], opens: int) -> list[_Word] | None:
    """The noun phrase a run of words is, grading words left off its start, or None when
    it is too long, vague, or ends in no noun. ``opens``: where the sentence starts, the
    one place a capital is no name."""
    while run and (run[0].key in GRADING or run[0].key in _COUNTS):
        run = run[1:]
    if not run or len(run) > MOST_WORDS:
        return None
    head = _head(run)
    if (
        head.key in ADJECTIVES
        or singular(head.key) in _MEASURES
        or head.key in _PREDICATIVE
        or head.key.endswith(_NOT_HEAD)
    ):
        return None
    if any(w.raw[:1].isupper() and not w.raw.isupper() and w.start != opens for w in run):
        return None  # a name of its own ("Harvard"), not a thing's; "IQ" is one
    vague = _VAGUE | _MEASURES
    if all(singular(w.key) in vague or w.key in vague for w in run if w.key != "of"):
        return None
    if len(run) == 1 and run[0].raw.isupper() and len(run[0].raw) < 2:
        return None
    return run


def argument_phrases(sentence: Sentence, mentions: Sequence[Mention]) -> list[Mention]:
    """The noun phrases of ``sentence`` outside its ``mentions``, as provisional mentions:
    entity ``PENDING`` + the folded words, type the head word's class ("" when it names
    none), for a cue's slot to take where no mention fills it."""
    opens = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    found = []
    for run in _chunks(_words(sentence, mentions)):
        phrase = _phrase(list(run), opens)
        if phrase is None:
            continue
        start, end = phrase[0].start, phrase[-1].end
        text = sentence.text[start - sentence.start : end - sentence.start]
        cls = _head_class(_head(phrase))
        found.append(Mention(start, end, text, PENDING + fold(text), cls, False, "suggested"))
    return found


def modified(
    mention: Mention, sentence: Sentence, mentions: Sequence[Mention], ontology: Ontology
) -> Mention | None:
    """The noun phrase a body part's ``mention`` modifies, as a provisional mention: one
    or two plain nouns right after it, a space between, the last its head ("«blood» flow",
    "«gut» symptoms"), typed by that word or, a singular that names no class, as the
    part's function ("flow", "activity"); None when no noun follows or one measures the
    part ("«brain» levels"): the part itself is then the end."""
    if not ontology.is_a(mention.type, "AnatomicalStructure"):
        return None
    rest = Sentence(mention.end, sentence.end, sentence.text[mention.end - sentence.start :])
    run: list[_Word] = []
    for word in _words(rest, mentions)[:2]:
        if not (_plain(word) and word.raw.islower() and _noun(word.key)):
            break
        run.append(word)
    if not run:
        return None
    head = run[-1]
    cls = _head_class(head) or ("PhysiologicalFunction" if singular(head.key) == head.key else "")
    if not cls:
        return None
    text = sentence.text[mention.start - sentence.start : head.end - sentence.start]
    return Mention(mention.start, head.end, text, PENDING + fold(text), cls, False, "suggested")


def is_noun(key: str) -> bool:
    """Whether a lower-case word may be a noun that heads a phrase: a content word, no
    function word, verb, adverb, adjective or measure."""
    plain = key.replace("-", "").replace("'", "").isalpha() and key not in STOPWORDS
    return plain and not (is_verb(key) or key.endswith("ly") or key in _VERBS) and _noun(key)


def _noun(key: str) -> bool:
    """Whether a plain word may head a compound: no adjective, participle, measure or
    word that names nothing particular."""
    return not (
        key in ADJECTIVES
        or key in _PREDICATIVE
        or key.endswith(_NOT_HEAD)
        or singular(key) in _MEASURES | (_VAGUE - GENERIC)
    )


def typed(
    mention: Mention, cls: str, narrower: Sequence[str], ontology: Ontology
) -> Mention | None:
    """``mention`` as a slot of class ``cls`` (narrowed to ``narrower``, when given) takes
    it, or None when it does not fit. A provisional mention takes its head word's class
    when the slot admits it, else the one class the slot names: its only concrete
    subclass, or itself when concrete (a reviewer may narrow it)."""

    def fits(t: str) -> bool:
        narrowed = not narrower or any(ontology.is_a(t, n) for n in narrower)
        return ontology.is_a(t, cls) and narrowed

    if not is_argument(mention) or mention.type:
        return mention if fits(mention.type) else None
    wanted = tuple(narrower) or (cls,)
    if len(wanted) != 1:
        return None
    concrete = ontology.subclasses(wanted[0])
    chosen = concrete[0] if len(concrete) == 1 else wanted[0]
    if chosen not in concrete or not fits(chosen):
        return None
    process = ontology.is_a(chosen, "BiologicalProcess")
    return None if process and not _names_process(mention.text) else replace(mention, type=chosen)


def _names_process(text: str) -> bool:
    """Whether a phrase's head word has the ending of a process or a faculty's noun."""
    words = text.casefold().split()
    joined = [k for k, w in enumerate(words) if w in ("of", "with")]
    head = words[joined[0] - 1] if joined else words[-1]
    return head.endswith(_PROCESS_ENDINGS)


def after_preposition(mention: Mention, sentence: Sentence) -> bool:
    """Whether a preposition stands right before ``mention``: a phrase there is in a
    prepositional phrase ("by contrast"), no subject of the clause."""
    before = sentence.text[: mention.start - sentence.start].split()
    return bool(before) and before[-1].casefold() in PREPOSITIONS
