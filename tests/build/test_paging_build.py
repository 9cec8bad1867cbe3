"""A site past every paging limit (tests/support/split_site.py) builds strictly and stays light."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.split_site import build_split_site

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_split_site(tmp_path_factory.mktemp("paged"))


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_every_glossary_term_has_one_anchor_across_the_letter_pages(split_site: Path) -> None:
    pages = sorted((split_site / "glossary").glob("*/index.html"))
    assert len(pages) > 5 and any("-2" in p.parent.name for p in pages)
    anchors: list[str] = []
    for page in pages:
        html = page.read_text()
        anchors += [a for a in _ids(html) if not a.startswith(("letter-", "__"))]
    data = json.loads((split_site / "data/content.json").read_text())
    terms = [d["id"] for d in data["definitions"]]
    assert sorted(a for a in anchors if a in set(terms)) == sorted(terms)


def test_the_faq_page_links_topics_and_ships_its_questions_as_data(split_site: Path) -> None:
    index = (split_site / "faq/index.html").read_text()
    assert "<details" not in index and 'data-ex-faq-data="../data/faq.json"' in index
    data = json.loads((split_site / "data/faq.json").read_text())
    for entry in data["questions"][:20]:
        target = split_site / "data" / entry["url"] / "index.html"
        assert target.resolve().is_file(), entry["url"]
    topic_pages = list((split_site / "faq/topics").glob("*/index.html"))
    listed = sum(page.read_text().count("<li><strong><a") for page in topic_pages)
    assert listed >= len(data["questions"])  # every question reachable without JavaScript


def test_the_compact_matrix_links_cells_to_reasoning_that_exists(split_site: Path) -> None:
    matrix = (split_site / "compare/index.html").read_text()
    assert 'class="ex-note"' not in matrix
    links = re.findall(r'href="\.\./technologies/([^/]+)/#(rating-[^"]+)"', matrix)
    assert links
    for technology, anchor in links[:30]:
        assert anchor in _ids((split_site / f"technologies/{technology}/index.html").read_text())


def test_no_page_carries_a_list_of_everything(split_site: Path) -> None:
    sizes = {p: p.stat().st_size for p in split_site.rglob("*.html")}
    largest = max(sizes, key=sizes.__getitem__)
    # Generous: at 500 entities and these limits no page needs more; a list of everything would.
    assert sizes[largest] < 120_000, (largest, sizes[largest])
