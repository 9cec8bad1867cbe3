"""A synthetic explainer project of N entities, for benchmarks: deterministic, valid, and buildable.

    python -m bench.corpus N OUT_DIR [--seed S]

writes OUT_DIR/content/ (N entities), OUT_DIR/mkdocs.yml (the generic fixture site's configuration,
pair pages `up-to` 16 technologies) and OUT_DIR/docs/index.md. The same N and seed give the same bytes.

Proportions follow a real explainer and scale with N: at N = 1,000 about 10 technologies,
12 dimensions, 6 topics, 3 guide questions, 225 glossary terms, 18 industries, 270 use cases,
360 FAQ entries and 90 sources (the brief's 250 / 20 / 300 / 400 / 100, scaled so the total is
exactly N). Technologies and dimensions grow with log N (5 and 6 at N = 100, 16 and 18 at
N = 10,000), so the matrix and the pair pages stay the size real sites have.

Text comes from a fixed vocabulary of made-up words (its own seed, independent of S) arranged
into sentences: FAQ answers of 80 to 300 words in paragraphs, glossary bodies of 40 to 150 words,
use-case descriptions and scenarios, with cross-links to terms, technologies, FAQ entries and
sources, `also_asked` phrasings, cited sources, a rating for every technology and dimension (scale,
yes-no, list and text dimensions), relations, and review dates in the six months before
2026-12-01 (fresh for W502 until December 2027; the harness pins EXPLAINER_TODAY anyway).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITE = REPO / "tests/fixtures/site"
DEFAULT_SEED = 2026
# Review dates fall in the half year before this day; the harness pins EXPLAINER_TODAY to it.
ANCHOR = date(2026, 12, 1)
REVIEW_WINDOW_DAYS = 180
MIN_N = 40

# -- the vocabulary: made-up words with a fixed seed, so every corpus speaks the same language ----------

_ONSETS = ("b", "br", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v",
           "w", "z", "sh", "th")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st")
_NOUN_ENDINGS = ("", "", "", "", "", "ion", "er", "ment", "ure", "ism", "or")
_ADJ_ENDINGS = ("al", "ic", "ive", "ous", "ent", "ish", "y")
_VERB_ENDINGS = ("ate", "ize", "en", "ify", "", "", "")
_DETERMINERS = ("the", "the", "the", "a", "each", "every", "this", "that", "its")
_PLURAL_DETERMINERS = ("most", "many", "some", "these", "such", "the", "few")
_PREPOSITIONS = ("of", "in", "for", "with", "from", "by", "on", "across", "between", "through", "under")
_ADVERBS = ("often", "rarely", "usually", "quickly", "mostly", "only", "also", "still", "seldom")
_CONJUNCTIONS = (", and", ", but", ", so", " because", " while", " when", " although", ", whereas")
# Words the vocabulary may not invent: YAML's special scalars, the placeholder, and real English.
_FORBIDDEN_WORDS = {
    "todo",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "true",
    "false",
    "and",
    "but",
    "not",
    "are",
    "was",
    "has",
    "had",
    "how",
    "why",
    "who",
    "can",
    "vs",
    "per",
    "its",
    "use",
    "need",
    "what",
    "when",
    "which",
    "with",
    "does",
    "an",
    "is",
    "to",
}


_FORBIDDEN = (
    _FORBIDDEN_WORDS
    | set(_DETERMINERS + _PLURAL_DETERMINERS + _PREPOSITIONS + _ADVERBS)
    | {c.strip(" ,") for c in _CONJUNCTIONS}
)


@dataclass(frozen=True)
class Vocabulary:
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    verbs: tuple[str, ...]  # base forms: "trelate"; third person adds "s" ("trelifies" for -ify)
    given_names: tuple[str, ...]
    surnames: tuple[str, ...]


def _vocabulary() -> Vocabulary:
    rng = random.Random("explainer-bench-vocabulary-1")
    seen: set[str] = set()

    def stem(syllables: int) -> str:
        return "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
        )

    def words(count: int, endings: tuple[str, ...], syllables: tuple[int, ...]) -> tuple[str, ...]:
        found: list[str] = []
        while len(found) < count:
            word = stem(rng.choice(syllables)) + rng.choice(endings)
            if word in seen or word in _FORBIDDEN or len(word) < 3 or len(word) > 12:
                continue
            seen.add(word)
            found.append(word)
        return tuple(found)

    return Vocabulary(
        nouns=words(1500, _NOUN_ENDINGS, (1, 1, 2, 2, 2, 3)),
        adjectives=words(500, _ADJ_ENDINGS, (1, 1, 2)),
        verbs=words(400, _VERB_ENDINGS, (1, 1, 2)),
        given_names=tuple(w.capitalize() for w in words(300, ("a", "o", "in", "el", "is", ""), (1, 2))),
        surnames=tuple(
            w.capitalize() for w in words(600, ("son", "er", "ova", "ez", "berg", "i", ""), (1, 2))
        ),
    )


VOCABULARY = _vocabulary()


def plural(noun: str) -> str:
    if noun.endswith(("s", "x", "sh", "ch")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def third_person(verb: str) -> str:
    return verb[:-1] + "ies" if verb.endswith("fy") else verb + "s"


def slug(text: str, limit: int = 80) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold()))[:limit].strip("-")


def words_in(markdown: str) -> int:
    """Words a reader sees: link targets left out."""
    return len(re.sub(r"\]\([^)]*\)", "]", markdown).split())


def normalised(text: str) -> str:
    """What E505 compares: case and punctuation removed (the vocabulary is plain ASCII)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


# -- sentences -------------------------------------------------------------------------------------------


class Writer:
    """Sentences and paragraphs from the vocabulary, with cross-links where the caller asks for them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.v = VOCABULARY

    def noun(self) -> str:
        return self.rng.choice(self.v.nouns)

    def adjective(self) -> str:
        return self.rng.choice(self.v.adjectives)

    def verb(self) -> str:
        return self.rng.choice(self.v.verbs)

    def noun_phrase(self) -> str:
        rng = self.rng
        if rng.random() < 0.4:
            words = [rng.choice(_PLURAL_DETERMINERS)]
            if rng.random() < 0.5:
                words.append(self.adjective())
            words.append(plural(self.noun()))
        else:
            words = [rng.choice(_DETERMINERS)]
            if rng.random() < 0.5:
                words.append(self.adjective())
            words.append(self.noun())
        if words[0] == "a" and words[1][0] in "aeiou":
            words[0] = "an"
        if rng.random() < 0.25:
            words += [rng.choice(_PREPOSITIONS), plural(self.noun())]
        return " ".join(words)

    def clause(self, object_text: str | None = None) -> str:
        rng = self.rng
        subject = self.noun_phrase()
        words = [subject]
        if rng.random() < 0.3:
            words.append(rng.choice(_ADVERBS))
        verb = self.verb()
        plural_subject = subject.split()[0] in _PLURAL_DETERMINERS and subject.split()[0] not in ("the",)
        words.append(verb if plural_subject else third_person(verb))
        words.append(object_text or self.noun_phrase())
        if rng.random() < 0.45:
            words += [rng.choice(_PREPOSITIONS), self.noun_phrase()]
        return " ".join(words)

    def sentence(self, link: str | None = None, citation: str | None = None) -> str:
        """One sentence; `link` (Markdown) takes the object's place, `citation` goes before the period."""
        text = self.clause(link)
        if self.rng.random() < 0.35:
            text += self.rng.choice(_CONJUNCTIONS) + " " + self.clause()
        text = text[0].upper() + text[1:]
        if citation:
            text += f" ({citation})"
        return text + "."

    def plain_line(self, low: int, high: int, limit: int) -> str:
        """One plain-text sentence of `low` to `high` words, at most `limit` characters."""
        while True:
            text = self.sentence()
            if low <= len(text.split()) <= high and len(text) <= limit:
                return text

    def paragraphs(self, words: int, links: list[str], citations: list[str], paragraphs: int) -> str:
        """About `words` words in `paragraphs` paragraphs, each link and citation used once."""
        sentences: list[str] = []
        pending_links, pending_citations = list(links), list(citations)
        count = 0
        while count < words or pending_links or pending_citations:
            link = pending_links.pop(0) if pending_links and self.rng.random() < 0.6 else None
            cite = pending_citations.pop(0) if pending_citations and self.rng.random() < 0.5 else None
            sentence = self.sentence(link, cite)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs = max(1, min(paragraphs, len(sentences)))
        cuts = sorted(self.rng.sample(range(1, len(sentences)), paragraphs - 1)) if paragraphs > 1 else []
        blocks, start = [], 0
        for cut in [*cuts, len(sentences)]:
            blocks.append(wrap(" ".join(sentences[start:cut])))
            start = cut
        return "\n\n".join(blocks)


_LINE_START_MARKUP = re.compile(r"^(?:\d+[.)]|[-*+#>=|]|\?\?\?)")


def wrap(text: str, width: int = 76) -> str:
    """Wrap a paragraph like a contributor would, never starting a line with something Markdown reads."""
    lines: list[str] = []
    for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False):
        if lines and _LINE_START_MARKUP.match(line):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


# -- the plan: how many of each kind -------------------------------------------------------------------

LINEAR_SHARES = (("definition", 250), ("industry", 20), ("use-case", 300), ("faq", 400), ("source", 100))


def plan(n: int) -> dict[str, int]:
    """Entities per kind for N in all: slow-growing kinds first, the rest in the brief's proportions."""
    if n < MIN_N:
        raise ValueError(f"N must be at least {MIN_N}")
    decades = math.log10(n)
    counts = {
        "technology": max(3, round(5 + 5.5 * (decades - 2))),
        "dimension": max(3, round(6 + 6 * (decades - 2))),
        "topic": max(2, round(3 + 1.5 * (decades - 1))),
        "guide-question": 3,
    }
    rest = n - sum(counts.values())
    total = sum(weight for _, weight in LINEAR_SHARES)
    exact = {kind: rest * weight / total for kind, weight in LINEAR_SHARES}
    shares = {kind: max(2, math.floor(value)) for kind, value in exact.items()}
    # Largest remainder, so the total is exactly N.
    for kind in sorted(exact, key=lambda k: (shares[k] - exact[k], k)):
        if sum(shares.values()) >= rest:
            break
        shares[kind] += 1
    while sum(shares.values()) > rest:
        biggest = max(shares, key=lambda k: shares[k])
        shares[biggest] -= 1
    return {**counts, **shares}


# -- YAML as contributors write it: block scalars for multi-line text ------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value + "\n", style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_date(dumper: yaml.SafeDumper, value: date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(date, _represent_date)


def dump(entry: dict[str, Any]) -> str:
    return yaml.dump(entry, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


# -- the generator ---------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """What was written, for the harness: counts per kind and a few things to search for."""

    n: int
    seed: int
    counts: dict[str, int]
    root: Path
    faq_ids: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)


class _Names:
    """Unique display names (case-folded), shared by everything whose names must not clash."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, name: str) -> bool:
        key = name.casefold()
        if key in self.used:
            return False
        self.used.add(key)
        return True


class Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.seed = seed
        self.rng = random.Random(f"explainer-bench-{n}-{seed}")
        self.w = Writer(self.rng)
        self.counts = plan(n)
        self.files: dict[str, dict[str, dict[str, Any]]] = {}
        self.ids: dict[str, list[str]] = {}

    # -- helpers

    def reviewed(self) -> date:
        return ANCHOR - timedelta(days=self.rng.randrange(REVIEW_WINDOW_DAYS))

    def pick(self, kind: str, low: int, high: int, exclude: str | None = None) -> list[str]:
        pool = [i for i in self.ids[kind] if i != exclude]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def evidence(self, sources: list[str]) -> str:
        return self.rng.choice(("measured", "documented")) if sources else "editorial"

    def unique_id(self, kind: str, text: str, taken: set[str]) -> str:
        base = slug(text, 72) or kind
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        return candidate

    def links(self, *wanted: tuple[str, int]) -> list[str]:
        """Markdown cross-links: (scheme, how many) pairs, labelled as the pages name the targets."""
        found = []
        for scheme, count in wanted:
            kind = {"term": "definition", "tech": "technology", "faq": "faq", "source": "source"}[scheme]
            for target in self.rng.sample(self.ids[kind], min(count, len(self.ids[kind]))):
                found.append(f"[{self.labels[kind][target]}]({scheme}:{target})")
        return found

    def citations(self, sources: list[str]) -> list[str]:
        return [f"[{self.cite_labels[s]}](source:{s})" for s in sources]

    # -- the plan, in an order where every reference points at something already named

    def generate(self) -> dict[str, dict[str, dict[str, Any]]]:
        self.labels: dict[str, dict[str, str]] = {}
        self.names = _Names()
        self.name_sources()
        self.name_technologies()
        self.name_definitions()
        self.name_faqs()
        self.name_simple("industry", self.industry_name)
        self.name_simple("topic", self.topic_name)
        self.write_dimensions()
        self.write_technologies()
        self.write_definitions()
        self.write_industries_and_use_cases()
        self.write_topics()
        self.write_faqs()
        self.write_guide()
        self.cite_every_source()
        return self.files

    # -- names and ids first

    def name_sources(self) -> None:
        taken: set[str] = set()
        self.cite_labels: dict[str, str] = {}
        self.files["sources"] = {}
        for _ in range(self.counts["source"]):
            surname, year = self.rng.choice(VOCABULARY.surnames), self.rng.randint(1995, 2026)
            source_id = self.unique_id("source", f"{surname}-{year}", taken)
            authors = [f"{self.rng.choice(VOCABULARY.given_names)} {surname}"]
            authors += [
                f"{self.rng.choice(VOCABULARY.given_names)} {self.rng.choice(VOCABULARY.surnames)}"
                for _ in range(self.rng.choice((0, 0, 1, 2, 3)))
            ]
            if self.rng.random() < 0.3:
                authors.append("and others")
            kind = self.rng.choice(
                (
                    "paper",
                    "paper",
                    "paper",
                    "documentation",
                    "report",
                    "book",
                    "article",
                    "standard",
                    "website",
                    "dataset",
                )
            )
            others = len(authors) > 2 or authors[-1] == "and others"
            self.cite_labels[source_id] = f"{surname}{' et al.' if others else ''}, {year}"
            title = self.w.noun_phrase().split(" ", 1)[1] if self.rng.random() < 0.5 else self.w.noun_phrase()
            title = f"{title} {self.rng.choice(_PREPOSITIONS)} {self.w.noun_phrase()}"
            entry: dict[str, Any] = {
                "title": title[0].upper() + title[1:],
                "authors": authors,
                "publisher": f"{self.w.adjective().capitalize()} {self.w.noun().capitalize()} Press",
                "year": year,
                "url": f"https://papers.example.org/{year}/{source_id}",
                "kind": kind,
            }
            if self.rng.random() < 0.6:
                entry["note"] = self.w.plain_line(6, 16, 200)
            self.files["sources"][source_id] = entry
        self.ids["source"] = list(self.files["sources"])
        self.labels["source"] = dict(self.cite_labels)

    def name_technologies(self) -> None:
        taken: set[str] = set()
        self.tech_names: dict[str, dict[str, Any]] = {}
        families = ("models", "networks", "systems", "transformers", "machines", "encoders", "generators")
        shorts: set[str] = set()
        while len(self.tech_names) < self.counts["technology"]:
            adjective, noun = self.w.adjective(), self.w.noun()
            name = f"{adjective.capitalize()} {noun} {self.rng.choice(families)}"
            short = (adjective[0] + noun[0] + name.split()[-1][0]).upper()
            if short in shorts or not self.names.claim(name) or not self.names.claim(short):
                continue
            shorts.add(short)
            tech_id = self.unique_id("technology", name, taken)
            self.tech_names[tech_id] = {"name": name, "short_name": short}
        self.ids["technology"] = list(self.tech_names)
        self.labels["technology"] = {t: v["name"].lower() for t, v in self.tech_names.items()}

    def name_definitions(self) -> None:
        taken: set[str] = set()
        self.definition_names: dict[str, dict[str, Any]] = {}
        while len(self.definition_names) < self.counts["definition"]:
            shape = self.rng.random()
            if shape < 0.25:
                term = self.w.noun()
            elif shape < 0.8:
                term = f"{self.w.adjective()} {self.w.noun()}"
            else:
                term = f"{self.w.noun()} {self.w.noun()}"
            term = term[0].upper() + term[1:]
            if not self.names.claim(term):
                continue
            names: dict[str, Any] = {"term": term}
            words = term.split()
            if len(words) > 1 and self.rng.random() < 0.3:
                abbreviation = "".join(
                    word[:2] if i == 0 else word[0] for i, word in enumerate(words)
                ).upper()
                if abbreviation != "TODO" and self.names.claim(abbreviation):
                    names["abbreviation"] = abbreviation
            aliases: list[str] = []
            for _ in range(self.rng.choice((0, 0, 1, 1, 2))):
                alias = plural(term.lower()) if not aliases else f"{self.w.adjective()} {words[-1].lower()}"
                if self.names.claim(alias):
                    aliases.append(alias)
            if aliases:
                names["aliases"] = aliases
            self.definition_names[self.unique_id("definition", term, taken)] = names
        self.ids["definition"] = list(self.definition_names)
        self.labels["definition"] = {d: v["term"].lower() for d, v in self.definition_names.items()}

    def question(self) -> str:
        w, rng = self.w, self.rng
        term = self.labels["definition"][rng.choice(self.ids["definition"])]
        tech, other = (self.labels["technology"][t] for t in rng.sample(self.ids["technology"], 2))
        templates = (
            lambda: f"What is {term} and why does it matter for {plural(w.noun())}?",
            lambda: f"How does {tech} {w.verb()} {w.noun_phrase()}?",
            lambda: f"Why do {w.adjective()} {plural(w.noun())} {w.verb()} {w.noun_phrase()}?",
            lambda: f"Is {tech} or {other} better for {w.adjective()} {plural(w.noun())}?",
            lambda: f"When should I use {term} to {w.verb()} {w.noun_phrase()}?",
            lambda: f"Can {tech} {w.verb()} {w.noun_phrase()} {rng.choice(_PREPOSITIONS)} {w.noun_phrase()}?",
            lambda: f"What is the difference between {term} and {w.adjective()} {w.noun()}?",
            lambda: f"How much {w.noun()} does {w.noun_phrase()} need?",
        )
        text = rng.choice(templates)()
        return text[0].upper() + text[1:]

    def phrasing(self) -> str:
        w, rng = self.w, self.rng
        tech, other = (
            self.tech_names[t]["short_name"].lower() for t in rng.sample(self.ids["technology"], 2)
        )
        term = self.labels["definition"][rng.choice(self.ids["definition"])]
        templates = (
            lambda: f"{tech} vs {other} for {plural(w.noun())}",
            lambda: f"what is {w.adjective()} {w.noun()}",
            lambda: f"{term} {w.noun()}",
            lambda: f"how to {w.verb()} {w.noun()} with {tech}",
            lambda: f"is {term} {w.adjective()}",
            lambda: f"{w.noun()} {w.noun()} explained",
        )
        return rng.choice(templates)()

    def name_faqs(self) -> None:
        taken: set[str] = set()
        self.asked: set[str] = set()
        self.faq_questions: dict[str, str] = {}
        while len(self.faq_questions) < self.counts["faq"]:
            question = self.question()
            key = normalised(question)
            if len(question) > 200 or key in self.asked:
                continue
            self.asked.add(key)
            self.faq_questions[self.unique_id("faq", question, taken)] = question
        self.ids["faq"] = list(self.faq_questions)
        self.labels["faq"] = {f: q.rstrip("?").lower() for f, q in self.faq_questions.items()}

    def industry_name(self) -> str:
        return f"{self.w.adjective().capitalize()} {plural(self.w.noun())}"

    def topic_name(self) -> str:
        return f"{self.w.noun().capitalize()} and {plural(self.w.noun())}"

    def name_simple(self, kind: str, make: Any) -> None:
        taken: set[str] = set()
        found: dict[str, str] = {}
        while len(found) < self.counts[kind]:
            name = make()
            if self.names.claim(name):
                found[self.unique_id(kind, name, taken)] = name
        self.ids[kind] = list(found)
        self.labels[kind] = found

    # -- entries

    def write_dimensions(self) -> None:
        count = self.counts["dimension"]
        kinds = ["scale", "yes-no", "list", "text"] + [
            self.rng.choice(("scale", "scale", "scale", "yes-no", "yes-no", "list", "text"))
            for _ in range(count - 4)
        ]
        kinds = kinds[:count]
        groups = [f"{self.w.noun().capitalize()} and {self.w.noun()}" for _ in range(max(2, count // 4))]
        self.files["dimensions"] = {}
        taken: set[str] = set()
        scale_steps = (("very-low", "Very low"), ("low", "Low"), ("moderate", "Moderate"), ("high", "High"),
                       ("very-high", "Very high"))  # fmt: skip
        for index, kind in enumerate(kinds):
            noun = self.w.noun()
            name = f"{self.w.adjective().capitalize()} {noun}"
            while not self.names.claim(name):
                name = f"{self.w.adjective().capitalize()} {self.w.noun()}"
            dimension_id = self.unique_id("dimension", name, taken)
            question = {
                "scale": f"How much {name.lower()} does it have?",
                "yes-no": f"Can it {self.w.verb()} {self.w.noun_phrase()}?",
                "list": f"Which {plural(self.w.noun())} does it {self.w.verb()}?",
                "text": f"How {self.w.adjective()} is its {name.lower()}?",
            }[kind]
            entry: dict[str, Any] = {
                "name": name,
                "question": question,
                "description": self.w.paragraphs(self.rng.randint(25, 60), self.links(("term", 2)), [], 1),
                "kind": kind,
            }
            if kind == "scale":
                steps = scale_steps[1:4] if self.rng.random() < 0.5 else scale_steps
                entry["levels"] = [
                    {"id": step_id, "label": label, "description": self.w.plain_line(5, 12, 200)}
                    for step_id, label in steps
                ]
            elif kind == "list":
                items: list[dict[str, str]] = []
                wanted = self.rng.randint(4, 8)
                while len(items) < wanted:
                    item = self.w.noun()
                    if item not in [i["id"] for i in items]:
                        items.append({"id": item, "label": item.capitalize()})
                entry["levels"] = items
            entry["group"] = groups[index % len(groups)]
            entry["order"] = 10 * (index + 1)
            entry["reviewed"] = self.reviewed()
            self.files["dimensions"][dimension_id] = entry
        self.ids["dimension"] = list(self.files["dimensions"])

    def rating(self, dimension: dict[str, Any]) -> dict[str, Any]:
        kind = dimension["kind"]
        if self.rng.random() < 0.03:
            return {"value": "not-assessed", "note": self.w.sentence(), "evidence": "editorial"}
        if kind == "scale":
            value: Any = self.rng.choice(dimension["levels"])["id"]
        elif kind == "yes-no":
            value = self.rng.choice(("yes", "partly", "no"))
        elif kind == "list":
            value = [level["id"] for level in self.rng.sample(dimension["levels"], self.rng.randint(1, 3))]
        else:
            value = f"{self.w.adjective().capitalize()} {self.w.noun()} per {self.w.noun()}"[:60].strip()
        sources = self.pick("source", 0, 2)
        rating: dict[str, Any] = {"value": value, "note": self.w.sentence(citation=None)}
        if sources:
            rating["sources"] = sources
        rating["evidence"] = self.evidence(sources)
        return rating

    def point(self) -> dict[str, Any]:
        sources = self.pick("source", 0, 1)
        title = f"{self.w.adjective().capitalize()} {plural(self.w.noun())}"
        detail = " ".join(self.w.sentence() for _ in range(self.rng.randint(1, 2)))
        point: dict[str, Any] = {"title": title, "detail": detail}
        if sources:
            point["sources"] = sources
        point["evidence"] = self.evidence(sources)
        return point

    def write_technologies(self) -> None:
        self.files["technologies"] = {}
        related: set[frozenset[str]] = set()
        tech_ids = self.ids["technology"]
        for index, tech_id in enumerate(tech_ids):
            names = self.tech_names[tech_id]
            sources = self.pick("source", 1, 3)
            relations = []
            for target in self.rng.sample(tech_ids, min(len(tech_ids) - 1, self.rng.randint(1, 3))):
                pair = frozenset({tech_id, target})
                if target == tech_id or pair in related:
                    continue
                related.add(pair)
                # 'is-a' only towards an earlier technology, so kinds never form a circle.
                choices = ["uses", "overlaps", "contrasts-with", "part-of"]
                if tech_ids.index(target) < index:
                    choices += ["is-a", "is-a"]
                relations.append(
                    {
                        "kind": self.rng.choice(choices),
                        "target": target,
                        "note": self.w.plain_line(6, 16, 200),
                    }
                )
            entry: dict[str, Any] = {
                "name": names["name"],
                "short_name": names["short_name"],
                "aliases": [
                    f"{names['name'].split()[1]} {names['name'].split()[2]}",
                    f"{names['short_name']} {self.w.noun()}",
                ],
                "summary": self.w.plain_line(10, 24, 280),
                "description": self.w.paragraphs(
                    self.rng.randint(120, 220),
                    self.links(("tech", 2), ("term", 3)),
                    self.citations(sources[:2]),
                    3,
                ),
                "how_it_works": self.w.paragraphs(
                    self.rng.randint(100, 200), self.links(("term", 3)), self.citations(sources[-1:]), 2
                ),
            }
            if relations:
                entry["relations"] = relations
            entry["examples"] = [
                {
                    "name": f"{self.w.noun().capitalize()}{self.rng.randint(2, 9)}",
                    "note": self.w.plain_line(6, 16, 200),
                }
                for _ in range(self.rng.randint(3, 5))
            ]
            entry["strengths"] = [self.point() for _ in range(self.rng.randint(3, 5))]
            entry["weaknesses"] = [self.point() for _ in range(self.rng.randint(3, 5))]
            entry["ratings"] = {
                dimension_id: self.rating(dimension)
                for dimension_id, dimension in self.files["dimensions"].items()
            }
            entry["sources"] = sources
            entry["order"] = 10 * (index + 1)
            entry["reviewed"] = self.reviewed()
            self.files["technologies"][tech_id] = entry

    def write_definitions(self) -> None:
        self.files["definitions"] = {}
        for definition_id, names in self.definition_names.items():
            sources = self.pick("source", 0, 2)
            entry: dict[str, Any] = dict(names)
            entry["short"] = self.w.plain_line(10, 30, 290)
            entry["body"] = self.w.paragraphs(
                self.rng.randint(40, 130),
                self.links(("term", self.rng.randint(1, 3))),
                self.citations(sources),
                self.rng.choice((1, 1, 2)),
            )
            see_also = self.pick("definition", 0, 4, exclude=definition_id)
            if see_also:
                entry["see_also"] = see_also
            if self.rng.random() < 0.04:
                entry["technology"] = self.rng.choice(self.ids["technology"])
            if sources:
                entry["sources"] = sources
            entry["evidence"] = self.evidence(sources)
            entry["reviewed"] = self.reviewed()
            self.files["definitions"][definition_id] = entry

    def write_industries_and_use_cases(self) -> None:
        icons = (
            "store",
            "hospital-box",
            "school",
            "bank",
            "factory",
            "truck",
            "palette",
            "scale-balance",
            "shield-account",
            "sprout",
            "flash",
            "cart",
            "code-braces",
            "newspaper",
            "airplane",
            "home-city",
            "gavel",
            "flask",
            "phone",
            "car",
        )
        self.files["industries"] = {}
        for index, (industry_id, name) in enumerate(self.labels["industry"].items()):
            sources = self.pick("source", 0, 2)
            entry: dict[str, Any] = {
                "name": name,
                "icon": f"material/{icons[index % len(icons)]}",
                "summary": self.w.plain_line(10, 24, 280),
                "description": self.w.paragraphs(
                    self.rng.randint(60, 140),
                    self.links(("tech", 2), ("term", 2)),
                    self.citations(sources),
                    1,
                ),
            }
            if sources:
                entry["sources"] = sources
            entry["evidence"] = self.evidence(sources)
            entry["order"] = 10 * (index + 1)
            entry["reviewed"] = self.reviewed()
            self.files["industries"][industry_id] = entry
        self.files["use-cases"] = {}
        taken: set[str] = set()
        industries = self.ids["industry"]
        for index in range(self.counts["use-case"]):
            while True:
                title = (
                    f"{self.w.adjective().capitalize()} {self.w.noun()} "
                    f"{third_person(self.w.verb())} for {plural(self.w.noun())}"
                )
                if len(title) <= 80 and self.names.claim(title):
                    break
            sources = self.pick("source", 0, 2)
            technologies = self.pick("technology", 1, 3)
            # Every industry gets use cases: the first ones go round the industries in order.
            industry = industries[index] if index < len(industries) else self.rng.choice(industries)
            entry = {
                "title": title,
                "industry": industry,
                "technologies": technologies,
                "summary": self.w.plain_line(12, 30, 290),
                "description": self.w.paragraphs(
                    self.rng.randint(90, 200),
                    [f"[{self.labels['technology'][t]}](tech:{t})" for t in technologies]
                    + self.links(("term", 2)),
                    self.citations(sources),
                    2,
                ),
                "example": self.w.paragraphs(self.rng.randint(50, 110), [], [], 1),
                "benefits": [self.w.sentence() for _ in range(self.rng.randint(2, 4))],
                "risks": [self.w.sentence() for _ in range(self.rng.randint(2, 4))],
            }
            if sources:
                entry["sources"] = sources
            entry["evidence"] = self.evidence(sources)
            entry["reviewed"] = self.reviewed()
            self.files["use-cases"][self.unique_id("use-case", title, taken)] = entry

    def write_topics(self) -> None:
        self.files["topics"] = {
            topic_id: {"name": name, "summary": self.w.plain_line(6, 16, 200), "order": 10 * (index + 1)}
            for index, (topic_id, name) in enumerate(self.labels["topic"].items())
        }

    def write_faqs(self) -> None:
        self.files["faq"] = {}
        orders: dict[str, int] = {}
        for faq_id, question in self.faq_questions.items():
            also_asked: list[str] = []
            for _ in range(self.rng.randint(2, 5)):
                phrasing = self.phrasing()
                key = normalised(phrasing)
                if len(phrasing) <= 200 and key not in self.asked:
                    self.asked.add(key)
                    also_asked.append(phrasing)
            sources = self.pick("source", 0, 3)
            technologies = self.pick("technology", 0, 3)
            topics = self.pick("topic", 1, 2)
            related = self.pick("faq", 2, 4, exclude=faq_id)
            links = self.links(("term", self.rng.randint(1, 3)), ("tech", self.rng.randint(0, 1)))
            links += [f"[{self.labels['faq'][r]}](faq:{r})" for r in related[:1]]
            while True:  # 80 to 300 words in all
                first = self.w.plain_line(10, 28, 240)  # the direct answer, in one sentence
                target = self.rng.randint(80, 290) - len(first.split())
                body = self.w.paragraphs(target, links, self.citations(sources), self.rng.randint(2, 4))
                if 80 <= words_in(first + " " + body) <= 300:
                    break
            orders[topics[0]] = orders.get(topics[0], 0) + 10
            entry: dict[str, Any] = {"question": question}
            if also_asked:
                entry["also_asked"] = also_asked
            entry["answer"] = wrap(first + " " + body.split("\n\n", 1)[0]) + (
                "\n\n" + body.split("\n\n", 1)[1] if "\n\n" in body else ""
            )
            entry["topics"] = topics
            if technologies:
                entry["technologies"] = technologies
            entry["related"] = related
            if sources:
                entry["sources"] = sources
            entry["evidence"] = self.evidence(sources)
            entry["order"] = orders[topics[0]]
            entry["reviewed"] = self.reviewed()
            self.files["faq"][faq_id] = entry

    def write_guide(self) -> None:
        self.files["guide"] = {}
        dimensions = self.files["dimensions"]
        usable = [(i, d) for i, d in dimensions.items() if d["kind"] in ("scale", "yes-no", "list")]
        taken: set[str] = set()
        for index in range(self.counts["guide-question"]):
            question = (
                f"How {self.w.adjective()} must its {self.w.noun()} be for your {plural(self.w.noun())}?"
            )
            choices = []
            for c in range(self.rng.randint(2, 4)):
                prefer = []
                for dimension_id, dimension in self.rng.sample(
                    usable, min(len(usable), self.rng.randint(1, 2))
                ):
                    allowed = (
                        ["yes", "partly", "no"]
                        if dimension["kind"] == "yes-no"
                        else [lv["id"] for lv in dimension["levels"]]
                    )
                    prefer.append(
                        {
                            "dimension": dimension_id,
                            "accepts": self.rng.sample(allowed, self.rng.randint(1, min(2, len(allowed)))),
                            "weight": self.rng.randint(1, 3),
                        }
                    )
                label = f"{self.w.adjective().capitalize()} {plural(self.w.noun())}"
                choices.append({"id": f"choice-{c + 1}", "label": label, "prefer": prefer})
            entry: dict[str, Any] = {
                "question": question,
                "help": self.w.plain_line(6, 16, 200),
                "choices": choices,
                "related": self.pick("faq", 1, 3),
                "order": 10 * (index + 1),
                "reviewed": self.reviewed(),
            }
            self.files["guide"][self.unique_id("guide-question", question, taken)] = entry

    def cite_every_source(self) -> None:
        """W501 wants every source cited: give each uncited one to a FAQ entry."""
        cited: set[str] = set()

        def walk(value: Any) -> Iterator[str]:
            if isinstance(value, dict):
                for key, item in value.items():
                    if key == "sources":
                        yield from item
                    else:
                        yield from walk(item)
            elif isinstance(value, list):
                for item in value:
                    yield from walk(item)
            elif isinstance(value, str):
                yield from re.findall(r"\(source:([a-z0-9-]+)\)", value)

        for folder, entries in self.files.items():
            if folder != "sources":
                for entry in entries.values():
                    cited.update(walk(entry))
        faqs = list(self.files["faq"].values())
        for number, source_id in enumerate(s for s in self.ids["source"] if s not in cited):
            faq = faqs[number % len(faqs)]
            faq.setdefault("sources", []).append(source_id)
            if faq["evidence"] == "editorial":
                faq["evidence"] = "documented"
            # keep keys in the model's order: sources before evidence
            for key in ("evidence", "order", "reviewed"):
                faq[key] = faq.pop(key)


def site_config(n: int) -> str:
    """The generic fixture site's mkdocs.yml, named for the corpus, with pair pages up to 16 technologies."""
    text = (FIXTURE_SITE / "mkdocs.yml").read_text(encoding="utf-8")
    header = f"# A synthetic explainer of {n:,} entities, written by bench/corpus.py for the benchmarks.\n"
    text = re.sub(r"\A(#[^\n]*\n)+", header, text)
    text = text.replace("site_name: Fixture explainer", f"site_name: Benchmark explainer ({n:,} entities)")
    text = text.replace(
        "      content_dir: content\n",
        "      content_dir: content\n      pairs:\n        pages: up-to\n        max_technologies: 16\n",
    )
    if "max_technologies: 16" not in text:
        raise RuntimeError("the fixture site's mkdocs.yml changed shape: update bench/corpus.py")
    return text


def generate(out: Path, n: int, seed: int = DEFAULT_SEED) -> Corpus:
    """Write a project of `n` entities into `out` (its content/ is replaced) and describe it."""
    generator = Generator(n, seed)
    files = generator.generate()
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    for folder, entries in files.items():
        (content / folder).mkdir(parents=True, exist_ok=True)
        for entity_id, entry in entries.items():
            (content / folder / f"{entity_id}.yaml").write_text(dump(entry), encoding="utf-8")
    (out / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE_SITE / "docs/index.md", out / "docs/index.md")
    (out / "mkdocs.yml").write_text(site_config(n), encoding="utf-8")
    written = {kind: count for kind, count in generator.counts.items()}
    if sum(written.values()) != n:
        raise RuntimeError(f"planned {sum(written.values())} entities instead of {n}")
    tech = next(iter(generator.tech_names.values()))
    term = generator.definition_names[generator.ids["definition"][0]]["term"]
    typo = term.lower()
    typo = typo[:2] + typo[3] + typo[2] + typo[4:] if len(typo) > 4 else typo
    queries = [
        tech["short_name"],
        term.lower(),
        typo,
        generator.faq_questions[generator.ids["faq"][0]][:30],
        f"{tech['short_name'].lower()} vs",
    ]
    return Corpus(n, seed, written, out, list(generator.ids["faq"]), queries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help=f"entities in all (at least {MIN_N})")
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.n < MIN_N:
        parser.error(f"N must be at least {MIN_N}")
    corpus = generate(args.out, args.n, args.seed)
    listed = ", ".join(f"{count:,} {kind}" for kind, count in corpus.counts.items())
    print(f"wrote {args.out}: {args.n:,} entities ({listed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
