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
      let ids = params.entry_ids.map((entry) => entry[0]);
      if (ids.length !== entries.length) {
        // entry_ids keeps items that printed nothing; the entries leave them out
        ids = ids.filter((id) => engine.makeBibliography(
          { select: [{ field: "id", value: id }] })[1].length > 0);
      }
      ids.forEach((id, i) => {
        result.bib[id] = entries[i];
        result.order.push(id);
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
