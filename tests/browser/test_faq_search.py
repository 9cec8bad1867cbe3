"""A reader filters the FAQ: synonyms both ways, typos, highlighting, shareable URL, empty result."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import Traffic

pytestmark = pytest.mark.browser


def shown_questions(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "details.ex-faq", "items => [...new Set(items.filter(i => !i.hidden).map(i => i.dataset.faq))]"
    )


def type_query(page: Page, text: str) -> None:
    box = page.get_by_label("Filter the questions")
    box.fill("")
    box.press_sequentially(text)


def faq_texts(site_dir: Path) -> dict[str, str]:
    data = json.loads((site_dir / "data/content.json").read_text())
    return {f["id"]: (f["question"] + " " + f["answer"]).casefold() for f in data["faq"]}


@pytest.mark.parametrize(
    ("typed", "written"),
    [("LLM", "large language model"), ("RAG", "retrieval-augmented generation"), ("GenAI", "generative ai")],
)
def test_an_abbreviation_finds_questions_that_only_spell_it_out(
    page: Page, base_url: str, site_dir: Path, typed: str, written: str, traffic: Traffic
) -> None:
    page.goto(base_url + "faq/")
    type_query(page, typed)
    shown = set(shown_questions(page))
    texts = faq_texts(site_dir)
    spelled_out = {faq_id for faq_id, text in texts.items() if written in text}
    assert spelled_out, f"the content has no question that writes '{written}'"
    assert spelled_out <= shown
    traffic.assert_clean()


def test_a_synonym_alone_is_enough_to_match(page: Page, base_url: str, site_dir: Path) -> None:
    """Questions that never write 'LLM' are found by 'LLM' because they say 'large language model'."""
    page.goto(base_url + "faq/")
    type_query(page, "LLM")
    shown = set(shown_questions(page))
    only_long = {
        faq_id
        for faq_id, text in faq_texts(site_dir).items()
        if "large language model" in text and not re.search(r"\bllms?\b", text)
    }
    assert only_long, "expected at least one question that spells out 'large language model' only"
    assert only_long <= shown


def test_the_long_form_finds_questions_that_only_use_the_abbreviation(
    page: Page, base_url: str, site_dir: Path
) -> None:
    page.goto(base_url + "faq/")
    type_query(page, "retrieval augmented generation")
    shown = set(shown_questions(page))
    abbreviation_only = {
        faq_id
        for faq_id, text in faq_texts(site_dir).items()
        if re.search(r"\brag\b", text) and "retrieval" not in text
    }
    assert abbreviation_only, "expected at least one question that writes 'RAG' only"
    assert abbreviation_only <= shown
    assert "what-is-rag" in shown


def test_filter_ignores_case_punctuation_and_small_typos(page: Page, base_url: str) -> None:
    page.goto(base_url + "faq/")
    type_query(page, "HALUCINATE?!")
    assert "why-do-llms-hallucinate" in shown_questions(page)


def test_matching_words_are_highlighted_where_they_stand(page: Page, base_url: str) -> None:
    page.goto(base_url + "faq/")
    questions = page.eval_on_selector_all("details.ex-faq > summary", "els => els.map(e => e.textContent)")
    type_query(page, "hallucinate")
    marks = page.locator("details.ex-faq:not([hidden]) summary mark.ex-hit")
    expect(marks.first).to_be_visible()  # marking follows the filter within a frame or two
    page.wait_for_timeout(300)
    assert all("hallucinat" in text.casefold() for text in marks.all_inner_texts())
    # Marking wraps words in place: every question still reads exactly as before.
    assert (
        page.eval_on_selector_all("details.ex-faq > summary", "els => els.map(e => e.textContent)")
        == questions
    )
    summary = page.locator("details.ex-faq:not([hidden]) summary:has(mark.ex-hit)").first
    assert re.search(r"<mark[^>]*>hallucinate</mark>", summary.inner_html(), re.IGNORECASE)
    summary.click()
    answer_marks = page.locator("details.ex-faq[open] > :not(summary) mark.ex-hit")
    expect(answer_marks.first).to_be_visible()
    type_query(page, "LLM")
    expect(page.locator("details.ex-faq:not([hidden]) summary mark.ex-hit").first).to_be_visible()
    page.wait_for_timeout(500)  # marking spreads over frames; let it finish
    assert page.locator("details.ex-faq:not([hidden]) summary mark.ex-hit").count() >= 10
    assert (
        page.eval_on_selector_all("details.ex-faq > summary", "els => els.map(e => e.textContent)")
        == questions
    )
    type_query(page, "")
    expect(page.locator("mark.ex-hit")).to_have_count(0)


def test_the_query_is_kept_in_the_url_and_restored(page: Page, base_url: str, traffic: Traffic) -> None:
    page.goto(base_url + "faq/")
    type_query(page, "tokens")
    expect(page).to_have_url(re.compile(r"/faq/\?q=tokens$"))
    count = len(shown_questions(page))
    page.goto(base_url + "faq/?q=tokens")
    expect(page.get_by_label("Filter the questions")).to_have_value("tokens")
    assert len(shown_questions(page)) == count
    expect(page.locator("input[data-md-component=search-query]")).not_to_be_focused()
    assert page.locator("input[data-md-toggle=search]").is_checked() is False
    traffic.assert_clean()


def test_no_match_offers_the_site_wide_search(page: Page, base_url: str) -> None:
    page.goto(base_url + "faq/")
    type_query(page, "zqxwv")
    assert shown_questions(page) == []
    expect(page.get_by_role("status").first).to_have_text("0 questions match.")
    page.get_by_role("button", name="Search the whole site instead").click()
    expect(page.locator("input[data-md-component=search-query]")).to_have_value("zqxwv")
    expect(page.locator("input[data-md-component=search-query]")).to_be_focused()


def test_topics_without_a_match_are_hidden(page: Page, base_url: str) -> None:
    page.goto(base_url + "faq/")
    total = page.locator("section.ex-faq-topic").count()
    type_query(page, "copyright")
    visible = page.locator("section.ex-faq-topic:not([hidden])").count()
    assert 0 < visible < total
