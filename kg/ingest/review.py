"""``nnkg review``: the page on which a curator turns a draft's candidates into curated claims.

The page (``review.html`` in the draft folder) is one offline file: the document with every
candidate's quote highlighted and its mentions marked (:file:`kg/page/document.js`), an
editor for each candidate's predicate, certainty, negation, spans and entities, accept and
reject, claims added from a selection, and a counter of what is left. The draft travels in a
JSON data block the browser never runs; the page shows every string from the files with
``textContent``, and its Content Security Policy runs exactly its own scripts (the document
view and :data:`REVIEW_SCRIPTS`) and two stylesheets, by hash.

This module reads the draft and renders the page; :mod:`kg.ingest.reviewsave` saves a
review by the rules of ``nnkg accept`` and :mod:`kg.ingest.reviewserver` serves the page.
Static, the page builds the same files itself, byte for byte, and offers them as downloads.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.base.errors import NnkgError
from kg.curation.qualifiers import POPULATION_CLASS
from kg.ingest.accept import ENTITY_KEYS
from kg.ingest.folder import CLAIM_KEYS, CONTEXT_KEYS, HEADERS
from kg.ingest.known import CANDIDATE_ENTITIES, CANDIDATES, Known, read_items

__all__ = [
    "ADDED_CUE",
    "CHOSEN_SEEN_IN",
    "PROPOSAL_KEYS",
    "REVIEW_FILE",
    "REVIEW_SCRIPTS",
    "Draft",
    "ReviewError",
    "ReviewPage",
    "entity_choices",
    "load_draft",
    "render_review",
    "taken_names",
    "write_review",
]

REVIEW_FILE = "review.html"
#: The ``cue`` of a claim the curator added on the page.
ADDED_CUE = "added in nnkg review"
#: Where a standard ID the curator chose among the suggestions was seen, for a draft whose
#: suggestions do not say (written before they carried their release file).
CHOSEN_SEEN_IN = "nnkg ingest lexicon: a name-alike suggestion the curator chose in nnkg review"
#: Key order of a proposed entity, as ``candidate-entities.yaml`` writes it.
PROPOSAL_KEYS = (*ENTITY_KEYS, "status", "suggestions")
#: The review page's own scripts (in kg/page), inlined in this order after document.js: the
#: namespace first, each part of the page, then the one that boots it.
REVIEW_SCRIPTS = (
    "review-base.js",
    "review-yaml.js",
    "review-compose.js",
    "review-context.js",
    "review-claims.js",
    "review-new-entity.js",
    "review-editor.js",
    "review-saving.js",
    "review.js",
)


class ReviewError(NnkgError):
    """A folder that is no draft, or a review the page cannot save: carries each problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Draft:
    """A draft source folder as the review reads it: the document and every list it holds,
    and what the rest of the graph has."""

    folder: Path
    source: dict
    document: str
    candidates: list[dict]
    proposals: list[dict]  # candidate-entities.yaml
    claims: list[dict]
    entities: list[dict]  # the source's own entities.yaml
    has_entities_file: bool
    known: Known


@dataclass(frozen=True)
class ReviewPage:
    """The page's HTML and the Content-Security-Policy header value to serve it with."""

    html: str
    csp: str


def load_draft(folder: Path) -> Draft:
    """The draft in ``folder``, as ``nnkg ingest`` wrote it and reviews have left it."""
    from kg.base.textfile import read_text
    from kg.curation.records import display_path, load_mapping
    from kg.ingest.known import load_known

    folder = Path(folder)
    if not (folder / CANDIDATES).is_file():
        raise ReviewError(
            [f"{display_path(folder / CANDIDATES)}: no such file (is {folder} a folder "
             "nnkg ingest wrote?)"]
        )  # fmt: skip
    _, document = read_text(folder / "document.txt", display_path(folder / "document.txt"))
    source = load_mapping(folder / "source.yaml").data
    return Draft(
        folder=folder,
        source={"id": str(source.get("id", folder.name)), "title": str(source.get("title", ""))},
        document=document,
        candidates=read_items(folder / CANDIDATES),
        proposals=read_items(folder / CANDIDATE_ENTITIES),
        claims=read_items(folder / "claims.yaml"),
        entities=read_items(folder / "entities.yaml"),
        has_entities_file=os.path.lexists(folder / "entities.yaml"),
        known=load_known(folder.parent, skip=folder),
    )


# --- the page ----------------------------------------------------------------------------


def _entity_choice(item: dict, origin: str) -> dict:
    return {
        "id": item.get("id"),
        "label": item.get("label"),
        "type": item.get("type"),
        "synonyms": list(item.get("synonyms") or []),
        "xrefs": [
            {"curie": x.get("curie"), "match": x.get("match")}
            for x in item.get("xrefs") or []
            if isinstance(x, dict)
        ],
        "suggestions": list(item.get("suggestions") or []),
        "origin": origin,
    }


def entity_choices(draft: Draft) -> list[dict]:
    """Every entity a claim of the draft may name, this draft's own first: the proposals,
    the source's entities, other drafts' proposals, then the graph's, by label."""
    seen: set = set()
    choices = []

    def add(items, origin):
        for item in items:
            if item.get("id") not in seen:
                seen.add(item.get("id"))
                choices.append(_entity_choice(item, origin))

    add(draft.entities, "source")
    add(draft.proposals, "proposed")
    add(draft.known.proposed.values(), "other draft")
    graph = sorted(draft.known.entities.values(), key=lambda e: (e.label.casefold(), e.id))
    add(
        ({"id": e.id, "label": e.label, "type": e.type, "synonyms": e.synonyms,
          "xrefs": [{"curie": x.curie, "match": x.match} for x in e.xrefs]} for e in graph),
        "graph",
    )  # fmt: skip
    return choices


def _names(items) -> list[str]:
    return [name for item in items for name in (item.get("label"), *(item.get("synonyms") or []))
            if isinstance(name, str)]  # fmt: skip


def taken_names(draft: Draft) -> set[str]:
    """The names (case-folded) the graph and the source already use: a new entity may not
    use them again."""
    graph = [{"label": e.label, "synonyms": e.synonyms} for e in draft.known.entities.values()]
    return {name.casefold() for name in _names([*graph, *draft.entities])}


def _page_data(draft: Draft, served: bool) -> dict:
    from kg.curation.ontology import load_ontology

    ontology = load_ontology()
    own = [*draft.proposals, *draft.known.proposed.values(), *draft.entities]
    return {
        "served": served,
        "source": draft.source,
        "document": draft.document,
        "predicates": [
            {"name": r.name, "label": r.label, "domain": r.domain, "range": r.range}
            for r in ontology.relations.values()
        ],
        "classes": {cls: sorted(sups) for cls, sups in sorted(ontology.superclasses.items())},
        "entities": entity_choices(draft),
        "entityClasses": sorted(ontology.entity_classes),
        # a claim's context: who it holds for (an entity of this class) and how taken in
        "populationClass": POPULATION_CLASS,
        "exposures": list(ontology.exposures),
        # what saving needs to build the files in the browser as the server does
        "candidates": draft.candidates,
        "claims": draft.claims,
        "ownEntities": draft.entities,
        "hasEntitiesFile": draft.has_entities_file,
        "proposals": draft.proposals,
        "otherProposals": draft.known.proposed,
        "graphIds": sorted(draft.known.entities),
        "taken": sorted(taken_names(draft)),
        "folded": {name: name.casefold() for name in sorted(set(_names(own)))},
        "keys": {
            "claim": (*CLAIM_KEYS, *CONTEXT_KEYS),
            "context": CONTEXT_KEYS,
            "entity": ENTITY_KEYS,
            "proposal": PROPOSAL_KEYS,
        },
        "headers": {
            "claims.yaml": HEADERS["claims.yaml"],
            CANDIDATES: HEADERS[CANDIDATES],
            CANDIDATE_ENTITIES: HEADERS[CANDIDATE_ENTITIES],
        },
        "addedCue": ADDED_CUE,
        "chosenSeenIn": CHOSEN_SEEN_IN,
    }


def _asset(name: str) -> str:
    return resources.files("kg.page").joinpath(name).read_text(encoding="utf-8")


def render_review(draft: Draft, *, served: bool = False) -> ReviewPage:
    """The review page of ``draft``: same draft, same bytes. ``served``: it saves by posting
    to its own origin, which its policy then allows."""
    from jinja2.utils import htmlsafe_json_dumps
    from markupsafe import Markup

    from kg.page.render import content_security_policy, escaping_template

    scripts = tuple(_asset(name) for name in ("document.js", *REVIEW_SCRIPTS))
    styles = (_asset("document.css"), _asset("review.css"))
    extra = ("connect-src 'self'",) if served else ()
    csp = content_security_policy(scripts, styles, extra)
    title = f"nnkg review: {draft.source['title'] or draft.source['id']}"
    html = escaping_template(_asset("review.html")).render(
        csp=csp,
        title=title.replace("\0", "\ufffd"),  # as HTML parsers read it; the page sets the exact one
        # in the draft's key order (tojson would sort it), which the page's files keep
        data=htmlsafe_json_dumps(_page_data(draft, served)),
        scripts=[Markup(script) for script in scripts],
        document_css=Markup(styles[0]),
        review_css=Markup(styles[1]),
    )
    # frame-ancestors works only as a header (a <meta> policy ignores it, with a warning)
    return ReviewPage(html, f"{csp}; frame-ancestors 'none'")


def write_review(folder: Path) -> Path:
    """Write the static review page of the draft in ``folder``; return its path."""
    from kg.base.files import write_atomic

    page = render_review(load_draft(folder))
    path = Path(folder) / REVIEW_FILE
    write_atomic(path, page.html.encode("utf-8"))
    return path
