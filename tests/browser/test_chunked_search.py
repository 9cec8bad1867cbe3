"""A reader searches a site on the chunked index: Material's own search box, with Pagefind behind it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bench.search_bytes import with_search_engine
from playwright.sync_api import BrowserContext, expect

from explainer.chunked_search import BUNDLE_DIR, LUNR_INDEX, WORKERS, write_bundle
from explainer.site import asset_files
from tests.conftest import REPO
from tests.support.browser import Traffic
from tests.support.project import build, copy_project
from tests.support.server import serve

WORKER = WORKERS["pagefind"]

pytestmark = pytest.mark.browser

# Every Content-Security-Policy violation on the page, from before the first script runs.
COLLECT_VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture(scope="module")
def chunked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content and configuration, built with `search: {engine: pagefind}`."""
    project = copy_project(tmp_path_factory.mktemp("chunked-real"), REPO / "content")
    config = project / "mkdocs.yml"
    config.write_text(with_search_engine(config.read_text(), "pagefind"))
    return build(project)


@pytest.fixture(scope="module")
def chunked_url(chunked_site: Path) -> Iterator[str]:
    with serve(chunked_site) as url:
        yield url


class Reader:
    """A tab on the chunked site whose requests are recorded in order."""

    def __init__(self, context: BrowserContext, base: str) -> None:
        self.base = base
        self.page = context.new_page()
        self.traffic = Traffic(base)
        self.traffic.watch(self.page)
        self.requested: list[str] = []
        self.page.on("request", lambda request: self.requested.append(urlsplit(request.url).path))
        self.page.add_init_script(COLLECT_VIOLATIONS)

    def open_home(self) -> None:
        self.page.goto(self.base)
        self.page.wait_for_load_state("networkidle")

    def search(self, words: str) -> None:
        """Type into Material's search box as a reader does (it ignores programmatic fills)."""
        box = self.page.locator("input[data-md-component=search-query]")
        box.click()
        box.press_sequentially(words, delay=30)

    def settled_top_result(self) -> str:
        """The first visible result's path once results stop changing (queries are answered in turn)."""
        first = self.page.locator(".md-search-result__item a").first
        expect(first).to_be_visible()
        previous, stable = None, 0
        while stable < 4:
            self.page.wait_for_timeout(150)
            current = first.get_attribute("href")
            stable = stable + 1 if current == previous else 0
            previous = current
        expect(first).to_be_visible()
        return urlsplit(previous or "").path

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations"))


@pytest.fixture
def reader(context: BrowserContext, chunked_url: str) -> Reader:
    return Reader(context, chunked_url)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Why do LLMs hallucinate?", "/faq/why-do-llms-hallucinate/"),  # the question
        ("why does ChatGPT make things up", "/faq/why-do-llms-hallucinate/"),  # one of its also_asked
        ("gan vs diffusion", "/faq/what-is-the-difference-between-gans-and-diffusion-models/"),
    ],
)
def test_reader_finds_the_answer_first_through_the_chunked_index(
    reader: Reader, words: str, expected: str
) -> None:
    reader.open_home()
    reader.search(words)
    assert reader.settled_top_result() == expected
    assert reader.violations() == []
    reader.traffic.assert_clean()


def test_a_first_query_fetches_only_the_pagefind_files_it_needs(reader: Reader, chunked_site: Path) -> None:
    reader.open_home()
    loaded = list(reader.requested)
    # The page itself loads the small worker script, nothing of the index.
    assert f"/{WORKER}" in loaded
    assert [path for path in loaded if path.startswith(f"/{BUNDLE_DIR}/")] == []
    reader.search("Why do LLMs hallucinate?")
    reader.settled_top_result()
    reader.page.wait_for_load_state("networkidle")
    # The sitemap (instant navigation) waits for the reader's first click: it is not search.
    searched = [path for path in reader.requested[len(loaded) :] if path != "/sitemap.xml"]
    assert all(not path.endswith(LUNR_INDEX) for path in reader.requested)
    assert searched and all(path.startswith(f"/{BUNDLE_DIR}/") for path in searched), searched
    chunks = {path for path in searched if path.endswith(".pf_index")}
    fragments = {path for path in searched if path.endswith(".pf_fragment")}
    assert 0 < len(chunks) < len(list((chunked_site / BUNDLE_DIR / "index").glob("*.pf_index")))
    assert 0 < len(fragments) <= 10  # one per result shown, not one per page of the site
    assert reader.violations() == []
    reader.traffic.assert_clean()


def test_reader_opens_the_first_result_with_a_click(reader: Reader) -> None:
    reader.open_home()
    reader.search("hallucinate")
    reader.settled_top_result()
    reader.page.locator(".md-search-result__item a").first.click()
    expect(reader.page).to_have_url(re.compile(r"/faq/why-do-llms-hallucinate/(\?h=[^#]*)?$"))
    expect(reader.page.get_by_role("heading", level=1)).to_contain_text("Why do LLMs hallucinate?")
    assert reader.violations() == []
    reader.traffic.assert_clean()


HOSTILE_INDEX = {
    "config": {"lang": ["en"]},
    "docs": [
        {"location": "x/", "title": "Tricky &lt;img src=x onerror=alert(1)&gt; title", "text": ""},
        {
            "location": "x/#more",
            "title": "More",
            "text": "<p>Tricky &lt;script&gt;alert(2)&lt;/script&gt; &amp; more</p>",
        },
    ],
}


def test_the_worker_answers_in_escaped_text_whose_only_markup_is_the_match_marks(
    context: BrowserContext, tmp_path: Path
) -> None:
    # The theme inserts titles and teasers as HTML: whatever the page text holds must arrive as text.
    (tmp_path / "index.html").write_text("<!doctype html><title>worker</title>")
    (tmp_path / WORKER).parent.mkdir(parents=True)
    (tmp_path / WORKER).write_bytes(asset_files()[WORKER])
    write_bundle(HOSTILE_INDEX, tmp_path / BUNDLE_DIR)
    with serve(tmp_path) as url:
        page = context.new_page()
        page.goto(url)
        items = page.evaluate(ASK_WORKER, [WORKER, "tricky"])
    texts = [piece for group in items for item in group for piece in (item["title"], item["text"])]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in text for text in texts), texts
    assert any("&lt;script&gt;alert(2)&lt;/script&gt;" in text for text in texts), texts
    for text in texts:
        assert re.sub(r"</?mark( data-md-highlight)?>", "", text).count("<") == 0, text
    assert any("<mark data-md-highlight>Tricky</mark>" in text for text in texts), texts


# Material's protocol: SETUP, then READY; QUERY, then RESULT (explainer.chunked_search, search-worker.js).
ASK_WORKER = """async ([script, query]) => {
  const worker = new Worker(script);
  const next = () => new Promise(done => worker.addEventListener("message", e => done(e.data), { once: true }));
  worker.postMessage({ type: 0, data: { config: {}, docs: [], options: {} } });
  await next();
  worker.postMessage({ type: 2, data: query });
  return (await next()).data.items;
}"""
