"use strict";
/* Saving: the served page posts the review to its server, which checks it and writes the
   files; the static page builds the files itself (review-compose.js) and offers them as
   downloads. A part of NnkgReview (review-base.js). */
NnkgReview.saving = (page) => {
  const {data, items} = page;
  const {$, element} = NnkgReview;

  async function save() {
    const unfit = items.filter((item) => item.status === "accepted" && page.problems(item).length);
    if (unfit.length) {
      page.say(unfit.map((item) => `claim #${item.n ?? "new"}: ${page.problems(item).join("; ")}`));
      return;
    }
    if (data.served) await post(page.review());
    else offer(page.compose(page.review()).files);
  }

  async function post(body) {
    $("save-status").textContent = "saving…";
    try {
      const response = await fetch("save", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      const type = response.headers.get("Content-Type") || "";
      const answer = type.startsWith("application/json") ? await response.json() : {problems: [(await response.text()).trim()]};
      if (!response.ok) {
        $("save-status").textContent = "not saved";
        page.say(answer.problems || [`${response.status}`]);
        return;
      }
      answer.numbers.forEach((n, i) => { items[i].n = n; });
      $("save-status").textContent = `saved ${answer.written.join(", ")}`;
      page.say([`Saved: ${answer.accepted} accepted, ${answer.rejected} rejected, ${answer.left} left to review.`], "ok");
      for (const text of answer.warnings) $("messages").append(element("li", {class: "warning", text}));
      page.draw();
    } catch (error) {
      $("save-status").textContent = "not saved";
      page.say([`The review server did not answer (${error}); is nnkg review --serve still running?`]);
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
    page.say([]);
  }

  return {save};
};
