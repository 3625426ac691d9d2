"use strict";
/* The source text view: for a claim, its source's whole text (the build's nnkg:text) drawn
   by the review page's document view (document.js, NnkgDocument), the quote highlighted in
   its paragraph, the subject's and the object's words marked, and every other claim of the
   document one click away (its quote in the text, or its line in the list below). Moving to
   a claim lights up its edge in the graph. A button "source text" on any claim (cards,
   claims table) opens it. All of it text: NnkgDocument sets only text nodes. */
NnkgPage.source = function (D, { lightEdge }) {
  const { el, byId } = NnkgPage;
  const meta = D.meta;
  const sources = new Map(meta.sources.map((s) => [s.id, s]));
  const labels = new Map(D.nodes.map((n) => [n.id, n.label]));
  const labelOf = (id) => labels.get(id) ?? id;
  // every claim by IRI with its edge, and each source's claims in the order of the text
  const claims = new Map(), bySource = new Map();
  D.edges.forEach((edge) => edge.claims.forEach((claim) => {
    claims.set(claim.iri, { claim, edge });
    if (!bySource.has(claim.source)) bySource.set(claim.source, []);
    bySource.get(claim.source).push(claim);
  }));
  bySource.forEach((list) => list.sort((a, b) => a.start - b.start || a.end - b.end || (a.iri < b.iri ? -1 : 1)));
  const says = (claim) => {
    const { edge } = claims.get(claim.iri);
    return labelOf(edge.from) + " → " + (edge.negated ? "NOT " : "") + edge.relation + " → " + labelOf(edge.to);
  };

  const close = el("button", { type: "button", id: "source-close" }, "Close");
  const title = el("p", { id: "source-title", class: "source-title" });
  const about = el("div", { id: "source-claim", class: "source-claim" });
  const note = el("p", { id: "source-note", class: "status" });
  let box = el("div", { id: "source-text", class: "nnkg-document" });
  const list = el("ol", { id: "source-claims", class: "source-claims" });
  const others = el("h3", { id: "source-others" });
  const view = el("section", { id: "source-view", "aria-label": "Source text" },
    el("div", { class: "source-head" }, el("h2", {}, "Source text"), close), title, about, note, box, others, list);
  view.hidden = true;
  byId("graph").after(view);
  close.addEventListener("click", () => { view.hidden = true; state.current = null; });

  const state = { current: null, source: null, doc: null };
  const length = (text) => [...text].length; // code points, as the offsets count

  // The paragraph (between blank lines) that holds code points start–end.
  function paragraph(doc, start, end) {
    const text = doc.text;
    const before = text.lastIndexOf("\n\n", doc.unit(start));
    const after = text.indexOf("\n\n", doc.unit(end));
    return { start: before < 0 ? 0 : doc.point(before + 2), end: after < 0 ? doc.length : doc.point(after) };
  }
  // Where a mention lies inside the quote, as the review page finds it: its first occurrence.
  function mention(doc, words, claim) {
    if (!words) return null;
    const at = doc.find(words, claim.start);
    return at >= 0 && at + length(words) <= claim.end ? { start: at, end: at + length(words) } : null;
  }

  function draw(claim) {
    const doc = state.doc;
    const marks = [];
    const where = paragraph(doc, claim.start, claim.end);
    if (where.start < where.end) marks.push({ ...where, classes: ["nnkg-mark-paragraph"], key: null });
    (bySource.get(claim.source) || []).forEach((c) => {
      const here = c.iri === claim.iri ? ["nnkg-mark-active"] : [];
      marks.push({ start: c.start, end: c.end, classes: ["nnkg-mark-quote", ...here], key: c.iri });
    });
    for (const role of ["subject", "object"]) {
      const span = mention(doc, claim[role + "_text"], claim);
      if (span) marks.push({ ...span, classes: ["nnkg-mark-" + role, "nnkg-mark-active"], key: claim.iri });
    }
    doc.render(marks);
    doc.reveal(claim.start);
  }

  function drawList(claim) {
    const mine = bySource.get(claim.source) || [];
    others.textContent = "Every claim of this document (" + mine.length + ")";
    list.replaceChildren(...mine.map((c) => {
      const pick = el("button", { type: "button", class: "source-claim-link", "data-claim": c.iri },
        says(c), el("span", { class: "cite" }, " — “" + c.quote + "” (" + c.start + "–" + c.end + ")"));
      pick.addEventListener("click", () => show(c.iri));
      const item = el("li", c.iri === claim.iri ? { class: "current", "aria-current": "true" } : {}, pick);
      return item;
    }));
  }

  /** Open the view on the claim ``iri`` (and light its edge up); false if no claim has it. */
  function show(iri, { light = true } = {}) {
    const found = claims.get(iri);
    if (!found) return false;
    const { claim, edge } = found;
    const source = sources.get(claim.source) || { id: claim.source, title: claim.source, kind: "", text: "" };
    if (state.source !== source.id) {
      // a fresh container per document: NnkgDocument listens to the one it is given
      const fresh = el("div", { id: "source-text", class: "nnkg-document" });
      box.replaceWith(fresh);
      box = fresh;
      state.doc = new NnkgDocument(box, source.text || "");
      state.doc.onPick = (keys) => {
        const picked = keys.filter((k) => claims.has(k));
        const next = picked.find((k) => k !== state.current) || picked[0];
        if (next) show(next);
      };
      state.source = source.id;
    }
    state.current = iri;
    title.textContent = (source.title || source.id) + (source.kind ? " (" + source.kind + ")" : "");
    about.replaceChildren(el("b", {}, says(claim)), " — " + claim.certainty.toLowerCase()
      + (edge.negated ? ", denied by the source" : "") + ", characters " + claim.start + "–" + claim.end);
    view.hidden = false;
    if (!source.text) {
      note.textContent = "This build carries no text of this source (it was built before nnkg:text): only the quote.";
      box.replaceChildren(document.createTextNode(claim.quote));
    } else {
      const drift = state.doc.slice(claim.start, claim.end) !== claim.quote;
      note.textContent = drift ? "The text at characters " + claim.start + "–" + claim.end + " is not this claim's quote: the build is inconsistent." : "";
      draw(claim);
    }
    drawList(claim);
    if (light) lightEdge(edge.id);
    return true;
  }

  // "source text" on any claim, wherever it is drawn (cards, the claims table)
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("button.show-source");
    if (button) show(button.dataset.claim);
  });

  return { show, view, state };
};
