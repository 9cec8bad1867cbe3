"""Long lists split into pages beyond a size: every entity lands on exactly one page, and links follow it."""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

import pytest

from explainer.render import RenderContext
from explainer.render.paging import initial, letter_slug, split
from explainer.settings import validate_settings
from explainer.site import Site, build_site
from explainer.validate import build_content
from tests.unit.corpus import corpus_documents

SPLIT_EVERYTHING = {
    "paging": {
        "glossary_on_one_page_up_to": 1,
        "sources_on_one_page_up_to": 1,
        "faq_on_one_page_up_to": 1,
        "use_cases_listed_up_to": 1,
        "use_cases_per_technology": 1,
        "overview_up_to": 1,
        "nav_lists_up_to": 1,
    }
}


def _site(options: dict[str, Any] | None = None) -> tuple[RenderContext, Site]:
    content, problems = build_content(corpus_documents())
    assert problems == []
    render = RenderContext(content, validate_settings(options or {}))
    return render, build_site(render, ["index.md"])


@pytest.fixture(scope="module")
def split_site() -> tuple[RenderContext, Site]:
    return _site(SPLIT_EVERYTHING)


def test_split_numbers_the_pages_of_each_group_in_order() -> None:
    words = ["apple", "avocado", "apricot", "banana", "açaí", "42", "blueberry"]
    chunks = split(words, initial, letter_slug, "fruit", 2)
    assert [(c.path, c.items, c.number, c.of) for c in chunks] == [
        ("fruit/a.md", ("apple", "avocado"), 1, 2),
        ("fruit/a-2.md", ("apricot", "açaí"), 2, 2),
        ("fruit/b.md", ("banana", "blueberry"), 1, 1),
        ("fruit/symbols.md", ("42",), 1, 1),
    ]


def test_letters_ignore_accents_and_file_everything_else_under_symbols() -> None:
    assert [initial(n) for n in ("Éclair", "zebra", "3D", "  ant", "Ωmega", "")] == [
        "E",
        "Z",
        "#",
        "A",
        "#",
        "#",
    ]


def test_under_the_limits_nothing_is_split() -> None:
    render, site = _site()
    assert not (render.glossary_pages or render.source_pages or render.topic_pages)
    assert not any(path.startswith(("glossary/", "sources/", "faq/topics/")) for path in site.pages)
    assert "data/faq.json" not in site.files
    assert render.path_of("definition", "acid") == "glossary.md#acid"


def test_every_term_and_source_is_on_exactly_one_letter_page(split_site: tuple[RenderContext, Site]) -> None:
    render, site = split_site
    for kind, folder, entities in (
        ("definition", "glossary/", render.content.definitions),
        ("source", "sources/", render.content.sources),
    ):
        for entity_id in entities:
            anchors = (f"{{ #{entity_id} }}", f'id="{entity_id}"')  # a heading's, a block's
            holders = [
                p
                for p, page in site.pages.items()
                if p.startswith(folder) and any(a in page.text for a in anchors)
            ]
            assert holders == [render.path_of(kind, entity_id).partition("#")[0]], entity_id


def test_links_to_moved_entities_point_at_their_letter_page(split_site: tuple[RenderContext, Site]) -> None:
    _, site = split_site
    answer = site.pages["faq/which-should-i-choose.md"].text
    assert "[ACID](../glossary/a.md#acid)" in answer
    assert "glossary.md#" not in "".join(page.text for page in site.pages.values())
    assert "sources.md#" not in "".join(page.text for page in site.pages.values())


def test_every_relative_link_in_a_split_site_names_a_page_it_builds(
    split_site: tuple[RenderContext, Site],
) -> None:
    _, site = split_site
    for path, page in site.pages.items():
        for target in re.findall(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)", page.text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in site.pages or resolved == "index.md", f"{path} links to {target}"


def test_glossary_index_links_letters_and_holds_no_entry(split_site: tuple[RenderContext, Site]) -> None:
    _, site = split_site
    index = site.pages["glossary.md"].text
    assert "(glossary/a.md)" in index and "(glossary/s.md)" in index
    assert "{ #acid }" not in index
    letter = site.pages["glossary/s.md"]
    assert letter.title == "Glossary: S" and "{ #schema }" in letter.text and "{ #sharding }" in letter.text
    assert '<strong aria-current="page">S</strong>' in letter.text


def test_a_split_faq_lists_topics_and_loads_questions_from_a_data_file(
    split_site: tuple[RenderContext, Site],
) -> None:
    render, site = split_site
    index = site.pages["faq/index.md"].text
    assert 'data-ex-faq-data="../data/faq.json"' in index
    assert "<details" not in index
    assert site.pages["faq/index.md"].structured is None  # no JSON-LD of every question in the head
    data = json.loads(site.files["data/faq.json"])
    assert {entry["id"] for entry in data["questions"]} == set(render.content.faqs)
    assert ["data definition language", "schema", "ddl"] in data["synonyms"]
    assert 'data-synonyms="[]"' in index
    entry = next(e for e in data["questions"] if e["id"] == "which-should-i-choose")
    assert entry["url"] == "../faq/which-should-i-choose/"
    assert entry["also"] == ["which database should I use"]
    assert entry["answer"].startswith("Choose by the shape of your data")
    topic = site.pages["faq/topics/choosing.md"].text
    assert "[Which should I choose?](../which-should-i-choose.md)" in topic
    assert render.path_of("topic", "choosing") == "faq/topics/choosing.md"


def test_data_file_addresses_follow_the_engines_url_style() -> None:
    content, _ = build_content(corpus_documents())
    flat = RenderContext(content, validate_settings(SPLIT_EVERYTHING), directory_urls=False)
    data = json.loads(build_site(flat, ["index.md"]).files["data/faq.json"])["questions"]
    assert data[0]["url"].endswith(".html") and data[0]["url"].startswith("../faq/")


def test_long_lists_become_counts(split_site: tuple[RenderContext, Site]) -> None:
    _, site = split_site
    technology = site.pages["technologies/relational-databases.md"].text
    assert "2 use cases in 1 industry;" in technology
    assert "- [Retail](../industries/retail.md) (" in technology
    assert "use-cases/product-catalogue.md" not in site.pages["use-cases/index.md"].text


def test_the_navigation_lists_entity_pages_only_while_they_are_few(
    split_site: tuple[RenderContext, Site],
) -> None:
    _, site = split_site
    flat = dict((label, target) for label, target in site.nav if isinstance(target, str))
    assert flat.get("Technologies") == "technologies/index.md"
    _, small = _site()
    sections = dict(small.nav)
    assert isinstance(sections["Technologies"], list) and len(sections["Technologies"]) == 3


def test_a_large_matrix_links_each_cell_to_its_reasoning_instead_of_holding_it() -> None:
    _, full = _site()
    assert '<details class="ex-note"' in full.pages["compare/index.md"].text
    _, compact = _site({"paging": {"matrix_notes_up_to": 1}})
    matrix = compact.pages["compare/index.md"].text
    assert '<details class="ex-note"' not in matrix and "ex-evidence" not in matrix
    assert "[Why](../technologies/relational-databases.md#rating-schema-flexibility)" in matrix
    technology = compact.pages["technologies/relational-databases.md"].text
    assert '<span id="rating-schema-flexibility"></span>' in technology
