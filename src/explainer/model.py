"""The content model: one strict, frozen pydantic model per entity, and `Content`, the whole corpus.

Every model forbids unknown fields and refuses type coercion, so what a
contributor wrote is what the site shows. Plain-text fields (names, titles,
questions, summaries) are single lines; Markdown fields follow the restricted
grammar that `explainer.markdown` checks. Limits are named constants because
contributors meet them in error messages and in CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from explainer.source import Document

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ID_CHARS = 80
MAX_NAME_CHARS = 80
MAX_SUMMARY_CHARS = 300
MAX_SHORT_DEFINITION_CHARS = 200
MAX_QUESTION_CHARS = 200
MAX_POINT_CHARS = 800
MAX_MARKDOWN_CHARS = 6000
MAX_LIST_ITEMS = 60

_ID = re.compile(ID_PATTERN)


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "id_format",
            "'{value}' is not a valid id: use lowercase ASCII letters, digits and single hyphens",
            {"value": value},
        )
    return value


def _check_plain_text(value: str) -> str:
    if value != value.strip():
        raise PydanticCustomError("text_whitespace", "starts or ends with spaces; remove them")
    if "\n" in value:
        raise PydanticCustomError(
            "text_multiline",
            "must be a single line of plain text",
        )
    return value


def _check_question(value: str) -> str:
    if not value.endswith("?"):
        raise PydanticCustomError("question_mark", "a question must end with '?'")
    return value


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_invalid", "'{value}' is not a real calendar date", {"value": value}
            ) from None
    raise PydanticCustomError("date_format", "expected a date written as YYYY-MM-DD")


def _check_rating_value(value: Any) -> str | list[str]:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return list(value)
    raise PydanticCustomError("rating_value", "expected a level name, a short text, or a list of short texts")


class MarkdownText:
    """Marks a text field as restricted Markdown (see `explainer.markdown`), not plain text."""

    def __repr__(self) -> str:
        return "MARKDOWN"


MARKDOWN = MarkdownText()
_PLAIN = AfterValidator(_check_plain_text)
_MARKDOWN_SCHEMA = {"format": "markdown"}

Id = Annotated[
    str,
    Field(max_length=MAX_ID_CHARS, json_schema_extra={"pattern": ID_PATTERN}),
    AfterValidator(_check_id),
]
# Plain text: one line, no surrounding spaces, escaped wherever it is shown.
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS), _PLAIN]
Title = Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY_CHARS), _PLAIN]
Summary = Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY_CHARS), _PLAIN]
ShortName = Annotated[str, Field(min_length=1, max_length=24), _PLAIN]
Abbreviation = Annotated[str, Field(min_length=1, max_length=16), _PLAIN]
PointTitle = Annotated[str, Field(min_length=1, max_length=100), _PLAIN]
LevelLabel = Annotated[str, Field(min_length=1, max_length=40), _PLAIN]
ShortDefinition = Annotated[str, Field(min_length=1, max_length=MAX_SHORT_DEFINITION_CHARS), _PLAIN]
# Restricted Markdown (see explainer.markdown), checked by lint rules E4xx.
Markdown = Annotated[
    str,
    Field(min_length=1, max_length=MAX_MARKDOWN_CHARS, json_schema_extra=_MARKDOWN_SCHEMA),
    MARKDOWN,
]
PointMarkdown = Annotated[
    str,
    Field(min_length=1, max_length=MAX_POINT_CHARS, json_schema_extra=_MARKDOWN_SCHEMA),
    MARKDOWN,
]
Question = Annotated[
    str,
    Field(min_length=3, max_length=MAX_QUESTION_CHARS),
    AfterValidator(_check_plain_text),
    AfterValidator(_check_question),
]
Url = Annotated[str, Field(min_length=9, max_length=500, json_schema_extra={"format": "uri"})]
IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]
RatingValue = Annotated[
    str | list[str],
    PlainValidator(_check_rating_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            ]
        }
    ),
]
Ids = Annotated[list[Id], Field(max_length=MAX_LIST_ITEMS)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Entity(Model):
    """Fields every entity has. `id` may be omitted in YAML: it is the file name."""

    entity_kind: ClassVar[str]
    id: Id = Field(description="Optional in the file; when given it must equal the file name.")


# -- sources ------------------------------------------------------------------------------


SourceKind = Literal[
    "paper", "book", "documentation", "report", "standard", "legislation", "article", "website"
]


class Source(Entity):
    """A work the content cites: a paper, official documentation, a report, a law."""

    entity_kind: ClassVar[str] = "source"
    title: Title = Field(description="The work's title, as published.")
    authors: Annotated[
        list[Name],
        Field(
            description="People or organizations, first author first; end with 'and others' for long lists.",
            min_length=1,
            max_length=MAX_LIST_ITEMS,
        ),
    ]
    publisher: Name | None = Field(
        default=None, description="Journal, conference, publisher or issuing body."
    )
    year: Annotated[
        int, Field(description="Year of publication (of the version the URL points at).", ge=1800, le=2100)
    ]
    url: Url = Field(
        description="https address of the work (arXiv abstract page, DOI link or official page)."
    )
    kind: SourceKind = Field(description="What sort of work it is.")
    cite_as: ShortName | None = Field(
        default=None,
        description="How citations name it, e.g. 'NIST 2023'; "
        "by default the first author's surname and the year.",
    )
    note: Summary | None = Field(
        default=None, description="One line on what the work is known for; shown in the bibliography."
    )


# -- technologies ---------------------------------------------------------------------------


RelationKind = Literal["is-a", "part-of", "uses", "overlaps", "contrasts-with"]
# Kinds that read the same from either side: declared by both technologies, they are said once.
SYMMETRIC_RELATIONS = frozenset({"overlaps", "contrasts-with"})


class Relation(Model):
    """How this technology stands to another one."""

    kind: RelationKind = Field(
        description="is-a: a kind of the target; part-of: a component of it; uses: builds on it; "
        "overlaps: shares ground; contrasts-with: usually set against it."
    )
    target: Id = Field(description="Id of the other technology.")
    note: Summary | None = Field(default=None, description="One line saying how, shown on the page.")


class Modalities(Model):
    """Kinds of data a technology takes in and gives out (text, image, audio …)."""

    input: Annotated[
        list[Id],
        Field(
            description="Kinds of data it takes in, as ids (text, image, audio …).",
            min_length=1,
            max_length=20,
        ),
    ]
    output: Annotated[
        list[Id], Field(description="Kinds of data it produces, as ids.", min_length=1, max_length=20)
    ]


class Example(Model):
    """A well-known, real instance of the technology."""

    name: Name = Field(description="A real, well-known instance.")
    note: Summary | None = Field(default=None, description="One line on what it is.")


class Point(Model):
    """A strength or a weakness: a short title, one or two sentences, sources for claims."""

    title: PointTitle = Field(description="The strength or weakness in a few words.")
    detail: PointMarkdown = Field(description="One or two sentences of explanation.")
    sources: Ids = Field(default=[], description="Ids of sources that support the claim.")


class Rating(Model):
    """One cell of the comparison matrix: a value allowed by the dimension, and why."""

    value: RatingValue = Field(
        description="A level id (scale), yes/partly/no (yes-no), a short phrase (text) or a list (list)."
    )
    note: PointMarkdown = Field(
        description="Why this value: one or two sentences, shown under 'Why' in the matrix."
    )
    sources: Ids = Field(default=[], description="Ids of sources that support the rating.")


class Technology(Entity):
    """A thing being compared: a column of the matrix and a page of its own."""

    entity_kind: ClassVar[str] = "technology"
    name: Name = Field(description="Display name, in sentence case.")
    short_name: ShortName | None = Field(
        default=None, description="Abbreviation used in table headers and links, e.g. LLM."
    )
    aliases: Annotated[
        list[Name],
        Field(
            description="Other names readers search for; the FAQ filter treats them as synonyms.",
            max_length=20,
        ),
    ] = []
    summary: Summary = Field(description="One plain sentence: what it is. Used as the page description.")
    description: Markdown = Field(description="What it is and where it sits among the others.")
    how_it_works: Markdown = Field(description="How it works, for a newcomer.")
    relations: Annotated[
        list[Relation],
        Field(
            description="How it relates to the other technologies; 'is-a' nests it in the diagram.",
            max_length=20,
        ),
    ] = []
    modalities: Modalities | None = Field(default=None, description="Kinds of data in and out.")
    examples: Annotated[
        list[Example], Field(description="Three or more well-known, real instances.", max_length=20)
    ] = []
    strengths: Annotated[list[Point], Field(description="What it does well.", min_length=1, max_length=20)]
    weaknesses: Annotated[
        list[Point], Field(description="Where it falls short.", min_length=1, max_length=20)
    ]
    ratings: dict[Id, Rating] = Field(
        description="One rating per dimension id: every dimension must be rated."
    )
    sources: Ids = Field(default=[], description="Ids of the works that introduce or define it.")
    order: Annotated[int, Field(description="Column order in the matrix (lower first).", ge=0, le=10_000)] = (
        100
    )
    reviewed: IsoDate = Field(description="Date the entry was last checked, YYYY-MM-DD.")

    @property
    def names(self) -> list[str]:
        """Every way readers write it: name, short name, aliases."""
        return [self.name, *([self.short_name] if self.short_name else []), *self.aliases]


# -- dimensions -----------------------------------------------------------------------------


DimensionKind = Literal["scale", "yes-no", "text", "list"]
YES_NO_VALUES = ("yes", "partly", "no")
MAX_TEXT_VALUE_CHARS = 60


class Level(Model):
    """A named value of a dimension: a step of a scale, or an item a list may use."""

    id: Id = Field(description="Id used as a rating value.")
    label: LevelLabel = Field(description="How the level reads.")
    description: Summary | None = Field(default=None, description="What the level means.")


class Dimension(Entity):
    """A row of the comparison matrix: one question every technology answers."""

    entity_kind: ClassVar[str] = "dimension"
    name: Name = Field(description="Row name in the matrix.")
    question: Question = Field(description="The question every technology answers, ending with '?'.")
    description: Markdown = Field(description="What the dimension means and how to read it.")
    kind: DimensionKind = Field(
        description="scale: one of `levels` (low to high); yes-no: yes, partly or no; "
        "text: a short phrase; list: several short phrases (from `levels` when given)."
    )
    levels: Annotated[
        list[Level],
        Field(
            description="Allowed values: required for scales (low to high), optional vocabulary for lists.",
            max_length=12,
        ),
    ] = []
    group: Name = Field(description="Rows with the same group are shown together.")
    order: Annotated[int, Field(description="Row order (lower first).", ge=0, le=10_000)] = 100
    reviewed: IsoDate = Field(description="Date the entry was last checked, YYYY-MM-DD.")


# -- glossary -------------------------------------------------------------------------------


class Definition(Entity):
    """A glossary term: a one-line meaning for tooltips and a fuller explanation."""

    entity_kind: ClassVar[str] = "definition"
    term: Name = Field(description="The term, singular, in sentence case (or as an acronym).")
    abbreviation: Abbreviation | None = Field(
        default=None, description="The usual abbreviation, matched case-sensitively for tooltips."
    )
    aliases: Annotated[
        list[Name],
        Field(
            description="Other spellings and names; each links to this term and works as a search synonym.",
            max_length=20,
        ),
    ] = []
    short: ShortDefinition = Field(description="One self-contained plain sentence, shown as the tooltip.")
    body: Markdown = Field(description="A fuller explanation, with an example where it helps.")
    see_also: Ids = Field(default=[], description="Ids of related terms.")
    technology: Id | None = Field(
        default=None, description="Id of the technology page this term names, if any."
    )
    sources: Ids = Field(default=[], description="Ids of sources that support the explanation.")
    reviewed: IsoDate = Field(description="Date the entry was last checked, YYYY-MM-DD.")

    @property
    def names(self) -> list[str]:
        """Every way the term is written: term, abbreviation, aliases."""
        return [self.term, *([self.abbreviation] if self.abbreviation else []), *self.aliases]


# -- industries and use cases ------------------------------------------------------------


class Industry(Entity):
    """A field of work where the technologies are applied."""

    entity_kind: ClassVar[str] = "industry"
    name: Name = Field(description="Industry name.")
    icon: (
        Annotated[
            str,
            Field(
                description="A Material icon, e.g. material/hospital-box.",
                pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
                max_length=80,
            ),
        ]
        | None
    ) = None
    summary: Summary = Field(description="One plain sentence about how the industry uses these technologies.")
    description: Markdown | None = Field(default=None, description="A paragraph of context.")
    order: Annotated[
        int, Field(description="Order on the industries page (lower first).", ge=0, le=10_000)
    ] = 100
    reviewed: IsoDate = Field(description="Date the entry was last checked, YYYY-MM-DD.")


class UseCase(Entity):
    """One application in one industry, and the technologies it relies on."""

    entity_kind: ClassVar[str] = "use-case"
    title: Name = Field(description="What is done, in a few words.")
    industry: Id = Field(description="Id of the industry.")
    technologies: Annotated[
        list[Id],
        Field(
            description="Ids of the technologies doing the work, most important first.",
            min_length=1,
            max_length=10,
        ),
    ]
    summary: Summary = Field(description="One plain sentence.")
    description: Markdown = Field(description="What is done, with which technology, and why that one fits.")
    example: Markdown = Field(
        description="A concrete, realistic scenario (hypothetical people and companies)."
    )
    benefits: Annotated[
        list[PointMarkdown],
        Field(description="What it gains, one sentence each.", min_length=1, max_length=12),
    ]
    risks: Annotated[
        list[PointMarkdown],
        Field(description="What can go wrong, one sentence each.", min_length=1, max_length=12),
    ]
    sources: Ids = Field(default=[], description="Ids of sources that support claims made here.")
    reviewed: IsoDate = Field(description="Date the entry was last checked, YYYY-MM-DD.")


# -- FAQ ----------------------------------------------------------------------------------


class Topic(Entity):
    """A group of FAQ questions, in the order readers meet them."""

    entity_kind: ClassVar[str] = "topic"
    name: Name = Field(description="Heading on the FAQ page.")
    summary: Summary | None = Field(default=None, description="One line under the heading.")
    order: Annotated[int, Field(description="Order on the FAQ page.", ge=0, le=10_000)] = 100


class Faq(Entity):
    """A question readers ask, answered directly in the first sentence."""

    entity_kind: ClassVar[str] = "faq"
    question: Question = Field(description="The question as readers ask it, ending with '?'.")
    answer: Markdown = Field(description="60 to 250 words; the first sentence answers directly.")
    topics: Annotated[
        list[Id],
        Field(
            description="Ids of one or two topics; the first decides where it is listed.",
            min_length=1,
            max_length=5,
        ),
    ]
    technologies: Ids = Field(
        default=[], description="Ids of the technologies it is about; lists it on their pages and pair pages."
    )
    related: Ids = Field(default=[], description="Ids of two to four related questions.")
    sources: Ids = Field(default=[], description="Ids of sources that support the answer.")
    order: Annotated[int, Field(description="Order within its topic (lower first).", ge=0, le=10_000)] = 100
    reviewed: IsoDate = Field(description="Date the entry was last checked, YYYY-MM-DD.")


# -- the registry of kinds ---------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """How an entity kind is stored (folder), referred to (scheme) and modelled."""

    name: str
    folder: str
    scheme: str
    model: type[Entity]
    label: str


KINDS: tuple[Kind, ...] = (
    Kind("technology", "technologies", "tech", Technology, "technology"),
    Kind("dimension", "dimensions", "dimension", Dimension, "dimension"),
    Kind("definition", "definitions", "term", Definition, "glossary term"),
    Kind("industry", "industries", "industry", Industry, "industry"),
    Kind("use-case", "use-cases", "use-case", UseCase, "use case"),
    Kind("topic", "topics", "topic", Topic, "FAQ topic"),
    Kind("faq", "faq", "faq", Faq, "FAQ entry"),
    Kind("source", "sources", "source", Source, "source"),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
KIND_BY_FOLDER = {kind.folder: kind for kind in KINDS}
KIND_BY_SCHEME = {kind.scheme: kind for kind in KINDS}


# -- the corpus -----------------------------------------------------------------------------


def _ordered(entities: Mapping[str, Entity], key: Any) -> dict[str, Any]:
    return {e.id: e for e in sorted(entities.values(), key=key)}


@dataclass(frozen=True)
class Content:
    """The whole validated corpus, each kind in display order, with where each entity came from."""

    technologies: dict[str, Technology] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    definitions: dict[str, Definition] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    use_cases: dict[str, UseCase] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    faqs: dict[str, Faq] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    documents: dict[tuple[str, str], Document] = field(default_factory=dict, repr=False)
    # Ids of files that exist but could not be read or validated: references to
    # them are not reported again as unknown.
    broken: frozenset[tuple[str, str]] = frozenset()
    # Files whose id repeats one already read (`x.yaml` beside `x.yml`): lint reports them.
    shadowed: tuple[Document, ...] = ()

    @classmethod
    def from_entities(
        cls,
        entities: list[Entity],
        documents: dict[tuple[str, str], Document],
        broken: frozenset[tuple[str, str]] = frozenset(),
        shadowed: tuple[Document, ...] = (),
    ) -> Content:
        by_kind: dict[str, dict[str, Any]] = {kind.name: {} for kind in KINDS}
        for entity in entities:
            by_kind[entity.entity_kind].setdefault(entity.id, entity)
        return cls(
            technologies=_ordered(by_kind["technology"], lambda t: (t.order, t.name.casefold(), t.id)),
            dimensions=_ordered(by_kind["dimension"], lambda d: (d.order, d.name.casefold(), d.id)),
            definitions=_ordered(by_kind["definition"], lambda d: (d.term.casefold(), d.id)),
            industries=_ordered(by_kind["industry"], lambda i: (i.order, i.name.casefold(), i.id)),
            use_cases=_ordered(by_kind["use-case"], lambda u: (u.title.casefold(), u.id)),
            topics=_ordered(by_kind["topic"], lambda t: (t.order, t.name.casefold(), t.id)),
            faqs=_ordered(by_kind["faq"], lambda f: (f.order, f.question.casefold(), f.id)),
            sources=_ordered(by_kind["source"], lambda s: (s.authors[0].casefold(), s.year, s.id)),
            documents=documents,
            broken=broken,
            shadowed=shadowed,
        )

    def of_kind(self, kind: str) -> dict[str, Entity]:
        return {
            "technology": self.technologies,
            "dimension": self.dimensions,
            "definition": self.definitions,
            "industry": self.industries,
            "use-case": self.use_cases,
            "topic": self.topics,
            "faq": self.faqs,
            "source": self.sources,
        }[kind]  # type: ignore[return-value]

    def entities(self) -> Iterator[Entity]:
        for kind in KINDS:
            yield from self.of_kind(kind.name).values()

    def ids(self, kind: str) -> set[str]:
        """Ids that exist for `kind`, counting files that failed to validate."""
        return set(self.of_kind(kind)) | {i for k, i in self.broken if k == kind}

    def document(self, entity: Entity) -> Document | None:
        return self.documents.get((entity.entity_kind, entity.id))

    def use_cases_for_technology(self, technology_id: str) -> list[UseCase]:
        return [u for u in self.use_cases.values() if technology_id in u.technologies]

    def use_cases_in_industry(self, industry_id: str) -> list[UseCase]:
        return [u for u in self.use_cases.values() if u.industry == industry_id]

    def faqs_about(self, technology_id: str) -> list[Faq]:
        return [f for f in self.faqs.values() if technology_id in f.technologies]

    def faqs_in_topic(self, topic_id: str) -> list[Faq]:
        return [f for f in self.faqs.values() if topic_id in f.topics]


# -- walking text fields ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextField:
    """One string in an entity: where it is (`loc`, as in the YAML), and whether it is Markdown."""

    loc: tuple[str | int, ...]
    text: str
    markdown: bool


def _has_marker(annotation: Any) -> bool:
    if annotation is MARKDOWN:
        return True
    args = get_args(annotation)
    return any(_has_marker(arg) for arg in args) if args else False


def text_fields(entity: BaseModel) -> Iterator[TextField]:
    """Every string an entity holds, Markdown or plain, with its location in the file."""
    yield from _walk(entity, (), markdown=False)


def _walk(value: Any, loc: tuple[str | int, ...], *, markdown: bool) -> Iterator[TextField]:
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            marked = MARKDOWN in info.metadata or _has_marker(info.annotation)
            yield from _walk(getattr(value, name), (*loc, name), markdown=marked)
    elif isinstance(value, str):
        yield TextField(loc, value, markdown)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*loc, index), markdown=markdown)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield TextField((*loc, key), key, False)
            yield from _walk(item, (*loc, key), markdown=markdown)
