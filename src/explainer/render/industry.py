"""Industries: an index with the industry × technology overview, one page per industry, one per use case."""

from __future__ import annotations

from explainer.model import Industry, UseCase
from explainer.render.context import RenderContext
from explainer.render.diagrams import industry_overview, technology_counts
from explainer.render.environment import render_template
from explainer.render.links import INDUSTRIES, USE_CASES, entity_path
from explainer.render.page import Page, entity_page
from explainer.render.values import cited_sources


def render_industries_index(site: RenderContext) -> Page:
    # Beyond a size the drawing is unreadable and the table outweighs the page; industry pages have both.
    show_overview = (
        site.builds("technologies")
        and bool(site.content.use_cases)
        and len(site.content.industries) <= site.settings.paging.overview_up_to
    )

    def body() -> str:
        return render_template(
            site,
            "industries.md.j2",
            INDUSTRIES,
            counts=technology_counts(site.content) if show_overview else [],
            overview=industry_overview(site, INDUSTRIES) if show_overview else "",
        )

    return Page(
        path=INDUSTRIES,
        title=site.settings.family("industries").title or "Industries",
        body=body,
        family="index",
        description="Industry by industry: concrete use cases and which technologies do the work in each.",
    )


def render_industry(site: RenderContext, industry: Industry) -> Page:
    content = site.content
    path = entity_path("industry", industry.id)
    cases = content.use_cases_in_industry(industry.id)
    used = [t for t in content.technologies.values() if any(t.id in u.technologies for u in cases)]

    def body() -> str:
        return render_template(
            site,
            "industry.md.j2",
            path,
            industry=industry,
            cases=cases,
            technologies=[(t, sum(1 for u in cases if t.id in u.technologies)) for t in used],
            sources=cited_sources(site, industry, *cases),
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


def render_use_case(site: RenderContext, use_case: UseCase) -> Page:
    content = site.content
    path = entity_path("use-case", use_case.id)

    def body() -> str:
        return render_template(
            site,
            "use-case.md.j2",
            path,
            case=use_case,
            industry=content.industries.get(use_case.industry),
            technologies=[
                content.technologies[t] for t in use_case.technologies if t in content.technologies
            ],
            sources=cited_sources(site, use_case),
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


def render_use_cases_index(site: RenderContext) -> Page:
    def body() -> str:
        return render_template(site, "use-cases.md.j2", USE_CASES)

    return Page(
        path=USE_CASES,
        title="Use cases",
        body=body,
        family="index",
        description="Every use case on this site, grouped by industry.",
    )


def render_industry_pages(site: RenderContext) -> list[Page]:
    content = site.content
    pages = [render_industries_index(site), *(render_industry(site, i) for i in content.industries.values())]
    if content.use_cases:
        pages.append(render_use_cases_index(site))
        pages.extend(render_use_case(site, u) for u in content.use_cases.values())
    return pages
