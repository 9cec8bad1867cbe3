/* explainer: the comparison matrix's controls. The table is complete without this script; the
   script adds column choice, "differences only", row order and a shareable URL
   (?tech=a,b&diff=1&sort=name). No library, no network. */
(function () {
  "use strict";

  function setup(root) {
    var form = root.querySelector("[data-ex-matrix-controls]");
    var table = root.querySelector("table");
    if (!form || !table || root.hasAttribute("data-ex-ready")) return;
    root.setAttribute("data-ex-ready", "");

    var columns = Array.from(table.tHead.rows[0].cells).slice(1).map(function (c) {
      return c.getAttribute("data-tech");
    });
    var bodies = Array.from(table.tBodies);
    // Each dimension's row and the group (table body) the page puts it in.
    var rows = Array.from(table.querySelectorAll("tbody > tr[data-dimension]"));
    var home = rows.map(function (row) { return row.parentNode; });
    var groupRows = bodies.map(function (b) { return b.querySelector(".ex-group-row"); });
    var boxes = Array.from(form.querySelectorAll("input[name=tech]"));
    var diff = form.querySelector("input[name=diff]");
    var sort = form.querySelector("select[name=sort]");
    var status = form.querySelector("[role=status]");
    var compareTwo = form.querySelector("[data-ex-compare-two]");
    var compareHint = compareTwo ? compareTwo.innerHTML : "";
    var diffTouched = false;

    function chosen() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    }

    // A cell belongs to its column's technology: the header names it once, the cells do not repeat it
    // (group rows, one cell across the table, belong to none).
    function techOf(cell) {
      var row = cell.parentNode;
      return cell.cellIndex > 0 && row.cells.length === columns.length + 1 ? columns[cell.cellIndex - 1] : null;
    }

    function cellsOf(row, shown) {
      return Array.from(row.cells).filter(function (c) {
        var tech = techOf(c);
        return tech !== null && shown.indexOf(tech) >= 0;
      });
    }

    function spread(row, shown) {
      var seen = {};
      cellsOf(row, shown).forEach(function (c) { seen[c.getAttribute("data-value")] = 1; });
      return Object.keys(seen).length;
    }

    function order(how, shown) {
      var indexed = rows.map(function (row, i) { return [row, i]; });
      if (how === "name") {
        indexed.sort(function (a, b) {
          return a[0].cells[0].textContent.localeCompare(b[0].cells[0].textContent);
        });
      } else if (how === "spread") {
        indexed.sort(function (a, b) { return spread(b[0], shown) - spread(a[0], shown) || a[1] - b[1]; });
      }
      var placed = indexed.map(function (pair) {
        return [pair[0], how === "group" ? home[pair[1]] : bodies[0]];
      });
      // Moving rows restyles the whole table, so move them only when the order changes:
      // on load, in the order the page was written, nothing moves.
      var inPlace = placed.every(function (item, i) {
        var before = placed[i - 1];
        return item[0].parentNode === item[1] &&
          (!before || before[1] !== item[1] || item[0].previousElementSibling === before[0]);
      });
      if (inPlace) return;
      placed.forEach(function (item) { item[1].appendChild(item[0]); });
    }

    function apply() {
      var picked = chosen();
      var shown = picked.length ? picked : columns;
      Array.from(table.rows).forEach(function (row) {
        Array.from(row.cells).forEach(function (cell) {
          var tech = techOf(cell);
          if (tech === null) return;
          var hide = shown.indexOf(tech) < 0;
          if (cell.hidden !== hide) cell.hidden = hide;
        });
      });
      var visible = 0;
      rows.forEach(function (row) {
        var hide = diff.checked && spread(row, shown) <= 1;
        if (row.hidden !== hide) row.hidden = hide;
        if (!row.hidden) visible += 1;
      });
      order(sort.value, shown);
      groupRows.forEach(function (groupRow, i) {
        if (!groupRow) return;
        if (groupRow.cells[0].colSpan !== shown.length + 1) groupRow.cells[0].colSpan = shown.length + 1;
        var any = rows.some(function (row, j) { return home[j] === bodies[i] && !row.hidden; });
        var hide = sort.value !== "group" || !any;
        if (groupRow.hidden !== hide) groupRow.hidden = hide;
      });
      status.textContent = "Showing " + shown.length + " of " + columns.length + " technologies and " +
        visible + " of " + rows.length + " dimensions" + (diff.checked ? " (differences only)" : "") + ".";
      if (compareTwo) {
        var href = pairHref(columns.filter(function (id) { return picked.indexOf(id) >= 0; }));
        if (href) {
          var a = document.createElement("a");
          a.href = href;
          a.textContent = "Open the side-by-side page for these two";
          compareTwo.replaceChildren(a);
        } else {
          compareTwo.innerHTML = compareHint;
        }
      }
    }

    // The page for a pair, when the site builds one: the template link names one real pair page,
    // and every pair page's address differs from it only in the two ids (in column order).
    var template = form.querySelector("[data-ex-pair-template]");
    var pages = (form.getAttribute("data-ex-pairs") || "").split(" ");
    function pairHref(pair) {
      if (!template || pair.length !== 2) return null;
      var umbrella = boxes.some(function (b) { return pair.indexOf(b.value) >= 0 && b.hasAttribute("data-umbrella"); });
      var keys = [pair[0] + "-vs-" + pair[1], pair[1] + "-vs-" + pair[0]];
      var key = pages[0] === "all" && !umbrella ? keys[0] : keys.filter(function (k) { return pages.indexOf(k) >= 0; })[0];
      if (!key) return null;
      var model = template.getAttribute("data-ex-pair-template");
      return template.getAttribute("href").split(model).join(key);
    }

    function remember() {
      var url = new URL(location.href), params = url.searchParams, picked = chosen();
      if (picked.length) params.set("tech", picked.join(",")); else params.delete("tech");
      if (diff.checked) params.set("diff", "1"); else params.delete("diff");
      if (sort.value !== "group") params.set("sort", sort.value); else params.delete("sort");
      url.search = params.toString().replace(/%2C/g, ",");
      history.replaceState(history.state, "", url);
    }

    // The address decides what it names; a box the reader ticked before this script ran stays ticked.
    function restore() {
      var params = new URLSearchParams(location.search);
      var wanted = (params.get("tech") || "").split(",");
      if (params.has("tech")) boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
      if (params.has("diff")) diff.checked = params.get("diff") === "1";
      var how = params.get("sort");
      sort.value = how === "name" || how === "spread" ? how : "group";
      diffTouched = params.has("diff");
    }

    form.addEventListener("change", function (event) {
      if (event.target === diff) diffTouched = true;
      // Narrowing to exactly two usually means "how do these two differ?": answer that at once,
      // until the reader sets "differences only" themselves.
      if (event.target.name === "tech" && !diffTouched) diff.checked = chosen().length === 2;
      apply();
      remember();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var reset = form.querySelector("[data-ex-reset]");
    if (reset) {
      reset.addEventListener("click", function () {
        boxes.forEach(function (b) { b.checked = false; });
        diff.checked = false;
        diffTouched = false;
        sort.value = "group";
        apply();
        remember();
      });
    }

    // Printing shows every note: open them all, then put them back as they were.
    var reopened = [];
    window.addEventListener("beforeprint", function () {
      reopened = Array.from(root.querySelectorAll("details")).filter(function (d) { return !d.open; });
      reopened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      reopened.forEach(function (d) { d.open = false; });
    });

    restore();
    apply();
    remember();
  }

  function init() {
    document.querySelectorAll("[data-ex-matrix]").forEach(setup);
  }

  if (window.document$) {
    window.document$.subscribe(init); // Material's instant navigation swaps pages without reloading
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
