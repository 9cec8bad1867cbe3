"""Strict reading: YAML 1.2 scalars, positions for every key and item, and refused hazards."""

from __future__ import annotations

import pytest

from explainer.diagnostics import Position
from explainer.source import ReadError, parse_document


def read(text: str) -> object:
    return parse_document("content/x/y.yaml", text.encode()).data


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("no", "no"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("1:20", "1:20"),
        ("2024-01-02", "2024-01-02"),
        ("1.10.2", "1.10.2"),
        ("'012'", "012"),
        ('"true"', "true"),
        ("true", True),
        ("false", False),
        ("42", 42),
        ("012", 12),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("~", None),
        ("", None),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core_rules(written: str, expected: object) -> None:
    assert read(f"value: {written}\n") == {"value": expected}


def test_country_codes_in_a_list_stay_text() -> None:
    assert read("countries: [GB, NO, SE]\n") == {"countries": ["GB", "NO", "SE"]}


def test_keys_are_always_text() -> None:
    assert read("2020: a\nno: b\n") == {"2020": "a", "no": "b"}


def test_every_key_and_item_keeps_its_position() -> None:
    document = parse_document(
        "content/x/y.yaml",
        b"name: A\nitems:\n  - first\n  -   second\nnested:\n    inner: {a: 1}\n",
    )
    assert document.position(("name",)) == Position(1, 1)
    assert document.position(("items",)) == Position(2, 1)
    assert document.position(("items", 0)) == Position(3, 5)
    assert document.position(("items", 1)) == Position(4, 7)
    assert document.position(("nested", "inner")) == Position(6, 5)
    assert document.position(("nested", "inner", "a")) == Position(6, 13)
    assert document.value_position(("name",)) == Position(1, 7)


def test_missing_location_falls_back_to_the_nearest_parent() -> None:
    document = parse_document("content/x/y.yaml", b"# comment\nratings:\n  a: {value: x}\n")
    assert document.position(("ratings", "b")) == Position(2, 1)
    assert document.position(("nothing",)) == Position(2, 1)


def test_windows_line_endings_and_utf8_bom_are_accepted() -> None:
    document = parse_document("content/x/y.yaml", b"\xef\xbb\xbfname: A\r\nother: B\r\n")
    assert document.data == {"name": "A", "other": "B"}
    assert document.position(("other",)) == Position(2, 1)


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("body: |\n  one\n  two [x](term:y)\n", "term:y", Position(3, 11)),
        ("body: >-\n  one\n  two [x](term:y)\n", "term:y", Position(3, 11)),
        ('body: "one two [x](term:y)"\n', "term:y", Position(1, 20)),
        ("body: one\n  two [x](term:y)\n", "term:y", Position(2, 11)),
    ],
)
def test_position_inside_a_value_is_exact_for_every_scalar_style(
    text: str, needle: str, expected: Position
) -> None:
    document = parse_document("content/x/y.yaml", text.encode())
    body = document.data["body"]
    assert document.position_in_value(("body",), body, body.index(needle)) == expected


def test_position_inside_a_value_falls_back_to_the_value_start_for_escapes() -> None:
    document = parse_document("content/x/y.yaml", b'body: "a\\u00e9b"\n')
    assert document.position_in_value(("body",), "a\u00e9b", 1) == Position(1, 7)


@pytest.mark.parametrize(
    ("raw", "code", "position"),
    [
        (b"a: 1\na: 2\n", "E104", Position(2, 1)),
        (b"a: &x 1\nb: *x\n", "E105", Position(1, 4)),
        (b"a: [&x 1]\n", "E105", Position(1, 5)),
        (b"<<: {a: 1}\n", "E105", Position(1, 1)),
        (b"a: !!str 1\n", "E106", Position(1, 4)),
        (b"a: !custom 1\n", "E106", Position(1, 4)),
        (b"a: !!binary aGVsbG8=\n", "E106", Position(1, 4)),
        (b"- a\n", "E107", Position(1, 1)),
        (b"just text\n", "E107", Position(1, 1)),
        (b"", "E107", Position(1, 1)),
        (b"# only a comment\n", "E107", Position(1, 1)),
        (b"a: 1\n--- \nb: 2\n", "E107", Position(2, 1)),
        ("a: 1\n".encode("utf-16"), "E101", Position(1, 1)),
        (b"a: \xff\n", "E101", Position(1, 4)),
        (b"a: x\x00y\n", "E401", Position(1, 5)),
        (b"a: x\ry\n", "E401", Position(1, 5)),
        ("a: x\u2066y\n".encode(), "E401", Position(1, 5)),
        (b"a: [\n", "E103", Position(2, 1)),
        (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "E108", Position(1, 1003)),
    ],
)
def test_each_reading_hazard_is_one_positioned_error(raw: bytes, code: str, position: Position) -> None:
    with pytest.raises(ReadError) as caught:
        parse_document("content/x/y.yaml", raw)
    assert [(d.code, d.position) for d in caught.value.diagnostics] == [(code, position)]
    assert all(d.path == "content/x/y.yaml" and d.is_error for d in caught.value.diagnostics)


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    raw = b'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    with pytest.raises(ReadError) as caught:
        parse_document("content/x/y.yaml", raw)
    assert caught.value.diagnostics[0].code == "E105"


def test_duplicate_key_hint_names_the_first_line() -> None:
    with pytest.raises(ReadError) as caught:
        parse_document("content/x/y.yaml", b"name: a\nother: b\nname: c\n")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.position == Position(3, 1)
    assert diagnostic.hint is not None and "line 1" in diagnostic.hint


@pytest.mark.parametrize(
    ("raw", "position"),
    [
        (b"question: [a,\nb]\n", Position(2, 1)),  # flow sequence continued at column 0
        (b'question: "a\nb"\n', Position(2, 1)),  # double-quoted scalar continued at column 0
        (b"question: 'a\nb'\n", Position(2, 1)),  # single-quoted likewise
        (b'question: "a\n\tb"\n', Position(2, 1)),  # continued with a tab instead of spaces
        (b'question: "Why?"# note\n', Position(1, 17)),  # a comment glued to the closing quote
        (b"items:\n  - [a,\n  b]\n", Position(3, 3)),  # inside a block sequence at column 2
        (b"a:\n  b: [x,\n  y]\n", Position(3, 3)),  # inside a nested mapping at column 2
    ],
)
def test_forms_the_yaml_spec_forbids_are_refused_where_they_are(raw: bytes, position: Position) -> None:
    with pytest.raises(ReadError) as caught:
        parse_document("content/x/y.yaml", raw)
    assert [(d.code, d.position) for d in caught.value.diagnostics] == [("E103", position)]


@pytest.mark.parametrize(
    "raw",
    [
        b"question: [a,\n  b]\n",
        b'question: "a\n  b"\n',
        b"items:\n  - [a,\n     b]\n",
        b'question: "Why?" # note\n',
        b"text: |\n  any\n  \ta tab after the indentation is text\n",
    ],
)
def test_valid_continuations_are_read(raw: bytes) -> None:
    parse_document("content/x/y.yaml", raw)


@pytest.mark.parametrize(
    ("raw", "position"),
    [
        (b'name: "\\U00110000"\n', Position(1, 10)),
        (b'name: "\\UFFFFFFFF"\n', Position(1, 10)),
        (b"order: " + b"9" * 5000 + b"\n", Position(1, 8)),
        (b"name: 0x" + b"f" * 5000 + b"\n", Position(1, 7)),
        (b"order: -" + b"1" * 100 + b".5e3\n", Position(1, 8)),
    ],
)
def test_values_that_cannot_be_read_are_positioned_errors_not_tracebacks(
    raw: bytes, position: Position
) -> None:
    with pytest.raises(ReadError) as caught:
        parse_document("content/x/y.yaml", raw)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code in {"E103", "E110"} and diagnostic.position == position


def test_an_unquoted_colon_gets_a_quoting_hint() -> None:
    with pytest.raises(ReadError) as caught:
        parse_document("content/x/y.yaml", b"question: What is RAG: a model?\nanswer: x\n")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "E103" and diagnostic.hint and "double quotes" in diagnostic.hint
