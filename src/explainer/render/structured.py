"""schema.org data for pages (JSON-LD): FAQPage, DefinedTermSet, Article; the plugin adds URLs."""

from __future__ import annotations

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


def faq_page(faqs: list[Faq]) -> JsonLd:
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": markdown_to_text(faq.answer)},
            }
            for faq in faqs
        ],
    }


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
