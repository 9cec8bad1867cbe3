/* explainer: titles the theme sets itself stay text in its tooltips. When a truncated title
   (`.md-ellipsis`, in the header and the navigation) overflows, Material copies its text into the
   element's `title` and builds a tooltip from that with `innerHTML`: a page name such as
   `<img src=x onerror=...>`, escaped correctly in the HTML, would become elements on hover.
   Titles in the HTML are escaped once more when the site is built (explainer.finish); this does
   the same for a title set from script, so the tooltip shows exactly the text. Inlined in the
   head, before the theme's script. */
(function () {
  "use strict";
  var title = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "title");
  if (!title || !title.set) return;
  var escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
  Object.defineProperty(HTMLElement.prototype, "title", {
    configurable: true,
    enumerable: title.enumerable,
    get: title.get,
    set: function (value) {
      title.set.call(this, String(value).replace(/[&<>]/g, function (c) { return escapes[c]; }));
    }
  });
})();
