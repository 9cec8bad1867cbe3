"""The page families: what each is called, where it sits in the navigation, and when it is built.

A family is built when the site has it switched on (mkdocs.yml:
`plugins.explainer.families`) and it has something to show: a site with only
a glossary gets a glossary, not an empty FAQ, matrix and industry heatmap.
The navigation is assembled from these declarations; renderers are attached
by name in `explainer.render`, and a test fails when one side is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from explainer.content import Content
from explainer.settings import Settings


@dataclass(frozen=True)
class Family:
    name: str
    label: str  # its entry in the navigation (a site may rename it)
    section: str  # the navigation section it belongs to; families of one section share it
    order: int  # position of its section, and of its entry within the section
    index: str  # its main page (Markdown path)
    builds_when: Callable[[Content], bool]
    lists: str | None = None  # the kind whose pages the navigation lists under the family's own page


def _has(attribute: str, at_least: int = 1) -> Callable[[Content], bool]:
    return lambda content: len(getattr(content, attribute)) >= at_least


def _comparable(content: Content) -> bool:
    return len(content.technologies) >= 2 and len(content.dimensions) >= 1


def _has_points(content: Content) -> bool:
    return any(t.strengths or t.weaknesses for t in content.technologies.values())


def _has_guide(content: Content) -> bool:
    return bool(content.guide_questions) and sum(t.in_guide for t in content.rated_technologies()) >= 2


FAMILIES: tuple[Family, ...] = (
    Family(
        "technologies",
        "Technologies",
        "Technologies",
        10,
        "technologies/index.md",
        _has("technologies"),
        lists="technology",
    ),
    Family("compare", "Matrix", "Compare", 20, "compare/index.md", _comparable),
    Family("pros-and-cons", "Strengths and weaknesses", "Compare", 21, "pros-and-cons.md", _has_points),
    Family("guide", "Which should I use?", "Compare", 22, "guide.md", _has_guide),
    Family(
        "industries",
        "Industries",
        "Industries",
        30,
        "industries/index.md",
        _has("industries"),
        lists="industry",
    ),
    Family("glossary", "Glossary", "Glossary", 40, "glossary.md", _has("definitions")),
    Family("faq", "FAQ", "FAQ", 50, "faq/index.md", _has("faqs")),
    Family("sources", "Sources", "Sources", 60, "sources.md", _has("sources")),
    Family(
        "reference", "Field reference", "Contributing", 90, "contributing/fields.md", lambda content: True
    ),
)
FAMILY_BY_NAME = {family.name: family for family in FAMILIES}


def built_families(content: Content, settings: Settings) -> frozenset[str]:
    """The families this site builds for this content."""
    return frozenset(
        family.name
        for family in FAMILIES
        if settings.family(family.name).enabled and family.builds_when(content)
    )


def family_label(family: Family, settings: Settings) -> str:
    return settings.family(family.name).label or family.label
