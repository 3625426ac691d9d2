"""Which names go into the lexicon: the general rules (systematic chemical names, Latin and
Romance forms, food product names and bracketed qualifiers, stop words, length), the
:class:`Entry` a reader produces and :func:`add`, which merges one into the lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.ingest.names import fold


@dataclass
class Entry:
    label: str
    type: str
    seen_in: list[str]
    synonyms: list[str] = field(default_factory=list)


#: A systematic (IUPAC) name, a formula or a code: brackets, commas, locants ("2-",
#: "1->4", "2'"), stereo descriptors, charges ("2+"), runs of three digits ("CID 91848473").
_SYSTEMATIC = re.compile(
    r"[()\[\]{},;:]|->|\d[+-]$|^\d|\d'|\d{3}|\b(?:alpha|beta|gamma|omega)-[A-Z]-"
    r"|^([A-Z][a-z]?\d*)+[+-]?$"
)
#: ChEBI names a role that shares a chemical class's name "vitamin (role)"; the qualifier is
#: not part of the name a text uses.
ROLE_QUALIFIER = " (role)"
_MAX_WORDS = 6
_MIN_CHARS = 3


def systematic(name: str) -> bool:
    """Whether a chemical name reads as a systematic name or formula, not a common name.

    >>> systematic("N-acetyl-L-aspartate(1-)"), systematic("docosahexaenoic acid")
    (True, False)
    """
    return bool(_SYSTEMATIC.search(name))


#: How Latin, Spanish and Italian drug names (INN and pharmacopoeia forms) spell what
#: English spells "ph", "th", "y", "k" and "x" ("fenilalanina", "piridossina"), undone so
#: a name can be compared with its English form.
_RESPELLINGS = (("ph", "f"), ("th", "t"), ("y", "i"), ("k", "c"), ("x", "ss"))
#: A word's endings, ranked by how far from English they are: none or "-e" (English:
#: "biotin", "tyrosine"), the Romance "-a" and "-o" ("biotina", "acido"), the Latin "-um"
#: ("biotinum", "acidum").
_ENDING_RANK = {"um": 2, "a": 1, "o": 1, "e": 0}


def _word_form(word: str) -> tuple[str, int]:
    """A word's stem, respelt as English spells it, and the rank of its ending."""
    for foreign, english in _RESPELLINGS:
        word = word.replace(foreign, english)
    for ending, rank in _ENDING_RANK.items():
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)], rank
    return word, 0


def foreign_forms(names: Iterable[str]) -> set[str]:
    """The names that are another name's Latin, Spanish or Italian form: the same words
    once respelt and stripped of their endings, in any order, where every word that ends
    differently ends as English does in the other ("pyridoxinum" and "pyridoxina" beside
    "pyridoxine", "acido glutamico" beside "glutamic acid"; not "sodium" beside the Spanish
    "sodio", whose endings are both foreign). ChEBI lists a drug's INN names in several
    languages without saying which is which.

    >>> sorted(foreign_forms(["biotin", "biotina", "biotinum", "vitamin H"]))
    ['biotina', 'biotinum']
    >>> sorted(foreign_forms(["sodium", "sodio", "Kadmium", "cadmium", "pyridoxin", "pyridoxine"]))
    []
    """
    forms = {name: sorted(_word_form(w) for w in fold(name).split()) for name in names}
    foreign = set()
    for name, words in forms.items():
        for english in forms.values():
            if len(words) != len(english) or [s for s, _ in words] != [s for s, _ in english]:
                continue
            ranks = [(a, b) for (_, a), (_, b) in zip(words, english, strict=True) if a != b]
            if ranks and all(a > b == 0 for a, b in ranks):
                foreign.add(name)
    return foreign


#: ChEBI names a class of fatty acids "X fatty acid" where a health text says "X fats"
#: ("saturated fats", "omega-3 fats"), and "omega-3" alone where X ends in its number.
_FATTY_ACID = re.compile(r"(?P<x>.+?)[ -]fatty acid$")


def fat_names(name: str) -> list[str]:
    """The names a text gives a class of fatty acids ChEBI calls ``name``.

    >>> fat_names("omega-3 fatty acid"), fat_names("saturated fatty acid"), fat_names("fatty acid")
    (['omega-3 fat', 'omega-3'], ['saturated fat'], [])
    """
    m = _FATTY_ACID.fullmatch(name)
    if m is None:
        return []
    x = m.group("x")
    return [f"{x} fat", *([x] if x[-1].isdigit() else [])]


#: FoodOn's qualifiers of a product's state or source, "(raw)", "(whole or pieces)", "(us cfr)".
_QUALIFIER = re.compile(r"\s*\([^()]*\)")
#: FoodOn names a product "X food product" where a text says "X" ("beef food product"), and
#: "X meat food product" where it says "X" ("turkey meat food product").
_PRODUCT = re.compile(r"\s+(?:meat\s+)?(?:food\s+)?product$")
#: Word endings of English adjectives ("processed", "microbial", "solanaceous", "avian"),
#: which "X food product" also has as its X; "-eed" and "-eal" end nouns ("seed", "veal").
_ADJECTIVE = re.compile(r"(?:(?<!e)ed|(?<!e)al|ous|ian)$")
_MAX_FOOD_WORDS = 5


def product_name(name: str) -> str | None:
    """The name a text gives a food FoodOn calls "X food product": X, unless X ends as an
    adjective does ("processed food product", "animal based food product").

    >>> product_name("beef food product"), product_name("processed food product")
    ('beef', None)
    """
    bare = _PRODUCT.sub("", name)
    if bare == name or not bare or _ADJECTIVE.search(bare.split()[-1]):
        return None
    return bare


#: FoodOn's template for the organs of an animal eaten as food: "{animal} liver", a child of
#: "{animal} organ", which its build names "animal liver" for the template's own id.
_ORGAN_OF = re.compile(r"\{animal\} (?!organ\b)([a-z][a-z ]*)")
_ORGAN_PARENT = "{animal} organ"


def organ_meat(label: str, parent: str) -> tuple[str, str] | None:
    """The label and the plain name of an organ meat of FoodOn's animal parts template:
    "{animal} liver" below "{animal} organ" is "animal liver", and a text that eats it
    calls it "liver" ("Liver is rich in folate"); None for any other row.

    >>> organ_meat("{animal} liver", "{animal} organ")
    ('animal liver', 'liver')
    >>> organ_meat("{animal} liver (raw)", "{animal} liver") is None
    True
    """
    m = _ORGAN_OF.fullmatch(label)
    if m is None or parent != _ORGAN_PARENT:
        return None
    return f"animal {m.group(1)}", m.group(1)


def food_rows(
    rows: Iterable[tuple[str, str, list[str], str]], dropped: dict[str, int]
) -> Iterator[tuple[str, Entry]]:
    """FoodOn's foods with the names a text gives them. A name with a qualifier in brackets
    ("avocado (raw)", "spinach (whole or pieces)") also answers to its bare form, unless
    another food already has that name, and then the term is a variant of that food, left
    out; a label of more than five words is an over-specific product, left out too."""
    rows = [r for r in rows if "," not in r[1]]  # inverted labels, which keep() drops
    taken: dict[str, str] = {}  # folded name -> the first food that has it
    for curie, label, synonyms, _ in rows:
        if len(_QUALIFIER.sub("", label).split()) <= _MAX_FOOD_WORDS:
            names = [label, *synonyms, *filter(None, map(product_name, [label, *synonyms]))]
            for name in names:
                if "(" not in name and "," not in name:
                    taken.setdefault(fold(name), curie)
    for curie, label, synonyms, seen_in in rows:
        bare = _QUALIFIER.sub("", label).strip()
        if bare != label and taken.setdefault(fold(bare), curie) != curie:
            dropped["variant"] += 1
            continue
        if len(bare.split()) > _MAX_FOOD_WORDS:
            dropped["long"] += 1
            continue
        names = []
        for name in [label, *synonyms]:
            plain = _QUALIFIER.sub("", name).strip()
            if plain != name and taken.setdefault(fold(plain), curie) == curie:
                names.append(plain)
            names += filter(None, [product_name(plain)])
        yield curie, Entry(label, "Food", [seen_in], [*synonyms, *names])


class NameRules:
    """Which names go into the lexicon's index (the label itself is kept for display)."""

    def __init__(self, stopwords: Iterable[str]) -> None:
        self.stopwords = frozenset(fold(w) for w in stopwords)
        self.dropped: dict[str, int] = {
            "short": 0, "stopword": 0, "long": 0, "systematic": 0, "inverted": 0,
            "placeholder": 0, "obsolete": 0, "foreign": 0, "variant": 0,
        }  # fmt: skip

    def keep(self, name: str, *, chemical: bool = False, exempt: bool = False) -> bool:
        """``name`` is worth matching: not too short, not a common English word (unless
        ``exempt``: an element or vitamin name), not over six words, not a systematic name
        (for chemicals), not an inverted heading ("Vitamins, B") or a template slot."""
        folded = fold(name)
        reason = None
        if "{" in name or "}" in name:
            reason = "placeholder"
        elif len(folded.replace(" ", "")) < _MIN_CHARS:
            reason = "short"
        elif folded in self.stopwords and not exempt:
            reason = "stopword"
        elif len(folded.split()) > _MAX_WORDS:
            reason = "long"
        elif chemical and systematic(name):
            reason = "systematic"
        elif "," in name:
            reason = "inverted"
        if reason:
            self.dropped[reason] += 1
        return reason is None


def add(
    out: dict[str, Entry],
    curie: str,
    entry: Entry,
    rules: NameRules,
    *,
    chemical: bool = False,
    exempt: bool = False,
) -> None:
    """Add ``entry`` under ``curie`` when the rules keep its label, with the synonyms they
    keep (for a chemical, not the Latin or Romance forms of its other names); a term read
    before keeps its label and class and gains the new names and file."""
    known = out.get(curie)
    bare = entry.label.removesuffix(ROLE_QUALIFIER)
    if known is None and not rules.keep(bare, chemical=chemical, exempt=exempt):
        return
    target = known or out.setdefault(curie, Entry(entry.label, entry.type, []))
    seen = {fold(n) for n in [target.label, *target.synonyms]}
    names = [bare, *entry.synonyms]
    foreign = foreign_forms([*names, *target.synonyms]) - {bare} if chemical else set()
    for name in names:
        folded = fold(name)
        if not folded or folded in seen:
            continue
        if name in foreign:
            rules.dropped["foreign"] += 1
        elif rules.keep(name, chemical=chemical, exempt=exempt):
            target.synonyms.append(name)
            seen.add(folded)
    target.seen_in.extend(s for s in entry.seen_in if s not in target.seen_in)
