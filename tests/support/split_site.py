"""A site past every paging limit: the benchmark's 500-entity corpus with the limits lowered.

Every list splits: the glossary and the bibliography by letter (several pages for a long letter),
the FAQ by topic with its data file, a compact matrix, counts instead of long lists.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from bench.corpus import generate

from tests.support.project import build

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


def build_split_site(project: Path) -> Path:
    """Write the project into `project` and build it strictly (a broken link or anchor fails)."""
    corpus = generate(project, 500)
    assert corpus.counts["faq"] > LIMITS["faq_on_one_page_up_to"]
    assert corpus.counts["definition"] > LIMITS["glossary_on_one_page_up_to"]
    config = project / "mkdocs.yml"
    paging = yaml.safe_dump({"paging": LIMITS}, sort_keys=False).strip().replace("\n", "\n      ")
    text = config.read_text().replace(
        "      content_dir: content\n", f"      content_dir: content\n      {paging}\n"
    )
    config.write_text(text)
    return build(project)
