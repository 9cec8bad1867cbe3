/* explainer: instant filter for the FAQ. Matches question and answer text, ignores case, accents
   and punctuation, forgives small typos, and expands glossary synonyms both ways (an abbreviation
   finds the term it stands for, and back). Keeps the query in the URL (?q=). No library, no network. */
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
      var wordList = Object.keys(words);
      var section = sections.indexOf(el.closest(".ex-faq-topic"));
      var summary = el.querySelector("summary");
      return {
        el: el, summary: summary, summaryHTML: summary.innerHTML, marked: false,
        text: " " + text + " ", words: words, wordList: wordList, section: section
      };
    });
    // The vocabulary, sorted (prefixes are one range) and bucketed by length (a typo keeps it close).
    var vocabularyList = Object.keys(vocabulary).sort();
    var byLength = [];
    vocabularyList.forEach(function (w) { (byLength[w.length] = byLength[w.length] || []).push(w); });

    function withPrefix(prefix) {
      var low = 0;
      var high = vocabularyList.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (vocabularyList[middle] < prefix) low = middle + 1; else high = middle;
      }
      var found = [];
      for (var i = low; i < vocabularyList.length && vocabularyList[i].indexOf(prefix) === 0; i++) {
        found.push(vocabularyList[i]);
      }
      return found;
    }
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
        var matching = matchingWords(word, last);
        found.push({ words: matching, set: new Set(matching) });
      });
      return found;
    }

    // The vocabulary words a typed word stands for; remembered, since typing repeats them.
    function matchingWords(word, isLast) {
      var key = (isLast ? "+" : "=") + word;
      if (remembered[key]) return remembered[key];
      var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
      var found = isLast && word.length >= 2 ? withPrefix(word) : vocabulary[word] ? [word] : [];
      var seen = new Set(found);
      for (var length = word.length - limit; length <= word.length + limit; length++) {
        (limit > 0 && byLength[length] || []).forEach(function (v) {
          if (!seen.has(v) && within(v, word, limit)) found.push(v);
        });
      }
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
      // Walk whichever side is shorter: a two-letter prefix can stand for hundreds of words.
      if (concept.words.length > item.wordList.length) {
        return item.wordList.some(function (w) { return concept.set.has(w); });
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

    // Put a question back as it was: its summary from a saved copy (cheap), an open answer by hand.
    function restore(item) {
      if (!item.marked) return;
      item.summary.innerHTML = item.summaryHTML;
      if (item.el.open) unmark(item.el);
      item.marked = false;
    }

    function mark(el, pattern) {
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.nodeValue;
        var hits = Array.from(text.matchAll(pattern));
        if (!hits.length) return;
        var fragment = document.createDocumentFragment();
        var cursor = 0;
        hits.forEach(function (hit) {
          fragment.appendChild(document.createTextNode(text.slice(cursor, hit.index)));
          var m = document.createElement("mark");
          m.className = "ex-hit";
          m.textContent = hit[0];
          fragment.appendChild(m);
          cursor = hit.index + hit[0].length;
        });
        fragment.appendChild(document.createTextNode(text.slice(cursor)));
        node.parentNode.replaceChild(fragment, node);
      });
    }

    var pattern = null;
    var words = [];
    var queue = [];

    // One expression for all words to mark, longest first, whole words only (built lazily).
    function patternFor(list) {
      var sorted = list.slice().sort(function (a, b) { return b.length - a.length; });
      return new RegExp("(?<![\\p{L}\\p{N}])(" + sorted.map(escapeRegExp).join("|") +
        ")(?![\\p{L}\\p{N}])", "giu");
    }
    var stale = [];
    var generation = 0;
    var PER_FRAME = 40;

    function highlight(item) {
      restore(item);
      if (!pattern) return;
      mark(item.el.open ? item.el : item.summary, pattern);
      item.marked = true;
    }

    // Marking touches the page, so it happens over the next frames, a few questions at a time:
    // the list itself is filtered at once, and a keystroke never waits for the marking.
    function highlightSome(run) {
      if (run !== generation) return;
      if (!pattern && words.length) pattern = patternFor(words);
      stale.splice(0, PER_FRAME).forEach(restore);
      queue.splice(0, PER_FRAME).forEach(highlight);
      if (queue.length || stale.length) requestAnimationFrame(function () { highlightSome(run); });
    }

    function run() {
      var raw = input.value;
      var query = normalise(raw);
      generation += 1;
      stale = items.filter(function (item) { return item.marked; });
      queue = [];
      words = [];
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
        words = hits.join(" ").split(" ").filter(function (w) { return w.length > 1; });
        queue = words.length ? items.filter(function (item) { return !item.el.hidden; }) : [];
        status.textContent = count === 1 ? "1 question matches." : count + " questions match.";
      } else {
        status.textContent = "";
      }
      var current = generation;
      if (queue.length || stale.length) requestAnimationFrame(function () { highlightSome(current); });
      empty.hidden = !query || count > 0;
      clearTimeout(remembering);
      remembering = setTimeout(function () { remember(raw); }, 150);
      return count;
    }

    // The address keeps the query for sharing; written once typing pauses, not on every key.
    var remembering = 0;
    function remember(raw) {
      var params = new URLSearchParams(location.search);
      if (raw.trim()) params.set("q", raw.trim()); else params.delete("q");
      var search = params.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    items.forEach(function (item) {
      item.el.addEventListener("toggle", function () {
        if (item.el.open && !item.el.hidden && words.length) {
          if (!pattern) pattern = patternFor(words);
          highlight(item);
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
