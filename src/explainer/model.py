"""The content model: one strict, frozen pydantic model per entity kind.

Every model forbids unknown fields and refuses type coercion, so what a
contributor wrote is what the site shows. Plain-text fields (names, titles,
questions, summaries) are single lines; Markdown fields follow the restricted
grammar that `explainer.markdown` checks. Fields that name other entities
carry a `Ref` marker, so references, schemas and lint rules are derived from
the models rather than from tables kept beside them. Limits are named
constants because contributors meet them in error messages and in the field
reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

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

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ID_CHARS = 80
MAX_NAME_CHARS = 80
MAX_SUMMARY_CHARS = 300
MAX_SHORT_DEFINITION_CHARS = 300
MAX_QUESTION_CHARS = 200
MAX_POINT_CHARS = 800
MAX_MARKDOWN_CHARS = 8000
MAX_LIST_ITEMS = 60
MAX_LEVELS = 200
MAX_TEXT_VALUE_CHARS = 60
# A rating value every dimension accepts: the cell is shown as "Not assessed", never as a level.
NOT_ASSESSED = "not-assessed"
YES_NO_VALUES = ("yes", "partly", "no")
# The placeholder `explainer new` writes: TODO in text, `todo` where an id is expected.
PLACEHOLDER = "TODO"
PLACEHOLDER_ID = "todo"

_ID = re.compile(ID_PATTERN)


# -- markers: what a field means, read by lint, references, schemas and scaffolds -----------


@dataclass(frozen=True)
class MarkdownText:
    """Marks a text field as restricted Markdown (see `explainer.markdown`), not plain text.

    `headings` allows `##`–`######` headings (long prose such as a glossary body).
    """

    headings: bool = False


@dataclass(frozen=True)
class Ref:
    """Marks an id field (or a list of ids) as naming an entity of `kind`."""

    kind: str


@dataclass(frozen=True)
class RefKeys:
    """Marks a mapping whose keys are ids of `kind` (a technology's `ratings` by dimension)."""

    kind: str


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
        raise PydanticCustomError("text_multiline", "must be a single line of plain text")
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
    if (
        isinstance(value, list)
        and value
        and len(value) <= MAX_LEVELS
        and all(isinstance(v, str) and v for v in value)
    ):
        return list(value)
    raise PydanticCustomError("rating_value", "expected a level id, a short text, or a list of short texts")


_PLAIN = AfterValidator(_check_plain_text)
_MARKDOWN_SCHEMA = {"format": "markdown"}
# JSON Schema patterns mirror the validators, so editors flag what `check` would.
_SINGLE_LINE = r"^\S(?:.*\S)?$"

Id = Annotated[
    str,
    Field(max_length=MAX_ID_CHARS, json_schema_extra={"pattern": ID_PATTERN}),
    AfterValidator(_check_id),
]


_ONE_LINE = {"pattern": _SINGLE_LINE}
# Plain text: one line, no surrounding spaces, escaped wherever it is shown.
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS, json_schema_extra=_ONE_LINE), _PLAIN]
Title = Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY_CHARS, json_schema_extra=_ONE_LINE), _PLAIN]
Summary = Annotated[
    str, Field(min_length=1, max_length=MAX_SUMMARY_CHARS, json_schema_extra=_ONE_LINE), _PLAIN
]
ShortName = Annotated[str, Field(min_length=1, max_length=24, json_schema_extra=_ONE_LINE), _PLAIN]
Abbreviation = Annotated[str, Field(min_length=1, max_length=16, json_schema_extra=_ONE_LINE), _PLAIN]
PointTitle = Annotated[str, Field(min_length=1, max_length=100, json_schema_extra=_ONE_LINE), _PLAIN]
LevelLabel = Annotated[str, Field(min_length=1, max_length=40, json_schema_extra=_ONE_LINE), _PLAIN]
ShortDefinition = Annotated[
    str, Field(min_length=1, max_length=MAX_SHORT_DEFINITION_CHARS, json_schema_extra=_ONE_LINE), _PLAIN
]
Phrasing = Annotated[
    str, Field(min_length=3, max_length=MAX_QUESTION_CHARS, json_schema_extra=_ONE_LINE), _PLAIN
]
# Restricted Markdown (see explainer.markdown), checked by lint rules E4xx.
Markdown = Annotated[
    str,
    Field(min_length=1, max_length=MAX_MARKDOWN_CHARS, json_schema_extra=_MARKDOWN_SCHEMA),
    MarkdownText(),
]
LongMarkdown = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_MARKDOWN_CHARS,
        json_schema_extra={**_MARKDOWN_SCHEMA, "x-headings": True},
    ),
    MarkdownText(headings=True),
]
PointMarkdown = Annotated[
    str,
    Field(min_length=1, max_length=MAX_POINT_CHARS, json_schema_extra=_MARKDOWN_SCHEMA),
    MarkdownText(),
]
Question = Annotated[
    str,
    Field(
        min_length=3,
        max_length=MAX_QUESTION_CHARS,
        json_schema_extra={"pattern": r"^\S(?:.*\S)?\?$"},
    ),
    AfterValidator(_check_plain_text),
    AfterValidator(_check_question),
]
Url = Annotated[
    str,
    Field(
        min_length=9,
        max_length=500,
        json_schema_extra={"format": "uri", "pattern": r"^https://[^\s@/?#]+\.[^\s@/?#]+(?:[/?#]\S*)?$"},
    ),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
RatingValue = Annotated[
    str | list[str],
    PlainValidator(_check_rating_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "minItems": 1,
                    "maxItems": MAX_LEVELS,
                },
            ]
        }
    ),
]


# Lists of ids, each naming an entity of one kind.
SourceIds = Annotated[list[Id], Field(max_length=MAX_LIST_ITEMS), Ref("source")]
TechnologyIds = Annotated[list[Id], Field(max_length=MAX_LIST_ITEMS), Ref("technology")]
DefinitionIds = Annotated[list[Id], Field(max_length=MAX_LIST_ITEMS), Ref("definition")]
FaqIds = Annotated[list[Id], Field(max_length=8), Ref("faq")]
TopicIds = Annotated[list[Id], Field(min_length=1, max_length=2), Ref("topic")]
TechnologyId = Annotated[Id, Ref("technology")]
IndustryId = Annotated[Id, Ref("industry")]
DimensionId = Annotated[Id, Ref("dimension")]


Evidence = Literal["measured", "documented", "editorial"]
EVIDENCE_DESCRIPTION = (
    "How the claim is known: measured (a study or benchmark reports it), documented (the maker's "
    "documentation or a standard says so) or editorial (the authors' judgement, reasoned in the text). "
    "measured and documented need a source."
)


class Model(BaseModel):
    # Built on first validation, not at import: a repeat check validates only what changed.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Entity(Model):
    """Fields every entity has. `id` may be omitted in YAML: it is the file name."""

    entity_kind: ClassVar[str]
    id: Id = Field(description="Optional in the file; when given it must equal the file name.")


# -- sources ------------------------------------------------------------------------------


SourceKind = Literal[
    "paper", "book", "documentation", "report", "standard", "legislation", "article", "website", "dataset"
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
        description="https address of the work (a DOI link, a preprint page or an official page)."
    )
    kind: SourceKind = Field(description="What sort of work it is.")
    cite_as: ShortName | None = Field(
        default=None,
        description="How citations name it, for example an organization and a year; "
        "by default the first author's surname and the year.",
    )
    note: Summary | None = Field(
        default=None, description="One line on what the work is known for; shown in the bibliography."
    )


# -- technologies ---------------------------------------------------------------------------


RelationKind = Literal["is-a", "part-of", "uses", "overlaps", "contrasts-with"]
# Kinds that read the same from either side: declared by both technologies, they are said once.
SYMMETRIC_RELATIONS = frozenset({"overlaps", "contrasts-with"})
# How each relation reads, from its own side ("A is a kind of B") and from the target's side.
RELATION_PHRASES = {
    "is-a": "is a kind of",
    "part-of": "is part of",
    "uses": "uses",
    "overlaps": "overlaps with",
    "contrasts-with": "contrasts with",
}
# The relation as a sentence about the two (symmetric ones name both as the subject), for a subject
# named in the singular ("Sharding splits …") and in the plural ("Document databases store …").
RELATION_SENTENCES = {
    "is-a": ("{a} is a kind of {b}", "{a} are a kind of {b}"),
    "part-of": ("{a} is part of {b}", "{a} are part of {b}"),
    "uses": ("{a} uses {b}", "{a} use {b}"),
    "overlaps": ("{a} and {b} overlap", "{a} and {b} overlap"),
    "contrasts-with": ("{a} and {b} are often contrasted", "{a} and {b} are often contrasted"),
}
INCOMING_RELATION_PHRASES = {
    "is-a": "includes",
    "part-of": "contains",
    "uses": "is used by",
    "overlaps": "overlaps with",
    "contrasts-with": "contrasts with",
}


class Relation(Model):
    """How this technology stands to another one."""

    kind: RelationKind = Field(
        description="is-a: a kind of the target; part-of: a component of it; uses: builds on it; "
        "overlaps: shares ground; contrasts-with: usually set against it."
    )
    target: TechnologyId = Field(description="Id of the other technology.")
    note: Summary | None = Field(default=None, description="One line saying how, shown on the page.")


class Example(Model):
    """A well-known, real instance of the technology."""

    name: Name = Field(description="A real, well-known instance.")
    aliases: Annotated[
        list[Name],
        Field(
            description="Other names readers type for it ('Postgres' for 'PostgreSQL'); like its name, "
            "each leads search to this technology. Its name without the version it ends with ('SQL "
            "Server' for 'SQL Server 2022') does so already.",
            max_length=5,
        ),
    ] = []
    note: Summary | None = Field(default=None, description="One line on what it is.")


class Point(Model):
    """A strength or a weakness: a short title, one or two sentences, sources for claims."""

    title: PointTitle = Field(description="The strength or weakness in a few words.")
    detail: PointMarkdown = Field(description="One or two sentences of explanation.")
    sources: SourceIds = Field(default=[], description="Ids of sources that support the claim.")
    evidence: Evidence | None = Field(default=None, description=EVIDENCE_DESCRIPTION)


class Rating(Model):
    """One cell of the comparison matrix: a value allowed by the dimension, and why."""

    value: RatingValue = Field(
        description="A level id (scale), yes/partly/no (yes-no), a short phrase (text), a list (list), "
        f"or {NOT_ASSESSED} when nobody has assessed it."
    )
    note: PointMarkdown | None = Field(
        default=None, description="Why this value: one or two sentences, shown under 'Why' in the matrix."
    )
    sources: SourceIds = Field(default=[], description="Ids of sources that support the rating.")
    evidence: Evidence | None = Field(default=None, description=EVIDENCE_DESCRIPTION)


class Technology(Entity):
    """A thing being compared: a column of the matrix and a page of its own."""

    entity_kind: ClassVar[str] = "technology"
    name: Name = Field(description="Display name, in sentence case.")
    short_name: ShortName | None = Field(
        default=None, description="Abbreviation used in table headers and links."
    )
    aliases: Annotated[
        list[Name],
        Field(
            description="Other names readers search for; the FAQ filter treats them as synonyms.",
            max_length=20,
        ),
    ] = []
    summary: Summary = Field(description="One plain sentence: what it is. Used as the page description.")
    umbrella: bool = Field(
        default=False,
        description="true for a family that other technologies are kinds of (is-a). An umbrella is not "
        "rated by hand: its matrix cells show the range across its members.",
    )
    in_guide: bool = Field(
        default=True,
        description="false leaves it out of the decision guide: a part or an architecture that readers "
        "do not pick on its own.",
    )
    description: LongMarkdown | None = Field(
        default=None, description="What it is and where it sits among the others."
    )
    how_it_works: LongMarkdown | None = Field(default=None, description="How it works, for a newcomer.")
    relations: Annotated[
        list[Relation],
        Field(
            description="How it relates to the other technologies; 'is-a' nests it in the diagram.",
            max_length=40,
        ),
    ] = []
    examples: Annotated[
        list[Example],
        Field(
            description="Well-known, real instances. Unless the technology is an umbrella, site search and "
            "the FAQ filter read each name as leading to this technology (one way: 'PostgreSQL' finds "
            "what is written about relational databases; 'relational database' does not expand to "
            "'PostgreSQL').",
            max_length=30,
        ),
    ] = []
    strengths: Annotated[list[Point], Field(description="What it does well.", max_length=30)] = []
    weaknesses: Annotated[list[Point], Field(description="Where it falls short.", max_length=30)] = []
    ratings: Annotated[dict[Id, Rating], RefKeys("dimension")] = Field(
        default={},
        description="One rating per dimension id: every dimension must be rated (umbrellas excepted).",
    )
    sources: SourceIds = Field(default=[], description="Ids of the works that introduce or define it.")
    order: Annotated[int, Field(description="Column order in the matrix (lower first).", ge=0, le=10_000)] = (
        100
    )
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")

    @property
    def names(self) -> list[str]:
        """Every way readers write it: name, short name, aliases."""
        return [self.name, *([self.short_name] if self.short_name else []), *self.aliases]

    @property
    def label(self) -> str:
        """The short form for table headers and chips."""
        return self.short_name or self.name


# -- dimensions -----------------------------------------------------------------------------


DimensionKind = Literal["scale", "yes-no", "text", "list"]


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
    description: Markdown | None = Field(
        default=None, description="What the dimension means and how to read it."
    )
    kind: DimensionKind = Field(
        description="scale: one of `levels` (low to high); yes-no: yes, partly or no; "
        "text: a short phrase; list: several short phrases (from `levels` when given)."
    )
    levels: Annotated[
        list[Level],
        Field(
            description="Allowed values: required for scales (low to high), optional vocabulary for lists.",
            max_length=MAX_LEVELS,
        ),
    ] = []
    group: Name = Field(default="General", description="Rows with the same group are shown together.")
    order: Annotated[int, Field(description="Row order (lower first).", ge=0, le=10_000)] = 100
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")


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
    body: LongMarkdown | None = Field(
        default=None, description="A fuller explanation, with an example where it helps."
    )
    see_also: DefinitionIds = Field(default=[], description="Ids of related terms.")
    technology: TechnologyId | None = Field(
        default=None, description="Id of the technology page this term names, if any."
    )
    sources: SourceIds = Field(default=[], description="Ids of sources that support the explanation.")
    evidence: Evidence | None = Field(default=None, description=EVIDENCE_DESCRIPTION)
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")

    @property
    def names(self) -> list[str]:
        """Every way the term is written: term, abbreviation, aliases."""
        return [self.term, *([self.abbreviation] if self.abbreviation else []), *self.aliases]


# -- industries and use cases ------------------------------------------------------------


class Industry(Entity):
    """A field of work where the technologies are applied."""

    entity_kind: ClassVar[str] = "industry"
    name: Name = Field(description="Industry name.")
    aliases: Annotated[
        list[Name],
        Field(
            description="Other names readers use for the field ('banking' for 'Finance'); search finds the "
            "industry by them and expands a query with them, as it does with a technology's aliases.",
            max_length=10,
        ),
    ] = []
    icon: (
        Annotated[
            str,
            Field(
                description="A Material icon, written as set/name (for example material/store).",
                pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
                max_length=80,
            ),
        ]
        | None
    ) = None
    summary: Summary = Field(description="One plain sentence about how the industry uses these technologies.")
    description: LongMarkdown | None = Field(default=None, description="A paragraph of context.")
    sources: SourceIds = Field(default=[], description="Ids of sources that support claims made here.")
    evidence: Evidence | None = Field(default=None, description=EVIDENCE_DESCRIPTION)
    order: Annotated[
        int, Field(description="Order on the industries page (lower first).", ge=0, le=10_000)
    ] = 100
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")

    @property
    def names(self) -> list[str]:
        """Every way readers name it: name, then aliases."""
        return [self.name, *self.aliases]


class UseCase(Entity):
    """One application in one industry, and the technologies it relies on."""

    entity_kind: ClassVar[str] = "use-case"
    title: Name = Field(description="What is done, in a few words.")
    aliases: Annotated[
        list[Name],
        Field(
            description="Other names readers use for the application ('ticket triage'); search finds the "
            "use case by them as it does by its title.",
            max_length=10,
        ),
    ] = []
    industry: IndustryId = Field(description="Id of the industry.")
    technologies: Annotated[list[Id], Field(min_length=1, max_length=10), Ref("technology")] = Field(
        description="Ids of the technologies doing the work, most important first."
    )
    summary: Summary = Field(description="One plain sentence.")
    description: LongMarkdown | None = Field(
        default=None, description="What is done, with which technology, and why that one fits."
    )
    example: Markdown | None = Field(
        default=None, description="A concrete, realistic scenario (hypothetical people and companies)."
    )
    benefits: Annotated[
        list[PointMarkdown], Field(description="What it gains, one sentence each.", max_length=12)
    ] = []
    risks: Annotated[
        list[PointMarkdown], Field(description="What can go wrong, one sentence each.", max_length=12)
    ] = []
    sources: SourceIds = Field(default=[], description="Ids of sources that support claims made here.")
    evidence: Evidence | None = Field(default=None, description=EVIDENCE_DESCRIPTION)
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")

    @property
    def names(self) -> list[str]:
        """Every way readers name it: title, then aliases."""
        return [self.title, *self.aliases]


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
    also_asked: Annotated[
        list[Phrasing],
        Field(
            description="Other ways readers put the same question: short, informal, keywords, 'x vs y'. "
            "The FAQ filter and the site search find the entry by them.",
            max_length=12,
        ),
    ] = []
    answer: LongMarkdown = Field(description="The first sentence answers directly; then as much as it needs.")
    topics: TopicIds = Field(description="Ids of one or two topics; the first decides where it is listed.")
    technologies: TechnologyIds = Field(
        default=[], description="Ids of the technologies it is about; lists it on their pages and pair pages."
    )
    related: FaqIds = Field(default=[], description="Ids of two to four related questions.")
    sources: SourceIds = Field(default=[], description="Ids of sources that support the answer.")
    evidence: Evidence | None = Field(default=None, description=EVIDENCE_DESCRIPTION)
    order: Annotated[int, Field(description="Order within its topic (lower first).", ge=0, le=10_000)] = 100
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")


# -- the decision guide ----------------------------------------------------------------------


class Preference(Model):
    """What an answer asks of a technology: a dimension whose rating should be one of `accepts`."""

    dimension: DimensionId = Field(description="Id of the dimension that decides it.")
    accepts: Annotated[
        list[Id],
        Field(
            description="Level ids (scale), yes/partly/no (yes-no) or items (list) that satisfy it; "
            "a list rating satisfies it when it holds any of them.",
            min_length=1,
            max_length=MAX_LEVELS,
        ),
    ]
    weight: Annotated[int, Field(description="How much it counts (1 to 5).", ge=1, le=5)] = 1
    required: bool = Field(
        default=False, description="true: a technology that fails it is ranked below every one that passes."
    )


class Choice(Model):
    """One answer a reader can give to a guide question."""

    id: Id = Field(description="Id of the answer, kept in the shareable URL.")
    label: Name = Field(description="The answer as the reader sees it.")
    prefer: Annotated[
        list[Preference],
        Field(description="What the answer asks for; none means it does not narrow anything.", max_length=12),
    ] = []


class GuideQuestion(Entity):
    """A question of the decision guide ('Which should I use?') and how its answers map to dimensions."""

    entity_kind: ClassVar[str] = "guide-question"
    question: Question = Field(description="The question put to the reader, ending with '?'.")
    help: Summary | None = Field(default=None, description="One line that helps the reader answer.")
    choices: Annotated[
        list[Choice], Field(description="The answers, in the order shown.", min_length=2, max_length=12)
    ]
    related: FaqIds = Field(default=[], description="Ids of FAQ entries that explain the trade-off.")
    order: Annotated[int, Field(description="Order in the guide (lower first).", ge=0, le=10_000)] = 100
    reviewed: IsoDate | None = Field(default=None, description="Date the entry was last checked, YYYY-MM-DD.")
