"""The form names are compared in, so "Vitamin B-12", "vitamin B12" and "vitamins B12"
meet, and so do "Alzheimer’s disease" and "alzheimer's disease".

Every stage that matches names (the catalogue, the lexicon, the mentions) folds both sides
with :func:`fold`, so a name found by one is found by all.
"""

from __future__ import annotations

import re

__all__ = ["fold"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\s\-‐‑‒–—_/]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])[\-‐‑‒–—]+(?=[0-9])")  # "b-12" is "b12"
_WORD = re.compile(r"[a-z]+")
#: Endings of words that end in s but are singular ("sclerosis", "glucose", "virus",
#: "numbness", "species").
_SINGULAR_ENDINGS = ("ss", "us", "is", "os", "ose", "series", "species", "news")


def _singular(word: str) -> str:
    """A plain English plural made singular: "nerves" -> "nerve", "deficiencies" ->
    "deficiency"; words that only end in s ("sclerosis", "glucose") stay."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(_SINGULAR_ENDINGS):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def fold(name: str) -> str:
    """``name`` lower-cased, apostrophes made one, a dash between a letter and a digit
    dropped, other hyphens, dashes, slashes and runs of spaces made one space, and each
    word's plain plural made singular.

    >>> fold("  Vitamin B-12 ")
    'vitamin b12'
    >>> fold("Alzheimer’s Diseases")
    "alzheimer's disease"
    >>> fold("nerve-cells") == fold("nerve cell")
    True
    """
    text = _LETTER_DIGIT.sub("", name.translate(_APOSTROPHES).casefold())
    text = _DASHES.sub(" ", text).strip()
    return _WORD.sub(lambda m: _singular(m.group()), text)
