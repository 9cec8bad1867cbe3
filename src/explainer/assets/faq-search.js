/* explainer: the FAQ filter. Typing shows the matching questions as one list, best first: a word
   in the question counts more than one in its other phrasings, more than a synonym's match, more
   than one in the answer; whole words more than prefixes or typos; rare words more than common
   ones. Connecting words ("vs", "or", "the difference between") never make a query fail, and when
   no question has every word, the closest ones are shown and labelled as such. Glossary synonyms
   expand both ways (an abbreviation finds its term). The query stays in the URL (?q=). On a site
   too large to put every answer on one page, the questions come from a data file fetched on the
   first keystroke. No library. */
(function () {
  "use strict";

  var SEPARATORS = /[^\p{L}\p{N}]+/gu;
  // Words that connect a question rather than say what it is about.
  var CONNECTING = new Set(("a an and are as at be between but by can compare compared comparison " +
    "difference differences different do does for from how i in into is it me my of on or should " +
    "tell than that the their them there these they this to versus vs v was what whats when where " +
    "which who why will with would you your").split(" "));
  var WEIGHT = { question: 8, also: 6, answer: 2 };
  var SYNONYM_FACTOR = 0.5; // a match through a glossary synonym counts half of the typed word's
  var PARTIAL = { exact: 1, prefix: 0.6, typo: 0.5 };
  var PARTIAL_LIMIT = 10;
  var FOCUS = 6; // the most a question that is wholly about the query gains over one that mentions it

  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(SEPARATORS, " ").trim();
  }

  // Edit distance, stopping early once it must exceed `limit`.
  var rowA = new Uint16Array(64);
  var rowB = new Uint16Array(64);
  function within(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit || a.length >= 63 || b.length >= 63) return false;
    var previous = rowA, current = rowB, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current[0] = i;
      var best = i, code = a.charCodeAt(i - 1);
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1));
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > limit) return false;
      var swap = previous; previous = current; current = swap;
    }
    return previous[b.length] <= limit;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function hide(el, hidden) { el.classList.toggle("ex-hidden", hidden); }

  // One question as the filter sees it: normalised text and word sets per field.
  function entry(id, question, also, answer, el) {
    var fields = { question: normalise(question), also: normalise(also.join(" ")), answer: normalise(answer) };
    var words = {};
    Object.keys(fields).forEach(function (field) {
      fields[field].split(" ").forEach(function (w) { if (w) words[w] = (words[w] || 0) | FIELD_BIT[field]; });
    });
    return { id: id, el: el, fields: fields, words: words, question: question, split: {} };
  }
  var FIELD_BIT = { question: 1, also: 2, answer: 4 };

  function setup(form) {
    if (form.hasAttribute("data-ex-ready")) return;
    form.setAttribute("data-ex-ready", "");
    var input = form.querySelector("input[name=q]");
    var status = form.querySelector("[role=status]");
    var empty = form.querySelector(".ex-faq-empty");
    var results = form.querySelector(".ex-faq-results");
    var groups = [];
    function useSynonyms(list) {
      groups = list.map(function (group) { return group.map(normalise); });
    }
    useSynonyms(JSON.parse(form.getAttribute("data-synonyms") || "[]"));
    var dataUrl = form.getAttribute("data-ex-faq-data");
    var sections = Array.prototype.slice.call(document.querySelectorAll(".ex-faq-topic"));
    var items = [];
    var vocabulary = {}, sorted = [], byLength = [], frequency = {};

    function index(list) {
      items = list;
      vocabulary = {}; frequency = {};
      items.forEach(function (item) {
        Object.keys(item.words).forEach(function (w) {
          vocabulary[w] = 1;
          frequency[w] = (frequency[w] || 0) + 1;
        });
      });
      sorted = Object.keys(vocabulary).sort();
      byLength = [];
      sorted.forEach(function (w) { (byLength[w.length] = byLength[w.length] || []).push(w); });
      remembered = {};
    }

    function fromPage() {
      return Array.prototype.map.call(document.querySelectorAll("details.ex-faq"), function (el) {
        var summary = el.querySelector("summary");
        var answer = el.textContent.slice(summary.textContent.length);
        var also = JSON.parse(el.getAttribute("data-also") || "[]");
        var item = entry(el.getAttribute("data-faq"), summary.textContent, also, answer, el);
        item.home = { parent: el.parentNode, next: el.nextSibling };
        item.summary = summary;
        item.summaryHTML = summary.innerHTML;
        return item;
      });
    }

    var remembered = {};
    // The vocabulary words a typed word stands for, each with how closely it matches.
    function candidates(word, isLast) {
      var key = (isLast ? "+" : "=") + word;
      if (remembered[key]) return remembered[key];
      var found = {};
      if (vocabulary[word]) found[word] = PARTIAL.exact;
      if (isLast && word.length >= 2) {
        var low = 0, high = sorted.length;
        while (low < high) { var mid = (low + high) >> 1; if (sorted[mid] < word) low = mid + 1; else high = mid; }
        for (var i = low; i < sorted.length && sorted[i].indexOf(word) === 0; i++) {
          if (!found[sorted[i]]) found[sorted[i]] = PARTIAL.prefix;
        }
      }
      var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
      for (var length = word.length - limit; limit && length <= word.length + limit; length++) {
        (byLength[length] || []).forEach(function (v) {
          if (!found[v] && within(v, word, limit)) found[v] = PARTIAL.typo;
        });
      }
      return (remembered[key] = found);
    }

    // The query as concepts: a typed word (with its near words) and the synonyms it names.
    function concepts(query) {
      var words = query.split(" ").filter(Boolean);
      var meaningful = words.filter(function (w) { return !CONNECTING.has(w); });
      if (!meaningful.length) meaningful = words; // a query made only of small words keeps them
      var rest = " " + meaningful.join(" ") + " ";
      var found = [];
      groups.forEach(function (group) {
        for (var k = 0; k < group.length; k++) {
          if (rest.indexOf(" " + group[k] + " ") >= 0) {
            rest = rest.split(" " + group[k] + " ").join(" ");
            found.push({ typed: group[k], phrases: group });
            return;
          }
        }
      });
      var left = rest.trim() ? rest.trim().split(" ") : [];
      left.forEach(function (word, i) {
        var isLast = i === left.length - 1 && query.slice(-word.length) === word;
        found.push({ typed: word, words: candidates(word, isLast) });
      });
      return found;
    }

    // How well an item answers one concept: the best field and closeness, weighted by rarity.
    function conceptScore(item, concept) {
      var best = 0;
      if (concept.phrases) {
        concept.phrases.forEach(function (phrase) {
          var factor = phrase === concept.typed ? 1 : SYNONYM_FACTOR;
          ["question", "also", "answer"].forEach(function (field) {
            if ((" " + item.fields[field] + " ").indexOf(" " + phrase + " ") >= 0) {
              best = Math.max(best, WEIGHT[field] * factor);
            }
          });
        });
        return best ? best * rarity(concept.phrases[0].split(" ")[0]) : 0;
      }
      for (var word in concept.words) {
        var bits = item.words[word];
        if (!bits) continue;
        var field = bits & 1 ? "question" : bits & 2 ? "also" : "answer";
        best = Math.max(best, WEIGHT[field] * concept.words[word] * rarity(word));
      }
      return best;
    }

    function rarity(word) {
      return Math.log(1 + items.length / (frequency[word] || 1));
    }

    function phraseBonus(item, phrase) {
      if (phrase.indexOf(" ") < 0) return 0;
      if (item.fields.question.indexOf(phrase) >= 0) return 10;
      return item.fields.also.indexOf(phrase) >= 0 ? 6 : 0;
    }

    // Words the reader typed side by side that stand close together in a field: "make ... up".
    // Words that match nothing are skipped, so "make stuff up" still pairs "make" with "up".
    function proximity(item, list) {
      var bonus = 0;
      list = list.filter(function (c) { return conceptScore(item, c) > 0; });
      ["question", "also"].forEach(function (field) {
        var words = item.split[field] || (item.split[field] = item.fields[field].split(" "));
        for (var k = 0; k + 1 < list.length; k++) {
          var a = list[k], b = list[k + 1];
          for (var i = 0; i < words.length; i++) {
            if (!matchesWord(a, words[i])) continue;
            for (var j = i + 1; j <= i + 3 && j < words.length; j++) {
              if (matchesWord(b, words[j])) { bonus += field === "question" ? 3 : 2; i = words.length; break; }
            }
          }
        }
      });
      return bonus;
    }

    function matchesWord(concept, word) {
      return concept.phrases ? concept.phrases.some(function (p) { return p.split(" ")[0] === word; })
        : concept.words[word] !== undefined;
    }

    // How much of the question is what the reader asked about: "What is sharding for?" is more
    // about sharding than "Can every database use sharding?", so it comes first for "sharding".
    function focus(item, list) {
      var words = item.fields.question.split(" ").filter(function (w) { return w && !CONNECTING.has(w); });
      if (!words.length) return 0;
      var covered = words.filter(function (w) {
        return list.some(function (c) {
          return c.phrases ? c.phrases.some(function (p) { return (" " + p + " ").indexOf(" " + w + " ") >= 0; })
            : c.words[w] !== undefined;
        });
      });
      return covered.length / words.length;
    }

    function rank(query) {
      var list = concepts(query);
      var phrase = list.map(function (c) { return c.typed; }).join(" ");
      var complete = [], partial = [];
      items.forEach(function (item, position) {
        var total = 0, matched = 0;
        list.forEach(function (concept) {
          var score = conceptScore(item, concept);
          if (score > 0) { matched += 1; total += score; }
        });
        if (!matched) return;
        var score = total + phraseBonus(item, phrase) + FOCUS * focus(item, list) + proximity(item, list);
        var scored = { item: item, score: score, position: position, matched: matched };
        (matched === list.length ? complete : partial).push(scored);
      });
      var byScore = function (a, b) {
        return (b.matched - a.matched) || (b.score - a.score) || (a.position - b.position);
      };
      if (complete.length) return { found: complete.sort(byScore), partial: false, concepts: list };
      return { found: partial.sort(byScore).slice(0, PARTIAL_LIMIT), partial: true, concepts: list };
    }

    function markWords(list) {
      var words = [];
      list.forEach(function (c) {
        words = words.concat(c.phrases ? c.phrases : Object.keys(c.words));
      });
      words = words.join(" ").split(" ").filter(function (w) { return w.length > 1; });
      if (!words.length) return null;
      words.sort(function (a, b) { return b.length - a.length; });
      return new RegExp("(?<![\\p{L}\\p{N}])(" + words.map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    }

    function mark(el, pattern) {
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.nodeValue, hits = Array.from(text.matchAll(pattern));
        if (!hits.length) return;
        var fragment = document.createDocumentFragment(), cursor = 0;
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

    var shown = [];
    // Put every question back in its topic, as the page was written.
    function restore() {
      shown.forEach(function (item) {
        if (!item.el) return;
        item.summary.innerHTML = item.summaryHTML;
        item.home.parent.insertBefore(item.el, item.home.next);
      });
      shown = [];
      results.textContent = "";
    }

    function present(outcome, pattern) {
      restore();
      outcome.found.forEach(function (scored) {
        var item = scored.item, li = document.createElement("li");
        if (item.el) {
          li.appendChild(item.el); // the question itself, with its answer, moves into the list
          if (pattern) mark(item.summary, pattern);
        } else {
          var a = document.createElement("a");
          a.href = item.url;
          a.textContent = item.question;
          li.appendChild(a);
          if (item.excerpt) li.appendChild(document.createElement("p")).textContent = item.excerpt;
        }
        results.appendChild(li);
        shown.push(item);
      });
    }

    function run() {
      var raw = input.value, query = normalise(raw);
      var active = query.length > 0 && items.length > 0;
      form.classList.toggle("ex-faq-filtering", active);
      sections.forEach(function (section) { hide(section, active); });
      if (!active) {
        restore();
        hide(results, true);
        hide(empty, true);
        status.textContent = "";
        remember(raw);
        return 0;
      }
      var outcome = rank(query);
      present(outcome, markWords(outcome.concepts));
      var count = outcome.found.length;
      hide(results, count === 0);
      results.classList.toggle("ex-faq-partial", outcome.partial);
      hide(empty, count > 0);
      status.textContent = outcome.partial && count ?
        "No question has every word; the " + (count === 1 ? "closest one is" : count + " closest are") + " shown." :
        count === 1 ? "1 question matches." : count + " questions match.";
      status.setAttribute("data-count", String(count));
      remember(raw);
      return count;
    }

    var remembering = 0;
    function remember(raw) {
      clearTimeout(remembering);
      remembering = setTimeout(function () {
        var params = new URLSearchParams(location.search);
        if (raw.trim()) params.set("q", raw.trim()); else params.delete("q");
        var search = params.toString();
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      }, 150);
    }

    var loading = null;
    function ready() {
      if (items.length || !dataUrl) return Promise.resolve();
      if (!loading) {
        loading = fetch(dataUrl).then(function (r) { return r.json(); }).then(function (data) {
          useSynonyms(data.synonyms);
          index(data.questions.map(function (d) {
            var item = entry(d.id, d.question, d.also || [], d.answer || "", null);
            item.url = new URL(d.url, new URL(dataUrl, location.href)).href;
            item.excerpt = d.answer;
            return item;
          }));
        });
      }
      return loading;
    }

    if (!dataUrl) index(fromPage());
    input.addEventListener("input", function () { ready().then(run); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-ex-site-search]").addEventListener("click", function () {
      // Hand the words to the theme's own site search and open it.
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
    form.exRank = function (q) { return rank(normalise(q)); }; // used by tests to read the scores
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      // The theme opens its own search for ?q= on page load; here ?q= belongs to this filter.
      var toggle = document.querySelector("input[data-md-toggle=search]");
      var box = document.querySelector("input[data-md-component=search-query]");
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        if (box) box.value = "";
      }
      input.value = initial;
      ready().then(run);
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
