"""The FAQ: an index grouped by topic, with every answer (to skim and filter), and one page per question."""

from __future__ import annotations

import json

from explainer.model import Faq, Topic
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import FAQ, entity_path
from explainer.render.page import Page, entity_page
from explainer.render.paging import Chunk, grouped
from explainer.render.structured import faq_page, first_sentence
from explainer.render.values import cited_sources, latest_review

# How much more an FAQ page weighs in search than other pages, so that an answer comes before a page
# that only mentions the words. Twice as much put general questions before the industry, use case or
# term a reader described: 1.25 found 12 more first results of 529 test queries (hit@3 the same), 7 of
# them among the 100 written blind last, and 2 more of the 80 on a second topic.
FAQ_SEARCH_BOOST = 1.25


def topics_with_questions(site: RenderContext) -> list[tuple[Topic, list[Faq], list[Faq]]]:
    """Topics in order: the questions whose first topic it is, then those it shares with another topic.

    Each question is written out once, under its first topic; other topics link to it.
    """
    grouped = []
    for topic in site.content.topics.values():
        in_topic = site.content.faqs_in_topic(topic.id)
        own = [f for f in in_topic if f.topics[0] == topic.id]
        shared = [f for f in in_topic if f.topics[0] != topic.id]
        if in_topic:
            grouped.append((topic, own, shared))
    return grouped


FAQ_DATA = "data/faq.json"
PREVIEW = 5  # questions each topic shows on the FAQ page once topics have pages of their own


def render_faq_index(site: RenderContext) -> Page:
    content = site.content
    pages = grouped(site.topic_pages)

    def body() -> str:
        return render_template(
            site,
            "faq-index.md.j2",
            FAQ,
            topics=[] if pages else topics_with_questions(site),
            pages=pages,
            preview=PREVIEW,
            data_url=site.relative_url(FAQ, FAQ_DATA) if pages else None,
            # A large glossary makes a large synonym list: it travels in the data file once the FAQ splits.
            synonyms="[]"
            if pages
            else json.dumps(site.search_groups, ensure_ascii=False, separators=(",", ":")),
            placeholder=site.settings.faq_filter_placeholder,
        )

    return Page(
        path=FAQ,
        title=site.settings.family("faq").title or "Frequently asked questions",
        body=body,
        family="faq-index",
        description=f"{len(content.faqs)} questions readers ask, grouped by topic, "
        "each answered directly in its first sentence.",
        reviewed=latest_review(content.faqs.values()),
        structured=None if pages else faq_page(list(content.faqs.values()), short=True),
    )


def render_topic_page(site: RenderContext, chunk: Chunk[Faq], siblings: list[Chunk[Faq]]) -> Page:
    """One page of a topic's questions with their direct answers (only once the FAQ is split)."""
    topic = site.content.topics[chunk.group]
    questions = list(chunk.items)

    def body() -> str:
        return render_template(
            site,
            "faq-topic.md.j2",
            chunk.path,
            topic=topic,
            chunk=chunk,
            siblings=siblings,
            start=(chunk.number - 1) * site.settings.paging.questions_per_page + 1,
            total=sum(len(sibling.items) for sibling in siblings),
            index=FAQ,
            answers={faq.id: first_sentence(faq.answer) for faq in questions},
        )

    part = f" ({chunk.number} of {chunk.of})" if chunk.of > 1 else ""
    return Page(
        path=chunk.path,
        title=f"{topic.name}{part}",
        body=body,
        family="faq-topic",
        description=topic.summary or f"Questions about {topic.name.lower()}, answered directly.",
        reviewed=latest_review(questions),
        sequence="faq-topics",
        structured=faq_page(questions, short=True),
    )


def render_topic_pages(site: RenderContext) -> list[Page]:
    return [
        render_topic_page(site, chunk, chunks) for _, chunks in grouped(site.topic_pages) for chunk in chunks
    ]


def faq_data(site: RenderContext) -> dict[str, bytes]:
    """What the FAQ filter searches once the answers are not on its page: one file, read on first use."""
    if not site.topic_pages:
        return {}
    questions = [
        {
            "id": faq.id,
            "question": faq.question,
            "also": faq.also_asked,
            "answer": first_sentence(faq.answer),
            "url": site.relative_url(FAQ_DATA, site.path_of("faq", faq.id)),
        }
        for faq in site.content.faqs.values()
    ]
    data = {"synonyms": site.search_groups, "questions": questions}
    return {FAQ_DATA: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()}


def render_faq(site: RenderContext, faq: Faq) -> Page:
    content = site.content
    path = entity_path("faq", faq.id)
    technologies = [content.technologies[t] for t in faq.technologies if t in content.technologies]

    def body() -> str:
        return render_template(
            site,
            "faq.md.j2",
            path,
            faq=faq,
            topics=[content.topics[t] for t in faq.topics if t in content.topics],
            technologies=technologies if site.builds("technologies") else [],
            related=[content.faqs[f] for f in faq.related if f in content.faqs],
            sources=cited_sources(site, faq),
            pair=comparison_for(site, faq),
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


def comparison_for(site: RenderContext, faq: Faq) -> str | None:
    """The pair page for a question about exactly two technologies, when the site builds it."""
    if len(faq.technologies) != 2:
        return None
    return site.pair_page(faq.technologies[0], faq.technologies[1])


def render_faq_pages(site: RenderContext) -> list[Page]:
    questions = [render_faq(site, faq) for faq in site.content.faqs.values()]
    return [render_faq_index(site), *render_topic_pages(site), *questions]
