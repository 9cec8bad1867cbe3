/* explainer: on a page with an FAQ filter, ?q= is the filter's query, not the theme's. Material
   reads ?q= as its script starts and opens its own search with it: on a phone the search overlay
   grows past the screen (the browser zooms the page out while it shrinks back) and the keyboard is
   asked for, only for the filter to close that search again. Inlined in the head, before the
   theme's script: the query is taken out of the address here, kept on the root element, and the
   filter puts it back as it starts (faq-search.js). */
(function () {
  "use strict";
  var root = document.documentElement, params = new URLSearchParams(location.search);
  if (!root.hasAttribute("data-ex-faq-filter") || !params.has("q")) return;
  root.setAttribute("data-ex-faq-query", params.get("q"));
  params.delete("q");
  var rest = String(params);
  history.replaceState(history.state, "", location.pathname + (rest && "?" + rest) + location.hash);
})();
