"use strict";
/* What nnkg's pages export, in one place: CSV that a spreadsheet shows and never runs, and
   a text saved as a download (a Blob: made here, offline, nothing sent). kg/page/query.py
   inlines it before the query page's own code. Plain text in, text out. */
const NnkgExport = {
  // A cell a spreadsheet would read as a formula (=, +, -, @, tab, return first) gets a
  // leading apostrophe, so an exported value is shown, never run (OWASP's CSV injection).
  inert: (text) => (/^[=+\-@\t\r]/.test(text) ? "'" + text : text),

  // RFC 4180 CSV of records (arrays of values): every field quoted, quotes doubled, each
  // record ended by CRLF, each field made inert.
  csv: (records) => records
    .map((fields) => fields.map((v) => '"' + NnkgExport.inert(String(v)).replace(/"/g, '""') + '"').join(","))
    .join("\r\n") + "\r\n",

  // Save text as the file name, through a link to a Blob that is clicked and let go.
  download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },
};
