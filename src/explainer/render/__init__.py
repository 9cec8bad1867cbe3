"""Renderers: validated `Content` in, Markdown pages out — one module per page family, no disk, no MkDocs."""

from __future__ import annotations

from collections.abc import Callable

from explainer.model import Content
from explainer.render.compare import render_compare_pages
from explainer.render.faq import render_faq_pages
from explainer.render.glossary import render_glossary
from explainer.render.industry import render_industry_pages
from explainer.render.page import Page
from explainer.render.pros_cons import render_pros_and_cons
from explainer.render.reference import render_field_reference
from explainer.render.sources import render_sources
from explainer.render.technology import render_technology_pages

RENDERERS: dict[str, Callable[[Content], list[Page]]] = {
    "technologies": render_technology_pages,
    "compare": render_compare_pages,
    "pros-and-cons": render_pros_and_cons,
    "industries": render_industry_pages,
    "glossary": render_glossary,
    "faq": render_faq_pages,
    "sources": render_sources,
    "reference": render_field_reference,
}


def render_pages(content: Content) -> dict[str, Page]:
    """Every generated page, keyed by its Markdown path, in a stable order."""
    pages: dict[str, Page] = {}
    for family, render in RENDERERS.items():
        for page in render(content):
            if page.path in pages:
                raise ValueError(f"{family} renders {page.path}, which another family already renders")
            pages[page.path] = page
    return pages


__all__ = ["RENDERERS", "Page", "render_pages"]
