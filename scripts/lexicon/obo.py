"""OBO files: their ``[Term]`` stanzas, the is_a closure of a set of terms, and the
releases read as OBO (HP, and the UBERON and CL terms of MONDO's import files)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .rules import Entry, NameRules, add
from .sources import HP, Inputs, Release

_OBO_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)')


@dataclass
class OboTerm:
    id: str
    name: str = ""
    namespace: str = ""
    synonyms: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    obsolete: bool = False
    xrefs: list[str] = field(default_factory=list)


def obo_terms(text: str) -> Iterator[OboTerm]:
    """The ``[Term]`` stanzas of an OBO file, with their EXACT and RELATED synonyms (BROAD
    and NARROW ones name other things) and their xrefs' CURIEs."""
    term: OboTerm | None = None
    for line in text.splitlines():
        if line.startswith("["):
            if term:
                yield term
            term = None
            continue
        if line.startswith("id: ") and term is None:
            term = OboTerm(line[4:].strip())
        elif term is None:
            continue
        elif line.startswith("name: "):
            term.name = line[6:].strip()
        elif line.startswith("namespace: "):
            term.namespace = line[11:].strip()
        elif line.startswith("is_a: "):
            term.parents.append(line[6:].split("!")[0].strip())
        elif line.startswith("is_obsolete: true"):
            term.obsolete = True
        elif line.startswith("xref: "):
            term.xrefs.append(line[6:].split()[0])
        elif (m := _OBO_SYNONYM.match(line)) and m.group(2) in ("EXACT", "RELATED"):
            term.synonyms.append(m.group(1).replace('\\"', '"'))
    if term:
        yield term


def descendants(parents: dict[str, list[str]], roots: set[str]) -> set[str]:
    """Every term whose is_a chain reaches one of ``roots`` (the roots included)."""
    memo: dict[str, bool] = {}

    def below(term: str, seen: frozenset[str] = frozenset()) -> bool:
        if term in roots:
            return True
        if term not in memo:
            memo[term] = any(
                below(p, seen | {term}) for p in parents.get(term, ()) if p not in seen
            )
        return memo[term]

    return {t for t in parents if below(t)} | roots


def hp(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """HP: the phenotypic abnormalities (HP:0000118 and below); the other branches (mode of
    inheritance, clinical modifiers such as "Mild") are not phenotypes a text names."""
    terms = [t for t in obo_terms(inputs.read(HP).decode()) if t.id.startswith("HP:")]
    rules.dropped["obsolete"] += sum(t.obsolete for t in terms)
    terms = [t for t in terms if not t.obsolete]
    keep = descendants({t.id: t.parents for t in terms}, {"HP:0000118"})
    for term in terms:
        if term.id in keep and term.id != "HP:0000118":
            entry = Entry(term.name, "Phenotype", [HP.seen_in], term.synonyms)
            add(out, term.id, entry, rules)


def obo_import(
    inputs: Inputs, release: Release, kind: str, rules: NameRules, out: dict[str, Entry]
) -> None:
    """The terms of ``release``'s own prefix in an import file, all of one nnkg class."""
    for term in obo_terms(inputs.read(release).decode()):
        if term.id.startswith(f"{release.prefix}:") and term.name and not term.obsolete:
            add(out, term.id, Entry(term.name, kind, [release.seen_in], term.synonyms), rules)
