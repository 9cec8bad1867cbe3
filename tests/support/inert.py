"""What hostile text could only have reached a built page as markup: a scanner for HTML and search data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "img", "math", "link"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "srcdoc",
    "background",
    "poster",
}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)
# The theme's own classes inside a page's article (its edit button); any other `md-*` class there came
# from content and could restyle or re-wire the page (`md-dialog`, `md-overlay`, `md-search`…).
THEME_ARTICLE_CLASSES = {"md-content__inner", "md-typeset", "md-content__button", "md-icon"}


class Inertness(HTMLParser):
    """Collects the markup a page should never hold, whatever its content said.

    Executable scripts must be the site's own (the theme's inline scripts are
    allowed by the page's Content-Security-Policy hashes), so an inline script
    is a problem only if it mentions `marker`; data blocks (JSON) are never run.

    Beyond what runs, what content could use to take over the page around it:
    a `title` holding markup (the theme's tooltips insert titles as HTML), an
    id used twice (a content anchor taking the generator's), and, in the
    article (the whole input when `whole_page` is False), the theme's `md-*`
    classes and its reserved `__` ids.
    """

    def __init__(self, marker: str = "alert(", *, whole_page: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.problems: list[str] = []
        self.inside: str | None = None
        self.in_head = True
        self.in_content = not whole_page
        self.ids: set[str] = set()

    def _check_page_takeover(self, tag: str, values: dict[str, str | None]) -> None:
        title = values.get("title") or ""
        if re.search(r"[<>]", title):
            self.problems.append(f"<{tag} title={title[:40]!r}>")
        identifier = values.get("id")
        if identifier is not None:
            if identifier in self.ids:
                self.problems.append(f"<{tag} id={identifier[:40]}> twice")
            self.ids.add(identifier)
        if not self.in_content:
            return
        if identifier is not None and identifier.startswith("__"):
            self.problems.append(f"<{tag} id={identifier[:40]}> (the theme's)")
        theme = [c for c in (values.get("class") or "").split() if c.startswith("md-")]
        for name in sorted(set(theme) - THEME_ARTICLE_CLASSES):
            self.problems.append(f"<{tag} class={name}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "body":
            self.in_head = False
        if tag == "article":
            self.in_content = True
        self._check_page_takeover(tag, values)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEMES.match(value):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
            if name in {"srcdoc", "formaction"}:
                self.problems.append(f"<{tag} {name}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag in DANGEROUS_TAGS and not (tag == "link" and self.in_head):
            self.problems.append(f"<{tag}>")
        if tag == "form" and values.get("action") and re.match(r"^\s*(https?:)?//", values["action"] or ""):
            self.problems.append(f"<form action={values['action']}>")
        data_block = tag == "script" and (values.get("type") or "").endswith("json")
        self.inside = None if data_block else tag if tag in {"script", "style"} else None

    def handle_data(self, data: str) -> None:
        if self.inside == "script" and self.marker in data:
            self.problems.append(f"script with {data[:40]!r}")
        if self.inside == "style" and ".ex-needs-js" not in data:
            self.problems.append(f"<style>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self.inside = None
        if tag == "article":
            self.in_content = False


def page_problems(html: str, *, whole_page: bool = True) -> list[str]:
    """The problems of a page, or (`whole_page` False) of a fragment that is all content."""
    scanner = Inertness(whole_page=whole_page)
    scanner.feed(html)
    return scanner.problems


def site_problems(site: Path) -> dict[str, list[str]]:
    """Every page of a built site and its search index, with the markup found in each."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        problems = page_problems(page.read_text())
        if problems:
            found[page.relative_to(site).as_posix()] = problems
    # The explainer index is plain text that its worker escapes (tests/unit/test_search_index.py and
    # test_search_results_show_content_markup_as_text); Material's lunr index is rendered as it is.
    index = site / "search/search_index.json"
    assert index.is_file() or (site / "search/explainer.json").is_file(), f"{site} has no search index"
    if index.is_file():
        # The theme renders index titles and texts as HTML: parse them as HTML too.
        for entry in json.loads(index.read_text())["docs"]:
            problems = page_problems(entry["title"] + " " + entry["text"], whole_page=False)
            if problems:
                found.setdefault(f"search index: {entry['location']}", []).extend(problems)
    return found
