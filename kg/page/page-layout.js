"use strict";
/* Readable at a glance: once physics has laid the graph out (or, past the size the whole
   graph can be read at, around the most connected entity), nodes are moved apart until no
   node's box (its shape and its label, as vis-network measured them) touches another's,
   within the box the graph pane shows at the smallest readable zoom; then the view is set so
   everything is in it. Deterministic: the same graph in the same pane gives the same
   layout (fixed order, no randomness). */
NnkgPage.layout = function (network, meta) {
  const PAD = 4; // canvas units kept clear on each side of a node's box
  const MARGIN = 16; // screen pixels between the graph and the pane's edge
  const ROUNDS = 400;
  const HUB = 8;
  const HUB_ROOM = 3; // canvas units of room per unit of size a node has beyond a leaf's
  // the zoom at which every label (the smallest font's) is drawn at the readable size, and a
  // little to spare
  const readableScale = () => (meta.readable.px * 1.03) / meta.readable.font;

  // Each node's box relative to its centre, as vis-network measured it when it last drew; a
  // hub's (a large node's) with room around it, so the edges it gathers have space to part.
  function boxes(ids) {
    const at = network.getPositions(ids);
    return ids.map((id) => {
      const b = network.getBoundingBox(id), p = at[id], size = network.body.nodes[id].options.size;
      const pad = PAD + HUB_ROOM * Math.max(0, size - 14);
      return { id, x: p.x, y: p.y, l: b.left - p.x - pad, r: b.right - p.x + pad, t: b.top - p.y - pad, b: b.bottom - p.y + pad, w: size };
    });
  }
  const overlap = (a, b) => [
    Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x + a.l, b.x + b.l),
    Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t),
  ];
  function overlaps(items) {
    let n = 0;
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const [ox, oy] = overlap(items[i], items[j]);
      if (ox > 0 && oy > 0) n++;
    }
    return n;
  }

  // Stretch the centres to fill a w × h box (less the widest label), centred on 0, 0.
  function fill(items, w, h) {
    const xs = items.map((i) => i.x), ys = items.map((i) => i.y);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    const sx = (w - Math.max(...items.map((i) => i.r - i.l))) / Math.max(1, Math.max(...xs) - Math.min(...xs));
    const sy = (h - Math.max(...items.map((i) => i.b - i.t))) / Math.max(1, Math.max(...ys) - Math.min(...ys));
    items.forEach((i) => { i.x = (i.x - cx) * Math.max(0, sx); i.y = (i.y - cy) * Math.max(0, sy); });
  }

  // Room around each hub (a node with HUB or more neighbours shown): its neighbours pushed
  // out to a distance that grows with their number, and around the largest hub, in the
  // order they lie, spread to even angles, so its edges part before they meet it. The
  // largest hub first; a neighbour of two hubs keeps the first one's place.
  function roomForHubs(items) {
    const index = new Map(items.map((i) => [i.id, i]));
    const near = new Map(items.map((i) => [i.id, network.getConnectedNodes(i.id).filter((n) => index.has(n) && n !== i.id)]));
    const hubs = items.filter((i) => near.get(i.id).length >= HUB).sort((a, b) => near.get(b.id).length - near.get(a.id).length || (a.id < b.id ? -1 : 1));
    const placed = new Set();
    hubs.forEach((hub, rank) => {
      placed.add(hub.id);
      const around = near.get(hub.id).filter((id) => !placed.has(id)).map((id) => index.get(id));
      if (!around.length) return;
      const radius = 40 + 24 * Math.sqrt(near.get(hub.id).length);
      const angle = (n) => Math.atan2(n.y - hub.y, n.x - hub.x);
      around.sort((a, b) => angle(a) - angle(b) || (a.id < b.id ? -1 : 1));
      const step = (2 * Math.PI) / around.length;
      // keep the ring turned as it was: the mean offset of each from its even place
      const turn = Math.atan2(...["sin", "cos"].map((f) => around.reduce((t, n, k) => t + Math[f](angle(n) - k * step), 0)));
      around.forEach((n, k) => {
        const d = Math.max(radius, Math.hypot(n.x - hub.x, n.y - hub.y)), a = rank ? angle(n) : turn + k * step;
        n.x = hub.x + d * Math.cos(a); n.y = hub.y + d * Math.sin(a);
        placed.add(n.id);
      });
    });
  }

  // Push every two boxes that touch apart along the axis they overlap least (the bigger
  // node moving less), keeping every box inside w × h; stop when none touch.
  function separate(items, w, h) {
    for (let round = 0; round < ROUNDS; round++) {
      let moved = false;
      for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
        const a = items[i], b = items[j];
        const [ox, oy] = overlap(a, b);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        const share = b.w / (a.w + b.w); // a's part of the move
        if (ox * 0.6 < oy) { // labels are wide: moving sideways costs more, so prefer it less
          const s = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1, d = ox + 0.5;
          a.x += s * d * share; b.x -= s * d * (1 - share);
        } else {
          const s = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1, d = oy + 0.5;
          a.y += s * d * share; b.y -= s * d * (1 - share);
        }
      }
      items.forEach((i) => {
        i.x = Math.min(Math.max(i.x, -w / 2 - i.l), w / 2 - i.r);
        i.y = Math.min(Math.max(i.y, -h / 2 - i.t), h / 2 - i.b);
      });
      if (!moved) return;
    }
  }

  // Put a node at x, y. Not network.moveNode: each of those redraws the whole network once
  // more, later (a timer per call), which on a large graph takes seconds apiece; whoever
  // places nodes here redraws once after.
  function place(id, x, y) {
    const node = network.body.nodes[id];
    node.x = x;
    node.y = y;
  }

  // The pane's size in canvas units at the readable zoom.
  function room() {
    const pane = network.body.container.getBoundingClientRect(), s = readableScale();
    return [(pane.width - 2 * MARGIN) / s, (pane.height - 2 * MARGIN) / s];
  }

  // Show exactly these nodes' boxes, as large as the pane allows (never zooming in past 1.5).
  function view(items) {
    const pane = network.body.container.getBoundingClientRect();
    const l = Math.min(...items.map((i) => i.x + i.l)), r = Math.max(...items.map((i) => i.x + i.r));
    const t = Math.min(...items.map((i) => i.y + i.t)), b = Math.max(...items.map((i) => i.y + i.b));
    const scale = Math.min(1.5, (pane.width - 2 * MARGIN) / (r - l), (pane.height - 2 * MARGIN) / (b - t));
    network.moveTo({ position: { x: (l + r) / 2, y: (t + b) / 2 }, scale, animation: false });
    return scale;
  }

  // Lay out the nodes ``ids`` (already drawn once, so measured) and set the view. Says
  // whether every label is readable and none touches another.
  function arrange(ids) {
    const items = boxes(ids);
    if (!items.length) return { ok: true };
    const [w, h] = room();
    if (items.length > 1) {
      fill(items, w, h);
      roomForHubs(items);
      separate(items, w, h);
    }
    items.forEach((i) => place(i.id, i.x, i.y));
    const scale = view(items);
    return { ok: overlaps(items) === 0 && scale * meta.readable.font >= meta.readable.px, scale };
  }

  // Place a neighbourhood in rings around its centre: the nearest ring first, by label.
  function rings(center, around) {
    place(center, 0, 0);
    let placed = 0, ring = 1;
    while (placed < around.length) {
      const n = Math.min(around.length - placed, 8 * ring);
      for (let k = 0; k < n; k++) {
        const angle = (2 * Math.PI * k) / n + ring * 0.3;
        place(around[placed + k], 220 * ring * Math.cos(angle), 160 * ring * Math.sin(angle));
      }
      placed += n;
      ring++;
    }
  }

  return { arrange, rings, place, boxes, overlaps };
};
