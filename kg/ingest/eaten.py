"""The organ a text eats: "Liver is rich in folate" names a food, "the liver stores it" an
organ. FoodOn names organ meats by the organ ("animal liver", a food called "liver"); a
bare singular organ name, with no determiner to make it one body's organ, is that food
where it opens its sentence as a subject or stands in a list beside other foods."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.ingest.matching import Hit, Word, top
from kg.ingest.vocabulary import Name, Vocabulary, folded
from kg.ingest.wordlists import COPULAS, PREPOSITIONS, is_verb, wordset

__all__ = ["eaten"]

#: What stands between two items of a list or a class and its example: a comma, "and",
#: "or", "such as", "including", "like".
_BESIDE = re.compile(r"\s*(?:,|,?\s*(?:and|or|such as|including|like))\s*", re.IGNORECASE)

#: Words a bare noun follows: prepositions and the words that join list items.
_BEFORE_BARE = PREPOSITIONS | wordset("and or as including")


def eaten(doc: str, words: list[Word], hits: list[Hit], vocab: Vocabulary) -> None:
    """Read each bare organ name that is eaten (:func:`_eaten`) as its food."""
    foods = [h for h in top(hits) if h.name.type == "Food"]
    for k, hit in enumerate(hits):
        food = _food_reading(doc, hit, vocab)
        if food is not None and _eaten(doc, words, hit, foods):
            hits[k] = replace(hit, name=food)


def _food_reading(doc: str, hit: Hit, vocab: Vocabulary) -> Name | None:
    """The food a singular organ name of the lexicon also names, or None."""
    text = doc[hit.start : hit.end]
    if hit.how != "lexicon" or vocab.kind(hit.name.type) != "AnatomicalStructure":
        return None
    key = folded(text)
    return vocab.food_name(key) if key == text.casefold() else None


def _eaten(doc: str, words: list[Word], hit: Hit, foods: list[Hit]) -> bool:
    """Whether the organ name, bare, opens its sentence before a verb ("Liver is rich in
    ...") or stands beside a food ("in liver, eggs and dairy products")."""
    at = next((i for i, w in enumerate(words) if w.start == hit.start), None)
    if at is None or not _bare(doc, words, at):
        return False
    after = next((w.key for w in words if w.start >= hit.end), "")
    opens = at == 0 and (after in COPULAS or is_verb(after))
    beside = any(
        _BESIDE.fullmatch(doc[f.end : hit.start] if f.end <= hit.start else doc[hit.end : f.start])
        for f in foods
    )
    return opens or beside


def _bare(doc: str, words: list[Word], at: int) -> bool:
    """Whether ``words[at]`` has no determiner or modifier: it opens the sentence or follows
    a comma, a preposition or a conjunction ("in liver", "fish and liver"; not "your
    liver", "beef liver")."""
    if at == 0 or not doc[words[at - 1].end : words[at].start].isspace():
        return True
    return words[at - 1].key in _BEFORE_BARE
