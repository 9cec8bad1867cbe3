"""Technology pages: what it is, how it works, how it relates, strengths, weaknesses, ratings."""

from __future__ import annotations

from itertools import combinations

from explainer.model import SYMMETRIC_RELATIONS, Content, Industry, Relation, Technology, UseCase
from explainer.render.diagrams import RELATION_PHRASES, relationship_diagram
from explainer.render.environment import render_template
from explainer.render.links import TECHNOLOGIES, entity_path, pair_path
from explainer.render.page import Page, entity_page
from explainer.render.values import cells_of, cited_sources

MAX_LISTED_QUESTIONS = 8
RELATION_LABELS = {kind: phrase.capitalize() for kind, phrase in RELATION_PHRASES.items()}
INCOMING_LABELS = {
    "is-a": "Includes",
    "part-of": "Contains",
    "uses": "Used by",
    "overlaps": "Overlaps with",
    "contrasts-with": "Contrasts with",
}


def pairs(content: Content) -> list[tuple[Technology, Technology]]:
    """Every pair of technologies once, each in display order (the canonical order of its page)."""
    return list(combinations(content.technologies.values(), 2))


def pairs_with(content: Content, technology: Technology) -> list[tuple[Technology, str]]:
    """The other technologies and the path of the page comparing each with `technology`."""
    return [
        (second if first.id == technology.id else first, pair_path(first, second))
        for first, second in pairs(content)
        if technology.id in (first.id, second.id)
    ]


def incoming_relations(content: Content, technology: Technology) -> list[tuple[Relation, Technology]]:
    """Relations other technologies declare towards this one, skipping ones it already states back."""
    stated = {(r.kind, r.target) for r in technology.relations}
    found = []
    for other in content.technologies.values():
        for relation in other.relations:
            symmetric = relation.kind in SYMMETRIC_RELATIONS
            if relation.target == technology.id and not (symmetric and (relation.kind, other.id) in stated):
                found.append((relation, other))
    return found


def use_cases_by_industry(content: Content, technology_id: str) -> list[tuple[Industry, list[UseCase]]]:
    cases = content.use_cases_for_technology(technology_id)
    return [
        (industry, [c for c in cases if c.industry == industry.id])
        for industry in content.industries.values()
        if any(c.industry == industry.id for c in cases)
    ]


def modality_labeller(content: Content) -> object:
    """Labels for modality ids, taken from the dimension levels that define them when there are any."""
    labels = {level.id: level.label for d in content.dimensions.values() for level in d.levels}

    def label(ids: list[str]) -> str:
        return ", ".join(labels.get(i, i.replace("-", " ")) for i in ids).lower()

    return label


def render_technology(content: Content, technology: Technology) -> Page:
    path = entity_path("technology", technology.id)
    relations = [
        (relation, content.technologies[relation.target])
        for relation in technology.relations
        if relation.target in content.technologies
    ]
    faqs = content.faqs_about(technology.id)
    body = render_template(
        "technology.md.j2",
        path,
        tech=technology,
        content=content,
        relations=relations,
        incoming=incoming_relations(content, technology),
        relation_labels=RELATION_LABELS,
        incoming_labels=INCOMING_LABELS,
        modality_labels=modality_labeller(content),
        cells=cells_of(content, technology.id),
        pairs=pairs_with(content, technology),
        use_cases=use_cases_by_industry(content, technology.id),
        faqs=faqs[:MAX_LISTED_QUESTIONS],
        faq_count=len(faqs),
        terms=[d for d in content.definitions.values() if d.technology == technology.id],
        sources=cited_sources(content, technology),
        diagram=relationship_diagram(content, path, current=technology.id),
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


def render_technologies_index(content: Content) -> Page:
    body = render_template(
        "technologies.md.j2",
        TECHNOLOGIES,
        content=content,
        diagram=relationship_diagram(content, TECHNOLOGIES),
    )
    return Page(
        path=TECHNOLOGIES,
        title="Technologies",
        body=body,
        family="index",
        description="Every technology this explainer compares, and how they relate to each other.",
    )


def render_technology_pages(content: Content) -> list[Page]:
    return [render_technologies_index(content)] + [
        render_technology(content, technology) for technology in content.technologies.values()
    ]
