"""The glossary: every term A–Z on one page, one anchor per term (its id)."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from explainer.content import Content
from explainer.model import Definition
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import GLOSSARY
from explainer.render.page import Page
from explainer.render.structured import defined_term_set
from explainer.render.values import cited_sources, latest_review


def initial(definition: Definition) -> str:
    """The letter a term is filed under: A–Z, or '#' for terms starting with anything else."""
    first = unicodedata.normalize("NFKD", definition.term)[0].upper()
    return first if "A" <= first <= "Z" else "#"


def by_letter(content: Content) -> list[tuple[str, list[Definition]]]:
    ordered = sorted(
        content.definitions.values(), key=lambda d: (initial(d) != "#", initial(d), d.term.casefold())
    )
    return [(letter, list(terms)) for letter, terms in groupby(ordered, key=initial)]


def render_glossary(site: RenderContext) -> list[Page]:
    content = site.content
    letters = by_letter(content)
    body = render_template(
        site,
        "glossary.md.j2",
        GLOSSARY,
        letters=letters,
        sources={d.id: cited_sources(site, d) for d in content.definitions.values()},
    )
    return [
        Page(
            path=GLOSSARY,
            title=site.settings.family("glossary").title or "Glossary",
            body=body,
            family="glossary",
            description=f"{len(content.definitions)} terms used on this site, in plain language, A to Z.",
            reviewed=latest_review(content.definitions.values()),
            hide=("toc",),
            structured=defined_term_set("Glossary", list(content.definitions.values())),
        )
    ]
