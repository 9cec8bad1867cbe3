/* explainer: the decision guide. The page is a decision table without this script; the script
   ranks the technologies by the reader's answers and shows the ratings that decided each place.
   Answers live in the URL (?question=answer), so a recommendation can be shared. Everything it
   writes into the page is text (textContent), never markup. No library, no network. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setup(form) {
    if (form.hasAttribute("data-ex-ready")) return;
    form.setAttribute("data-ex-ready", "");
    var data = JSON.parse(form.getAttribute("data-ex-guide") || "{}");
    var results = form.querySelector(".ex-guide-results");
    var questions = data.questions || [];
    var byQuestion = {};
    questions.forEach(function (q) {
      byQuestion[q.id] = {};
      q.choices.forEach(function (c) { byQuestion[q.id][c.id] = c; });
    });

    // Addresses come from real links in the page, which the site engine has already resolved.
    function href(selector) {
      var link = document.querySelector(selector);
      return link ? link.getAttribute("href") : null;
    }

    function answers() {
      var found = [];
      questions.forEach(function (q) {
        var picked = form.querySelector('input[name="' + q.id + '"]:checked');
        if (picked && picked.value && byQuestion[q.id][picked.value]) {
          found.push({ question: q.id, choice: byQuestion[q.id][picked.value] });
        }
      });
      return found;
    }

    // One technology against every preference of the reader's answers: satisfied, failed, unknown.
    // Preferences on the same dimension (a graded answer) are one reason: the best outcome, its points.
    function judge(technology, given) {
      var ratings = data.ratings[technology.id] || {};
      var verdict = { technology: technology, score: 0, possible: 0, unknown: 0, excluded: false, reasons: [] };
      given.forEach(function (answer) {
        var byDimension = {};
        answer.choice.prefer.forEach(function (preference) {
          var rating = ratings[preference.dimension] || { values: [], text: "Not assessed", note: "" };
          var outcome = "unknown";
          if (rating.values.length) {
            outcome = rating.values.some(function (v) { return preference.accepts.indexOf(v) >= 0; }) ? "yes" : "no";
          }
          var reason = byDimension[preference.dimension];
          if (!reason) {
            reason = byDimension[preference.dimension] = {
              dimension: data.dimensions[preference.dimension] || preference.dimension, outcome: outcome,
              text: rating.text, note: rating.note, required: false, wanted: answer.choice.label,
              points: 0, possible: 0
            };
            verdict.reasons.push(reason);
          }
          reason.possible = Math.max(reason.possible, preference.weight);
          if (outcome === "yes") reason.points = Math.max(reason.points, preference.weight);
          reason.outcome = rating.values.length ? (reason.points > 0 ? "yes" : "no") : "unknown";
          if (outcome === "no" && preference.required) { verdict.excluded = true; reason.required = true; }
        });
        verdict.reasons.forEach(function (reason) {
          if (reason.counted) return;
          reason.counted = true;
          verdict.score += reason.points;
          verdict.possible += reason.possible;
          if (reason.outcome === "unknown") verdict.unknown += 1;
        });
      });
      return verdict;
    }

    function rank(given) {
      return data.technologies.map(function (t, index) {
        var verdict = judge(t, given);
        verdict.index = index;
        return verdict;
      }).sort(function (a, b) {
        return (a.excluded - b.excluded) || (b.score - a.score) || (a.unknown - b.unknown) || (a.index - b.index);
      });
    }

    var SHOWN = 3;
    var MARKS = { yes: "✓", no: "✗", unknown: "?" };
    var SAID = { yes: "fits", no: "does not fit", unknown: "not assessed" };

    function show(given) {
      results.textContent = "";
      if (!given.length) {
        results.appendChild(el("p", "ex-guide-hint", "Answer a question above to see which technologies fit."));
        return;
      }
      var ranked = rank(given);
      results.appendChild(el("h2", "ex-guide-heading", "What fits your answers"));
      var list = el("ol", "ex-guide-ranking");
      var best = ranked[0];
      // The best few in full; the rest folded, still in order, for a reader who wants to know why.
      var rest = el("details", "ex-guide-rest");
      var restList = el("ol", "ex-guide-ranking");
      restList.start = SHOWN + 1;
      rest.appendChild(el("summary", null, (ranked.length - SHOWN) + " more, ranked lower"));
      rest.appendChild(restList);
      ranked.forEach(function (verdict, place) {
        var item = el("li", "ex-guide-result" + (verdict.excluded ? " ex-guide-excluded" : ""));
        item.setAttribute("data-tech", verdict.technology.id);
        var title = el("p", "ex-guide-name");
        var link = el("a", null, verdict.technology.name);
        link.href = href('a[data-ex-tech="' + verdict.technology.id + '"]') || "#";
        title.appendChild(link);
        var summary = verdict.excluded ? " — ruled out by a must-have" :
          " — fits " + verdict.score + " of " + verdict.possible + " points of what you asked for";
        title.appendChild(document.createTextNode(summary));
        item.appendChild(title);
        item.appendChild(el("p", "ex-guide-summary", verdict.technology.summary));
        var reasons = el("ul", "ex-guide-reasons");
        verdict.reasons.forEach(function (reason) {
          var line = el("li", "ex-guide-reason");
          line.setAttribute("data-outcome", reason.outcome);
          var mark = el("span", "ex-fit", MARKS[reason.outcome]);
          mark.setAttribute("data-fit", reason.outcome);
          mark.setAttribute("aria-hidden", "true");
          line.appendChild(mark);
          line.appendChild(el("span", "ex-sr", SAID[reason.outcome] + ": "));
          line.appendChild(document.createTextNode(" " + reason.dimension + ": " + reason.text +
            " (you asked: " + reason.wanted + (reason.required ? ", a must-have" : "") + ")"));
          if (reason.note) line.appendChild(el("span", "ex-guide-note", " " + reason.note));
          reasons.appendChild(line);
        });
        item.appendChild(reasons);
        if (place > 0) {
          var ids = [best.technology.id, verdict.technology.id];
          var pair = href('a[data-ex-pair="' + ids[0] + "-vs-" + ids[1] + '"]') ||
            href('a[data-ex-pair="' + ids[1] + "-vs-" + ids[0] + '"]');
          if (pair) {
            var compare = el("a", "ex-guide-pair", "Compare it with " + best.technology.name + " side by side");
            compare.href = pair;
            item.appendChild(el("p")).appendChild(compare);
          }
        }
        (place < SHOWN ? list : restList).appendChild(item);
      });
      results.appendChild(list);
      if (ranked.length > SHOWN) results.appendChild(rest);
      var reading = el("p", "ex-guide-reading");
      given.forEach(function (answer) {
        Array.prototype.forEach.call(
          document.querySelectorAll('a[data-ex-guide-faq="' + answer.question + '"]'), function (faq) {
            var a = el("a", null, faq.textContent);
            a.href = faq.getAttribute("href");
            if (reading.childNodes.length) reading.appendChild(document.createTextNode(" · "));
            reading.appendChild(a);
          });
      });
      if (reading.childNodes.length) {
        results.appendChild(el("p", "ex-guide-more", "Read more about these trade-offs:"));
        results.appendChild(reading);
      }
    }

    function remember(given) {
      var params = new URLSearchParams(location.search);
      questions.forEach(function (q) { params.delete(q.id); });
      given.forEach(function (answer) { params.set(answer.question, answer.choice.id); });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function update() {
      var given = answers();
      show(given);
      remember(given);
    }

    var params = new URLSearchParams(location.search);
    questions.forEach(function (q) {
      var wanted = params.get(q.id);
      if (wanted && byQuestion[q.id][wanted]) {
        var input = form.querySelector('input[name="' + q.id + '"][value="' + wanted + '"]');
        if (input) input.checked = true;
      }
    });
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var reset = form.querySelector("[data-ex-guide-reset]");
    if (reset) {
      reset.addEventListener("click", function () {
        Array.prototype.forEach.call(form.querySelectorAll('input[type=radio][value=""]'), function (input) {
          input.checked = true;
        });
        update();
      });
    }
    show(answers());
    // A link to one of the guide's questions (guide:<id> in content) names its row of the decision
    // table, below the form; with the form on screen, the question is where the reader answers it.
    // The browser and the theme scroll to the row first (on load, or after an instant page swap).
    var asked = location.hash && form.querySelector('[data-question="' + CSS.escape(location.hash.slice(1)) + '"]');
    if (!asked) return;
    var ask = function () { requestAnimationFrame(function () { asked.scrollIntoView(); }); };
    if (document.readyState === "complete") ask(); else window.addEventListener("load", ask, { once: true });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ex-guide]"), setup);
  }

  if (window.document$) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
