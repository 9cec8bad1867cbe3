"""The characters content may not hold, and the ones a message must show escaped: one definition for both.

A character is unsafe when a reader or reviewer cannot see what it does:
controls move the cursor or end the line, format characters (Unicode
category Cf: zero-width spaces and joiners, bidirectional overrides and
isolates, the tag block, interlinear annotations, the Mongolian vowel
separator…) hide or reorder text, line and paragraph separators break one
line into two, and surrogates, private-use, unassigned and noncharacter code
points show differently on every machine, if at all. A few characters of
other categories are invisible by design (the combining grapheme joiner,
variation selectors, Hangul fillers, Khmer inherent vowels) and are treated
the same way. Tab and newline are ordinary text.

`explainer check` refuses every such character in content (E401), and the
diagnostic formatters print every one as an escape, so what lint refuses and
what a message hides can never drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
# Invisible by design, though their category (Mn, Lo) is an ordinary one.
_INVISIBLE_MARKS = frozenset(
    [
        "\u034f",  # combining grapheme joiner
        "\u115f", "\u1160", "\u3164", "\uffa0",  # Hangul fillers
        "\u17b4", "\u17b5",  # Khmer inherent vowels
        *map(chr, range(0x180B, 0x1810)),  # Mongolian free variation selectors (and U+180E)
        *map(chr, range(0xFE00, 0xFE10)),  # variation selectors 1–16
        *map(chr, range(0xE0100, 0xE01F0)),  # variation selectors 17–256
    ]
)  # fmt: skip
# Everything outside printable ASCII is looked at one by one; the rest of a text is skipped in C.
_CANDIDATES = re.compile(r"[^\t\n\x20-\x7e]")


@lru_cache(maxsize=4096)
def unsafe_character(char: str) -> str | None:
    """Why `char` may not appear in content text (and is escaped in messages), or None when it may."""
    point = ord(char)
    if char in "\t\n" or 0x20 <= point < 0x7F:
        return None
    if 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return f"noncharacter U+{point:04X}"
    category = unicodedata.category(char)
    if category == "Cc":
        return f"control character U+{point:04X}"
    if category == "Cs":
        return f"lone surrogate U+{point:04X}"
    if category == "Co":
        return f"private-use character U+{point:04X}"
    if category == "Cn":
        return f"unassigned character U+{point:04X} (not in Unicode {unicodedata.unidata_version})"
    if category in UNSAFE_CATEGORIES or char in _INVISIBLE_MARKS:
        return f"invisible, bidirectional or line-separator character U+{point:04X}"
    return None


def find_unsafe_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, reason) for every character of `text` that may not appear in content."""
    for match in _CANDIDATES.finditer(text):
        reason = unsafe_character(match.group())
        if reason:
            yield match.start(), reason


def escaped(char: str) -> str:
    """`char` as a Python-style escape: `\\x1b`, `\\u202e`, `\\U000e0041`."""
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"
