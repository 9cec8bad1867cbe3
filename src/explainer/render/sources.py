"""The bibliography: every source, and what it supports on the site, with a link to each place."""

from __future__ import annotations

from dataclasses import dataclass

from explainer.content import Content
from explainer.kinds import kind_of, title_of
from explainer.references import Citation, citations
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import SOURCES, entity_path
from explainer.render.page import Page


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
    if loc and isinstance(loc[0], str) and loc[0] not in {"sources"}:
        return loc[0].replace("_", " ")
    return None


def supports(site: RenderContext) -> dict[str, list[Support]]:
    """For each source: every place on the site it supports, in corpus order."""
    found: dict[str, list[Support]] = {}
    for source_id, cited in citations(site.content, site.analyser).items():
        shown: list[Support] = []
        for citation in cited:
            kind = kind_of(citation.entity)
            if not site.shows(kind.name):
                continue
            target = entity_path(kind.name, citation.entity.id)
            support = Support(kind.label, title_of(citation.entity), target, _part(site.content, citation))
            if support not in shown:
                shown.append(support)
        found[source_id] = shown
    return found


def render_sources(site: RenderContext) -> list[Page]:
    body = render_template(site, "sources.md.j2", SOURCES, supports=supports(site))
    return [
        Page(
            path=SOURCES,
            title=site.settings.family("sources").title or "Sources",
            body=body,
            family="sources",
            description="The works this explainer cites, and what each one supports on the site.",
            hide=("toc",),
        )
    ]
