"""The contributors' field reference: generated from the models, with Markdown rules and diagnostic codes."""

from __future__ import annotations

from typing import Any

from explainer.codes import INTERNAL_CODES, READING_AND_SCHEMA_CODES
from explainer.lint import RULES
from explainer.markdown import XREF_SCHEMES
from explainer.model import ID_PATTERN, KINDS, Content, Kind
from explainer.render.environment import render_template
from explainer.render.links import FIELD_REFERENCE
from explainer.render.page import Page
from explainer.schema import entity_schema
from explainer.source import MAX_FILE_BYTES


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


def render_field_reference(content: Content) -> list[Page]:
    body = render_template(
        "fields.md.j2",
        FIELD_REFERENCE,
        kinds=[kind_reference(kind) for kind in KINDS],
        schemes=XREF_SCHEMES,
        reading_codes=sorted(READING_AND_SCHEMA_CODES.items()),
        rules=sorted(RULES, key=lambda r: r.code),
        internal_codes=sorted(INTERNAL_CODES.items()),
        file_limit=MAX_FILE_BYTES // 1024,
    )
    return [
        Page(
            path=FIELD_REFERENCE,
            title="Field reference",
            body=body,
            family="reference",
            description="Every field of every content file, the Markdown content may use, and what each "
            "diagnostic code means.",
        )
    ]
