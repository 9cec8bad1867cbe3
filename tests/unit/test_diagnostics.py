"""The three report formats, byte for byte."""

from __future__ import annotations

import json

import pytest

from explainer.diagnostics import Diagnostic, Position, Severity, render_report

FINDINGS = [
    Diagnostic(
        "content/faq/b.yaml",
        Position(7, 5),
        Severity.ERROR,
        "E301",
        "unknown technology 'llms'",
        "did you mean 'large-language-models'?",
    ),
    Diagnostic(
        "content/faq/a,b.yaml",
        Position(2, 1),
        Severity.WARNING,
        "W503",
        "the answer is 12 words; aim for 60 to 250",
    ),
    Diagnostic(
        "content/faq/b.yaml",
        Position(3, 1),
        Severity.ERROR,
        "E201",
        "unknown field 'anwser'",
        "did you mean 'answer'?",
    ),
]


def test_text_format_is_one_sorted_line_per_finding() -> None:
    assert render_report(FINDINGS, "text") == (
        "content/faq/a,b.yaml:2:1: warning W503: the answer is 12 words; aim for 60 to 250\n"
        "content/faq/b.yaml:3:1: error E201: unknown field 'anwser' — did you mean 'answer'?\n"
        "content/faq/b.yaml:7:5: error E301: unknown technology 'llms' — did you mean 'large-language-models'?\n"
    )


def test_github_format_is_workflow_annotations_with_escaped_properties() -> None:
    assert render_report(FINDINGS, "github") == (
        "::warning file=content/faq/a%2Cb.yaml,line=2,col=1,title=W503::"
        "W503: the answer is 12 words; aim for 60 to 250\n"
        "::error file=content/faq/b.yaml,line=3,col=1,title=E201::"
        "E201: unknown field 'anwser' — did you mean 'answer'?\n"
        "::error file=content/faq/b.yaml,line=7,col=5,title=E301::"
        "E301: unknown technology 'llms' — did you mean 'large-language-models'?\n"
    )


def test_json_format_is_a_sorted_array_of_flat_records() -> None:
    records = json.loads(render_report(FINDINGS, "json"))
    assert [r["line"] for r in records] == [2, 3, 7]
    assert records[1] == {
        "code": "E201",
        "column": 1,
        "hint": "did you mean 'answer'?",
        "line": 3,
        "message": "unknown field 'anwser'",
        "path": "content/faq/b.yaml",
        "severity": "error",
    }


def test_github_format_escapes_newlines_in_messages() -> None:
    odd = Diagnostic("a.yaml", Position(1, 1), Severity.ERROR, "E103", "bad\nthing 100%")
    assert (
        render_report([odd], "github")
        == "::error file=a.yaml,line=1,col=1,title=E103::E103: bad%0Athing 100%25\n"
    )


def test_no_findings_prints_nothing_or_an_empty_array() -> None:
    assert render_report([], "text") == ""
    assert render_report([], "github") == ""
    assert render_report([], "json") == "[]\n"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("key\rcontent/x.yaml:1:1: note: fine", "key\\rcontent/x.yaml:1:1: note: fine"),
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
        ("two\nlines", "two\\nlines"),
        ("abc\u202edef", "abc\\u202edef"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("tab\there", "tab\\there"),
        ("plain ✓ text", "plain ✓ text"),
    ],
)
def test_text_format_is_one_line_whatever_a_key_or_value_holds(written: str, shown: str) -> None:
    odd = Diagnostic("a.yaml", Position(1, 1), Severity.ERROR, "E201", f"unknown field '{written}'", written)
    line = render_report([odd], "text")
    assert line.count("\n") == 1 and "\r" not in line and "\x1b" not in line and "\u202e" not in line
    assert line == f"a.yaml:1:1: error E201: unknown field '{shown}' — {shown}\n"


def test_a_key_with_control_characters_is_one_line_from_the_yaml_to_the_terminal() -> None:
    from tests.unit.corpus import check_with

    raw = b'name: Extra\n"sneaky\\rcorpus/faq/x.yaml:1:1: note: fine\\e[2J\\nnext": 1\n'
    result = check_with("topics/extra.yaml", raw)
    report = render_report(result.diagnostics, "text")
    assert report.count("\n") == len(result.diagnostics) == 1
    assert "\\r" in report and "\\x1b" in report and "\\n" in report
