"""Every internal link and anchor in the built site resolves; external links are allowed ones only."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from mkdocs.config import load_config

from explainer.content import Content
from tests.conftest import REPO

pytestmark = pytest.mark.build


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for attribute in ("href", "src"):
            if values.get(attribute) and tag in {"a", "img", "script", "link", "iframe", "source"}:
                self.links.append(values[attribute] or "")
        if tag in {"script", "style", "code", "pre"}:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "code", "pre"}:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def _parse(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in site.rglob("*.html"):
        parser = _Page()
        parser.feed(path.read_text())
        pages["/" + path.relative_to(site).as_posix()] = parser
    return pages


@pytest.fixture(scope="module")
def pages(real_site: Path) -> dict[str, _Page]:
    """Every page of the real site, parsed once for all the tests below."""
    return _parse(real_site)


def _target_file(site: Path, path: str) -> Path:
    target = site / unquote(path).lstrip("/")
    return target / "index.html" if not target.suffix else target


def allowed_external_links(content: Content) -> set[str]:
    """https URLs the site may link to: every source, the allowlist in mkdocs.yml, and itself."""
    sources = {s.url for s in content.sources.values()}
    config = load_config(str(REPO / "mkdocs.yml"))
    own = {config.site_url} if config.site_url else set()
    return sources | own | set(config.plugins["explainer"].config.external_links)


def test_every_internal_link_and_anchor_resolves(real_site: Path, pages: dict[str, _Page]) -> None:
    broken = []
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or link.startswith(("mailto:", "data:")):
                continue
            absolute = urlsplit(urljoin(page, link))
            target = _target_file(real_site, absolute.path)
            if not target.is_file():
                broken.append(f"{page}: {link} (no {target.relative_to(real_site)})")
                continue
            fragment = unquote(absolute.fragment)
            if fragment and target.suffix == ".html":
                ids = pages["/" + target.relative_to(real_site).as_posix()].ids
                if fragment not in ids and fragment != "__search":
                    broken.append(f"{page}: {link} (no #{fragment})")
    assert broken == []


def test_external_links_are_https_and_allowed(pages: dict[str, _Page], real_content: Content) -> None:
    allowed = allowed_external_links(real_content)
    offending = set()
    for page, parsed in pages.items():
        for link in parsed.links:
            if not re.match(r"^(https?:)?//", link):
                continue
            if not link.startswith("https://"):
                offending.add(f"{page}: {link} is not https")
            elif not any(link == a or (a.endswith("/") and link.startswith(a)) for a in allowed):
                offending.add(f"{page}: {link} is neither a source nor in the allowlist")
    assert sorted(offending) == []


def test_no_markdown_syntax_leaks_into_the_text_of_pages(pages: dict[str, _Page]) -> None:
    leaks = []
    for page, parsed in pages.items():
        text = " ".join(parsed.text)
        for pattern in (
            r"\{:",
            r"\{ ?[#.][\w-]+",
            r"\\[_*`\[\]|#]",
            r"\]\((?:term|tech|faq|source):",
            r"<!-- explainer",
        ):
            for match in re.finditer(pattern, text):
                leaks.append(f"{page}: …{text[max(0, match.start() - 30) : match.end() + 30]}…")
    assert leaks == []
