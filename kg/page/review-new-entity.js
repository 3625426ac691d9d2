"use strict";
/* The new-entity form: an entity the curator creates for a mention the graph has no entity
   for, its id a slug of its label, checked as the curation will check it, a standard ID
   picked among the lexicon's suggestions (which only the served page can ask its server
   for). A part of NnkgReview (review-base.js). */
NnkgReview.newEntity = (page) => {
  const {data, items, predicates, entities, byName, created} = page;
  const {$, element, namesOf} = NnkgReview;

  const GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ω": "omega", "κ": "kappa"};
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  /** An entity id from a label, as nnkg ingest makes one (kg/ingest/proposals.py). */
  function slug(label) {
    const text = [...label].map((c) => GREEK[c] ?? c).join("").toLowerCase().normalize("NFKD");
    const ascii = [...text].filter((c) => c.charCodeAt(0) < 128 && !"'’".includes(c)).join("");
    return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "entity";
  }

  const synonymsOf = (text) => [...new Set(text.split(";").map((s) => s.trim()).filter(Boolean))];

  function formProblems(form) {
    const found = [];
    const names = [form.label.trim(), ...synonymsOf(form.synonyms)].filter(Boolean);
    const taken = new Set([...data.taken, ...created.flatMap(namesOf).map((n) => n.toLowerCase())]);
    if (!form.label.trim()) found.push("give the entity a label");
    if (!SLUG.test(form.id)) found.push("the id must be a lower-case slug like 'vitamin-b12'");
    else if (entities.has(form.id)) found.push(`the id ${form.id} is an entity's already: give another`);
    if (!data.entityClasses.includes(form.type)) found.push("choose its type");
    for (const name of names) if (taken.has(name.toLowerCase())) found.push(`“${name}” already names an entity`);
    return found;
  }

  function openForm(role) {
    const item = items[page.active];
    const relation = predicates.get(item.predicate);
    const expected = relation ? (role === "subject" ? relation.domain : relation.range) : "";
    const label = item[`${role}Text`] || "";
    page.creating = {role, label, id: slug(label), idEdited: false, synonyms: "", xref: null,
      type: data.entityClasses.includes(expected) ? expected : "", suggestions: null};
    page.draw();
    lookUp();
  }

  /** The lexicon's suggestions for the form's label: the served page asks its server. */
  async function lookUp() {
    const form = page.creating;
    if (!form || !data.served || !form.label.trim()) return;
    try {
      const response = await fetch(`suggest?name=${encodeURIComponent(form.label.trim())}`);
      const answer = response.ok ? await response.json() : {suggestions: []};
      if (page.creating === form) {
        form.suggestions = answer.suggestions;
        drawSuggestions();
      }
    } catch (error) {
      page.say([`The review server did not answer (${error}); is nnkg review --serve still running?`]);
    }
  }

  function drawSuggestions() {
    const list = $("new-suggestions");
    const form = page.creating;
    if (!list || !form) return;
    if (!data.served) {
      list.replaceChildren(element("li", {text: "Standard IDs from the lexicon need the served page (nnkg review --serve)."}));
      return;
    }
    const pick = (s, match) => element("button", {type: "button", text: match, title: `${s.curie} as a ${match} match`,
      onclick: () => {
        form.xref = {curie: s.curie, match, seen_in: s.seen_in, label: s.label};
        if (!form.type && data.entityClasses.includes(s.type)) form.type = s.type;
        page.draw();
      }});
    list.replaceChildren(...(form.suggestions || []).map((s) => element("li", {},
      `${s.curie} ${s.label} (${s.type ?? "?"}, ${s.score}) `, pick(s, "exact"), " ", pick(s, "close"))));
  }

  function entityForm() {
    const form = page.creating;
    const problemList = element("ul", {class: "problems", id: "new-problems"});
    const create = element("button", {type: "button", id: "create-entity", text: "create entity", onclick: () => createEntity()});
    const check = () => {
      const found = formProblems(form);
      problemList.replaceChildren(...found.map((text) => element("li", {text})));
      create.disabled = found.length > 0;
    };
    const id = element("input", {id: "new-id", value: form.id, oninput: () => { form.id = id.value; form.idEdited = true; check(); }});
    const label = element("input", {id: "new-label", value: form.label, oninput: () => {
      form.label = label.value;
      if (!form.idEdited) id.value = form.id = slug(form.label);
      check();
    }, onchange: () => lookUp()});
    const type = element("select", {id: "new-type", onchange: () => { form.type = type.value; check(); }});
    type.append(new Option("— choose —", ""), ...data.entityClasses.map((c) => new Option(c, c)));
    type.value = form.type;
    const synonyms = element("input", {id: "new-synonyms", value: form.synonyms, placeholder: "name; other name",
      oninput: () => { form.synonyms = synonyms.value; check(); }});
    const xref = form.xref
      ? element("span", {}, `${form.xref.curie} ${form.xref.label} (${form.xref.match}) `,
        element("button", {type: "button", id: "new-xref-remove", text: "remove", onclick: () => { form.xref = null; page.draw(); }}))
      : element("span", {text: "none (choose one of the suggestions below, or none)"});
    const row = (text, control, forId) => element("div", {class: "row"}, element("label", {htmlFor: forId, text}), control);
    const section = element("section", {class: "new-entity", id: "new-entity"},
      element("h3", {text: `New entity for the ${form.role}`}),
      row("label", label, "new-label"), row("id", id, "new-id"), row("type", type, "new-type"),
      row("synonyms", synonyms, "new-synonyms"), element("div", {class: "row"}, element("label", {text: "standard ID"}), xref),
      element("ul", {class: "suggestions", id: "new-suggestions"}), problemList,
      element("div", {class: "actions"}, create,
        element("button", {type: "button", id: "cancel-entity", text: "cancel", onclick: () => { page.creating = null; page.draw(); }})));
    check();
    return section;
  }

  function createEntity() {
    const form = page.creating;
    if (formProblems(form).length) return;
    const entity = {id: form.id, label: form.label.trim(), type: form.type, synonyms: synonymsOf(form.synonyms),
      xrefs: form.xref ? [{curie: form.xref.curie, match: form.xref.match, seen_in: form.xref.seen_in}] : [],
      suggestions: [], origin: "new"};
    created.push(entity);
    data.entities.push(entity);
    entities.set(entity.id, entity);
    for (const name of namesOf(entity)) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), entity.id);
    page.creating = null;
    page.update({[form.role]: entity.id});
  }

  return {slug, openForm, entityForm, drawSuggestions};
};
