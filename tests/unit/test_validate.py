"""Schema errors in the contributor's words, at the key or item that caused them."""

from __future__ import annotations

from explainer.diagnostics import Diagnostic, Position
from explainer.kinds import KIND_BY_NAME
from explainer.source import parse_document
from explainer.validate import validate_document

FAQ = """question: Is it 1:20?
answer: no
topics: [basics]
reviewed: 2026-01-02
"""


def validate(kind: str, text: str, path: str = "content/faq/x.yaml") -> tuple[object, list[Diagnostic]]:
    return validate_document(parse_document(path, text.encode()), KIND_BY_NAME[kind])


def test_text_that_yaml_1_1_would_change_stays_as_written() -> None:
    entity, problems = validate("faq", FAQ)
    assert problems == []
    assert entity.question == "Is it 1:20?"  # type: ignore[attr-defined]
    assert entity.answer == "no"  # type: ignore[attr-defined]


def test_id_comes_from_the_file_name() -> None:
    entity, _ = validate("faq", FAQ, "content/faq/is-it-late.yaml")
    assert entity.id == "is-it-late"  # type: ignore[attr-defined]


def test_unknown_field_suggests_the_nearest_allowed_one() -> None:
    _, problems = validate("faq", FAQ.replace("topics:", "topcis:"))
    (problem,) = problems
    assert (problem.code, problem.position) == ("E201", Position(3, 1))
    assert problem.message == "unknown field 'topcis'"
    assert problem.hint == "did you mean 'topics'?"


def test_unknown_field_without_a_near_match_lists_the_allowed_ones() -> None:
    _, problems = validate("faq", FAQ + "colour: blue\n")
    (problem,) = problems
    assert problem.hint is not None and problem.hint.startswith("allowed fields: ")
    assert "question" in problem.hint


def test_unknown_field_inside_a_list_item_suggests_from_that_item() -> None:
    text = (
        "name: T\nsummary: S\ndescription: D\nhow_it_works: H\n"
        "strengths:\n  - title: A\n    detial: B\nweaknesses:\n  - {title: C, detail: D}\n"
        "ratings: {}\nreviewed: 2026-01-01\n"
    )
    _, problems = validate("technology", text, "content/technologies/t.yaml")
    (problem,) = problems
    assert (problem.code, problem.position) == ("E201", Position(7, 5))
    assert problem.hint == "did you mean 'detail'?"


def test_number_where_text_is_expected_is_an_error_with_a_quoting_hint() -> None:
    _, problems = validate("faq", FAQ.replace("answer: no", "answer: 42"))
    (problem,) = problems
    assert (problem.code, problem.position) == ("E203", Position(2, 1))
    assert "'answer' must be text, not the number 42" in problem.message
    assert problem.hint == "put the value in quotes so it stays text"


def test_empty_value_says_so() -> None:
    _, problems = validate("faq", FAQ.replace("answer: no", "answer:"))
    (problem,) = problems
    assert problem.code == "E203" and "nothing" in problem.message


def test_missing_field_points_at_the_mapping_that_lacks_it() -> None:
    _, problems = validate("faq", FAQ.replace("answer: no\n", ""))
    (problem,) = problems
    assert (problem.code, problem.position) == ("E202", Position(1, 1))
    assert problem.message == "missing required field 'answer'"


def test_value_outside_a_fixed_set_suggests_the_nearest() -> None:
    source = "title: T\nauthors: [A]\nyear: 2020\nurl: https://a.example/x\nkind: documentaton\n"
    _, problems = validate("source", source, "content/sources/s.yaml")
    (problem,) = problems
    assert (problem.code, problem.position) == ("E204", Position(5, 1))
    assert problem.hint == "did you mean 'documentation'?"


def test_dates_must_be_written_as_iso_dates() -> None:
    _, problems = validate("faq", FAQ.replace("2026-01-02", "2 Jan 2026"))
    (problem,) = problems
    assert problem.code == "E204" and "YYYY-MM-DD" in problem.message


def test_plain_text_fields_are_single_lines() -> None:
    _, problems = validate("faq", FAQ.replace("question: Is it 1:20?", 'question: "Is it\\nlate?"'))
    (problem,) = problems
    assert problem.code == "E204" and "single line" in problem.message


def test_written_id_must_match_the_file_name() -> None:
    _, problems = validate("faq", "id: other\n" + FAQ, "content/faq/mine.yaml")
    (problem,) = problems
    assert (problem.code, problem.position) == ("E210", Position(1, 1))


def test_every_error_in_a_file_is_reported_not_just_the_first() -> None:
    broken = "question: no mark\nanswer: 1\ntopics: basics\nreviewed: soon\n"
    _, problems = validate("faq", broken)
    assert [p.position.line for p in sorted(problems, key=Diagnostic.sort_key)] == [1, 2, 3, 4]
