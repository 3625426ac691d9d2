"use strict";
/* The filters: certainty, denial, contest, source, kind of entity. Hiding claims also hides
   the entities they leave with no visible edge (an entity with no edge at all stays, unless
   "contested only" is on), and the panel says how much is hidden. An entity outside the
   focused view (page.js) stays hidden whatever the filters say. */
NnkgPage.filters = function (D, { nodes, edges, network, contested, state }) {
  const { el, byId } = NnkgPage;
  const meta = D.meta;
  const onlyContested = byId("only-contested");
  onlyContested.parentNode.append(" (" + D.edges.filter(contested).length + ")");
  // with "contested only", an entity stays only if a contested edge touches it
  const atContest = new Set(D.edges.filter(contested).flatMap((e) => [e.from, e.to]));
  const linked = new Set(D.edges.flatMap((e) => [e.from, e.to]));
  const box = (group, value, text) => el("label", {}, el("input", { type: "checkbox", "data-group": group, value, checked: "" }), " " + text);
  byId("source-filters").append(el("div", { class: "filter-group" }, el("span", {}, "Sources"), ...meta.sources.map((s) => box("source", s.id, (s.title || s.id) + " (" + s.kind + ")"))));
  byId("class-filters").append(el("div", { class: "filter-group" }, el("span", {}, "Kinds of entity"), ...meta.classes.map((c) => box("class", c.name, c.label))));
  const checked = (group) => new Set([...document.querySelectorAll('input[data-group="' + group + '"]')].filter((i) => i.checked).map((i) => i.value));
  const status = byId("filter-status");
  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);
  const drawn = { nodes: new Map(), edges: new Map() }; // hidden or not, as last drawn

  function apply() {
    const hedged = byId("show-hedged").checked, denied = byId("show-denied").checked, only = onlyContested.checked;
    const sources = checked("source"), classes = checked("class");
    const kindShown = new Map(D.nodes.map((n) => [n.id, classes.has(n.cls)]));
    const claimShown = (e) => !((!hedged && e.certainty === "Hedged") || (!denied && e.negated) || (only && !contested(e)) || !e.claims.some((c) => sources.has(c.source)));
    const shownEdges = D.edges.filter((e) => claimShown(e) && kindShown.get(e.from) && kindShown.get(e.to));
    const shownSet = new Set(shownEdges.map((e) => e.id));
    const touched = new Set(shownEdges.flatMap((e) => [e.from, e.to]));
    let orphans = 0, ofKind = 0;
    const hide = new Map(D.nodes.map((n) => {
      if (!kindShown.get(n.id)) { ofKind++; return [n.id, true]; }
      const orphan = only ? !atContest.has(n.id) || !touched.has(n.id) : linked.has(n.id) && !touched.has(n.id);
      if (orphan) orphans++;
      return [n.id, orphan];
    }));
    // only what changes: on a large graph an update of every node and edge takes seconds
    const nodeChanges = D.nodes.map((n) => ({ id: n.id, hidden: hide.get(n.id) || (state.focus !== null && !state.focus.has(n.id)) }))
      .filter((n) => (drawn.nodes.get(n.id) || false) !== n.hidden);
    const edgeChanges = D.edges.map((e) => ({ id: e.id, hidden: !shownSet.has(e.id) })).filter((e) => (drawn.edges.get(e.id) || false) !== e.hidden);
    nodeChanges.forEach((n) => drawn.nodes.set(n.id, n.hidden));
    edgeChanges.forEach((e) => drawn.edges.set(e.id, e.hidden));
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    const claims = D.edges.reduce((n, e) => n + e.claims.length, 0);
    const shownClaims = shownEdges.reduce((n, e) => n + e.claims.length, 0);
    if (shownEdges.length === D.edges.length && !orphans && !ofKind) {
      status.textContent = "Nothing is hidden by the filters.";
    } else {
      status.textContent = "Hidden: " + plural(claims - shownClaims, "claim", "claims") + " (" + plural(D.edges.length - shownEdges.length, "arrow", "arrows") + "), "
        + plural(orphans, "entity", "entities") + " left with no visible claim" + (ofKind ? ", " + plural(ofKind, "entity", "entities") + " of the kinds unticked" : "") + ".";
    }
    status.dataset.orphans = String(orphans);
    return { orphans, ofKind, claims: claims - shownClaims, edges: D.edges.length - shownEdges.length };
  }
  document.querySelectorAll("#filters input[type=checkbox]").forEach((i) => i.addEventListener("change", apply));
  // contested edges may lie far apart: bring them all into view
  onlyContested.addEventListener("change", () => { if (onlyContested.checked && atContest.size) network.fit({ nodes: [...atContest], animation: false }); });
  return { apply };
};
