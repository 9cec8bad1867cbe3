"""The FAQ: an index grouped by topic, with every answer (to skim and filter), and one page per question."""

from __future__ import annotations

import json

from explainer.markdown import normalise_words
from explainer.model import Definition, Faq, Technology, Topic
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import FAQ, entity_path
from explainer.render.page import Page, entity_page
from explainer.render.paging import Chunk, grouped
from explainer.render.structured import faq_page, first_sentence
from explainer.render.values import cited_sources, latest_review

FAQ_SEARCH_BOOST = 2.0


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
            else json.dumps(search_groups(site), ensure_ascii=False, separators=(",", ":")),
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
    data = {"synonyms": search_groups(site), "questions": questions}
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


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed: the form the FAQ filter compares (same as its script)."""
    return normalise_words(text)


def synonym_groups(site: RenderContext) -> list[list[str]]:
    """Names that mean the same thing — a glossary term with its abbreviation and aliases, a technology
    with its short name and aliases, the site's own search synonyms — merged where they share a name,
    for the FAQ filter and the site search to expand."""
    groups: list[set[str]] = []
    named: list[Definition | Technology] = [
        *site.content.definitions.values(),
        *site.content.technologies.values(),
    ]
    for group in [*(entity.names for entity in named), *site.settings.search.synonyms]:
        merged = {normalise(name) for name in group} - {""}
        for existing in [g for g in groups if g & merged]:
            merged |= existing
            groups.remove(existing)
        groups.append(merged)
    return sorted(sorted(g, key=lambda n: (-len(n), n)) for g in groups if len(g) > 1)


def instance_groups(site: RenderContext, groups: list[list[str]]) -> list[list[str]]:
    """For each well-known example of a technology (a product readers name: "PostgreSQL", "MongoDB"),
    the example followed by its technology's names: a query that names the product finds what is
    written about the kind of thing it is.

    The expansion runs one way only. Both search scripts match names longest first and, among names
    of one length, in the order the groups come; these groups come after `groups`, so a technology's
    own names are always matched by its own group, and "relational database" never expands to
    "PostgreSQL". An example listed under several technologies names them all; an umbrella's
    examples are left out (a product is a kind of some member, and a family's names are too broad to
    stand for it: measured on the first site, a chat assistant standing for the whole family pulled
    general pages above the question a reader asked about that assistant); an example that is already
    a name in `groups` is left to its group.
    """
    named = {name for group in groups for name in group}
    group_of = {name: group for group in groups for name in group}
    listed: dict[str, list[Technology]] = {}
    for technology in site.content.technologies.values():
        if technology.umbrella:
            continue
        for example in technology.examples:
            key = normalise(example.name)
            if key and key not in named:
                listed.setdefault(key, []).append(technology)
    found = []
    for product, technologies in sorted(listed.items()):
        names: dict[str, None] = {}
        for technology in technologies:
            own = group_of.get(normalise(technology.name)) or [normalise(n) for n in technology.names]
            names.update(dict.fromkeys(n for n in own if n))
        found.append([product, *names])
    return found


def search_groups(site: RenderContext) -> list[list[str]]:
    """What the site search and the FAQ filter expand a query with: the synonym groups, then the
    one-way instance groups (order matters: see `instance_groups`)."""
    groups = synonym_groups(site)
    return [*groups, *instance_groups(site, groups)]


def comparison_for(site: RenderContext, faq: Faq) -> str | None:
    """The pair page for a question about exactly two technologies, when the site builds it."""
    if len(faq.technologies) != 2:
        return None
    return site.pair_page(faq.technologies[0], faq.technologies[1])


def render_faq_pages(site: RenderContext) -> list[Page]:
    questions = [render_faq(site, faq) for faq in site.content.faqs.values()]
    return [render_faq_index(site), *render_topic_pages(site), *questions]
