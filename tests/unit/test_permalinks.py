"""Section permalinks are named by aria-label, so Material mounts no tooltip for each heading."""

from __future__ import annotations

import markdown
from markdown.extensions.toc import TocExtension

from explainer.permalinks import AccessiblePermalinks


def render(text: str) -> str:
    extensions = [
        TocExtension(permalink=True, permalink_title="Link to this section"),
        AccessiblePermalinks(),
    ]
    return markdown.markdown(text, extensions=extensions)


def test_the_permalink_title_becomes_its_accessible_name() -> None:
    html = render('## Tokens\n\nText with [a titled link](https://example.org "kept").')
    assert '<a aria-label="Link to this section" class="headerlink" href="#tokens">' in html
    assert 'title="Link to this section"' not in html
    assert 'title="kept"' in html  # only permalinks change


def test_every_heading_level_is_covered() -> None:
    html = render("# One\n\n## Two\n\n### Three\n\n#### Four")
    assert html.count('aria-label="Link to this section"') == 4
    assert "title=" not in html
