"""A claim's context qualifiers in claims.yaml: checked like the rest of the claim.

Whether two claims really oppose often depends on the context they hold in ("in people
whose vitamin B12 levels are normal, taking supplements…"). A claim may name it:
``population`` (a catalogued entity typed nnkg:PopulationGroup), ``exposure`` (a code of the
ontology's closed ``nnkg:Exposure`` vocabulary) and ``qualifier_text`` (the words of the
quote that say so, required with either, so every qualifier is grounded in the text as
subject and object are).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.base.errors import shown
from kg.curation.records import FieldReader, did_you_mean

if TYPE_CHECKING:
    from kg.base.model import Entity
    from kg.curation.ontology import Ontology

__all__ = ["POPULATION_CLASS", "QUALIFIER_FIELDS", "check_qualifiers"]

#: The optional claim fields of the context, in the order curators write them.
QUALIFIER_FIELDS = ("population", "exposure", "qualifier_text")
#: The class a population entity must be (or be below).
POPULATION_CLASS = "PopulationGroup"


def _population(reader: FieldReader, entities: dict[str, Entity], ontology: Ontology) -> str | None:
    slug = reader.get("population", str, required=False)
    if slug is None:
        return None
    if slug not in entities:
        reader.problem("population", f"unknown entity {shown(slug)}{did_you_mean(slug, entities)}")
    elif not ontology.is_a(entities[slug].type, POPULATION_CLASS):
        kind = entities[slug].type
        reader.problem("population", f"{shown(slug)} is a {kind}, not a {POPULATION_CLASS}")
    return slug


def _exposure(reader: FieldReader, ontology: Ontology) -> str | None:
    code = reader.get("exposure", str, required=False)
    if code is not None and code not in ontology.exposures:
        known = ", ".join(ontology.exposures)
        reader.problem("exposure", f"unknown exposure {shown(code)} (one of {known})")
    return code


def check_qualifiers(
    reader: FieldReader, quote: str | None, entities: dict[str, Entity], ontology: Ontology
) -> dict[str, str | None]:
    """The claim's qualifiers as :class:`kg.base.model.Claim` fields (None where not
    given); each problem goes to ``reader``, one line naming its field."""
    population = _population(reader, entities, ontology)
    exposure = _exposure(reader, ontology)
    text = reader.get("qualifier_text", str, required=False)
    given = reader.record.data  # a bad population or exposure is still one given
    qualified = any(given.get(key) is not None for key in ("population", "exposure"))
    if qualified and given.get("qualifier_text") is None:
        reader.problem("qualifier_text", "missing: say which words of the quote give the "
                       "population or exposure")  # fmt: skip
    elif text is not None and not qualified:
        reader.problem("qualifier_text", "given without a population or exposure to ground")
    elif text is not None and quote is not None and text not in quote:
        reader.problem("qualifier_text", f"{shown(text)} does not occur in the quote")
    return {"population": population, "exposure": exposure, "qualifier_text": text}
