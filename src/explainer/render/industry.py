"""Industries: an index with the industry × technology overview, one page per industry, one per use case."""

from __future__ import annotations

from explainer.model import Content, Industry, UseCase
from explainer.render.diagrams import industry_overview, technology_counts
from explainer.render.environment import render_template
from explainer.render.links import INDUSTRIES, USE_CASES, entity_path
from explainer.render.page import Page, entity_page
from explainer.render.values import cited_sources


def render_industries_index(content: Content) -> Page:
    body = render_template(
        "industries.md.j2",
        INDUSTRIES,
        content=content,
        counts=technology_counts(content),
        overview=industry_overview(content, INDUSTRIES),
    )
    return Page(
        path=INDUSTRIES,
        title="Industries",
        body=body,
        family="index",
        description="Industry by industry: concrete use cases and which technologies do the work in each.",
    )


def render_industry(content: Content, industry: Industry) -> Page:
    path = entity_path("industry", industry.id)
    cases = content.use_cases_in_industry(industry.id)
    used = [t for t in content.technologies.values() if any(t.id in u.technologies for u in cases)]
    body = render_template(
        "industry.md.j2",
        path,
        content=content,
        industry=industry,
        cases=cases,
        technologies=[(t, sum(1 for u in cases if t.id in u.technologies)) for t in used],
        sources=cited_sources(content, industry, *cases),
    )
    return entity_page(
        content,
        industry,
        title=industry.name,
        body=body,
        family="industry",
        description=industry.summary,
        sequence="industries",
    )


def render_use_case(content: Content, use_case: UseCase) -> Page:
    path = entity_path("use-case", use_case.id)
    body = render_template(
        "use-case.md.j2",
        path,
        case=use_case,
        industry=content.industries.get(use_case.industry),
        technologies=[content.technologies[t] for t in use_case.technologies if t in content.technologies],
        sources=cited_sources(content, use_case),
    )
    return entity_page(
        content,
        use_case,
        title=use_case.title,
        body=body,
        family="use-case",
        description=use_case.summary,
        sequence=f"use-cases:{use_case.industry}",
    )


def render_use_cases_index(content: Content) -> Page:
    body = render_template("use-cases.md.j2", USE_CASES, content=content)
    return Page(
        path=USE_CASES,
        title="Use cases",
        body=body,
        family="index",
        description="Every use case on this site, grouped by industry.",
    )


def render_industry_pages(content: Content) -> list[Page]:
    return [
        render_industries_index(content),
        *(render_industry(content, i) for i in content.industries.values()),
        render_use_cases_index(content),
        *(render_use_case(content, u) for u in content.use_cases.values()),
    ]
