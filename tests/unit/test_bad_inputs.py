"""Each bad-input fixture, dropped into a clean corpus, produces exactly the diagnostics it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.check import check_content, check_documents
from explainer.codes import CATALOGUE
from explainer.lint import RULES
from explainer.source import MAX_FILE_BYTES
from tests.conftest import FIXTURES, REPO, TODAY
from tests.unit.corpus import check_with, corpus_documents, fixture_header

BAD = sorted((FIXTURES / "bad").glob("*.y*ml"))
# Codes whose trigger cannot sit in a small committed file; each has its own test.
TESTED_ELSEWHERE = {
    "E001": "tests/unit/test_settings.py",
    "E102": "test_oversize_file_is_refused_before_parsing",
    "E306": "tests/build/test_build_safety.py::test_a_marker_that_names_no_technology_fails_the_check_and_…",
    "W104": "test_a_non_yaml_file_in_a_content_folder_is_one_warning_not_silence",
    "X001": "tests/unit/test_lint_rules.py::test_a_crashing_rule_is_reported_and_the_others_still_run",
}


def test_fixture_corpus_is_clean() -> None:
    result = check_documents(corpus_documents(), [], today=TODAY)
    assert result.diagnostics == []


@pytest.mark.parametrize("fixture", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_gives_exactly_its_diagnostics(fixture: Path) -> None:
    target, expected, settings = fixture_header(fixture)
    assert target and expected, f"{fixture.name} needs '# target:' and '# expect:' lines"
    result = check_with(target, fixture.read_bytes(), settings)
    # An expectation names a file only when the finding is not in the fixture's own file.
    found = [
        f"{d.code} {d.position}"
        + ("" if d.path == f"corpus/{target}" else f" {d.path.removeprefix('corpus/')}")
        for d in result.diagnostics
    ]
    assert sorted(found) == sorted(expected), "\n".join(map(str, result.diagnostics))
    assert result.failed(strict=True)


def test_every_code_has_a_fixture_that_produces_it() -> None:
    # Covered means a fixture expects the code, not merely that a file name starts with it.
    expected = {line.split()[0] for fixture in BAD for line in fixture_header(fixture)[1]}
    assert sorted(set(CATALOGUE) - expected - set(TESTED_ELSEWHERE)) == []


def test_every_fixture_is_named_after_a_known_code() -> None:
    assert sorted({fixture.name.split("-")[0] for fixture in BAD} - set(CATALOGUE)) == []


def test_every_rule_reports_under_a_catalogued_code_and_every_code_is_used_somewhere() -> None:
    assert sorted({r.code for r in RULES} - set(CATALOGUE)) == []
    source = "\n".join(p.read_text() for p in (REPO / "src/explainer").rglob("*.py"))
    written = set(re.findall(r"[\"']([EWX]\d{3})[\"']", source))
    assert sorted(written - set(CATALOGUE)) == [], "codes used in src/ but missing from the catalogue"
    assert sorted(set(CATALOGUE) - written) == [], "catalogue codes that nothing reports"


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
