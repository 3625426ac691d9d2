"use strict";
/* The review page of nnkg review: the draft's candidates over the document (document.js),
   an editor for the one picked, accept / reject, claims added from a selection, entities
   created for a mention the draft got wrong or missed, and saving: posted to the local
   server when served, else built here as the files themselves.
   Every string of the draft is shown with textContent or as an option's text, never as
   HTML. */
(() => {
  const data = JSON.parse(document.getElementById("nnkg-review").textContent);
  const KEYS = data.keys;
  const view = new NnkgDocument(document.getElementById("document"), data.document);
  const predicates = new Map(data.predicates.map((p) => [p.name, p]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const byName = new Map(); // lower-cased label or synonym -> entity id (the first)
  for (const e of data.entities) {
    for (const name of [e.label, ...e.synonyms]) {
      if (typeof name === "string" && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), e.id);
    }
  }
  const chosen = new Map(); // entity id -> [{curie, match}] the curator added
  const created = []; // entities the curator created: {id, label, type, synonyms, xrefs}
  let creating = null; // the new-entity form being filled in, for one role of the claim
  const own = (object, key) => object !== null && typeof object === "object" && Object.hasOwn(object, key);
  const $ = (id) => document.getElementById(id);
  const namesOf = (item) => [item.label, ...(item.synonyms || [])].filter((n) => typeof n === "string");

  function element(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node[key] = value;
    }
    for (const child of children) node.append(child);
    return node;
  }

  // --- the claims under review ------------------------------------------------------------

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
    negated: c.negated, cue: c.cue, subjectSpan: null, objectSpan: null,
  }));
  let active = items.length ? 0 : -1;

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
    return found;
  }

  /** The review as the server takes it: each claim as the curator left it. */
  function review() {
    return {
      candidates: items.map((item) => ({
        subject: item.subject, predicate: item.predicate, object: item.object,
        quote: view.slice(item.start, item.end), start: item.start, end: item.end,
        subject_text: item.subjectText, object_text: item.objectText,
        certainty: item.certainty, negated: item.negated, status: item.status, n: item.n,
      })),
      xrefs: Object.fromEntries(chosen),
      entities: created.map((e) => ({id: e.id, label: e.label, type: e.type, synonyms: e.synonyms,
        xrefs: e.xrefs.map((x) => ({curie: x.curie, match: x.match}))})),
    };
  }

  // --- entities the curator creates --------------------------------------------------------

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
    const item = items[active];
    const relation = predicates.get(item.predicate);
    const expected = relation ? (role === "subject" ? relation.domain : relation.range) : "";
    const label = item[`${role}Text`] || "";
    creating = {role, label, id: slug(label), idEdited: false, synonyms: "", xref: null,
      type: data.entityClasses.includes(expected) ? expected : "", suggestions: null};
    draw();
    lookUp();
  }

  /** The lexicon's suggestions for the form's label: the served page asks its server. */
  async function lookUp() {
    const form = creating;
    if (!form || !data.served || !form.label.trim()) return;
    try {
      const response = await fetch(`suggest?name=${encodeURIComponent(form.label.trim())}`);
      const answer = response.ok ? await response.json() : {suggestions: []};
      if (creating === form) {
        form.suggestions = answer.suggestions;
        drawSuggestions();
      }
    } catch (error) {
      say([`The review server did not answer (${error}); is nnkg review --serve still running?`]);
    }
  }

  function drawSuggestions() {
    const list = $("new-suggestions");
    const form = creating;
    if (!list || !form) return;
    if (!data.served) {
      list.replaceChildren(element("li", {text: "Standard IDs from the lexicon need the served page (nnkg review --serve)."}));
      return;
    }
    const pick = (s, match) => element("button", {type: "button", text: match, title: `${s.curie} as a ${match} match`,
      onclick: () => {
        form.xref = {curie: s.curie, match, seen_in: s.seen_in, label: s.label};
        if (!form.type && data.entityClasses.includes(s.type)) form.type = s.type;
        draw();
      }});
    list.replaceChildren(...(form.suggestions || []).map((s) => element("li", {},
      `${s.curie} ${s.label} (${s.type ?? "?"}, ${s.score}) `, pick(s, "exact"), " ", pick(s, "close"))));
  }

  function entityForm() {
    const form = creating;
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
        element("button", {type: "button", id: "new-xref-remove", text: "remove", onclick: () => { form.xref = null; draw(); }}))
      : element("span", {text: "none (choose one of the suggestions below, or none)"});
    const row = (text, control, forId) => element("div", {class: "row"}, element("label", {htmlFor: forId, text}), control);
    const section = element("section", {class: "new-entity", id: "new-entity"},
      element("h3", {text: `New entity for the ${form.role}`}),
      row("label", label, "new-label"), row("id", id, "new-id"), row("type", type, "new-type"),
      row("synonyms", synonyms, "new-synonyms"), element("div", {class: "row"}, element("label", {text: "standard ID"}), xref),
      element("ul", {class: "suggestions", id: "new-suggestions"}), problemList,
      element("div", {class: "actions"}, create,
        element("button", {type: "button", id: "cancel-entity", text: "cancel", onclick: () => { creating = null; draw(); }})));
    check();
    return section;
  }

  function createEntity() {
    const form = creating;
    if (formProblems(form).length) return;
    const entity = {id: form.id, label: form.label.trim(), type: form.type, synonyms: synonymsOf(form.synonyms),
      xrefs: form.xref ? [{curie: form.xref.curie, match: form.xref.match, seen_in: form.xref.seen_in}] : [],
      suggestions: [], origin: "new"};
    created.push(entity);
    data.entities.push(entity);
    entities.set(entity.id, entity);
    for (const name of namesOf(entity)) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), entity.id);
    creating = null;
    update({[form.role]: entity.id});
  }

  // --- the files, as kg/ingest/reviewsave.py composes them --------------------------------------

  const pick = (item, keys) => Object.fromEntries(keys.filter((k) => own(item, k)).map((k) => [k, item[k]]));
  const fold = (name) => (own(data.folded, name) ? data.folded[name] : name.toUpperCase().toLowerCase());
  /** Where a suggestion the curator chose for an entity was seen (reviewsave's rule). */
  function seenIn(id, curie) {
    const entity = entities.get(id);
    const suggestion = entity ? entity.suggestions.find((s) => s && s.curie === curie) : null;
    return (suggestion && suggestion.seen_in) || data.chosenSeenIn;
  }

  function withXrefs(item, picked, order) {
    const xrefs = Array.isArray(item.xrefs) ? [...item.xrefs] : [];
    const have = new Set(xrefs.map((x) => x && x.curie));
    for (const x of picked) {
      if (have.has(x.curie)) continue;
      have.add(x.curie);
      xrefs.push({curie: x.curie, match: x.match, seen_in: seenIn(item.id, x.curie)});
    }
    if (xrefs.length === (Array.isArray(item.xrefs) ? item.xrefs.length : 0)) return item;
    const merged = {...item, xrefs};
    const keys = order.filter((k) => own(merged, k)).concat(Object.keys(merged).filter((k) => !order.includes(k)));
    return Object.fromEntries(keys.map((k) => [k, merged[k]]));
  }

  function catalogueItem(proposal, taken) { // kg/ingest/accept.py's _entity
    const entity = pick(proposal, KEYS.entity);
    const synonyms = (entity.synonyms || []).filter((s) => !taken.has(fold(s)));
    if (synonyms.length) entity.synonyms = synonyms;
    else delete entity.synonyms;
    return entity;
  }

  function compose(posted) {
    const final = new Map(data.candidates.map((c) => [c.n, c]));
    let following = Math.max(0, ...[...final.keys()].filter(Number.isInteger)) + 1;
    const numbers = [];
    for (const item of posted.candidates) {
      let {n} = item;
      let cue = data.addedCue;
      if (n === null) n = following++;
      else cue = own(final.get(n), "cue") ? final.get(n).cue : "";
      final.set(n, {...pick(item, KEYS.claim), status: item.status, n, cue});
      numbers.push(n);
    }
    const candidates = [...final.keys()].sort((a, b) => a - b).map((n) => final.get(n));
    const key = (c) => JSON.stringify(["subject", "predicate", "object", "start", "end"].map((k) => (own(c, k) ? c[k] : null)));
    const ours = new Set([...data.candidates.filter((c) => c.status === "accepted"),
      ...candidates.filter((c) => c.status !== "candidate")].map(key));
    const kept = data.claims.filter((c) => !ours.has(key(c)));
    const claims = kept.concat(candidates.filter((c) => c.status === "accepted").map((c) => pick(c, KEYS.claim)));

    const xrefsOf = (id) => (own(posted.xrefs, id) ? posted.xrefs[id] : []);
    const entityList = data.ownEntities.map((e) => withXrefs(e, xrefsOf(e.id), KEYS.entity));
    const defined = new Set([...data.graphIds, ...data.ownEntities.map((e) => e.id)]);
    const taken = new Set(data.taken);
    const ownIds = new Set(data.proposals.map((p) => p.id));
    const createdProposals = created.filter((e) => !ownIds.has(e.id)).map((e) => ({id: e.id, label: e.label,
      ...(e.synonyms.length ? {synonyms: e.synonyms} : {}), type: e.type, ...(e.xrefs.length ? {xrefs: e.xrefs} : {}),
      status: "candidate"}));
    const proposals = new Map([...data.proposals, ...createdProposals].map((p) => [p.id, p]));
    for (const claim of claims.slice(kept.length)) {
      for (const id of [claim.subject, claim.object]) {
        const proposal = proposals.get(id) || (own(data.otherProposals, id) ? data.otherProposals[id] : null);
        if (defined.has(id) || !proposal) continue;
        const item = withXrefs(catalogueItem(proposal, taken), xrefsOf(id), KEYS.entity);
        entityList.push(item);
        defined.add(id);
        for (const name of namesOf(item)) taken.add(fold(name));
      }
    }
    const newProposals = data.proposals.map((p) => withXrefs(p, xrefsOf(p.id), KEYS.proposal)).concat(createdProposals);
    const files = {};
    if (entityList.length || data.hasEntitiesFile) files["entities.yaml"] = dumpItems(entityList);
    files["claims.yaml"] = dumpItems(claims, data.headers["claims.yaml"]);
    if (newProposals.length !== data.proposals.length || newProposals.some((p, i) => p !== data.proposals[i])) {
      files["candidate-entities.yaml"] = dumpItems(newProposals, data.headers["candidate-entities.yaml"]);
    }
    files["candidates.yaml"] = dumpItems(candidates, data.headers["candidates.yaml"]);
    return {files, numbers};
  }

  // --- YAML as kg/ingest/folder.py dump_items writes it (PyYAML's safe_dump, block style,
  //     unicode as it is, no folding): the scalar rules of PyYAML's emitter, ported ------

  const BREAKS = "\n\x85\u2028\u2029";
  const BLANKS = "\0 \t\r\n\x85\u2028\u2029";
  const IMPLICIT = [ // PyYAML's resolvers: a plain scalar that reads as anything but text
    ["yYnNtTfFoO", /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/],
    ["-+0123456789.", /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
    ["-+0123456789", /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/],
    ["<", /^(?:<<)$/],
    ["~nN", /^(?:~|null|Null|NULL|)$/],
    ["0123456789", /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/],
    ["=", /^(?:=)$/],
    ["!&*", /^(?:!|&|\*)$/],
  ];
  const ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0B": "v",
    "\x0C": "f", "\r": "r", "\x1B": "e", "\"": "\"", "\\": "\\", "\x85": "N", "\xA0": "_",
    "\u2028": "L", "\u2029": "P"};

  const readsAsText = (s) => s !== "" && !IMPLICIT.some(([first, re]) => first.includes(s[0]) && re.test(s));

  function styleOf(chars) { // PyYAML's analyze_scalar and choose_scalar_style, block context
    if (!chars.length) return "'";
    let block = chars.join("").startsWith("---") || chars.join("").startsWith("...");
    let breaks = false, special = false;
    let edge = false, breakSpace = false, spaceBreak = false; // edge: a blank first or last
    let previousSpace = false, previousBreak = false;
    for (let i = 0; i < chars.length; i += 1) {
      const ch = chars[i];
      const before = i === 0 || BLANKS.includes(chars[i - 1]);
      const after = i + 1 >= chars.length || BLANKS.includes(chars[i + 1]);
      if (i === 0) {
        if ("#,[]{}&*!|>'\"%@`".includes(ch)) block = true;
        if ("?:".includes(ch) && after) block = true;
        if (ch === "-" && after) block = true;
      } else {
        if (ch === ":" && after) block = true;
        if (ch === "#" && before) block = true;
      }
      if (BREAKS.includes(ch)) breaks = true;
      const code = ch.codePointAt(0);
      if (!(ch === "\n" || (code >= 0x20 && code <= 0x7e))) {
        const unicode = (code === 0x85 || (code >= 0xa0 && code <= 0xd7ff)
          || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code < 0x10ffff)) && code !== 0xfeff;
        if (!unicode) special = true;
      }
      if (ch === " ") {
        if (i === 0 || i === chars.length - 1) edge = true;
        if (previousBreak) breakSpace = true;
        [previousSpace, previousBreak] = [true, false];
      } else if (BREAKS.includes(ch)) {
        if (i === 0 || i === chars.length - 1) edge = true;
        if (previousSpace) spaceBreak = true;
        [previousSpace, previousBreak] = [false, true];
      } else {
        [previousSpace, previousBreak] = [false, false];
      }
    }
    const plain = !(edge || breakSpace || spaceBreak || special || breaks || block);
    if (plain && readsAsText(chars.join(""))) return "";
    return breakSpace || spaceBreak || special ? "\"" : "'";
  }

  function singleQuoted(chars, indent) { // PyYAML's write_single_quoted, never folding
    let out = "'";
    let spaces = false, breaks = false, start = 0;
    for (let end = 0; end <= chars.length; end += 1) {
      const ch = end < chars.length ? chars[end] : null;
      if (spaces) {
        if (ch !== " ") {
          out += chars.slice(start, end).join("");
          start = end;
        }
      } else if (breaks) {
        if (ch === null || !BREAKS.includes(ch)) {
          if (chars[start] === "\n") out += "\n";
          out += chars.slice(start, end).join("") + " ".repeat(indent);
          start = end;
        }
      } else if (ch === null || " \n\x85\u2028\u2029'".includes(ch)) {
        out += chars.slice(start, end).join("");
        start = end;
      }
      if (ch === "'") {
        out += "''";
        start = end + 1;
      }
      if (ch !== null) [spaces, breaks] = [ch === " ", BREAKS.includes(ch)];
    }
    return out + "'";
  }

  function doubleQuoted(chars) { // PyYAML's write_double_quoted, never folding
    const hex = (code, width) => code.toString(16).toUpperCase().padStart(width, "0");
    return "\"" + chars.map((ch) => {
      const code = ch.codePointAt(0);
      const plain = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd);
      if (plain && !"\"\\\x85\u2028\u2029\uFEFF".includes(ch)) return ch;
      if (own(ESCAPES, ch)) return "\\" + ESCAPES[ch];
      if (code <= 0xff) return "\\x" + hex(code, 2);
      return code <= 0xffff ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8);
    }).join("") + "\"";
  }

  function scalar(value, indent, key) {
    if (value === null) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    // a suggestion's score is a float in Python (YAML "1.0"), which JSON brings as 1
    if (typeof value === "number") return key === "score" && Number.isInteger(value) ? value.toFixed(1) : String(value);
    const chars = [...value];
    const style = styleOf(chars);
    if (style === "") return value;
    return style === "'" ? singleQuoted(chars, indent) : doubleQuoted(chars);
  }

  /** A block mapping whose keys stand at column ``column``; the first key's indentation is
      the caller's (after "- "). */
  function mapping(object, column) {
    return Object.entries(object).map(([key, value], i) => {
      const pad = i ? " ".repeat(column) : "";
      if (!Array.isArray(value)) return `${pad}${key}: ${scalar(value, column + 2, key)}\n`;
      if (!value.length) return `${pad}${key}: []\n`;
      return `${pad}${key}:\n` + value.map((element) => `${" ".repeat(column)}- `
        + (element !== null && typeof element === "object" ? mapping(element, column + 2) : `${scalar(element, column + 2)}\n`)).join("");
    }).join("");
  }

  function dumpItems(list, header) {
    const head = header ? `# ${header}\n` : "";
    if (!list.length) return head + "[]\n";
    return head + list.map((item) => `\n- ${mapping(item, 2)}`).join("");
  }

  // --- drawing ------------------------------------------------------------------------------

  function entityName(id) {
    const entity = entities.get(id);
    return entity ? entity.label : id || "?";
  }

  function drawDocument() {
    const marks = [];
    items.forEach((item, i) => {
      const here = i === active ? ["nnkg-mark-active"] : [];
      const state = item.status === "candidate" ? [] : [`nnkg-mark-${item.status}`];
      marks.push({start: item.start, end: item.end, classes: ["nnkg-mark-quote", ...state, ...here], key: i});
      for (const role of ["subject", "object"]) {
        const where = span(item, role);
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
      const row = element("li", {class: `${item.status}${i === active ? " active" : ""}`, onclick: () => choose(i)},
        element("span", {class: "status", text: `#${item.n ?? "new"} ${item.status}`}),
        `${entityName(item.subject)} ${item.negated ? "NOT " : ""}`
        + `${predicates.get(item.predicate)?.label ?? item.predicate} ${entityName(item.object)}`);
      row.dataset.n = String(item.n ?? "new");
      return row;
    }));
  }

  function entitySelect(id, role, item) {
    const select = element("select", {id, onchange: () => update({[role]: select.value})});
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
    if (active < 0) {
      editor.replaceChildren(element("p", {text: "No drafted claims: select a sentence in the text and press “new claim from selection”."}));
      return;
    }
    const item = items[active];
    const predicate = element("select", {id: "predicate", onchange: () => update({predicate: predicate.value})});
    for (const p of data.predicates) predicate.append(new Option(`${p.label} (${p.domain} → ${p.range})`, p.name));
    if (!predicates.has(item.predicate)) predicate.append(new Option(`${item.predicate} (unknown)`, item.predicate));
    predicate.value = item.predicate;
    const certainty = element("select", {id: "certainty", onchange: () => update({certainty: certainty.value})});
    for (const c of ["asserted", "hedged"]) certainty.append(new Option(c, c));
    if (!["asserted", "hedged"].includes(item.certainty)) certainty.append(new Option(item.certainty, item.certainty));
    certainty.value = item.certainty;
    const negated = element("input", {type: "checkbox", id: "negated", checked: item.negated,
      onchange: () => update({negated: negated.checked})});
    const found = problems(item);
    const button = (id, text, onclick, disabled = false) => element("button", {type: "button", id, text, onclick, disabled});
    editor.replaceChildren(
      element("h2", {text: item.n === null ? "New claim" : `Claim #${item.n} (${item.status})`}),
      element("div", {class: "cue", text: item.cue ? `found by: ${item.cue}` : ""}),
      element("div", {class: "quote", id: "quote", text: view.slice(item.start, item.end)}),
      element("div", {class: "row"}, element("label", {htmlFor: "subject-entity", text: "subject"}),
        entitySelect("subject-entity", "subject", item), element("q", {class: "mention", id: "subject-text", text: item.subjectText}),
        button("set-subject", "set subject", () => setSpan("subject")), button("new-subject", "new entity…", () => openForm("subject"))),
      creating && creating.role === "subject" ? entityForm() : "",
      entityInfo(item.subject),
      element("div", {class: "row"}, element("label", {htmlFor: "predicate", text: "predicate"}), predicate),
      element("div", {class: "row"}, element("label", {htmlFor: "object-entity", text: "object"}),
        entitySelect("object-entity", "object", item), element("q", {class: "mention", id: "object-text", text: item.objectText}),
        button("set-object", "set object", () => setSpan("object")), button("new-object", "new entity…", () => openForm("object"))),
      creating && creating.role === "object" ? entityForm() : "",
      entityInfo(item.object),
      element("div", {class: "row"}, element("label", {htmlFor: "certainty", text: "certainty"}), certainty,
        element("label", {}, negated, " negated (the text denies it)")),
      element("ul", {class: "problems", id: "problems"}, ...found.map((text) => element("li", {text}))),
      element("div", {class: "actions"},
        button("set-quote", "set quote", setQuote),
        button("accept", "accept", () => decide("accepted"), found.length > 0),
        button("reject", "reject", () => decide("rejected")),
        button("undo", "back to candidate", () => decide("candidate"), item.status === "candidate")),
    );
  }

  function draw() {
    drawDocument();
    drawCounter();
    drawList();
    drawEditor();
    drawSuggestions();
  }

  // --- acting ---------------------------------------------------------------------------------

  function say(lines, kind = "") {
    $("messages").replaceChildren(...lines.map((text) => element("li", {class: kind, text})));
  }

  function choose(i) {
    if (i !== active) creating = null;
    active = i;
    draw();
    view.reveal(items[i].start);
  }

  function update(change) {
    Object.assign(items[active], change);
    draw();
  }

  function decide(status) {
    const item = items[active];
    if (status === "accepted" && problems(item).length) return;
    item.status = status;
    const next = items.findIndex((other, i) => i > active && other.status === "candidate");
    if (status !== "candidate" && next >= 0) active = next;
    draw();
  }

  function selected(what) {
    const span = view.selection();
    if (!span) say([`Select the words of the ${what} in the text first.`]);
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
    const item = items[active];
    const text = view.slice(where.start, where.end);
    const change = {[`${role}Span`]: where, [`${role}Text`]: text};
    if (!item[role] && byName.has(text.toLowerCase())) change[role] = byName.get(text.toLowerCase());
    if (where.start < item.start || where.end > item.end) say([`The ${role} “${text}” lies outside the quote: set the quote first.`]);
    update(change);
  }

  function addClaim() {
    const where = selected("new claim's quote");
    if (!where) return;
    items.push({n: null, status: "candidate", subject: "", predicate: data.predicates[0].name, object: "",
      start: where.start, end: where.end, subjectText: "", objectText: "", certainty: "asserted",
      negated: false, cue: data.addedCue, subjectSpan: null, objectSpan: null});
    choose(items.length - 1);
  }

  async function save() {
    const unfit = items.filter((item) => item.status === "accepted" && problems(item).length);
    if (unfit.length) {
      say(unfit.map((item) => `claim #${item.n ?? "new"}: ${problems(item).join("; ")}`));
      return;
    }
    if (data.served) await post(review());
    else offer(compose(review()).files);
  }

  async function post(body) {
    $("save-status").textContent = "saving…";
    try {
      const response = await fetch("save", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      const type = response.headers.get("Content-Type") || "";
      const answer = type.startsWith("application/json") ? await response.json() : {problems: [(await response.text()).trim()]};
      if (!response.ok) {
        $("save-status").textContent = "not saved";
        say(answer.problems || [`${response.status}`]);
        return;
      }
      answer.numbers.forEach((n, i) => { items[i].n = n; });
      $("save-status").textContent = `saved ${answer.written.join(", ")}`;
      say([`Saved: ${answer.accepted} accepted, ${answer.rejected} rejected, ${answer.left} left to review.`], "ok");
      for (const text of answer.warnings) $("messages").append(element("li", {class: "warning", text}));
      draw();
    } catch (error) {
      $("save-status").textContent = "not saved";
      say([`The review server did not answer (${error}); is nnkg review --serve still running?`]);
    }
  }

  let urls = [];
  function offer(files) {
    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
    const links = Object.entries(files).map(([name, text]) => {
      const url = URL.createObjectURL(new Blob([text], {type: "application/yaml"}));
      urls.push(url);
      return element("a", {href: url, download: name, text: `download ${name}`});
    });
    $("downloads").replaceChildren(`Save these into the source folder ${data.source.id}/, replacing the files there: `, ...links);
    $("save-status").textContent = "files ready";
    say([]);
  }

  view.onPick = (keys) => {
    const at = keys.indexOf(active);
    choose(at >= 0 ? keys[(at + 1) % keys.length] : keys[0]);
  };
  $("add").addEventListener("click", addClaim);
  $("save").addEventListener("click", save);
  const title = `nnkg review: ${data.source.title || data.source.id}`;
  $("title").textContent = title;
  document.title = title;
  draw();
  window.nnkgReview = {view, items, review, compose, dumpItems, slug, ready: true};
})();
