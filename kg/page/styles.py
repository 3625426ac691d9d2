"""How the page draws things: a colour and shape per entity class (the legend's order),
per sign, for denials and for contested edges. Kept apart from :mod:`kg.page.render` so the
look is read and changed in one place."""

from __future__ import annotations

import re

__all__ = [
    "CLASS_STYLES",
    "CONTESTED_BAND",
    "CONTESTED_MARK",
    "DENIED_COLOUR",
    "NEUTRAL_STYLE",
    "SIGN_STYLES",
    "class_label",
    "class_order",
    "class_style",
]

#: Colour and vis-network shape per entity class; the legend lists them in this order.
CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Nutrient": ("#f4a300", "star"),
    "ChemicalEntity": ("#f6d55c", "hexagon"),
    "Food": ("#7cb518", "square"),
    "PopulationGroup": ("#9b5de5", "triangleDown"),
    "BiologicalProcess": ("#3c8dde", "dot"),
    "PhysiologicalFunction": ("#56cfe1", "diamond"),
    "AnatomicalStructure": ("#2a9d8f", "triangle"),
    "Cell": ("#52b788", "triangle"),
    "CellularComponent": ("#95d5b2", "triangle"),
    "Disease": ("#d62839", "diamond"),
    "DeficiencyState": ("#f4845f", "diamond"),
    "Phenotype": ("#ff8fab", "dot"),
    "GeneOrProtein": ("#8d6e63", "square"),
}
#: The style of any other class: a crafted build may type its entities with anything.
NEUTRAL_STYLE = ("#bbbbbb", "dot")
#: Edge colour and arrow head per sign: increases, decreases (a bar, as in pathway maps), neutral.
SIGN_STYLES = {"+": ("#1b998b", "arrow"), "-": ("#e76f51", "bar"), "0": ("#8d99ae", "arrow")}
DENIED_COLOUR = "#c1121f"
#: A contested edge (some claim says otherwise) is drawn over a wide, striped amber band and
#: its label starts with a warning sign: a shape and a word, not a colour alone.
CONTESTED_MARK = "\u26a0"
CONTESTED_BAND = {"enabled": True, "color": "rgba(255, 183, 3, 0.6)", "size": 12, "dashes": [5, 3]}


def class_label(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).capitalize()


def class_style(name: str) -> tuple[str, str]:
    """Colour and shape of a class: its own if the page knows it, else the neutral one."""
    return CLASS_STYLES.get(name, NEUTRAL_STYLE)


def class_order(name: str) -> tuple[int, str]:
    """Known classes in legend order, then every other class by name."""
    known = list(CLASS_STYLES)
    return (known.index(name) if name in CLASS_STYLES else len(known), name)
