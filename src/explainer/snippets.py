"""Data-driven pieces that hand-written pages place with a marker, `<!-- explainer:<name> -->`."""

from __future__ import annotations

import re
from collections.abc import Callable

from explainer.model import Content
from explainer.render.compare import rows
from explainer.render.diagrams import industry_overview, relationship_diagram
from explainer.render.environment import render_template
from explainer.render.links import pair_path

MARKER = re.compile(r"^<!--\s*explainer:([a-z-]+)\s*-->\s*$", re.MULTILINE)


def _headline(content: Content, page: str) -> str:
    """How the first two technologies differ on scales and yes/no questions (at most eight rows)."""
    technologies = list(content.technologies.values())[:2]
    headline = None
    if len(technologies) == 2:
        first, second = technologies
        # Scales and yes/no answers fit a small table; lists and phrases are on the pair page.
        differ = [
            row
            for row in rows(content, technologies)
            if not row.same and row.dimension.kind in {"scale", "yes-no"}
        ][:8]
        headline = (first, second, pair_path(first, second), differ)
    return render_template("snippet-headline.md.j2", page, headline=headline)


SNIPPETS: dict[str, Callable[[Content, str], str]] = {
    "headline-comparison": _headline,
    "relationship-diagram": lambda content, page: str(relationship_diagram(content, page)),
    "industry-overview": lambda content, page: str(industry_overview(content, page)),
}


class UnknownSnippet(ValueError):
    pass


def expand_snippets(markdown: str, page: str, content: Content) -> str:
    """Replace each marker with its rendered snippet (links made relative to `page`)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SNIPPETS:
            known = ", ".join(sorted(SNIPPETS))
            raise UnknownSnippet(f"{page}: unknown snippet marker 'explainer:{name}' (known: {known})")
        return SNIPPETS[name](content, page).rstrip("\n")

    return MARKER.sub(replace, markdown)
