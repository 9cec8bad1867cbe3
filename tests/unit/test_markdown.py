"""The restricted Markdown: read by Python-Markdown itself, unsafe constructs refused, plain text inert."""

from __future__ import annotations

import re

import markdown
import pytest

from explainer.markdown import (
    Analyser,
    CrossReference,
    check_link_target,
    escape_plain,
    is_plain,
    normalise_words,
    parse_cross_reference,
    rewrite_links,
    shift_headings,
)

ANALYSER = Analyser()


def codes(text: str, *, headings: bool = False) -> set[str]:
    return {finding.code for finding in ANALYSER.analyse(text, headings).findings}


def targets(text: str) -> list[str]:
    return [link.target for link in ANALYSER.analyse(text).links]


def test_links_inside_code_are_not_links() -> None:
    text = "Use `[x](term:a)` or\n\n```\n[y](term:b)\n```\n\nbut [z](term:c)."
    assert targets(text) == ["term:c"]


def test_link_start_points_at_the_target_as_written() -> None:
    text = 'See [tokens](term:token) and [GPT-3](source:brown-2020 "paper").'
    found = ANALYSER.analyse(text).links
    assert [(link.target, text[link.start : link.start + 5]) for link in found] == [
        ("term:token", "term:"),
        ("source:brown-2020", "sourc"),
    ]


def test_targets_with_parentheses_are_read_as_the_renderer_reads_them() -> None:
    assert targets("[go](javascript:alert(document.cookie))") == ["javascript:alert(document.cookie)"]


def test_a_spaced_or_tabbed_scheme_is_the_href_the_renderer_makes() -> None:
    assert targets("[a](j a v a s c r i p t:alert(1))") == ["j a v a s c r i p t:alert(1)"]
    assert "E403" in codes("[a](j a v a s c r i p t:alert(1))")
    assert "E403" in codes("[a](java\tscript:alert(1))")


def test_a_quote_in_a_target_is_refused_before_it_can_swallow_the_paragraph() -> None:
    assert "E403" in codes('[a](https://example.com/"onmouseover="alert(1)) more words here')


def test_a_newline_inside_a_target_is_refused() -> None:
    assert "E403" in codes("[a](https://example.org/a\nb)")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("term:token", CrossReference("term", "token")),
        ("tech:some-thing#ratings", CrossReference("tech", "some-thing", "ratings")),
        ("https://arxiv.org/abs/1706.03762", None),
        ("terms:token", None),
        ("term:Not-An-Id", None),
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
        "https://user:pass@example.org/",
        "https://arxiv.org@evil.example/",
        "https://example.org/\u0007",
        "term:",
    ],
)
def test_unsafe_or_unresolvable_link_targets_are_refused(target: str) -> None:
    finding = check_link_target(target)
    assert finding is not None and finding[0] in {"E303", "E403"}


@pytest.mark.parametrize("target", ["https://arxiv.org/abs/1706.03762", "term:token", "faq:x#y"])
def test_https_and_cross_reference_targets_are_allowed(target: str) -> None:
    assert check_link_target(target) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a <script>alert(1)</script>", "E402"),
        ("<img src=x onerror=alert(1)>", "E402"),
        ("<!-- comment -->", "E402"),
        ("mail <someone@example.org>", "E303"),
        ('para\n{: onclick="alert(1)" }', "E404"),
        ("para\n{: .md-button }", "E404"),
        ("![pic](https://x.example/a.png)", "E404"),
        ("# Heading", "E404"),
        ("Title\n===", "E404"),
        ("Title\n---\n\ntext", "E404"),
        ("[ref][r]\n\n[r]: https://example.org", "E404"),
        ("*[HTML]: Hyper Text", "E404"),
        ("An HTML page.\n\n*[HTML] : Hyper Text", "E404"),
        ('[x](https://example.org/ "&lt;img src=x&gt;")', "E406"),
        ('[x](https://example.org/ "a &#60;b")', "E406"),
        ('--8<-- ".env"', "E404"),
        ("!!! note\n    boxed", "E404"),
        ("*" * 250, "E405"),
        ("[" * 101, "E405"),
        ("Line one\n- an item", "W402"),
        ("1) one\n2) two", "W402"),
        ("See [x](https://xn--e1afmkfd.xn--p1ai/).", "W401"),
    ],
)
def test_constructs_outside_the_restricted_grammar_are_found(text: str, code: str) -> None:
    assert code in codes(text)


def test_headings_are_allowed_only_where_the_field_allows_them() -> None:
    text = "Intro.\n\n## Problem it addresses\n\nText."
    assert codes(text, headings=False) == {"E404"}
    assert codes(text, headings=True) == set()
    assert codes("# Top\n\ntext", headings=True) == {"E404"}  # '#' competes with the page title


@pytest.mark.parametrize(
    "text",
    [
        "a < b and c > d",
        "Use `<script>` in code",
        "x = {a}",
        "C# and F#",
        "```\n<div>\n```",
        "2 * 3 * 4",
        "AT&amp;T and R&D",
        "See <https://example.org/page> for more.",
        "- one\n- two",
        "Para.\n\n1. one\n2. two",
        "| a | b |\n|---|---|\n| 1 | 2 |",
    ],
)
def test_ordinary_prose_passes(text: str) -> None:
    assert codes(text) == set()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Just words, commas; and full stops.", True),
        ("A line\nand another line.", True),
        ("A [link](term:x).", False),
        ("- a list", False),
        ("An <em>tag</em>", False),
        ("an :emoji: here", False),
        ("see https://example.org", False),
    ],
)
def test_only_text_markdown_cannot_touch_skips_the_parser(text: str, plain: bool) -> None:
    assert is_plain(text) is plain


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
        ANALYSER.analyse(text).links,
        lambda ref: f"../{ref.scheme}/{ref.id}/" + (f"#{ref.fragment}" if ref.fragment else ""),
    )
    assert rewritten == "See [a](../term/token/), [b](https://x.example/) and [c](../tech/llm/#ratings)."


def test_headings_move_down_under_the_page_and_code_stays() -> None:
    text = "## Why\n\n```\n# a comment\n```\n\n### Detail"
    assert shift_headings(text, 4) == "#### Why\n\n```\n# a comment\n```\n\n##### Detail"
    assert shift_headings("no headings", 4) == "no headings"


@pytest.mark.parametrize(
    "text",
    ["What is RAG?", "  GANs_vs-diffusion (2024)!!", "tab\there\nnew line", "a.b,c;d:e", "", "___", "x~y`z"],
)
def test_plain_ascii_normalises_as_the_pattern_does(text: str) -> None:
    """ASCII text takes a faster path (a translation table) to the same words as everything else."""
    assert normalise_words(text) == " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())
    assert normalise_words(text + " é") == normalise_words(text) + (" e" if normalise_words(text) else "e")
