/* explainer: the word handling that the site search (search-rank.js, in its worker) and the FAQ
   filter (faq-search.js) share: one normal form for text, the forms of a word, its stem, the
   edit distance that decides what counts as a typo, the words that only connect or pad a query,
   what makes a query a comparison, and how what a query matched is marked. Loaded before either,
   in pages and the worker. */
(function (root) {
  "use strict";
  var SEPARATORS = /[^\p{L}\p{N}]+/gu;
  var APOSTROPHE_S = /(?<=\p{L})['\u2019]s(?![\p{L}\p{N}])/gu, APOSTROPHE = /(?<=\p{L})['\u2019](?=\p{L})/gu;
  // Words that connect or pad a question rather than say what it is about: common English stop
  // words, question words, the words people put between the things they compare, and the words
  // that ask for a definition ("meaning", "stands for", "explained") rather than name a topic. Not
  // "only": it names things ("encoder-only", "decoder-only"), and without it "encoder-only vs
  // decoder-only" reads as "encoder-decoder", a third thing.
  var CONNECTING = new Set(("a about actually after all also am an and any anything are arent as " +
    "at be because been between but by can cannot cant compare compared comparison could define " +
    "definition did didnt difference differences different do does doesnt dont either else even " +
    "ever every exactly explain explained for from get got had has have he her hers him his how " +
    "however i if im in into is isnt it its just kind let like may me mean meaning means might " +
    "most must my no not of off often on or other our own please rather really say she " +
    "should since so some someone something sort stands still stuff tell than that the their them " +
    "then there these they thing things this to too us v versus vs was wasnt way ways we were " +
    "what whats when where which while who why will with wont would you your youre").split(" "));
  // A query that compares: the words people put between the things they compare.
  var COMPARES = /(?:^| )(?:vs|versus|v|or|difference|differences|compare|compared|comparison)(?: |$)/;
  var ENDING = /^(?:e|es|ed|er|ers|est|ing|ings|ion|ions|ation|ations|ive|ly|ment|ments|s|y|ies|ied|al)?$/;

  // Lower case, accents and other marks dropped, anything but letters and digits one space. An
  // apostrophe does not split a word: "'s" goes ("what's" is "what", "PostgreSQL's" is "postgresql") and
  // "doesn't" is "doesnt", never "doesn" and "t".
  function normalise(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(APOSTROPHE_S, "")
      .replace(APOSTROPHE, "").replace(SEPARATORS, " ").trim();
  }

  // Edit distance, a swap of neighbours counting as one edit (form, from); false once above `limit`.
  var rows = [new Uint8Array(64), new Uint8Array(64), new Uint8Array(64)];
  function within(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit || a.length >= 63 || b.length >= 63) return false;
    var before = rows[0], previous = rows[1], current = rows[2], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current[0] = i;
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > limit) return false;
      var swap = before; before = previous; previous = current; current = swap;
    }
    return previous[b.length] <= limit;
  }

  // Two forms of one word: after the letters they share, each goes on with an ending (bold,
  // bolded); a doubled last letter (run, running) and a dropped "e" (use, used) are allowed.
  function variant(a, b) {
    var same = 0;
    while (same < a.length && a[same] === b[same]) same++;
    if (same < 3) return false;
    if (a[same - 1] === "e") same--;
    var last = a[same - 1];
    // A superlative is a form of its word (biggest, big), a small word never the start of one (for, forest).
    if (CONNECTING.has(a) && /est$/.test(b) || CONNECTING.has(b) && /est$/.test(a)) return false;
    return [a.slice(same), b.slice(same)].every(function (rest) {
      return ENDING.test(rest[0] === last && rest.length > 1 ? rest.slice(1) : rest);
    });
  }

  // A long word without its ending: typos are compared on these, so "replicatoin" meets "replication".
  function stem(word) {
    return word.length > 5 ? word.replace(/(?:e|es|ed|ers?|ings?|ions?|ations?|s|ly)$/, "") : word;
  }

  function escaped(word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // A name as an expression: each of its words one of the spellings given (escaped), with anything
  // but letters and digits between them, as a page may write it ("text-to-video" for "text to video").
  function spelled(words) {
    return words.map(function (forms) { return forms.length > 1 ? "(?:" + forms.join("|") + ")" : forms[0]; })
      .join("[^\\p{L}\\p{N}]+");
  }

  // One expression that finds any of `marks` (expressions), the longest first, as whole words only;
  // null when there are none. Both searches mark what a query matched with it.
  function marker(marks) {
    if (!marks.length) return null;
    marks.sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(?<![\\p{L}\\p{N}])(" + marks.join("|") + ")(?![\\p{L}\\p{N}])", "giu");
  }

  root.ExplainerWords = {
    normalise: normalise, within: within, variant: variant, stem: stem, escaped: escaped, spelled: spelled,
    marker: marker, COMPARES: COMPARES, CONNECTING: CONNECTING
  };
})(self);
