"use strict";
/* A claim's context in review: a note on its certainty, and the context it holds in (the
   population, the exposure and the words of the quote that say so), checked by the rules of
   kg/curation/qualifiers.py so that a claim the page lets through validate takes too.
   A part of NnkgReview (review-base.js). */
NnkgReview.context = (page) => {
  const {data, view, entities} = page;
  const {element} = NnkgReview;
  /** The optional claim fields this part edits, as claims.yaml names and orders them. */
  const FIELDS = data.keys.context;

  /** The context fields of a candidate as the draft has them (only the ones it gives). */
  function of(candidate) {
    return Object.fromEntries(FIELDS.filter((k) => typeof candidate[k] === "string").map((k) => [k, candidate[k]]));
  }

  /** The fields to post: the ones set, each once, in claims.yaml's order. */
  function posted(item) {
    return Object.fromEntries(FIELDS.filter((k) => item.context[k]).map((k) => [k, item.context[k]]));
  }

  function set(field, value) {
    const context = {...page.items[page.active].context};
    if (value) context[field] = value;
    else delete context[field];
    page.update({context});
  }

  function problems(item) {
    const {population, exposure, qualifier_text: words} = item.context;
    const found = [];
    const entity = population ? entities.get(population) : null;
    if (population && !entity) found.push(`the population ${population} is no entity the graph or the draft has`);
    else if (entity && !(data.classes[entity.type] || []).includes(data.populationClass)) {
      found.push(`the population ${entity.label} is a ${entity.type}, not a ${data.populationClass}`);
    }
    if (exposure && !data.exposures.includes(exposure)) found.push(`${exposure} is no exposure of the ontology`);
    if ((population || exposure) && !words) found.push("mark the words of the quote that give the context (select them, press “set context words”)");
    else if (words && !(population || exposure)) found.push("context words need a population or an exposure");
    else if (words && !view.slice(item.start, item.end).includes(words)) found.push(`the context words “${words}” are not in the quote`);
    return found;
  }

  function choice(id, field, options, item) {
    const select = element("select", {id, onchange: () => set(field, select.value)});
    select.append(new Option("— none —", ""));
    for (const [label, value] of options) select.append(new Option(label, value));
    const value = item.context[field] || "";
    if (value && !options.some(([, v]) => v === value)) select.append(new Option(`${value} (unknown)`, value));
    select.value = value;
    return select;
  }

  function setWords() {
    const where = view.selection();
    if (!where) {
      page.say(["Select the words of the context in the text first."]);
      return;
    }
    set("qualifier_text", view.slice(where.start, where.end));
  }

  /** The editor's rows for the picked claim's context. */
  function rows(item) {
    const note = element("input", {type: "text", id: "certainty-note", value: item.context.certainty_note || "",
      placeholder: "why this certainty, when the wording alone does not say", onchange: () => set("certainty_note", note.value.trim())});
    const groups = data.entities.filter((e) => (data.classes[e.type] || []).includes(data.populationClass));
    const row = (label, id, ...children) => element("div", {class: "row"}, element("label", {htmlFor: id, text: label}), ...children);
    return [
      row("note", "certainty-note", note),
      row("population", "population", choice("population", "population", groups.map((e) => [`${e.label} · ${e.id}`, e.id]), item)),
      row("exposure", "exposure", choice("exposure", "exposure", data.exposures.map((code) => [code, code]), item)),
      row("context", "set-context", element("q", {class: "mention", id: "qualifier-text", text: item.context.qualifier_text || ""}),
        element("button", {type: "button", id: "set-context", text: "set context words", onclick: setWords})),
    ];
  }

  return {contextOf: of, contextPosted: posted, contextProblems: problems, contextRows: rows};
};
