/* nnkg page: builds the vis-network from the JSON data block (#nnkg-data, never run as
   script) and every piece of text with textContent, so nothing from a source is ever parsed
   as HTML; only http(s) IRIs become links. The parts (page-*.js) are in NnkgPage; this boots
   them. The DataSets hold what the view shows: the whole graph, or only a focused view's
   entities and their edges (page-filters.js keeps them so). window.nnkg exposes the DataSets
   and the claims table. performance marks (nnkg:first-draw, nnkg:first-view) time the first
   view for bench/page.py. */
(function () {
  "use strict";
  const { el, byId } = NnkgPage;
  const D = JSON.parse(byId("nnkg-data").textContent);
  const meta = D.meta;

  byId("title").textContent = meta.title;
  document.title = meta.title;
  byId("summary").textContent = meta.summary;
  const cards = NnkgPage.cards(D);
  const { contested } = cards;

  // ---- the network: a node or edge goes into the DataSets with its tooltip, drawn in full
  const nodeById = new Map(D.nodes.map((n) => [n.id, n])), edgeById = new Map(D.edges.map((e) => [e.id, e]));
  const home = new Map(); // where each node sits in the whole view, once known
  const item = (kind, d) => (kind === "node"
    ? { ...d, ...home.get(d.id), opacity: 1, title: cards.nodeCard(d, false) }
    : { ...d, ...look(d, true), title: cards.edgeCard(d) });
  const nodes = new vis.DataSet(), edges = new vis.DataSet();
  // focus: the entities the view is limited to when the whole graph cannot be read
  const state = { stable: false, focus: null, layout: null };
  const filters = NnkgPage.filters(D, { nodes, edges, contested, state, item,
    fit: (ids) => network.fit({ nodes: ids.filter((id) => nodes.get(id)), animation: false }) });
  const views = NnkgPage.focus(D, { cards, state, filters, nodes, home });
  views.scope(); // a graph too large to read whole starts focused: only that view goes in
  filters.apply();
  const network = new vis.Network(byId("graph"), { nodes, edges }, D.options);
  network.once("afterDrawing", () => performance.mark("nnkg:first-draw"));
  const { showWhole } = views;

  // ---- details: at the top of the panel, in view, whenever something is selected
  const panel = byId("panel"), details = byId("details");
  let pathView = null, link = null; // the --path hop list and the permalink, set up below
  function showDetails(card, selected) {
    details.replaceChildren(el("h2", {}, "Details"), card);
    if (selected) { panel.scrollTop = 0; pathView?.follow(); link?.record(); }
  }
  const selected = () => network.getSelectedNodes().length + network.getSelectedEdges().length > 0;
  function selectEdge(id) {
    const e = edgeById.get(id);
    if (!edges.get(id)) showWhole(); // an edge out of the focused view
    network.selectEdges([id]);
    showDetails(cards.edgeCard(e), true);
  }
  network.on("hoverEdge", (p) => { if (!selected()) showDetails(cards.edgeCard(edgeById.get(p.edge))); });
  network.on("hoverNode", (p) => { if (!selected()) showDetails(cards.nodeCard(nodeById.get(p.node), true)); });
  network.on("selectEdge", (p) => { if (!p.nodes.length) showDetails(cards.edgeCard(edgeById.get(p.edges[0])), true); });

  // ---- neighbourhood highlight (click) and path highlight (--path)
  // An edge drawn in full or faded; a faded contested edge loses its band too.
  function look(e, lit) {
    const drawn = { id: e.id, color: { ...e.color, opacity: lit ? 1 : 0.08 }, font: { color: lit ? "#343434" : "rgba(0,0,0,0.1)" } };
    if (e.background) drawn.background = { ...e.background, enabled: lit };
    return drawn;
  }
  let dimmed = false; // nodes and edges come in drawn in full
  function dim(keepNodes, keepEdges) {
    nodes.update(nodes.getIds().map((id) => ({ id, opacity: keepNodes.has(id) ? 1 : 0.15 })));
    edges.update(edges.getIds().map((id) => look(edgeById.get(id), keepEdges.has(id))));
    dimmed = true;
  }
  function undim() {
    if (!dimmed) return;
    nodes.update(nodes.getIds().map((id) => ({ id, opacity: 1 })));
    edges.update(edges.getIds().map((id) => look(edgeById.get(id), true)));
    dimmed = false;
  }
  function highlightNeighbourhood(id) {
    const keep = new Set([id, ...network.getConnectedNodes(id)]);
    dim(keep, new Set(network.getConnectedEdges(id)));
    showDetails(cards.entityCard(nodeById.get(id), selectEdge), true);
  }
  const path = meta.highlight;
  function restore() {
    if (path) dim(new Set(path.nodes), new Set(path.edges)); else undim();
  }
  network.on("click", (p) => { if (p.nodes.length) highlightNeighbourhood(p.nodes[0]); else if (!p.edges.length) restore(); });
  restore();

  // ---- search by label or synonym
  const names = new Map();
  D.nodes.forEach((n) => [n.label, ...n.synonyms].forEach((name) => names.set(name.toLowerCase(), n.id)));
  const list = byId("names");
  [...names.keys()].sort().forEach((name) => list.append(el("option", { value: name })));
  const search = byId("search"), status = byId("search-status");
  function find() {
    const query = search.value.trim().toLowerCase();
    if (!query) return;
    const id = names.get(query) || [...names.entries()].find(([name]) => name.includes(query))?.[1];
    if (!id) { status.textContent = "No entity is called “" + search.value + "”."; return; }
    if (state.focus && !state.focus.has(id)) showWhole();
    status.textContent = "Found " + nodeById.get(id).label + ".";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(1.2, network.getScale()), animation: false });
    highlightNeighbourhood(id);
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") find(); });

  // ---- one edge lit up (from the claims table or the source text): it and its ends
  function lightEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    if (!edges.get(id)) showWhole();
    dim(new Set([e.from, e.to]), new Set([id]));
    selectEdge(id);
  }
  NnkgPage.source(D, { lightEdge });
  const table = NnkgPage.table(D, { lightEdge, network });

  // ---- the --path page's hop list (page-path.js); the state in the URL (page-state.js)
  const start = [...details.childNodes].map((n) => n.cloneNode(true));
  function clear() { network.unselectAll(); restore(); details.replaceChildren(...start.map((n) => n.cloneNode(true))); }
  function selectNode(id) { if (state.focus && !state.focus.has(id)) showWhole(); network.selectNodes([id]); highlightNeighbourhood(id); }
  pathView = NnkgPage.path(D, { network, cards, selectEdge });
  link = NnkgPage.permalink(D, { network, state, filters, view: { selectNode, selectEdge, clear, showWhole, showFocus: views.showFocus } });
  function ready() { // once the first view is laid out: the path in view, then the hash's state
    if (path && state.focus && path.nodes.some((id) => !state.focus.has(id))) showWhole();
    pathView.fit();
    link.apply();
  }

  // ---- legend
  const legend = byId("legend");
  // styles through the CSSOM: the CSP allows no style attributes
  const styled = (node, css) => (Object.assign(node.style, css), node);
  meta.classes.forEach((c) => legend.append(el("div", { class: "legend-row" }, styled(el("span", { class: "swatch " + c.shape }), { background: c.color }), c.label)));
  const line = (colour, style, text) => legend.append(el("div", { class: "legend-row" }, styled(el("span", { class: "line" }), { borderTop: "3px " + style + " " + colour }), text));
  line(meta.signs["+"], "solid", "increases (more → more), stated as fact");
  line(meta.signs["-"], "solid", "decreases (more → less), bar-ended arrow");
  line(meta.signs["0"], "solid", "no direction (regulates, is a, part of …)");
  line("#555", "dashed", "hedged: may, can, suggested, likely");
  line(meta.denied, "dotted", "denied: the source says it is not so");
  legend.append(el("div", { class: "legend-row" }, styled(el("span", { class: "line band" }, meta.contested.mark), { backgroundColor: meta.contested.band }),
    "contested: another claim says otherwise (striped band, " + meta.contested.mark + " before the relation; the two sides bow apart)"));

  const notices = byId("notices");
  if (meta.large) notices.append(el("p", { class: "note", id: "large-note" }, "This graph is large, so nodes are placed once and physics is off. For a readable neighbourhood run: nnkg render --focus ENTITY --hops 2"));
  if (path) {
    const text = path.nodes.length ? "Path " + path.from + " → " + path.to + ": sign " + path.sign + ", " + path.certainty.toLowerCase() + (path.contested ? ", contested" : "") : "No path from " + path.from + " to " + path.to + ".";
    notices.append(el("p", { class: "note", id: "path-note" }, text));
  }

  // ---- the first view: the whole graph, readable; or, past the size where it cannot be,
  // the most connected entity and its nearest neighbours, and a note that says so
  views.attach(network, NnkgPage.layout(network, meta), { restore, record: () => link.record() });
  function firstView() {
    network.setOptions({ physics: false });
    views.first(() => { ready(); performance.mark("nnkg:first-view"); });
  }
  if (meta.large || state.focus) firstView(); else network.once("stabilizationIterationsDone", firstView);
  window.nnkg = { nodes, edges, network, state, table };
})();
