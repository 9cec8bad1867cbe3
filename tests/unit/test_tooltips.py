"""Glossary tooltips: first mention only, never in headings, links or code, names matched as words."""

from __future__ import annotations

import html
import json
import re

import markdown
import pytest

from explainer.tooltips import GlossaryTooltips
from explainer.validate import build_content
from tests.unit.corpus import check_with, corpus_documents


def render(text: str, page: str = "faq/x.md") -> str:
    content, _ = build_content(corpus_documents())
    return markdown.markdown(text, extensions=[GlossaryTooltips(content, lambda: page), "attr_list"])


def test_first_mention_links_to_the_glossary_entry_with_its_short_definition() -> None:
    html = render("Sharding helps. Sharding again.")
    assert html.count('class="ex-term"') == 1
    assert (
        '<a class="ex-term" href="../glossary.md#sharding" title="Splitting one dataset across several servers by a key.">Sharding</a>'
        in html
    )


def test_abbreviations_and_aliases_count_as_the_same_term() -> None:
    html = render("The DDL declares it; the data definition language is part of SQL; a schema too.")
    assert html.count('class="ex-term"') == 1
    assert ">DDL</a>" in html


def test_abbreviations_match_case_exactly_and_only_whole_words() -> None:
    assert 'class="ex-term"' not in render("The ddl is lowercase and ACIDIC is another word.")
    assert ">ACID</a>" in render("It is ACID.")


@pytest.mark.parametrize(
    "text",
    ["# Sharding heading", "[Sharding](https://example.org/)", "Use `sharding` here", "    sharding in code"],
)
def test_never_inside_headings_links_or_code(text: str) -> None:
    assert 'class="ex-term"' not in render(text)


def test_a_term_the_text_already_links_gets_no_second_link() -> None:
    html = render("See [sharding](../glossary.md#sharding). Sharding is common.")
    assert 'class="ex-term"' not in html


def test_the_glossary_page_itself_is_left_alone() -> None:
    assert 'class="ex-term"' not in render("Sharding.", page="glossary.md")


def test_links_are_relative_to_the_page_being_rendered() -> None:
    assert 'href="glossary.md#acid"' in render("ACID.", page="index.md")
    assert 'href="../../glossary.md#acid"' in render("ACID.", page="a/b/c.md")


def test_several_terms_in_one_text_keep_their_order_and_surrounding_text() -> None:
    html = render("First sharding, then ACID, then the end.")
    assert html.startswith("<p>First <a")
    assert html.index(">sharding</a>") < html.index(">ACID</a>")
    assert html.endswith(", then the end.</p>")


def test_terms_on_letter_pages_link_there_and_letter_pages_get_no_tooltips() -> None:
    content, _ = build_content(corpus_documents())

    def letter_page(kind: str, entity_id: str) -> str:
        return f"glossary/{entity_id[0]}.md#{entity_id}"

    def render_on(text: str, page: str) -> str:
        tooltips = GlossaryTooltips(content, lambda: page, letter_page)
        return markdown.markdown(text, extensions=[tooltips])

    assert 'href="../glossary/s.md#sharding"' in render_on("Sharding.", "faq/x.md")
    assert 'class="ex-term"' not in render_on("Sharding.", "glossary/a.md")
    assert 'class="ex-term"' not in render_on("See [it](../glossary/s.md#sharding). Sharding.", "faq/x.md")


def test_a_page_gets_at_most_a_fixed_number_of_tooltips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("explainer.tooltips.TOOLTIPS_PER_PAGE", 2)
    html = render("Sharding, then ACID, then a schema.")
    assert html.count('class="ex-term"') == 2 and "a schema." in html


def test_a_meaning_that_looks_like_a_character_reference_shows_as_written() -> None:
    """`short` is plain text: `&lt;` in it is four characters, not `<` (nor, after the theme, markup)."""
    written = "&lt;b&gt; AT&T &amp; co. &#60;"
    raw = f"term: Sharding\nshort: {json.dumps(written)}\nbody: Data in parts.\nreviewed: 2026-01-15\n"
    result = check_with("definitions/sharding.yaml", raw.encode())
    assert [d for d in result.diagnostics if d.is_error] == []
    assert result.content is not None
    page = markdown.markdown("Sharding.", extensions=[GlossaryTooltips(result.content, lambda: "faq/x.md")])
    assert [html.unescape(title) for title in re.findall(r'title="([^"]*)"', page)] == [written]
