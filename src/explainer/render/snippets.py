"""Data-driven pieces that hand-written pages place with a marker, `<!-- explainer:<name> [args] -->`.

Each snippet says which arguments it takes; a marker no build could fill is reported by `explainer
check` (E306, through explainer.handwritten) and stops the build at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import NamedTuple

from explainer.diagnostics import Position
from explainer.render.compare import rows
from explainer.render.context import RenderContext
from explainer.render.diagrams import industry_overview, relationship_diagram
from explainer.render.environment import render_template
from explainer.source import position_of_index

MARKER = re.compile(r"^<!--\s*explainer:([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->\s*$", re.MULTILINE)
MAX_HEADLINE_ROWS = 10


class SnippetError(ValueError):
    """A marker the page cannot have: an unknown name, or arguments its snippet does not take."""


def _headline(site: RenderContext, page: str, args: list[str]) -> str:
    """How two technologies differ, row by row: the two named, or the first two in display order.

    For a list dimension it also says what the first covers that the second
    does not: where an umbrella is compared with one of its members, that is
    what the reader came to see.
    """
    content = site.content
    if not site.builds("compare"):
        return ""
    technologies = [content.technologies[i] for i in args] or list(content.technologies.values())[:2]
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


def _two_technologies(args: list[str], technologies: Collection[str]) -> str | None:
    # A misspelt id once showed another pair than the one written, with no word of it.
    unknown = [i for i in args if i not in technologies]
    if unknown:
        return f"no technology has the id '{unknown[0]}' (known: {', '.join(technologies)})"
    if args and (len(args) != 2 or args[0] == args[1]):
        return "name two different technologies, or none for the first two in display order"
    return None


def _no_arguments(args: list[str], technologies: Collection[str]) -> str | None:
    return f"this marker takes no arguments, and has '{' '.join(args)}'" if args else None


Snippet = Callable[[RenderContext, str, list[str]], str]
# Each snippet, and what is wrong with a marker's arguments for it (None when nothing is).
SNIPPETS: dict[str, tuple[Snippet, Callable[[list[str], Collection[str]], str | None]]] = {
    "headline-comparison": (_headline, _two_technologies),
    "relationship-diagram": (
        lambda site, page, args: str(relationship_diagram(site, page)) if site.builds("technologies") else "",
        _no_arguments,
    ),
    "industry-overview": (
        lambda site, page, args: (
            str(industry_overview(site, page)) if site.builds("industries") and site.content.use_cases else ""
        ),
        _no_arguments,
    ),
}


def marker_problems(text: str, technologies: Collection[str]) -> Iterator[tuple[Position, str]]:
    """Where each marker in `text` that no build could fill stands, and what is wrong with it."""
    for match in MARKER.finditer(text):
        problem = _marker_problem(match, technologies)
        if problem is not None:
            yield position_of_index(text, match.start()), problem


def _marker_problem(match: re.Match[str], technologies: Collection[str]) -> str | None:
    name = match.group(1)
    if name not in SNIPPETS:
        return f"no snippet is named 'explainer:{name}' (known: {', '.join(sorted(SNIPPETS))})"
    problem = SNIPPETS[name][1](match.group(2).split(), technologies)
    return None if problem is None else f"'explainer:{name}': {problem}"


class Source(NamedTuple):
    """The page's file as written (front matter included), to place a marker where its author sees it."""

    path: str
    text: str


def expand_snippets(markdown: str, page: str, site: RenderContext, source: Source | None = None) -> str:
    """Replace each marker with its rendered snippet (links made relative to `page`).

    A marker the page cannot have raises SnippetError, placed as `path:line:column` in `source` when
    given (MkDocs hands plugins the page without its front matter), else in `markdown`.
    """

    def replace(match: re.Match[str]) -> str:
        problem = _marker_problem(match, site.content.technologies)
        if problem is not None:
            path, text, at = page, markdown, match.start()
            if source is not None and (found := source.text.find(match.group(0))) >= 0:
                path, text, at = source.path, source.text, found
            raise SnippetError(f"{path}:{position_of_index(text, at)}: {problem}")
        return SNIPPETS[match.group(1)][0](site, page, match.group(2).split()).rstrip("\n")

    return MARKER.sub(replace, markdown)
