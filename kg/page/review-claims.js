"use strict";
/* The claims under review: the draft's candidates and the claims added from a selection,
   what keeps one from being accepted, the curator's actions on them, and the review as the
   server takes it. A part of NnkgReview (review-base.js). */
NnkgReview.claims = (page) => {
  const {data, view, predicates, entities, byName, chosen, created} = page;
  const {own} = NnkgReview;

  function located(text, start, end) {
    if (!text) return null;
    const at = view.find(text, start);
    const length = [...text].length;
    return at >= 0 && at + length <= end ? {start: at, end: at + length} : null;
  }

  const items = data.candidates.map((c) => ({
    n: c.n, status: c.status === "accepted" || c.status === "rejected" ? c.status : "candidate",
    subject: c.subject, predicate: c.predicate, object: c.object, start: c.start, end: c.end,
    subjectText: c.subject_text, objectText: c.object_text, certainty: c.certainty,
    negated: c.negated, cue: c.cue, subjectSpan: null, objectSpan: null, context: page.contextOf(c),
  }));

  /** Where a claim's mention is in the text: as marked, else its words' first place in the quote. */
  function span(item, role) {
    const marked = item[`${role}Span`];
    if (marked && marked.start >= item.start && marked.end <= item.end) return marked;
    return located(item[`${role}Text`], item.start, item.end);
  }

  function problems(item) {
    const found = [];
    const relation = predicates.get(item.predicate);
    if (!relation) found.push(`choose a predicate (${item.predicate} is not one of the ontology's)`);
    for (const role of ["subject", "object"]) {
      const entity = entities.get(item[role]);
      if (!item[role]) found.push(`choose the ${role}'s entity`);
      else if (!entity) found.push(`the ${role} ${item[role]} is no entity the graph or the draft has`);
      else if (relation) {
        const expected = role === "subject" ? relation.domain : relation.range;
        const types = own(data.classes, entity.type) ? data.classes[entity.type] : [];
        if (!types.includes(expected)) {
          found.push(`${entity.label} is a ${entity.type}, but the ${role === "subject" ? "domain" : "range"} of ${relation.label} is ${expected}`);
        }
      }
      if (!item[`${role}Text`] || !span(item, role)) found.push(`mark the ${role}'s words inside the quote (select them, press “set ${role}”)`);
    }
    return [...found, ...page.contextProblems(item)];
  }

  /** The review as the server takes it: each claim as the curator left it. */
  function review() {
    return {
      candidates: items.map((item) => ({
        subject: item.subject, predicate: item.predicate, object: item.object,
        quote: view.slice(item.start, item.end), start: item.start, end: item.end,
        subject_text: item.subjectText, object_text: item.objectText,
        certainty: item.certainty, negated: item.negated, status: item.status, n: item.n,
        ...page.contextPosted(item),
      })),
      xrefs: Object.fromEntries(chosen),
      entities: created.map((e) => ({id: e.id, label: e.label, type: e.type, synonyms: e.synonyms,
        xrefs: e.xrefs.map((x) => ({curie: x.curie, match: x.match}))})),
    };
  }

  function choose(i) {
    if (i !== page.active) page.creating = null;
    page.active = i;
    page.draw();
    view.reveal(items[i].start);
  }

  function update(change) {
    Object.assign(items[page.active], change);
    page.draw();
  }

  function decide(status) {
    const item = items[page.active];
    if (status === "accepted" && problems(item).length) return;
    item.status = status;
    const next = items.findIndex((other, i) => i > page.active && other.status === "candidate");
    if (status !== "candidate" && next >= 0) page.active = next;
    page.draw();
  }

  function selected(what) {
    const span = view.selection();
    if (!span) page.say([`Select the words of the ${what} in the text first.`]);
    return span;
  }

  function setQuote() {
    const span = selected("quote");
    if (!span) return;
    update({start: span.start, end: span.end});
  }

  function setSpan(role) {
    const where = selected(role);
    if (!where) return;
    const item = items[page.active];
    const text = view.slice(where.start, where.end);
    const change = {[`${role}Span`]: where, [`${role}Text`]: text};
    if (!item[role] && byName.has(text.toLowerCase())) change[role] = byName.get(text.toLowerCase());
    if (where.start < item.start || where.end > item.end) page.say([`The ${role} “${text}” lies outside the quote: set the quote first.`]);
    update(change);
  }

  function addClaim() {
    const where = selected("new claim's quote");
    if (!where) return;
    items.push({n: null, status: "candidate", subject: "", predicate: data.predicates[0].name, object: "",
      start: where.start, end: where.end, subjectText: "", objectText: "", certainty: "asserted",
      negated: false, cue: data.addedCue, subjectSpan: null, objectSpan: null, context: {}});
    choose(items.length - 1);
  }

  return {items, active: items.length ? 0 : -1, span, problems, review, choose, update, decide, setQuote, setSpan, addClaim};
};
