"""A site past every paging limit builds strictly (every link and anchor resolves) and stays light.

The corpus is the benchmark's generator at 500 entities, with the limits lowered so that every
list splits: a glossary and a bibliography by letter (several pages for a long letter), the FAQ
by topic with its data file, a compact matrix, and counts instead of long lists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bench.corpus import generate

from tests.support.project import build

pytestmark = pytest.mark.build

LIMITS = {
    "faq_on_one_page_up_to": 50,
    "questions_per_page": 20,
    "glossary_on_one_page_up_to": 50,
    "terms_per_page": 10,
    "sources_on_one_page_up_to": 20,
    "sources_per_page": 10,
    "use_cases_listed_up_to": 50,
    "use_cases_per_technology": 10,
    "matrix_notes_up_to": 10,
    "overview_up_to": 3,
    "nav_lists_up_to": 3,
}


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("paged")
    corpus = generate(project, 500)
    config = project / "mkdocs.yml"
    paging = yaml.safe_dump({"paging": LIMITS}, sort_keys=False).strip().replace("\n", "\n      ")
    config.write_text(
        config.read_text().replace(
            "      content_dir: content\n", f"      content_dir: content\n      {paging}\n"
        )
    )
    assert corpus.counts["faq"] > 50 and corpus.counts["definition"] > 50
    return build(project)  # strict: a link or anchor that does not resolve fails the build


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
