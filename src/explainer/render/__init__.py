"""Renderers: validated content in, Markdown pages out — one module per page family, no disk, no MkDocs."""

from __future__ import annotations

from collections.abc import Callable

from explainer.families import FAMILIES
from explainer.render.compare import render_compare_pages
from explainer.render.context import RenderContext
from explainer.render.faq import render_faq_pages
from explainer.render.glossary import render_glossary
from explainer.render.guide import render_guide
from explainer.render.industry import render_industry_pages
from explainer.render.page import Page
from explainer.render.pros_cons import render_pros_and_cons
from explainer.render.reference import render_field_reference
from explainer.render.sources import render_sources
from explainer.render.technology import render_technology_pages

# One renderer per page family declared in explainer.families (a test checks both lists agree).
RENDERERS: dict[str, Callable[[RenderContext], list[Page]]] = {
    "technologies": render_technology_pages,
    "compare": render_compare_pages,
    "pros-and-cons": render_pros_and_cons,
    "guide": render_guide,
    "industries": render_industry_pages,
    "glossary": render_glossary,
    "faq": render_faq_pages,
    "sources": render_sources,
    "reference": render_field_reference,
}


def render_pages(site: RenderContext) -> dict[str, Page]:
    """Every page of every family the site builds, keyed by its Markdown path, in a stable order."""
    pages: dict[str, Page] = {}
    for family in FAMILIES:
        if not site.builds(family.name):
            continue
        for page in RENDERERS[family.name](site):
            if page.path in pages:
                raise ValueError(f"{family.name} renders {page.path}, which another family already renders")
            pages[page.path] = page
    return pages


__all__ = ["RENDERERS", "Page", "RenderContext", "render_pages"]
