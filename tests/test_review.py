"""nnkg review served: the page in real headless Chromium saving through its server (which
writes the files, checked first), and the server's refusals over HTTP. The static page is
tests/test_review_static.py, the saving rules tests/test_review_save.py."""

from __future__ import annotations

import json

import httpx
import pytest
from browser import chromium
from reviews import (
    DOCUMENT,
    HOSTILE,
    OYSTERS,
    SENTENCES,
    add_claim,
    decide,
    lookups,
    make_draft,
    open_review,
    pick,
    read,
    review_server,
)

from kg.cli import cli
from kg.ingest.reviewserver import MAX_BODY_BYTES


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


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
