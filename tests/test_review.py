"""nnkg review: the page that turns a draft's candidates into curated claims, in real
headless Chromium — served (saving writes the files, checked first) and static (saving
offers them as downloads, the same bytes) — and its server's refusals over HTTP."""

from __future__ import annotations

import json
import shutil
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import yaml
from browser import chromium, open_url
from hypothesis import given, settings
from hypothesis import strategies as st
from servers import nnkg_process

from kg.base.model import Certainty
from kg.cli import cli
from kg.ingest.folder import NewSource, candidate_items, dump_items, entity_items, write_source
from kg.ingest.model import Candidate, Mention, ProposedEntity, Suggestion
from kg.ingest.review import ReviewError, load_draft
from kg.ingest.reviewsave import save_review
from kg.ingest.reviewserver import MAX_BODY_BYTES

# Characters outside the BMP before the quotes: one offset in the files, two in JavaScript.
DOCUMENT = (
    "Zinc and the nerves 🧠\n"
    "🙂 Zinc is required for neurotransmitter synthesis. Zinc deficiency may cause numbness. "
    "Eggs are a source of zinc. Zinc deficiency can lead to tingling. Zinc may support "
    "cognition. Oysters are a source of zinc.\n"
)
#: A claim the draft missed, about a food the graph does not have.
OYSTERS = "Oysters are a source of zinc."
SENTENCES = [
    "Zinc is required for neurotransmitter synthesis.",
    "Zinc deficiency may cause numbness.",
    "Eggs are a source of zinc.",
    "Zinc deficiency can lead to tingling.",
    "Zinc may support cognition.",
]
META = NewSource("zinc-and-nerves", "Zinc and the nerves", "PopularArticle", "drafted")
ZINC = ProposedEntity(
    "zinc", "zinc", ("Zn",), "Nutrient", (("CHEBI:27363", "exact", "test lexicon"),)
)
DEFICIENCY = ProposedEntity(
    "zinc-deficiency", "zinc deficiency", (), "DeficiencyState", (),
    (Suggestion("NOPE:0000001", "a disease alike in name", 0.5, "release A"),
     Suggestion("HP:0000001", "another", 1.0, "release B")),
)  # fmt: skip


def mention(document: str, text: str, entity: str, kind: str, known: bool, sentence: str):
    start = document.index(text, document.index(sentence))
    return Mention(start, start + len(text), text, entity, kind, known, "label")


def candidates(document: str, rows) -> list[dict]:
    """Candidate items from rows (sentence, subject, predicate, object, certainty)."""
    drafted = []
    for sentence, subject, predicate, obj, hedged in rows:
        start = document.index(sentence)
        drafted.append(Candidate(
            mention(document, *subject, sentence), predicate, mention(document, *obj, sentence),
            start, start + len(sentence), Certainty.HEDGED if hedged else Certainty.ASSERTED,
            False, f"{predicate}: test",
        ))  # fmt: skip
    return candidate_items(document, drafted)


SYNTHESIS = ("neurotransmitter synthesis", "neurotransmitter-synthesis", "BiologicalProcess", True)
ROWS = [
    (SENTENCES[0], ("Zinc", "zinc", "Nutrient", False), "requiredFor", SYNTHESIS, False),
    (SENTENCES[1], ("Zinc deficiency", "zinc-deficiency", "DeficiencyState", False), "causes",
     ("numbness", "numbness", "Phenotype", True), True),
    (SENTENCES[2], ("Eggs", "egg", "Food", True), "sourceOf", ("zinc", "zinc", "Nutrient", False),
     False),
    (SENTENCES[3], ("Zinc deficiency", "zinc-deficiency", "DeficiencyState", False), "causes",
     ("tingling", "tingling", "Phenotype", True), True),
    (SENTENCES[4], ("Zinc", "zinc", "Nutrient", False), "promotes",
     ("cognition", "cognition", "PhysiologicalFunction", True), True),
]  # fmt: skip


def make_draft(root: Path, document: str = DOCUMENT, rows=ROWS, entities=(ZINC, DEFICIENCY),
               meta: NewSource = META) -> Path:  # fmt: skip
    return write_source(root / "my-sources" / meta.id, document.encode(), meta,
                        candidates(document, rows), entity_items(entities))  # fmt: skip


def read(folder: Path, name: str):
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@contextmanager
def review_server(folder: Path):
    """``nnkg review FOLDER --serve --port 0`` as a subprocess; yields the page's address."""
    args = ["review", str(folder), "--serve", "--port", "0"]
    ready = r"open (http://127\.0\.0\.1:\d+/[\w-]+/) to review"
    with nnkg_process(args, ready, "nnkg review --serve") as found:
        yield found.group(1)


def open_review(browser, url: str, through=None, answer=None):
    visit = open_url(browser, url, through=through, answer=answer)
    visit.page.wait_for_function("() => window.nnkgReview && nnkgReview.ready")
    return visit


def pick(page, n) -> None:
    page.click(f'#claims li[data-n="{n}"]')


def decide(page, accept=(), reject=()) -> None:
    for n in accept:
        pick(page, n)
        page.click("#accept")
    for n in reject:
        pick(page, n)
        page.click("#reject")


def select_words(page, sentence: str, words: str | None = None) -> None:
    """Select ``words`` of ``sentence`` (all of it by default) in the page, as a curator would."""
    start = DOCUMENT.index(sentence) + (sentence.index(words) if words else 0)
    page.evaluate(f"nnkgReview.view.select({start}, {start + len(words or sentence)})")


def add_claim(page, sentence: str, predicate: str, subject: str, obj: str) -> None:
    """A claim made from a selection, its mentions marked (each picks an entity by name)."""
    select_words(page, sentence)
    page.click("#add")
    page.select_option("#predicate", predicate)
    for role, words in (("subject", subject), ("object", obj)):
        select_words(page, sentence, words)
        page.click(f"#set-{role}")


# --- served -----------------------------------------------------------------------------


def test_served_accept_three_reject_one_save_and_validate(browser, tmp_path, runner):
    folder = make_draft(tmp_path)
    with review_server(folder) as url:
        visit = open_review(browser, url, through={url, url + "save"})
        page = visit.page
        assert page.inner_text("#counter") == "5 of 5 left to review (0 accepted, 0 rejected)"
        # the emoji before the quotes: each highlighted quote is exactly its sentence
        quotes = page.eval_on_selector_all(
            "#document .nnkg-mark-quote", "els => els.map(e => e.textContent)"
        )
        assert "".join(quotes).startswith(SENTENCES[0])
        subjects = page.eval_on_selector_all(
            "#document .nnkg-mark-subject", "e => e.map(x => x.textContent)"
        )
        assert subjects[:2] == ["Zinc", "Zinc deficiency"]
        decide(page, accept=(1, 2, 3), reject=(4,))
        assert page.inner_text("#counter") == "1 of 5 left to review (3 accepted, 1 rejected)"
        page.click("#save")
        page.wait_for_function("() => document.getElementById('save-status').textContent"
                               ".startsWith('saved')")  # fmt: skip
        assert "3 accepted, 1 rejected, 1 left to review" in page.inner_text("#messages")
        assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
        visit.page.context.close()

    claims = read(folder, "claims.yaml")
    assert [(c["subject"], c["predicate"], c["object"]) for c in claims] == [
        ("zinc", "requiredFor", "neurotransmitter-synthesis"),
        ("zinc-deficiency", "causes", "numbness"),
        ("egg", "sourceOf", "zinc"),
    ]
    for claim in claims:
        assert DOCUMENT[claim["start"] : claim["end"]] == claim["quote"]
    assert [c["status"] for c in read(folder, "candidates.yaml")] == [
        "accepted", "accepted", "accepted", "rejected", "candidate"]  # fmt: skip
    assert [e["id"] for e in read(folder, "entities.yaml")] == ["zinc", "zinc-deficiency"]
    checked = runner.invoke(cli, ["validate", "--sources", str(folder.parent)])
    assert checked.exit_code == 0, checked.output
    assert "1 drafted claim(s) await review" in checked.stderr


def test_served_edits_a_claim_adds_one_and_refuses_a_bad_xref(browser, tmp_path, runner):
    folder = make_draft(tmp_path)
    document = DOCUMENT
    with review_server(folder) as url:
        visit = open_review(browser, url, through={url, url + "save"})
        page = visit.page
        # claim 5 is hedged: say it is asserted, and mark "Zinc" again by selecting it
        pick(page, 5)
        page.select_option("#certainty", "asserted")
        start = document.index(SENTENCES[4])
        page.evaluate(f"nnkgReview.view.select({start}, {start + 4})")
        page.click("#set-subject")
        page.click("#accept")
        # a claim made from a selection: the draft's rejected 4 again, as a new one
        sentence = document.index(SENTENCES[3])
        page.evaluate(f"nnkgReview.view.select({sentence}, {sentence + len(SENTENCES[3])})")
        page.click("#add")
        assert page.inner_text("#editor h2") == "New claim"
        page.select_option("#predicate", "causes")
        page.evaluate(f"nnkgReview.view.select({sentence}, {sentence + len('Zinc deficiency')})")
        page.click("#set-subject")  # picks the entity by its name
        assert page.eval_on_selector("#subject-entity", "s => s.value") == "zinc-deficiency"
        at = sentence + SENTENCES[3].index("tingling")
        page.evaluate(f"nnkgReview.view.select({at}, {at + len('tingling')})")
        page.click("#set-object")
        page.click("#accept")
        # choosing a suggestion whose prefix the catalogue does not allow: refused, shown
        pick(page, 2)
        page.click(".suggestions li:first-child button:first-child")
        page.click("#save")
        page.wait_for_function("() => document.getElementById('save-status').textContent"
                               " === 'not saved'")  # fmt: skip
        assert "NOPE:0000001" in page.inner_text("#messages")
        assert read(folder, "claims.yaml") == []  # nothing written
        page.click(".unchoose")
        page.click("#save")
        page.wait_for_function("() => document.getElementById('save-status').textContent"
                               ".startsWith('saved')")  # fmt: skip
        assert page.inner_text('#claims li[data-n="6"]').startswith("#6 accepted")
        refused = "the server responded with a status of 422 (Unprocessable Entity)"
        assert visit.errors == [f"Failed to load resource: {refused}"]  # the browser's note
        assert visit.violations() == []
        visit.page.context.close()

    claims = read(folder, "claims.yaml")
    assert [c["object"] for c in claims] == ["cognition", "tingling"]
    assert claims[0]["certainty"] == "asserted" and claims[0]["subject_text"] == "Zinc"
    assert claims[1]["quote"] == SENTENCES[3] and claims[1]["object_text"] == "tingling"
    added = read(folder, "candidates.yaml")[-1]
    assert (added["n"], added["status"], added["cue"]) == (6, "accepted", "added in nnkg review")
    checked = runner.invoke(cli, ["validate", "--sources", str(folder.parent)])
    assert checked.exit_code == 0, checked.output


def lookups(url: str):
    """Let the page's lexicon lookups (``suggest?name=``) through to its server."""

    def answer(route) -> bool:
        if not route.request.url.startswith(url + "suggest?"):
            return False
        route.continue_()
        return True

    return answer


def test_served_creates_an_entity_with_a_lexicon_id_for_a_missed_claim(browser, tmp_path, runner):
    from kg.ingest.lexicon import Lexicon

    folder = make_draft(tmp_path)
    label = f"oysters {HOSTILE}"
    with review_server(folder) as url:
        visit = open_review(browser, url, through={url, url + "save"}, answer=lookups(url))
        page = visit.page
        add_claim(page, OYSTERS, "sourceOf", "Oysters", "zinc")
        assert page.eval_on_selector("#subject-entity", "s => s.value") == ""  # none has it
        page.click("#new-subject")
        # the lexicon's suggestions for the mention, from the server: oyster, a FoodOn food
        page.click('#new-suggestions li:has-text("FOODON:03411224") button:has-text("exact")')
        page.fill("#new-label", label)  # hostile: shown as text, never run
        assert page.input_value("#new-id").startswith("oysters-script-script-window-pwned")
        page.fill("#new-id", "zinc")
        assert "is an entity's already" in page.inner_text("#new-problems")
        assert page.is_disabled("#create-entity")
        page.fill("#new-id", "oysters")
        page.click("#create-entity")
        assert page.eval_on_selector("#subject-entity", "s => s.value") == "oysters"
        assert "FOODON:03411224 (exact)" in page.inner_text("#editor")
        page.click("#accept")
        page.click("#save")
        page.wait_for_function("() => document.getElementById('save-status').textContent"
                               ".startsWith('saved')")  # fmt: skip
        page.reload()  # the new entity is one of the draft's proposals now
        page.wait_for_function("() => window.nnkgReview && nnkgReview.ready")
        options = page.eval_on_selector_all("#subject-entity option", "o => o.map(x => x.text)")
        assert f"{label} · Food · oysters" in options
        assert page.evaluate("window.pwned") is None and page.locator("img").count() == 0
        assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
        visit.page.context.close()

    oysters = read(folder, "entities.yaml")[0]
    seen_in = Lexicon.load().term("FOODON:03411224").seen_in
    assert oysters == {"id": "oysters", "label": label, "type": "Food", "xrefs": [
        {"curie": "FOODON:03411224", "match": "exact", "seen_in": seen_in}]}  # fmt: skip
    assert [e["id"] for e in read(folder, "entities.yaml")] == ["oysters", "zinc"]
    assert read(folder, "candidate-entities.yaml")[-1] == {**oysters, "status": "candidate"}
    checked = runner.invoke(cli, ["validate", "--sources", str(folder.parent)])
    assert checked.exit_code == 0, checked.output


# --- static -----------------------------------------------------------------------------


def test_static_page_offers_the_files_the_server_writes(browser, tmp_path, runner):
    folder = make_draft(tmp_path)
    result = runner.invoke(cli, ["review", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{folder / 'review.html'}\n"
    html = folder / "review.html"
    visit = open_review(browser, html.resolve().as_uri())
    page = visit.page
    decide(page, accept=(1, 2, 3), reject=(4,))
    pick(page, 2)
    page.click(".suggestions li:nth-child(2) button:last-child")  # HP:0000001 as a close match
    # a missed claim whose food the graph lacks: a new entity, without the lexicon here
    add_claim(page, OYSTERS, "sourceOf", "Oysters", "zinc")
    page.click("#new-subject")
    assert "need the served page" in page.inner_text("#new-suggestions")
    assert page.input_value("#new-id") == "oysters"  # from the mention, as a slug
    assert page.input_value("#new-type") == "Food"  # the domain of sourceOf
    page.fill("#new-synonyms", "oyster meat; ")
    page.click("#create-entity")
    page.click("#accept")
    page.click("#save")
    links = page.eval_on_selector_all("#downloads a", "els => els.map(a => a.download)")
    assert links == ["entities.yaml", "claims.yaml", "candidate-entities.yaml", "candidates.yaml"]
    offered = {}
    for name in links:
        with page.expect_download() as info:
            page.click(f'#downloads a[download="{name}"]')
        offered[name] = Path(info.value.path()).read_bytes()
    review = page.evaluate("nnkgReview.review()")
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()

    # the same review, saved by the server side into a copy: the same bytes
    twin = tmp_path / "twin" / "my-sources" / META.id
    shutil.copytree(folder, twin)
    save_review(twin, review)
    for name, data in offered.items():
        assert data == (twin / name).read_bytes(), name
    for name, data in offered.items():
        (folder / name).write_bytes(data)
    objects = [c["object"] for c in read(folder, "claims.yaml")]
    assert objects == ["neurotransmitter-synthesis", "numbness", "zinc", "zinc"]
    entities = {e["id"]: e for e in read(folder, "entities.yaml")}
    assert entities["zinc-deficiency"]["xrefs"] == [  # the suggestion's own release file
        {"curie": "HP:0000001", "match": "close", "seen_in": "release B"}]  # fmt: skip
    assert entities["oysters"] == {"id": "oysters", "label": "Oysters",
                                   "synonyms": ["oyster meat"], "type": "Food"}  # fmt: skip
    assert read(folder, "candidate-entities.yaml")[-1]["id"] == "oysters"
    checked = runner.invoke(cli, ["validate", "--sources", str(folder.parent)])
    assert checked.exit_code == 0, checked.output


HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def test_hostile_text_is_shown_verbatim_and_never_run(browser, tmp_path, runner):
    sentence = f"Zinc is required for neurotransmitter synthesis {HOSTILE}."
    document = f"</title><script>window.pwned=3</script> 🧠\n{sentence}\n"
    rows = [(sentence, ("Zinc", "zinc", "Nutrient", False), "requiredFor", SYNTHESIS, False)]
    evil = ProposedEntity("zinc", f"zinc {HOSTILE}", (HOSTILE,), "Nutrient", (),
                          (Suggestion("CHEBI:1", f"<b>{HOSTILE}</b>", 0.9),))  # fmt: skip
    meta = NewSource("hostile", f"</title>{HOSTILE}", "PopularArticle", "drafted")
    folder = make_draft(tmp_path, document, rows, (evil,), meta)
    assert runner.invoke(cli, ["review", str(folder)]).exit_code == 0
    text = (folder / "review.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in text and "<img src=x" not in text
    visit = open_review(browser, (folder / "review.html").resolve().as_uri())
    page = visit.page
    assert page.eval_on_selector("#document", "d => d.textContent") == document
    assert page.inner_text("#title") == f"nnkg review: </title>{HOSTILE}"
    assert page.evaluate("document.title") == f"nnkg review: </title>{HOSTILE}"
    assert HOSTILE in page.inner_text("#editor")  # the label, the suggestion, the quote
    options = page.eval_on_selector_all("#subject-entity option", "o => o.map(x => x.text)")
    assert f"zinc {HOSTILE} · Nutrient · zinc" in options
    assert page.evaluate("window.pwned") is None
    assert page.locator("img, b, #document script").count() == 0
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()


# --- the server's refusals --------------------------------------------------------------


def test_the_server_wants_the_token_the_origin_and_a_bounded_json_body(tmp_path):
    folder = make_draft(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with review_server(folder) as url:
        base = url.rsplit("/", 2)[0]
        origin = {"Origin": base, "Content-Type": "application/json"}
        assert httpx.get(url).status_code == 200
        assert httpx.get(url[:-1]).headers["location"] == url[len(base) :]  # to the page's folder
        assert httpx.get(url).headers["content-security-policy"].endswith("frame-ancestors 'none'")
        for wrong in (base + "/", base + "/nope/", base + "/" + url.split("/")[-2][:-1] + "/"):
            answer = httpx.get(wrong)
            assert answer.status_code == 403 and "token" in answer.text
        assert httpx.post(base + "/save", json={}, headers=origin).status_code == 403
        body = json.dumps({"candidates": [], "xrefs": {}})
        assert httpx.post(url + "save", content=body).status_code == 403  # no Origin
        elsewhere = {**origin, "Origin": "http://evil.example"}
        assert httpx.post(url + "save", content=body, headers=elsewhere).status_code == 403
        other_port = {**origin, "Origin": base[:-1] + ("1" if base[-1] != "1" else "2")}
        assert httpx.post(url + "save", content=body, headers=other_port).status_code == 403
        rebound = {**origin, "Host": "attacker.example"}
        assert httpx.post(url + "save", content=body, headers=rebound).status_code == 403
        as_text = {**origin, "Content-Type": "text/plain"}
        assert httpx.post(url + "save", content=body, headers=as_text).status_code == 415
        big = b"[" + b" " * MAX_BODY_BYTES + b"]"
        assert httpx.post(url + "save", content=big, headers=origin).status_code == 413
        assert httpx.post(url + "save", content=b"{", headers=origin).status_code == 400
        # the lexicon's suggestions for a new entity's name, with their release files
        found = httpx.get(url + "suggest", params={"name": "oysters"}).json()["suggestions"]
        assert found[0]["curie"] == "FOODON:03411224" and found[0]["type"] == "Food"
        assert found[0]["seen_in"].startswith("FoodOntology/foodon@")
        assert httpx.get(url + "suggest", params={"name": "x" * 201}).status_code == 413
        assert httpx.get(base + "/suggest", params={"name": "oysters"}).status_code == 403
        # a review the checks refuse: 422 with the problems, nothing written
        bad = {"candidates": [{**read(folder, "candidates.yaml")[0], "quote": "Zinc"}],
               "xrefs": {}}  # fmt: skip
        del bad["candidates"][0]["cue"]
        bad["candidates"][0]["status"] = "accepted"
        answer = httpx.post(url + "save", json=bad, headers=origin)
        assert answer.status_code == 422
        assert answer.json()["problems"] == [
            "candidate 1: the quote is not document.txt[24:72] (the page's offsets are off)"
        ]
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "review.html"}
    assert after == before


# --- saving, through the library --------------------------------------------------------


def posted(folder: Path, **statuses) -> dict:
    items = read(folder, "candidates.yaml")
    for item in items:
        del item["cue"]
        item["status"] = statuses.get(f"n{item['n']}", item["status"])
    return {"candidates": items, "xrefs": {}}


def test_saving_keeps_curated_claims_and_a_rejection_undoes_an_accept(tmp_path, runner):
    folder = make_draft(tmp_path)
    assert runner.invoke(cli, ["accept", str(folder), "--claim", "2"]).exit_code == 0
    curated = {"subject": "zinc", "predicate": "promotes", "object": "cognition",
               "quote": SENTENCES[4], "start": DOCUMENT.index(SENTENCES[4]),
               "end": DOCUMENT.index(SENTENCES[4]) + len(SENTENCES[4]), "subject_text": "Zinc",
               "object_text": "cognition", "certainty": "hedged", "negated": False}  # fmt: skip
    claims = [*read(folder, "claims.yaml"), curated]
    (folder / "claims.yaml").write_bytes(dump_items(claims))
    result = save_review(folder, posted(folder, n1="accepted", n2="rejected"))
    assert (result.accepted, result.rejected, result.left) == (1, 1, 3)
    saved = read(folder, "claims.yaml")
    assert [c["predicate"] for c in saved] == ["promotes", "requiredFor"]  # curated one kept
    assert runner.invoke(cli, ["validate", "--sources", str(folder.parent)]).exit_code == 0


def test_saving_refuses_what_validate_would(tmp_path):
    folder = make_draft(tmp_path)
    review = posted(folder, n1="accepted")
    review["candidates"][0]["predicate"] = "sourceOf"  # zinc is no Food
    review["candidates"][0]["object_text"] = "nowhere"
    with pytest.raises(ReviewError) as caught:
        save_review(folder, review)
    text = "\n".join(caught.value.problems)
    assert "object_text: 'nowhere' does not occur in the quote (candidate 1)" in text
    assert "the domain of sourceOf is Food (candidate 1)" in text
    assert read(folder, "claims.yaml") == []
    bad_xref = {"zinc": [{"curie": 1, "match": "exact"}]}
    for broken in ({"candidates": "x", "xrefs": {}}, {"candidates": [{"n": 1}], "xrefs": {}},
                   {"candidates": [], "xrefs": bad_xref}):  # fmt: skip
        with pytest.raises(ReviewError):
            save_review(folder, broken)


def new_entity(**fields) -> dict:
    return {"id": "oysters", "label": "oysters", "type": "Food", "synonyms": [], "xrefs": [],
            **fields}  # fmt: skip


@pytest.mark.parametrize(
    ("entity", "problem"),
    [
        (new_entity(type="Meal"), "unknown class 'Meal'"),
        (new_entity(type="Entity"), "is too general for an entity"),
        (new_entity(id="Oysters!"), "is not a lower-case slug"),
        (new_entity(label="numbness"), "'numbness' already names entity 'numbness'"),
        (new_entity(xrefs=[{"curie": "FOODON:99999999", "match": "exact"}]),
         "is no term of the lexicon"),
        (new_entity(id="zinc"), "has the id of an entity there is already"),
        (new_entity(id="numbness"), "has the id of an entity there is already"),
        (new_entity(synonyms="oyster"), "synonyms must be a list of names"),
    ],
)  # fmt: skip
def test_a_new_entity_passes_the_curation_checks_even_unused(tmp_path, entity, problem):
    folder = make_draft(tmp_path)
    before = (folder / "candidate-entities.yaml").read_bytes()
    with pytest.raises(ReviewError) as caught:
        save_review(folder, {**posted(folder), "entities": [entity]})
    assert problem in "\n".join(caught.value.problems)
    assert (folder / "candidate-entities.yaml").read_bytes() == before


def test_a_new_entity_joins_the_proposals_and_a_chosen_id_records_its_release(tmp_path, runner):
    folder = make_draft(tmp_path)
    chosen = {"zinc-deficiency": [{"curie": "HP:0000001", "match": "exact"}]}
    review = {**posted(folder, n2="accepted"), "entities": [new_entity(synonyms=["oyster"])],
              "xrefs": chosen}  # fmt: skip
    save_review(folder, review)
    proposals = read(folder, "candidate-entities.yaml")
    assert proposals[-1] == {"id": "oysters", "label": "oysters", "synonyms": ["oyster"],
                             "type": "Food", "status": "candidate"}  # fmt: skip
    assert [e["id"] for e in read(folder, "entities.yaml")] == ["zinc-deficiency"]  # unused
    assert read(folder, "entities.yaml")[0]["xrefs"] == [
        {"curie": "HP:0000001", "match": "exact", "seen_in": "release B"}]  # fmt: skip
    again = read(folder, "candidate-entities.yaml")
    save_review(folder, {**review, "candidates": posted(folder)["candidates"]})  # the same again
    assert read(folder, "candidate-entities.yaml") == again
    wrong = {"zinc-deficiency": [{"curie": "HP:0000002", "match": "exact"}]}
    with pytest.raises(ReviewError, match="'HP:0000002' is not one of its suggestions"):
        save_review(folder, {**review, "xrefs": wrong})
    assert runner.invoke(cli, ["validate", "--sources", str(folder.parent)]).exit_code == 0


def test_a_folder_that_is_no_draft_is_refused(tmp_path, runner):
    result = runner.invoke(cli, ["review", str(tmp_path)])
    assert result.exit_code == 1
    assert "candidates.yaml: no such file" in result.stderr
    assert runner.invoke(cli, ["review", str(tmp_path), "--port", "9"]).exit_code == 2


# --- the page's own machinery against Python's ------------------------------------------


@pytest.fixture(scope="module")
def machinery(browser, tmp_path_factory):
    folder = make_draft(tmp_path_factory.mktemp("machinery"))
    load_draft(folder)
    from kg.ingest.review import write_review

    visit = open_review(browser, write_review(folder).resolve().as_uri())
    yield visit.page
    visit.page.context.close()


TRICKY = ["", "true", "No", "1", "-1", "1.5", ".inf", "0x1F", "1:20", "2020-01-01", "~", "null",
          "<<", "=", "!", "- x", "-x", "a: b", "a:b", "#x", "a #b", "a#b", "? x", ":x", " lead",
          "trail ", "a\nb", "a \nb", "a\n b", "a\n\nb", "a\n", "\nb", "\u2028x", "x\x85y",
          "\ufeff", "é", "🙂 x", "it's", '"q"', "---x", "...", "\t", "a\tb", "\x00", "\x7f",
          "\x9f", "\xa0x", "a  b", "@x", "%x", "`x", "|", ">", "[x]", "{x}", "x, y", "\ud7ff",
          "\ue000", "\ufffd", "\U0010fffd", "\r\n"]  # fmt: skip


def page_dump(page, items, header=None) -> bytes:
    script = "([items, header]) => nnkgReview.dumpItems(items, header)"
    return page.evaluate(script, [items, header]).encode("utf-8")


def test_the_page_writes_yaml_as_dump_items_does(machinery):
    items = [{"text": s, "list": [s, "x"], "xrefs": [{"curie": s, "n": 3, "ok": True}]}
             for s in TRICKY]  # fmt: skip
    items.append({"score": 1.0, "other": 0.25, "empty": [], "none": None})
    assert page_dump(machinery, items, "h") == dump_items(items, "h")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(st.characters(exclude_categories=["Cs"]), max_size=12), min_size=1,
                max_size=40))  # fmt: skip
def test_the_page_writes_any_text_as_dump_items_does(machinery, texts):
    items = [{"text": t, "xrefs": [{"seen_in": t}]} for t in texts]
    assert page_dump(machinery, items) == dump_items(items)


@settings(max_examples=25, deadline=None)
@given(st.text(st.sampled_from("ab 🙂\r\n🧠é\U0001f600"), min_size=1, max_size=30), st.data())
def test_the_document_view_counts_offsets_as_python_does(machinery, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = machinery.evaluate(
        """([text, start, end]) => {
            const view = new NnkgDocument(document.createElement("div"), text);
            return [view.length, view.slice(start, end),
                    view.find(text.slice(view.unit(start), view.unit(end)), start)];
        }""",
        [text, start, end],
    )
    assert got == [len(text), text[start:end], text.find(text[start:end], start)]
