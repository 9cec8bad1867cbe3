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

  // Edit distance, stopping early once it must exceed `limit`; two reused rows, no allocation.
  var previousRow = new Uint16Array(64);
  var currentRow = new Uint16Array(64);
  function within(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit || a.length >= 63 || b.length >= 63) return false;
    var j;
    for (j = 0; j <= b.length; j++) previousRow[j] = j;
    for (var i = 1; i <= a.length; i++) {
      currentRow[0] = i;
      var best = i;
      var code = a.charCodeAt(i - 1);
      for (j = 1; j <= b.length; j++) {
        var cost = code === b.charCodeAt(j - 1) ? 0 : 1;
        var value = Math.min(previousRow[j] + 1, currentRow[j - 1] + 1, previousRow[j - 1] + cost);
        currentRow[j] = value;
        if (value < best) best = value;
      }
      if (best > limit) return false;
      var swap = previousRow;
      previousRow = currentRow;
      currentRow = swap;
    }
    return previousRow[b.length] <= limit;
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
      var section = sections.indexOf(el.closest(".ex-faq-topic"));
      return { el: el, summary: el.querySelector("summary"), text: " " + text + " ", words: words, section: section };
    });
    var vocabularyList = Object.keys(vocabulary);
    var total = new Set(items.map(function (item) { return item.el.getAttribute("data-faq"); })).size;
    var remembered = {};

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

    // The vocabulary words a typed word stands for; remembered, since typing repeats them.
    function matchingWords(word, isLast) {
      var key = (isLast ? "+" : "=") + word;
      if (remembered[key]) return remembered[key];
      var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
      var found = vocabularyList.filter(function (v) {
        return v === word || (isLast && word.length >= 2 && v.indexOf(word) === 0) ||
          (limit > 0 && within(v, word, limit));
      });
      remembered[key] = found;
      return found;
    }

    function matches(item, concept) {
      if (concept.phrases) {
        return concept.phrases.some(function (p) {
          var space = p.indexOf(" ");
          if (space < 0) return item.words[p] === 1;
          // A phrase can only occur where its first word does: check that cheaply first.
          return item.words[p.slice(0, space)] === 1 && item.text.indexOf(" " + p + " ") >= 0;
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
    var pattern = null;
    var queue = [];
    var generation = 0;
    var PER_FRAME = 40;

    // Highlighting touches the page, so it is spread over frames: the list itself is filtered at
    // once, and a keystroke never waits for hundreds of questions to be marked.
    function highlightSome(run) {
      if (run !== generation) return;
      queue.splice(0, PER_FRAME).forEach(function (item) {
        highlight(item.el.open ? item.el : item.summary);
      });
      if (queue.length) requestAnimationFrame(function () { highlightSome(run); });
    }

    // Only what the reader can see is highlighted: questions now, an answer when it is opened.
    function highlight(el) {
      if (!pattern) return;
      mark(el, pattern);
      marked.push(el);
    }

    function run() {
      var raw = input.value;
      var query = normalise(raw);
      generation += 1;
      queue = [];
      marked.forEach(unmark);
      marked = [];
      var list = query ? concepts(query) : [];
      var shown = {};
      var perSection = sections.map(function () { return 0; });
      items.forEach(function (item) {
        var ok = list.every(function (concept) { return matches(item, concept); });
        if (item.el.hidden === ok) item.el.hidden = !ok;
        if (ok) {
          shown[item.el.getAttribute("data-faq")] = 1;
          if (item.section >= 0) perSection[item.section] += 1;
        }
      });
      sections.forEach(function (section, i) {
        var hide = perSection[i] === 0;
        if (section.hidden !== hide) section.hidden = hide;
      });
      var count = Object.keys(shown).length;
      pattern = null;
      if (query) {
        var hits = [];
        list.forEach(function (c) { hits = hits.concat(c.phrases || c.words); });
        var words = hits.join(" ").split(" ").filter(function (w) { return w.length > 1; });
        if (words.length) {
          pattern = new RegExp("(?<![\\p{L}\\p{N}])(" + words.sort(function (a, b) {
            return b.length - a.length;
          }).map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "giu");
          queue = items.filter(function (item) { return !item.el.hidden; });
          highlightSome(++generation);
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

    items.forEach(function (item) {
      item.el.addEventListener("toggle", function () {
        if (item.el.open && !item.el.hidden && pattern) {
          unmark(item.el);
          highlight(item.el);
        }
      });
    });

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
