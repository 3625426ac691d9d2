"use strict";
/* The files a static page offers, as kg/ingest/reviewsave.py composes them, byte for byte:
   claims.yaml, candidates.yaml, entities.yaml and candidate-entities.yaml from the review
   (review-claims.js) and the draft. A part of NnkgReview (review-base.js). */
NnkgReview.compose = (page) => {
  const {data, entities, created} = page;
  const {own, namesOf} = NnkgReview;
  const {dumpItems} = NnkgReview.yaml;
  const KEYS = data.keys;

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
    // a claim accepted before keeps what the curator added to it since (reviewsave's rule)
    const before = new Map(data.claims.map((c) => [key(c), c]));
    const claims = kept.concat(candidates.filter((c) => c.status === "accepted")
      .map((c) => ({...(before.get(key(c)) || {}), ...pick(c, KEYS.claim)})));

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

  return {compose};
};
