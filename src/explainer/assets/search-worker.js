/* explainer: Material's search worker, answered by Pagefind. On a large site the plugin points the
   theme's search at this script instead of its own lunr worker (explainer.chunked_search): the
   theme's search box, result list and keyboard handling stay as they are, and this worker speaks
   the theme's messages (SETUP, READY, QUERY, RESULT). Pagefind is loaded here, inside the worker,
   once the theme sends SETUP (the reader has opened search); each query then fetches only the
   index chunks and the page fragments it needs. Results come back in the shape the theme renders:
   one group per page, the page first (location, title, text with the matched words marked), then
   its matching sections. All text is escaped here: the theme inserts titles and teasers as HTML. */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // the theme's message types
  var SHOWN = 10; // pages shown per query: each needs its fragment fetched
  var ALL_WORDS = 2; // how much more a page holding every word counts than its words one by one
  var PHRASE = 2; // and more again when it holds them as one phrase, in the order typed
  var SETTLE_MS = 250; // a query still being typed is not searched: each search may fetch chunks
  // This script is served from assets/explainer/; the Pagefind bundle from pagefind/.
  var ROOT = new URL("../../", self.location.href);
  var loading = null;
  var latest = 0;

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (bundle) {
        // Result URLs relative to the site root, as the theme's own index has them.
        return bundle.options({ baseUrl: "/", excerptLength: 24 }).then(function () {
          return bundle.init();
        }).then(function () { return bundle; });
      });
      loading.catch(function () { loading = null; }); // the next query tries again
    }
    return loading;
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  // Pagefind's excerpt is page text with only < and > escaped, and <mark> around matched words.
  function marked(excerpt) {
    return String(excerpt || "").split(/(<\/?mark>)/).map(function (piece) {
      if (piece === "<mark>") return "<mark data-md-highlight>";
      if (piece === "</mark>") return "</mark>";
      return escape(piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    }).join("");
  }

  function relative(url) {
    return String(url).replace(/^\//, "");
  }

  function group(data, score, terms) {
    var page = {
      location: relative(data.url),
      title: escape(data.meta && data.meta.title || data.url),
      text: marked(data.excerpt),
      score: score,
      terms: terms
    };
    // Sections after the page, scored lower, so the theme folds them under "more on this page".
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") !== -1;
    }).map(function (sub, i) {
      return {
        location: relative(sub.url),
        title: escape(sub.title),
        text: marked(sub.excerpt),
        score: score / (2 + i),
        terms: terms
      };
    });
    return [page].concat(sections);
  }

  // Pagefind finds the pages that hold every word, and readers type questions whose words few pages
  // hold all of. So each word is searched too (its index chunk is loaded already), and a page scores
  // the sum of its words' scores, plus the whole query's score when it holds every word. The words a
  // page holds (as Pagefind matched them, stems included) are what the theme highlights and lists.
  function ranked(words, searches) {
    var pages = {};
    searches.forEach(function (found, i) {
      found.results.forEach(function (result) {
        var page = pages[result.id];
        if (!page) {
          page = pages[result.id] = { result: result, score: 0, all: 0, terms: {} };
          words.forEach(function (word) { page.terms[word] = false; });
        }
        var phrase = i > words.length;
        if (i === 0) page.all = result.score;
        // An exact phrase search scores every page 1: the bonus is in proportion to the page's match.
        page.score += i === 0 ? result.score * ALL_WORDS : phrase ? (page.all || 0) * PHRASE : result.score;
        words.forEach(function (word, w) { if (i === 0 || phrase || i === w + 1) page.terms[word] = true; });
      });
    });
    return Object.keys(pages).map(function (key) { return pages[key]; }).sort(function (a, b) {
      return b.score - a.score;
    });
  }

  function search(query, id) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return pagefind().then(function (bundle) {
      if (id !== latest) return null;
      var texts = words.length > 1 ? [query].concat(words, ['"' + words.join(" ") + '"']) : [query];
      return Promise.all(texts.map(function (text) { return bundle.search(text); }));
    }).then(function (searches) {
      if (!searches || id !== latest) return null;
      var best = ranked(words, searches).slice(0, SHOWN);
      return Promise.all(best.map(function (page) { return page.result.data(); })).then(function (pages) {
        return pages.map(function (data, i) { return group(data, best[i].score, best[i].terms); });
      });
    });
  }

  function answer(items) {
    self.postMessage({ type: RESULT, data: { items: items } });
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      pagefind(); // start loading while the reader types
      self.postMessage({ type: READY });
      return;
    }
    if (message.type !== QUERY) return;
    var query = String(message.data || "").trim();
    var id = ++latest;
    if (!query) {
      answer([]);
      return;
    }
    // Only the latest query is answered: an earlier one finishing late must not replace it.
    setTimeout(function () {
      if (id !== latest) return;
      search(query, id).then(function (items) {
        if (items && id === latest) answer(items);
      }, function (error) {
        console.warn("explainer search failed:", error);
        if (id === latest) answer([]);
      });
    }, SETTLE_MS);
  });
})();
