"""A reader filters the FAQ, on the real site (every answer on the page) and on a 1,000-question site
(the questions come from a data file): what is on screen matches what the status says, the right
question comes first, and the topic view comes back when the box is cleared.

Everything here is read off the screen: visibility and boxes, never an attribute CSS could override.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.support.browser import FRAME_WATCH, PHONE, Traffic
from tests.support.large_faq import large_faq_project
from tests.support.project import build
from tests.support.reader_search import (
    FILTER_BOX,
    FILTER_FORM,
    clear_faq_filter,
    filter_faq,
    visible_faq_results,
)
from tests.support.server import serve

pytestmark = pytest.mark.browser

LARGE_FAQ = 1000
# How readers type, and the question that answers them: words that only connect ("vs", "the
# difference between") must not get in the way, and "run myself" is the site's synonym for self-hosting.
FIRST_RESULTS = [
    ("gan vs diffusion", "what-is-the-difference-between-gans-and-diffusion-models"),
    ("why does chatgpt make stuff up", "why-do-llms-hallucinate"),
    ("llm cheaper to run myself?", "is-self-hosting-cheaper-than-an-api"),
    ("RAG", "what-is-rag"),
    ("LLM", "what-is-a-large-language-model"),
    ("context window", "what-is-a-context-window"),
    ("open weights vs open source", "open-weights-vs-open-source"),
    ("prompt injection", "what-is-prompt-injection"),
    ("mixture of experts", "what-is-mixture-of-experts"),
    # Products lead to the kind of model they are (a technology's examples).
    ("stylegan vs stable diffusion", "what-is-the-difference-between-gans-and-diffusion-models"),
]
TYPOS = [
    ("temprature", "what-does-temperature-do"),
    ("halucinate", "why-do-llms-hallucinate"),
    ("deepfak", "what-are-deepfakes"),
]
NO_MATCH = "zqxwv"
PARTIAL = "hallucination zebra"  # no question has both words
PARTIAL_STATUS = re.compile(
    r"^No question asks about every word; the (closest one is|\d+ closest are) shown\.$"
)
# One question has every word (the one on different answers, whose answer names temperature); the
# question on temperature names no product, so it is among the closest others that follow.
FEW = "how does temprature change chatgpt answers"
FEW_STATUS = re.compile(
    r"^3 questions shown: (1|2) with every word, then the (2 closest others|closest other)\.$"
)


@pytest.fixture(scope="session")
def large_faq_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with 1,000 questions, built once per test session (EXPLAINER_TEST_LARGE_FAQ_SITE
    points at one built already with `python -m tests.support.large_faq DIR`)."""
    prebuilt = os.environ.get("EXPLAINER_TEST_LARGE_FAQ_SITE")
    if prebuilt:
        return Path(prebuilt)
    return build(large_faq_project(tmp_path_factory.mktemp("large-faq") / "project", LARGE_FAQ))


@pytest.fixture(scope="session")
def large_faq_url(large_faq_site: Path) -> Iterator[str]:
    with serve(large_faq_site) as url:
        yield url


@pytest.fixture(params=["real", "large"])
def site_url(request: pytest.FixtureRequest) -> str:
    """The real site (its 80 answers on the FAQ page) and the 1,000-question one (a data file)."""
    return str(request.getfixturevalue("base_url" if request.param == "real" else "large_faq_url"))


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[tuple[Page, Traffic]]:
    """A tab on the FAQ page, its network and console recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    traffic = Traffic(site_url)
    traffic.watch(page)
    page.goto(site_url + "faq/")
    yield page, traffic
    context.close()


def data_mode(page: Page) -> bool:
    return page.locator(FILTER_FORM).get_attribute("data-ex-faq-data") is not None


def status(page: Page) -> str:
    return page.locator(f"{FILTER_FORM} [role=status]").inner_text().strip()


def counted(text: str) -> int:
    """The number of questions a status line says are shown ("12 questions match.", "70 questions
    match; the best 50 are shown.", "No question asks about every word; the 3 closest are shown.",
    "3 questions shown: 1 with every word, then the 2 closest others.")."""
    if "closest one is" in text:
        return 1
    number = (
        re.search(r"(\d+) (?:closest )?are shown", text)
        or re.search(r"^(\d+) questions shown", text)
        or re.search(r"(\d+) questions? match", text)
    )
    assert number, f"no count in the status {text!r}"
    return int(number.group(1))


def boxes(page: Page, selector: str) -> list[dict[str, object]]:
    """For every element matching `selector`: its id, whether it has a box on screen, and whether it
    stands in the list of results."""
    return page.locator(selector).evaluate_all(
        """els => els.map(el => ({
            id: el.dataset.faq || el.id || el.textContent.trim().slice(0, 40),
            box: el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0,
            listed: !!el.closest(".ex-faq-results"),
        }))"""
    )


def topic_view(page: Page) -> list[list[str]]:
    """The page as written: each topic section's questions (or links), in order."""
    return page.locator("section.ex-faq-topic").evaluate_all(
        """sections => sections.map(s => [...s.querySelectorAll("details.ex-faq, li > a")]
            .map(el => el.dataset.faq || el.getAttribute("href")))"""
    )


@pytest.mark.parametrize("query", ["LLM", "gan vs diffusion", PARTIAL, FEW, NO_MATCH])
def test_what_is_on_screen_is_what_the_status_counts_and_the_rest_has_no_box(
    reader: tuple[Page, Traffic], query: str
) -> None:
    page, traffic = reader
    filter_faq(page, query)
    shown = visible_faq_results(page)
    expect(page.locator(f"{FILTER_FORM} [role=status]")).to_be_visible()
    assert len(shown) == counted(status(page))
    assert len(shown) == len(set(shown)), "a question is listed twice"
    for section in page.locator("section.ex-faq-topic").all():
        expect(section).to_be_hidden()
    if data_mode(page):
        listed = boxes(page, f"{FILTER_FORM} .ex-faq-results > li")
        assert all(item["box"] for item in listed)
        assert len(listed) == len(shown)
    else:
        questions = boxes(page, "details.ex-faq")
        assert [q["id"] for q in questions if q["box"]] == shown
        assert all(q["listed"] == q["box"] for q in questions), "a question outside the list is on screen"
        hidden = page.locator("section.ex-faq-topic details.ex-faq")
        if hidden.count():
            expect(hidden.first).to_be_hidden()
            assert hidden.first.bounding_box() is None
    if shown:
        expect(page.locator(f"{FILTER_FORM} .ex-faq-results > li").first).to_be_in_viewport()
    traffic.assert_clean()


def test_every_result_of_a_long_list_can_be_scrolled_to_and_read(reader: tuple[Page, Traffic]) -> None:
    # A large FAQ's answers off screen are not rendered until they are scrolled to (content-visibility,
    # for the keystroke budget): each result must still take its own place, one under the other, and
    # show its question, and its answer, once the reader gets there.
    page, traffic = reader
    filter_faq(page, "LLM")
    items = page.locator(f"{FILTER_FORM} .ex-faq-results > li")
    count = items.count()
    assert count >= 20, f"'LLM' should list many questions, listed {count}"
    last = items.nth(count - 1)
    last.scroll_into_view_if_needed()
    expect(last).to_be_in_viewport()
    question = last.locator("summary, a").first
    expect(question).to_be_visible()
    box = question.bounding_box()
    assert box is not None and box["height"] >= 10, f"the last question has no readable box: {box}"
    if data_mode(page):
        answer = last.locator("p")
        expect(answer).to_be_visible()
        expect(answer).to_be_in_viewport()
        assert answer.inner_text().strip(), "the last answer shows no text"
    spans = items.evaluate_all(
        "els => els.map(el => { const r = el.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY]; })"
    )
    assert all(top >= above_bottom - 0.5 for (_, above_bottom), (top, _) in pairwise(spans)), (
        "two results overlap"
    )
    traffic.assert_clean()


def test_the_question_that_answers_comes_first(reader: tuple[Page, Traffic]) -> None:
    page, traffic = reader
    wrong = {}
    for query, expected in FIRST_RESULTS:
        filter_faq(page, query, every_key=True)
        shown = visible_faq_results(page)
        if not shown or shown[0] != expected:
            wrong[query] = shown[:3]
    assert wrong == {}
    traffic.assert_clean()


@pytest.mark.parametrize(("typed", "expected"), TYPOS)
def test_a_typo_still_finds_the_question(reader: tuple[Page, Traffic], typed: str, expected: str) -> None:
    page, _ = reader
    filter_faq(page, typed, every_key=True)
    assert visible_faq_results(page)[:1] == [expected]


def test_clearing_the_box_brings_back_every_topic_as_written(reader: tuple[Page, Traffic]) -> None:
    page, traffic = reader
    written = topic_view(page)
    visible_before = boxes(page, "section.ex-faq-topic")
    filter_faq(page, "LLM")
    assert len(visible_faq_results(page)) > 1
    clear_faq_filter(page)
    expect(page.locator(f"{FILTER_FORM} .ex-faq-results")).to_be_hidden()
    for section in page.locator("section.ex-faq-topic").all():
        expect(section).to_be_visible()
    assert topic_view(page) == written
    assert boxes(page, "section.ex-faq-topic") == visible_before
    expect(page.locator("mark.ex-hit")).to_have_count(0)
    assert status(page) == ""
    expect(page).to_have_url(re.compile(r"/faq/$"))
    traffic.assert_clean()


def test_the_query_is_kept_in_the_url_and_restored(reader: tuple[Page, Traffic], site_url: str) -> None:
    page, traffic = reader
    filter_faq(page, "gan vs diffusion", every_key=True)
    expect(page).to_have_url(re.compile(r"/faq/\?q=gan\+vs\+diffusion$"))
    first = visible_faq_results(page)[0]
    page.goto(site_url + "faq/?q=gan%20vs%20diffusion")
    expect(page.locator(FILTER_BOX)).to_have_value("gan vs diffusion")
    expect(page.locator(f"{FILTER_FORM} .ex-faq-results > li").first).to_be_visible()
    assert visible_faq_results(page)[0] == first == "what-is-the-difference-between-gans-and-diffusion-models"
    # ?q= belongs to the filter here: the theme's own search stays closed.
    expect(page.locator("input[data-md-component=search-query]")).not_to_be_focused()
    assert page.locator("input[data-md-toggle=search]").is_checked() is False
    expect(page.locator(".md-search__output")).to_be_hidden()
    traffic.assert_clean()


def test_a_shared_filter_link_never_opens_the_theme_search_even_for_a_moment(
    browser: Browser, site_url: str
) -> None:
    """The theme reads ?q= as its own search query as its script starts. On the FAQ page the filter
    owns ?q=: the theme's search must not open, not even for the frames before the filter would
    close it again, for on a phone its overlay makes the page wider than the screen."""
    context = browser.new_context(**PHONE)
    context.add_init_script(FRAME_WATCH)
    page = context.new_page()
    traffic = Traffic(site_url)
    traffic.watch(page)
    searched: list[str] = []

    def note_search_request(request: Request) -> None:
        if "/search/" in urlsplit(request.url).path:
            searched.append(request.url)

    page.on("request", note_search_request)
    page.goto(site_url + "faq/?q=LLM")
    expect(page.locator(f"{FILTER_FORM} .ex-faq-results > li").first).to_be_visible()
    expect(page.locator(FILTER_BOX)).to_have_value("LLM")
    expect(page.locator(FILTER_BOX)).to_be_focused()
    expect(page).to_have_url(re.compile(r"/faq/\?q=LLM$"))  # the filter put the query back
    page.wait_for_timeout(600)  # longer than the theme's overlay takes to shrink back
    frames = page.evaluate("window.__frames")
    traffic.assert_clean()
    context.close()
    assert frames == {"searchOpened": False, "widest": PHONE["viewport"]["width"]}
    assert searched == [], "the site search's index was fetched, though the reader never searched the site"


def test_matched_words_are_marked_where_they_stand(reader: tuple[Page, Traffic]) -> None:
    page, traffic = reader
    filter_faq(page, "hallucinate")
    first = page.locator(f"{FILTER_FORM} .ex-faq-results > li").first
    title = first.locator("summary, a").first
    expect(title).to_have_text("Why do LLMs hallucinate?")  # marking wraps words, the text stays
    marks = title.locator("mark.ex-hit")
    expect(marks.first).to_be_visible()
    assert all("hallucinat" in text.casefold() for text in marks.all_inner_texts())
    if data_mode(page):
        expect(first.locator("p")).to_be_visible()  # the direct answer, as an excerpt
    else:
        title.click()
        expect(first.locator("details > :not(summary) mark.ex-hit").first).to_be_visible()
    clear_faq_filter(page)
    expect(page.locator("mark.ex-hit")).to_have_count(0)
    traffic.assert_clean()


def test_when_no_question_has_every_word_the_closest_are_shown_and_said_so(
    reader: tuple[Page, Traffic],
) -> None:
    page, _ = reader
    filter_faq(page, PARTIAL)
    expect(page.locator(f"{FILTER_FORM} [role=status]")).to_have_text(PARTIAL_STATUS)
    assert visible_faq_results(page)[0] == "why-do-llms-hallucinate"


def test_when_few_questions_have_every_word_the_closest_others_follow_set_apart(
    real_faq: Page, traffic: Traffic
) -> None:
    filter_faq(real_faq, FEW)
    status_line = real_faq.locator(f"{FILTER_FORM} [role=status]")
    expect(status_line).to_have_text(FEW_STATUS)
    shown = visible_faq_results(real_faq)
    assert len(shown) == 3 == counted(status_line.inner_text()), shown
    assert "what-does-temperature-do" in shown[1:], shown
    # What is on screen sets them apart: the questions that hold every word upright, the others not.
    matching = int(re.search(r"(\d+) with every word", status_line.inner_text()).group(1))
    styles = real_faq.locator(f"{FILTER_FORM} .ex-faq-results > li summary").evaluate_all(
        "summaries => summaries.map(s => getComputedStyle(s).fontStyle)"
    )
    assert styles == ["normal"] * matching + ["italic"] * (3 - matching), styles
    # Three or more questions that hold every word are listed alone, however many hold only some.
    for query in ("temperature", "gan vs diffusion", "why does chatgpt make stuff up"):
        filter_faq(real_faq, query)
        expect(status_line).to_have_text(re.compile(r"^\d+ questions match(; the best \d+ are shown)?\.$"))
        expect(real_faq.locator(f"{FILTER_FORM} .ex-faq-results > li.ex-faq-close")).to_have_count(0)
    traffic.assert_clean()


def test_a_question_that_asks_about_more_of_the_words_comes_before_an_answer_that_holds_them_all(
    real_faq: Page, traffic: Traffic
) -> None:
    # No question asks about a computer, so none asks about every word. One long answer (about how
    # training differs) happens to hold them all; when answers decided what matched, it was the only
    # result. The question whose wording asks about telling fake pictures apart comes first instead.
    filter_faq(real_faq, "can you spot a fake photo made by a computer")
    expect(real_faq.locator(f"{FILTER_FORM} [role=status]")).to_have_text(PARTIAL_STATUS)
    shown = visible_faq_results(real_faq)
    assert shown[0] == "how-can-i-tell-if-an-image-or-video-is-ai-generated", shown
    assert "how-does-llm-training-differ-from-image-model-training" in shown[1:]
    traffic.assert_clean()


def test_a_rare_word_in_an_answer_can_outweigh_a_common_one_in_a_question(
    real_faq: Page, traffic: Traffic
) -> None:
    # No question's wording holds every word. "Systemic risk" is in one answer only, the one about
    # the EU AI Act; "models" is in the wording of many questions. Counting wording words first put
    # a question that only says "models" first; weighing them with the words' rarity does not.
    filter_faq(real_faq, "ai act systemic risk models")
    expect(real_faq.locator(f"{FILTER_FORM} [role=status]")).to_have_text(PARTIAL_STATUS)
    assert visible_faq_results(real_faq)[0] == "how-does-the-eu-ai-act-affect-generative-ai"
    traffic.assert_clean()


def test_the_word_being_typed_stands_for_the_words_it_begins_from_its_third_letter(
    real_faq: Page, traffic: Traffic
) -> None:
    # Two letters ("ch") begin hundreds of words (chatgpt, cheaper, check...): standing for all of
    # them matched nearly every question and made those the slowest keystrokes at 1,000 questions.
    status = real_faq.locator(f"{FILTER_FORM} [role=status]")
    filter_faq(real_faq, "llm ch")
    expect(status).to_have_text(PARTIAL_STATUS)
    filter_faq(real_faq, "llm che")
    expect(status).to_have_text(re.compile(r"^\d+ questions? match"))
    assert "is-self-hosting-cheaper-than-an-api" in visible_faq_results(real_faq)[:3]
    traffic.assert_clean()


def test_no_match_hands_the_words_to_the_site_search(reader: tuple[Page, Traffic]) -> None:
    page, traffic = reader
    filter_faq(page, NO_MATCH)
    assert visible_faq_results(page) == []
    expect(page.locator(f"{FILTER_FORM} [role=status]")).to_have_text("0 questions match.")
    handoff = page.get_by_role("button", name="Search the whole site instead")
    expect(handoff).to_be_visible()
    handoff.click()
    search = page.locator("input[data-md-component=search-query]")
    expect(search).to_be_visible()
    expect(search).to_have_value(NO_MATCH)
    expect(search).to_be_focused()
    expect(page.locator(".md-search__output")).to_be_visible()
    # The theme searched for the words (its meta line says how many pages matched, not "Type to start").
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^(No|\d+) matching document"))
    traffic.assert_clean()


# -- the real site: every answer on the page; synonyms from the glossary --------------------------------


def faq_texts(site_dir: Path) -> dict[str, str]:
    data = json.loads((site_dir / "data/content.json").read_text())
    return {
        f["id"]: " ".join([f["question"], *f.get("also_asked", []), f["answer"]]).casefold()
        for f in data["faq"]
    }


@pytest.fixture
def real_faq(page: Page, base_url: str) -> Page:
    page.goto(base_url + "faq/")
    return page


@pytest.mark.parametrize(
    ("typed", "written"),
    [("GenAI", "generative ai"), ("RAG", "retrieval-augmented generation"), ("MoE", "mixture of experts")],
)
def test_an_abbreviation_finds_questions_that_only_spell_it_out(
    real_faq: Page, site_dir: Path, typed: str, written: str, traffic: Traffic
) -> None:
    filter_faq(real_faq, typed)
    shown = set(visible_faq_results(real_faq))
    spelled_out = {faq_id for faq_id, text in faq_texts(site_dir).items() if written in text}
    assert spelled_out, f"the content has no question that writes '{written}'"
    assert spelled_out <= shown
    traffic.assert_clean()


def test_a_synonym_is_marked_whole_and_its_small_words_never_alone(real_faq: Page, traffic: Traffic) -> None:
    # "MoE" stands for "mixture of experts": that name is marked where it is written, and the "of"
    # of every other sentence is not.
    filter_faq(real_faq, "MoE")
    summary = real_faq.locator(f"{FILTER_FORM} .ex-faq-results > li summary").first
    expect(summary).to_have_text("What is a mixture-of-experts (MoE) model?")
    marked = [
        " ".join(re.findall(r"\w+", text.casefold()))
        for text in summary.locator("mark.ex-hit").all_inner_texts()
    ]
    assert "mixture of experts" in marked, marked
    assert all("mixture of experts" in text or "moe" in text for text in marked), marked
    traffic.assert_clean()


def test_the_long_form_finds_questions_that_only_use_the_abbreviation(real_faq: Page, site_dir: Path) -> None:
    filter_faq(real_faq, "retrieval augmented generation")
    shown = set(visible_faq_results(real_faq))
    abbreviation_only = {
        faq_id
        for faq_id, text in faq_texts(site_dir).items()
        if re.search(r"\brag\b", text) and "retrieval" not in text
    }
    assert abbreviation_only, "expected at least one question that writes 'RAG' only"
    assert abbreviation_only <= shown
    assert "what-is-rag" in shown


def test_a_question_about_the_word_comes_before_answers_that_only_mention_it(
    real_faq: Page, site_dir: Path
) -> None:
    """'LLM' is in most answers: the questions that ask about LLMs (in their wording or their other
    phrasings) come first, the ones that only mention LLMs in the answer after all of them."""
    filter_faq(real_faq, "LLM")
    shown = visible_faq_results(real_faq)
    assert shown[0] == "what-is-a-large-language-model"
    named = re.compile(r"\b(llms?|large language models?|language models)\b")  # the glossary's names for it
    data = json.loads((site_dir / "data/content.json").read_text())["faq"]
    asking = {
        f["id"] for f in data if named.search(" ".join([f["question"], *f.get("also_asked", [])]).casefold())
    }
    # The answer as read: link targets ("(faq:how-do-llms-use-tools)") are not text.
    said = {f["id"]: re.sub(r"\]\([^)]*\)", "]", f["answer"]).casefold() for f in data}
    mentioning = {faq_id for faq_id, text in said.items() if named.search(text)} - asking
    assert asking and mentioning
    # The list holds at most 50 results: the questions that ask fill it first, however many there are,
    # and every one that only mentions LLMs comes after them.
    first = shown[: min(len(asking), len(shown))]
    assert set(first) <= asking, f"shown before a question about LLMs: {sorted(set(first) - asking)}"


# -- the large site: questions from a data file, loaded when the reader starts typing ---------------------


@pytest.fixture
def large_faq(browser: Browser, large_faq_url: str) -> Iterator[tuple[Page, Traffic, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    traffic = Traffic(large_faq_url)
    traffic.watch(page)
    fetched: list[str] = []

    def record(request: Request) -> None:
        if urlsplit(request.url).path.endswith("/data/faq.json"):
            fetched.append(request.url)

    page.on("request", record)
    page.goto(large_faq_url + "faq/")
    yield page, traffic, fetched
    context.close()


def test_a_large_faq_fetches_its_questions_on_the_first_keystroke_only(
    large_faq: tuple[Page, Traffic, list[str]], large_faq_site: Path
) -> None:
    page, traffic, fetched = large_faq
    page.wait_for_load_state("networkidle")
    assert fetched == [], "the questions were fetched before the reader typed"
    expect(page.locator("section.ex-faq-topic").first).to_be_visible()
    filter_faq(page, "t", every_key=True)
    assert len(fetched) == 1
    filter_faq(page, "tokens", every_key=True)
    clear_faq_filter(page)
    filter_faq(page, "rag", every_key=True)
    assert len(fetched) == 1, "the data file was fetched again"
    questions = json.loads((large_faq_site / "data/faq.json").read_text())["questions"]
    assert len(questions) == LARGE_FAQ
    traffic.assert_clean()


def test_a_large_faq_lists_matches_as_links_with_their_direct_answer(
    large_faq: tuple[Page, Traffic, list[str]], large_faq_site: Path
) -> None:
    page, traffic, _ = large_faq
    filter_faq(page, "context window", every_key=True)
    answers = {q["id"]: q for q in json.loads((large_faq_site / "data/faq.json").read_text())["questions"]}
    first = page.locator(f"{FILTER_FORM} .ex-faq-results > li").first
    link = first.get_by_role("link")
    expect(link).to_have_text(answers["what-is-a-context-window"]["question"])
    expect(first.locator("p")).to_have_text(answers["what-is-a-context-window"]["answer"])
    expect(page.locator("details.ex-faq")).to_have_count(0)
    link.click()
    expect(page).to_have_url(re.compile(r"/faq/what-is-a-context-window/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        answers["what-is-a-context-window"]["question"]
    )
    traffic.assert_clean()
