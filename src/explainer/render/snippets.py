"""Data-driven pieces that hand-written pages place with a marker, `<!-- explainer:<name> [args] -->`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from explainer.render.compare import rows
from explainer.render.context import RenderContext
from explainer.render.diagrams import industry_overview, relationship_diagram
from explainer.render.environment import render_template

MARKER = re.compile(r"^<!--\s*explainer:([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->\s*$", re.MULTILINE)
MAX_HEADLINE_ROWS = 10


class SnippetError(ValueError):
    """A marker the page cannot have: an unknown name, or arguments its snippet does not take."""


class UnknownSnippet(SnippetError):
    pass


class BadArguments(SnippetError):
    """Raised by a snippet; `expand_snippets` adds where the marker is."""


def _headline(site: RenderContext, page: str, args: list[str]) -> str:
    """How two technologies differ, row by row: the two named, or the first two in display order.

    For a list dimension it also says what the first covers that the second
    does not: where an umbrella is compared with one of its members, that is
    what the reader came to see.
    """
    content = site.content
    # A misspelt id once showed another pair than the one written, with no word of it.
    unknown = [i for i in args if i not in content.technologies]
    if unknown:
        known = ", ".join(content.technologies)
        raise BadArguments(f"no technology has the id '{unknown[0]}' (known: {known})")
    if args and (len(args) != 2 or args[0] == args[1]):
        raise BadArguments("name two different technologies, or none for the first two in display order")
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


def _no_arguments(args: list[str]) -> None:
    if args:
        raise BadArguments(f"this marker takes no arguments, and has '{' '.join(args)}'")


def _relationship_diagram(site: RenderContext, page: str, args: list[str]) -> str:
    _no_arguments(args)
    return str(relationship_diagram(site, page)) if site.builds("technologies") else ""


def _industry_overview(site: RenderContext, page: str, args: list[str]) -> str:
    _no_arguments(args)
    return str(industry_overview(site, page)) if site.builds("industries") and site.content.use_cases else ""


Snippet = Callable[[RenderContext, str, list[str]], str]
SNIPPETS: dict[str, Snippet] = {
    "headline-comparison": _headline,
    "relationship-diagram": _relationship_diagram,
    "industry-overview": _industry_overview,
}


class Source(NamedTuple):
    """The page's file as written (front matter included), to place a marker where its author sees it."""

    path: str
    text: str


def expand_snippets(markdown: str, page: str, site: RenderContext, source: Source | None = None) -> str:
    """Replace each marker with its rendered snippet (links made relative to `page`).

    A marker the page cannot have raises SnippetError, placed as `path:line:column` in `source` when
    given (MkDocs hands plugins the page without its front matter), else in `markdown`.
    """

    def where(match: re.Match[str]) -> str:
        path, text, at = page, markdown, match.start()
        if source is not None and (found := source.text.find(match.group(0))) >= 0:
            path, text, at = source.path, source.text, found
        line_start = text.rfind("\n", 0, at) + 1
        line = text.count("\n", 0, at) + 1
        return f"{path}:{line}:{at - line_start + 1}"

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SNIPPETS:
            known = ", ".join(sorted(SNIPPETS))
            raise UnknownSnippet(f"{where(match)}: no snippet is named 'explainer:{name}' (known: {known})")
        try:
            return SNIPPETS[name](site, page, match.group(2).split()).rstrip("\n")
        except BadArguments as error:
            raise BadArguments(f"{where(match)}: 'explainer:{name}': {error}") from None

    return MARKER.sub(replace, markdown)
