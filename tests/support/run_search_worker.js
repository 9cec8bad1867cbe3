// Runs the site search worker (src/explainer/assets/search-index-worker.js) outside a browser, the
// way Material drives it: SETUP, then one QUERY per line of input, printing each RESULT as JSON.
// Usage: node run_search_worker.js ASSETS_DIR INDEX_JSON < queries (one per line)
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");
const [assets, indexFile] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const answers = [];
const listeners = [];
const worker = {
  URL, Map, Set, Uint8Array, Float64Array, console,
  location: { href: "http://site.test/assets/explainer/search-index-worker.js" },
  fetch: async () => ({ ok: true, json: async () => data }),
  addEventListener: (type, listener) => listeners.push(listener),
  postMessage: (message) => answers.push(message),
  importScripts: (...urls) =>
    urls.forEach((url) => vm.runInContext(fs.readFileSync(path.join(assets, path.basename(url)), "utf8"), worker)),
};
worker.self = worker;
vm.createContext(worker);
vm.runInContext(fs.readFileSync(path.join(assets, "search-index-worker.js"), "utf8"), worker);
const send = (message) => listeners.forEach((listener) => listener({ data: message }));

(async () => {
  send({ type: 0 }); // SETUP
  while (!answers.some((m) => m.type === 1)) await new Promise((r) => setTimeout(r, 5)); // READY
  const queries = fs.readFileSync(0, "utf8").split("\n").filter((line) => line.length);
  for (const query of queries) {
    answers.length = 0;
    send({ type: 2, data: query }); // QUERY
    process.stdout.write(JSON.stringify(answers.find((m) => m.type === 3).data.items) + "\n");
  }
})();
