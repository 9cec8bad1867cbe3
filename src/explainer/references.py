"""Every reference one entity makes to another: from id fields, from rating keys, and from links in text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from explainer.markdown import Link, find_links, parse_cross_reference
from explainer.model import KIND_BY_SCHEME, Content, Entity, text_fields
from explainer.source import Loc

# Fields whose values are ids of another kind, wherever they appear in a model.
REFERENCE_FIELDS = {
    "sources": "source",
    "technologies": "technology",
    "technology": "technology",
    "target": "technology",
    "industry": "industry",
    "topics": "topic",
    "related": "faq",
    "see_also": "definition",
}
# Mappings whose keys are ids of another kind.
REFERENCE_KEYS = {"ratings": "dimension"}


@dataclass(frozen=True)
class Reference:
    """`origin` refers to the `kind` entity `target`, at `loc` (and, in text, through `link`)."""

    origin: Entity
    kind: str
    target: str
    loc: Loc
    link: Link | None = None
    fragment: str = ""


def references(entity: Entity) -> Iterator[Reference]:
    """All references `entity` makes, in the order they are written."""
    yield from _field_references(entity, entity, ())
    for field in text_fields(entity):
        if not field.markdown:
            continue
        for link in find_links(field.text):
            xref = parse_cross_reference(link.target)
            if xref is not None:
                kind = KIND_BY_SCHEME[xref.scheme].name
                yield Reference(entity, kind, xref.id, field.loc, link, xref.fragment)


def _field_references(entity: Entity, value: Any, loc: Loc) -> Iterator[Reference]:
    if not isinstance(value, BaseModel):
        return
    for name in type(value).model_fields:
        field_value = getattr(value, name)
        here = (*loc, name)
        if name in REFERENCE_FIELDS and isinstance(field_value, str):
            yield Reference(entity, REFERENCE_FIELDS[name], field_value, here)
        elif (
            name in REFERENCE_FIELDS
            and isinstance(field_value, list)
            and all(isinstance(v, str) for v in field_value)
        ):
            for index, target in enumerate(field_value):
                yield Reference(entity, REFERENCE_FIELDS[name], target, (*here, index))
        elif name in REFERENCE_KEYS and isinstance(field_value, dict):
            for key, item in field_value.items():
                yield Reference(entity, REFERENCE_KEYS[name], key, (*here, key))
                yield from _field_references(entity, item, (*here, key))
        elif isinstance(field_value, list):
            for index, item in enumerate(field_value):
                yield from _field_references(entity, item, (*here, index))
        elif isinstance(field_value, BaseModel):
            yield from _field_references(entity, field_value, here)


def all_references(content: Content) -> Iterator[Reference]:
    for entity in content.entities():
        yield from references(entity)


def cited_by(content: Content) -> dict[str, list[Entity]]:
    """For each source id, the entities that cite it (by list or by link), each once, in corpus order."""
    citing: dict[str, list[Entity]] = {source_id: [] for source_id in content.sources}
    for reference in all_references(content):
        if reference.kind == "source" and reference.target in citing:
            entities = citing[reference.target]
            if reference.origin not in entities:
                entities.append(reference.origin)
    return citing
