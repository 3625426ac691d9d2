/* nnkg page: builds the vis-network from the JSON data block (#nnkg-data, never run as
   script) and every piece of text with textContent, so nothing from a source is ever parsed
   as HTML; only http(s) IRIs become links. The parts (page-*.js) are in NnkgPage; this boots
   them. window.nnkg exposes the DataSets and the claims table. */
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

  // ---- the network
  const nodes = new vis.DataSet(D.nodes);
  const edges = new vis.DataSet(D.edges);
  nodes.update(D.nodes.map((n) => ({ id: n.id, title: cards.nodeCard(n, false) })));
  edges.update(D.edges.map((e) => ({ id: e.id, title: cards.edgeCard(e) })));
  const network = new vis.Network(byId("graph"), { nodes, edges }, D.options);
  // focus: the entities the first view is limited to when the whole graph cannot be read
  const state = { stable: false, focus: null, layout: null };

  // ---- details: at the top of the panel, in view, whenever something is selected
  const panel = byId("panel"), details = byId("details");
  let pathView = null, link = null; // the --path hop list and the permalink, set up below
  function showDetails(card, selected) {
    details.replaceChildren(el("h2", {}, "Details"), card);
    if (selected) { panel.scrollTop = 0; pathView?.follow(); link?.record(); }
  }
  const selected = () => network.getSelectedNodes().length + network.getSelectedEdges().length > 0;
  function selectEdge(id) {
    network.selectEdges([id]);
    showDetails(cards.edgeCard(edges.get(id)), true);
  }
  network.on("hoverEdge", (p) => { if (!selected()) showDetails(cards.edgeCard(edges.get(p.edge))); });
  network.on("hoverNode", (p) => { if (!selected()) showDetails(cards.nodeCard(nodes.get(p.node), true)); });
  network.on("selectEdge", (p) => { if (!p.nodes.length) showDetails(cards.edgeCard(edges.get(p.edges[0])), true); });

  // ---- neighbourhood highlight (click) and path highlight (--path)
  // An edge drawn in full or faded; a faded contested edge loses its band too.
  function look(e, lit) {
    const drawn = { id: e.id, color: { ...e.color, opacity: lit ? 1 : 0.08 }, font: { color: lit ? "#343434" : "rgba(0,0,0,0.1)" } };
    if (e.background) drawn.background = { ...e.background, enabled: lit };
    return drawn;
  }
  function dim(keepNodes, keepEdges) {
    nodes.update(nodes.getIds().map((id) => ({ id, opacity: keepNodes.has(id) ? 1 : 0.15 })));
    edges.update(D.edges.map((e) => look(e, keepEdges.has(e.id))));
  }
  function undim() {
    nodes.update(nodes.getIds().map((id) => ({ id, opacity: 1 })));
    edges.update(D.edges.map((e) => look(e, true)));
  }
  function highlightNeighbourhood(id) {
    const keep = new Set([id, ...network.getConnectedNodes(id)]);
    dim(keep, new Set(network.getConnectedEdges(id)));
    showDetails(cards.entityCard(nodes.get(id), selectEdge), true);
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
    status.textContent = "Found " + nodes.get(id).label + ".";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(1.2, network.getScale()), animation: false });
    highlightNeighbourhood(id);
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") find(); });

  const filters = NnkgPage.filters(D, { nodes, edges, network, contested, state });
  filters.apply();

  // ---- one edge lit up (from the claims table or the source text): it and its ends
  function lightEdge(id) {
    const e = edges.get(id);
    if (!e) return;
    if (state.focus && !(state.focus.has(e.from) && state.focus.has(e.to))) showWhole();
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
  link = NnkgPage.permalink(D, { network, state, filters, view: { selectNode, selectEdge, clear, showWhole } });
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
  const layout = NnkgPage.layout(network, meta);
  const degree = new Map(D.nodes.map((n) => [n.id, 0]));
  D.edges.forEach((e) => { degree.set(e.from, degree.get(e.from) + 1); degree.set(e.to, degree.get(e.to) + 1); });
  const byDegree = (a, b) => degree.get(b) - degree.get(a) || cards.labelOf(a).localeCompare(cards.labelOf(b)) || (a < b ? -1 : 1);
  let whole = null; // where the whole graph's nodes were before the focused view moved some
  function afterDraw(then) { network.once("afterDrawing", then); network.redraw(); }
  function focusOnHub() {
    const hub = [...degree.keys()].sort(byDegree)[0];
    const near = [...new Set(network.getConnectedNodes(hub))].sort(byDegree).slice(0, meta.readable.size);
    whole = network.getPositions();
    state.focus = new Set([hub, ...near]);
    filters.apply();
    layout.rings(hub, near);
    const note = el("p", { class: "note", id: "focus-note" },
      D.nodes.length + " entities are too many to read at once: this view starts at " + cards.labelOf(hub) + ", the most connected, and its "
      + (near.length < degree.get(hub) ? near.length + " most connected neighbours. " : "neighbours. "));
    const all = el("button", { type: "button", id: "show-whole" }, "Show the whole graph");
    all.addEventListener("click", showWhole);
    note.append(all);
    notices.append(note);
    afterDraw(() => settle([...state.focus]));
  }
  function showWhole() {
    if (!state.focus) return;
    state.focus = null;
    Object.entries(whole).forEach(([id, p]) => network.moveNode(id, p.x, p.y));
    filters.apply();
    byId("focus-note")?.remove();
    network.fit({ animation: false });
    link.record();
  }
  function settle(ids) {
    state.layout = layout.arrange(ids);
    if (!state.layout.ok && !state.focus && ids.length > 1) return focusOnHub();
    afterDraw(() => { ready(); state.stable = true; });
  }
  function firstView() {
    network.setOptions({ physics: false });
    if (D.nodes.length > meta.readable.past) focusOnHub();
    else afterDraw(() => settle(nodes.getIds({ filter: (n) => !n.hidden })));
  }
  if (meta.large) firstView(); else network.once("stabilizationIterationsDone", firstView);
  window.nnkg = { nodes, edges, network, state, table };
})();
