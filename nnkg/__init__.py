"""nnkg: the nutrient-nerve knowledge graph, for Python and notebooks.

The documented import. Every name is :mod:`kg`'s (the package the design names), loaded on
first use, so ``import nnkg`` stays as light as ``nnkg --help``; ``dir(nnkg)`` lists them.

>>> import nnkg
>>> g = nnkg.open()  # ./build, or the packaged sources built in memory
>>> answer = g.path("vitamin B12", "serotonin", max_hops=3)
>>> answer.to_dict()["paths"][0]["hops"][0]["predicate"]["label"]
'promotes'
>>> try:
...     g.show("serotnin")
... except nnkg.UnknownEntityError as e:
...     print(e)
unknown entity 'serotnin'; did you mean: serotonin?
"""

from __future__ import annotations

import kg

__all__ = list(kg.__all__)
__version__ = kg.__version__


def __getattr__(name: str):
    # kg's own lazy re-exports: nothing heavy is imported until a name is used.
    if name in __all__:
        return getattr(kg, name)
    raise AttributeError(f"module 'nnkg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
