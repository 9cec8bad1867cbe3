"""The real site builds strictly, offline, with every page family the design names."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from explainer.content import Content
from explainer.kinds import KINDS
from explainer.project import find_project
from explainer.render import RenderContext
from tests.conftest import REPO

pytestmark = pytest.mark.build


def test_every_page_in_the_design_table_exists(real_site: Path, real_content: Content) -> None:
    expected = [
        "index.html",
        "compare/index.html",
        "pros-and-cons/index.html",
        "industries/index.html",
        "glossary/index.html",
        "faq/index.html",
        "sources/index.html",
        "contributing/index.html",
        "contributing/fields/index.html",
        "technologies/index.html",
        "use-cases/index.html",
        "data/content.json",
        *(f"schemas/{kind.name}.json" for kind in KINDS),
        *(f"technologies/{t}/index.html" for t in real_content.technologies),
        *(f"industries/{i}/index.html" for i in real_content.industries),
        *(f"use-cases/{u}/index.html" for u in real_content.use_cases),
        *(f"faq/{f}/index.html" for f in real_content.faqs),
        *(f"compare/{a.id}-vs-{b.id}/index.html" for a, b in _real_render(real_content).pairs),
    ]
    missing = [path for path in expected if not (real_site / path).is_file()]
    assert missing == []


def _real_render(content: Content) -> RenderContext:
    return RenderContext(content, find_project(REPO).site.settings)


def test_each_listed_pair_has_exactly_one_page_in_display_order(
    real_site: Path, real_content: Content
) -> None:
    pages = {p.parent.name for p in (real_site / "compare").glob("*-vs-*/index.html")}
    listed = find_project(REPO).site.settings.pairs.listed
    assert listed and len(pages) == len(listed)
    order = list(real_content.technologies)
    for pair in listed:
        a, b = sorted(pair.split("-vs-"), key=order.index)
        assert f"{a}-vs-{b}" in pages and f"{b}-vs-{a}" not in pages


def test_glossary_has_one_anchor_per_term(real_site: Path, real_content: Content) -> None:
    html = (real_site / "glossary/index.html").read_text()
    for term in real_content.definitions:
        assert html.count(f'id="{term}"') == 1, term


def test_content_json_is_the_whole_corpus_in_stable_order(real_site: Path, real_content: Content) -> None:
    data = json.loads((real_site / "data/content.json").read_text())
    assert [t["id"] for t in data["technologies"]] == list(real_content.technologies)
    assert len(data["faq"]) == len(real_content.faqs)
    assert list(data) == sorted(data)


class _ExternalReferences(HTMLParser):
    """Collects every URL the browser would fetch on its own (not plain links)."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "source"} and values.get("src"):
            self.fetched.append(values["src"] or "")
        if tag == "link" and values.get("rel") in {
            "stylesheet",
            "preconnect",
            "preload",
            "icon",
            "dns-prefetch",
        }:
            self.fetched.append(values.get("href") or "")


def test_the_site_makes_no_third_party_request(real_site: Path) -> None:
    offenders = {}
    for page in real_site.rglob("*.html"):
        parser = _ExternalReferences()
        parser.feed(page.read_text())
        external = [url for url in parser.fetched if re.match(r"^(https?:)?//", url)]
        if external:
            offenders[str(page.relative_to(real_site))] = external
    assert offenders == {}
    css = "".join(p.read_text() for p in real_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_edit_button_of_a_generated_page_opens_its_yaml_file(real_site: Path, real_content: Content) -> None:
    faq_id = next(iter(real_content.faqs))
    html = (real_site / f"faq/{faq_id}/index.html").read_text()
    assert re.search(rf'href="https://[^"]+/edit/main/content/faq/{faq_id}\.yaml"', html)


def test_nothing_is_written_into_docs(real_site: Path) -> None:
    def listing(docs: Path) -> list[str]:
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*"))

    # real_site was built from a copy of the project; its docs/ must be exactly what was copied.
    built_from = real_site.parent / "docs"
    assert listing(built_from) == listing(REPO / "docs")
    assert all(not d.startswith(("faq/", "technologies/", "compare/")) for d in listing(built_from))
