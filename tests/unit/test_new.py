"""`explainer new` starts a file a contributor can fill in: every required field, TODO where text goes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.model import KINDS
from explainer.scaffold import skeleton
from explainer.source import parse_document
from explainer.validate import validate_document
from tests.conftest import CORPUS


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_skeleton_is_strict_yaml_with_every_required_field(kind) -> None:  # type: ignore[no-untyped-def]
    document = parse_document(f"content/{kind.folder}/new-entry.yaml", skeleton(kind).encode())
    _, problems = validate_document(document, kind)
    assert [p for p in problems if p.code in {"E201", "E202", "E203"}] == []


def test_new_then_check_lists_exactly_what_is_left_to_fill(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CORPUS, content)
    assert main(["new", "technology", "graph-databases", "--content-dir", str(content)]) == 0
    written = (content / "technologies/graph-databases.yaml").read_text()
    for dimension in ("schema-flexibility", "query-language", "joins", "data-models"):
        assert f"  {dimension}:\n" in written
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    assert "E508" in out and "E501" not in out and "Traceback" not in out


def test_new_refuses_to_overwrite_and_rejects_bad_ids(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CORPUS, content)
    for argv in (["new", "faq", "which-should-i-choose"], ["new", "faq", "Bad_Id"], ["new", "gadget", "x"]):
        with pytest.raises(SystemExit) as caught:
            main([*argv, "--content-dir", str(content)])
        assert caught.value.code == 2
