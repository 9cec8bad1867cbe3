"""The pages a large site splits into, in the browser: accessible, phone-sized, and readable without
JavaScript (tests/support/split_site.py builds the site past every paging limit)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.support.axe import serious_violations
from tests.support.browser import PHONE
from tests.support.server import serve
from tests.support.split_site import build_split_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def split_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_split_site(tmp_path_factory.mktemp("split"))
    with serve(site) as url:
        yield url


def _first(pattern: str, html: str) -> str:
    found = re.search(pattern, html)
    assert found, pattern
    return found.group(1)


@pytest.fixture(scope="module")
def split_pages(split_url: str, browser: Browser) -> dict[str, str]:
    """One page of each kind the split produces (addresses), found by following the site's own links."""
    page = browser.new_page()

    def first_link(path: str, selector: str) -> str:
        page.goto(split_url + path)
        return str(page.locator(selector).first.evaluate("a => a.href"))

    found = {
        "glossary index": split_url + "glossary/",
        "glossary letter": first_link("glossary/", ".ex-letters a"),
        "faq topics": split_url + "faq/",
        "faq topic": first_link("faq/", ".ex-faq-topic h2 a"),
        "sources index": split_url + "sources/",
        "sources letter": first_link("sources/", "article li a"),
        "compact matrix": split_url + "compare/",
    }
    page.close()
    return found


def test_split_pages_have_no_serious_accessibility_violation(
    browser: Browser, split_url: str, split_pages: dict[str, str]
) -> None:
    problems = {}
    for name, path in split_pages.items():
        page = browser.new_page()
        page.goto(path)
        serious = serious_violations(page)
        if serious:
            problems[name] = serious
        page.close()
    assert problems == {}


def test_split_pages_fit_a_phone(browser: Browser, split_url: str, split_pages: dict[str, str]) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    too_wide = {}
    for name, path in split_pages.items():
        page.goto(path)
        layout = page.evaluate("[innerWidth, document.documentElement.scrollWidth]")
        if max(layout) > PHONE["viewport"]["width"]:
            too_wide[name] = layout
    context.close()
    assert too_wide == {}


def test_without_javascript_a_reader_reaches_every_question_of_a_topic(
    browser: Browser, split_url: str, split_pages: dict[str, str]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(split_pages["faq topic"])
    questions = page.locator("article li strong a")
    assert questions.count() > 0
    expect(questions.first).to_be_visible()
    questions.first.click()
    expect(page.locator("article h1")).to_be_visible()
    page.goto(split_pages["compact matrix"])
    why = page.locator(".ex-matrix-table a.ex-why").first
    expect(why).to_be_visible()
    why.click()
    target = page.url.partition("#")[2]
    assert target.startswith("rating-")
    expect(page.locator(f"[id='{target}']")).to_be_attached()
    context.close()
