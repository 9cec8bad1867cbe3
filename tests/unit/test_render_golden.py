"""Each page family rendered from the fixture corpus matches its reviewed golden file byte for byte.

Regenerate with `pytest tests/unit/test_render_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest

from explainer.render import RenderContext
from explainer.site import build_site
from explainer.validate import build_content
from tests.conftest import TESTS
from tests.unit.corpus import corpus_documents

GOLDEN = TESTS / "golden"
FAMILIES = {
    "technology": "technologies/relational-databases.md",
    "technologies-index": "technologies/index.md",
    "matrix": "compare/index.md",
    "pair": "compare/relational-databases-vs-document-databases.md",
    "pros-and-cons": "pros-and-cons.md",
    "industries-index": "industries/index.md",
    "industry": "industries/retail.md",
    "use-case": "use-cases/product-catalogue.md",
    "use-cases-index": "use-cases/index.md",
    "glossary": "glossary.md",
    "faq-index": "faq/index.md",
    "faq": "faq/what-is-the-difference.md",
    "sources": "sources.md",
    "field-reference": "contributing/fields.md",
}
PER_ENTITY = {"technology", "pair", "industry", "use-case", "faq"}


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    content, problems = build_content(corpus_documents())
    assert problems == []
    return {
        path: page.markdown for path, page in build_site(RenderContext(content), ["index.md"]).pages.items()
    }


@pytest.mark.parametrize(("family", "path"), FAMILIES.items())
def test_page_family_matches_its_golden_file(
    family: str, path: str, pages: dict[str, str], update_golden: bool
) -> None:
    golden = GOLDEN / f"{family}.md"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(pages[path])
    assert golden.is_file(), f"no golden file for {family}; run with --update-golden and review it"
    assert pages[path] == golden.read_text()


def test_every_generated_path_belongs_to_a_tested_family(pages: dict[str, str]) -> None:
    # Families with a page per entity cover their folder; every other family is its one page.
    patterns = {
        f"{Path(path).parent.as_posix()}/*.md" if family in PER_ENTITY else path
        for family, path in FAMILIES.items()
    }
    assert [p for p in pages if not any(fnmatch(p, pattern) for pattern in patterns)] == []


def test_rendering_twice_gives_the_same_markdown(pages: dict[str, str]) -> None:
    content, _ = build_content(corpus_documents())
    again = {
        path: page.markdown for path, page in build_site(RenderContext(content), ["index.md"]).pages.items()
    }
    assert again == pages
