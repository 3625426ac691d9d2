"""nnkg review static: the page written as one offline file, in real headless Chromium —
saving offers the files as downloads, the same bytes the server writes — hostile text
shown and never run, and the page's own machinery (its YAML writer, the document view's
offsets) against Python's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser import chromium
from hypothesis import given, settings
from hypothesis import strategies as st
from reviews import (
    HOSTILE,
    META,
    OYSTERS,
    SENTENCES,
    SYNTHESIS,
    add_claim,
    decide,
    make_draft,
    open_review,
    pick,
    read,
    select_words,
)

from kg.cli import cli
from kg.ingest.folder import NewSource, dump_items
from kg.ingest.model import ProposedEntity, Suggestion
from kg.ingest.review import load_draft
from kg.ingest.reviewsave import save_review


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def offered_files(visit, folder: Path, tmp_path: Path) -> dict[str, bytes]:
    """Save on the static page and download what it offers; check that the server side,
    saving the same review into a copy of ``folder``, writes the same bytes; write them into
    ``folder`` as the curator would."""
    page = visit.page
    page.click("#save")
    links = page.eval_on_selector_all("#downloads a", "els => els.map(a => a.download)")
    offered = {}
    for name in links:
        with page.expect_download() as info:
            page.click(f'#downloads a[download="{name}"]')
        offered[name] = Path(info.value.path()).read_bytes()
    review = page.evaluate("nnkgReview.review()")
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()
    twin = tmp_path / "twin" / "my-sources" / META.id
    shutil.copytree(folder, twin)
    save_review(twin, review)
    for name, data in offered.items():
        assert data == (twin / name).read_bytes(), name
        (folder / name).write_bytes(data)
    return offered


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
    offered = offered_files(visit, folder, tmp_path)
    assert list(offered) == ["entities.yaml", "claims.yaml", "candidate-entities.yaml",
                             "candidates.yaml"]  # fmt: skip
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


def test_a_claims_context_is_edited_checked_and_saved(browser, tmp_path, runner):
    folder = make_draft(tmp_path)
    assert runner.invoke(cli, ["review", str(folder)]).exit_code == 0
    visit = open_review(browser, (folder / "review.html").resolve().as_uri())
    page = visit.page
    pick(page, 5)  # "Zinc may support cognition."
    assert page.eval_on_selector_all("#exposure option", "os => os.map(o => o.value)") == [
        "", "deficiency-state", "diet", "fortified-food", "high-dose", "supplement"]  # fmt: skip
    page.fill("#certainty-note", "a hedge, and the source cites no study")
    page.dispatch_event("#certainty-note", "change")
    page.select_option("#population", "vegetarians")
    assert "mark the words of the quote that give the context" in page.inner_text("#problems")
    assert page.is_disabled("#accept")
    select_words(page, SENTENCES[4], "Zinc")
    page.click("#set-context")
    assert page.inner_text("#qualifier-text") == "Zinc"
    assert page.inner_text("#problems") == ""
    page.click("#accept")
    offered_files(visit, folder, tmp_path)
    [claim] = read(folder, "claims.yaml")
    assert {k: claim[k] for k in ("certainty_note", "population", "qualifier_text")} == {
        "certainty_note": "a hedge, and the source cites no study",
        "population": "vegetarians", "qualifier_text": "Zinc"}  # fmt: skip
    checked = runner.invoke(cli, ["validate", "--sources", str(folder.parent)])
    assert checked.exit_code == 0, checked.output


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
