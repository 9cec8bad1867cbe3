"""The glossary: every term A–Z, one anchor per term (its id) — on one page, or a page per letter."""

from __future__ import annotations

from itertools import groupby

from explainer.content import Content
from explainer.model import Definition
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import GLOSSARY
from explainer.render.page import Page
from explainer.render.paging import Chunk, alphabetical, grouped, initial
from explainer.render.structured import defined_term_set
from explainer.render.values import cited_sources, latest_review


def _term(definition: Definition) -> str:
    return definition.term


def by_letter(content: Content) -> list[tuple[str, list[Definition]]]:
    ordered = sorted(content.definitions.values(), key=alphabetical(_term))
    return [(letter, list(terms)) for letter, terms in groupby(ordered, key=lambda d: initial(d.term))]


def render_glossary(site: RenderContext) -> list[Page]:
    content = site.content
    title = site.settings.family("glossary").title or "Glossary"
    pages = grouped(site.glossary_pages)
    split = bool(pages)

    def body() -> str:
        return render_template(
            site,
            "glossary.md.j2",
            GLOSSARY,
            letters=[] if split else by_letter(content),
            pages=pages,
            sources={} if split else {d.id: cited_sources(site, d) for d in content.definitions.values()},
        )

    index = Page(
        path=GLOSSARY,
        title=title,
        body=body,
        family="glossary",
        description=f"{len(content.definitions)} terms used on this site, in plain language, A to Z.",
        reviewed=latest_review(content.definitions.values()),
        hide=("toc",),
        structured=None if split else defined_term_set(title, list(content.definitions.values())),
    )
    return [
        index,
        *(render_letter_page(site, chunk, chunks, pages) for _, chunks in pages for chunk in chunks),
    ]


def render_letter_page(
    site: RenderContext,
    chunk: Chunk[Definition],
    siblings: list[Chunk[Definition]],
    pages: list[tuple[str, list[Chunk[Definition]]]],
) -> Page:
    """One letter's terms (or one page of a long letter), once the glossary has a page per letter."""
    title = site.settings.family("glossary").title or "Glossary"
    terms = list(chunk.items)

    def body() -> str:
        return render_template(
            site,
            "glossary-letter.md.j2",
            chunk.path,
            chunk=chunk,
            siblings=siblings,
            pages=pages,
            index=GLOSSARY,
            sources={d.id: cited_sources(site, d) for d in terms},
        )

    part = f" ({chunk.number} of {chunk.of})" if chunk.of > 1 else ""
    return Page(
        path=chunk.path,
        title=f"{title}: {chunk.group}{part}",
        body=body,
        family="glossary",
        description=f"Glossary terms {chunk.first.term} to {chunk.last.term}, in plain language.",
        reviewed=latest_review(terms),
        hide=("toc",),
        sequence="glossary",
        structured=defined_term_set(f"{title}: {chunk.group}", terms),
    )
