"""`explainer new`: the skeleton of a new content file, every required field present, marked TODO."""

from __future__ import annotations

from datetime import date
from typing import Any

from explainer.model import Kind
from explainer.schema import entity_schema

PLACEHOLDER = "TODO"


def _placeholder(name: str, schema: dict[str, Any], definitions: dict[str, Any], indent: str) -> str:
    if "$ref" in schema:
        nested = definitions[schema["$ref"].split("/")[-1]]
        return "\n" + _fields(nested, definitions, indent + "  ")
    kind = schema.get("type")
    if kind == "array":
        item = schema.get("items", {})
        if "$ref" in item:
            fields = _fields(definitions[item["$ref"].split("/")[-1]], definitions, indent + "    ")
            return "\n" + indent + "  - " + fields[len(indent) + 4 :]
        if not schema.get("minItems"):
            return "[]"
        # An id list needs a real id: "todo" is one in form, and check names the ones that exist.
        return "[todo]" if item.get("pattern") else f"[{PLACEHOLDER}]"
    if kind == "object":
        return "{}"
    if "enum" in schema:
        return f"{schema['enum'][0]}  # one of: {', '.join(schema['enum'])}"
    if schema.get("format") == "date":
        return date.today().isoformat()
    if schema.get("format") == "markdown":
        return f"|\n{indent}  {PLACEHOLDER}: Markdown text."
    if kind == "integer":
        return str(date.today().year) if name == "year" else str(schema.get("default", 100))
    if schema.get("title") == "Question" or "?" in str(schema.get("description", "")):
        return f'"{PLACEHOLDER}?"'
    return f'"{PLACEHOLDER}"'


def _fields(schema: dict[str, Any], definitions: dict[str, Any], indent: str = "") -> str:
    required = [name for name in schema.get("required", []) if name != "id"]
    lines = []
    for name in required:
        prop = schema["properties"][name]
        value = _placeholder(name, prop, definitions, indent)
        lines.append(f"{indent}{name}:{'' if value.startswith(chr(10)) else ' '}{value}")
    return "\n".join(lines)


def skeleton(kind: Kind, dimensions: list[str] | None = None) -> str:
    """YAML for a new entity of `kind`: the required fields, each with a TODO to replace.

    A technology gets one rating stub per dimension in `dimensions`, since it must rate them all.
    """
    schema = entity_schema(kind)
    header = (
        f"# A new {kind.label}. Replace every {PLACEHOLDER}, add optional fields you need, then run\n"
        f"# `explainer check`. Every field is described in the field reference (/contributing/fields/).\n"
    )
    body = _fields(schema, schema.get("$defs", {}))
    if kind.name == "technology" and dimensions:
        stubs = "".join(
            f'  {d}:\n    value: "{PLACEHOLDER}"\n    note: "{PLACEHOLDER}: why this value."\n'
            for d in dimensions
        )
        body = body.replace("ratings: {}", "ratings:\n" + stubs.rstrip("\n"))
    return header + body + "\n"
