"use strict";
/* The --path page's hop list: a section above the details naming the path, its hops in
   order (each with its claims' quotes and who says otherwise) and buttons to step through
   them; stepping selects the hop's edge. fit() zooms the view to the path's entities. */
NnkgPage.path = function (D, { network, cards, selectEdge }) {
  const { el, byId } = NnkgPage;
  const path = D.meta.highlight;
  if (!path || !path.edges.length) return { fit() {}, step() {}, follow() {}, hops: [] };
  const edgeById = new Map(D.edges.map((e) => [e.id, e]));
  const hops = path.edges.map((id) => edgeById.get(id));
  let current = -1;

  const counter = el("span", { class: "status", id: "path-step" }, hops.length + (hops.length === 1 ? " hop" : " hops"));
  const previous = el("button", { type: "button", id: "path-previous" }, "◀ Previous hop");
  const next = el("button", { type: "button", id: "path-next" }, "Next hop ▶");
  const list = el("ol", { id: "path-hops" });
  hops.forEach((e, i) => {
    const verb = (cards.contested(e) ? D.meta.contested.mark + " " : "") + (e.negated ? "NOT " : "") + e.relation;
    const link = el("button", { type: "button", class: "edge-link", "data-edge": e.id }, cards.labelOf(e.from) + " → " + verb + " → " + cards.labelOf(e.to));
    link.addEventListener("click", () => step(i));
    const item = el("li", { class: "hop", "data-edge": e.id }, link);
    e.claims.forEach((c) => item.append(cards.claimBlock(c, { negated: e.negated })));
    const against = el("div", { class: "against" }, el("div", { class: "kv otherwise" }, el("b", {}, "Who says otherwise:")));
    if (!e.against.length) against.append(el("div", { class: "status" }, "No claim in this graph says otherwise."));
    e.against.forEach((c) => against.append(cards.claimBlock(c, { against: true })));
    item.append(against);
    list.append(item);
  });
  const figures = "sign " + path.sign + ", " + path.certainty.toLowerCase() + (path.contested ? ", contested" : "");
  const section = el("details", { id: "path", class: "card", open: "" },
    el("summary", {}, "Path: " + path.from + " → " + path.to),
    el("div", { class: "kv" }, figures),
    el("div", { class: "path-steps" }, previous, " ", next, " ", counter),
    list);
  byId("details").before(section);
  previous.addEventListener("click", () => step(current <= 0 ? hops.length - 1 : current - 1));
  next.addEventListener("click", () => step(current < 0 || current >= hops.length - 1 ? 0 : current + 1));
  section.addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight" || e.key === "ArrowDown") { e.preventDefault(); next.click(); }
    if (e.key === "ArrowLeft" || e.key === "ArrowUp") { e.preventDefault(); previous.click(); }
  });

  // Is every one of these nodes inside the graph pane as drawn now?
  function inView(ids) {
    const pane = network.body.container.getBoundingClientRect();
    return ids.every((id) => {
      const b = network.getBoundingBox(id);
      const [a, z] = [network.canvasToDOM({ x: b.left, y: b.top }), network.canvasToDOM({ x: b.right, y: b.bottom })];
      return a.x >= 0 && a.y >= 0 && z.x <= pane.width && z.y <= pane.height;
    });
  }

  // The view on the path's entities, as large as the pane allows (never past 1.5).
  function fit() {
    network.fit({ nodes: path.nodes, animation: false, maxZoomLevel: 1.5 });
    // fit centres on the nodes' centres: if a label still sticks out, zoom out a little
    for (let k = 0; k < 8 && !inView(path.nodes); k++) network.moveTo({ scale: network.getScale() * 0.9, animation: false });
  }

  // Light hop i: its edge selected (the details show its card), marked in the list and, if
  // an end is out of view, the view fitted to the path again.
  function mark(i) {
    current = i;
    list.querySelectorAll("li.hop").forEach((li, k) => li.classList.toggle("current", k === i));
    counter.textContent = i < 0 ? hops.length + (hops.length === 1 ? " hop" : " hops") : "hop " + (i + 1) + " of " + hops.length;
  }
  function step(i) {
    mark(i);
    selectEdge(hops[i].id);
    if (!inView([hops[i].from, hops[i].to])) fit();
    const li = list.children[i];
    list.scrollTop = li.offsetTop - list.offsetTop;
  }
  // a hop selected some other way (a click, a permalink) is marked too
  const follow = () => mark(hops.findIndex((e) => network.getSelectedEdges().length === 1 && network.getSelectedEdges()[0] === e.id && !network.getSelectedNodes().length));
  network.on("select", follow);

  return { fit, step, follow, hops };
};
