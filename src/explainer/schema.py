"""JSON Schemas for every entity kind, generated from the models, for editors and CI."""

from __future__ import annotations

import json
from typing import Any

from explainer.model import KINDS, Kind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def entity_schema(kind: Kind) -> dict[str, Any]:
    schema = kind.model.model_json_schema(mode="validation")
    # The id is the file name; writing it in the file is optional.
    schema["required"] = [name for name in schema.get("required", []) if name != "id"]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{kind.name}.json",
        **schema,
        "title": f"explainer {kind.label} (content/{kind.folder}/<id>.yaml)",
    }


def schema_files() -> dict[str, str]:
    """File name → JSON text, one per kind, byte-stable for the same models."""
    return {
        f"{kind.name}.json": json.dumps(entity_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in KINDS
    }
