/* explainer: instant filter for the FAQ. Matches question and answer text, ignores case, accents
   and punctuation, forgives small typos, and expands glossary synonyms both ways (LLM finds
   "large language model" and back). Keeps the query in the URL (?q=). No library, no network. */
(function () {
  "use strict";

  var SEPARATORS = /[^\p{L}\p{N}]+/gu;

  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(SEPARATORS, " ").trim();
  }

  // Edit distance, stopping early once it must exceed `limit`.
  function within(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return false;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (current[j] < best) best = current[j];
      }
      if (best > limit) return false;
      previous = current;
    }
    return previous[b.length] <= limit;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function setup(form) {
    if (form.hasAttribute("data-ex-ready")) return;
    form.setAttribute("data-ex-ready", "");
    var input = form.querySelector("input[name=q]");
    var status = form.querySelector("[role=status]");
    var empty = form.querySelector(".ex-faq-empty");
    var groups = JSON.parse(form.getAttribute("data-synonyms") || "[]");
    var sections = Array.prototype.slice.call(document.querySelectorAll(".ex-faq-topic"));
    var vocabulary = {};
    var items = Array.prototype.map.call(document.querySelectorAll("details.ex-faq"), function (el) {
      var text = normalise(el.textContent);
      var words = {};
      text.split(" ").forEach(function (w) { words[w] = 1; vocabulary[w] = 1; });
      return { el: el, text: " " + text + " ", words: words };
    });
    var vocabularyList = Object.keys(vocabulary);
    var total = new Set(items.map(function (item) { return item.el.getAttribute("data-faq"); })).size;

    // Each concept in the query is a list of alternatives: one word (with typos), or synonym phrases.
    function concepts(query) {
      var rest = " " + query + " ";
      var found = [];
      groups.forEach(function (group) {
        for (var k = 0; k < group.length; k++) {
          if (rest.indexOf(" " + group[k] + " ") >= 0) {
            rest = rest.split(" " + group[k] + " ").join(" ");
            found.push({ phrases: group });
            return;
          }
        }
      });
      var words = rest.trim() ? rest.trim().split(" ") : [];
      words.forEach(function (word, index) {
        var last = index === words.length - 1 && query.slice(-word.length) === word;
        found.push({ words: matchingWords(word, last) });
      });
      return found;
    }

    function matchingWords(word, isLast) {
      var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
      return vocabularyList.filter(function (v) {
        return v === word || (isLast && word.length >= 2 && v.indexOf(word) === 0) ||
          (limit > 0 && within(v, word, limit));
      });
    }

    function matches(item, concept) {
      if (concept.phrases) {
        return concept.phrases.some(function (p) {
          return p.indexOf(" ") >= 0 ? item.text.indexOf(" " + p + " ") >= 0 : item.words[p] === 1;
        });
      }
      return concept.words.some(function (w) { return item.words[w] === 1; });
    }

    function unmark(el) {
      Array.prototype.forEach.call(el.querySelectorAll("mark.ex-hit"), function (mark) {
        var parent = mark.parentNode;
        parent.replaceChild(document.createTextNode(mark.textContent), mark);
        parent.normalize();
      });
    }

    function mark(el, pattern) {
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.nodeValue;
        pattern.lastIndex = 0;
        if (!pattern.test(text)) return;
        pattern.lastIndex = 0;
        var fragment = document.createDocumentFragment();
        var cursor = 0;
        text.replace(pattern, function (hit, offset) {
          fragment.appendChild(document.createTextNode(text.slice(cursor, offset)));
          var m = document.createElement("mark");
          m.className = "ex-hit";
          m.textContent = hit;
          fragment.appendChild(m);
          cursor = offset + hit.length;
          return hit;
        });
        fragment.appendChild(document.createTextNode(text.slice(cursor)));
        node.parentNode.replaceChild(fragment, node);
      });
    }

    var marked = [];

    function run() {
      var raw = input.value;
      var query = normalise(raw);
      marked.forEach(unmark);
      marked = [];
      var list = query ? concepts(query) : [];
      var shown = {};
      items.forEach(function (item) {
        var ok = list.every(function (concept) { return matches(item, concept); });
        item.el.hidden = !ok;
        if (ok) shown[item.el.getAttribute("data-faq")] = 1;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector("details.ex-faq:not([hidden])");
      });
      var count = Object.keys(shown).length;
      if (query) {
        var hits = [];
        list.forEach(function (c) { hits = hits.concat(c.phrases || c.words); });
        if (hits.length) {
          var words = hits.join(" ").split(" ").filter(function (w) { return w.length > 1; });
          var pattern = new RegExp("(?<![\\p{L}\\p{N}])(" + words.sort(function (a, b) {
            return b.length - a.length;
          }).map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "giu");
          items.forEach(function (item) {
            if (!item.el.hidden) {
              mark(item.el, pattern);
              marked.push(item.el);
            }
          });
        }
        status.textContent = count === 1 ? "1 question matches." : count + " questions match.";
      } else {
        status.textContent = "";
      }
      empty.hidden = !query || count > 0;
      var params = new URLSearchParams(location.search);
      if (raw.trim()) params.set("q", raw.trim()); else params.delete("q");
      var search = params.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      return count;
    }

    input.addEventListener("input", run);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-ex-site-search]").addEventListener("click", function () {
      // Hand the words to Material's own site search and open it.
      var toggle = document.querySelector("input[data-md-toggle=search]");
      var box = document.querySelector("input[data-md-component=search-query]");
      if (!toggle || !box) return;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      box.value = input.value;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      box.focus();
    });
    form.exFilter = run; // used by the benchmark to time one filter pass
    status.setAttribute("data-total", String(total));
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      // Material opens its own search for ?q= on page load; here ?q= belongs to this filter.
      var toggle = document.querySelector("input[data-md-toggle=search]");
      var box = document.querySelector("input[data-md-component=search-query]");
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        if (box) box.value = "";
      }
      input.value = initial;
      run();
      input.focus();
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ex-faq-search]"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
