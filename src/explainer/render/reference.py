"""The contributors' field reference: generated from the models, with Markdown rules and diagnostic codes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from explainer.codes import CODES
from explainer.kinds import KINDS, Kind
from explainer.markdown import MAX_BRACKETS, MAX_EMPHASIS_MARKERS
from explainer.model import (
    ID_PATTERN,
    MAX_LEVELS,
    MAX_MARKDOWN_CHARS,
    MAX_POINT_CHARS,
    MAX_QUESTION_CHARS,
    MAX_SHORT_DEFINITION_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TEXT_VALUE_CHARS,
)
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import FIELD_REFERENCE
from explainer.render.page import Page
from explainer.schema import entity_schema
from explainer.settings import SECTIONS, Settings
from explainer.source import MAX_DEPTH, MAX_FILE_BYTES


def describe_type(schema: dict[str, Any], definitions: dict[str, Any]) -> str:
    """A short, readable type for one JSON Schema property."""
    if "$ref" in schema:
        return str(definitions[schema["$ref"].split("/")[-1]].get("title", "mapping"))
    if "anyOf" in schema:
        return " or ".join(describe_type(s, definitions) for s in schema["anyOf"] if s.get("type") != "null")
    values = schema.get("additionalProperties") or next(
        iter(schema.get("patternProperties", {}).values()), None
    )
    if isinstance(values, dict):
        return f"mapping of id to {describe_type(values, definitions)}"
    if "enum" in schema or "const" in schema:
        values = schema.get("enum", [schema.get("const")])
        return "one of " + ", ".join(f"`{v}`" for v in values)
    kind = schema.get("type")
    if kind == "array":
        return f"list of {describe_type(schema.get('items', {}), definitions)}"
    if kind == "object":
        values = schema.get("additionalProperties")
        return (
            f"mapping of id to {describe_type(values, definitions)}"
            if isinstance(values, dict)
            else "mapping"
        )
    if kind == "string" and schema.get("pattern") == ID_PATTERN:
        return "id"
    if kind == "string":
        fmt = str(schema.get("format"))
        if fmt == "markdown" and schema.get("x-headings"):
            return "Markdown, headings allowed"
        return {"markdown": "Markdown", "date": "date (YYYY-MM-DD)", "uri": "https URL"}.get(fmt, "text")
    return {"integer": "whole number", "boolean": "true/false"}.get(str(kind), str(kind))


def limits(schema: dict[str, Any]) -> str:
    found = []
    if "anyOf" in schema:  # an optional field: the limits are on the non-null branch
        schema = next((s for s in schema["anyOf"] if s.get("type") != "null"), schema)
    target = (
        schema["items"] if schema.get("type") == "array" and isinstance(schema.get("items"), dict) else schema
    )
    if "maxLength" in target:
        found.append(f"≤ {target['maxLength']} characters")
    if "minItems" in schema:
        found.append(f"≥ {schema['minItems']} items")
    if "maxItems" in schema:
        found.append(f"≤ {schema['maxItems']} items")
    if "minimum" in schema and "maximum" in schema:
        found.append(f"{schema['minimum']}–{schema['maximum']}")
    return ", ".join(found)


def field_rows(schema: dict[str, Any], definitions: dict[str, Any]) -> list[dict[str, str]]:
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": describe_type(prop, definitions),
            "required": "yes" if name in required else "",
            "limits": limits(prop),
            "description": " ".join(str(prop.get("description", "")).split()),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def kind_reference(kind: Kind) -> dict[str, Any]:
    schema = entity_schema(kind)
    definitions = schema.get("$defs", {})
    return {
        "kind": kind,
        "doc": " ".join((kind.model.__doc__ or "").split()),
        "fields": field_rows(schema, definitions),
        "parts": [
            {
                "title": d.get("title", name),
                "doc": " ".join(str(d.get("description", "")).split()),
                "fields": field_rows(d, definitions),
            }
            for name, d in sorted(definitions.items())
            if d.get("type") == "object" and "properties" in d
        ],
    }


def _default(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if value is not None else "null"


def option_type(annotation: Any) -> str:
    """An option's type as a reader of the reference says it: `int`, `one of "a", "b"`, `list of str`."""
    origin, arguments = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return option_type(arguments[0])
    if origin is Literal:
        return "one of " + ", ".join(f'"{v}"' if isinstance(v, str) else repr(v) for v in arguments)
    if origin in (Union, UnionType):
        return " or ".join("null" if a is type(None) else option_type(a) for a in arguments)
    if origin in (list, tuple, set, frozenset, Sequence):
        return f"list of {option_type(arguments[0])}" if arguments else "list"
    if origin in (dict, Mapping):
        key, value = (option_type(a) for a in arguments) if arguments else ("str", "any")
        return f"mapping of {key} to {value}"
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


def option_groups() -> list[dict[str, Any]]:
    """The site options (mkdocs.yml: plugins.explainer), top level first, then each section."""
    groups = []
    sections: list[tuple[str, type[BaseModel]]] = [("explainer", Settings), *SECTIONS]
    for name, model in sections:
        rows = []
        for field_name, info in model.model_fields.items():
            if isinstance(info.default, BaseModel):
                continue  # a section: listed as its own group below
            rows.append(
                {
                    "name": field_name,
                    "type": option_type(info.annotation),
                    "default": _default(
                        info.default.model_dump() if isinstance(info.default, BaseModel) else info.default
                    ),
                    "description": " ".join((info.description or "").split()),
                }
            )
        groups.append({"name": name, "doc": " ".join((model.__doc__ or "").split()), "options": rows})
    return groups


LIMITS = (
    ("File size", f"{MAX_FILE_BYTES // 1024} KiB"),
    ("Markdown field", f"{MAX_MARKDOWN_CHARS:,} characters"),
    ("Strength, weakness or rating note", f"{MAX_POINT_CHARS} characters"),
    ("One-line summary", f"{MAX_SUMMARY_CHARS} characters"),
    ("Glossary `short`", f"{MAX_SHORT_DEFINITION_CHARS} characters"),
    ("Question", f"{MAX_QUESTION_CHARS} characters"),
    ("Values of a dimension (levels)", f"{MAX_LEVELS}"),
    ("A text rating value", f"{MAX_TEXT_VALUE_CHARS} characters"),
    ("`[` in one Markdown field", f"{MAX_BRACKETS}"),
    ("`*` and `_` in one Markdown field", f"{MAX_EMPHASIS_MARKERS}"),
    ("Nesting depth of a file", f"{MAX_DEPTH} levels"),
)


def field_reference_markdown(site: RenderContext) -> str:
    """The field reference page: every kind's fields, the Markdown rules, limits, options and codes."""
    return render_template(
        site,
        "fields.md.j2",
        FIELD_REFERENCE,
        kinds=[kind_reference(kind) for kind in KINDS],
        schemes=[(kind.scheme, kind.label) for kind in KINDS],
        codes=CODES,
        limits=LIMITS,
        options=option_groups(),
        file_limit=MAX_FILE_BYTES // 1024,
    )


def render_field_reference(site: RenderContext) -> list[Page]:
    return [
        Page(
            path=FIELD_REFERENCE,
            title="Field reference",
            body=field_reference_markdown(site),
            family="reference",
            description="Every field of every content file, the Markdown content may use, the site options, "
            "and what each diagnostic code means.",
        )
    ]
