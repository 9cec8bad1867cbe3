"""Documents in, validated entities out; each schema error is mapped to the key or item that caused it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from explainer.content import Content, Entry
from explainer.diagnostics import Diagnostic
from explainer.kinds import KIND_BY_FOLDER, KINDS, Kind
from explainer.model import ID_PATTERN, Entity
from explainer.source import Document, Loc
from explainer.suggest import did_you_mean, nearest

_ID = re.compile(ID_PATTERN)
PLACEHOLDER_ID = "invalid-file-name"


def kind_of_path(path: str) -> Kind | None:
    """The entity kind a file holds, from the folder it sits in (`content/<folder>/<id>.yaml`)."""
    parts = path.rsplit("/", 2)  # the folder is the part before the name (paths are shown with /)
    return KIND_BY_FOLDER.get(parts[-2]) if len(parts) >= 2 else None


def validate_document(document: Document, kind: Kind) -> tuple[Entity | None, list[Diagnostic]]:
    """One document against its kind's model: the entity, or the positioned reasons it is not one."""
    diagnostics: list[Diagnostic] = []
    stem = document.stem
    if not _ID.match(stem):
        diagnostics.append(
            document.place().report(
                "E210",
                f"file name '{stem}' is not a valid id",
                hint="use lowercase ASCII letters, digits and single hyphens, such as 'my-entry.yaml'",
            )
        )
    data = dict(document.data)
    written_id = data.get("id")
    if written_id is not None and written_id != stem:
        diagnostics.append(
            document.place(("id",)).report(
                "E210",
                f"id '{written_id}' does not match the file name '{stem}'",
                hint="remove the 'id' line (the file name is the id) or rename the file",
            )
        )
    data["id"] = stem if _ID.match(stem) else PLACEHOLDER_ID
    try:
        entity = kind.model.model_validate(data)
    except ValidationError as error:
        diagnostics.extend(schema_diagnostics(document, kind.model, error))
        return None, diagnostics
    return (None if diagnostics else entity), diagnostics


def build_content(
    documents: list[Document],
    unreadable: list[str] | None = None,
    validate: Callable[[Document, Kind], tuple[Entity | None, list[Diagnostic]]] = validate_document,
) -> tuple[Content, list[Diagnostic]]:
    """Validate every document; the Content holds the entities that passed.

    `unreadable` are paths of files that could not be read: their ids still
    count as existing, so one broken file gives one error, not one per reference.
    `validate` checks one document (explainer.kept's remembers earlier outcomes).
    """
    entities: list[Entity] = []
    entries: list[Entry] = []
    by_file: dict[tuple[str, str], Document] = {}
    broken: set[tuple[str, str]] = set()
    for path in unreadable or []:
        kind = kind_of_path(path)
        if kind is not None:
            broken.add((kind.name, PurePosixPath(path).stem))
    diagnostics: list[Diagnostic] = []
    shadowed: list[Document] = []
    seen: set[tuple[str, str]] = set()
    for document in documents:
        kind = kind_of_path(document.path)
        if kind is None:
            folders = ", ".join(f"content/{k.folder}/" for k in KINDS)
            diagnostics.append(
                document.place().report(
                    "E211",
                    "this file is not in a content folder, so nothing knows what it is",
                    hint=f"move it into one of {folders}",
                )
            )
            continue
        if (kind.name, document.stem) in seen:
            shadowed.append(document)
            continue
        seen.add((kind.name, document.stem))
        entity, found = validate(document, kind)
        diagnostics.extend(found)
        entries.append(Entry(kind, document.stem, document, entity))
        if entity is None:
            broken.add((kind.name, document.stem))
            continue
        entities.append(entity)
        by_file.setdefault((kind.name, entity.id), document)
    content = Content.from_entities(entities, by_file, frozenset(broken), tuple(shadowed), tuple(entries))
    return content, diagnostics


# -- pydantic errors in the contributor's words ---------------------------------------------


def schema_diagnostics(
    document: Document, model: type[BaseModel], error: ValidationError
) -> Iterator[Diagnostic]:
    details = error.errors(include_url=False)
    misspelt = _misspelt_fields(model, details)
    for detail in details:
        loc = tuple(part for part in detail["loc"] if part != "[key]")
        if detail["type"] == "missing" and loc in misspelt:
            continue  # the unknown-field error for its misspelling already says what to do
        yield _translate(document, model, loc, detail)


def _misspelt_fields(model: type[BaseModel], details: list[ErrorDetails]) -> set[Loc]:
    """Locations of missing fields that an unknown key nearby is probably a misspelling of."""
    found: set[Loc] = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        loc = tuple(detail["loc"])
        guess = nearest(str(loc[-1]), allowed_fields(model, loc[:-1]))
        if guess is not None:
            found.add((*loc[:-1], guess))
    return found


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"the number {_shortened(repr(value))}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the text '{_shortened(str(value))}'"


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_name(loc: Loc) -> str:
    """`strengths[2].title`, the way a contributor finds it in the file."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "the file"


def _translate(document: Document, model: type[BaseModel], loc: Loc, detail: ErrorDetails) -> Diagnostic:
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx") or {}
    name = _field_name(loc)
    place = document.place(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = allowed_fields(model, loc[:-1])
        hint = did_you_mean(key, allowed) or (f"allowed fields: {', '.join(allowed)}" if allowed else None)
        return place.report("E201", f"unknown field '{key}'", hint=hint)
    if kind == "missing":
        return place.report("E202", f"missing required field '{name}'")
    if kind in {
        "string_type",
        "int_type",
        "list_type",
        "dict_type",
        "model_type",
        "date_type",
        "bool_type",
        "float_type",
        "model_attributes_type",
    }:
        expected = {
            "string_type": "text",
            "int_type": "a whole number",
            "list_type": "a list",
            "dict_type": "a mapping of name: value",
            "model_type": "a mapping of field: value",
            "model_attributes_type": "a mapping of field: value",
            "date_type": "a date (YYYY-MM-DD)",
            "bool_type": "true or false",
            "float_type": "a number",
        }[kind]
        hint = None
        if kind == "string_type" and isinstance(value, bool | int | float):
            hint = "put the value in quotes so it stays text"
        elif kind == "string_type" and value is None:
            hint = "write a value after the colon, or remove the line"
        elif kind == "list_type":
            hint = "write each item on its own line, starting with '- '"
        return place.report("E203", f"'{name}' must be {expected}, not {_describe(value)}", hint=hint)
    if kind == "literal_error":
        options = [o.strip("'") for o in str(context.get("expected", "")).replace(" or ", ", ").split(", ")]
        hint = did_you_mean(str(value), options) or f"use one of: {', '.join(options)}"
        return place.report("E204", f"{_describe(value)} is not allowed for '{name}'", hint=hint)
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else 0
        return place.report(
            "E205",
            f"'{name}' is {length} characters long; the limit is {context['max_length']}",
            hint="shorten it",
        )
    if kind == "string_too_short":
        return place.report("E205", f"'{name}' is empty", hint="write a value or remove the line")
    if kind == "too_short":
        minimum = context.get("min_length")
        return place.report("E205", f"'{name}' needs at least {minimum} item{'s' if minimum != 1 else ''}")
    if kind == "too_long":
        return place.report("E205", f"'{name}' has too many items; the limit is {context.get('max_length')}")
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return place.report("E205", f"'{name}' is {_describe(value)}; {detail['msg'].lower()}")
    if kind == "string_pattern_mismatch":
        return place.report(
            "E204",
            f"'{name}' is {_describe(value)}, which does not have the expected form",
            hint=f"it must match {context.get('pattern')}",
        )
    return place.report("E204", f"'{name}': {detail['msg']}")


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional down to the type that holds fields or items."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union,) or str(type(annotation)) == "<class 'types.UnionType'>":
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names the mapping at `loc` accepts, following the model's field types."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            current = current.model_fields[part].annotation if part in current.model_fields else None
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name != "id" or current is model]
    return []
