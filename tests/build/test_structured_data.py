"""schema.org JSON-LD, meta descriptions, Open Graph, canonical URLs and the sitemap of the real site."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from pathlib import Path

import pytest

from explainer.check import check_content
from explainer.content import Content
from tests.conftest import CORPUS, FIXTURES, TODAY
from tests.support.project import build, fixture_project

pytestmark = pytest.mark.build


def json_ld(html: str) -> dict[str, object]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1, "exactly one JSON-LD block per page"
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data


def test_faq_pages_carry_faqpage_with_question_and_answer(real_site: Path, real_content: Content) -> None:
    faqs = real_content.faqs
    for faq in faqs.values():
        data = json_ld((real_site / f"faq/{faq.id}/index.html").read_text())
        assert data["@type"] == "FAQPage"
        (question,) = data["mainEntity"]  # type: ignore[misc]
        assert question["@type"] == "Question" and question["name"] == faq.question
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer" and len(answer["text"].split()) >= 40
        assert "](" not in answer["text"] and "term:" not in answer["text"]
    index = json_ld((real_site / "faq/index.html").read_text())
    assert index["@type"] == "FAQPage" and len(index["mainEntity"]) == len(faqs)  # type: ignore[arg-type]


def test_glossary_carries_a_defined_term_set_with_every_term(real_site: Path, real_content: Content) -> None:
    definitions = real_content.definitions
    data = json_ld((real_site / "glossary/index.html").read_text())
    assert data["@type"] == "DefinedTermSet"
    terms = data["hasDefinedTerm"]
    assert len(terms) == len(definitions)  # type: ignore[arg-type]
    for term in terms:  # type: ignore[union-attr]
        assert term["@type"] == "DefinedTerm" and term["name"] and term["description"]
        assert term["url"].startswith("https://") and "#" in term["url"]


def test_content_pages_are_articles_dated_by_their_review(real_site: Path, real_content: Content) -> None:
    for technology in real_content.technologies.values():
        data = json_ld((real_site / f"technologies/{technology.id}/index.html").read_text())
        assert data["@type"] == "Article"
        assert data["headline"] == technology.name
        assert data["dateModified"] == technology.reviewed.isoformat()


def test_every_page_has_a_description_open_graph_and_a_canonical_url(real_site: Path) -> None:
    missing = []
    for page in real_site.rglob("*.html"):
        html = page.read_text()
        if page.name == "404.html":
            continue
        for needle in (
            '<meta name="description" content="',
            '<meta property="og:title" content="',
            '<meta property="og:description" content="',
            '<link rel="canonical" href="https://',
        ):
            if needle not in html:
                missing.append(f"{page.relative_to(real_site)}: {needle}")
    assert missing == []


def test_summary_is_the_description_of_its_entity_page(real_site: Path, real_content: Content) -> None:
    technology = real_content.technologies["large-language-models"]
    html = (real_site / "technologies/large-language-models/index.html").read_text()
    assert f'<meta name="description" content="{technology.summary}' in html.replace("&#39;", "'")


def test_sitemap_lists_every_page(real_site: Path) -> None:
    sitemap = (real_site / "sitemap.xml").read_text()
    pages = [p for p in real_site.rglob("index.html")]
    assert sitemap.count("<loc>") == len(pages)


# A build date no content was reviewed on: the real content is all reviewed on one day, which may be
# the day the suite runs, and then a sitemap dated by the build would pass for the wrong reason.
BUILD_DAY = date(2017, 7, 14)


def test_sitemap_dates_content_pages_by_their_review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(calendar.timegm(BUILD_DAY.timetuple())))
    site = build(fixture_project(tmp_path / "project"))
    lastmod = dict(
        re.findall(
            r"<loc>https://[^/]+/([^<]*)</loc>\s*<lastmod>([^<]+)</lastmod>",
            (site / "sitemap.xml").read_text(),
        )
    )
    content = check_content(CORPUS, base=FIXTURES, today=TODAY).content
    reviewed = {f"technologies/{t.id}/": t.reviewed for t in content.technologies.values()}
    reviewed |= {f"faq/{f.id}/": f.reviewed for f in content.faqs.values()}
    assert {url: lastmod.get(url) for url in reviewed} == {
        url: day.isoformat() for url, day in reviewed.items()
    }
    # A hand-written page has no review date: it is dated by the build.
    assert lastmod[""] == BUILD_DAY.isoformat()
