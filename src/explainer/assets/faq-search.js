/* explainer: the FAQ filter. Typing shows the matching questions as one list, best first. Every
   word typed is required: a question matches when its wording, one of its other phrasings or its
   answer holds each word (or a synonym of it). A question worded exactly as typed (its question or
   one of its other phrasings) comes first. Then what the wording asks about: the more of
   the words the question or its other phrasings hold, the higher it comes, however many its answer
   holds; then a word in the question counts more than one in its other phrasings, more than a
   synonym's match, more than one in the answer; whole words and their other forms (image, images)
   more than prefixes or typos; rare words more than common ones. Connecting and filler words ("vs",
   "or", "the difference between", "exactly") never make a query fail. When no question's wording
   holds every word, the closest questions are shown and labelled as such: the more of the words a
   question's wording holds, the higher it comes, though a rare word in an answer can outweigh a
   common one in another question; one or two questions that hold every word are followed by the
   closest others, labelled too. Glossary synonyms expand both ways (an
   abbreviation finds its term). The query stays in the URL (?q=). On a site too large to put every
   answer on one page, the questions come from a data file fetched on the first keystroke. */
(function () {
  "use strict";

  // A word's weight by where it is: the question, its other phrasings, the answer. An answer's word
  // at 3 rather than 2 (any of 2.5 to 5 measured alike) ranks the closest questions better when none
  // holds every word: FAQ hit@1 81.1 % to 82.3 % on the first site's 333 queries, 68.9 % to 73.3 % on
  // the 45 written blind last, the second topic's 76.2 % unchanged, every wording still first.
  var WEIGHT = [8, 6, 3];
  // A match through a glossary synonym counts less than the word typed (an abbreviation's plural
  // or other form counts in full).
  var SYNONYM = 0.7;
  var CLOSE = { exact: 1, variant: 0.8, prefix: 0.6, typo: 0.5 };
  // The closest questions shown when none holds every word, and the fewest results when some do.
  var PARTIAL_LIMIT = 10, FEW = 3;
  // The most results put on the page at once: a longer list is not read, and costs time to lay out.
  var SHOWN = 50;
  // The most a question wholly about the query gains over one that only mentions it.
  var FOCUS = 6;

  var shared = self.ExplainerWords, normalise = shared.normalise, within = shared.within;
  var variant = shared.variant, core = shared.stem, COMPARES = shared.COMPARES;
  var CONNECTING = shared.CONNECTING;

  // A normalised text without its connecting words.
  function meaningful(text) {
    return text.split(" ").filter(function (w) { return w && !CONNECTING.has(w); }).join(" ");
  }

  // One question as the filter sees it: normalised text per field, and its words with the fields
  // they are in (a bit per field, in the order of FIELDS). What every keystroke reads again is
  // split here once: each field's words (`split`), and the question and its other phrasings
  // without connecting words (`said`, padded with spaces to find a phrase as whole words), then each
  // wording whole, small words kept, to find the one typed word for word.
  function entry(id, question, also, answer) {
    var fields = [normalise(question), normalise(also.join(" ")), normalise(answer)];
    var words = {}, split = fields.map(function (text) { return text.split(" "); });
    split.forEach(function (list, field) {
      list.forEach(function (w) { if (w) words[w] = (words[w] || 0) | (1 << field); });
    });
    var said = fields.slice(0, 2).map(function (t) { return " " + meaningful(t) + " "; });
    said.push(also.concat(question).map(normalise));
    return { id: id, question: question, fields: fields, words: words, split: split, said: said };
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
        var m = fragment.appendChild(document.createElement("mark"));
        m.className = "ex-hit";
        m.textContent = hit[0];
        cursor = hit.index + hit[0].length;
      });
      fragment.appendChild(document.createTextNode(text.slice(cursor)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  function unmark(el) {
    el.querySelectorAll("mark.ex-hit").forEach(function (m) { m.replaceWith(m.textContent); });
    el.normalize();
  }

  function setup(form) {
    if (form.hasAttribute("data-ex-ready")) return;
    form.setAttribute("data-ex-ready", "");
    var input = form.querySelector("input[name=q]");
    var status = form.querySelector("[role=status]");
    var empty = form.querySelector(".ex-faq-empty");
    var results = form.querySelector(".ex-faq-results");
    var dataUrl = form.getAttribute("data-ex-faq-data");
    var groups = [], starts = [], items = [], postings = {}, sorted = [], byLength = [], cores = {}, remembered = {};
    var pattern = null, shown = [];

    // Every name of every group, as the query's words will be (without connecting words), longest
    // first: "text to speech" is looked for before "speech", whichever group each is in.
    var names = [];
    function useSynonyms(list) {
      groups = list.map(function (group) { return group.map(normalise); });
      names = [];
      // The first word of each name of each group (looked up for every word of every question), and
      // each name as the query's words will be.
      starts = groups.map(function (group, g) {
        var first = {};
        group.forEach(function (name) {
          first[name.split(" ")[0]] = true;
          names.push({ words: meaningful(name).split(" ").filter(Boolean), group: g });
        });
        return first;
      });
      names.sort(function (a, b) { return b.words.length - a.words.length; });
    }

    function index(list) {
      items = list;
      postings = {}; cores = {}; byLength = []; remembered = {};
      items.forEach(function (item, i) {
        Object.keys(item.words).forEach(function (w) { (postings[w] = postings[w] || []).push(i); });
      });
      sorted = Object.keys(postings).sort();
      sorted.forEach(function (w) {
        var c = core(w);
        if (!cores[c]) { cores[c] = []; (byLength[c.length] = byLength[c.length] || []).push(c); }
        cores[c].push(w);
      });
    }

    function fromPage() {
      return Array.from(document.querySelectorAll("details.ex-faq"), function (el) {
        var summary = el.querySelector("summary");
        var answer = el.textContent.slice(summary.textContent.length);
        var item = entry(el.getAttribute("data-faq"), summary.textContent,
          JSON.parse(el.getAttribute("data-also") || "[]"), answer);
        item.el = el;
        item.home = { parent: el.parentNode, next: el.nextSibling };
        return item;
      });
    }

    // Where the words starting with `head` begin in the sorted vocabulary.
    function from(head) {
      var low = 0, high = sorted.length;
      while (low < high) { var mid = (low + high) >> 1; if (sorted[mid] < head) low = mid + 1; else high = mid; }
      return low;
    }

    // The vocabulary words a typed word stands for, each with how closely it matches. The word
    // being typed (the last, with no space after it yet) also stands for the words it begins, once
    // it has three letters, as in site search: two ("wh", "ch") begin hundreds of words, which
    // matched nearly every question and made those keystrokes the slowest (measured at 1,000
    // questions: median keystroke 12.7 to 10 ms, 95th percentile 45 to 38 ms on a loaded machine).
    function candidates(word, isLast) {
      var key = (isLast ? "+" : "=") + word;
      if (remembered[key]) return remembered[key];
      var found = {}, k;
      if (postings[word]) found[word] = CLOSE.exact;
      var head = word.slice(0, Math.max(3, word.length - 6));
      for (k = from(head); word.length >= 3 && k < sorted.length && sorted[k].indexOf(head) === 0; k++) {
        if (!found[sorted[k]] && variant(sorted[k], word)) found[sorted[k]] = CLOSE.variant;
      }
      for (k = from(word); isLast && word.length >= 3 && k < sorted.length && sorted[k].indexOf(word) === 0; k++) {
        if (!found[sorted[k]]) found[sorted[k]] = CLOSE.prefix;
      }
      // A typo keeps the first letter, and in a word of four letters it can only be a swap (bais, bias).
      var typed = core(word), limit = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
      var letters = typed.split("").sort().join();
      for (var length = typed.length - limit; limit && length <= typed.length + limit; length++) {
        (byLength[length] || []).forEach(function (c) {
          if (c[0] !== typed[0] || !within(c, typed, limit)) return;
          if (typed.length === 4 && c.split("").sort().join() !== letters) return;
          cores[c].forEach(function (v) { if (!found[v]) found[v] = CLOSE.typo; });
        });
      }
      return (remembered[key] = found);
    }

    // The query as concepts: a typed word (with its near words) and the synonyms it names.
    function concepts(query) {
      var words = query.split(" ").filter(Boolean);
      var kept = words.filter(function (w) { return !CONNECTING.has(w); });
      // A query made only of small words keeps them.
      if (!kept.length) kept = words;
      var used = [], taken = {}, found = [];
      // A name is in the query where its words follow one another, each as typed or in another form
      // ("photos" for "photo"); each group and each word of the query counts once. The words as
      // typed join the group's names: "classifies" names the group of "classifiers" and must still
      // find the question that says "classifies".
      names.forEach(function (name) {
        if (taken[name.group] || !name.words.length) return;
        for (var i = 0; i + name.words.length <= kept.length; i++) {
          var fits = name.words.every(function (w, j) {
            return !used[i + j] && (kept[i + j] === w || (w.length > 3 && variant(kept[i + j], w)));
          });
          if (!fits) continue;
          for (var j = 0; j < name.words.length; j++) used[i + j] = true;
          taken[name.group] = true;
          var typed = kept.slice(i, i + name.words.length).join(" ");
          found.push({ typed: typed, phrases: groups[name.group].concat(typed), starts: starts[name.group] });
          return;
        }
      });
      kept.forEach(function (word, i) {
        if (used[i]) return;
        var isLast = i === kept.length - 1 && query.slice(-word.length) === word;
        found.push({ typed: word, words: candidates(word, isLast) });
      });
      return found;
    }

    // How well each question holds one concept, for the questions that hold it at all: the weight
    // of the best field it is in, times how close the match is (a synonym counts less than the word
    // typed), and whether the question or its other phrasings hold it (in the row's second half).
    // Only the questions listed under the concept's words are looked at.
    function holding(concept, k, rows) {
      function hold(i, field, value) {
        var row = rows[i] || (rows[i] = new Float64Array(2 * rows.width));
        if (value > row[k]) row[k] = value;
        if (field < 2) row[rows.width + k] = 1;
      }
      if (concept.phrases) {
        concept.phrases.forEach(function (phrase) {
          var factor = phrase === concept.typed || variant(phrase, concept.typed) ? 1 : SYNONYM;
          (postings[phrase.split(" ")[0]] || []).forEach(function (i) {
            items[i].fields.forEach(function (text, field) {
              if ((" " + text + " ").indexOf(" " + phrase + " ") >= 0) hold(i, field, WEIGHT[field] * factor);
            });
          });
        });
        return;
      }
      Object.keys(concept.words).forEach(function (word) {
        postings[word].forEach(function (i) {
          var bits = items[i].words[word], field = bits & 1 ? 0 : bits & 2 ? 1 : 2;
          hold(i, field, WEIGHT[field] * concept.words[word]);
        });
      });
    }

    // Words typed side by side that stand close together (either way round) in the question or its
    // other phrasings: "make ... up"; `held` are the concepts the item holds, so "make stuff up" counts.
    // A concept is at a word it stands for, or where one of its names starts.
    function proximity(item, held) {
      var bonus = 0;
      [0, 1].forEach(function (field) {
        var words = item.split[field];
        var at = held.map(function (c) {
          var here = c.starts || c.words;
          return words.flatMap(function (w, i) { return here[w] !== undefined ? [i] : []; });
        });
        for (var k = 0; k + 1 < held.length; k++) {
          if (at[k].some(function (i) { return at[k + 1].some(function (j) { return i !== j && Math.abs(i - j) <= 3; }); })) {
            bonus += 3 - field;
          }
        }
      });
      return bonus;
    }

    // How much of the question is what the reader asked about: "What is sharding for?" is more
    // about sharding than "Can every database use sharding?", so it comes first for "sharding".
    function focus(item, list) {
      var question = " " + item.fields[0] + " ", covered = {};
      list.forEach(function (c) {
        (c.phrases || []).forEach(function (p) {
          if (question.indexOf(" " + p + " ") >= 0) p.split(" ").forEach(function (w) { covered[w] = 1; });
        });
      });
      var words = item.said[0].split(" ").filter(Boolean);
      var held = words.filter(function (w) {
        return covered[w] || list.some(function (c) { return c.words && c.words[w] !== undefined; });
      });
      return words.length ? held.length / words.length : 0;
    }

    function rank(query) {
      var list = concepts(query), rows = { width: list.length };
      list.forEach(function (concept, k) { holding(concept, k, rows); });
      var found = Object.keys(rows).filter(function (i) { return i !== "width"; });
      // A concept few questions hold tells more about which one is meant than one most of them hold.
      var rarity = list.map(function (concept, k) {
        var held = found.filter(function (i) { return rows[i][k] > 0; }).length;
        return Math.log(1 + items.length / (held || 1));
      });
      var phrase = meaningful(query), comparing = COMPARES.test(query);
      var average = rarity.reduce(function (sum, r) { return sum + r; }, 0) / (rarity.length || 1);
      var scored = found.map(function (i) {
        var item = items[i], row = rows[i], score = 0, asked = 0;
        var held = list.filter(function (c, k) { score += row[k] * rarity[k]; asked += row[list.length + k]; return row[k] > 0; });
        // The words typed, in the order typed, in the question or one of its phrasings ("sql vs nosql").
        // It weighs like the words themselves, so it holds on a large site where rarities grow.
        if (phrase.indexOf(" ") > 0) score += average * (item.said[0].indexOf(" " + phrase + " ") >= 0 ? 10 : item.said[1].indexOf(" " + phrase + " ") >= 0 ? 8 : 0);
        // A question worded word for word as typed, in its question or one of its other phrasings,
        // comes first ("sql vs nosql" is how one question is also asked, and how another
        // compares the two): its wording holds every word, so it is among those that hold the most.
        // Small words count here, or "what can sql do" would be what "what is sql exactly" asks.
        if (item.said[2].indexOf(query) >= 0) score += 1e6;
        score += FOCUS * focus(item, list) + (held[1] ? proximity(item, held) : 0);
        // A reader who compares ("x vs y") is best served by a question that compares.
        if (comparing) score += COMPARES.test(item.fields[0]) ? 4 : COMPARES.test(item.fields[1]) ? 3 : 0;
        return { item: item, score: score, asked: asked, complete: held.length === list.length };
      });
      // Every word is required: a question matches when it holds each one, in its wording or its
      // answer. What a question's wording asks about comes first: among the questions that hold every
      // word, the more of them its question or other phrasings hold, the higher it ranks, whatever its
      // answer holds. Measured on the first site, a long answer that happens to hold every word put
      // the wrong question first (FAQ hit@1 78 % with answers deciding a match, 81 % with the wording
      // deciding the order). When no question's wording holds them all, the closest are shown instead
      // (labelled): each counts for its score, raised by the share of the words its wording holds (up
      // to twice), so a rare word in an answer can outweigh a common one in a question (measured: FAQ
      // hit@1 81.2 % to 82.3 % on the first site's queries, 62.8 % to 67.4 % on queries written after).
      // Fewer than FEW questions that hold every word are followed by the closest others, labelled
      // too: a long query can hold a word the question meant does not ("temprature ... chatgpt",
      // where the question on temperature names no product).
      var partial = !scored.some(function (s) { return s.asked === list.length; });
      var closest = function (s) { return s.score * (1 + s.asked / list.length); };
      // Sorting keeps the questions' order among equals.
      scored.sort(function (a, b) { return closest(b) - closest(a); });
      var found = partial ? [] : scored.filter(function (s) { return s.complete; });
      found.sort(function (a, b) { return b.asked - a.asked || b.score - a.score; });
      var close = partial ? scored.slice(0, PARTIAL_LIMIT) :
        scored.filter(function (s) { return !s.complete; }).slice(0, Math.max(0, FEW - found.length));
      return { found: found.concat(close), close: close.length, concepts: list };
    }

    // What to mark in what is shown: every vocabulary word the query stood for, and each synonym
    // it named, whole ("text-to-video", never a lone "to").
    function marking(list) {
      var words = [];
      list.forEach(function (c) { words = words.concat(c.phrases || Object.keys(c.words)); });
      return shared.marker(words.filter(function (w) { return w.length > 1; }).map(function (w) {
        return shared.spelled(w.split(" ").map(function (part) { return [shared.escaped(part)]; }));
      }));
    }

    // Put every question back in its topic, as the page was written.
    function restore() {
      shown.forEach(function (item) {
        if (!item.el) return;
        unmark(item.el);
        item.home.parent.insertBefore(item.el, item.home.next);
      });
      shown = [];
      results.textContent = "";
    }

    // The questions found, the last `close` of them the closest others.
    function present(found, close) {
      restore();
      found.forEach(function (scored, n) {
        var item = scored.item, li = results.appendChild(document.createElement("li"));
        if (n >= found.length - close) li.className = "ex-faq-close";
        if (item.el) {
          // The question itself, with its answer, moves into the list.
          li.appendChild(item.el);
          if (pattern) mark(item.el.open ? item.el : item.el.querySelector("summary"), pattern);
        } else {
          var a = li.appendChild(document.createElement("a"));
          a.href = item.url;
          a.textContent = item.question;
          if (pattern) mark(a, pattern);
          if (item.excerpt) li.appendChild(document.createElement("p")).textContent = item.excerpt;
        }
        shown.push(item);
      });
    }

    function run() {
      var raw = input.value, query = normalise(raw);
      var active = query.length > 0 && items.length > 0;
      // While filtering, the topics that follow the form are hidden (explainer.css).
      form.classList.toggle("ex-faq-filtering", active);
      var count = 0;
      if (active) {
        var outcome = rank(query), found = outcome.found, close = outcome.close, total = found.length - close;
        pattern = marking(outcome.concepts);
        present(found.slice(0, SHOWN), close);
        count = Math.min(found.length, SHOWN);
        // The number shown comes first whenever some are the closest rather than matches.
        status.textContent = !close ? total + (total === 1 ? " question matches." :
          " questions match" + (total > count ? "; the best " + count + " are shown." : ".")) :
          !total ? "No question asks about every word; the " + (close === 1 ? "closest one is" : close + " closest are") + " shown." :
          count + " questions shown: " + total + " with every word, then the " + (close === 1 ? "closest other." : close + " closest others.");
        status.dataset.count = count;
      } else {
        restore();
        status.textContent = "";
      }
      results.classList.toggle("ex-hidden", !count);
      empty.classList.toggle("ex-hidden", !active || count > 0);
      remember(raw);
      return count;
    }

    var remembering = 0;
    function remember(raw) {
      clearTimeout(remembering);
      remembering = setTimeout(function () {
        var url = new URL(location.href), q = raw.trim();
        if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
        history.replaceState(history.state, "", url);
      }, 150);
    }

    var loading = null;
    function ready() {
      if (items.length || !dataUrl) return Promise.resolve();
      if (!loading) {
        loading = fetch(dataUrl).then(function (r) { return r.json(); }).then(function (data) {
          useSynonyms(data.synonyms);
          index(data.questions.map(function (d) {
            var item = entry(d.id, d.question, d.also || [], d.answer || "");
            item.url = new URL(d.url, new URL(dataUrl, location.href)).href;
            item.excerpt = d.answer;
            return item;
          }));
        });
      }
      return loading;
    }

    useSynonyms(JSON.parse(form.getAttribute("data-synonyms") || "[]"));
    if (!dataUrl) index(fromPage());
    input.addEventListener("input", function () { ready().then(run); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // An answer opened in the list shows the matched words too (marked when opened, not before).
    results.addEventListener("toggle", function (event) {
      if (event.target.open && pattern) {
        unmark(event.target);
        mark(event.target, pattern);
      }
    }, true);
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
    // One filter pass, for the benchmark to time (bench/faq_filter.py).
    form.exFilter = run;
    // faq-query.js kept ?q= from the theme's search, which would open with it: the first run
    // puts it back in the address.
    var kept = document.documentElement.dataset;
    var initial = "exFaqQuery" in kept ? kept.exFaqQuery : new URLSearchParams(location.search).get("q");
    delete kept.exFaqQuery;
    if (initial) {
      input.value = initial;
      ready().then(run);
      input.focus();
    }
  }

  function init() {
    document.querySelectorAll("[data-ex-faq-search]").forEach(setup);
  }

  if (window.document$) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
