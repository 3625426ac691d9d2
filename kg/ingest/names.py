"""The form names are compared in, so "Vitamin B-12", "vitamin B12" and "vitamins B12"
meet, and so do "Alzheimer’s disease" and "alzheimer's disease", "potatoes" and "potato".

Every stage that matches names (the catalogue, the lexicon, the mentions) folds both sides
with :func:`fold`, so a name found by one is found by all.
"""

from __future__ import annotations

import re

__all__ = ["fold", "singular"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\s\-‐‑‒–—_/]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])[\-‐‑‒–—]+(?=[0-9])")  # "b-12" is "b12"
_WORD = re.compile(r"[a-z]+")
#: A plural of a name that ends in its number: "omega-3s" (folded "omega3s") are "omega-3".
_NUMBERED_PLURAL = re.compile(r"\b([a-z]{2,}\d+)s\b")

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
    text = _NUMBERED_PLURAL.sub(r"\1", _DASHES.sub(" ", text).strip())
    return _WORD.sub(lambda m: singular(m.group()), text)
