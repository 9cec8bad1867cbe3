"""The bibliography: every source, with back-links to what cites it."""

from __future__ import annotations

from explainer.model import KIND_BY_NAME, Content, Entity
from explainer.references import cited_by
from explainer.render.environment import render_template
from explainer.render.links import SOURCES, entity_path
from explainer.render.page import Page


def entity_title(entity: Entity) -> str:
    for field in ("name", "term", "title", "question"):
        value = getattr(entity, field, None)
        if isinstance(value, str):
            return value
    return entity.id


def citing_links(content: Content) -> dict[str, list[tuple[str, str, str]]]:
    """For each source: (label of the kind, title, page path) of every entity that cites it."""
    return {
        source_id: [
            (KIND_BY_NAME[e.entity_kind].label, entity_title(e), entity_path(e.entity_kind, e.id))
            for e in entities
        ]
        for source_id, entities in cited_by(content).items()
    }


def render_sources(content: Content) -> list[Page]:
    body = render_template("sources.md.j2", SOURCES, content=content, citing=citing_links(content))
    return [
        Page(
            path=SOURCES,
            title="Sources",
            body=body,
            family="sources",
            description="The papers, standards and official documents this explainer cites, "
            "with links to every page that relies on each.",
            hide=("toc",),
        )
    ]
