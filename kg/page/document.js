"use strict";
/* The document view: a source's text as it is, with marked spans (quotes, mentions), and
   the curator's selection read back as offsets. A component: the review page uses it, and
   the graph page can show a source the same way.

   Offsets are those of nnkg's files: Python str indices, i.e. code points. JavaScript
   strings count UTF-16 units, so a character outside the BMP (an emoji, say) is one
   offset in the files and two here; the view converts both ways, and never lets a span
   end inside such a character. The text is only ever set with text nodes. */
class NnkgDocument {
  constructor(container, text) {
    this.container = container;
    this.text = text;
    const starts = [0]; // code point -> UTF-16 index
    const points = new Int32Array(text.length + 1); // UTF-16 index -> code point
    let point = 0;
    for (let i = 0; i < text.length; point += 1) {
      const unit = text.charCodeAt(i);
      const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length
        && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      points[i] = point;
      if (pair) points[i + 1] = point; // the middle of a pair belongs to its character
      i += pair ? 2 : 1;
      starts.push(i);
    }
    points[text.length] = point;
    this.length = point;
    this.starts = Int32Array.from(starts);
    this.points = points;
    this.segments = []; // [{node, start, end, keys}] in UTF-16 units
    this.onPick = null;
    container.addEventListener("click", (event) => this.picked(event));
  }

  /** The UTF-16 index of code point offset ``point``. */
  unit(point) {
    return this.starts[Math.max(0, Math.min(point, this.length))];
  }

  /** The code point offset of UTF-16 index ``unit``; ``up``: round a split pair up. */
  point(unit, up = false) {
    const point = this.points[Math.max(0, Math.min(unit, this.text.length))];
    return up && this.starts[point] < unit ? point + 1 : point;
  }

  /** The text between two code point offsets, as Python's ``text[start:end]``. */
  slice(start, end) {
    return this.text.slice(this.unit(start), this.unit(end));
  }

  /** The code point offset of the first ``part`` at or after ``from``, or -1. */
  find(part, from = 0) {
    const at = this.text.indexOf(part, this.unit(from));
    return at < 0 ? -1 : this.point(at);
  }

  /** Draw the text with ``marks``: [{start, end, classes, key}] in code points. Where marks
      overlap, a piece carries every one's classes; ``keys`` (the marks' keys, innermost
      last) go to ``onPick(keys)`` when the piece is clicked. */
  render(marks) {
    const edges = new Set([0, this.text.length]);
    const spans = marks.map((m) => ({...m, from: this.unit(m.start), to: this.unit(m.end)}));
    for (const m of spans) edges.add(m.from).add(m.to);
    const cuts = [...edges].sort((a, b) => a - b);
    const opening = new Map(); // UTF-16 index -> marks that open there
    for (const m of spans) {
      if (m.from < m.to) (opening.get(m.from) || opening.set(m.from, []).get(m.from)).push(m);
    }
    let open = [];
    const pieces = document.createDocumentFragment();
    this.segments = [];
    for (let i = 0; i + 1 < cuts.length; i += 1) {
      const [start, end] = [cuts[i], cuts[i + 1]];
      open = open.filter((m) => m.to > start).concat(opening.get(start) || []);
      if (start === end) continue;
      const piece = document.createElement("span");
      for (const m of open) piece.classList.add(...m.classes);
      piece.appendChild(document.createTextNode(this.text.slice(start, end)));
      const keys = [...new Set(open.map((m) => m.key))];
      this.segments.push({node: piece, start, end, keys});
      pieces.appendChild(piece);
    }
    this.container.replaceChildren(pieces);
    this.byNode = new Map(this.segments.map((s) => [s.node, s]));
  }

  picked(event) {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // a drag that selects text picks nothing
    const segment = this.byNode.get(event.target);
    if (segment && segment.keys.length && this.onPick) this.onPick(segment.keys);
  }

  /** The UTF-16 index of a DOM position inside the view, or null outside it. */
  offsetOf(node, offset) {
    if (!this.container.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) return this.byNode.get(node.parentNode).start + offset;
    if (node === this.container) {
      const child = node.childNodes[offset];
      return child ? this.byNode.get(child).start : this.text.length;
    }
    const segment = this.byNode.get(node);
    return offset > 0 ? segment.end : segment.start;
  }

  /** The selected span (code points, whitespace at either end left out), or null when
      nothing of the text is selected. */
  selection() {
    const selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    let from = this.offsetOf(range.startContainer, range.startOffset);
    let to = this.offsetOf(range.endContainer, range.endOffset);
    if (from === null || to === null) return null;
    while (from < to && /\s/.test(this.text[from])) from += 1;
    while (to > from && /\s/.test(this.text[to - 1])) to -= 1;
    if (from >= to) return null;
    return {start: this.point(from), end: this.point(to, true)};
  }

  /** Select the span ``start``–``end`` (code points) in the page, as a curator would. */
  select(start, end) {
    const [from, to] = [this.unit(start), this.unit(end)];
    const at = (unit) => {
      const segment = this.segments.find((s) => s.start <= unit && unit <= s.end);
      return [segment.node.firstChild, unit - segment.start];
    };
    const range = document.createRange();
    range.setStart(...at(from));
    range.setEnd(...at(to));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** Scroll the piece holding code point ``point`` into view. */
  reveal(point) {
    const unit = this.unit(point);
    const segment = this.segments.find((s) => s.start <= unit && unit < s.end);
    if (segment) segment.node.scrollIntoView({block: "center"});
  }
}
window.NnkgDocument = NnkgDocument;
