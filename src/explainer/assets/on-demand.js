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
  // A site searched with Pagefind has no lunr index (explainer.chunked_search): the theme's request
  // for it gets an empty one from here, which only tells the theme that its search can start.
  function answerEmpty(request) {
    var index = { config: { lang: ["en"], separator: "[\\s\\-]+", pipeline: [], fields: {} }, docs: [] };
    Object.defineProperty(request, "status", { value: 200 });
    Object.defineProperty(request, "response", { value: new Blob([JSON.stringify(index)]) });
    request.dispatchEvent(new ProgressEvent("load"));
  }
  XMLHttpRequest.prototype.send = function () {
    var kind = this.__explainerKind, request = this, args = arguments;
    var go = kind === "search" && document.documentElement.hasAttribute("data-ex-search")
      ? function () { answerEmpty(request); }
      : function () { send.apply(request, args); };
    if (!kind || released[kind]) return go();
    waiting[kind].push(go);
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
  // The theme's search page (?q= on load) needs the index at once. An FAQ filter's ?q= is out of
  // the address by now: faq-query.js runs before this script.
  if (/[?&]q=/.test(location.search)) release("search");
})();
