"""The general English word lists of nouns and their modifiers that the noun-phrase and
class-noun steps read a text by: adjectives in -ing and -ly, vague nouns, and the general
health nouns the lexicon lacks. Nothing in them is taken from a particular text."""

from __future__ import annotations

from kg.ingest.wordlists import GENERIC, wordset

__all__ = [
    "CLASS_VAGUE",
    "FOCUS_ADVERBS",
    "HEALTH_NOUNS",
    "NAMING_PARTICIPLES",
    "NOT_PARTICIPLES",
    "VAGUE_NOUNS",
    "is_adverb",
]

#: Words in -ing that English uses as adjectives naming a kind of thing ("burning pain",
#: "thinning hair", "working memory", "sleeping pills"), not as verbs with an object.
NAMING_PARTICIPLES = wordset(
    """aging ageing bleeding burning chelating lasting pounding racing ringing shooting
    sleeping stabbing thinning throbbing wasting working"""
)
#: Words in -ing that are no participle or gerund ("including", "during").
NOT_PARTICIPLES = wordset("including according regarding concerning during")
#: Words in -ly that are adjectives or nouns, no adverbs ("elderly patients", "oily fish",
#: "blood supply").
_LY_WORDS = wordset(
    """elderly early daily weekly monthly yearly nightly family oily belly jelly holy
    friendly lonely ugly curly woolly supply apply reply fly ally assembly anomaly monopoly
    rally lily bully holly italy july melancholy"""
)


def is_adverb(key: str) -> bool:
    """Whether a folded word is an adverb in -ly ("particularly", "mainly")."""
    return key.endswith("ly") and key not in _LY_WORDS


#: Adverbs that single out what follows them rather than grade it ("particularly burning
#: pain", "mainly older adults"): a noun phrase's modifiers stop before one, while a
#: grading adverb belongs to the phrase ("highly processed foods").
FOCUS_ADVERBS = wordset(
    """particularly especially mainly mostly notably chiefly primarily largely
    usually typically generally often commonly frequently sometimes occasionally also
    even only just simply certainly probably possibly likely really actually namely"""
)
#: Nouns too vague to modify a noun in a name ("the way sleeping pills do"): a noun
#: phrase's modifiers stop before one.
VAGUE_NOUNS = wordset("way kind sort role")
#: General health nouns the lexicon's ontologies lack, each with its class and, where the
#: word is short for one, the name it stands for ("IQ" is a measure of intelligence): a
#: word of everyday health writing, never one taken from a particular text.
HEALTH_NOUNS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("addiction", "hangover"), ("Disease", "")),
    "relapse": ("Phenotype", ""),
    **dict.fromkeys(("stimulant", "depressant", "pigment", "painkiller"), ("ChemicalEntity", "")),
    **dict.fromkeys(
        ("alertness", "coordination", "intelligence", "stamina", "endurance", "immunity",
         "eyesight", "blood flow"),
        ("PhysiologicalFunction", ""),
    ),
    "iq": ("PhysiologicalFunction", "intelligence"),
}  # fmt: skip
#: Nouns too vague to be the class a text says a thing is ("zinc is a concern", "a must",
#: "a good source"): the generic words, and words for a part, a measure or a judgement.
CLASS_VAGUE = (
    GENERIC
    | VAGUE_NOUNS
    | wordset(
        """week concern issue must priority challenge question myth reason cause option choice
        idea example case lot bit number thing member family mix combination mixture range
        variety class category name term word fuel building block marker measure benefit key
        component ingredient difference change increase decrease reduction rise fall drop
        improvement finding"""
    )
)
