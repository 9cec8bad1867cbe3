"""Chunked site search: when a site switches to Pagefind, and what Pagefind is given to index."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from explainer.chunked_search import (
    ENGINE_ATTRIBUTE,
    MAX_WEIGHT,
    SECTION_TITLE_WEIGHT,
    TEXT_WEIGHT,
    TITLE_WEIGHT,
    WORKERS,
    chosen_engine,
    indexed_pages,
    searched_with,
)
from explainer.settings import DEFAULT_SETTINGS, SECTIONS, SearchOptions, Settings

# Measured (bench/search_bytes.json, December 2026): the real site has 197 pages; a 10,000-entity site 6,991.
REAL_SITE_PAGES = 197
TEN_THOUSAND_ENTITY_PAGES = 6_991


def test_by_default_the_real_site_gets_the_explainer_engine_and_a_ten_thousand_entity_site_pagefind() -> None:
    options = DEFAULT_SETTINGS.search
    assert chosen_engine(options, REAL_SITE_PAGES) == "explainer"
    assert chosen_engine(options, TEN_THOUSAND_ENTITY_PAGES) == "pagefind"


def test_auto_switches_only_above_the_threshold() -> None:
    options = SearchOptions(chunked_above=100)
    assert chosen_engine(options, 100) == "explainer"
    assert chosen_engine(options, 101) == "pagefind"


@pytest.mark.parametrize("engine", ["explainer", "lunr", "pagefind"])
def test_a_chosen_engine_wins_whatever_the_size(engine: Any) -> None:
    options = SearchOptions(engine=engine, chunked_above=100)
    assert chosen_engine(options, 1) == engine
    assert chosen_engine(options, 1_000_000) == engine


def test_search_options_are_read_from_the_plugin_options_and_validated() -> None:
    settings = Settings.model_validate({"search": {"engine": "pagefind", "chunked_above": 50}})
    assert settings.search == SearchOptions(engine="pagefind", chunked_above=50)
    with pytest.raises(ValidationError):
        Settings.model_validate({"search": {"engine": "elasticsearch"}})
    with pytest.raises(ValidationError):
        Settings.model_validate({"search": {"chunked_above": -1}})
    with pytest.raises(ValidationError):
        Settings.model_validate({"search": {"chunked_below": 5}})


def test_the_search_options_are_in_the_field_reference() -> None:
    assert ("search", SearchOptions) in SECTIONS
    assert all(field.description for field in SearchOptions.model_fields.values())


# -- the built page --------------------------------------------------------------------------------

PAGE = (
    '<!doctype html>\n<html lang="en" class="no-js">\n<head><meta charset="utf-8"></head><body>'
    '<script id="__config" type="application/json">{"base": "../..", "features": [], '
    '"search": "../../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script>'
    "<p>Text that mentions assets/javascripts/workers/search.a7633da7.min.js stays.</p></body></html>"
)


@pytest.mark.parametrize("engine", ["explainer", "pagefind"])
def test_a_page_points_the_theme_search_at_its_engines_worker_from_its_own_depth(engine: Any) -> None:
    page = searched_with(PAGE, engine)
    assert f'"search": "../../{WORKERS[engine]}"' in page
    assert "Text that mentions assets/javascripts/workers/search.a7633da7.min.js stays." in page


@pytest.mark.parametrize("engine", ["explainer", "pagefind"])
def test_a_page_tells_the_on_demand_script_there_is_no_lunr_index(engine: Any) -> None:
    page = searched_with(PAGE, engine)
    assert re.search(rf'<html {ENGINE_ATTRIBUTE}="{engine}" lang="en" class="no-js">', page)
    assert page.count(ENGINE_ATTRIBUTE) == 1


def test_a_page_searched_with_lunr_is_left_as_the_theme_wrote_it() -> None:
    assert searched_with(PAGE, "lunr") == PAGE


# -- what Pagefind indexes -------------------------------------------------------------------------

LUNR_INDEX: dict[str, Any] = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Home", "text": "<p>Welcome.</p>"},
        {"location": "faq/why/", "title": "Why?", "text": "<p>Because.</p>", "boost": 2.0},
        {"location": "faq/why/#more", "title": "More", "text": "<p>Detail &amp; more.</p>", "boost": 2.0},
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {"location": "glossary/#token", "title": "Token", "text": "<p>A piece of text.</p>"},
        {"location": "notes.html", "title": "Notes", "text": "<p>Flat URL.</p>"},
    ],
}


def _pages(also_asked: dict[str, list[str]] | None = None) -> dict[str, str]:
    return {page.path: page.html for page in indexed_pages(LUNR_INDEX, also_asked)}


def test_each_page_of_the_lunr_index_becomes_one_file_where_the_site_serves_it() -> None:
    assert list(_pages()) == ["index.html", "faq/why/index.html", "glossary/index.html", "notes.html"]


def test_sections_keep_their_anchors_so_results_link_to_them() -> None:
    glossary = _pages()["glossary/index.html"]
    assert re.search(r'<h1 data-pagefind-weight="[\d.]+">Glossary</h1>', glossary)
    assert re.search(r'<h2 id="token" data-pagefind-weight="[\d.]+">Token</h2>', glossary)
    assert "<p>A piece of text.</p>" in glossary
    assert '<html lang="en">' in glossary


def test_only_what_the_lunr_index_holds_is_indexed() -> None:
    # Excluded sections and pages never reach the lunr index; nothing else is added.
    text = " ".join(re.sub(r"<[^>]+>", " ", html) for html in _pages().values())
    expected = (
        "Home Welcome. Why? Because. More Detail &amp; more. Glossary Token A piece of text. Notes Flat URL."
    )
    assert sorted(set(text.split())) == sorted(set(expected.split()))


def test_a_boosted_page_weighs_more_than_others_and_within_pagefinds_range() -> None:
    why, home = _pages()["faq/why/index.html"], _pages()["index.html"]
    assert f'<h1 data-pagefind-weight="{TITLE_WEIGHT * 2:g}">Why?</h1>' in why
    assert f'<h2 id="more" data-pagefind-weight="{SECTION_TITLE_WEIGHT * 2:g}">More</h2>' in why
    assert f'<div data-pagefind-weight="{TEXT_WEIGHT * 2:g}"><p>Because.</p></div>' in why
    assert f'<h1 data-pagefind-weight="{TITLE_WEIGHT:g}">Home</h1>' in home
    boosted = {**LUNR_INDEX, "docs": [{"location": "x/", "title": "X", "text": "", "boost": 100.0}]}
    weights = re.findall(r'data-pagefind-weight="([\d.]+)"', indexed_pages(boosted)[0].html)
    assert weights and all(float(weight) <= MAX_WEIGHT for weight in weights)


def test_also_asked_phrasings_count_like_the_pages_own_title_and_are_escaped() -> None:
    why = _pages({"faq/why/": ["why though", "<b>why</b> & how"]})["faq/why/index.html"]
    title = f'data-pagefind-weight="{TITLE_WEIGHT * 2:g}"'
    assert f"<p {title}>why though</p>" in why
    assert f"<p {title}>&lt;b&gt;why&lt;/b&gt; &amp; how</p>" in why
    assert why.index("why though") < why.index("Because.")
    assert "why though" not in _pages({"faq/why/": ["why though"]})["index.html"]
