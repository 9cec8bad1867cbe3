"""The FAQ: an index grouped by topic, with every answer (to skim and filter), and one page per question."""

from __future__ import annotations

import json
import re
import unicodedata

from explainer.model import Content, Definition, Faq, Technology, Topic
from explainer.render.environment import render_template
from explainer.render.links import FAQ, entity_path, pair_path
from explainer.render.page import Page, entity_page
from explainer.render.structured import faq_page, first_sentence
from explainer.render.values import cited_sources, latest_review

FAQ_SEARCH_BOOST = 2.0


def topics_with_questions(content: Content) -> list[tuple[Topic, list[Faq], list[Faq]]]:
    """Topics in order: the questions whose first topic it is, then those it shares with another topic.

    Each question is written out once, under its first topic; other topics link to it.
    """
    grouped = []
    for topic in content.topics.values():
        in_topic = content.faqs_in_topic(topic.id)
        own = [f for f in in_topic if f.topics[0] == topic.id]
        shared = [f for f in in_topic if f.topics[0] != topic.id]
        if in_topic:
            grouped.append((topic, own, shared))
    return grouped


def render_faq_index(content: Content) -> Page:
    body = render_template(
        "faq-index.md.j2",
        FAQ,
        content=content,
        topics=topics_with_questions(content),
        synonyms=json.dumps(synonym_groups(content), ensure_ascii=False, separators=(",", ":")),
    )
    return Page(
        path=FAQ,
        title="Frequently asked questions",
        body=body,
        family="faq-index",
        description=f"{len(content.faqs)} questions readers ask, grouped by topic, "
        "each answered directly in its first sentence.",
        reviewed=latest_review(content.faqs.values()),
        structured=faq_page(list(content.faqs.values()), short=True),
    )


def render_faq(content: Content, faq: Faq) -> Page:
    path = entity_path("faq", faq.id)
    body = render_template(
        "faq.md.j2",
        path,
        faq=faq,
        topics=[content.topics[t] for t in faq.topics if t in content.topics],
        technologies=[content.technologies[t] for t in faq.technologies if t in content.technologies],
        related=[content.faqs[f] for f in faq.related if f in content.faqs],
        sources=cited_sources(content, faq),
        pair=comparison_for(content, faq),
    )
    return entity_page(
        content,
        faq,
        title=faq.question,
        body=body,
        family="faq",
        description=first_sentence(faq.answer),
        search_boost=FAQ_SEARCH_BOOST,
        sequence=f"faq:{faq.topics[0]}",
        structured=faq_page([faq]),
    )


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed: the form the FAQ filter compares (same as its script)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


def synonym_groups(content: Content) -> list[list[str]]:
    """Names that mean the same thing — a glossary term with its abbreviation and aliases, a technology
    with its short name and aliases — merged where they share a name, for the FAQ filter to expand."""
    groups: list[set[str]] = []
    named: list[Definition | Technology] = [*content.definitions.values(), *content.technologies.values()]
    for group in (entity.names for entity in named):
        merged = {normalise(name) for name in group} - {""}
        for existing in [g for g in groups if g & merged]:
            merged |= existing
            groups.remove(existing)
        groups.append(merged)
    return sorted(sorted(g, key=lambda n: (-len(n), n)) for g in groups if len(g) > 1)


def comparison_for(content: Content, faq: Faq) -> str | None:
    """The pairwise page for a question about exactly two technologies."""
    ordered = [t for t in content.technologies.values() if t.id in faq.technologies]
    return pair_path(ordered[0], ordered[1]) if len(ordered) == 2 else None


def render_faq_pages(content: Content) -> list[Page]:
    return [render_faq_index(content)] + [render_faq(content, faq) for faq in content.faqs.values()]
