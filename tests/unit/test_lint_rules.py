"""The rule registry: stable unique codes, each rule quiet on clean content, crashes reported."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from explainer.check import check_documents
from explainer.content import Content
from explainer.diagnostics import Diagnostic
from explainer.lint import RULES, Context, lint
from explainer.lint.consistency import normalise_question, value_problem
from explainer.lint.registry import Rule
from explainer.model import Dimension, Level
from explainer.source import parse_document
from explainer.validate import build_content
from tests.conftest import CORPUS, TODAY
from tests.unit.corpus import check_with, corpus_documents


def clean_content() -> Content:
    content, problems = build_content(corpus_documents())
    assert problems == []
    return content


def test_rule_codes_are_unique_and_follow_the_ranges() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(code[0] in "EW" and code[1] in "3456" and len(code) == 4 for code in codes)
    assert all(r.summary.strip() for r in RULES)


@pytest.mark.parametrize("registered", RULES, ids=[r.code for r in RULES])
def test_each_rule_is_quiet_on_clean_content(registered: Rule) -> None:
    assert list(registered.run(clean_content(), Context(today=TODAY))) == []


def test_a_crashing_rule_is_reported_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(content: Content, context: Context) -> Iterator[Diagnostic]:
        raise RuntimeError("boom")
        yield

    monkeypatch.setattr("explainer.lint.RULES", [Rule("E501", explode), *RULES])
    content = clean_content()
    found = lint(content, Context(today=TODAY))
    assert [(d.code, d.path) for d in found] == [("X001", "<explainer>")]
    assert "rule E501 crashed: RuntimeError: boom" in found[0].message


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("What is an LLM?", "what is an llm"),
        ("What is  an LLM?!", "What is an LLM?"),
        ("Is it “good”?", "Is it good?"),
        ("Ｗhat is it?", "What is it?"),
    ],
)
def test_questions_differing_only_in_case_punctuation_or_spacing_are_the_same(a: str, b: str) -> None:
    assert normalise_question(a) == normalise_question(b)


def test_different_questions_stay_different() -> None:
    assert normalise_question("What is an LLM?") != normalise_question("What is a GAN?")


def test_each_copy_of_a_question_is_one_line_that_names_the_original() -> None:
    original = next(d for d in corpus_documents() if d.path == "corpus/faq/which-should-i-choose.yaml")
    copies = [
        parse_document(
            f"corpus/faq/{name}.yaml", original.text.replace("Which should", "which  SHOULD").encode()
        )
        for name in ("which-should-i-pick", "which-to-pick")
    ]
    result = check_documents(sorted([*corpus_documents(), *copies], key=lambda d: d.path), [], today=TODAY)
    found = [(d.path, d.code, d.message) for d in result.diagnostics]
    said = "the same question is already asked in faq 'which-should-i-choose' (corpus/faq/which-should-i-choose.yaml:1:1)"
    assert found == [
        ("corpus/faq/which-should-i-pick.yaml", "E505", said),
        ("corpus/faq/which-to-pick.yaml", "E505", said),
    ]


def _dimension(kind: str, levels: tuple[str, ...] = ()) -> Dimension:
    return Dimension.model_validate(
        {
            "id": "d",
            "name": "D",
            "question": "Why?",
            "description": "D",
            "kind": kind,
            "levels": [Level(id=x, label=x.title()) for x in levels],
            "group": "G",
            "reviewed": "2026-01-01",
        }
    )


@pytest.mark.parametrize(
    ("kind", "levels", "value", "allowed"),
    [
        ("scale", ("low", "high"), "low", True),
        ("scale", ("low", "high"), "medium", False),
        ("scale", ("low", "high"), ["low"], False),
        ("yes-no", (), "partly", True),
        ("yes-no", (), "maybe", False),
        ("text", (), "SQL", True),
        ("text", (), "x" * 61, False),
        ("text", (), ["a"], False),
        ("list", (), ["anything", "at all"], True),
        ("list", ("a", "b"), ["a", "b"], True),
        ("list", ("a", "b"), ["a", "c"], False),
        ("list", ("a", "b"), "a", False),
    ],
)
def test_rating_values_must_fit_their_dimension(
    kind: str, levels: tuple[str, ...], value: str | list[str], allowed: bool
) -> None:
    assert (value_problem(_dimension(kind, levels), value) is None) is allowed


@pytest.mark.parametrize("kind", ["scale", "yes-no", "text", "list"])
def test_not_assessed_is_a_value_every_dimension_accepts(kind: str) -> None:
    assert value_problem(_dimension(kind, ("low", "high") if kind == "scale" else ()), "not-assessed") is None


@pytest.mark.parametrize(
    ("path", "raw", "clash"),
    [
        (
            "industries/retail.yaml",
            "name: Retail\naliases: [shops, RDBMS]\nsummary: Shops.\n",
            (
                "corpus/industries/retail.yaml",
                2,
                "alias 'RDBMS' already names technology 'relational-databases'",
            ),
        ),
        (
            "use-cases/order-processing.yaml",
            "title: Processing orders\naliases: [order handling, 'Storing a product catalogue!']\n"
            "industry: retail\ntechnologies: [relational-databases]\nsummary: Orders.\n",
            (
                "corpus/use-cases/order-processing.yaml",
                2,
                "alias 'Storing a product catalogue!' already names use-case 'product-catalogue'",
            ),
        ),
    ],
)
def test_an_alias_that_names_another_page_is_reported_at_the_alias(
    path: str, raw: str, clash: tuple[str, int, str]
) -> None:
    result = check_with(path, raw.encode())
    found = [(d.path, d.position.line, d.message) for d in result.diagnostics if d.code == "E513"]
    assert found == [clash]


def test_a_question_or_phrasing_that_is_another_entrys_name_is_reported_where_it_is_written() -> None:
    original = (CORPUS / "faq/which-should-i-choose.yaml").read_text()
    raw = original.replace(
        "also_asked:\n  - which database should I use\n",
        "also_asked:\n  - which database should I use\n  - ACID transactions?\n  - Order Handling\n",
    )
    result = check_with("faq/which-should-i-choose.yaml", raw.encode())
    assert [(d.position.line, d.message) for d in result.diagnostics if d.code == "E515"] == [
        (4, "'ACID transactions?' is the name of definition 'acid'"),
        (5, "'Order Handling' is the name of use-case 'order-processing'"),
    ]
    asked_as_named = original.replace("question: Which should I choose?", "question: Sharding?")
    result = check_with("faq/which-should-i-choose.yaml", asked_as_named.encode())
    assert [(d.position.line, d.code) for d in result.diagnostics] == [(1, "E515")]


def test_aliases_of_their_own_are_quiet() -> None:
    raw = b"name: Retail\naliases: [shops, retailers]\nsummary: Shops.\n"
    assert [d.code for d in check_with("industries/retail.yaml", raw).diagnostics] == []


def test_a_link_to_nothing_on_a_family_not_built_is_only_unknown() -> None:
    # Turning the family on would not help: the fix is the entry E302 asks for. A second site with
    # no glossary terms yet had each link reported twice, once with that advice.
    raw = b"name: Extra\nsummary: An industry.\ndescription: As [Codd argued](source:codd-1971).\nreviewed: 2026-01-15\n"
    result = check_with("industries/extra.yaml", raw, {"families": {"sources": {"enabled": False}}})
    assert [(d.code, d.path) for d in result.diagnostics if d.path.endswith("extra.yaml")] == [
        ("E302", "corpus/industries/extra.yaml")
    ]
