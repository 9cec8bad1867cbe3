"""Each bad-input fixture, dropped into a clean corpus, produces exactly the diagnostics it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.check import check_content, check_documents
from explainer.codes import READING_AND_SCHEMA_CODES
from explainer.lint import RULES
from explainer.source import MAX_FILE_BYTES
from tests.conftest import FIXTURES, TODAY
from tests.unit.corpus import check_with, corpus_documents, fixture_header

BAD = sorted((FIXTURES / "bad").glob("*.y*ml"))
# Codes whose trigger cannot sit in a small committed file; each has its own test below.
TESTED_ELSEWHERE = {"E102", "W104"}


def test_fixture_corpus_is_clean() -> None:
    result = check_documents(corpus_documents(), [], today=TODAY)
    assert result.diagnostics == []


@pytest.mark.parametrize("fixture", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_gives_exactly_its_diagnostics(fixture: Path) -> None:
    target, expected = fixture_header(fixture)
    assert target and expected, f"{fixture.name} needs '# target:' and '# expect:' lines"
    result = check_with(target, fixture.read_bytes())
    # An expectation names a file only when the finding is not in the fixture's own file.
    found = [
        f"{d.code} {d.position}"
        + ("" if d.path == f"corpus/{target}" else f" {d.path.removeprefix('corpus/')}")
        for d in result.diagnostics
    ]
    assert sorted(found) == sorted(expected), "\n".join(map(str, result.diagnostics))
    assert result.failed(strict=True)


def test_every_code_has_a_fixture_that_produces_it() -> None:
    codes = set(READING_AND_SCHEMA_CODES) | {r.code for r in RULES}
    # Covered means a fixture expects the code, not merely that a file name starts with it.
    expected = {line.split()[0] for fixture in BAD for line in fixture_header(fixture)[1]}
    covered = expected | TESTED_ELSEWHERE
    assert sorted(codes - covered) == []


def test_every_fixture_is_named_after_a_known_code() -> None:
    codes = set(READING_AND_SCHEMA_CODES) | {r.code for r in RULES}
    assert sorted({fixture.name.split("-")[0] for fixture in BAD} - codes) == []


def test_oversize_file_is_refused_before_parsing() -> None:
    raw = b"name: x\nsummary: " + b"a" * MAX_FILE_BYTES + b"\n"
    result = check_with("topics/huge.yaml", raw)
    assert [(d.code, str(d.position)) for d in result.diagnostics] == [("E102", "1:1")]


def test_a_non_yaml_file_in_a_content_folder_is_one_warning_not_silence(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "faq").mkdir(parents=True)
    (content / "faq" / "is-this-read.md").write_text("question: Is this read?\n")
    (content / "faq" / "shouting.YAML").write_text("question: Loud?\n")
    (content / "faq" / ".gitkeep").write_text("")
    (content / "README.md").write_text("What lives here.\n")
    result = check_content(content, base=tmp_path, today=TODAY)
    found = [(d.path, d.code, str(d.position)) for d in result.diagnostics]
    assert found == [
        ("content/faq/is-this-read.md", "W104", "1:1"),
        ("content/faq/shouting.YAML", "W104", "1:1"),
    ]
    assert not result.failed(strict=False) and result.failed(strict=True)
