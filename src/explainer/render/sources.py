"""The bibliography: every source, and what it supports on the site, with a link to each place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from explainer.content import Content
from explainer.kinds import kind_of, title_of
from explainer.model import Source
from explainer.references import Citation, citations
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import SOURCES
from explainer.render.page import Page
from explainer.render.paging import Chunk, grouped

SUPPORTS_LISTED = 6  # places named under a source: a landmark paper may support hundreds, and a
# bibliography that names them all grows with the site (each place cites it on its own page too)


@dataclass(frozen=True)
class Support:
    """One thing a source supports: where it is shown, and what it is (the entity, a rating, a point)."""

    kind_label: str
    title: str
    target: str
    part: str | None


def _part(content: Content, citation: Citation) -> str | None:
    """What inside the entity the source supports: 'rating: Cost to run', 'strength: …', or None."""
    loc = citation.loc
    entity = citation.entity
    if len(loc) >= 2 and loc[0] == "ratings" and isinstance(loc[1], str):
        dimension = content.dimensions.get(loc[1])
        return f"rating on {dimension.name if dimension else loc[1]}"
    if len(loc) >= 2 and loc[0] in {"strengths", "weaknesses"} and isinstance(loc[1], int):
        point = getattr(entity, loc[0])[loc[1]]
        return f"{loc[0][:-1] if loc[0] == 'strengths' else 'weakness'}: {point.title}"
    return None  # the entity as a whole: its sources list, or a citation in its text


def supports(site: RenderContext) -> dict[str, list[Support]]:
    """For each source: every place on the site it supports, in corpus order."""
    found: dict[str, list[Support]] = {}
    for source_id, cited in citations(site.content, site.analyser).items():
        shown: dict[Support, None] = {}  # an ordered set: a landmark source supports thousands of places
        for citation in cited:
            kind = kind_of(citation.entity)
            if not site.shows(kind.name):
                continue
            target = site.path_of(kind.name, citation.entity.id)
            shown.setdefault(
                Support(kind.label, title_of(citation.entity), target, _part(site.content, citation))
            )
        found[source_id] = list(shown)
    return found


def render_sources(site: RenderContext) -> list[Page]:
    title = site.settings.family("sources").title or "Sources"
    pages = grouped(site.source_pages)

    @cache  # what every source supports: worked out once, when the first page that shows it is rendered
    def cited() -> dict[str, list[Support]]:
        return supports(site)

    def body() -> str:
        return render_template(
            site, "sources.md.j2", SOURCES, supports=cited(), pages=pages, listed=SUPPORTS_LISTED
        )

    index = Page(
        path=SOURCES,
        title=title,
        body=body,
        family="sources",
        description="The works this explainer cites, and what each one supports on the site.",
        hide=("toc",),
    )
    letters = [
        render_letter_page(site, chunk, chunks, pages, cited) for _, chunks in pages for chunk in chunks
    ]
    return [index, *letters]


def render_letter_page(
    site: RenderContext,
    chunk: Chunk[Source],
    siblings: list[Chunk[Source]],
    pages: list[tuple[str, list[Chunk[Source]]]],
    cited: Callable[[], dict[str, list[Support]]],
) -> Page:
    """The works whose first author files under one letter (or one page of a long letter)."""
    title = site.settings.family("sources").title or "Sources"

    def body() -> str:
        return render_template(
            site,
            "sources-letter.md.j2",
            chunk.path,
            chunk=chunk,
            siblings=siblings,
            pages=pages,
            index=SOURCES,
            supports=cited(),
            listed=SUPPORTS_LISTED,
        )

    return Page(
        path=chunk.path,
        title=f"{title}: {chunk.group}" + (f" ({chunk.number} of {chunk.of})" if chunk.of > 1 else ""),
        body=body,
        family="sources",
        description=f"Works cited here, by {chunk.first.authors[0]} to {chunk.last.authors[0]}.",
        hide=("toc",),
        sequence="sources",
    )
