"""Stage 5 of ``nnkg ingest``: promotional text is never a claim.

Health articles on the web often end in a pitch: a link, "visit X", a product with a brand
mark, a discount code, "click here". A sentence like that sells; whatever relation it seems
to state is not the source's evidence, so no candidate is drafted from it.
"""

from __future__ import annotations

import re

from kg.ingest.model import Sentence
from kg.ingest.regexwords import Sieve, words_of

__all__ = ["is_promotional"]

_PITCHES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bhttps?://|\bwww\.",
        r"\b[\w-]+\.(?:com|net|org|gov|edu|io|co|uk|shop|store|health)\b(?:/|\s|$)",
        r"[\w.+-]+@[\w-]+\.[a-z]{2,}",  # an e-mail address
        r"[™®℠]|\((?:tm|r)\)",
        r"\bvisit\s+(?:us|our|my)\b|\bbuy\b",
        r"\b(?:buy|shop|order|purchase|subscribe|sign\s+up|register)\s+(?:now|today|online|here)\b",
        r"\b(?:buy|purchase|shop\s+for|order)\s+(?:our|your|this|it|them|one)\b",
        r"\b(?:use|enter|apply)\s+(?:the\s+)?(?:promo\s+|discount\s+|coupon\s+)?code\b",
        r"\b(?:promo|discount|coupon)\s+code\b|\b\d{1,2}\s*%\s*off\b|\bfree\s+shipping\b",
        r"\bclick\s+(?:here|the\s+link|below)\b|\b(?:link|links)\s+(?:below|in\s+(?:our|the)\s+bio)\b",
        r"\blearn\s+more\s+(?:at|on|about\s+our)\b|\bfind\s+out\s+more\s+at\b",
        r"\bour\s+(?:own\s+)?(?:formula|formulas|supplements?|products?|blend|store|shop|"
        r"capsules|gummies|brand|range|program|programme)\b",
        r"\b(?:money-back|satisfaction)\s+guarantee\b|\blimited[-\s]time\s+offer\b",
        r"\bavailable\s+(?:now\s+)?(?:at|on|from)\s+(?:amazon|our|www\.)",
    )
)
#: Pitches that need a capital letter: a brand name after "visit" or "try ... today".
_NAMED_PITCHES = (
    re.compile(r"\b[Vv]isit\s+(?:the\s+)?[A-Z0-9]"),
    re.compile(r"\b(?:[Tt]ry|[Gg]et|[Gg]rab|[Oo]rder)\s+(?:[A-Z][\w-]*\s+){1,3}(?:today|now)\b"),
)

#: The pitches, each searched only in a sentence that holds the words it needs.
_SIEVE = Sieve((*_PITCHES, *_NAMED_PITCHES))


def is_promotional(sentence: Sentence) -> bool:
    """Whether ``sentence`` promotes something (a link, a product, a call to buy or visit)
    rather than stating what the source holds true.

    >>> is_promotional(Sentence(0, 31, "Order now and use code NERVE10."))
    True
    >>> is_promotional(Sentence(0, 38, "Iron is found in red meat and lentils."))
    False
    """
    text = sentence.text
    return next(_SIEVE.finditer(text, words_of(text)), None) is not None
