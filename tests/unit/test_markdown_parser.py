"""Lint reads what Python-Markdown itself made, and places each finding where its text is written.

Each test pins one way a hand-written reading disagreed with the parser (tabs and lines of spaces
in raw HTML, attribute lists that set "allowed" attributes, headings matched by text, block
extensions reported twice, nesting that crashed the parser) and the position the finding gets.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import markdown
import pytest

from explainer.markdown import (
    MAX_NESTING,
    Analyser,
    Finding,
    _extension_objects,
    escape_plain,
    rewrite_links,
    shift_headings,
    written_target,
)
from explainer.markdown_positions import SourceMap, normalise
from explainer.settings import read_site_config

REPO = Path(__file__).resolve().parents[2]
ANALYSER = Analyser()


@cache
def site_extensions() -> tuple[object, ...]:
    """The first site's own `markdown_extensions` (emoji with the twemoji index among them)."""
    return read_site_config(REPO / "mkdocs.yml").markdown_extensions


@cache
def site_analyser() -> Analyser:
    return Analyser(site_extensions())


def found(text: str, *, headings: bool = False, analyser: Analyser = ANALYSER) -> list[tuple[str, str]]:
    """(code, the text written where the finding points) for every finding."""
    findings: tuple[Finding, ...] = analyser.analyse(text, headings).findings
    return [(f.code, text[f.index : f.index + 6]) for f in findings]


# -- where the parser's text is in the source --------------------------------------------------


def test_normalising_maps_expanded_tabs_and_emptied_lines_back_to_the_source() -> None:
    text = "a\tb\n  \n\tc"
    normalised, origin = normalise(text)
    assert normalised == "a   b\n\n    c"
    assert origin is not None
    assert [text[origin[i]] for i in range(len(normalised))] == list("a\t\t\tb\n\n\t\t\t\tc")


def test_a_piece_is_found_past_placeholders_and_stripped_line_starts() -> None:
    source = SourceMap("> see [a\\*b](term:x) and\n> more")
    # As the link processor sees it: '\*' replaced by its escape placeholder.
    piece = "[a\x0242\x03b](term:x)"
    where = source.locate(piece, {"target": piece.index("term")})
    assert where == {"start": 6, "target": 13}
    assert source.locate("and\nmore") == {"start": 21}


def test_the_same_piece_twice_is_found_at_each_place_in_turn() -> None:
    source = SourceMap("[a](term:x) and [a](term:x)")
    assert [source.locate("[a](term:x)")["start"] for _ in range(2)] == [0, 16]


# -- raw HTML, whatever whitespace Python-Markdown normalised --------------------------------------


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Yes <img src=x\tonerror=alert(1)> no.", "<img s"),
        ("<div onclick=alert(1)>\n  \nx</div>", "<div o"),
        ("<div onclick=alert(1)>\n\t\nx</div>", "<div o"),
        ("- item <svg\tonload=alert(1)>", "<svg\to"),
        ('<div markdown="1">\nx\n</div>', "<div m"),
        ('<p markdown="1" onclick=alert(1)>x</p>', "<p mar"),
        ('<ol markdown="1" start="5"><li>x</li></ol>', "<ol ma"),
    ],
)
def test_raw_html_is_found_in_the_parsers_stash_and_placed_at_its_tag(text: str, at: str) -> None:
    assert found(text) == [("E402", at)]


def test_html_that_extensions_make_is_not_the_authors() -> None:
    assert found("```html\n<b onclick=alert(1)>x</b>\n```") == []
    assert found("AT&amp;T &lt;b&gt;") == []


# -- attribute lists ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "See [paper](https://arxiv.org/abs/1){ href=https://evil.example/ } here.",
        "See [x](https://example.org/){ href=javascript:alert(1) } here.",
        "Use `x`{: .md-dialog .md-dialog--active } here.",
        "Text\n{: #faq-which-should-i-choose }",
        '| a |\n|---|\n| x { style="text-align: left;" } |',
    ],
)
def test_attribute_lists_are_refused_at_their_brace_even_for_attributes_markdown_makes(text: str) -> None:
    brace = text.index("{")
    assert found(text) == [("E404", text[brace : brace + 6])]


def test_an_attribute_list_is_placed_at_its_own_brace_not_the_first_one() -> None:
    assert found("Set {x} first.\n{: .md-dialog }") == [("E404", "{: .md")]


def test_a_heading_id_from_an_attribute_list_is_refused() -> None:
    assert found("## Heading {#faq-x}\n\nText.", headings=True) == [("E404", "{#faq-")]


def test_an_encoded_title_set_by_an_attribute_list_is_decoded_first() -> None:
    assert found('[x](https://example.org/){ title="&lt;b&gt;" }') == [("E404", "{ titl"), ("E406", "{ titl")]


def test_code_fences_may_name_a_language_and_nothing_else() -> None:
    assert found("```python\nx = 1\n```") == []
    assert found("```{ .python }\nx = 1\n```") == []
    assert found("```{ #faq-x .md-dialog }\nx = 1\n```") == [("E404", "```{ #")]


# -- headings and block extensions, classified by the processor that made them -----------------------


@pytest.mark.parametrize(
    ("text", "headings", "expected"),
    [
        ("## A **bold** title\n\nText.", True, []),
        ("## A **bold** title", False, [("E404", "## A *")]),
        ("- # Title", True, [("E404", "# Titl")]),
        ("> # Title", True, [("E404", "# Titl")]),
        ("#Title\n\nText.", True, [("E404", "#Title")]),
        ("####### x", True, []),
        ("## <img src=x>", True, [("E402", "<img s")]),
        ("A **bold** title\n---", True, [("E404", "A **bo")]),
        ("!!! note\n    Boxed.", False, [("E404", "!!! no")]),
        ('??? note "More"\n    Hidden.', False, [("E404", "??? no")]),
    ],
)
def test_headings_and_blocks_are_reported_once_as_what_they_are(
    text: str, headings: bool, expected: list[tuple[str, str]]
) -> None:
    assert found(text, headings=headings) == expected


def test_a_second_heading_kind_in_a_field_without_headings_is_reported_beside_the_first() -> None:
    assert found("- # Title") == [("E404", "# Titl"), ("E404", "# Titl")]  # '#' heading, and any heading


# -- nesting ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["- ", "1. ", "+ ", "> ", "- > "])
def test_nesting_past_the_limit_is_e405_at_the_marker_that_goes_too_deep(marker: str) -> None:
    levels = len(marker.split())  # '- > ' is a list and a quote
    assert found(marker * (MAX_NESTING // levels) + "x") == []
    deep = marker * 1500 + "x"
    (finding,) = ANALYSER.analyse(deep).findings
    assert finding.code == "E405"
    markers = [i for i, c in enumerate(deep) if c in "-1+>" and (i == 0 or deep[i - 1] == " ")]
    assert finding.index == markers[MAX_NESTING]


def test_nesting_by_indentation_is_placed_on_its_line() -> None:
    text = "".join("    " * level + "- x\n" for level in range(MAX_NESTING + 1))
    (finding,) = ANALYSER.analyse(text).findings
    assert (finding.code, text[: finding.index].count("\n")) == ("E405", MAX_NESTING)


def test_nesting_the_parser_cannot_follow_is_a_finding_and_the_parser_recovers() -> None:
    assert [f.code for f in ANALYSER.analyse("- " * 4000 + "x").findings] == ["E405"]
    assert found("Fine [x](https://example.org/).") == []


# -- links where the parser's text differs from the source ------------------------------------------


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("A long sentence first, then [x](java\tscript:alert(1)).", "java\ts"),
        ("[x](\njavascript:alert(1))", "javasc"),
        ("Go [x](https://a.example/&#60script) now.", "https:"),
        ("See [x][ref].\n\n[ref]: javascript:alert(1)", "javasc"),
    ],
)
def test_a_refused_target_is_placed_where_it_is_written(text: str, at: str) -> None:
    assert ("E403", at) in found(text)


def test_reference_definitions_are_placed_at_their_label_and_titles_at_their_quote() -> None:
    text = 'See [x][r].\n\n   [R]: https://example.org/ "&lt;b&gt;"'
    assert found(text) == [("E404", "[R]: h"), ("E406", '"&lt;b')]


@pytest.mark.parametrize(
    "text",
    [
        "Transactions are [a\\*b](term:acid).",
        "See [ACID](<term:acid>) here.",
        "See [ACID](term:ac&#105;d) here.",
        "Write `[ACID](term:acid)` as [ACID](term:acid).",
    ],
)
def test_cross_references_are_rewritten_however_they_are_written(text: str) -> None:
    links = ANALYSER.analyse(text).links
    rewritten = rewrite_links(text, links, lambda ref: f"../{ref.id}/")
    assert rewritten.count("../acid/") == 1
    assert "`[ACID](term:acid)`" in rewritten or "`" not in text  # code is left as written


def test_an_escaped_colon_is_read_as_the_parser_reads_it() -> None:
    assert written_target("term\\:acid") == "term:acid"
    assert found("See [x](term\\:acid).", analyser=site_analyser()) == []  # the emoji extension escapes ':'
    assert [code for code, _ in found("See [x](term\\:acid).")] == ["E403"]  # Python-Markdown alone does not


# -- emoji shortcodes ----------------------------------------------------------------------------------


def test_emoji_shortcodes_in_markdown_are_refused_where_the_site_renders_them() -> None:
    assert found("Smile :smile: and :material-alert: now.", analyser=site_analyser()) == [("E404", ":smile")]
    assert found("Ratio 1:2:3, :not-an-emoji: and `:smile:`.", analyser=site_analyser()) == []
    assert found("Smile :smile: now.") == []  # a site without the emoji extension shows the text


@pytest.mark.parametrize(
    "plain",
    [
        "Smile :smile: and :material-alert: now",
        ":+1::fire: a:b:c",
        "Fast:rocket::fire:",
        "# :smile: 1984. A|b *x* <b> &amp;",
    ],
)
def test_plain_text_renders_as_exactly_its_characters_with_the_sites_own_extensions(plain: str) -> None:
    names, configs = _extension_objects(site_extensions())
    rendered = markdown.markdown(escape_plain(plain), extensions=names, extension_configs=configs)
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    assert "<" not in rendered[3:-4]
    assert html.unescape(rendered[3:-4]) == plain


def test_headings_written_without_a_space_move_down_too() -> None:
    assert shift_headings("##Why\n\n### How", 3) == "###Why\n\n#### How"
