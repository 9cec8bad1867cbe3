"""Measured search quality: every reader query of tests/search/queries.yaml, typed in Chromium.

Each query goes through Material's site search (typed into the search box, results read off the
screen in order) and, when one of the pages that answer it is a question, through the FAQ filter.
A query is a hit at k when one of its answers is among the first k results a reader sees: a page,
or for `glossary/#term` the glossary page with that term's section shown under it (not folded).
The figures go to site-reports/search-quality.json, which scripts/bench reports. The test fails when
a change makes search find less than the floors below; issue 13's targets are printed next to them.
"""

from __future__ import annotations

import fcntl
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext

from explainer.families import FAMILY_BY_NAME
from explainer.render.context import page_url
from explainer.search_index import INDEX
from explainer.settings import read_site_config
from tests.browser.conftest import REPORTS
from tests.conftest import REPO
from tests.support.query_sets import FAQ, Query, faq_wordings, load_queries
from tests.support.reader_search import (
    clear_faq_filter,
    filter_faq,
    first_faq_results,
    open_site_search,
    site_search,
    visible_faq_results,
)
from tests.support.search_worker import script_connecting_words, script_normalise, search_worker

pytestmark = pytest.mark.browser

QUERIES = REPO / "tests/search/queries.yaml"
REPORT = REPORTS / "search-quality.json"
# Issue 13's targets, reported with every run, not yet met (3 December 2026, 529 queries: site search
# 78.8 % / 90.0 %, FAQ filter 82.3 % of 333; on the first 429, 80.4 % / 90.4 % and 83.7 %); the misses
# left are mostly paraphrases that share no word with their answer. Each set written blind scored
# lower than the sets tuned on before it joined them.
TARGETS = {"site_search": {"hit@1": 0.80, "hit@3": 0.95}, "faq_filter": {"hit@1": 0.85}}
# What the site reaches today, rounded down: CI fails when a change makes search find less. Raise these
# when search improves; lower them only with a reason in the commit (they fell when the blind second
# set of queries joined the first, when queries that search reads as an `also_asked` left, and when
# the blind third and fourth sets joined).
FLOORS = {"site_search": {"hit@1": 0.78, "hit@3": 0.89}, "faq_filter": {"hit@1": 0.82}}
# Share of the FAQ's own wordings (each question and its `also_asked`) whose page site search puts
# first: 100 % on 3 December 2026 (1,023 of 1,023). Issue 13 asks for every one, and E515 keeps a
# wording from being another entry's name, which search would put first.
OWN_PAGE_FLOOR = 1.0


@dataclass(frozen=True)
class Outcome:
    query: str
    reader: str
    expected: tuple[str, ...]
    shown: tuple[str, ...]  # the first results as the reader saw them
    rank: int | None  # 1-based place of the first answer among the results, None when absent


def hit_rate(outcomes: list[Outcome], k: int) -> float:
    return sum(o.rank is not None and o.rank <= k for o in outcomes) / len(outcomes)


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    return {
        "queries": len(outcomes),
        # Six places, so that a rate printed from here rounds as the rate itself does (252 / 314 is 80.3 %).
        "hit@1": round(hit_rate(outcomes, 1), 6),
        "hit@3": round(hit_rate(outcomes, 3), 6),
        "misses@1": [asdict(o) for o in outcomes if o.rank != 1],
    }


def describe_misses(engine: str, outcomes: list[Outcome], k: int) -> str:
    lines = [f"{engine}: not first ({'not in the top 3' if k == 3 else 'lower'} marked *):"]
    for o in outcomes:
        if o.rank == 1:
            continue
        flag = "*" if o.rank is None or o.rank > 3 else " "
        lines.append(f" {flag} [{o.reader}] {o.query!r} → {list(o.shown[:3])} (wanted {list(o.expected)})")
    return "\n".join(lines)


def run_site_search(context: BrowserContext, base_url: str, queries: list[Query]) -> list[Outcome]:
    page = open_site_search(context, base_url)
    outcomes = []
    for query in queries:
        results = site_search(page, base_url, query.text)
        rank = next(
            (place for place, r in enumerate(results, 1) if any(r.answers(a) for a in query.answers)), None
        )
        shown = tuple(r.path + (f"#{r.anchors[0]}" if r.anchors else "") for r in results[:5])
        outcomes.append(Outcome(query.text, query.reader, query.answers, shown, rank))
    page.close()
    return outcomes


def run_faq_filter(context: BrowserContext, base_url: str, queries: list[Query]) -> list[Outcome]:
    page = context.new_page()
    page.goto(base_url + FAQ)
    outcomes = []
    for query in queries:
        filter_faq(page, query.text)
        shown = visible_faq_results(page)
        rank = next((place for place, faq in enumerate(shown, 1) if faq in query.questions), None)
        outcomes.append(Outcome(query.text, query.reader, query.answers, tuple(shown[:5]), rank))
    clear_faq_filter(page)
    page.close()
    return outcomes


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _as_search_reads(texts: list[str]) -> list[frozenset[str]]:
    """The words both searches rank each text by: normalised by search-words.js, connecting words
    aside ("vs", "what is", "really"), in any order, a plural as its singular ("rnn vs transformer"
    reads as "transformer vs rnns")."""
    connecting = script_connecting_words()
    return [
        frozenset(
            w[:-1] if len(w) > 3 and w.endswith("s") else w for w in text.split() if w not in connecting
        )
        for text in script_normalise(texts)
    ]


def family_wordings() -> list[tuple[str, str]]:
    """Each other name the site gives a family's main page (`families.<name>.aliases`), with its page."""
    settings = read_site_config(REPO / "mkdocs.yml").settings
    return [
        (alias, page_url(FAMILY_BY_NAME[name].index))
        for name, options in settings.families.items()
        for alias in options.aliases
    ]


def test_no_query_is_a_phrasing_the_content_already_holds() -> None:
    """A query that is an FAQ's question or one of its `also_asked`, or a family page's alias, as search
    reads them (the same words that matter, in any order), measures recall of a string, not search. A
    query of one such word is a name typed alone ("agi meaning"), which readers do type, and is allowed."""
    wordings, queries = faq_wordings(REPO / "content") + family_wordings(), load_queries(QUERIES)
    read = _as_search_reads([text for text, _ in wordings] + [q.text for q in queries])
    held = dict(zip(read[: len(wordings)], wordings, strict=True))
    asked = zip(queries, read[len(wordings) :], strict=True)
    copies = [(q.text, held[words]) for q, words in asked if len(words) > 1 and words in held]
    assert copies == []


def test_no_hand_written_page_quotes_a_query() -> None:
    """A page of docs/ that quotes a query (say, as an example of a miss) becomes an answer to it."""
    quoted = [
        (query.text, path.relative_to(REPO).as_posix())
        for path in sorted((REPO / "docs").rglob("*.md"))
        for query in load_queries(QUERIES)
        if len(_words(query.text).split()) > 2
        and _words(query.text) in _words(path.read_text(encoding="utf-8"))
    ]
    assert quoted == []


def test_queries_name_pages_the_site_builds(site_dir: Path) -> None:
    """A query whose answer the site does not build measures nothing."""
    missing = []
    for query in load_queries(QUERIES):
        for answer in query.answers:
            path, _, anchor = answer.partition("#")
            page = site_dir / path / "index.html"
            if not page.is_file() or (anchor and f'id="{anchor}"' not in page.read_text(encoding="utf-8")):
                missing.append(f"{query.text!r} → {answer}")
    assert missing == []


def record(engine: str, figures: dict[str, Any]) -> None:
    """One engine's figures into the report, which holds both. The two are measured by two tests that
    parallel workers may finish at the same moment, so the report is read and written under a lock."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.with_name(REPORT.name + ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        report = json.loads(REPORT.read_text(encoding="utf-8")) if REPORT.is_file() else {}
        report |= {engine: figures, "targets": TARGETS, "floors": FLOORS}
        REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def judge(engine: str, outcomes: list[Outcome]) -> None:
    """Record and print the figures, the misses and the targets; fail below the floors."""
    name = engine.replace("_", " ")
    print(
        f"\n{name}: hit@1 {hit_rate(outcomes, 1):.1%}, hit@3 {hit_rate(outcomes, 3):.1%} of {len(outcomes)}"
    )
    print(describe_misses(name, outcomes, 3))
    figures = summary(outcomes)
    record(engine, figures)
    for measure, target in TARGETS[engine].items():
        verdict = "met" if figures[measure] >= target else "NOT MET"
        print(f"target {name} {measure} {target:.0%}: {figures[measure]:.1%} ({verdict})")
    below = {
        f"{name} {measure}": f"{figures[measure]:.1%} < {floor:.0%}"
        for measure, floor in FLOORS[engine].items()
        if figures[measure] < floor
    }
    assert below == {}, f"search finds less than it did (misses printed above): {below}"


# Site search and the FAQ filter are measured by two tests, so that parallel workers share them.
def test_readers_find_the_answer_in_site_search(context: BrowserContext, base_url: str) -> None:
    queries = load_queries(QUERIES)
    assert len(queries) >= 150
    outcomes = run_site_search(context, base_url, queries)
    judge("site_search", outcomes)


def test_readers_find_the_answer_in_the_faq_filter(context: BrowserContext, base_url: str) -> None:
    queries = [q for q in load_queries(QUERIES) if q.questions]
    assert len(queries) >= 100
    outcomes = run_faq_filter(context, base_url, queries)
    judge("faq_filter", outcomes)


def test_each_question_comes_first_for_its_own_wordings(site_dir: Path) -> None:
    """Typed as the content words it, a question or one of its other phrasings finds its own page first
    (run through the site search's worker in Node, on the index the build wrote)."""
    wordings = faq_wordings(REPO / "content")
    results = search_worker(site_dir / INDEX, [text for text, _ in wordings])
    misses = [
        f"{text!r} → {[group[0]['location'] for group in found[:2]]} (wanted {page})"
        for (text, page), found in zip(wordings, results, strict=True)
        if not found or found[0][0]["location"] != page
    ]
    share = 1 - len(misses) / len(wordings)
    print(f"\nown page first for {share:.1%} of {len(wordings)} wordings", *misses, sep="\n  ")
    assert share >= OWN_PAGE_FLOOR, misses


def test_each_question_comes_first_in_the_faq_filter_for_its_own_wordings(
    context: BrowserContext, base_url: str
) -> None:
    """Typed word for word, a question or one of its other phrasings shows that question first in the
    filter, before a question that merely holds the same words ("generative ai vs llm" is how one
    question is also asked, and how "Which is more creative, generative AI or an LLM?" compares)."""
    wordings = faq_wordings(REPO / "content")
    firsts = first_faq_results(context, base_url, [text for text, _ in wordings])
    misses = [
        f"{text!r} → {first} (wanted {wanted})"
        for (text, wanted), first in zip(wordings, firsts, strict=True)
        if f"{FAQ}{first}/" != wanted
    ]
    assert misses == []


def test_each_family_page_comes_first_for_the_names_the_site_gives_it(site_dir: Path) -> None:
    """A name in `families.<name>.aliases` that finds another page first misleads more than it helps:
    it names something else too, as search reads it, and needs rewording."""
    wordings = family_wordings()
    assert len(wordings) >= 8
    results = search_worker(site_dir / INDEX, [text for text, _ in wordings])
    misses = [
        f"{text!r} → {[group[0]['location'] for group in found[:2]]} (wanted {page})"
        for (text, page), found in zip(wordings, results, strict=True)
        if not found or found[0][0]["location"] != page
    ]
    assert misses == []


# Issue 13's own words, typed into the site search box as a reader would: the page that answers
# comes first (the decision guide for the question it is titled with).
READERS_OWN_WORDS = [
    ("gan vs diffusion", "faq/what-is-the-difference-between-gans-and-diffusion-models/"),
    ("why does chatgpt make stuff up", "faq/why-do-llms-hallucinate/"),
    ("llm cheaper to run myself?", "faq/is-self-hosting-cheaper-than-an-api/"),
    ("why do language models make things up", "faq/why-do-llms-hallucinate/"),
    ("which should I use?", "guide/"),
    ("What is generative AI?", "faq/what-is-generative-ai/"),
]


def test_the_issues_own_queries_find_their_page_first_in_site_search(
    context: BrowserContext, base_url: str
) -> None:
    page = open_site_search(context, base_url)
    firsts = {}
    for query, _ in READERS_OWN_WORDS:
        results = site_search(page, base_url, query)
        firsts[query] = results[0].path if results else None
    page.close()
    assert firsts == dict(READERS_OWN_WORDS)
