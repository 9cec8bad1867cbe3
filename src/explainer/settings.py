"""Site settings: the explainer plugin's options in mkdocs.yml, as one validated value.

Everything a site decides — which page families it builds and what they are
called, the FAQ filter's placeholder, how long entries stay fresh, when pair
pages are worth building, and the content policy the lint enforces — lives
here, never in the package. The MkDocs plugin validates these options through
MkDocs' config classes (see `explainer.plugin`); `explainer check` reads the
same options from mkdocs.yml without loading MkDocs, so both see one truth.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from explainer.diagnostics import Diagnostic, Place, Position
from explainer.markdown import DEFAULT_EXTENSIONS, PythonName, normalise_words

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "explainer"
DEFAULT_STALE_AFTER_DAYS = 548  # eighteen months

KindName = Literal[
    "technology",
    "dimension",
    "definition",
    "industry",
    "use-case",
    "topic",
    "faq",
    "guide-question",
    "source",
]
FamilyName = Literal[
    "technologies",
    "compare",
    "pros-and-cons",
    "guide",
    "industries",
    "glossary",
    "faq",
    "sources",
    "reference",
]


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PairOptions(Options):
    """When one page per pair of technologies is built (pairs grow as n²)."""

    pages: Literal["all", "none", "listed", "up-to"] = Field(
        default="up-to",
        description="all; none; listed (only the pairs in `listed`); up-to (all pairs while there are at "
        "most `max_technologies` rated technologies, none beyond).",
    )
    max_technologies: Annotated[int, Field(ge=2, le=500)] = 16
    listed: list[str] = Field(default=[], description="Pairs as 'a-vs-b' ids (either order).")


class StalenessOptions(Options):
    """How long after its review date an entry is reported as due for another look (W502)."""

    after_days: Annotated[int, Field(ge=1)] | None = Field(
        default=DEFAULT_STALE_AFTER_DAYS, description="Days; null never reports."
    )
    by_kind: dict[KindName, Annotated[int, Field(ge=1)] | None] = Field(
        default={}, description="Per kind, overriding after_days (null: never for that kind)."
    )

    def window(self, kind: str) -> int | None:
        for name, days in self.by_kind.items():
            if name == kind:
                return days
        return self.after_days


class PagingOptions(Options):
    """Where pages that list everything split, so that no page grows with the site."""

    faq_on_one_page_up_to: Annotated[int, Field(ge=1)] = Field(
        default=150,
        description="Up to this many questions the FAQ page holds every answer; beyond it, it lists the "
        "topics, each topic gets pages of its own, and the filter loads a data file as the reader types.",
    )
    questions_per_page: Annotated[int, Field(ge=10)] = Field(
        default=100, description="Questions on one page of a topic, once topics have pages."
    )
    glossary_on_one_page_up_to: Annotated[int, Field(ge=1)] = Field(
        default=200,
        description="Up to this many terms the glossary is one page; beyond it, a page per letter.",
    )
    terms_per_page: Annotated[int, Field(ge=10)] = Field(
        default=50, description="Terms on one glossary page, once the glossary has a page per letter."
    )
    sources_on_one_page_up_to: Annotated[int, Field(ge=1)] = Field(
        default=150,
        description="Up to this many sources the bibliography is one page; beyond it, a page "
        "per letter of the first author's name.",
    )
    sources_per_page: Annotated[int, Field(ge=10)] = Field(
        default=40, description="Sources on one bibliography page, once it has a page per letter."
    )
    use_cases_listed_up_to: Annotated[int, Field(ge=1)] = Field(
        default=400,
        description="Up to this many use cases the use-case index lists each one; beyond it, "
        "it lists industries with their counts (each industry's page lists its use cases).",
    )
    use_cases_per_technology: Annotated[int, Field(ge=1)] = Field(
        default=40,
        description="Up to this many use cases a technology's page lists by name; beyond it, "
        "it names the industries, with counts.",
    )
    matrix_notes_up_to: Annotated[int, Field(ge=0)] = Field(
        default=250,
        description="Up to this many cells (technologies × dimensions) each matrix cell holds its reasoning "
        "(note, evidence, sources); beyond it, a cell shows its value and links to the reasoning on the "
        "technology's page, so the matrix stays one page of bounded weight.",
    )
    overview_up_to: Annotated[int, Field(ge=1)] = Field(
        default=40,
        description="Up to this many industries the industries page draws the industry × "
        "technology overview.",
    )
    nav_lists_up_to: Annotated[int, Field(ge=0)] = Field(
        default=30,
        description="Up to this many technologies or industries the navigation lists each "
        "one's page; beyond it, only the overview (every page carries the navigation).",
    )


# A word or short phrase of a search synonym group: one line, a few words.
SearchWord = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60, pattern=r"^[^\n\r\t]+$")
]


class FamilyOptions(Options):
    """One page family: whether the site builds it, what the navigation calls it, what readers call it."""

    enabled: bool = Field(default=True, description="false: never build it, whatever the content holds.")
    label: str | None = Field(default=None, description="Its name in the navigation.")
    title: str | None = Field(default=None, description="The heading of its main page.")
    aliases: list[SearchWord] = Field(
        default=[],
        description="Other names readers search for its main page ('comparison table', 'help me choose'); "
        "site search (the explainer and Pagefind engines, not lunr) reads them as it reads an FAQ entry's "
        "also_asked, so typing one finds the page.",
        max_length=30,
    )

    @field_validator("aliases")
    @classmethod
    def _aliases_once(cls, aliases: list[str]) -> list[str]:
        repeated = _repeated(aliases)
        if repeated:
            raise ValueError(f"alias '{repeated}' is listed twice")
        return aliases


def _repeated(names: Iterable[str]) -> str | None:
    """The first name given twice, compared as search compares them (case, accents and punctuation aside)."""
    seen: set[str] = set()
    for name in names:
        key = normalise_words(name)
        if key in seen:
            return name
        seen.add(key)
    return None


class SearchOptions(Options):
    """Which index the site search reads: one file fetched whole, or chunks fetched per query."""

    engine: Literal["auto", "explainer", "lunr", "pagefind"] = Field(
        default="auto",
        description="auto: the explainer engine (one compact file, ranked with the content's other "
        "phrasings, aliases and synonyms) up to `chunked_above` pages, Pagefind's chunked index beyond; "
        "explainer, lunr (Material's own) or pagefind: always that one.",
    )
    chunked_above: Annotated[int, Field(ge=0)] = Field(
        default=500,
        description="Pages beyond which `auto` uses the chunked index. The one-file index grows by about "
        "1 KB gzipped a page and is downloaded whole before the first result; a Pagefind search costs "
        "160-300 KB for the first query and about 75 KB for each new one, so above 500 pages a reader's "
        "first few searches transfer less (bench/search_bytes.py).",
    )
    synonyms: list[Annotated[list[SearchWord], Field(min_length=2, max_length=12)]] = Field(
        default=[],
        description="Groups of words readers use for the same thing (the site's own term first, then "
        "everyday words: 'latency, lag, slowness'). Site search and the FAQ filter expand a "
        "query with them, as they do with glossary aliases; a group that shares a word with a glossary "
        "term's names joins it.",
        max_length=1000,
    )


EvidenceTarget = Literal["definition", "faq", "industry", "use-case", "rating", "point"]


class PolicyOptions(Options):
    """The content policy of this site: minimums the lint enforces with E6xx codes and positions."""

    min_strengths: Annotated[int, Field(ge=0)] = 0
    min_weaknesses: Annotated[int, Field(ge=0)] = 0
    min_examples: Annotated[int, Field(ge=0)] = 0
    required_fields: dict[KindName, list[str]] = Field(
        default={}, description="Optional fields this site requires, by kind (for example description)."
    )
    min_use_cases_per_technology: Annotated[int, Field(ge=0)] = 0
    min_use_cases_per_industry: Annotated[int, Field(ge=0)] = 0
    min_answer_words: Annotated[int, Field(ge=0)] = 0
    max_answer_words: Annotated[int, Field(ge=1)] | None = None
    max_first_sentence_words: Annotated[int, Field(ge=1)] | None = None
    min_also_asked: Annotated[int, Field(ge=0)] = 0
    rating_notes: bool = Field(default=False, description="Every rating explains itself in a note.")
    evidence_levels: bool = Field(
        default=False,
        description="Every rating, strength and weakness says measured, documented or editorial.",
    )
    sources_or_editorial: list[EvidenceTarget] = Field(
        default=[], description="What must cite a source or be marked `evidence: editorial`."
    )
    review_dates: bool = Field(default=False, description="Every entry that can carry `reviewed` does.")
    unrated: Literal["error", "not-assessed"] = Field(
        default="error",
        description="What a missing rating is: an error (E501), or a cell shown as not assessed.",
    )


class Settings(Options):
    """The explainer plugin's options (`plugins: - explainer: …` in mkdocs.yml)."""

    content_dir: str = Field(default="content", description="The content folder, relative to mkdocs.yml.")
    families: dict[FamilyName, FamilyOptions] = Field(
        default={}, description="Per page family: enabled, label, title, aliases."
    )
    sections: dict[str, str] = Field(
        default={}, description="Navigation sections renamed, such as Compare: Comparisons."
    )
    faq_filter_placeholder: str = Field(
        default="Type a word or a phrase", description="The hint inside the FAQ filter's box."
    )
    staleness: StalenessOptions = StalenessOptions()
    pairs: PairOptions = PairOptions()
    paging: PagingOptions = PagingOptions()
    search: SearchOptions = SearchOptions()
    policy: PolicyOptions = PolicyOptions()
    external_links: list[str] = Field(
        default=[],
        description="https URLs (or prefixes ending in /) the site may link to besides its sources.",
    )
    fail_on_warnings: bool = Field(default=False, description="A build stops on content warnings too.")
    report_url: str | None = Field(
        default=None,
        description="An https address for reporting an error, such as an issue form; every page links to "
        "it with the page's own address added as `page=`.",
        pattern=r"^https://\S+$",
    )

    @field_validator("families")
    @classmethod
    def _aliases_name_one_page(cls, families: dict[str, FamilyOptions]) -> dict[str, FamilyOptions]:
        # Search needs one meaning per name: an alias that two pages claim finds neither first.
        owner: dict[str, str] = {}
        for name, options in families.items():
            for alias in options.aliases:
                key = normalise_words(alias)
                if owner.setdefault(key, name) != name:
                    raise ValueError(f"alias '{alias}' of {name} is also an alias of {owner[key]}")
        return families

    def family(self, name: str) -> FamilyOptions:
        for family, options in self.families.items():
            if family == name:
                return options
        return FamilyOptions()


DEFAULT_SETTINGS = Settings()
# The option sections, for the field reference.
SECTIONS: tuple[tuple[str, type[Options]], ...] = (
    ("families.<name>", FamilyOptions),
    ("pairs", PairOptions),
    ("paging", PagingOptions),
    ("search", SearchOptions),
    ("staleness", StalenessOptions),
    ("policy", PolicyOptions),
)


# -- reading the options from mkdocs.yml, without MkDocs ------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as nodes with positions; MkDocs' own tags (!ENV, !!python/name) read as text."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode) and suffix.startswith("name:"):
        return PythonName(suffix.removeprefix("name:"))  # imported only if a Markdown parser needs it
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None  # !ENV [NAME, default]: the default
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class SiteConfig:
    """The settings of a site and where they came from."""

    settings: Settings
    config_file: Path | None
    project_root: Path
    # mkdocs.yml's `markdown_extensions`: content is checked with the parser the build uses.
    markdown_extensions: tuple[Any, ...] = DEFAULT_EXTENSIONS
    # mkdocs.yml's `docs_dir`, the hand-written pages, relative to the project root as MkDocs reads it.
    docs_dir: str = "docs"

    @property
    def content_dir(self) -> Path:
        return (self.project_root / self.settings.content_dir).resolve()

    @property
    def docs_path(self) -> Path:
        """The folder of the site's hand-written pages (`docs/` unless mkdocs.yml says otherwise)."""
        return (self.project_root / self.docs_dir).resolve()


class BadSettings(Exception):
    """The plugin options in mkdocs.yml are not valid; each problem is a positioned E001."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


def _plugin_node(root: yaml.Node) -> tuple[yaml.Node | None, bool]:
    """The explainer plugin's options node in mkdocs.yml, and whether the plugin is listed at all."""
    if not isinstance(root, yaml.MappingNode):
        return None, False
    for key, value in root.value:
        if key.value != "plugins":
            continue
        entries = value.value if isinstance(value, yaml.SequenceNode) else []
        if isinstance(value, yaml.MappingNode):
            entries = [yaml.MappingNode("tag:yaml.org,2002:map", [pair]) for pair in value.value]
        for entry in entries:
            if isinstance(entry, yaml.ScalarNode) and entry.value == PLUGIN_NAME:
                return None, True
            if isinstance(entry, yaml.MappingNode):
                for name, options in entry.value:
                    if name.value == PLUGIN_NAME:
                        return options, True
    return None, False


def _position_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> Position:
    current = node
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            match = next(((k, v) for k, v in current.value if k.value == part), None)
            if match is None:
                break
            current = match[1] if part != loc[-1] else match[0]
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            current = current.value[part]
        else:
            break
    mark = current.start_mark if current is not None else None
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


def duplicate_keys(root: yaml.Node, shown: str) -> Iterator[Diagnostic]:
    """Each key written a second time in one mapping, anywhere in the file, as an E001 at the second.

    YAML keeps the last of two equal keys without a word, so a second `search:` block under the
    plugin would silently drop everything the first one says."""
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.SequenceNode):
            pending.extend(reversed(node.value))
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for key, value in node.value:
            pending.append(value)
            if not isinstance(key, yaml.ScalarNode) or key.value == "<<":
                continue
            if key.value in first:
                yield Place(shown, Position(key.start_mark.line + 1, key.start_mark.column + 1)).report(
                    "E001",
                    f"'{key.value}' is set twice in the same block (first on line {first[key.value]}); "
                    "YAML keeps only the last, so everything under the first is ignored",
                    hint="merge the two into one",
                )
            else:
                first[key.value] = key.start_mark.line + 1


def settings_problems(error: ValidationError, shown: str, node: yaml.Node | None) -> Iterator[Diagnostic]:
    """Each pydantic error as an E001 at the option it is about."""
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        name = ".".join(str(part) for part in loc) or "options"
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = "unknown option"
        yield Place(shown, _position_of(node, loc)).report(
            "E001", f"plugins.explainer.{name}: {message}", hint="see the site options in the field reference"
        )


def validate_settings(options: Any) -> Settings:
    """The options mapping as Settings (raises pydantic's ValidationError)."""
    return Settings.model_validate(options if options is not None else {})


def read_site_config(config_file: Path, *, shown: str | None = None) -> SiteConfig:
    """The explainer settings in `config_file` (defaults when the plugin has no options)."""
    shown = shown or config_file.name
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise BadSettings([Place(shown).report("E001", f"cannot read {shown}: {error}")]) from None
    twice = sorted(duplicate_keys(root, shown), key=lambda d: d.position) if root is not None else []
    if twice:
        raise BadSettings(twice)
    node, _ = _plugin_node(root) if root is not None else (None, False)
    loader = _ConfigLoader("")
    options = loader.construct_document(node) if node is not None else {}
    try:
        settings = validate_settings(options)
    except ValidationError as error:
        raise BadSettings(list(settings_problems(error, shown, node))) from None
    whole = loader.construct_document(root) if isinstance(root, yaml.MappingNode) else {}
    whole = whole if isinstance(whole, dict) else {}
    extensions = whole.get("markdown_extensions")
    docs_dir = whole.get("docs_dir")
    return SiteConfig(
        settings,
        config_file,
        config_file.parent.resolve(),
        tuple(extensions) if isinstance(extensions, list) else DEFAULT_EXTENSIONS,
        docs_dir if isinstance(docs_dir, str) and docs_dir.strip() else "docs",
    )


def default_site_config(content_dir: Path) -> SiteConfig:
    """The settings of a content folder that no mkdocs.yml claims: every default."""
    return SiteConfig(DEFAULT_SETTINGS, None, content_dir.resolve().parent)
