"""Content negotiation for the SPARQL Protocol: which writer answers a given ``Accept``."""

from __future__ import annotations

from kg.base.media import MEDIA

__all__ = ["OFFERS", "negotiate", "supported"]

#: The writers (of :func:`kg.sparql.results.write_result`) the endpoint answers a table, or a
#: graph, with, best first.
_PREFERRED = {False: ("json", "xml", "csv", "tsv"), True: ("turtle", "nt")}

#: What each kind of answer can be written in, as ``(writer, media type)``, best first;
#: ``Accept`` picks among them. Each writer's own type comes before any alias of another
#: (``application/json`` is last), so a tie goes to the type a writer is named by.
OFFERS = {
    graph: [(name, MEDIA[name].type) for name in names]
    + [(name, alias) for name in names for alias in MEDIA[name].aliases]
    for graph, names in _PREFERRED.items()
}


def negotiate(accept: str | None, graph: bool) -> str | None:
    """The writer that ``accept`` likes best for a table (or a ``graph``), or None.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False)
    'xml'
    >>> negotiate(None, graph=True)
    'turtle'
    """
    ranges = []
    for part in (accept or "*/*").split(",")[:64]:  # a header of thousands of ranges: the first
        media, *params = (p.strip() for p in part.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranges.append((media.lower(), float(q)))
        except ValueError:
            continue

    def quality(media: str) -> float:
        """q of the most specific range matching ``media`` (exact, then type/*, then */*)."""
        kind = media.split("/")[0]
        patterns = {media: 2, f"{kind}/*": 1, "*/*": 0}
        matches = [(patterns[m], q) for m, q in ranges if m in patterns]
        return max(matches)[1] if matches else 0.0

    best = max(OFFERS[graph], key=lambda offer: quality(offer[1]))  # ties: the first offer
    return best[0] if quality(best[1]) > 0 else None


def supported(graph: bool) -> str:
    """The media types a table (or a ``graph``) can be answered in, for an error message."""
    return ", ".join(dict.fromkeys(media for _, media in OFFERS[graph]))
