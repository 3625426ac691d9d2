"use strict";
/* YAML as kg/ingest/folder.py dump_items writes it (PyYAML's safe_dump, block style, unicode
   as it is, no folding): the scalar rules of PyYAML's emitter, ported. A part of NnkgReview
   (review-base.js) with no state: review-compose.js writes the files with it. */
NnkgReview.yaml = (() => {
  const {own} = NnkgReview;

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

  return {dumpItems};
})();
