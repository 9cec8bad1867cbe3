"""Technology pages: what it is, how it works, how it relates, strengths, weaknesses, ratings."""

from __future__ import annotations

from explainer.model import (
    INCOMING_RELATION_PHRASES,
    RELATION_PHRASES,
    SYMMETRIC_RELATIONS,
    Industry,
    Relation,
    Technology,
    UseCase,
)
from explainer.render.context import RenderContext
from explainer.render.diagrams import relationship_diagram
from explainer.render.environment import render_template
from explainer.render.links import TECHNOLOGIES, entity_path
from explainer.render.page import Page, entity_page
from explainer.render.values import cells_of, cited_sources

MAX_LISTED_QUESTIONS = 8
RELATION_LABELS = {kind: phrase.capitalize() for kind, phrase in RELATION_PHRASES.items()}
INCOMING_LABELS = {kind: phrase.capitalize() for kind, phrase in INCOMING_RELATION_PHRASES.items()}


def incoming_relations(site: RenderContext, technology: Technology) -> list[tuple[Relation, Technology]]:
    """Relations other technologies declare towards this one, skipping ones it already states back."""
    stated = {(r.kind, r.target) for r in technology.relations}
    found = []
    for other in site.content.technologies.values():
        for relation in other.relations:
            symmetric = relation.kind in SYMMETRIC_RELATIONS
            if relation.target == technology.id and not (symmetric and (relation.kind, other.id) in stated):
                found.append((relation, other))
    return found


def use_cases_by_industry(
    site: RenderContext, technology: Technology
) -> list[tuple[Industry, list[UseCase]]]:
    """Use cases that rely on the technology (or, for an umbrella, on any of its members), by industry."""
    if not site.builds("industries"):
        return []
    ids = {technology.id, *site.content.members[technology.id]}
    by_industry: dict[str, list[UseCase]] = {}
    for case in site.content.use_cases.values():
        if ids & set(case.technologies):
            by_industry.setdefault(case.industry, []).append(case)
    industries = site.content.industries.values()
    return [(industry, by_industry[industry.id]) for industry in industries if industry.id in by_industry]


def render_technology(site: RenderContext, technology: Technology) -> Page:
    content = site.content
    path = entity_path("technology", technology.id)
    relations = [
        (relation, content.technologies[relation.target])
        for relation in technology.relations
        if relation.target in content.technologies
    ]
    faqs = content.faqs_about(technology.id) if site.builds("faq") else []
    members = [content.technologies[m] for m in content.members[technology.id]]

    def body() -> str:
        return render_template(
            site,
            "technology.md.j2",
            path,
            tech=technology,
            relations=relations,
            incoming=incoming_relations(site, technology),
            relation_labels=RELATION_LABELS,
            incoming_labels=INCOMING_LABELS,
            members=members,
            cells=cells_of(content, technology) if site.builds("compare") else [],
            pairs=site.pairs_with(technology),
            use_cases=use_cases_by_industry(site, technology),
            faqs=faqs[:MAX_LISTED_QUESTIONS],
            faq_count=len(faqs),
            terms=[d for d in content.definitions.values() if d.technology == technology.id]
            if site.builds("glossary")
            else [],
            sources=cited_sources(site, technology),
            diagram=relationship_diagram(site, path, current=technology.id)
            if len(content.technologies) > 1
            else "",
        )

    return entity_page(
        content,
        technology,
        title=technology.name,
        body=body,
        family="technology",
        description=technology.summary,
        sequence="technologies",
    )


def render_technologies_index(site: RenderContext) -> Page:
    def body() -> str:
        return render_template(
            site,
            "technologies.md.j2",
            TECHNOLOGIES,
            diagram=relationship_diagram(site, TECHNOLOGIES) if len(site.content.technologies) > 1 else "",
        )

    return Page(
        path=TECHNOLOGIES,
        title=site.settings.family("technologies").title or "Technologies",
        body=body,
        family="index",
        description="Every technology this explainer compares, and how they relate to each other.",
    )


def render_technology_pages(site: RenderContext) -> list[Page]:
    return [render_technologies_index(site)] + [
        render_technology(site, technology) for technology in site.content.technologies.values()
    ]
