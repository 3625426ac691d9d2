"use strict";
/* The review page of nnkg review: the draft's candidates over the document (document.js),
   an editor for the one picked, accept / reject, claims added from a selection, entities
   created for a mention the draft got wrong or missed, and saving: posted to the local
   server when served, else built here as the files themselves.
   Every string of the draft is shown with textContent or as an option's text, never as
   HTML.
   This part boots the page, last of the parts of NnkgReview (review-base.js): it reads the
   draft, builds the page's state and adds to it each part's functions. */
(() => {
  const {$} = NnkgReview;
  const data = JSON.parse($("nnkg-review").textContent);
  const view = new NnkgDocument($("document"), data.document);
  const predicates = new Map(data.predicates.map((p) => [p.name, p]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const byName = new Map(); // lower-cased label or synonym -> entity id (the first)
  for (const e of data.entities) {
    for (const name of [e.label, ...e.synonyms]) {
      if (typeof name === "string" && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), e.id);
    }
  }
  const page = {
    data, view, predicates, entities, byName,
    chosen: new Map(), // entity id -> [{curie, match}] the curator added
    created: [], // entities the curator created: {id, label, type, synonyms, xrefs}
    creating: null, // the new-entity form being filled in, for one role of the claim
  };
  // in this order: a part may take from the page what the parts before it put there (the
  // claims' items, the picked one's index as page.active); it calls the others' functions
  // through the page, once they are all there
  for (const part of [NnkgReview.context, NnkgReview.claims, NnkgReview.newEntity, NnkgReview.compose, NnkgReview.editor, NnkgReview.saving]) {
    Object.assign(page, part(page));
  }

  view.onPick = (keys) => {
    const at = keys.indexOf(page.active);
    page.choose(at >= 0 ? keys[(at + 1) % keys.length] : keys[0]);
  };
  $("add").addEventListener("click", page.addClaim);
  $("save").addEventListener("click", page.save);
  const title = `nnkg review: ${data.source.title || data.source.id}`;
  $("title").textContent = title;
  document.title = title;
  page.draw();
  const {items, review, compose, slug} = page;
  window.nnkgReview = {view, items, review, compose, dumpItems: NnkgReview.yaml.dumpItems, slug, ready: true};
})();
