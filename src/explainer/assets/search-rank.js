/* explainer: the ranking of the site search (run in its worker, search-index-worker.js). It reads
   words as the FAQ filter (faq-search.js) does, through search-words.js, and also knows a word's
   other spelling and a verb's irregular forms, which the filter's script budget leaves out. A query
   becomes concepts: its words without the connecting ones ("vs", "what is"), each standing for the
   words of the index it may mean (itself, its other forms such as table/tables or make/made, its
   other spelling such as colour/color, the words it begins while it is being typed, near spellings
   when it is not a word of the index), and the glossary's synonym groups it names (an abbreviation
   and its long form). Documents have three fields, a title, other names (an FAQ entry's other
   phrasings, a term's aliases) and text. Each concept scores like BM25: rare
   concepts count more than common ones, a concept counts less each time it repeats, and long fields
   count for less, so a page that lists everything does not outrank the page about the one thing
   asked. A document counts for the share of the query it holds, squared; a page that lists other
   names holds a concept found only in its text for less than one in its title or names. The best
   documents then gain for holding the query as a phrase, for words close together in the title or
   names, for a title that is mostly what was asked ("Index" for "what is an index"), more for a
   title or name that is exactly what was asked (or is the most specific thing asked: "Sharding" for
   "sharding setup", and then its page family's boost no longer counts against it, though a listing
   keeps its lower weight), and for comparing when the reader compares, most for a title that
   compares two of the things asked. A page whose title or other name is the query, typed word for
   word, comes first. Loaded as a script in the search worker, after search-words.js. */
(function (root) {
  "use strict";
  // Loaded after search-words.js, which both the site search and the FAQ filter use.
  var shared = root.ExplainerWords, normalise = shared.normalise, within = shared.within;
  var variant = shared.variant, stem = shared.stem, COMPARES = shared.COMPARES;
  var CONNECTING = shared.CONNECTING, escaped = shared.escaped;
  // How much a word of the index counts for the word typed.
  var CLOSE = { exact: 1, variant: 0.9, prefix: 0.7, typo: 0.6 };
  var SYNONYM = 0.8; // a synonym's match, against the name the reader typed
  var K1 = 1.2; // how fast repeats of a concept stop counting (BM25)
  var KEYED = 1.6; // a title or name that is the most specific thing asked (rarest concept)
  // How much a concept found only in the text of a page that lists its other names counts toward how
  // much of the query the page holds: such a page says what it is about in its title and names, and
  // a long text holds many words in passing (0.5-0.8 all measured better than 1 on the first site).
  var TEXT_ONLY = 0.6;
  var RERANK = 60; // documents that get the phrase, proximity and focus bonuses
  var GAP = "~"; // between two names of a document: a phrase never runs across it

  function split(text) { return text ? text.split(" ") : []; }

  // Verbs whose past forms do not share an ending with their base: "made" is a form of "make". Not
  // those whose forms are words of their own ("left", "saw", "fell"), nor connecting words ("said").
  var IRREGULAR = new Map();
  ("make made|take took taken|write wrote written|teach taught|think thought|buy bought|build built|" +
   "run ran|give gave given|choose chose chosen|speak spoke spoken|draw drew drawn|know knew known|" +
   "feed fed|bring brought|catch caught|hold held|lose lost|pay paid|sell sold|send sent|tell told|" +
   "understand understood|steal stole stolen|grow grew grown|drive drove driven|begin began begun|" +
   "break broke broken|forget forgot forgotten|hide hid hidden|spend spent").split("|")
    .forEach(function (line) {
      var forms = line.split(" ");
      forms.forEach(function (form) { IRREGULAR.set(form, forms.filter(function (f) { return f !== form; })); });
    });

  // A word in one spelling of English for both: British endings become American ones (quantisation,
  // quantization; colour, color; modelling, modeling; centre, center; catalogue, catalog), so a
  // reader finds a page whichever spelling either of them uses.
  function spelling(word) {
    return word.length < 6 ? word : word.replace(/(?<=...)is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)/, "iz")
      .replace(/(?<=..)yse(s|d)?$/, "yze$1").replace(/(?<=...)our(s|ed|ing)?$/, "or$1")
      .replace(/(?<=[aeiou][^aeiou]*[aeiou][^aeiou]*)ll(ed|ing|er|ers)$/, "l$1")
      .replace(/(?<=...)tre(s)?$/, "ter$1").replace(/ogue(s)?$/, "og$1");
  }

  function meaningful(words) {
    var kept = words.filter(function (w) { return !CONNECTING.has(w); });
    return kept.length ? kept : words; // a query made only of small words keeps them
  }

  // docs: [{title, names: [..], text, boost}]; synonyms: groups of names that mean the same thing;
  // weights and spread: per field, how much a match counts and how much a long field is discounted.
  function Index(docs, synonyms, options) {
    var self = this;
    self.weights = options.weights;
    self.spread = options.spread;
    self.n = docs.length;
    self.fields = [];
    self.counts = [];
    self.lengths = new Float64Array(docs.length * 3);
    self.boosts = docs.map(function (doc) { return doc.boost || 1; });
    self.top = self.boosts.reduce(function (a, b) { return Math.max(a, b); }, 1);
    self.postings = new Map();
    self.titled = new Map();
    var total = [0, 0, 0], filled = [0, 0, 0];
    docs.forEach(function (doc, d) {
      var fields = [normalise(doc.title || ""), (doc.names || []).map(normalise).join(" " + GAP + " "), normalise(doc.text || "")];
      var count = new Map();
      fields.forEach(function (text, k) {
        var words = split(text);
        self.lengths[3 * d + k] = words.length;
        total[k] += words.length;
        if (words.length) filled[k]++;
        words.forEach(function (w) {
          var packed = count.get(w);
          if (packed === undefined) {
            packed = 0;
            var list = self.postings.get(w);
            if (list) list.push(d); else self.postings.set(w, [d]);
          }
          // Counts per field, ten bits each.
          if ((packed >>> (10 * k) & 1023) < 1023) count.set(w, packed + (1 << (10 * k)));
        });
      });
      self.fields.push(fields);
      self.counts.push(count);
      // The title and each other name whole, small words included, to find what is typed word for word.
      [fields[0]].concat((doc.names || []).map(normalise)).forEach(function (whole) {
        if (!whole) return;
        var list = self.titled.get(whole);
        if (list) list.push(d); else self.titled.set(whole, [d]);
      });
    });
    self.postings.delete(GAP);
    // A field's usual length among the documents that have it (most have no other names).
    self.average = total.map(function (sum, k) { return Math.max(1, sum / Math.max(1, filled[k])); });
    self.sorted = Array.from(self.postings.keys()).sort();
    self.stems = new Map();
    self.byLength = [];
    self.spellings = new Map();
    self.sorted.forEach(function (w) {
      var spelt = spelling(w);
      if (spelt !== w) self.spellings.set(spelt, (self.spellings.get(spelt) || []).concat(w));
      var s = stem(w), list = self.stems.get(s);
      if (!list) { self.stems.set(s, list = []); (self.byLength[s.length] = self.byLength[s.length] || []).push(s); }
      list.push(w);
    });
    self.groups = synonyms.map(function (group) { return group.map(normalise).filter(Boolean); });
    // Every name of every group, as the query's words will be (without connecting words), longest
    // first: "text to speech" is looked for before "speech", whichever group each is in.
    self.names = [];
    self.groups.forEach(function (group, g) {
      group.forEach(function (name) { self.names.push({ words: meaningful(split(name)), group: g }); });
    });
    self.names.sort(function (a, b) { return b.words.length - a.words.length; });
    self.remembered = new Map();
    self.placed = new Map();
  }

  // Where the words starting with `head` begin in the sorted vocabulary.
  Index.prototype.from = function (head) {
    var sorted = this.sorted, low = 0, high = sorted.length;
    while (low < high) { var mid = (low + high) >> 1; if (sorted[mid] < head) low = mid + 1; else high = mid; }
    return low;
  };

  // The words of the index a typed word stands for, each with how closely it matches. The word
  // being typed (`open`) also stands for the words it begins; an unknown word for near spellings.
  Index.prototype.candidates = function (word, open, formsOnly) {
    var key = (formsOnly ? "=" : open ? "+" : "-") + word, known = this.remembered.get(key);
    if (known) return known;
    var found = {}, sorted = this.sorted, k;
    if (this.postings.has(word)) found[word] = CLOSE.exact;
    // Its forms (tables for table), in its spelling and the other one (quantized for quantised).
    var spelt = spelling(word), self = this;
    [word].concat(spelt === word ? [] : [spelt], IRREGULAR.get(word) || []).forEach(function (form) {
      var head = form.slice(0, Math.max(3, form.length - 6));
      for (k = self.from(head); form.length >= 3 && k < sorted.length && sorted[k].indexOf(head) === 0; k++) {
        if (!found[sorted[k]] && (sorted[k] === form || variant(sorted[k], form))) found[sorted[k]] = CLOSE.variant;
      }
    });
    (this.spellings.get(spelt) || []).forEach(function (w) { if (!found[w]) found[w] = CLOSE.variant; });
    if (!formsOnly) {
      for (k = this.from(word); open && word.length >= 3 && k < sorted.length && sorted[k].indexOf(word) === 0; k++) {
        if (!found[sorted[k]]) found[sorted[k]] = CLOSE.prefix;
      }
      // A typo keeps the first letter, and in a word of four letters it can only be a swap (tset, test).
      var typed = stem(word), limit = this.postings.has(word) ? 0 : typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
      var letters = typed.split("").sort().join();
      for (var length = typed.length - limit; limit && length <= typed.length + limit; length++) {
        (self.byLength[length] || []).forEach(function (s) {
          if (s[0] !== typed[0] || !within(s, typed, limit)) return;
          if (typed.length === 4 && s.split("").sort().join() !== letters) return;
          self.stems.get(s).forEach(function (v) { if (!found[v]) found[v] = CLOSE.typo; });
        });
      }
    }
    this.remembered.set(key, found);
    return found;
  };

  // The query as concepts, in the order typed: synonym groups it names, then its other words.
  Index.prototype.concepts = function (query, open) {
    var self = this, typed = split(normalise(query)), kept = meaningful(typed);
    var used = kept.map(function () { return false; }), taken = {}, found = [];
    // A name is in the query where its words follow one another, each as typed or in another form
    // ("photos" for "photo"); each group and each word of the query counts once.
    self.names.forEach(function (name) {
      if (taken[name.group]) return;
      for (var i = 0; i + name.words.length <= kept.length; i++) {
        var fits = name.words.every(function (w, j) {
          var word = kept[i + j];
          return !used[i + j] && (word === w || (w.length > 3 && variant(word, w)));
        });
        if (!fits) continue;
        for (var j = 0; j < name.words.length; j++) used[i + j] = true;
        taken[name.group] = true;
        found.push({ typed: kept.slice(i, i + name.words.length).join(" "), phrases: self.groups[name.group], at: i });
        return;
      }
    });
    var last = kept.length - 1;
    kept.forEach(function (word, i) {
      if (used[i]) return;
      var open_ = open && i === last && typed[typed.length - 1] === word;
      found.push({ typed: word, words: self.candidates(word, open_), at: i });
    });
    found.sort(function (a, b) { return a.at - b.at; });
    found.forEach(function (c) { c.all = c.words || self.forms(c); });
    return found;
  };

  // Every word of the index a synonym concept stands for: the forms of its names' words, but not
  // the small words inside a name ("to" in "text to video" stands for nothing).
  Index.prototype.forms = function (c) {
    var all = {}, self = this;
    c.phrases.forEach(function (p) {
      var parts = split(p);
      parts.forEach(function (w) {
        if (parts.length > 1 && CONNECTING.has(w)) return;
        var forms = self.candidates(w, false, true);
        Object.keys(forms).forEach(function (v) { all[v] = 1; });
      });
    });
    return all;
  };

  // How often each document holds a concept, per field, weighed by how close each match is.
  Index.prototype.hold = function (c) {
    var self = this, held = new Map();
    function add(d, k, amount) {
      var row = held.get(d);
      if (!row) held.set(d, row = [0, 0, 0]);
      row[k] += amount;
    }
    function words(forms, factor) {
      Object.keys(forms).forEach(function (w) {
        (self.postings.get(w) || []).forEach(function (d) {
          var packed = self.counts[d].get(w);
          for (var k = 0; k < 3; k++) {
            var count = packed >>> (10 * k) & 1023;
            if (count) add(d, k, count * forms[w] * factor);
          }
        });
      });
    }
    if (!c.phrases) {
      words(c.words, 1);
      return held;
    }
    // One-word names count each form once (at the best factor); a longer name counts where it starts,
    // once however many of the group's names start there ("relational database(s)").
    var single = {}, starts = new Map();
    c.phrases.forEach(function (p) {
      var parts = split(p), factor = p === c.typed || variant(p, c.typed) ? 1 : SYNONYM;
      var sets = parts.map(function (w) { return self.candidates(w, false, true); });
      if (parts.length === 1) {
        Object.keys(sets[0]).forEach(function (w) { single[w] = Math.max(single[w] || 0, sets[0][w] * factor); });
        return;
      }
      var places = self.places(p, parts, sets);
      for (var n = 0; n < places.length; n += 2) {
        var key = places[n], seen = starts.get(key);
        if (!seen) starts.set(key, seen = new Set());
        if (!seen.has(places[n + 1])) { seen.add(places[n + 1]); add((key - key % 3) / 3, key % 3, factor); }
      }
    });
    words(single, 1);
    return held;
  };

  // Where a name of several words (`parts`, each word's forms in `sets`) starts in the documents, as
  // pairs of a field (3 * document + field) and a word's place in it. It is the same whatever the
  // query, so it is found once per name: reading every page that holds the words of a common name of
  // three words word by word took a quarter of a query's time, and each keystroke names it again. There
  // are as many names as the glossary's synonym groups hold.
  Index.prototype.places = function (name, parts, sets) {
    var self = this, known = self.placed.get(name);
    if (known) return known;
    // Only documents that hold a form of every word of the name are read word by word.
    var docs = null, found = [];
    sets.forEach(function (set) {
      var here = new Set();
      Object.keys(set).forEach(function (w) { (self.postings.get(w) || []).forEach(function (d) { here.add(d); }); });
      docs = docs ? new Set(Array.from(docs).filter(function (d) { return here.has(d); })) : here;
    });
    docs.forEach(function (d) {
      for (var k = 0; k < 3; k++) {
        var terms = self.terms(d, k);
        for (var i = 0; i + parts.length <= terms.length; i++) {
          var j = 0;
          while (j < parts.length && sets[j][terms[i + j]] !== undefined) j++;
          if (j === parts.length) found.push(3 * d + k, i);
        }
      }
    });
    self.placed.set(name, found);
    return found;
  };

  Index.prototype.terms = function (d, k) {
    var cache = this.cache || (this.cache = new Map()), key = 3 * d + k, terms = cache.get(key);
    if (!terms) {
      if (cache.size > 4000) cache.clear();
      cache.set(key, terms = split(this.fields[d][k]));
    }
    return terms;
  };

  // Each document that holds at least one concept, best first: {doc, score, matched}.
  Index.prototype.search = function (query, open) {
    var self = this, list = self.concepts(query, open), hits = new Map();
    list.forEach(function (c) {
      var held = self.hold(c), df = held.size;
      if (!df) return;
      var rarity = Math.log(1 + (self.n - df + 0.5) / (df + 0.5));
      c.rarity = rarity;
      held.forEach(function (row, d) {
        var t = 0;
        for (var k = 0; k < 3; k++) {
          var b = self.spread[k];
          if (row[k]) t += self.weights[k] * row[k] / (1 - b + b * self.lengths[3 * d + k] / self.average[k]);
        }
        var hit = hits.get(d);
        if (!hit) hits.set(d, hit = { doc: d, score: 0, matched: 0, worded: 0 });
        hit.score += rarity * t * (K1 + 1) / (K1 + t);
        hit.matched++;
        if (row[0] || row[1]) hit.worded++;
      });
    });
    var found = Array.from(hits.values()), comparing = COMPARES.test(split(normalise(query)).join(" "));
    found.forEach(function (hit) {
      var held = self.lengths[3 * hit.doc + 1] ? hit.worded + TEXT_ONLY * (hit.matched - hit.worded) : hit.matched;
      hit.score *= Math.pow(held / list.length, 2) * self.boosts[hit.doc];
    });
    // A page whose title, or one of its other names, is what was typed word for word comes first,
    // however common its words are: "which should I use" is the decision guide's title.
    var named = new Set(self.titled.get(split(normalise(query)).join(" ")) || []);
    found.forEach(function (hit) { hit.named = named.has(hit.doc); });
    found.sort(byScore);
    found.forEach(function (hit, place) {
      if (place < RERANK || hit.named) hit.score *= self.bonus(hit.doc, list, comparing);
    });
    found.sort(byScore);
    return { hits: found, concepts: list };
  };

  function byScore(a, b) { return b.named - a.named || b.score - a.score || a.doc - b.doc; }

  function holds(c, term) { return c.all[term] !== undefined; }

  // The query's concepts one after another at `i` in `terms` (connecting words skipped).
  function phraseAt(terms, i, list) {
    for (var k = 0; k < list.length; k++) {
      while (i < terms.length && CONNECTING.has(terms[i])) i++;
      if (i >= terms.length || !holds(list[k], terms[i])) return false;
      i++;
      while (list[k].phrases && i < terms.length && holds(list[k], terms[i]) && !(list[k + 1] && holds(list[k + 1], terms[i]))) i++;
    }
    return true;
  }

  // How much a document gains for how it holds the query: as a phrase, its words near each other
  // in the title or names, a title (or one name) that is mostly what was asked, a comparison.
  Index.prototype.bonus = function (d, list, comparing) {
    var self = this, gain = 1, phrase = 0, near = 0, focus = 0, exact = false, sides = 0, keyed = false;
    var verbatim = false, asked = list.map(function (c) { return c.typed; }).join(" ");
    var key = list.length > 1 ? list.reduce(function (a, c) { return (c.rarity || 0) > (a.rarity || 0) ? c : a; }) : null;
    [0, 1, 2].forEach(function (k) {
      var terms = self.terms(d, k);
      if (!terms.length) return;
      if (list.length > 1 && !phrase) {
        for (var i = 0; i < terms.length; i++) if (phraseAt(terms, i, list)) { phrase = k < 2 ? 1 : 0.5; break; }
      }
      if (k === 2) return;
      // Neighbouring concepts within three words of each other.
      var at = list.map(function (c) {
        var places = [];
        terms.forEach(function (t, i) { if (holds(c, t)) places.push(i); });
        return places;
      });
      for (var c = 0; c + 1 < list.length; c++) {
        if (at[c].some(function (i) { return at[c + 1].some(function (j) { return i !== j && Math.abs(i - j) <= 3; }); })) near++;
      }
      if (k === 0) sides = at.filter(function (places) { return places.length; }).length;
      // The share of the title's (or a name's) own words that the query stands for.
      var names = [[]];
      terms.forEach(function (t) {
        if (t === GAP) names.push([]); else if (!CONNECTING.has(t)) names[names.length - 1].push(t);
      });
      names.forEach(function (words) {
        if (!words.length) return;
        var held = words.filter(function (t) { return list.some(function (c) { return holds(c, t); }); }).length;
        focus = Math.max(focus, held / words.length * (k ? 0.8 : 1));
        // The name is exactly what was asked: each of its words, and every concept of the query.
        if (held === words.length && list.every(function (c) { return words.some(function (t) { return holds(c, t); }); })) exact = true;
        // The name is the most specific thing asked ("Sharding" for "sharding setup"): its entry defines it.
        if (key && words.every(function (t) { return holds(key, t); })) keyed = true;
        // The title or one of the names is what was typed, word for word: the page that words the
        // question this way (an FAQ's other phrasing) answers it, before any page that only compares.
        if (words.join(" ") === asked) verbatim = true;
      });
    });
    gain *= 1 + 0.5 * phrase;
    gain *= 1 + 0.15 * Math.min(near, list.length - 1);
    // A title (or name) that is what was asked outweighs a page family's boost: "what is an API" is
    // answered by the glossary's API before a question that mentions APIs.
    gain *= 1 + 2 * focus * focus;
    if (exact) gain *= 2; else if (keyed) gain *= KEYED;
    // A page named what was asked is not outranked for its family alone: the boost that puts answers
    // (FAQ pages) first is evened out, so "tts model" or "fine tunning" finds the term defined first.
    // A page that weighs less than one (a listing, a page for contributors) keeps its lower weight:
    // its section named "Document databases" repeats the technology's page, which comes first.
    if (exact || keyed) gain *= self.top / Math.max(1, self.boosts[d]);
    if (verbatim) gain *= 3;
    // A title that compares two of the things the reader compares ("SQL vs NoSQL" for "nosql or sql
    // for orders") is the answer; one that only compares is close to it.
    if (comparing && COMPARES.test(self.fields[d][0])) gain *= sides >= 2 ? 2.5 : 1.3;
    return gain;
  };

  // What to mark in what is shown, as expressions for ExplainerWords.marker: each word of the index
  // a typed word stood for, and each name of a synonym the query named, whole ("text-to-video",
  // never a lone "text" or "to"), in any of the forms the index holds of its words.
  Index.prototype.marks = function (list) {
    var self = this, found = [];
    list.forEach(function (c) {
      if (!c.phrases) {
        Object.keys(c.all).forEach(function (w) { if (w.length > 1) found.push(escaped(w)); });
        return;
      }
      c.phrases.forEach(function (p) {
        var forms = split(p).map(function (w) {
          return Object.keys(self.candidates(w, false, true)).sort(longestFirst).map(escaped);
        });
        if (forms.every(function (f) { return f.length; }) && (forms.length > 1 || p.length > 1)) {
          found.push(shared.spelled(forms));
        }
      });
    });
    // Each expression once: two names of a group often have the same forms ("relational
    // database(s)"), and every copy is tried again wherever a word starts in each title and teaser.
    return Array.from(new Set(found));
  };

  // The longer of two forms first, so the expression tries "joins" before "join" (then alphabetical,
  // so that the same forms make the same expression).
  function longestFirst(a, b) { return b.length - a.length || (a < b ? -1 : 1); }

  // What the search worker uses; the word handling itself is ExplainerWords (search-words.js).
  root.ExplainerSearch = { Index: Index };
})(self);
