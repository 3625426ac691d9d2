"""The form names are compared in, so "Vitamin B-12", "vitamin B12" and "vitamins B12"
meet, and so do "Alzheimer’s disease" and "alzheimer's disease", "potatoes" and "potato".

Every stage that matches names (the catalogue, the lexicon, the mentions) folds both sides
with :func:`fold`, so a name found by one is found by all.
"""

from __future__ import annotations

import re

__all__ = ["american", "fold", "singular", "variants"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\s\-‐‑‒–—_/]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])[\-‐‑‒–—]+(?=[0-9])")  # "b-12" is "b12"
#: The words (runs of a-z) :func:`singular` may change: four letters or more, the last s.
_PLURAL = re.compile(r"(?<![a-z])[a-z]{3,}s(?![a-z])")
#: A plural of a name that ends in its number: "omega-3s" (folded "omega3s") are "omega-3".
_NUMBERED_PLURAL = re.compile(r"\b([a-z]{2,}\d+)s\b")
_DIGIT = re.compile(r"\d")

#: Endings of words that end in s but are singular ("sclerosis", "virus", "numbness").
_SINGULAR_ENDINGS = ("ss", "us", "is", "series", "species", "news")
#: Whole words that end in s but are singular: diseases named in the plural, Latin and
#: Greek nouns in -as, -os, -es, -ps, and "lens", "gas".
_SINGULAR_WORDS = frozenset((
    "diabetes", "herpes", "rabies", "scabies", "caries", "measles", "mumps", "rickets",
    "shingles", "feces", "faeces", "menses", "ascites", "biceps", "triceps", "forceps", "lens",
    "gas", "bias", "alias", "atlas", "canvas", "pancreas", "chaos", "cosmos", "ethos", "pathos",
    "kudos", "asbestos", "molasses",
))  # fmt: skip
#: Plurals that are not the singular plus -s or -es: the f/fe nouns that take -ves ("olives",
#: "nerves" and "valves" are regular). Plurals without an s ("feet", "women") are left as
#: they are: the mention finder's word lists tell them apart (wordlists.IRREGULAR_PLURALS).
_IRREGULAR = {
    "leaves": "leaf", "loaves": "loaf", "halves": "half", "calves": "calf", "knives": "knife",
    "wives": "wife", "lives": "life", "wolves": "wolf", "shelves": "shelf", "thieves": "thief",
    "hooves": "hoof", "scarves": "scarf",
}  # fmt: skip
#: English nouns in -ie, whose plural -ies is not the -y plural of "berries", "bodies".
_IE_NOUNS = (
    "calorie", "cookie", "brownie", "smoothie", "movie", "veggie", "zombie", "prairie",
    "rookie", "hippie", "selfie", "goalie", "foodie", "newbie", "junkie", "auntie", "birdie",
    "beanie", "necktie", "magpie", "pixie", "sortie", "reverie", "coterie", "genie",
)  # fmt: skip
_IE_PLURALS = tuple(f"{noun}s" for noun in _IE_NOUNS)
#: English nouns in -use whose plural -uses is not the -es plural of "viruses", "buses".
_USE_NOUNS = frozenset((
    "use", "abuse", "misuse", "overuse", "reuse", "disuse", "excuse", "ruse", "muse", "recluse",
))  # fmt: skip
_VOWELS = tuple("aeiou")


def singular(word: str) -> str:
    """A lower-case English word's singular when it is a plural noun, else the word.

    The rule, in order: a word under four letters, or not ending in s, or singular though it
    ends in s ("analysis", "virus", "species", "diabetes", "lens") stays; an irregular plural
    ("leaves", "knives") has its singular; "-ies" is "-y" ("berries"), or "-ie" for
    the -ie nouns and words of four letters ("calories", "pies"); "-oes" is "-o"
    ("potatoes", "heroes") unless at most two letters stand before it ("toes", "shoes");
    "-yses" is "-ysis" ("analyses"); "-sses", "-ches", "-shes", "-xes" and "-zzes" drop
    "-es" ("glasses", "peaches"), but "-aches" only "-s" ("headaches") unless it is
    "-eaches" or "-oaches"; "-ses" drops "-es" after a word that is singular in -s
    ("gases", "lenses") or after "-us" with a consonant before it ("viruses"), else "-s"
    ("diseases", "causes"); any other plural drops its "-s" ("nerves", "olives",
    "avocados"). What it gives is never changed again: singular(singular(w)) ==
    singular(w).

    >>> [singular(w) for w in ("potatoes", "toes", "leaves", "olives", "viruses", "causes")]
    ['potato', 'toe', 'leaf', 'olive', 'virus', 'cause']
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 4 or not word.endswith("s") or word in _SINGULAR_WORDS:
        return word
    if word.endswith(_SINGULAR_ENDINGS):
        return word
    if word.endswith("ies"):
        return word[:-1] if len(word) == 4 or word.endswith(_IE_PLURALS) else word[:-3] + "y"
    if word.endswith("oes"):
        return word[:-1] if len(word) <= 5 else word[:-2]
    if word.endswith("yses"):
        return word[:-2] + "is"
    if word.endswith("aches") and not word.endswith(("eaches", "oaches")):
        return word[:-1]
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]
    if word.endswith("ses"):
        return word[:-2] if _takes_es(word[:-2]) else word[:-1]
    return word[:-1]


def _takes_es(stem: str) -> bool:
    """Whether ``stem`` + "es" is the -es plural of ``stem``: a word singular in -s, or a
    Latin noun in -us ("virus"), told from an -use noun ("cause", "abuse") by the consonant
    before its "us" and by the list of -use nouns."""
    latin = stem.endswith("us") and stem[-3:-2] not in ("", *_VOWELS, "f")
    return stem in _SINGULAR_WORDS or (latin and f"{stem}e" not in _USE_NOUNS)


def fold(name: str) -> str:
    """``name`` lower-cased, apostrophes made one, a dash between a letter and a digit
    dropped, other hyphens, dashes, slashes and runs of spaces made one space, and each
    word made singular (:func:`singular`; a name ending in its number loses a plural -s:
    "omega-3s"). Folding a folded name changes nothing.

    >>> fold("  Vitamin B-12 ")
    'vitamin b12'
    >>> fold("Alzheimer’s Diseases")
    "alzheimer's disease"
    >>> fold("nerve-cells") == fold("nerve cell")
    True
    >>> fold("Potatoes and tomatoes")
    'potato and tomato'
    >>> fold("omega-3s") == fold("Omega-3")
    True
    """
    text = _LETTER_DIGIT.sub("", name.translate(_APOSTROPHES).casefold())
    text = _DASHES.sub(" ", text).strip()
    if _DIGIT.search(text):  # a numbered plural has a digit: most names have none
        text = _NUMBERED_PLURAL.sub(r"\1", text)
    return _PLURAL.sub(lambda m: singular(m.group()), text)


#: British spellings and their American forms, word by word: -our ("behaviour",
#: "flavour"), -bre/-tre ("fibre", "centre"), -is- for -iz- ("stabiliser"), ae and oe
#: after a consonant or opening a word ("anaemia", "oestrogen", "foetus"), sulph-.
_BRITISH = (
    (re.compile(r"(?<=[a-z]{3})our\b"), "or"),
    (re.compile(r"(?<=[a-z]{2})([bt])re\b"), r"\1er"),
    (re.compile(r"(?<=[a-z]{3})is(er|ation|ed|ing)\b"), r"iz\1"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])ae|\bae(?=t)"), "e"),
    (re.compile(r"(?:(?<=[b-df-hj-np-tv-z])|\b)oe(?=[a-z])"), "e"),
    (re.compile(r"\bsulph"), "sulf"),
)
#: What every match of a pattern of _BRITISH holds, pattern by pattern, without the look
#: arounds: a name holding none has no British spelling, which one quick search tells.
_BRITISH_CORES = re.compile(r"our|[bt]re|is(?:er|ation|ed|ing)|ae|oe|sulph")
#: Whole words spelt apart: "grey matter" is "gray matter".
_BRITISH_WORDS = {"grey": "gray", "aluminium": "aluminum", "yoghurt": "yogurt", "mould": "mold"}


def american(key: str) -> str:
    """The American spelling of a folded name in British spelling ("dietary fibre" ->
    "dietary fiber", "anaemia" -> "anemia"), else the name: where a vocabulary has only
    one spelling of a name, the other finds it too.

    >>> [american(w) for w in ("flavour enhancer", "fibre", "anaemia", "oedema", "four")]
    ['flavor enhancer', 'fiber', 'anemia', 'edema', 'four']
    """
    words = [_BRITISH_WORDS.get(w, w) for w in key.split(" ")]
    text = " ".join(words)
    if text == key and not _BRITISH_CORES.search(key):
        return key  # no pattern matches, so none would change it
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return text


_JOINED_NUMBER = re.compile(r"\b([a-z]{3,})(\d+)\b")  # "kinase3", from "kinase-3"
_SPACED_NUMBER = re.compile(r"\b([a-z]{3,}) (\d+)\b")  # "omega 3"
#: A prime after a locant's number ("pyridoxal 5'-phosphate", "3′,5′-cyclic"), which some
#: vocabularies spell without ("pyridoxal 5-phosphate").
_LOCANT_PRIME = re.compile(r"(?<=\d)['′]")


def variants(key: str) -> list[str]:
    """Other spellings of a folded name that a vocabulary may have instead: American for
    British (:func:`american`), and a number after a word joined or apart ("glycogen
    synthase kinase-3" folds to "... kinase3", a label "... Kinase 3" to "... kinase 3";
    "omega 3" is "omega-3"), and a locant's number without its prime ("pyridoxal 5'
    phosphate" is "pyridoxal 5 phosphate").

    >>> variants("glycogen synthase kinase3"), variants("omega 3"), variants("fibre")
    (['glycogen synthase kinase 3'], ['omega3'], ['fiber'])
    >>> variants("pyridoxal 5' phosphate")[-1]
    'pyridoxal 5 phosphate'
    """
    found = [american(key)]
    if _DIGIT.search(key):  # the number patterns need one
        found += [_JOINED_NUMBER.sub(r"\1 \2", key), _SPACED_NUMBER.sub(r"\1\2", key)]
        found.append(_LOCANT_PRIME.sub("", key))
    return list(dict.fromkeys(v for v in found if v != key))
