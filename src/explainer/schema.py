"""JSON Schemas for every entity kind, generated from the models and the content, for editors and CI.

Wherever JSON Schema can say what `explainer check` enforces, the schemas say
it: lengths, patterns, enums, list sizes, and — generated from the content —
the dimension ids a technology rates and the values each dimension allows,
and the ids of topics, dimensions and industries. An editor that reads the
schemas then flags and completes what the check would report.
"""

from __future__ import annotations

import json
from typing import Any

from explainer.content import Content
from explainer.fields import field_meanings
from explainer.kinds import KINDS, Kind
from explainer.model import NOT_ASSESSED, YES_NO_VALUES, Dimension

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Reference fields whose ids the schemas list (small, stable sets that help completion).
ENUMERATED_KINDS = ("topic", "dimension", "industry")


def entity_schema(kind: Kind) -> dict[str, Any]:
    """The kind's schema from its model alone (what the field reference describes)."""
    schema = kind.model.model_json_schema(mode="validation")
    # The id is the file name; writing it in the file is optional.
    schema["required"] = [name for name in schema.get("required", []) if name != "id"]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": kind.schema_name,
        **schema,
        "title": f"explainer {kind.label} (content/{kind.folder}/<id>.yaml)",
    }


def _value_schema(dimension: Dimension) -> dict[str, Any]:
    """What a rating's `value` may be for this dimension."""
    levels = [level.id for level in dimension.levels]
    if dimension.kind == "yes-no":
        return {"enum": [*YES_NO_VALUES, NOT_ASSESSED]}
    if dimension.kind == "scale":
        return {"enum": [*levels, NOT_ASSESSED]}
    if dimension.kind == "text":
        return {"type": "string", "minLength": 1, "maxLength": 60}
    items: dict[str, Any] = {"enum": levels} if levels else {"type": "string", "minLength": 1}
    return {"anyOf": [{"const": NOT_ASSESSED}, {"type": "array", "items": items, "minItems": 1}]}


def _enumerate_refs(schema: dict[str, Any], model: type, content: Content) -> None:
    """Put the existing ids into reference fields of the kinds in ENUMERATED_KINDS."""
    for name, meaning in field_meanings(model).items():
        if meaning.ref not in ENUMERATED_KINDS or name not in schema.get("properties", {}):
            continue
        ids = sorted(content.ids(meaning.ref))
        if not ids:
            continue
        prop = schema["properties"][name]
        target = prop["items"] if prop.get("type") == "array" else prop
        target["enum"] = ids


def _nested_models(model: type) -> list[type]:
    """Every model class a model's fields are made of, at any depth."""
    found: list[type] = []
    pending = [model]
    while pending:
        for meaning in field_meanings(pending.pop()).values():
            if meaning.nested is not None and meaning.nested not in found:
                found.append(meaning.nested)
                pending.append(meaning.nested)
    return found


def content_schema(kind: Kind, content: Content) -> dict[str, Any]:
    """The kind's schema with what the content decides: dimension ids and values, known ids."""
    schema = entity_schema(kind)
    _enumerate_refs(schema, kind.model, content)
    for model in _nested_models(kind.model):
        if model.__name__ in schema.get("$defs", {}):
            _enumerate_refs(schema["$defs"][model.__name__], model, content)
    if kind.name == "technology" and content.dimensions:
        schema["properties"]["ratings"] = {
            "type": "object",
            "description": schema["properties"]["ratings"].get("description", ""),
            "properties": {
                dimension.id: {
                    "allOf": [
                        {"$ref": "#/$defs/Rating"},
                        {"properties": {"value": _value_schema(dimension)}},
                    ],
                    "description": f"{dimension.name}: {dimension.question}",
                }
                for dimension in content.dimensions.values()
            },
            "additionalProperties": False,
        }
    return schema


def schema_files(content: Content | None = None) -> dict[str, str]:
    """File name → JSON text, one per kind, byte-stable for the same models and content."""
    content = content or Content()
    return {
        kind.schema_name: json.dumps(content_schema(kind, content), indent=2, ensure_ascii=False) + "\n"
        for kind in KINDS
    }
