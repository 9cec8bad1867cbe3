/* explainer: fetch what only some readers need when they need it. The theme asks for the whole
   search index and the sitemap as every page loads; on a large site that is most of what a first
   visit transfers. Until the reader shows they are about to search (focus or click on the search
   box, its keyboard shortcut, the FAQ filter's hand-off) the index request waits; the sitemap
   (used to follow links without a reload) waits for the first pointer or key. Inlined in the head,
   before the theme's script, so the theme's own requests go through it. */
(function () {
  "use strict";
  var waiting = { search: [], sitemap: [] };
  var released = { search: false, sitemap: false };
  function release(kind) {
    if (released[kind]) return;
    released[kind] = true;
    waiting[kind].forEach(function (go) { go(); });
    waiting[kind] = [];
  }
  function kindOf(url) {
    if (/\/search\/search_index\.json(?:$|\?)/.test(url)) return "search";
    if (/\/sitemap\.xml(?:$|\?)/.test(url)) return "sitemap";
    return null;
  }
  // The theme requests both with XMLHttpRequest: hold the send until the reader needs the answer.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__explainerKind = kindOf(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var kind = this.__explainerKind, request = this, args = arguments;
    if (!kind || released[kind]) return send.apply(this, args);
    waiting[kind].push(function () { send.apply(request, args); });
  };
  function isSearch(target) {
    return target && target.closest && target.closest(
      "[data-md-component=search], label[for=__search], input[data-md-toggle=search], [data-ex-site-search]");
  }
  ["focusin", "pointerdown", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (isSearch(event.target)) release("search");
      if (type === "pointerdown") release("sitemap");
    }, true);
  });
  document.addEventListener("keydown", function (event) {
    release("sitemap");
    // The theme opens search with "f", "s" and "/" (outside form fields).
    if (/^[fs/]$/.test(event.key) && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) release("search");
  }, true);
  document.addEventListener("change", function (event) { if (isSearch(event.target)) release("search"); }, true);
  window.addEventListener("explainer:search", function () { release("search"); });
  // The theme's search page (?q= on load) needs the index at once.
  if (/[?&]q=/.test(location.search) && !document.querySelector("[data-ex-faq-search]")) release("search");
})();
