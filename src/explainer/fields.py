"""What each field of an entity holds: plain text, Markdown, or ids of other entities.

The answers come from the markers on the models (`MarkdownText`, `Ref`,
`RefKeys`), read once per model class, so adding a field or a kind needs no
table here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from explainer.model import MarkdownText, Ref, RefKeys

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldMeaning:
    """The markers found on one model field, and the model its values are made of, if any."""

    markdown: MarkdownText | None = None
    ref: str | None = None
    ref_keys: str | None = None
    nested: type[BaseModel] | None = None


def _markers(annotation: Any, metadata: list[Any]) -> FieldMeaning:
    found: dict[str, Any] = {}
    pending = [*metadata, annotation]
    while pending:
        item = pending.pop()
        if isinstance(item, MarkdownText):
            found.setdefault("markdown", item)
        elif isinstance(item, Ref):
            found.setdefault("ref", item.kind)
        elif isinstance(item, RefKeys):
            found.setdefault("ref_keys", item.kind)
        elif isinstance(item, type) and issubclass(item, BaseModel):
            found.setdefault("nested", item)
        else:
            pending.extend(getattr(item, "__metadata__", ()))
            pending.extend(get_args(item))
    return FieldMeaning(**found)


@cache
def field_meanings(model: type[BaseModel]) -> dict[str, FieldMeaning]:
    """For each field of `model`, what its markers say it holds."""
    return {name: _markers(info.annotation, list(info.metadata)) for name, info in model.model_fields.items()}


@dataclass(frozen=True)
class TextField:
    """One string in an entity: where it is (`loc`, as in the YAML), and whether it is Markdown."""

    loc: Loc
    text: str
    markdown: MarkdownText | None

    @property
    def name(self) -> str:
        """The field's own name: the last key in its location."""
        return next((str(part) for part in reversed(self.loc) if isinstance(part, str)), "")


@dataclass(frozen=True)
class IdField:
    """An id written in a reference field (or as a key of a reference mapping)."""

    loc: Loc
    kind: str
    target: str


def text_fields(entity: BaseModel) -> Iterator[TextField]:
    """Every string an entity holds, Markdown or plain, with its location in the file."""
    yield from _texts(entity, (), None)


def _texts(value: Any, loc: Loc, markdown: MarkdownText | None) -> Iterator[TextField]:
    if isinstance(value, BaseModel):
        for name, meaning in field_meanings(type(value)).items():
            yield from _texts(getattr(value, name), (*loc, name), meaning.markdown)
    elif isinstance(value, str):
        yield TextField(loc, value, markdown)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index), markdown)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield TextField((*loc, key), key, None)
            yield from _texts(item, (*loc, key), markdown)


def id_fields(entity: BaseModel) -> Iterator[IdField]:
    """Every id an entity writes in a reference field, in the order written."""
    yield from _ids(entity, ())


def _ids(value: BaseModel, loc: Loc) -> Iterator[IdField]:
    for name, meaning in field_meanings(type(value)).items():
        field_value = getattr(value, name)
        here = (*loc, name)
        if meaning.ref is not None:
            if isinstance(field_value, str):
                yield IdField(here, meaning.ref, field_value)
            elif isinstance(field_value, list):
                for index, target in enumerate(field_value):
                    yield IdField((*here, index), meaning.ref, target)
            continue
        if meaning.ref_keys is not None and isinstance(field_value, dict):
            for key, item in field_value.items():
                yield IdField((*here, key), meaning.ref_keys, key)
                if isinstance(item, BaseModel):
                    yield from _ids(item, (*here, key))
            continue
        if isinstance(field_value, BaseModel):
            yield from _ids(field_value, here)
        elif isinstance(field_value, list):
            for index, item in enumerate(field_value):
                if isinstance(item, BaseModel):
                    yield from _ids(item, (*here, index))
        elif isinstance(field_value, dict):
            for key, item in field_value.items():
                if isinstance(item, BaseModel):
                    yield from _ids(item, (*here, key))


# -- the same walks over raw data, for files that failed schema validation ---------------------
#
# One mistake in a file must not hide the others: text and reference rules
# also run on what a file holds when its schema check failed, guided by the
# model's markers wherever the data has the expected shape.


def raw_text_fields(model: type[BaseModel], data: Any, loc: Loc = ()) -> Iterator[TextField]:
    """Every string in raw `data` that sits where `model` expects a field, Markdown or plain."""
    if not isinstance(data, dict):
        return
    meanings = field_meanings(model)
    for name, value in data.items():
        meaning = meanings.get(name)
        if meaning is None:
            continue
        yield from _raw_texts(meaning, value, (*loc, name))


def _raw_texts(meaning: FieldMeaning, value: Any, loc: Loc) -> Iterator[TextField]:
    if isinstance(value, str):
        yield TextField(loc, value, meaning.markdown)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _raw_texts(meaning, item, (*loc, index))
    elif isinstance(value, dict) and meaning.ref_keys is not None:
        for key, item in value.items():
            yield TextField((*loc, key), str(key), None)
            if meaning.nested is not None:
                yield from raw_text_fields(meaning.nested, item, (*loc, key))
    elif isinstance(value, dict) and meaning.nested is not None:
        yield from raw_text_fields(meaning.nested, value, loc)


def raw_id_fields(model: type[BaseModel], data: Any, loc: Loc = ()) -> Iterator[IdField]:
    """Every id in raw `data` that sits in a reference field of `model`."""
    if not isinstance(data, dict):
        return
    meanings = field_meanings(model)
    for name, value in data.items():
        meaning = meanings.get(name)
        if meaning is None:
            continue
        here = (*loc, name)
        if meaning.ref is not None:
            if isinstance(value, str):
                yield IdField(here, meaning.ref, value)
            elif isinstance(value, list):
                for index, target in enumerate(value):
                    if isinstance(target, str):
                        yield IdField((*here, index), meaning.ref, target)
        elif meaning.ref_keys is not None and isinstance(value, dict):
            for key, item in value.items():
                yield IdField((*here, key), meaning.ref_keys, str(key))
                if meaning.nested is not None:
                    yield from raw_id_fields(meaning.nested, item, (*here, key))
        elif meaning.nested is not None:
            if isinstance(value, dict):
                yield from raw_id_fields(meaning.nested, value, here)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    yield from raw_id_fields(meaning.nested, item, (*here, index))
