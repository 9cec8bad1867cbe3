/* explainer: drop small function words from what the site search looks for, when the theme's own
   lunr worker or the Pagefind worker answers. Material appends a wildcard to every word typed, so
   "a" in "What is a schema?" would match every word that starts with "a" and bury the page that
   asks exactly that question. The words removed here are the same kind Material already leaves out
   of its index; a query made only of them is kept. The explainer's own worker gets the query whole:
   it sets connecting words aside itself, and needs them to know a title typed word for word. */
(function () {
  "use strict";
  var QUERY = 2; // Material's message type for a search query sent to its search worker
  // lunr's English stop words: the words Material leaves out of its index.
  var SMALL = new Set(("a able about across after all almost also am among an and any are as at be " +
    "because been but by can cannot could dear did do does either else ever every for from get got had " +
    "has have he her hers him his how however i if in into is it its just least let like likely may me " +
    "might most must my neither no nor not of off often on only or other our own rather said say says " +
    "she should since so some than that the their them then there these they this tis to too twas us " +
    "wants was we were what when where which while who whom why will with would yet you your").split(" "));
  var send = Worker.prototype.postMessage;
  var whole = document.documentElement.getAttribute("data-ex-search") === "explainer";
  Worker.prototype.postMessage = function (message) {
    if (!whole && message && message.type === QUERY && typeof message.data === "string") {
      var words = message.data.split(/\s+/);
      var kept = words.filter(function (word) {
        return !SMALL.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
      });
      if (kept.length && kept.length < words.length) {
        arguments[0] = { type: QUERY, data: kept.join(" ") };
      }
    }
    return send.apply(this, arguments);
  };
})();
