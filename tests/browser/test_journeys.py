"""Readers' journeys through the real site. Each ends with a clean console and only local requests."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.browser import PHONE, Traffic
from tests.support.reader_search import SEARCH_SETTLED, WORKER_PROBE

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _no_policy_violations(context: BrowserContext, traffic: Traffic) -> Iterator[None]:
    """Every journey ends without a Content-Security-Policy violation, on whichever pages it visited.

    It asks for the context so that it runs before the context (and its pages) close.
    """
    yield
    traffic.assert_no_policy_violations()


def test_the_policy_blocks_script_a_slip_in_content_handling_would_inject(
    page: Page, base_url: str, traffic: Traffic
) -> None:
    """The policy is on, and the listener every journey relies on sees what it blocks."""
    page.goto(base_url + "glossary/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.append(script);
            const image = document.createElement("div");
            image.innerHTML = '<img src="data:," onerror="window.__injected = true">';
            document.body.append(image);
        }"""
    )
    page.wait_for_function("() => window.__cspViolations.length >= 2")
    traffic.settle()
    assert page.evaluate("() => window.__injected") is None
    assert sorted(v["directive"] for v in traffic.csp_violations) == ["script-src-attr", "script-src-elem"]
    traffic.csp_violations.clear()


def test_reader_goes_from_home_to_the_matrix_to_a_pair(page: Page, base_url: str, traffic: Traffic) -> None:
    page.goto(base_url)
    page.get_by_role("link", name="comparison matrix").first.click()
    expect(page).to_have_url(re.compile(r"/compare/$"))
    # A box ticked before the matrix's script starts stays ticked (test_matrix), but what the script
    # does on each change (differences only for two) needs it running: wait for it.
    expect(page.locator("[data-ex-matrix]")).to_have_attribute("data-ex-ready", "")
    page.get_by_role("checkbox", name="GenAI").check()
    page.get_by_role("checkbox", name="LLM", exact=True).check()
    page.locator("[data-ex-compare-two] a").click()
    expect(page).to_have_url(re.compile(r"/compare/generative-ai-vs-large-language-models/$"))
    expect(page.get_by_role("heading", name="Where they differ")).to_be_visible()
    traffic.assert_clean()


def _search(page: Page, words: str) -> None:
    """Type into Material's search as a reader does (it ignores programmatic fills)."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(words)


def _settled(page: Page) -> None:
    """Wait until the results on screen answer the whole query in the box (the search runs in a
    worker, one message per query, so results for an earlier prefix can still be showing)."""
    page.wait_for_function(SEARCH_SETTLED)


def test_site_search_finds_every_question_among_the_top_results_for_its_own_wording(
    page: Page, base_url: str, site_dir: Path, traffic: Traffic
) -> None:
    questions = json.loads((site_dir / "data/content.json").read_text())["faq"]
    page.add_init_script(WORKER_PROBE)
    page.goto(base_url)
    misses = []
    page.locator("input[data-md-component=search-query]").click()
    for faq in questions:
        # One keyup with the whole question: Material searches on keyup, so this is one query,
        # not a queue of partial ones whose results could arrive late.
        page.locator("input[data-md-component=search-query]").evaluate(
            "(box, words) => { box.value = words; box.dispatchEvent(new KeyboardEvent('keyup')); }",
            faq["question"],
        )
        _settled(page)
        tops = [
            urlsplit(a.get_attribute("href") or "").path
            for a in page.locator(".md-search-result__item > a").all()[:3]
        ]
        if not any(top.endswith(f"/faq/{faq['id']}/") for top in tops):
            misses.append((faq["question"], tops))
    assert misses == []
    traffic.assert_clean()


def test_reader_searches_a_question_and_lands_on_its_page(
    page: Page, base_url: str, traffic: Traffic
) -> None:
    page.add_init_script(WORKER_PROBE)
    page.goto(base_url)
    _search(page, "Is ChatGPT an LLM or generative AI?")
    _settled(page)
    page.locator(".md-search-result__item a").first.click()
    expect(page).to_have_url(re.compile(r"/faq/is-chatgpt-an-llm-or-generative-ai/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Is ChatGPT an LLM or generative AI?")
    traffic.assert_clean()


def test_a_shared_site_search_link_opens_the_search_with_its_results(
    page: Page, base_url: str, traffic: Traffic
) -> None:
    """?q= on a page without an FAQ filter is the theme's own search: it opens with the query and
    its results (only the FAQ page keeps ?q= from the theme, for its filter)."""
    page.add_init_script(WORKER_PROBE)
    page.goto(base_url + "glossary/?q=why%20do%20llms%20hallucinate")
    _settled(page)
    expect(page.locator("input[data-md-component=search-query]")).to_have_value("why do llms hallucinate")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible()
    assert urlsplit(first.get_attribute("href") or "").path.endswith("/faq/why-do-llms-hallucinate/")
    traffic.assert_clean()


def test_reader_opens_a_glossary_term_from_its_tooltip(page: Page, base_url: str, traffic: Traffic) -> None:
    page.goto(base_url + "technologies/transformers/")
    term = page.locator("article a.ex-term").first
    meaning = term.get_attribute("title") or ""
    assert meaning
    term.hover()
    expect(page.locator(".md-tooltip2, .md-tooltip").filter(has_text=meaning[:30]).first).to_be_visible()
    target = (term.get_attribute("href") or "").split("#")[1]
    term.click()
    expect(page).to_have_url(re.compile(rf"/glossary/#{target}$"))
    expect(page.locator(f"[id='{target}']")).to_be_in_viewport()
    traffic.assert_clean()


def test_tooltips_are_never_in_headings_links_or_code(page: Page, base_url: str) -> None:
    for path in ("", "technologies/large-language-models/", "faq/what-is-rag/", "compare/"):
        page.goto(base_url + path)
        assert page.locator(":is(h1,h2,h3,h4,h5,h6,code,pre,a:not(.ex-term)) a.ex-term").count() == 0
        assert page.locator("article a.ex-term").count() > 0 or path == "compare/"


def test_edit_this_page_points_at_the_yaml_source(page: Page, base_url: str, traffic: Traffic) -> None:
    page.goto(base_url + "faq/why-do-llms-hallucinate/")
    edit = page.locator("a.md-content__button[title*='Edit']")
    assert re.search(
        r"/edit/main/content/faq/why-do-llms-hallucinate\.yaml$", edit.get_attribute("href") or ""
    )
    page.goto(base_url + "technologies/diffusion-models/")
    assert (page.locator("a.md-content__button[title*='Edit']").get_attribute("href") or "").endswith(
        "content/technologies/diffusion-models.yaml"
    )
    traffic.assert_clean()


def test_dark_mode_persists_across_pages_and_switches_back(
    page: Page, base_url: str, traffic: Traffic
) -> None:
    page.goto(base_url)
    scheme = page.locator("body")
    expect(scheme).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[title='Switch to dark mode']").click()
    expect(scheme).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_role("link", name="glossary").first.click()
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    expect(scheme).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + "faq/")
    expect(scheme).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("label[title='Switch to light mode']").click()
    expect(scheme).to_have_attribute("data-md-color-scheme", "default")
    traffic.assert_clean()


def test_reader_navigates_on_a_phone_with_the_menu(browser: Browser, base_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    traffic = Traffic(base_url)
    traffic.watch(page)
    page.goto(base_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    page.locator("header label[for=__drawer]").click()
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer.get_by_role("link", name="Glossary")).to_be_visible()
    drawer.get_by_role("link", name="Glossary").click()
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glossary")
    traffic.assert_clean()
    context.close()


def test_back_and_forward_work_with_instant_navigation(page: Page, base_url: str, traffic: Traffic) -> None:
    page.goto(base_url)
    page.get_by_role("link", name="glossary").first.click()
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    page.get_by_role("link", name="FAQ", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/faq/$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glossary")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/faq/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Frequently asked questions")
    traffic.assert_clean()


def test_previous_and_next_stay_within_a_topic(page: Page, base_url: str) -> None:
    page.goto(base_url + "faq/why-do-llms-hallucinate/")
    links = page.locator("nav.md-footer__inner a").all()
    assert links, "a question in the middle of its topic has previous and next links"
    for link in links:
        assert "/faq/" in (link.get_attribute("href") or "")
