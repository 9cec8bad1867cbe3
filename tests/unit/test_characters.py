"""One definition of unsafe characters: what E401 refuses is exactly what messages show escaped."""

from __future__ import annotations

import pytest

from explainer.characters import find_unsafe_characters, unsafe_character
from explainer.diagnostics import printable
from explainer.markdown import unsafe_character_references

# Every code point in the blocks where invisible characters live, and a stride through the rest.
SAMPLE = sorted(
    {*range(0x00, 0x3000), *range(0xD7F0, 0xD810), *range(0xDFF0, 0xE010), *range(0xF8F0, 0x10000),
     *range(0xE0000, 0xE0200), *range(0x10000, 0x110000, 61), 0x10FFFE, 0x10FFFF}
)  # fmt: skip


def test_messages_escape_exactly_the_characters_content_may_not_hold() -> None:
    for point in SAMPLE:
        char = chr(point)
        if char in "\t\n\r":
            continue
        assert (printable(char) != char) == (unsafe_character(char) is not None), f"U+{point:04X}"


@pytest.mark.parametrize(
    "char",
    ["\u202e", "\u2066", "\u200b", "\u00ad", "\U000e0041", "\U000e0000", "\u206a", "\u206f", "\ufff9",
     "\ufffb", "\u180e", "\u034f", "\ufe0f", "\U000e0100", "\u3164", "\ue000", "\x1b", "\x85", "\ufdd0",
     "\U0010ffff", "\ud800"],
)  # fmt: skip
def test_invisible_reordering_and_undefined_characters_are_unsafe(char: str) -> None:
    assert unsafe_character(char) is not None
    assert list(find_unsafe_characters(f"a{char}b")) == [(1, unsafe_character(char))]


@pytest.mark.parametrize("char", ["a", "é", "—", "\u00a0", "🚀", "\u2764", "中", "\t", "\n"])
def test_ordinary_text_is_safe(char: str) -> None:
    assert unsafe_character(char) is None


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("Open invoice&#x202e;fdp.exe", 12),
        ("Open invoice&#x202E fdp.exe", 12),  # the parser completes the missing ';'
        ("a&#8238;b", 1),
        ("x &rlm; y", 2),
        ("Ring&#7; the bell", 4),  # html.unescape drops it; a browser keeps it
        ('[x](https://example.org/ "a&#x2066;b")', 27),
    ],
)
def test_unsafe_characters_written_as_references_are_found(text: str, index: int) -> None:
    assert [i for i, _ in unsafe_character_references(text)] == [index]


@pytest.mark.parametrize("text", ["Use `&#x202e;` here", "&#65; &amp; &lt;", "&#x202efdp", "```\n&rlm;\n```"])
def test_references_to_safe_characters_or_in_code_are_fine(text: str) -> None:
    assert list(unsafe_character_references(text)) == []
