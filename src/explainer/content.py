"""`Content`: the whole validated corpus, each kind in display order, with where each entity came from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from explainer.diagnostics import Place
from explainer.fields import IdField, Loc, TextField, id_fields, raw_id_fields, raw_text_fields, text_fields
from explainer.kinds import KIND_BY_ATTRIBUTE, KIND_BY_NAME, KINDS, Kind
from explainer.model import PLACEHOLDER, PLACEHOLDER_ID, Entity, Faq, Technology, UseCase
from explainer.source import Document

if TYPE_CHECKING:
    from explainer.model import Definition, Dimension, GuideQuestion, Industry, Source, Topic


_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")


@dataclass(frozen=True, eq=False)
class Entry:
    """One content file of a known kind: its document, and its entity when it passed the schema.

    Rules about text and references read entries, not entities, so a file
    with a schema error still gets every other finding in the same run.
    """

    kind: Kind
    id: str
    document: Document
    entity: Entity | None

    @cached_property
    def texts(self) -> tuple[TextField, ...]:
        """Every string the file holds where the model expects one, with its location."""
        if self.entity is not None:
            return tuple(text_fields(self.entity))
        return tuple(raw_text_fields(self.kind.model, self.document.data))

    @cached_property
    def ids(self) -> tuple[IdField, ...]:
        """Every id written in a reference field."""
        if self.entity is not None:
            return tuple(id_fields(self.entity))
        return tuple(raw_id_fields(self.kind.model, self.document.data))

    @cached_property
    def unfinished(self) -> bool:
        """Whether `explainer new`'s placeholders are still in it (E508 reports each one)."""
        # A substring test first: the pattern runs only on the rare field that holds the word.
        return any(
            PLACEHOLDER in field.text and _PLACEHOLDER.search(field.text) for field in self.texts
        ) or any(field.target == PLACEHOLDER_ID for field in self.ids)

    def place(self, loc: Loc = ()) -> Place:
        return self.document.place(loc)


@dataclass(frozen=True)
class Content:
    """The validated entities of every kind (`content.<kind attribute>`), and their files.

    Entities of a kind are reached by the attribute its `Kind` row names
    (`content.faqs`) or by `content.of_kind("faq")`; both are dicts from id to
    entity in display order.
    """

    by_kind: Mapping[str, dict[str, Entity]] = field(default_factory=dict)
    documents: Mapping[tuple[str, str], Document] = field(default_factory=dict, repr=False)
    # Ids of files that exist but could not be read or validated: references to
    # them are not reported again as unknown.
    broken: frozenset[tuple[str, str]] = frozenset()
    # Files whose id repeats one already read (`x.yaml` beside `x.yml`): lint reports them.
    shadowed: tuple[Document, ...] = ()
    # Every file of a known kind, valid or not, in path order.
    entries: tuple[Entry, ...] = ()

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[Entity],
        documents: Mapping[tuple[str, str], Document] | None = None,
        broken: frozenset[tuple[str, str]] = frozenset(),
        shadowed: tuple[Document, ...] = (),
        entries: tuple[Entry, ...] = (),
    ) -> Content:
        grouped: dict[str, dict[str, Entity]] = {kind.name: {} for kind in KINDS}
        for entity in entities:
            grouped[entity.entity_kind].setdefault(entity.id, entity)
        ordered = {
            kind.name: {e.id: e for e in sorted(grouped[kind.name].values(), key=kind.sort_key)}
            for kind in KINDS
        }
        return cls(ordered, documents or {}, broken, shadowed, entries)

    @cached_property
    def _entry_by_key(self) -> dict[tuple[str, str], Entry]:
        return {(entry.kind.name, entry.id): entry for entry in self.entries}

    def entry(self, entity: Entity) -> Entry | None:
        return self._entry_by_key.get((entity.entity_kind, entity.id))

    def valid_entries(self) -> Iterator[tuple[Entry, Entity]]:
        """Entries whose file passed the schema, with their entity."""
        for entry in self.entries:
            if entry.entity is not None:
                yield entry, entry.entity

    def __getattr__(self, name: str) -> dict[str, Any]:
        kind = KIND_BY_ATTRIBUTE.get(name)
        if kind is None:
            raise AttributeError(name)
        return self.of_kind(kind.name)

    if TYPE_CHECKING:  # the attributes __getattr__ serves, typed for the kinds the code names

        @property
        def technologies(self) -> dict[str, Technology]: ...
        @property
        def dimensions(self) -> dict[str, Dimension]: ...
        @property
        def definitions(self) -> dict[str, Definition]: ...
        @property
        def industries(self) -> dict[str, Industry]: ...
        @property
        def use_cases(self) -> dict[str, UseCase]: ...
        @property
        def topics(self) -> dict[str, Topic]: ...
        @property
        def faqs(self) -> dict[str, Faq]: ...
        @property
        def guide_questions(self) -> dict[str, GuideQuestion]: ...
        @property
        def sources(self) -> dict[str, Source]: ...

    def of_kind(self, kind: str) -> dict[str, Entity]:
        if kind not in KIND_BY_NAME:
            raise KeyError(f"unknown entity kind '{kind}'")
        return self.by_kind.get(kind, {})

    def entities(self) -> Iterator[Entity]:
        for kind in KINDS:
            yield from self.of_kind(kind.name).values()

    def __len__(self) -> int:
        return sum(len(self.of_kind(kind.name)) for kind in KINDS)

    def ids(self, kind: str) -> frozenset[str]:
        """Ids that exist for `kind`, counting files that failed to validate (asked once per reference)."""
        return self._ids_by_kind[kind]

    @cached_property
    def _ids_by_kind(self) -> dict[str, frozenset[str]]:
        broken: dict[str, set[str]] = {}
        for kind, entity_id in self.broken:
            broken.setdefault(kind, set()).add(entity_id)
        return {k.name: frozenset(self.of_kind(k.name)) | broken.get(k.name, set()) for k in KINDS}

    def document(self, entity: Entity) -> Document | None:
        return self.documents.get((entity.entity_kind, entity.id))

    # -- technologies: umbrellas and their members -----------------------------------------

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """For each technology, the ids of the technologies that are kinds of it, directly or not."""
        parents: dict[str, list[str]] = {t: [] for t in self.technologies}
        for technology in self.technologies.values():
            for relation in technology.relations:
                if relation.kind == "is-a" and relation.target in self.technologies:
                    parents[technology.id].append(relation.target)
        found: dict[str, list[str]] = {t: [] for t in self.technologies}
        for technology_id in self.technologies:
            seen: set[str] = set()
            pending = list(parents[technology_id])
            while pending:
                ancestor = pending.pop()
                if ancestor in seen or ancestor == technology_id:
                    continue
                seen.add(ancestor)
                found[ancestor].append(technology_id)
                pending.extend(parents[ancestor])
        return found

    def rated_technologies(self) -> list[Technology]:
        """Technologies rated by hand (not umbrellas), in display order: the peers of the matrix."""
        return [t for t in self.technologies.values() if not t.umbrella]

    # -- indexes other pages need ----------------------------------------------------------

    @cached_property
    def _use_cases_by_technology(self) -> dict[str, list[UseCase]]:
        found: dict[str, list[UseCase]] = {}
        for case in self.use_cases.values():
            for technology_id in case.technologies:
                found.setdefault(technology_id, []).append(case)
        return found

    @cached_property
    def _use_cases_by_industry(self) -> dict[str, list[UseCase]]:
        found: dict[str, list[UseCase]] = {}
        for case in self.use_cases.values():
            found.setdefault(case.industry, []).append(case)
        return found

    @cached_property
    def _faqs_by_technology(self) -> dict[str, list[Faq]]:
        found: dict[str, list[Faq]] = {}
        for faq in self.faqs.values():
            for technology_id in faq.technologies:
                found.setdefault(technology_id, []).append(faq)
        return found

    @cached_property
    def _faqs_by_topic(self) -> dict[str, list[Faq]]:
        found: dict[str, list[Faq]] = {}
        for faq in self.faqs.values():
            for topic_id in faq.topics:
                found.setdefault(topic_id, []).append(faq)
        return found

    def use_cases_for_technology(self, technology_id: str) -> list[UseCase]:
        return self._use_cases_by_technology.get(technology_id, [])

    def use_cases_in_industry(self, industry_id: str) -> list[UseCase]:
        return self._use_cases_by_industry.get(industry_id, [])

    def faqs_about(self, technology_id: str) -> list[Faq]:
        return self._faqs_by_technology.get(technology_id, [])

    def faqs_in_topic(self, topic_id: str) -> list[Faq]:
        return self._faqs_by_topic.get(topic_id, [])
