"use strict";
/* Drawing the page from its state: the marks in the document, the counter, the list of
   claims, the editor of the one picked (with the new-entity form when one is open) and the
   messages. A part of NnkgReview (review-base.js). */
NnkgReview.editor = (page) => {
  const {data, view, items, predicates, entities, chosen} = page;
  const {$, element} = NnkgReview;

  function entityName(id) {
    const entity = entities.get(id);
    return entity ? entity.label : id || "?";
  }

  function drawDocument() {
    const marks = [];
    items.forEach((item, i) => {
      const here = i === page.active ? ["nnkg-mark-active"] : [];
      const state = item.status === "candidate" ? [] : [`nnkg-mark-${item.status}`];
      marks.push({start: item.start, end: item.end, classes: ["nnkg-mark-quote", ...state, ...here], key: i});
      for (const role of ["subject", "object"]) {
        const where = page.span(item, role);
        if (where) marks.push({...where, classes: [`nnkg-mark-${role}`, ...here], key: i});
      }
    });
    view.render(marks);
  }

  function drawCounter() {
    const count = (status) => items.filter((item) => item.status === status).length;
    $("counter").textContent = `${count("candidate")} of ${items.length} left to review `
      + `(${count("accepted")} accepted, ${count("rejected")} rejected)`;
  }

  function drawList() {
    $("claims").replaceChildren(...items.map((item, i) => {
      const row = element("li", {class: `${item.status}${i === page.active ? " active" : ""}`, onclick: () => page.choose(i)},
        element("span", {class: "status", text: `#${item.n ?? "new"} ${item.status}`}),
        `${entityName(item.subject)} ${item.negated ? "NOT " : ""}`
        + `${predicates.get(item.predicate)?.label ?? item.predicate} ${entityName(item.object)}`);
      row.dataset.n = String(item.n ?? "new");
      return row;
    }));
  }

  function entitySelect(id, role, item) {
    const select = element("select", {id, onchange: () => page.update({[role]: select.value})});
    select.append(new Option("— choose —", ""));
    const groups = [["new", "created in this review"], ["proposed", "proposed by nnkg ingest"], ["source", "this source's entities"],
      ["other draft", "proposed by other drafts"], ["graph", "in the graph"]];
    for (const [origin, label] of groups) {
      const group = element("optgroup", {label});
      for (const e of data.entities.filter((x) => x.origin === origin)) {
        group.append(new Option(`${e.label} · ${e.type} · ${e.id}`, e.id));
      }
      if (group.children.length) select.append(group);
    }
    if (item[role] && !entities.has(item[role])) select.append(new Option(`${item[role]} (unknown)`, item[role]));
    select.value = item[role];
    return select;
  }

  function entityInfo(id) {
    const entity = entities.get(id);
    if (!entity) return element("div", {class: "info"});
    const picked = chosen.get(id) || [];
    const ids = [...entity.xrefs.map((x) => `${x.curie} (${x.match})`), ...picked.map((x) => `${x.curie} (${x.match}, chosen)`)];
    const where = {graph: "in the graph", new: "created in this review"}[entity.origin] || entity.origin;
    const info = element("div", {class: "info"}, `${where}; standard IDs: ${ids.join(", ") || "none"}`);
    if (entity.origin !== "graph" && picked.length) {
      info.append(" ", element("button", {type: "button", class: "unchoose", text: "undo chosen IDs",
        onclick: () => { chosen.delete(id); draw(); }}));
    }
    if (entity.origin !== "graph" && entity.suggestions.length) {
      const list = element("ul", {class: "suggestions"});
      for (const s of entity.suggestions) {
        const add = (match) => element("button", {type: "button", text: match, title: `add ${s.curie} as a ${match} match`,
          onclick: () => {
            chosen.set(id, [...(chosen.get(id) || []).filter((x) => x.curie !== s.curie), {curie: s.curie, match}]);
            draw();
          }});
        list.append(element("li", {}, `suggested: ${s.curie} ${s.label} (${s.score}) `, add("exact"), " ", add("close")));
      }
      info.append(list);
    }
    return info;
  }

  function drawEditor() {
    const editor = $("editor");
    if (page.active < 0) {
      editor.replaceChildren(element("p", {text: "No drafted claims: select a sentence in the text and press “new claim from selection”."}));
      return;
    }
    const item = items[page.active];
    const predicate = element("select", {id: "predicate", onchange: () => page.update({predicate: predicate.value})});
    for (const p of data.predicates) predicate.append(new Option(`${p.label} (${p.domain} → ${p.range})`, p.name));
    if (!predicates.has(item.predicate)) predicate.append(new Option(`${item.predicate} (unknown)`, item.predicate));
    predicate.value = item.predicate;
    const certainty = element("select", {id: "certainty", onchange: () => page.update({certainty: certainty.value})});
    for (const c of ["asserted", "hedged"]) certainty.append(new Option(c, c));
    if (!["asserted", "hedged"].includes(item.certainty)) certainty.append(new Option(item.certainty, item.certainty));
    certainty.value = item.certainty;
    const negated = element("input", {type: "checkbox", id: "negated", checked: item.negated,
      onchange: () => page.update({negated: negated.checked})});
    const found = page.problems(item);
    const button = (id, text, onclick, disabled = false) => element("button", {type: "button", id, text, onclick, disabled});
    editor.replaceChildren(
      element("h2", {text: item.n === null ? "New claim" : `Claim #${item.n} (${item.status})`}),
      element("div", {class: "cue", text: item.cue ? `found by: ${item.cue}` : ""}),
      element("div", {class: "quote", id: "quote", text: view.slice(item.start, item.end)}),
      element("div", {class: "row"}, element("label", {htmlFor: "subject-entity", text: "subject"}),
        entitySelect("subject-entity", "subject", item), element("q", {class: "mention", id: "subject-text", text: item.subjectText}),
        button("set-subject", "set subject", () => page.setSpan("subject")), button("new-subject", "new entity…", () => page.openForm("subject"))),
      page.creating && page.creating.role === "subject" ? page.entityForm() : "",
      entityInfo(item.subject),
      element("div", {class: "row"}, element("label", {htmlFor: "predicate", text: "predicate"}), predicate),
      element("div", {class: "row"}, element("label", {htmlFor: "object-entity", text: "object"}),
        entitySelect("object-entity", "object", item), element("q", {class: "mention", id: "object-text", text: item.objectText}),
        button("set-object", "set object", () => page.setSpan("object")), button("new-object", "new entity…", () => page.openForm("object"))),
      page.creating && page.creating.role === "object" ? page.entityForm() : "",
      entityInfo(item.object),
      element("div", {class: "row"}, element("label", {htmlFor: "certainty", text: "certainty"}), certainty,
        element("label", {}, negated, " negated (the text denies it)")),
      ...page.contextRows(item),
      element("ul", {class: "problems", id: "problems"}, ...found.map((text) => element("li", {text}))),
      element("div", {class: "actions"},
        button("set-quote", "set quote", page.setQuote),
        button("accept", "accept", () => page.decide("accepted"), found.length > 0),
        button("reject", "reject", () => page.decide("rejected")),
        button("undo", "back to candidate", () => page.decide("candidate"), item.status === "candidate")),
    );
  }

  function draw() {
    drawDocument();
    drawCounter();
    drawList();
    drawEditor();
    page.drawSuggestions();
  }

  function say(lines, kind = "") {
    $("messages").replaceChildren(...lines.map((text) => element("li", {class: kind, text})));
  }

  return {draw, say};
};
