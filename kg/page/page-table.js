"use strict";
/* The claims table: every claim, a row each, sortable (click a column's head) and filtered
   by source, relation, certainty, denial, contest and words; synchronized with the graph:
   selecting a row lights its edge up, selecting an edge marks its rows. The rows that pass
   the filters (every page of them) export as CSV or Turtle, made here and saved as a
   download (a Blob): offline, nothing sent. Up to ALL_ROWS claims every row is drawn;
   past that the table pages. All of it text. */
NnkgPage.table = function (D, { lightEdge, network }) {
  const { el, byId } = NnkgPage;
  const meta = D.meta;
  const ALL_ROWS = 2000, PAGE_ROWS = 500;
  const NS = {
    nnkg: "https://w3id.org/nnkg/ontology#", // kg/base/vocab.py's NNKG_IRI
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    prov: "http://www.w3.org/ns/prov#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
    biolink: "https://w3id.org/biolink/vocab/",
  };
  const sources = new Map(meta.sources.map((s) => [s.id, s]));
  const labels = new Map(D.nodes.map((n) => [n.id, n.label]));
  const labelOf = (id) => labels.get(id) ?? id;
  const rows = [];
  D.edges.forEach((edge) => edge.claims.forEach((claim) => rows.push({
    claim, edge, order: rows.length,
    subject: labelOf(edge.from), object: labelOf(edge.to),
    relation: (edge.negated ? "NOT " : "") + edge.relation,
    certainty: claim.certainty, negated: edge.negated, contested: edge.against.length > 0,
    source: (sources.get(claim.source) || {}).title || claim.source,
  })));
  const columns = [
    ["subject", "Subject"], ["relation", "Relation"], ["object", "Object"], ["certainty", "Certainty"],
    ["negated", "Denied"], ["contested", "Contested"], ["source", "Source"], ["quote", "Quote"], ["start", "Offsets"],
  ];
  const cell = (row, key) => (key === "quote" || key === "start" ? row.claim[key] : row[key]);

  // ---- the controls
  const choice = (id, label, options) => el("label", { class: "table-filter" }, label + " ",
    el("select", { id }, el("option", { value: "" }, "any"), ...options.map(([value, text]) => el("option", { value }, text))));
  const yesNo = [["yes", "yes"], ["no", "no"]];
  const relations = [...new Set(D.edges.map((e) => e.relation))].sort();
  const controls = el("div", { class: "table-controls" },
    el("label", { class: "table-filter" }, "Words ", el("input", { id: "table-search", type: "search", placeholder: "in quote, entity, source", autocomplete: "off" })),
    choice("table-source", "Source", meta.sources.map((s) => [s.id, s.title || s.id])),
    choice("table-relation", "Relation", relations.map((r) => [r, r])),
    choice("table-certainty", "Certainty", [["Asserted", "asserted"], ["Hedged", "hedged"]]),
    choice("table-negated", "Denied", yesNo),
    choice("table-contested", "Contested", yesNo),
    el("button", { type: "button", id: "export-csv" }, "Export CSV"),
    el("button", { type: "button", id: "export-ttl" }, "Export Turtle"),
    el("button", { type: "button", id: "table-close" }, "Close"));
  const status = el("p", { id: "table-status", class: "status" });
  const prev = el("button", { type: "button", id: "table-prev" }, "← previous");
  const next = el("button", { type: "button", id: "table-next" }, "next →");
  const pageNote = el("span", { id: "table-page" });
  const pager = el("div", { class: "table-pager", id: "table-pager" }, prev, " ", pageNote, " ", next);
  const head = el("tr", {});
  const body = el("tbody", {});
  const table = el("table", { id: "claims" }, el("thead", {}, head), body);
  const pane = el("section", { id: "claims-table", "aria-label": "Claims table" },
    el("h2", {}, "Claims (" + rows.length + ")"), controls, status, pager, el("div", { class: "table-scroll" }, table));
  pane.hidden = true;
  byId("summary").before(pane);
  const open = el("button", { type: "button", id: "open-table" }, "Claims table (" + rows.length + " claims)");
  byId("filters").before(el("section", { id: "views" }, open));
  open.addEventListener("click", () => { pane.hidden = !pane.hidden; if (!pane.hidden) draw(); });
  byId("table-close").addEventListener("click", () => { pane.hidden = true; });

  const sort = { key: null, down: false };
  const heads = columns.map(([key, text]) => {
    const th = el("th", { scope: "col", "data-key": key, "aria-sort": "none" }, el("button", { type: "button", class: "sort" }, text));
    th.firstChild.addEventListener("click", () => {
      sort.down = sort.key === key ? !sort.down : false;
      sort.key = key;
      heads.forEach((h) => h.setAttribute("aria-sort", h.dataset.key === key ? (sort.down ? "descending" : "ascending") : "none"));
      page = 0;
      draw();
    });
    head.append(th);
    return th;
  });
  head.append(el("th", { scope: "col" }, ""));

  // ---- which rows, in which order
  const value = (id) => byId(id).value;
  function selection() {
    const words = value("table-search").trim().toLowerCase();
    const source = value("table-source"), relation = value("table-relation"), certainty = value("table-certainty");
    const negated = value("table-negated"), contested = value("table-contested");
    const flag = (wanted, is) => !wanted || (wanted === "yes") === is;
    const chosen = rows.filter((r) => (!source || r.claim.source === source) && (!relation || r.edge.relation === relation)
      && (!certainty || r.certainty === certainty) && flag(negated, r.negated) && flag(contested, r.contested)
      && (!words || [r.subject, r.relation, r.object, r.source, r.claim.quote].some((t) => t.toLowerCase().includes(words))));
    if (sort.key) {
      const compare = (a, b) => {
        const [x, y] = [cell(a, sort.key), cell(b, sort.key)];
        return typeof x === "string" ? x.localeCompare(y) : Number(x) - Number(y);
      };
      chosen.sort((a, b) => (sort.down ? -compare(a, b) : compare(a, b)) || a.order - b.order);
    }
    return chosen;
  }

  // ---- drawing
  let page = 0, picked = null;
  const lit = new Set(); // the claims of the edge selected in the graph
  const yes = (b) => (b ? "yes" : "no");
  function line(r) {
    const show = el("button", { type: "button", class: "show-source", "data-claim": r.claim.iri }, "source text");
    const tr = el("tr", { "data-claim": r.claim.iri, "data-edge": r.edge.id },
      el("td", {}, r.subject), el("td", {}, r.relation), el("td", {}, r.object), el("td", {}, r.certainty.toLowerCase()),
      el("td", {}, yes(r.negated)), el("td", {}, r.contested ? meta.contested.mark + " yes" : "no"), el("td", {}, r.source),
      el("td", { class: "quote" }, "“" + r.claim.quote + "”"), el("td", {}, r.claim.start + "–" + r.claim.end), el("td", {}, show));
    if (r.claim.iri === picked) tr.classList.add("picked");
    if (lit.has(r.claim.iri)) tr.classList.add("lit");
    tr.addEventListener("click", (event) => {
      if (event.target.closest("button")) return; // its button opens the source text
      pick(r);
    });
    return tr;
  }
  function draw() {
    const chosen = selection();
    const size = rows.length > ALL_ROWS ? PAGE_ROWS : Math.max(chosen.length, 1);
    const pages = Math.max(1, Math.ceil(chosen.length / size));
    page = Math.min(page, pages - 1);
    const shown = chosen.slice(page * size, (page + 1) * size);
    body.replaceChildren(...shown.map(line));
    pager.hidden = pages === 1;
    pageNote.textContent = "page " + (page + 1) + " of " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    status.textContent = (chosen.length === rows.length ? "All " + rows.length + " claims" : chosen.length + " of " + rows.length + " claims")
      + (pages > 1 ? ", " + shown.length + " on this page" : "") + "; the export takes every one of them.";
    status.dataset.count = String(chosen.length);
    return chosen;
  }
  function pick(r) {
    picked = r.claim.iri;
    body.querySelectorAll("tr.picked").forEach((tr) => tr.classList.remove("picked"));
    body.querySelector('tr[data-claim="' + CSS.escape(picked) + '"]')?.classList.add("picked");
    lightEdge(r.edge.id);
  }
  prev.addEventListener("click", () => { page -= 1; draw(); });
  next.addEventListener("click", () => { page += 1; draw(); });
  const redraw = () => { page = 0; draw(); };
  byId("table-search").addEventListener("input", redraw);
  controls.querySelectorAll("select").forEach((s) => s.addEventListener("change", redraw));
  // the graph's side: an edge selected there marks its rows
  network.on("selectEdge", (p) => {
    lit.clear();
    p.edges.forEach((id) => D.edges.find((e) => e.id === id)?.claims.forEach((c) => lit.add(c.iri)));
    body.querySelectorAll("tr").forEach((tr) => tr.classList.toggle("lit", lit.has(tr.dataset.claim)));
    if (!pane.hidden) body.querySelector("tr.lit")?.scrollIntoView({ block: "nearest" });
  });
  network.on("deselectEdge", () => { lit.clear(); body.querySelectorAll("tr.lit").forEach((tr) => tr.classList.remove("lit")); });

  // ---- export
  const CSV_COLUMNS = ["claim", "subject", "subject_label", "predicate", "relation", "negated", "object", "object_label",
    "certainty", "contested", "source", "source_title", "quote", "start", "end", "subject_text", "object_text"];
  // CSV a spreadsheet shows and never runs: NnkgExport (export.js), shared with the query page
  function csv(chosen) {
    const record = (r) => [r.claim.iri, r.edge.from, r.subject, r.edge.predicate, r.edge.relation, r.negated, r.edge.to, r.object,
      r.certainty, r.contested, r.claim.source, r.source, r.claim.quote, r.claim.start, r.claim.end,
      r.claim.subject_text || "", r.claim.object_text || ""];
    return NnkgExport.csv([CSV_COLUMNS, ...chosen.map(record)]);
  }
  // Turtle's spelling of a string and of an IRI (characters an IRI may not hold percent-encoded)
  const string = (s) => '"' + String(s).replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    const named = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" }[c];
    return named || "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
  }) + '"';
  const ref = (iri) => "<" + String(iri).replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()) + ">";
  function turtle(chosen) {
    const out = Object.entries(NS).map(([p, iri]) => "@prefix " + p + ": " + ref(iri) + " .");
    out.push("", "# " + chosen.length + " claim(s) exported from the nnkg page: " + meta.title.replace(/[\r\n]/g, " "), "");
    chosen.forEach(({ claim, edge }) => {
      const s = ref(edge.from), p = ref(edge.predicate), o = ref(edge.to);
      if (!edge.negated) out.push(s + " " + p + " " + o + " .");
      const said = [
        "rdf:subject " + s, "rdf:predicate " + p, "rdf:object " + o,
        "prov:wasDerivedFrom " + ref((sources.get(claim.source) || {}).iri || claim.source),
        "nnkg:quote " + string(claim.quote),
        ...(claim.subject_text ? ["nnkg:subjectText " + string(claim.subject_text)] : []),
        ...(claim.object_text ? ["nnkg:objectText " + string(claim.object_text)] : []),
        "nnkg:start " + Number(claim.start), "nnkg:end " + Number(claim.end),
        "nnkg:certainty " + ref(NS.nnkg + claim.certainty), "nnkg:negated " + (edge.negated ? "true" : "false"),
        ...(claim.population ? ["biolink:population_context_qualifier " + ref(claim.population)] : []),
        ...(claim.exposure ? ["biolink:subject_context_qualifier " + ref(claim.exposure)] : []),
        ...(claim.qualifier_text ? ["nnkg:qualifierText " + string(claim.qualifier_text)] : []),
      ];
      out.push(ref(claim.iri) + " a nnkg:Claim ;\n    " + said.join(" ;\n    ") + " .", "");
    });
    return out.join("\n");
  }
  const download = NnkgExport.download;
  byId("export-csv").addEventListener("click", () => download("nnkg-claims.csv", "text/csv;charset=utf-8", csv(selection())));
  byId("export-ttl").addEventListener("click", () => download("nnkg-claims.ttl", "text/turtle;charset=utf-8", turtle(selection())));

  return { draw, selection, csv, turtle, pane };
};
