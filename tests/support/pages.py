"""One page of every page family of the real site, by family, as paths below the site root.

Accessibility checks and screenshots cover all of them; Lighthouse the ones readers land on.
"""

from __future__ import annotations

FAMILIES = {
    "home": "",
    "technologies": "technologies/",
    "technology": "technologies/large-language-models/",
    "matrix": "compare/",
    "matrix-two-chosen": "compare/?tech=generative-ai,large-language-models&diff=1",
    "pair": "compare/generative-ai-vs-large-language-models/",
    "pros-and-cons": "pros-and-cons/",
    "guide": "guide/",
    "guide-answered": "guide/?output=text&accuracy=accuracy",
    "industries": "industries/",
    "industry": "industries/healthcare/",
    "use-cases": "use-cases/",
    "use-case": "use-cases/clinical-documentation/",
    "glossary": "glossary/",
    "faq": "faq/",
    "faq-filtered": "faq/?q=LLM",
    "faq-entry": "faq/why-do-llms-hallucinate/",
    "sources": "sources/",
    "contributing": "contributing/",
    "field-reference": "contributing/fields/",
    "not-found": "no-such-page/",
}
LANDING = ("home", "matrix", "pair", "faq", "glossary")
