"use strict";
/* The graph page's namespace. Each part of the page (page-*.js) adds itself here and leaves
   nothing else global; kg/page/render.py inlines them as one script, this one first and
   page.js, which boots the page, last. Also the helpers the parts share. Every piece of text
   goes in with textContent (text nodes), never as HTML. */
const NnkgPage = {
  byId: (id) => document.getElementById(id),

  // An element with attributes and children; a child that is not a node becomes text.
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    });
    children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  },

  // The URL a link may point to: http(s) only, so a crafted javascript: or data: IRI stays text.
  webLink(iri) {
    try {
      const url = new URL(iri);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  },
};
