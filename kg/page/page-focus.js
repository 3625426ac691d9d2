"use strict";
/* The focused view and the whole one. Past meta.readable.past entities (or when the whole
   graph turns out unreadable) the page starts at the most connected entity and its most
   connected neighbours, in rings, and says so, with a button to show the whole graph; the
   whole view then has a button back, and the browser's back and forward switch too
   (page-state.js). The DataSets hold only what the view shows (page-filters.js), so a
   switch adds or drops the rest and lays its view out again. */
NnkgPage.focus = function (D, { cards, state, filters, nodes, home }) {
  const { el, byId } = NnkgPage;
  const meta = D.meta;
  const degree = new Map(D.nodes.map((n) => [n.id, 0]));
  D.edges.forEach((e) => { degree.set(e.from, degree.get(e.from) + 1); degree.set(e.to, degree.get(e.to) + 1); });
  const byDegree = (a, b) => degree.get(b) - degree.get(a) || cards.labelOf(a).localeCompare(cards.labelOf(b)) || (a < b ? -1 : 1);
  const hub = D.nodes.length ? D.nodes.map((n) => n.id).reduce((a, b) => (byDegree(a, b) <= 0 ? a : b)) : null;
  const touching = cards.touching.get(hub) || { out: [], in: [] };
  const around = new Set([...touching.out.map((e) => e.to), ...touching.in.map((e) => e.from)]);
  around.delete(hub);
  const near = [...around].sort(byDegree).slice(0, meta.readable.size);
  const notices = byId("notices");
  let network = null, layout = null, hooks = null; // attach() sets them once the network is made
  D.nodes.forEach((n) => { if (n.x !== undefined) home.set(n.id, { x: n.x, y: n.y }); }); // placed by render.py

  function afterDraw(then) { network.once("afterDrawing", then); network.redraw(); }
  // where the whole view's nodes are now, so that it comes back as it was
  const remember = () => Object.entries(network.getPositions()).forEach(([id, p]) => home.set(id, { x: p.x, y: p.y }));

  function note(id, text, button, label, action) {
    ["focus-note", "whole-note"].forEach((n) => byId(n)?.remove());
    const go = el("button", { type: "button", id: button }, label);
    go.addEventListener("click", () => { action(); hooks.record(); });
    notices.append(el("p", { class: "note", id }, text, go));
  }

  // Lay out ``ids`` (drawn once first, so measured) and set the view; an unreadable whole
  // graph falls back to the focused view.
  function settle(ids, done) {
    state.layout = layout.arrange(ids);
    if (!state.layout.ok && !state.focus && ids.length > 1) return showFocus(done);
    afterDraw(() => { state.stable = true; done?.(); });
  }

  // The focused view, built anew each time: the hub, its neighbours in rings, laid out.
  function showFocus(done) {
    if (state.focus === null) {
      remember();
      network.unselectAll();
      state.focus = new Set([hub, ...near]);
      filters.apply();
      hooks.restore();
    }
    state.stable = false;
    layout.rings(hub, near);
    note("focus-note", D.nodes.length + " entities are too many to read at once: this view starts at " + cards.labelOf(hub) + ", the most connected, and its "
      + (near.length < degree.get(hub) ? near.length + " most connected neighbours. " : "neighbours. "), "show-whole", "Show the whole graph", showWhole);
    afterDraw(() => settle([...state.focus], done));
  }

  // The whole graph: every node where the whole view had it (placed once by physics if it
  // was never laid out: a page that started focused), all in view.
  function showWhole() {
    if (state.focus === null) return;
    const focused = state.focus;
    state.focus = null;
    filters.apply();
    hooks.restore();
    note("whole-note", "All " + D.nodes.length + " entities. ", "show-focus", "Back to " + cards.labelOf(hub) + " and its neighbours", showFocus);
    const fit = () => { network.fit({ animation: false }); state.stable = true; };
    if (home.size) {
      focused.forEach((id) => { const p = home.get(id); if (p) layout.place(id, p.x, p.y); });
      return fit();
    }
    state.stable = false;
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); remember(); fit(); });
    network.setOptions({ physics: D.options.physics });
    network.stabilize(D.options.physics.stabilization.iterations);
  }
  return {
    // before the network: what the first view holds
    scope() { if (D.nodes.length > meta.readable.past) state.focus = new Set([hub, ...near]); },
    attach(net, lay, h) { network = net; layout = lay; hooks = h; },
    // the first view, whole or focused; done() once it is laid out and drawn
    first(done) {
      if (state.focus) showFocus(done);
      else afterDraw(() => settle(nodes.getIds({ filter: (n) => !n.hidden }), done));
    },
    showFocus,
    showWhole,
  };
};
