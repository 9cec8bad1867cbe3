"""`explainer new`: a new content file whose every field has a placeholder of the right shape.

Required fields, and the optional ones the site's policy requires, get a
placeholder: `TODO` in text, `todo` where an id is expected, the right number
of list items, and the allowed values in a comment. Other optional fields are
commented stubs. A fresh file gives one E508 per placeholder and nothing
else, so the check's output is the to-do list.
"""

from __future__ import annotations

import json
import os
import types
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from explainer.content import Content
from explainer.fields import field_meanings
from explainer.kinds import Kind
from explainer.model import NOT_ASSESSED, PLACEHOLDER, PLACEHOLDER_ID, YES_NO_VALUES, Dimension
from explainer.settings import Settings

INDENT = "  "
# Kinds whose ids are listed in a comment beside a placeholder id (small, stable sets).
LISTED_KINDS = ("topic", "dimension", "industry")


def _core(annotation: Any) -> Any:
    """`X | None` and `Annotated[X, …]` down to X."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _min_items(info: FieldInfo) -> int:
    return max((m.min_length for m in info.metadata if hasattr(m, "min_length") and m.min_length), default=0)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class Scaffold:
    """Writes one kind's skeleton, knowing the content (ids, dimensions) and the site's policy."""

    def __init__(self, content: Content, settings: Settings, today: date) -> None:
        self.content = content
        self.settings = settings
        self.today = today
        policy = settings.policy
        self.minimums = {
            "strengths": policy.min_strengths,
            "weaknesses": policy.min_weaknesses,
            "examples": policy.min_examples,
            "also_asked": policy.min_also_asked,
            "levels": 2,  # a new dimension starts as a scale, which needs two levels, low to high
        }

    def wanted(self, kind: Kind, name: str) -> bool:
        """Optional fields this site's policy requires, so the scaffold fills them in."""
        policy = self.settings.policy
        if name in policy.required_fields.get(kind.name, []):  # type: ignore[call-overload]
            return True
        if name == "reviewed":
            return True  # the date is known: today
        if name == "evidence":
            return kind.name in policy.sources_or_editorial
        if name == "levels":
            return kind.name == "dimension"
        return self.minimums.get(name, 0) > 0

    # -- values --------------------------------------------------------------------------------

    def ids_comment(self, kind: str) -> str:
        ids = sorted(self.content.ids(kind))
        if kind in LISTED_KINDS and ids:
            return f"  # one of: {', '.join(ids[:40])}"
        return f"  # the id of a {kind}"

    def value(self, model: type[BaseModel], name: str, info: FieldInfo, indent: str, count: int = 1) -> str:
        """The YAML for one field's value, placed after `name:`."""
        meaning = field_meanings(model)[name]
        core = _core(info.annotation)
        origin = get_origin(core)
        if meaning.ref is not None and origin is list:
            if count <= 0:
                return "[]"
            return "\n" + "".join(
                f"{indent}- {PLACEHOLDER_ID}{self.ids_comment(meaning.ref)}\n" for _ in range(count)
            ).rstrip("\n")
        if meaning.ref is not None:
            return f"{PLACEHOLDER_ID}{self.ids_comment(meaning.ref)}"
        if meaning.markdown is not None:
            return f"|\n{indent}{PLACEHOLDER}: write {name.replace('_', ' ')} here (Markdown)."
        if origin is list and meaning.nested is not None:
            items = [self.mapping(meaning.nested, indent + INDENT, index) for index in range(max(count, 1))]
            return "\n" + "\n".join(f"{indent}- " + item.lstrip() for item in items)
        if origin is list:
            if count <= 0:
                return "[]"
            return "\n" + "\n".join(f"{indent}- {_quote(f'{PLACEHOLDER} {n + 1}')}" for n in range(count))
        if meaning.nested is not None:
            return "\n" + self.mapping(meaning.nested, indent)
        if get_origin(core) is Literal:
            options = [str(v) for v in get_args(core)]
            chosen = "editorial" if "editorial" in options else options[0]
            return f"{chosen}  # one of: {', '.join(options)}"
        if core is bool:
            return "true" if info.default is True else "false"
        if core is int:
            return (
                str(self.today.year)
                if name == "year"
                else str(info.default if isinstance(info.default, int) else 100)
            )
        if core is date:
            return self.today.isoformat()
        if name == "url":
            return f'"https://example.org/{PLACEHOLDER}"'
        if name == "question":
            return _quote(f"{PLACEHOLDER}?")
        return _quote(PLACEHOLDER)

    def mapping(
        self, model: type[BaseModel], indent: str = "", index: int = 0, kind: Kind | None = None
    ) -> str:
        """Every required (and wanted) field of `model`, then the rest as commented stubs."""
        lines: list[str] = []
        stubs: list[str] = []
        for name, info in model.model_fields.items():
            if name == "id" and kind is not None:
                continue
            wanted = info.is_required() or (kind is not None and self.wanted(kind, name))
            if model.__name__ == "Choice" and name == "id":
                lines.append(f"{indent}id: option-{index + 1}")
                continue
            if model.__name__ == "Level" and name == "id":
                lines.append(f"{indent}id: level-{index + 1}")
                continue
            if field_meanings(model)[name].ref_keys == "dimension" and self.content.dimensions:
                lines.append(f"{indent}{name}:\n{self.ratings(indent + INDENT)}")
                continue
            if not wanted:
                stubs.append(self.stub(name, info, indent))
                continue
            count = max(_min_items(info), self.minimums.get(name, 0) if kind is not None else 0)
            value = self.value(model, name, info, indent + INDENT, count)
            lines.append(f"{indent}{name}:{'' if value.startswith(chr(10)) else ' '}{value}")
        return "\n".join(lines + [s for s in stubs if s])

    def stub(self, name: str, info: FieldInfo, indent: str) -> str:
        description = " ".join((info.description or "").split())
        return f"{indent}# {name}:  # optional. {description}".rstrip()

    # -- kinds with content-dependent parts -------------------------------------------------------

    def ratings(self, indent: str) -> str:
        """One rating per dimension, with the dimension's allowed values in a comment."""
        policy = self.settings.policy
        blocks = []
        for dimension in self.content.dimensions.values():
            lines = [f"{indent}{dimension.id}:", f"{indent}{INDENT}value: {self.rating_value(dimension)}"]
            if policy.rating_notes:
                lines.append(f"{indent}{INDENT}note: {_quote(PLACEHOLDER + ': why this value.')}")
            if policy.evidence_levels or "rating" in policy.sources_or_editorial:
                lines.append(f"{indent}{INDENT}evidence: editorial  # measured or documented need sources")
            blocks.append("\n".join(lines))
        return "\n".join(blocks)

    @staticmethod
    def rating_value(dimension: Dimension) -> str:
        if dimension.kind == "yes-no":
            return f"{PLACEHOLDER}  # {', '.join(YES_NO_VALUES)} or {NOT_ASSESSED}"
        levels = ", ".join(level.id for level in dimension.levels)
        if dimension.kind == "scale":
            return f"{PLACEHOLDER}  # low to high: {levels}; or {NOT_ASSESSED}"
        if dimension.kind == "list":
            allowed = f"any of: {levels}" if levels else "short phrases"
            return f"[{PLACEHOLDER}]  # {allowed}; or {NOT_ASSESSED}"
        return f"{_quote(PLACEHOLDER)}  # a short phrase, or {NOT_ASSESSED}"

    def skeleton(self, kind: Kind, title: str | None, schema_path: str | None) -> str:
        header = []
        if schema_path:
            header.append(f"# yaml-language-server: $schema={schema_path}")
        header.append(
            f"# A new {kind.label}. Replace each {PLACEHOLDER} (and each `{PLACEHOLDER_ID}` id), fill in or"
            " delete"
        )
        header.append("# the commented optional fields, then run `explainer check`. The field reference")
        header.append("# (docs/contributing/fields.md) explains every field.")
        body = self.mapping(kind.model, "", kind=kind)
        if title:
            field = kind.title_field
            placeholder = f"{field}: {self.value(kind.model, field, kind.model.model_fields[field], INDENT)}"
            body = body.replace(placeholder, f"{field}: {_quote(title)}", 1)
        return "\n".join(header) + "\n" + body + "\n"


def schema_modeline(target: Path, schemas_dir: Path, kind: Kind) -> str:
    """The path from a content file to its kind's schema, for the yaml-language-server modeline."""
    return os.path.relpath(schemas_dir / kind.schema_name, target.parent).replace(os.sep, "/")
