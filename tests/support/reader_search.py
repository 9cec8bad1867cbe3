"""What a reader sees when searching: Material's site search and the FAQ filter, read off the screen.

Both run in the page as the reader types. Material's search answers from a worker, one message per
query, so results can arrive after the last key; the FAQ filter runs on each keystroke. Each reader
here waits on a condition that proves the list on screen belongs to the whole query, never on a
fixed delay.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

from tests.support.query_sets import FAQ

SEARCH_BOX = "input[data-md-component=search-query]"
FILTER_FORM = "[data-ex-faq-search]"
FILTER_BOX = "[data-ex-faq-search] input[name=q]"
FILTER_STATUS = "[data-ex-faq-search] [role=status]"

# Counts the queries Material sends to its search worker and the results it gets back, and
# remembers what the box held when the last query left, so a test knows when the list on screen
# answers what is in the box. It only observes: messages pass through unchanged.
WORKER_PROBE = """
(() => {
  const QUERY = 2, RESULT = 3;  // Material's search message types
  const Native = window.Worker;
  const probe = (window.__exSearchProbe = { sent: 0, answered: 0, asked: null });
  const post = Native.prototype.postMessage;
  Native.prototype.postMessage = function (message) {
    if (message && message.type === QUERY) {
      probe.sent += 1;
      const box = document.querySelector("input[data-md-component=search-query]");
      probe.asked = box ? box.value : null;
    }
    return post.apply(this, arguments);
  };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === RESULT) probe.answered += 1;
      });
    }
  };
})();
"""

SEARCH_SETTLED = """
() => {
  const probe = window.__exSearchProbe;
  const box = document.querySelector("input[data-md-component=search-query]");
  return probe.sent > 0 && probe.answered === probe.sent && probe.asked === box.value;
}
"""

# One entry per result in the order shown: the page's address and the sections shown under it
# (not those folded away under "more").
SEARCH_RESULTS = """
(list) => [...list.querySelectorAll(":scope > li.md-search-result__item")].map((item) => ({
  page: item.querySelector(":scope > a").href,
  sections: [...item.querySelectorAll(":scope > a")].slice(1).map((a) => a.href),
}))
"""


@dataclass(frozen=True)
class SearchResult:
    """One page in Material's result list: its path below the site root, and the anchors shown with it."""

    path: str
    anchors: tuple[str, ...]

    def answers(self, target: str) -> bool:
        """Whether this result is `target` (`faq/x/`, or `glossary/#term` for a section shown under it)."""
        path, _, anchor = target.partition("#")
        if self.path != path:
            return False
        return not anchor or anchor in self.anchors


def site_relative(url: str, base_url: str) -> str:
    """`http://host/faq/x/?h=…` → `faq/x/` for a site served at `base_url`."""
    return urlsplit(url).path.removeprefix(urlsplit(base_url).path)


def open_site_search(context: BrowserContext, base_url: str) -> Page:
    """A tab on the home page with the search worker observed; the search box has focus."""
    page = context.new_page()
    page.add_init_script(WORKER_PROBE)
    page.goto(base_url)
    page.locator(SEARCH_BOX).click()
    return page


def type_quickly(page: Page, text: str) -> None:
    """Type `text` into the focused box: all but the last character arrive at once (as a paste or an
    autocompletion would), the last as a key press, so the page sees one input and one full keystroke.

    Material searches on each key release and the FAQ filter on each input, so typing every key would
    run a search per character; only the last one decides what the reader is shown.
    """
    if len(text) > 1:
        page.keyboard.insert_text(text[:-1])
    page.keyboard.type(text[-1])


def empty_the_box(page: Page, box: str) -> None:
    """Click into the box matching `box` unless the cursor is already there, and delete what it holds.

    The keys go to the page, not through a locator: a locator waits for an animation frame or two on
    each call, which made up most of the time of the 862 searches in tests/browser/test_search_quality.py.
    """
    if not page.evaluate("(box) => document.activeElement === document.querySelector(box)", box):
        page.locator(box).click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")


def site_search(page: Page, base_url: str, query: str) -> list[SearchResult]:
    """Type `query` into an emptied search box; the results on screen once they answer all of it."""
    empty_the_box(page, SEARCH_BOX)
    type_quickly(page, query)
    page.wait_for_function(SEARCH_SETTLED)
    found = page.evaluate(f"() => ({SEARCH_RESULTS})(document.querySelector('.md-search-result__list'))")
    return [
        SearchResult(
            path=site_relative(item["page"], base_url),
            anchors=tuple(urlsplit(href).fragment for href in item["sections"]),
        )
        for item in found
    ]


def filter_faq(page: Page, query: str, *, every_key: bool = False) -> None:
    """Type `query` into the FAQ filter (emptied first) and wait until the page shows its outcome.

    The filter reads the box each time it runs and marks its status with `data-count` when done;
    the mark is taken away before the last key, so its return proves a run that saw every key.
    `every_key` types each character as a key press; otherwise all but the last arrive at once.
    """
    empty_the_box(page, FILTER_BOX)
    if every_key:
        page.keyboard.type(query[:-1])
    else:
        page.keyboard.insert_text(query[:-1])
    page.evaluate("(status) => document.querySelector(status).removeAttribute('data-count')", FILTER_STATUS)
    page.keyboard.type(query[-1])
    page.wait_for_function(
        "(status) => document.querySelector(status).hasAttribute('data-count')", arg=FILTER_STATUS
    )


def clear_faq_filter(page: Page) -> None:
    empty_the_box(page, FILTER_BOX)


def visible_faq_results(page: Page) -> list[str]:
    """The FAQ filter's results that are on screen, in order, as question ids (in data mode, read off
    each result's link to the question's page)."""
    return page.evaluate(
        """results => [...document.querySelectorAll(results)].filter(li => li.getClientRects().length > 0)
          .map(li => {
            const question = li.querySelector("details.ex-faq");
            if (question) return question.dataset.faq;
            return new URL(li.querySelector("a").href).pathname.split("/").filter(Boolean).pop();
          })""",
        f"{FILTER_FORM} .ex-faq-results > li",
    )


def first_faq_results(context: BrowserContext, base_url: str, texts: list[str]) -> list[str | None]:
    """The question the FAQ filter shows first for each text, read off the screen."""
    page = context.new_page()
    page.goto(base_url + FAQ)
    # Typing a thousand wordings key by key took three minutes; each is put in the box as a paste
    # would, and the first result read off the screen once the filter has marked its status.
    firsts = page.evaluate(
        """async ([texts, form]) => {
          const box = document.querySelector(form + " input[name=q]");
          const status = document.querySelector(form + " [role=status]");
          const firsts = [];
          for (const text of texts) {
            status.removeAttribute("data-count");
            box.value = text;
            box.dispatchEvent(new Event("input", { bubbles: true }));
            while (!status.hasAttribute("data-count")) await new Promise(requestAnimationFrame);
            const shown = [...document.querySelectorAll(form + " .ex-faq-results > li")]
              .find((li) => li.getClientRects().length > 0);
            firsts.push(shown ? shown.querySelector("details.ex-faq").dataset.faq : null);
          }
          return firsts;
        }""",
        [texts, FILTER_FORM],
    )
    page.close()
    return firsts
