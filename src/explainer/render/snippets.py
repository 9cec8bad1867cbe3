"""Data-driven pieces that hand-written pages place with a marker, `<!-- explainer:<name> [args] -->`."""

from __future__ import annotations

import re
from collections.abc import Callable

from explainer.render.compare import rows
from explainer.render.context import RenderContext
from explainer.render.diagrams import industry_overview, relationship_diagram
from explainer.render.environment import render_template

MARKER = re.compile(r"^<!--\s*explainer:([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->\s*$", re.MULTILINE)
MAX_HEADLINE_ROWS = 10


def _headline(site: RenderContext, page: str, args: list[str]) -> str:
    """How two technologies differ, row by row: the two named, or the first two in display order.

    For a list dimension it also says what the first covers that the second
    does not: where an umbrella is compared with one of its members, that is
    what the reader came to see.
    """
    content = site.content
    if not site.builds("compare"):
        return ""
    chosen = [content.technologies[i] for i in args if i in content.technologies] if args else []
    technologies = chosen[:2] if len(chosen) >= 2 else list(content.technologies.values())[:2]
    if len(technologies) < 2:
        return ""
    first, second = technologies
    differ = [row for row in rows(site, technologies) if not row.same][:MAX_HEADLINE_ROWS]
    extra = {
        row.dimension.id: [
            label
            for value, label in zip(row.cells[0].values, row.cells[0].labels, strict=False)
            if value not in row.cells[1].values
        ]
        for row in differ
        if row.dimension.kind == "list" and row.cells[0] and row.cells[1] and row.cells[1].assessed
    }
    return render_template(
        site,
        "snippet-headline.md.j2",
        page,
        first=first,
        second=second,
        pair=site.pair_page(first.id, second.id),
        differ=differ,
        extra=extra,
    )


Snippet = Callable[[RenderContext, str, list[str]], str]
SNIPPETS: dict[str, Snippet] = {
    "headline-comparison": _headline,
    "relationship-diagram": lambda site, page, args: (
        str(relationship_diagram(site, page)) if site.builds("technologies") else ""
    ),
    "industry-overview": lambda site, page, args: (
        str(industry_overview(site, page)) if site.builds("industries") and site.content.use_cases else ""
    ),
}


class UnknownSnippet(ValueError):
    pass


def expand_snippets(markdown: str, page: str, site: RenderContext) -> str:
    """Replace each marker with its rendered snippet (links made relative to `page`)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SNIPPETS:
            known = ", ".join(sorted(SNIPPETS))
            raise UnknownSnippet(f"{page}: unknown snippet marker 'explainer:{name}' (known: {known})")
        return SNIPPETS[name](site, page, match.group(2).split()).rstrip("\n")

    return MARKER.sub(replace, markdown)
