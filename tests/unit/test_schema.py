"""The generated JSON Schemas agree with the models: real content passes them, mistakes fail them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from explainer.kinds import KINDS
from explainer.schema import schema_files
from explainer.source import parse_document
from tests.conftest import CORPUS, REPO

SCHEMAS = {name: json.loads(text) for name, text in schema_files().items()}
FILES = sorted(CORPUS.rglob("*.yaml")) + sorted((REPO / "content").rglob("*.yaml"))


def _schema_for(path: Path) -> dict[str, object]:
    kind = next(k for k in KINDS if path.parent.name == k.folder)
    return SCHEMAS[f"{kind.name}.json"]


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_content_file_is_valid_against_its_json_schema(path: Path) -> None:
    data = parse_document(str(path), path.read_bytes()).data
    jsonschema.validate(data, _schema_for(path), format_checker=jsonschema.FormatChecker())


def test_schema_rejects_an_unknown_field_as_the_model_does() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"name": "Basics", "colour": "red"}, SCHEMAS["topic.json"])


def test_schema_does_not_require_the_id_the_file_name_gives() -> None:
    for schema in SCHEMAS.values():
        assert "id" not in schema.get("required", [])
        assert "id" in schema["properties"]


def test_there_is_one_schema_per_entity_kind() -> None:
    assert sorted(SCHEMAS) == sorted(f"{k.name}.json" for k in KINDS)
