"""Markers in hand-written pages: each snippet takes the arguments it can use, and a marker it cannot
is an error placed where its author wrote it, never a silent fallback."""

from __future__ import annotations

import pytest

from explainer.content import Content
from explainer.render import RenderContext
from explainer.render.snippets import SnippetError, Source, expand_snippets
from explainer.validate import build_content
from tests.unit.corpus import corpus_documents

FRONT_MATTER = "---\ntitle: Home\n---\n"


@pytest.fixture(scope="module")
def site() -> RenderContext:
    content: Content
    content, problems = build_content(corpus_documents())
    assert problems == []
    return RenderContext(content)


def expand(site: RenderContext, body: str) -> str:
    """The page as MkDocs hands it to the plugin (front matter taken off), placed in the file as written."""
    return expand_snippets(body, "index.md", site, Source("docs/index.md", FRONT_MATTER + body))


def test_the_headline_compares_the_two_technologies_named_in_the_order_named(site: RenderContext) -> None:
    ids = list(site.content.technologies)
    names = [site.content.technologies[i].name for i in ids]
    shown = expand(site, f"<!-- explainer:headline-comparison {ids[1]} {ids[0]} -->\n")
    assert shown.index(names[1]) < shown.index(names[0])
    default = expand(site, "<!-- explainer:headline-comparison -->\n")
    assert default.index(names[0]) < default.index(names[1])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("relational-databases document-database", "no technology has the id 'document-database'"),
        ("relational-databases", "name two different technologies"),
        ("relational-databases relational-databases", "name two different technologies"),
        (
            "relational-databases document-databases graph-databases",
            "no technology has the id 'graph-databases'",
        ),
    ],
)
def test_a_headline_that_cannot_show_what_it_names_is_an_error_at_the_marker(
    site: RenderContext, arguments: str, message: str
) -> None:
    body = f"# Home\n\nIntro.\n\n<!-- explainer:headline-comparison {arguments} -->\n"
    with pytest.raises(SnippetError) as error:
        expand(site, body)
    # Line 8 of the file: three lines of front matter, then the marker on the body's fifth line.
    assert str(error.value).startswith("docs/index.md:8:1: 'explainer:headline-comparison': "), error.value
    assert message in str(error.value)


@pytest.mark.parametrize("name", ["relationship-diagram", "industry-overview"])
def test_a_snippet_that_takes_no_arguments_refuses_them(site: RenderContext, name: str) -> None:
    with pytest.raises(SnippetError, match=rf"^docs/index.md:4:1: 'explainer:{name}': this marker takes no"):
        expand(site, f"<!-- explainer:{name} relational-databases -->\n")


def test_an_unknown_marker_is_placed_and_lists_the_known_ones(site: RenderContext) -> None:
    with pytest.raises(SnippetError) as error:
        expand(site, "Text.\n\n<!-- explainer:headline-comparsion -->\n")
    assert str(error.value) == (
        "docs/index.md:6:1: no snippet is named 'explainer:headline-comparsion' "
        "(known: headline-comparison, industry-overview, relationship-diagram)"
    )


def test_without_the_file_a_marker_is_placed_in_the_text_given(site: RenderContext) -> None:
    with pytest.raises(SnippetError, match=r"^index.md:2:1: "):
        expand_snippets("Text.\n<!-- explainer:headline-comparison nope other -->\n", "index.md", site)
