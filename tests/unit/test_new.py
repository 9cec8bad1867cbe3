"""`explainer new` writes a file that is right the first time: one E508 per placeholder and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.cli import main
from explainer.kinds import KINDS, Kind
from tests.conftest import CORPUS

# A demanding policy, like the first site's: a scaffold must satisfy every count it sets.
STRICT: dict[str, Any] = {
    "policy": {
        "min_strengths": 4,
        "min_weaknesses": 4,
        "min_examples": 3,
        "required_fields": {"technology": ["description", "how_it_works"], "definition": ["body"]},
        "min_use_cases_per_technology": 2,
        "min_use_cases_per_industry": 3,
        "min_answer_words": 40,
        "max_first_sentence_words": 35,
        "min_also_asked": 3,
        "rating_notes": True,
        "evidence_levels": True,
        "sources_or_editorial": ["definition", "faq", "industry", "rating"],
        "review_dates": True,
    }
}


def project(root: Path, settings: dict[str, Any] | None) -> Path:
    """A site folder: mkdocs.yml with these explainer options, the fixture content, schemas/."""
    shutil.copytree(CORPUS, root / "content")
    options = {"content_dir": "content", **(settings or {})}
    (root / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "T", "plugins": [{"explainer": options}]}))
    (root / "schemas").mkdir()
    return root


def placeholders(text: str) -> int:
    """TODO in values (not in comments) and `todo` ids: what E508 must report, one each."""
    count = 0
    for line in text.splitlines():
        value = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        count += len(re.findall(r"\bTODO\b", value)) and 1
        count += bool(re.search(r"(?:^|[\s:-])todo(?:\s|$)", value))
    return count


@pytest.mark.parametrize("settings", [None, STRICT], ids=["default-policy", "strict-policy"])
@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_a_fresh_scaffold_gives_one_e508_per_placeholder_and_nothing_else(
    kind: Kind,
    settings: dict[str, Any] | None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = project(tmp_path, settings)
    monkeypatch.chdir(root)
    monkeypatch.setenv("EXPLAINER_TODAY", "2026-06-01")
    assert main(["new", kind.name, "brand-new"]) == 0
    target = root / "content" / kind.folder / "brand-new.yaml"
    capsys.readouterr()
    main(["check", str(target), "--format", "json"])
    import json

    found = json.loads(capsys.readouterr().out)
    codes = [(d["code"], d["line"]) for d in found]
    assert {code for code, _ in codes} <= {"E508"}, found
    assert len(codes) == placeholders(target.read_text()), target.read_text()


def test_the_scaffold_carries_the_schema_modeline_and_lists_allowed_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, STRICT)
    monkeypatch.chdir(root)
    assert main(["new", "technology", "Graph databases"]) == 0
    text = (root / "content/technologies/graph-databases.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/technology.json\n")
    assert 'name: "Graph databases"' in text
    # Every dimension is rated, with its allowed values beside the placeholder.
    assert "schema-flexibility:\n    value: TODO  # low to high: low, medium, high; or not-assessed" in text
    assert "data-models:\n    value: [TODO]  # any of: tables, documents, key-value" in text
    # Lists have the policy's length, and optional fields are commented stubs.
    assert text.count("\n  - title: ") == 8
    assert "# aliases:  # optional." in text


def test_new_faq_lists_the_topics_it_can_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, None)
    monkeypatch.chdir(root)
    assert main(["new", "faq", "Why is the sky blue?"]) == 0
    text = (root / "content/faq/why-is-the-sky-blue.yaml").read_text()
    assert 'question: "Why is the sky blue?"' in text
    assert "- todo  # one of: basics, choosing" in text


def test_new_refuses_to_overwrite_and_rejects_bad_kinds_and_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, None)
    monkeypatch.chdir(tmp_path)
    for argv in (
        ["new", "faq", "which-should-i-choose"],
        ["new", "faq", "Anything", "--id", "Bad_Id"],
        ["new", "gadget", "x"],
        ["new", "faq", "???"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
