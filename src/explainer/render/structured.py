"""schema.org data for pages (JSON-LD): FAQPage, DefinedTermSet, Article; the plugin adds URLs."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from explainer.markdown import markdown_to_text
from explainer.model import Definition, Faq

JsonLd = dict[str, Any]


def article(headline: str, description: str | None, reviewed: date | None) -> JsonLd:
    data: JsonLd = {"@type": "Article", "headline": headline}
    if description:
        data["description"] = description
    if reviewed:
        data["dateModified"] = reviewed.isoformat()
    return data


def faq_page(faqs: list[Faq], *, short: bool = False) -> JsonLd:
    """FAQPage data; `short` gives each answer's first sentence (for the index of all questions)."""
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": first_sentence(faq.answer) if short else markdown_to_text(faq.answer),
                },
            }
            for faq in faqs
        ],
    }


def first_sentence(markdown_text: str) -> str:
    """The direct answer: the first sentence of the first paragraph, as plain text."""
    paragraph = markdown_to_text(markdown_text.strip().split("\n\n")[0])
    match = re.match(r"(.+?[.!?])(\s|$)", paragraph)
    sentence = match.group(1) if match else paragraph
    return sentence if len(sentence) <= 300 else sentence[:297].rsplit(" ", 1)[0] + "…"


def defined_term_set(name: str, definitions: list[Definition]) -> JsonLd:
    return {
        "@type": "DefinedTermSet",
        "name": name,
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "name": d.term,
                "description": d.short,
                "@id": f"#{d.id}",
                **({"termCode": d.abbreviation} if d.abbreviation else {}),
                **({"alternateName": d.aliases} if d.aliases else {}),
            }
            for d in definitions
        ],
    }
