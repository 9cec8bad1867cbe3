"""The strengths and weaknesses of every technology, side by side on one page."""

from __future__ import annotations

from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import PROS_AND_CONS
from explainer.render.page import Page
from explainer.render.values import cited_sources, latest_review


def render_pros_and_cons(site: RenderContext) -> list[Page]:
    technologies = [t for t in site.content.technologies.values() if t.strengths or t.weaknesses]

    def body() -> str:
        return render_template(
            site,
            "pros-and-cons.md.j2",
            PROS_AND_CONS,
            technologies=technologies,
            sources=cited_sources(site, *technologies),
        )

    return [
        Page(
            path=PROS_AND_CONS,
            title=site.settings.family("pros-and-cons").title or "Strengths and weaknesses",
            body=body,
            family="pros-and-cons",
            description="What each technology does well and where it falls short, side by side.",
            reviewed=latest_review(technologies),
        )
    ]
