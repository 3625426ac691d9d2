"use strict";
/* The filters: certainty, denial, contest, source, kind of entity. Hiding claims also hides
   the entities they leave with no visible edge (an entity with no edge at all stays, unless
   "contested only" is on), and the panel says how much is hidden. apply() also keeps the
   DataSets to the view's scope: in a focused view (page.js) they hold only its entities and
   the edges among them, so a 10,000-node graph starts as fast as a small one; the whole view
   adds the rest (item(kind, datum) makes what is added). */
NnkgPage.filters = function (D, { nodes, edges, contested, state, item, fit }) {
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
  const drawn = { nodes: new Map(), edges: new Map() }; // what each DataSet holds: id → hidden

  // What makes a DataSet hold exactly ``wanted`` (each hidden or not): only what changes, as
  // on a large graph an update of every node and edge takes seconds.
  function plan(held, kind, wanted, hidden) {
    const keep = new Set(wanted.map((d) => d.id));
    const gone = [...held.keys()].filter((id) => !keep.has(id));
    const added = [], changed = [];
    wanted.forEach((d) => {
      const now = hidden(d), was = held.get(d.id);
      if (was === undefined) added.push({ ...item(kind, d), hidden: now });
      else if (was !== now) changed.push({ id: d.id, hidden: now });
      held.set(d.id, now);
    });
    gone.forEach((id) => held.delete(id));
    return { gone, added, changed };
  }
  // Edges leave before their nodes and come in after them.
  function sync(nodePlan, edgePlan) {
    if (edgePlan.gone.length) edges.remove(edgePlan.gone);
    if (nodePlan.gone.length) nodes.remove(nodePlan.gone);
    [[nodes, nodePlan], [edges, edgePlan]].forEach(([set, { added, changed }]) => {
      if (added.length) set.add(added);
      if (changed.length) set.update(changed);
    });
  }

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
    const inScope = (id) => state.focus === null || state.focus.has(id);
    sync(plan(drawn.nodes, "node", D.nodes.filter((n) => inScope(n.id)), (n) => hide.get(n.id)),
      plan(drawn.edges, "edge", D.edges.filter((e) => inScope(e.from) && inScope(e.to)), (e) => !shownSet.has(e.id)));
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
  onlyContested.addEventListener("change", () => { if (onlyContested.checked && atContest.size) fit([...atContest]); });
  return { apply };
};
