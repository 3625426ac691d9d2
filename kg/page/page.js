/* nnkg page: builds the vis-network from the JSON data block (#nnkg-data, never run as
   script) and every piece of text with textContent, so nothing from a source is ever parsed
   as HTML; only http(s) IRIs become links. window.nnkg exposes the DataSets. */
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("nnkg-data").textContent);
  const meta = D.meta;
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    });
    children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  };
  const byId = (id) => document.getElementById(id);
  // The URL a link may point to: http(s) only, so a crafted javascript: or data: IRI stays text.
  const webLink = (iri) => {
    try {
      const url = new URL(iri);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  };

  byId("title").textContent = meta.title;
  document.title = meta.title;
  byId("summary").textContent = meta.summary;

  const classLabel = Object.fromEntries(meta.classes.map((c) => [c.name, c.label]));
  // Maps, not objects: a crafted id such as "__proto__" finds nothing
  const sourceById = new Map(meta.sources.map((s) => [s.id, s]));
  const exposures = new Map(Object.entries(meta.exposures));
  const contested = (edge) => edge.against.length > 0;

  // A claim's context, when it names one: "population = older adults (“in older adults”)".
  const qualifiers = { population: (iri) => nodes.get(iri)?.label || iri, exposure: (iri) => exposures.get(iri) || iri };
  function context(claim) {
    const named = Object.entries(qualifiers).filter(([q]) => claim[q]).map(([q, label]) => q + " = " + label(claim[q]));
    if (claim.qualifier_text) named.push("(“" + claim.qualifier_text + "”)");
    return named.length ? [el("div", { class: "kv context" }, el("b", {}, "context "), named.join("; "))] : [];
  }

  // One claim: its words and context, its source and the source's kind, where, how sure; a
  // claim against an edge also says what it states instead ("NOT prevents", "causes").
  function claimBlock(claim) {
    const source = sourceById.get(claim.source) || {};
    const tags = el("span", {},
      el("span", { class: "tag " + claim.certainty.toLowerCase() }, claim.certainty.toLowerCase()), " ",
      el("span", { class: "tag kind" }, source.kind || "source of no known kind"));
    const block = el("div", { class: "claim" });
    if (claim.says) block.append(el("div", { class: "kv says" }, el("b", {}, "says "), claim.says));
    block.append(el("blockquote", {}, "“" + claim.quote + "”"), ...context(claim),
      el("div", { class: "cite" }, (source.title || claim.source) + " — characters " + claim.start + "–" + claim.end + " ", tags));
    return block;
  }

  function side(heading, claims, none) {
    const part = el("div", { class: "side" }, el("div", { class: "kv" }, el("b", {}, heading)));
    if (!claims.length) part.append(el("div", { class: "status" }, none));
    claims.forEach((c) => part.append(claimBlock(c)));
    return part;
  }

  function edgeCard(edge) {
    const from = nodes.get(edge.from).label, to = nodes.get(edge.to).label;
    const head = el("h3", {}, from + " → " + (edge.negated ? "NOT " : "") + edge.relation + " → " + to);
    const facts = el("div", { class: "kv" }, el("b", {}, "sign "), edge.sign + "   ", el("b", {}, "certainty "), edge.certainty.toLowerCase());
    if (edge.negated) facts.append("  ", el("span", { class: "tag denied" }, "denied by the source"));
    if (contested(edge)) facts.append("  ", el("span", { class: "tag contested" }, meta.contested.mark + " contested"));
    const said = edge.claims.length > 1 ? edge.claims.length + " claims say so:" : "Who says so:";
    return el("div", { class: "card" }, head, facts,
      side(said, edge.claims, ""),
      side("Who says otherwise:", edge.against, "No claim in this graph says otherwise."));
  }

  function nodeCard(node, withLinks) {
    const card = el("div", { class: "card" }, el("h3", {}, node.label), el("div", { class: "kv" }, el("b", {}, "type "), classLabel[node.cls] || node.cls));
    if (node.synonyms.length) card.append(el("div", { class: "kv" }, el("b", {}, "also called "), node.synonyms.join(", ")));
    if (node.definition) card.append(el("div", { class: "kv" }, node.definition));
    const ids = el("div", { class: "kv" }, el("b", {}, "standard IDs "));
    if (!node.xrefs.length) ids.append("none yet");
    node.xrefs.forEach((x, i) => {
      if (i) ids.append(", ");
      const name = x.curie + (x.match === "close" ? " (close)" : "");
      const href = withLinks && webLink(x.href);
      ids.append(href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, name) : name);
    });
    card.append(ids);
    return card;
  }

  // ---- the network
  const nodes = new vis.DataSet(D.nodes);
  const edges = new vis.DataSet(D.edges);
  nodes.update(D.nodes.map((n) => ({ id: n.id, title: nodeCard(n, false) })));
  edges.update(D.edges.map((e) => ({ id: e.id, title: edgeCard(e) })));
  const network = new vis.Network(byId("graph"), { nodes, edges }, D.options);
  const state = { stable: meta.large };
  if (!meta.large) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      state.stable = true;
    });
  }

  const details = byId("details");
  function showDetails(card) {
    details.replaceChildren(el("h2", {}, "Details"), card);
  }
  network.on("hoverEdge", (p) => showDetails(edgeCard(edges.get(p.edge))));
  network.on("hoverNode", (p) => showDetails(nodeCard(nodes.get(p.node), true)));
  network.on("selectEdge", (p) => { if (!p.nodes.length) showDetails(edgeCard(edges.get(p.edges[0]))); });

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
    showDetails(nodeCard(nodes.get(id), true));
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
    status.textContent = "Found " + nodes.get(id).label + ".";
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    highlightNeighbourhood(id);
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") find(); });

  // ---- filters: certainty, denial, contest, source, class
  const onlyContested = byId("only-contested");
  onlyContested.parentNode.append(" (" + D.edges.filter(contested).length + ")");
  // with "contested only", an entity stays only if a contested edge touches it
  const atContest = new Set(D.edges.filter(contested).flatMap((e) => [e.from, e.to]));
  const sourceBoxes = byId("source-filters"), classBoxes = byId("class-filters");
  const box = (group, value, text) => el("label", {}, el("input", { type: "checkbox", "data-group": group, value, checked: "" }), " " + text);
  sourceBoxes.append(el("div", { class: "filter-group" }, el("span", {}, "Sources"), ...meta.sources.map((s) => box("source", s.id, (s.title || s.id) + " (" + s.kind + ")"))));
  classBoxes.append(el("div", { class: "filter-group" }, el("span", {}, "Kinds of entity"), ...meta.classes.map((c) => box("class", c.name, c.label))));
  const checked = (group) => new Set([...document.querySelectorAll('input[data-group="' + group + '"]')].filter((i) => i.checked).map((i) => i.value));
  function applyFilters() {
    const hedged = byId("show-hedged").checked, denied = byId("show-denied").checked, only = onlyContested.checked;
    const sources = checked("source"), classes = checked("class");
    nodes.update(D.nodes.map((n) => ({ id: n.id, hidden: !classes.has(n.cls) || (only && !atContest.has(n.id)) })));
    edges.update(D.edges.map((e) => ({
      id: e.id,
      hidden: (!hedged && e.certainty === "Hedged") || (!denied && e.negated) || (only && !contested(e)) || !e.claims.some((c) => sources.has(c.source)),
    })));
  }
  document.querySelectorAll("#panel input[type=checkbox]").forEach((i) => i.addEventListener("change", applyFilters));
  // contested edges may lie far apart: bring them all into view
  onlyContested.addEventListener("change", () => { if (onlyContested.checked && atContest.size) network.fit({ nodes: [...atContest], animation: false }); });

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
  window.nnkg = { nodes, edges, network, state };
})();
