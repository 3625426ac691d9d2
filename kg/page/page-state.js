"use strict";
/* Permalinks: the URL's hash carries what the reader sees (the selected entity or edge, the
   filters that differ from the defaults, and "whole" once a page that started focused shows
   the whole graph), so a copied link reopens the same view, and back and forward step
   through what was selected. The hash is read as URL parameters only: each value is looked
   up among the page's own ids and checkboxes, anything else is ignored, and a hash longer
   than MAX is ignored whole. Nothing in it is ever run or shown as HTML.
     #entity=IRI | #edge=e12   &hedged=0 &denied=0 &contested=1
     &hide-source=ID (repeated) &hide-kind=CLASS (repeated) &whole=1 */
NnkgPage.permalink = function (D, { network, state, filters, view }) {
  const { byId } = NnkgPage;
  const MAX = 4096;
  const entities = new Set(D.nodes.map((n) => n.id));
  const edgeIds = new Set(D.edges.map((e) => e.id));
  const boxes = { hedged: byId("show-hedged"), denied: byId("show-denied"), contested: byId("only-contested") };
  const defaults = { hedged: true, denied: true, contested: false };
  const group = (name) => [...document.querySelectorAll("#filters input[data-group]")].filter((i) => i.dataset.group === name);
  const groups = { "hide-source": "source", "hide-kind": "class" };
  let startedFocused = null; // known once the first view is drawn
  let applying = false;
  let last = null; // the hash this page last wrote or applied

  // The state as shown now, as a hash ("" when everything is as the page starts).
  function current() {
    const p = new URLSearchParams();
    const [node] = network.getSelectedNodes(), [edge] = network.getSelectedEdges();
    if (node !== undefined) p.set("entity", node); else if (edge !== undefined) p.set("edge", edge);
    Object.entries(boxes).forEach(([key, box]) => { if (box.checked !== defaults[key]) p.set(key, box.checked ? "1" : "0"); });
    Object.entries(groups).forEach(([key, name]) => group(name).filter((i) => !i.checked).forEach((i) => p.append(key, i.value)));
    if (startedFocused && state.focus === null) p.set("whole", "1");
    const text = p.toString();
    return text ? "#" + text : "";
  }
  const hash = () => (location.hash.length > 1 ? location.hash : "");

  // A new history entry when what is shown changed since the last one.
  function record() {
    if (applying || startedFocused === null) return;
    const next = current();
    if (next === hash()) return;
    last = next;
    const url = new URL(location.href);
    url.hash = next;
    history.pushState(null, "", next ? url.href : url.href.replace(/#$/, ""));
  }

  // Show what the hash says; a part that names nothing on this page is ignored.
  function apply() {
    if (startedFocused === null) startedFocused = state.focus !== null;
    const text = hash();
    if (text === last) return;
    last = text;
    const p = new URLSearchParams(text.length > MAX ? "" : text.slice(1));
    applying = true;
    try {
      Object.entries(boxes).forEach(([key, box]) => {
        const value = p.get(key);
        box.checked = value === "1" ? true : value === "0" ? false : defaults[key];
      });
      Object.entries(groups).forEach(([key, name]) => {
        const hidden = new Set(p.getAll(key));
        group(name).forEach((i) => { i.checked = !hidden.has(i.value); });
      });
      filters.apply();
      // the view the hash names, rebuilt: the whole graph, or the focused one it started with
      if (p.get("whole") === "1") view.showWhole();
      else if (startedFocused && state.focus === null) view.showFocus();
      const entity = p.get("entity"), edge = p.get("edge");
      if (entity !== null && entities.has(entity)) view.selectNode(entity);
      else if (edge !== null && edgeIds.has(edge)) view.selectEdge(edge);
      else view.clear();
    } finally {
      applying = false;
    }
  }

  network.on("click", record);
  byId("filters").addEventListener("change", record);
  window.addEventListener("popstate", apply);
  window.addEventListener("hashchange", apply);
  return { record, apply };
};
