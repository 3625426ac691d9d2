"""FoodOn's foods, from its ROBOT templates, its agency categories (RDF/XML), MONDO's OBO
import and ECTO's FoodOn module (OWL functional syntax)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from xml.etree import ElementTree

from .obo import descendants, obo_terms
from .rules import Entry, NameRules, add, food_rows, organ_meat
from .sources import FOOD_MATERIAL, FOODON, FOODON_MODULE, Inputs


def robot_rows(text: str) -> Iterator[tuple[str, str, list[str]]]:
    """(id, label, English exact synonyms) of a ROBOT template: its second row says which
    column holds what (``ID``, ``SC %`` the parent, ``AL rdfs:label@en``, ``AL
    oboInOwl:hasExactSynonym@en``). An organ meat's row is named as :func:`organ_meat`
    says."""
    rows = [line.split("\t") for line in text.splitlines()]
    template = [cell.strip() for cell in rows[1]]
    id_col = template.index("ID")
    label_col = next(i for i, c in enumerate(template) if c in ("AL rdfs:label@en", "LABEL"))
    parent_col = next((i for i, c in enumerate(template) if c.startswith("SC %")), None)
    synonym_cols = [
        i for i, c in enumerate(template) if c.startswith("AL oboInOwl:hasExactSynonym@en")
    ]
    for row in rows[2:]:
        cell = dict(enumerate(c.strip() for c in row))
        synonyms = [s.strip() for i in synonym_cols for s in cell.get(i, "").split("|")]
        label, synonyms = cell.get(label_col, ""), [s for s in synonyms if s]
        meat = organ_meat(label, cell.get(parent_col, ""))
        if meat is not None:
            label, synonyms = meat[0], [*synonyms, meat[1]]
        yield cell.get(id_col, ""), label, synonyms


_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_RDFS = "{http://www.w3.org/2000/01/rdf-schema#}"
_OIO = "{http://www.geneontology.org/formats/oboInOwl#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def owl_classes(data: bytes) -> Iterator[tuple[str, str, list[str]]]:
    """(IRI, English label, English exact synonyms) of each ``owl:Class`` in RDF/XML."""
    for _, element in ElementTree.iterparse(io.BytesIO(data)):
        if element.tag != "{http://www.w3.org/2002/07/owl#}Class":
            continue
        iri = element.get(f"{_RDF}about", "")
        english = [e for e in element if e.get(_XML_LANG, "en").startswith("en") and e.text]
        labels = [e.text.strip() for e in english if e.tag == f"{_RDFS}label"]
        synonyms = [e.text.strip() for e in english if e.tag == f"{_OIO}hasExactSynonym"]
        if iri and labels:
            yield iri, labels[0], synonyms
        element.clear()


_OFN_IRI = r"<http://purl\.obolibrary\.org/obo/FOODON_(\d+)>"
_OFN_TEXT = r'"((?:[^"\\]|\\.)*)"(?:@([\w-]+))?'
_OFN_LABEL = re.compile(rf"^AnnotationAssertion\(rdfs:label {_OFN_IRI} {_OFN_TEXT}", re.M)
_OFN_EXACT = re.compile(
    rf"^AnnotationAssertion\(<{_OIO[1:-1]}hasExactSynonym> {_OFN_IRI} {_OFN_TEXT}", re.M
)
_OFN_DEPRECATED = re.compile(rf'^AnnotationAssertion\(owl:deprecated {_OFN_IRI} "true"', re.M)
#: A named superclass: SubClassOf(A B), or the first class of EquivalentClasses(A
#: ObjectIntersectionOf(B ...)), FoodOn's way to define a product by its parent and facets.
_OFN_PARENT = re.compile(
    rf"^(?:SubClassOf\({_OFN_IRI} |EquivalentClasses\({_OFN_IRI} ObjectIntersectionOf\()"
    rf"{_OFN_IRI}",
    re.M,
)


def ofn_foods(text: str, root: str) -> Iterator[tuple[str, str, list[str]]]:
    """(CURIE, English label, English exact synonyms) of the FOODON classes of an OWL
    functional-syntax file that are ``root`` or below it, and not deprecated."""
    english = ("", "en")
    labels: dict[str, str] = {}
    for m in _OFN_LABEL.finditer(text):
        if (m.group(3) or "") in english:
            labels.setdefault(f"FOODON:{m.group(1)}", m.group(2))
    synonyms: dict[str, list[str]] = {}
    for m in _OFN_EXACT.finditer(text):
        if (m.group(3) or "") in english:
            synonyms.setdefault(f"FOODON:{m.group(1)}", []).append(m.group(2))
    parents: dict[str, list[str]] = {}
    for m in _OFN_PARENT.finditer(text):
        child = f"FOODON:{m.group(1) or m.group(2)}"
        parents.setdefault(child, []).append(f"FOODON:{m.group(3)}")
    deprecated = {f"FOODON:{m.group(1)}" for m in _OFN_DEPRECATED.finditer(text)}
    below = descendants(parents, {root})
    for curie in sorted(below & labels.keys() - deprecated):
        yield curie, labels[curie], synonyms.get(curie, [])


def foodon(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """FoodOn: the food products of its ROBOT templates, its agency categories, the FoodOn
    terms MONDO imports and the food materials of ECTO's FoodOn module, with the names
    :func:`food_rows` gives them."""
    base = "http://purl.obolibrary.org/obo/FOODON_"
    rows = []
    for release in (*FOODON, FOODON_MODULE):
        data = inputs.read(release)
        if release.path.endswith(".obo"):
            found = [
                (t.id, t.name, t.synonyms)
                for t in obo_terms(data.decode())
                if t.id.startswith("FOODON:") and t.name and not t.obsolete
            ]
        elif release is FOODON_MODULE:
            found = list(ofn_foods(data.decode(), FOOD_MATERIAL))
        elif release.path.endswith(".owl"):
            found = [(iri.replace(base, "FOODON:"), *rest) for iri, *rest in owl_classes(data)]
        else:
            found = list(robot_rows(data.decode()))
        rows += [(c, label, syn, release.seen_in) for c, label, syn in found if label]
    for curie, entry in food_rows((r for r in rows if r[0].startswith("FOODON:")), rules.dropped):
        add(out, curie, entry, rules)
