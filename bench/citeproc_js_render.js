// Render a bibliography and citation clusters with citeproc-js (the engine of Zotero and
// Mendeley) for bench/style_agreement.py. Reads a job file (JSON) named on the command line:
//   {"locales": DIR, "format": "text"|"html", "items": [...], "clusters": [[id, ...], ...],
//    "styles": [{"key": K, "path": FILE, "lang": "en-US", "force": bool}, ...]}
// and prints {K: {"bib": {id: entry}, "order": [id, ...], "cites": [text, ...]} |
//              {"error": message}} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, ".node", "node_modules", "citeproc"));

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const items = {};
for (const item of job.items) items[item.id] = item;

function retrieveLocale(lang) {
  const file = path.join(job.locales, "locales-" + lang + ".xml");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
}

const out = {};
for (const style of job.styles) {
  try {
    const sys = { retrieveLocale, retrieveItem: (id) => items[id] };
    const engine = new CSL.Engine(sys, fs.readFileSync(style.path, "utf8"), style.lang,
                                  style.force);
    engine.setOutputFormat(job.format);
    engine.updateItems(job.items.map((item) => item.id));
    const result = { bib: {}, order: [], cites: [] };
    if (engine.bibliography && engine.cslXml.getNodesByName(engine.cslXml.dataObj,
                                                           "bibliography").length) {
      const [params, entries] = engine.makeBibliography();
      params.entry_ids.forEach((ids, i) => {
        result.bib[ids[0]] = entries[i];
        result.order.push(ids[0]);
      });
    }
    for (const cluster of job.clusters) {
      result.cites.push(engine.makeCitationCluster(cluster.map((id) => ({ id }))));
    }
    out[style.key] = result;
  } catch (err) {
    out[style.key] = { error: String(err && err.message ? err.message : err).split("\n")[0] };
  }
}
process.stdout.write(JSON.stringify(out));
