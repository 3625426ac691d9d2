"use strict";
/* The cards: an edge's (who says so, who says otherwise), an entity's (what it is, its
   identifiers and, in the details panel, every claim in and out grouped by relation, as
   `nnkg show` prints them). Built from the page's data, all of it as text. */
NnkgPage.cards = function (D) {
  const { el, webLink } = NnkgPage;
  const meta = D.meta;
  const classLabel = Object.fromEntries(meta.classes.map((c) => [c.name, c.label]));
  // Maps, not objects: a crafted id such as "__proto__" finds nothing
  const entity = new Map(D.nodes.map((n) => [n.id, n]));
  const sourceById = new Map(meta.sources.map((s) => [s.id, s]));
  const exposures = new Map(Object.entries(meta.exposures));
  const contested = (edge) => edge.against.length > 0;
  const labelOf = (id) => entity.get(id)?.label ?? id;
  // each entity's edges, out and in
  const touching = new Map(D.nodes.map((n) => [n.id, { out: [], in: [] }]));
  D.edges.forEach((e) => { touching.get(e.from)?.out.push(e); touching.get(e.to)?.in.push(e); });

  // A claim's context, when it names one: "population = older adults (“in older adults”)".
  const qualifiers = { population: labelOf, exposure: (iri) => exposures.get(iri) || iri };
  function context(claim) {
    const named = Object.entries(qualifiers).filter(([q]) => claim[q]).map(([q, label]) => q + " = " + label(claim[q]));
    if (claim.qualifier_text) named.push("(“" + claim.qualifier_text + "”)");
    return named.length ? [el("div", { class: "kv context" }, el("b", {}, "context "), named.join("; "))] : [];
  }

  // One claim: its words and context, its source and the source's kind, where, how sure, and
  // whether it denies; a claim against an edge also says what it states instead.
  function claimBlock(claim, { against = false, negated = false } = {}) {
    const source = sourceById.get(claim.source) || {};
    const tags = el("span", {},
      el("span", { class: "tag " + claim.certainty.toLowerCase() }, claim.certainty.toLowerCase()), " ",
      el("span", { class: "tag kind" }, source.kind || "source of no known kind"));
    if (negated) tags.append(" ", el("span", { class: "tag denied" }, "denies it"));
    const block = el("div", { class: against ? "claim against" : "claim" });
    if (claim.says) block.append(el("div", { class: "kv says" }, el("b", {}, "says "), claim.says));
    block.append(el("blockquote", {}, "“" + claim.quote + "”"), ...context(claim),
      el("div", { class: "cite" }, (source.title || claim.source) + " — characters " + claim.start + "–" + claim.end + " ", tags,
        " ", el("button", { type: "button", class: "show-source", "data-claim": claim.iri }, "source text")));
    return block;
  }

  function side(heading, claims, none, against) {
    const part = el("div", { class: "side" }, el("div", { class: "kv" }, el("b", {}, heading)));
    if (!claims.length) part.append(el("div", { class: "status" }, none));
    claims.forEach((c) => part.append(claimBlock(c, { against })));
    return part;
  }

  // How many sources state an edge: agreement across independent sources is what a reader
  // weighs first, so a card says "2 claims from 2 sources" and an edge line "2 sources".
  const sourceCount = (edge) => new Set(edge.claims.map((c) => c.source)).size;
  function saidBy(edge) {
    const n = edge.claims.length, k = sourceCount(edge);
    if (n < 2) return "Who says so:";
    return n + " claims" + (k > 1 ? " from " + k + " sources" : ", one source") + " say so:";
  }

  function edgeCard(edge) {
    const head = el("h3", {}, labelOf(edge.from) + " → " + (edge.negated ? "NOT " : "") + edge.relation + " → " + labelOf(edge.to));
    const facts = el("div", { class: "kv" }, el("b", {}, "sign "), edge.sign + "   ", el("b", {}, "certainty "), edge.certainty.toLowerCase());
    if (edge.negated) facts.append("  ", el("span", { class: "tag denied" }, "denied by the source"));
    if (contested(edge)) facts.append("  ", el("span", { class: "tag contested" }, meta.contested.mark + " contested"));
    return el("div", { class: "card" }, head, facts,
      side(saidBy(edge), edge.claims, "", false),
      side("Who says otherwise:", edge.against, "No claim in this graph says otherwise.", true));
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

  // The claims of one way (out: about it, in: pointing to it), grouped by relation; in each
  // group an edge per line (the other end, NOT when denied, ⚠ when contested), its claims,
  // and who says otherwise. Order: relation, then the other end's label.
  function claimList(id, way, title, select) {
    const edges = touching.get(id)[way];
    const other = (e) => (way === "out" ? e.to : e.from);
    const count = edges.reduce((n, e) => n + e.claims.length, 0);
    const part = el("section", { class: "claims " + way }, el("h4", {}, title + " (" + count + ")"));
    const groups = new Map();
    [...edges].sort((a, b) => a.relation.localeCompare(b.relation) || labelOf(other(a)).localeCompare(labelOf(other(b))) || Number(a.negated) - Number(b.negated))
      .forEach((e) => { if (!groups.has(e.relation)) groups.set(e.relation, []); groups.get(e.relation).push(e); });
    groups.forEach((group, relation) => {
      const n = group.reduce((k, e) => k + e.claims.length, 0);
      const box = el("div", { class: "relation" }, el("h5", {}, relation + " (" + n + ")"));
      group.forEach((e) => {
        const verb = (contested(e) ? meta.contested.mark + " " : "") + (e.negated ? "NOT " : "") + e.relation;
        const row = way === "out" ? "→ " + verb + " → " + labelOf(e.to) : labelOf(e.from) + " → " + verb + " →";
        const k = sourceCount(e);
        const link = el("button", { type: "button", class: "edge-link", "data-edge": e.id }, row,
          ...(k > 1 ? [" ", el("span", { class: "tag sources" }, k + " sources")] : []));
        link.addEventListener("click", () => select(e.id));
        const item = el("div", { class: "edge-claims" }, link);
        e.claims.forEach((c) => item.append(claimBlock(c, { negated: e.negated })));
        if (contested(e)) {
          item.append(el("div", { class: "kv otherwise" }, el("b", {}, "Who says otherwise:")));
          e.against.forEach((c) => item.append(claimBlock(c, { against: true })));
        }
        box.append(item);
      });
      part.append(box);
    });
    if (!edges.length) part.append(el("p", { class: "status" }, "none"));
    return part;
  }

  // The details panel's card of an entity: what it is, then its claims out and in.
  function entityCard(node, select) {
    const card = nodeCard(node, true);
    card.append(claimList(node.id, "out", "Claims about it", select), claimList(node.id, "in", "Claims pointing to it", select));
    return card;
  }

  return { edgeCard, nodeCard, entityCard, claimBlock, contested, labelOf, touching };
};
