"""Where a piece of text Python-Markdown worked on is written in the field it came from.

Python-Markdown first normalises a field — tabs expanded to 4-column stops,
lines of only spaces emptied — and then hands pieces of that text to its
processors with block syntax taken off (list markers, `> `, indentation) and
earlier matches replaced by placeholders. A `SourceMap` undoes both: it finds
a piece in the normalised text, reading placeholders and stripped line starts
as what they stand for, and maps the index it finds back to the field as
written, so a diagnostic points at the character the author typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

TAB_LENGTH = 4  # Python-Markdown's default, which MkDocs keeps
_STX, _ETX = "\x02", "\x03"
# Placeholders Python-Markdown leaves in the text it hands on: a backslash escape (the code point
# of the escaped character), its stand-in for '&' in attributes, and everything else it stashed.
_PLACEHOLDER = re.compile(r"\x02(?:(\d+)|(amp)|[^\x02\x03]*)\x03")
# What a piece may hold that a plain search would not find as is.
_NEEDS_PATTERN = re.compile(r"[\x02\n;]")
_REFERENCE_BEFORE = re.compile(r"&#?\w+$")
_BLANK_LINE_SPACES = re.compile(r"(?<=\n) +(?=\n|$)")
# A placeholder stands for text of any length; past this many, the rest of a piece is not matched.
_MAX_GAPS = 4
_MAX_PIECE = 600


def normalise(text: str, tab_length: int = TAB_LENGTH) -> tuple[str, list[int] | None]:
    """The text Python-Markdown parses (its NormalizeWhitespace step), and where each character came from.

    The second value maps each index of the normalised text to an index of
    `text`; None when the two are the same.
    """
    untouched = not any(char in text for char in ("\t", "\r", _STX, _ETX))
    if untouched and not _BLANK_LINE_SPACES.search(text):
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    column = 0
    for index, char in enumerate(text):
        if char in (_STX, _ETX) or (char == "\r" and text[index + 1 : index + 2] == "\n"):
            continue
        if char == "\r":
            char = "\n"
        if char == "\t":
            width = tab_length - column % tab_length
            pieces.append(" " * width)
            origin.extend([index] * width)
            column += width
            continue
        pieces.append(char)
        origin.append(index)
        column = 0 if char == "\n" else column + 1
    expanded = "".join(pieces)
    kept = [True] * len(expanded)
    for match in _BLANK_LINE_SPACES.finditer(expanded):
        kept[match.start() : match.end()] = [False] * (match.end() - match.start())
    normalised = "".join(c for c, keep in zip(expanded, kept, strict=True) if keep)
    return normalised, [o for o, keep in zip(origin, kept, strict=True) if keep]


def _pattern(piece: str, marks: Mapping[str, int]) -> str:
    """A regex for `piece` as it stands in the normalised text, with an empty group at each mark."""
    at: dict[int, list[str]] = {}
    for name, offset in marks.items():
        at.setdefault(offset, []).append(name)
    parts: list[str] = []
    gaps = 0
    index = 0
    while index < len(piece):
        if index in at:
            parts.extend(f"(?P<{name}>)" for name in at.pop(index))
        placeholder = _PLACEHOLDER.match(piece, index) if piece[index] == _STX else None
        if placeholder:
            if placeholder.group(1):  # a backslash escape: '\' and the character
                parts.append(re.escape("\\" + chr(int(placeholder.group(1)))))
            elif placeholder.group(2):
                parts.append("&")
            else:
                gaps += 1
                if gaps > _MAX_GAPS and not at:
                    break
                parts.append(r"[\s\S]*?")
            # A mark inside a placeholder goes before it.
            for inner in [o for o in at if o < placeholder.end()]:
                parts.extend(f"(?P<{name}>)" for name in at.pop(inner))
            index = placeholder.end()
            continue
        char = piece[index]
        if char == "\n":  # block processors take list markers, '>' and indentation off continuation lines
            parts.append(r"\n[ >]*")
        elif char == ";" and _REFERENCE_BEFORE.search(piece, 0, index):
            parts.append(";?")  # the raw-HTML preprocessor completes '&#60' with a ';'
        else:
            parts.append(re.escape(char))
        index += 1
        if index >= _MAX_PIECE and not at:
            break
    parts.extend(f"(?P<{name}>)" for names in at.values() for name in names)
    return "".join(parts)


def fold_lines(text: str) -> tuple[str, list[int]]:
    """`text` with every run of whitespace one space (as a page folds a field onto one line), and
    for each index of the folded text, the index in `text` it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for word in re.finditer(r"\S+", text):
        if folded:
            folded.append(" ")
            origin.append(word.start() - 1)
        folded.append(word.group())
        origin.extend(range(word.start(), word.end()))
    return "".join(folded), origin


@dataclass
class SourceMap:
    """One field: its text as written, as Python-Markdown normalised it, and the way between the two."""

    text: str
    # Blanks out what no processor reads as Markdown (code), so a piece is not found inside it.
    mask: Callable[[str], str] | None = None
    normalised: str = field(init=False)
    _searchable: str = field(init=False, repr=False)
    _origin: list[int] | None = field(init=False, repr=False)
    _seen: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.normalised, self._origin = normalise(self.text)
        self._searchable = self.mask(self.normalised) if self.mask else self.normalised

    def to_source(self, index: int) -> int:
        """The index in the field as written of the normalised text's character at `index`."""
        if self._origin is None:
            return min(index, len(self.text))
        if index >= len(self._origin):
            return len(self.text)
        return self._origin[index]

    def locate(
        self, piece: str, marks: Mapping[str, int] | None = None, *, before: str = ""
    ) -> dict[str, int]:
        """Where `piece` is written: {"start": index, mark: index…} in the field as written, or {}.

        `marks` name offsets in `piece` to report; `before` is a regex for text
        the processor saw before the piece (and left out of it). The same piece
        found again gives its next occurrence, so repeated text is told apart.
        """
        if not piece:
            return {}
        if not before and not _NEEDS_PATTERN.search(piece):  # written as is: a plain search will do
            return self._find_literal(piece, marks or {})
        pattern = "(?P<start>)" + before + _pattern(piece, marks or {})
        occurrence = self._seen.get(pattern, 0)
        try:
            regex = re.compile(pattern)
        except re.error:  # pragma: no cover - every piece is escaped
            return {}
        found = None
        for haystack in dict.fromkeys((self._searchable, self.normalised)):
            for count, match in enumerate(regex.finditer(haystack)):
                found = match
                if count == occurrence:
                    break
            if found is not None:
                break
        if found is None:
            return {}
        self._seen[pattern] = occurrence + 1
        return {name: self.to_source(found.start(name)) for name in found.groupdict()}

    def _find_literal(self, piece: str, marks: Mapping[str, int]) -> dict[str, int]:
        occurrence = self._seen.get(piece, 0)
        for haystack in dict.fromkeys((self._searchable, self.normalised)):
            found, start = -1, haystack.find(piece)
            for _ in range(occurrence):
                if start < 0:
                    break
                found, start = start, haystack.find(piece, start + 1)
            start = start if start >= 0 else found
            if start >= 0:
                self._seen[piece] = occurrence + 1
                return {"start": self.to_source(start)} | {
                    name: self.to_source(start + offset) for name, offset in marks.items()
                }
        return {}

    def find(self, regex: re.Pattern[str], group: int | str = 0) -> int | None:
        """The index in the field as written where `regex` first matches the normalised text."""
        match = regex.search(self.normalised)
        return self.to_source(match.start(group)) if match else None
