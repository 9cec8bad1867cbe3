"""The registry of entity kinds: one row per kind, and every per-kind table derived from it.

A new kind is a model class in `explainer.model`, one `Kind` row here and, if
it has pages of its own, a renderer in `explainer.render`. Folders, link
schemes, `Content` attributes, display order, page paths, titles, schema names
and the CLI's help all come from these rows; tests fail when a row is
incomplete or when something else keeps its own table of kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from explainer.model import (
    Definition,
    Dimension,
    Entity,
    Faq,
    GuideQuestion,
    Industry,
    Source,
    Technology,
    Topic,
    UseCase,
)


@dataclass(frozen=True)
class Kind:
    """Everything the pipeline needs to know about one kind of entity."""

    name: str  # as written in messages and `explainer new KIND`
    folder: str  # content/<folder>/<id>.yaml
    scheme: str  # cross-references in Markdown: [text](<scheme>:<id>)
    model: type[Entity]
    label: str  # "glossary term": how messages name one
    attribute: str  # Content.<attribute>: the entities of this kind, in display order
    title_field: str  # the field that names an entity of this kind on pages and in messages
    sort_key: Callable[[Any], tuple[Any, ...]]
    page: str  # where an entity is shown: a page path, `{id}` filled in, maybe with a #fragment
    family: str  # the page family whose pages show it (see explainer.render.families)
    help: str  # one line for `explainer new --help` and the field reference

    @property
    def schema_name(self) -> str:
        return f"{self.name}.json"

    def title(self, entity: Entity) -> str:
        return str(getattr(entity, self.title_field))

    def path(self, entity_id: str) -> str:
        """The page (and fragment, for entities on a shared page) that shows an entity."""
        return self.page.format(id=entity_id)


def _named(attribute: str) -> Callable[[Any], tuple[Any, ...]]:
    """Sort by `order` when the model has one, then by the title, case-folded, then by id."""

    def key(entity: Any) -> tuple[Any, ...]:
        return (getattr(entity, "order", 0), str(getattr(entity, attribute)).casefold(), entity.id)

    return key


KINDS: tuple[Kind, ...] = (
    Kind("technology", "technologies", "tech", Technology, "technology", "technologies", "name",
         _named("name"), "technologies/{id}.md", "technologies",
         "a thing being compared: a column of the matrix and a page of its own"),
    Kind("dimension", "dimensions", "dimension", Dimension, "dimension", "dimensions", "name",
         _named("name"), "compare/index.md#{id}", "compare",
         "a row of the comparison matrix: one question every technology answers"),
    Kind("definition", "definitions", "term", Definition, "glossary term", "definitions", "term",
         _named("term"), "glossary.md#{id}", "glossary",
         "a glossary term, with a one-line meaning shown as a tooltip wherever the term appears"),
    Kind("industry", "industries", "industry", Industry, "industry", "industries", "name",
         _named("name"), "industries/{id}.md", "industries",
         "a field of work where the technologies are used"),
    Kind("use-case", "use-cases", "use-case", UseCase, "use case", "use_cases", "title",
         _named("title"), "use-cases/{id}.md", "industries",
         "one application in one industry, and the technologies that do the work"),
    Kind("topic", "topics", "topic", Topic, "FAQ topic", "topics", "name",
         _named("name"), "faq/index.md#{id}", "faq",
         "a group of FAQ questions"),
    Kind("faq", "faq", "faq", Faq, "FAQ entry", "faqs", "question",
         _named("question"), "faq/{id}.md", "faq",
         "a question readers ask, answered directly in its first sentence"),
    Kind("guide-question", "guide", "guide", GuideQuestion, "guide question", "guide_questions", "question",
         _named("question"), "guide.md#{id}", "guide",
         "a question of the decision guide, and how each answer maps to dimension ratings"),
    Kind("source", "sources", "source", Source, "source", "sources", "title",
         lambda s: (s.authors[0].casefold(), s.year, s.id), "sources.md#{id}", "sources",
         "a work the content cites: a paper, official documentation, a report, a law"),
)  # fmt: skip
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
KIND_BY_FOLDER = {kind.folder: kind for kind in KINDS}
KIND_BY_SCHEME = {kind.scheme: kind for kind in KINDS}
KIND_BY_ATTRIBUTE = {kind.attribute: kind for kind in KINDS}
KIND_OF_MODEL = {kind.model: kind for kind in KINDS}
XREF_SCHEMES = tuple(kind.scheme for kind in KINDS)


def kind_of(entity: Entity) -> Kind:
    return KIND_BY_NAME[entity.entity_kind]


def title_of(entity: Entity) -> str:
    """How pages and messages name an entity: its name, term, title or question."""
    return kind_of(entity).title(entity)
