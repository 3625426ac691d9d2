"use strict";
/* The review page's namespace. Each part of the page (review-*.js) adds itself here and
   leaves nothing else global; kg/ingest/review.py inlines them in order, this one first and
   review.js, which boots the page, last. A part that keeps state is a function of the page:
   the object review.js builds, holding the draft, the shared state and every part's
   functions, which the parts call through it. Also the small helpers the parts share. */
const NnkgReview = {
  own: (object, key) => object !== null && typeof object === "object" && Object.hasOwn(object, key),
  $: (id) => document.getElementById(id),
  namesOf: (item) => [item.label, ...(item.synonyms || [])].filter((n) => typeof n === "string"),

  element(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node[key] = value;
    }
    for (const child of children) node.append(child);
    return node;
  },
};
