"""The restricted Markdown: links found exactly, unsafe constructs refused, plain text made inert."""

from __future__ import annotations

import markdown
import pytest

from explainer.markdown import (
    CrossReference,
    check_link_target,
    escape_plain,
    find_links,
    find_unsafe_markup,
    parse_cross_reference,
    rewrite_links,
)


def test_links_inside_code_are_not_links() -> None:
    text = "Use `[x](term:a)` or\n```\n[y](term:b)\n```\nbut [z](term:c)."
    assert [link.target for link in find_links(text)] == ["term:c"]


def test_link_target_index_points_at_the_target() -> None:
    text = 'See [tokens](term:token) and [GPT-3](source:brown-2020 "paper").'
    assert [(link.target, text[link.start : link.start + 5]) for link in find_links(text)] == [
        ("term:token", "term:"),
        ("source:brown-2020", "sourc"),
    ]


def test_targets_with_parentheses_are_read_whole() -> None:
    (link,) = find_links("[go](javascript:alert(document.cookie))")
    assert link.target == "javascript:alert(document.cookie)"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("term:token", CrossReference("term", "token")),
        (
            "tech:large-language-models#ratings",
            CrossReference("tech", "large-language-models", "ratings"),
        ),
        ("https://arxiv.org/abs/1706.03762", None),
        ("terms:token", None),
    ],
)
def test_cross_references_are_scheme_and_id(target: str, expected: CrossReference | None) -> None:
    assert parse_cross_reference(target) == expected


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>",
        "vbscript:x",
        "http://example.org",
        "//evil.example/x",
        "/absolute/path",
        "relative/page.md",
        "#anchor",
        "https://",
        "https://nohost",
        "https://a.example/with space",
        "term:",
    ],
)
def test_unsafe_or_unresolvable_link_targets_are_refused(target: str) -> None:
    finding = check_link_target(target)
    assert finding is not None and finding.code in {"E303", "E403"}


@pytest.mark.parametrize("target", ["https://arxiv.org/abs/1706.03762", "term:token", "faq:x#y"])
def test_https_and_cross_reference_targets_are_allowed(target: str) -> None:
    assert check_link_target(target) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a <script>alert(1)</script>", "E402"),
        ("<img src=x onerror=alert(1)>", "E402"),
        ("<!-- comment -->", "E402"),
        ("a <https://example.org> autolink", "E404"),
        ("mail <someone@example.org>", "E404"),
        ("<img/src=x/onerror=alert(1)@x>", "E404"),
        ('para\n{: onclick="alert(1)" }', "E404"),
        ("text { .md-button }", "E404"),
        ("![pic](https://x.example/a.png)", "E404"),
        ("# Heading", "E404"),
        ("Title\n===", "E404"),
        ("[ref]: https://example.org", "E404"),
        ("*[HTML]: Hyper Text", "E404"),
        ("note[^1]", "E404"),
        ('--8<-- ".env"', "E404"),
        ("*" * 250, "E405"),
        ("[" * 101, "E405"),
    ],
)
def test_constructs_outside_the_restricted_grammar_are_found(text: str, code: str) -> None:
    assert code in {finding.code for finding in find_unsafe_markup(text)}


@pytest.mark.parametrize(
    "text",
    [
        "a < b and c > d",
        "Use `<script>` in code",
        "x = {a}",
        "C# and F#",
        "```\n<div>\n```",
        "2 * 3 * 4",
    ],
)
def test_ordinary_prose_passes(text: str) -> None:
    assert list(find_unsafe_markup(text)) == []


def test_an_autolink_is_one_finding_that_says_how_to_write_the_link() -> None:
    [finding] = find_unsafe_markup("See <https://arxiv.org/abs/1706.03762>.")
    assert (finding.index, finding.code) == (4, "E404")
    assert "autolink" in finding.message and "[" in finding.hint


@pytest.mark.parametrize(
    ("plain", "shown"),
    [
        ("C#", "C#"),
        ("# not a heading", "# not a heading"),
        ("a|b", "a|b"),
        ("1984. A novel", "1984. A novel"),
        ("- not a list", "- not a list"),
        ("*stars* and _under_", "*stars* and _under_"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("{: onclick=x}", "{: onclick=x}"),
        ("AT&T", "AT&amp;T"),
    ],
)
def test_escaped_plain_text_renders_as_exactly_itself(plain: str, shown: str) -> None:
    html = markdown.markdown(escape_plain(plain), extensions=["tables", "attr_list", "abbr"])
    assert html == f"<p>{shown}</p>"


def test_cross_references_are_rewritten_and_other_links_kept() -> None:
    text = "See [a](term:token), [b](https://x.example/) and [c](tech:llm#ratings)."
    rewritten = rewrite_links(
        text,
        lambda ref: f"../{ref.scheme}/{ref.id}/" + (f"#{ref.fragment}" if ref.fragment else ""),
    )
    assert rewritten == "See [a](../term/token/), [b](https://x.example/) and [c](../tech/llm/#ratings)."
