/* explainer: Material's search worker, answered from the site's own index (explainer.search_index).
   The plugin points the theme's search at this script instead of its lunr worker: the theme's
   search box, result list, keyboard handling and highlighting stay as they are, and this worker
   speaks the theme's messages (SETUP, READY, QUERY, RESULT). The index is fetched when the theme
   sends SETUP, which it does once the reader opens search (the page itself loads nothing of it),
   and ranked by search-rank.js, which reads words as the FAQ filter does (search-words.js). Results
   come back in the shape the theme renders: one group per page, its best match first (the page, or
   a section the theme then shows under the page's title), the other sections after it with lower
   scores, folded under "more". A section that is an entry of its own (a glossary term) is a group
   of its own. All text is escaped here: the theme inserts titles and teasers as HTML. */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // the theme's message types
  var FORMAT = 1; // of search/explainer.json (explainer.search_index.FORMAT)
  var SHOWN = 100; // result groups at most: the theme renders ten, then more as the reader scrolls
  var TEASER = 36; // words of text around the first match
  // Field weights and how much length discounts a field: title, other names, text.
  var OPTIONS = { weights: [3, 2.5, 1], spread: [0.4, 0.3, 0.75] };
  // This script is served from assets/explainer/; the index from search/.
  var ROOT = new URL("../../", self.location.href);
  self.importScripts(
    new URL("search-words.js", self.location.href).href,
    new URL("search-rank.js", self.location.href).href
  );
  var core = self.ExplainerSearch;
  var index = null, docs = [];

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  // Each page, then its sections, as documents; a section knows its page and whether it stands alone.
  function load(data) {
    if (!data || data.format !== FORMAT) throw new Error("unknown search index format");
    docs = [];
    data.pages.forEach(function (page) {
      var at = docs.length;
      docs.push({ location: page.u, title: page.t, text: page.x, names: page.n, boost: page.b, page: at });
      (page.s || []).forEach(function (section) {
        docs.push({
          location: page.u + "#" + section.a, title: section.t, text: section.x, names: section.n,
          boost: page.b, page: at, entry: !!section.e
        });
      });
    });
    index = new core.Index(docs, data.synonyms || [], OPTIONS);
  }

  // Text with the words of `pattern` marked, everything else escaped.
  function marked(text, pattern) {
    if (!pattern) return escape(text);
    var out = "", cursor = 0;
    text.replace(pattern, function (hit, word, offset) {
      out += escape(text.slice(cursor, offset)) + "<mark>" + escape(hit) + "</mark>";
      cursor = offset + hit.length;
      return hit;
    });
    return out + escape(text.slice(cursor));
  }

  // The part of a text around its first match, as many words as a teaser holds (words are what
  // lies between single spaces). The pattern runs over the whole text, not word by word, so that it
  // also finds a name of several words ("change data capture"). The teaser's words are found by
  // walking from the match to the spaces around it: splitting a long page's text into all its words
  // for the few shown took more time than the ranking.
  function teaser(text, pattern) {
    text = String(text || "");
    var at = 0, hit;
    if (pattern) {
      pattern.lastIndex = 0;
      if ((hit = pattern.exec(text))) at = hit.index;
    }
    // The start of the word before the one starting at `from`.
    function previous(from) { return from < 2 ? 0 : text.lastIndexOf(" ", from - 2) + 1; }
    // The start of the word the match is in, then up to eight words before it.
    var start = at ? text.lastIndexOf(" ", at - 1) + 1 : 0;
    for (var back = 0; back < 8 && start > 0; back++) start = previous(start);
    // Up to TEASER words from there; near the end of the text, start earlier to show as many.
    var end = start, count = 0;
    while (count < TEASER && end <= text.length) {
      var space = text.indexOf(" ", end);
      end = space < 0 ? text.length + 1 : space + 1;
      count++;
    }
    for (; count < TEASER && start > 0; count++) start = previous(start);
    var more = end <= text.length;
    return (start > 0 ? "… " : "") + text.slice(start, end - 1) + (more ? " …" : "");
  }

  // The query's words as the theme wants them: those the document holds (for highlighting on the
  // page it opens), and those it lacks (shown struck through).
  function terms(doc, concepts) {
    var found = {}, counts = index.counts[doc];
    concepts.forEach(function (c) {
      var here = Object.keys(c.all).filter(function (w) { return counts.has(w); }).slice(0, 3);
      if (here.length) here.forEach(function (w) { found[w] = true; });
      else found[c.typed] = false;
    });
    return found;
  }

  function item(d, score, concepts, pattern) {
    var doc = docs[d];
    return {
      location: doc.location,
      title: marked(doc.title, pattern),
      text: marked(teaser(doc.text, pattern), pattern),
      score: score,
      terms: terms(d, concepts)
    };
  }

  function search(query) {
    var outcome = index.search(query, !/\s$/.test(query));
    var pattern = self.ExplainerWords.marker(index.marks(outcome.concepts));
    var groups = new Map();
    outcome.hits.forEach(function (hit) {
      var doc = docs[hit.doc], key = doc.entry ? hit.doc : doc.page;
      var group = groups.get(key);
      if (!group) {
        if (groups.size >= SHOWN) return;
        groups.set(key, group = []);
      }
      group.push(hit);
    });
    return Array.from(groups.values()).map(function (hits) {
      var page = docs[hits[0].doc].page;
      var items = hits.map(function (hit) { return item(hit.doc, hit.score, outcome.concepts, pattern); });
      // The theme needs the page itself in every group, to show a section under its title.
      if (!hits.some(function (hit) { return hit.doc === page; })) items.push(item(page, 0, outcome.concepts, pattern));
      return items;
    });
  }

  function answer(items) {
    self.postMessage({ type: RESULT, data: { items: items } });
  }

  var loading = null;
  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      // The theme sends its queries once told READY, so READY waits for the index.
      loading = loading || fetch(new URL("search/explainer.json", ROOT).href).then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      }).then(load).catch(function (error) {
        console.warn("explainer search is unavailable:", error);
      }).then(function () { self.postMessage({ type: READY }); });
      return;
    }
    if (message.type !== QUERY) return;
    var query = String(message.data || "");
    // Every query gets its answer, in turn: ranking is quick, and the theme counts on one per query.
    try {
      answer(index && query.trim() ? search(query) : []);
    } catch (error) {
      console.warn("explainer search failed:", error);
      answer([]);
    }
  });
})();
