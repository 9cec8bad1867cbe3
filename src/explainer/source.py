"""Read content files strictly: bytes in, plain data with the position of every key and item out.

YAML is parsed event by event (with libyaml's parser when PyYAML has it: the
events and their marks are the same, ten times faster), so anchors, aliases,
tags and duplicate keys are caught where they are written, before anything is
built. A few forms the YAML spec forbids but both parsers accept — flow
content or quoted text continued at too small an indentation or with a tab,
a comment glued to a closing quote — are refused here as E103. Plain scalars are
resolved with the YAML 1.2 core schema: `no`, `on`, `1:20` and `2024-01-02`
stay text; only `true`/`false`, integers, floats and `null` get other types,
and a text field given one of those is a schema error, never a coercion.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from explainer.characters import find_unsafe_characters
from explainer.diagnostics import START, Diagnostic, Place, Position

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 24
CONTENT_SUFFIXES = (".yaml", ".yml")

Loc = tuple[str | int, ...]

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_DEC = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_FLOAT_SPECIAL = {
    ".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
    ".Inf": float("inf"), "+.Inf": float("inf"), "-.Inf": float("-inf"),
    ".INF": float("inf"), "+.INF": float("inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip


class Span(NamedTuple):
    """Where a value is written: its first character and its extent in the file text.

    A named tuple, not a dataclass: reading 10,000 files makes half a million, three times faster."""

    start: Position
    start_index: int
    end_index: int


@dataclass(frozen=True)
class Document:
    """One content file, read: its data and where every part of it is written."""

    path: str
    text: str
    data: dict[str, Any]
    keys: Mapping[Loc, Position] = field(repr=False)
    spans: Mapping[Loc, Span] = field(repr=False)

    @cached_property
    def stem(self) -> str:
        """The file name without its suffix, as `Path.stem` gives it (asked for every file, often)."""
        name = self.path.rsplit("/", 1)[-1]
        dot = name.rfind(".")
        return name[:dot] if 0 < dot < len(name) - 1 else name

    def position(self, loc: Loc) -> Position:
        """Where `loc` is written: its key for a mapping entry, its first character for an item.

        A location that does not exist (a missing field) falls back to the
        nearest enclosing one that does.
        """
        while True:
            if loc in self.keys:
                return self.keys[loc]
            if loc in self.spans:
                return self.spans[loc].start
            if not loc:
                return START
            loc = loc[:-1]

    def value_position(self, loc: Loc) -> Position:
        """Where the value at `loc` starts (not its key)."""
        span = self.spans.get(loc)
        return span.start if span else self.position(loc)

    def locate(self, loc: Loc, needle: str, *, after: int = 0) -> Position | None:
        """Position of `needle` written literally inside the value at `loc`, or None.

        `after` skips that many earlier occurrences.
        """
        span = self.spans.get(loc)
        if span is None:
            return None
        index = span.start_index - 1
        for _ in range(after + 1):
            index = self.text.find(needle, index + 1, span.end_index)
            if index < 0:
                return None
        return position_of_index(self.text, index)

    def position_in_value(self, loc: Loc, decoded: str, index: int) -> Position:
        """Where character `index` of the decoded string at `loc` is written in the file.

        Exact whenever the characters around it are written literally, whatever
        the scalar style; otherwise (escapes, folded lines) the value's start.
        """
        for length in (40, 16, 6, 2, 1):
            needle = decoded[index : index + length].split("\n")[0]
            if not needle:
                break
            # Occurrences that start earlier, overlapping ones included ('> > > …' repeats itself).
            starts = re.finditer(f"(?={re.escape(needle)})", decoded)
            earlier = sum(1 for _ in itertools.takewhile(lambda match: match.start() < index, starts))
            found = self.locate(loc, needle, after=earlier)
            if found is not None:
                return found
        return self.value_position(loc)

    def place(self, loc: Loc = ()) -> Place:
        return Place(self.path, self.position(loc))


def position_of_index(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Position(line, column)


class ReadError(Exception):
    """A content file that cannot be read as one strict YAML mapping."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


def _mark_position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# Longer numbers are refused (E110) rather than converted: Python caps the digits it
# converts, and no field wants one this long.
MAX_NUMBER_DIGITS = 40
try:  # libyaml's parser, when PyYAML was built with it
    from yaml.cyaml import CParser as _PARSER  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _PARSER = None  # type: ignore[assignment, misc]


class _TooLong(ValueError):
    pass


def _resolve_plain(value: str) -> Any:
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    is_int = _INT_DEC.match(value) or _INT_OCT.match(value) or _INT_HEX.match(value)
    if (is_int or _FLOAT.match(value)) and len(value) > MAX_NUMBER_DIGITS:
        raise _TooLong(value)
    if _INT_DEC.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if value in _FLOAT_SPECIAL:
        return _FLOAT_SPECIAL[value]
    return value


def parse_events(text: str) -> Iterator[yaml.Event]:
    """YAML events with marks, from libyaml when PyYAML was built with it."""
    if _PARSER is not None:
        parser = _PARSER(text)
        try:
            while (event := parser.get_event()) is not None:
                yield event
        finally:
            parser.dispose()
    else:  # pragma: no cover - PyYAML without libyaml
        yield from yaml.parse(text, Loader=yaml.SafeLoader)


@dataclass
class _Open:
    """A mapping or sequence under construction while events stream in."""

    loc: Loc
    value: dict[str, Any] | list[Any]
    # Block collections: the column of their keys or dashes, which continuation lines must pass.
    indent: int | None
    pending_key: str | None = None
    key_lines: dict[str, Position] = field(default_factory=dict)


class _Builder:
    """Turns a YAML event stream into plain data plus positions, refusing what we forbid."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.keys: dict[Loc, Position] = {}
        self.spans: dict[Loc, Span] = {}
        self.stack: list[_Open] = []
        self.root: Any = None
        self.root_seen = False
        self.documents = 0
        self.flow_depth = 0

    def fail(self, code: str, mark: Any, message: str, hint: str | None = None) -> ReadError:
        position = _mark_position(mark) if mark is not None else START
        return ReadError([Place(self.path, position).report(code, message, hint)])

    def fail_at(self, code: str, index: int, message: str, hint: str | None = None) -> ReadError:
        position = position_of_index(self.text, index)
        return ReadError([Place(self.path, position).report(code, message, hint)])

    def value_after(self, index: int) -> Position:
        """Where the next value starts after `index` (past spaces, the colon, a dash)."""
        match = re.compile(r"[\s:\-]*").match(self.text, index)
        return position_of_index(self.text, match.end() if match else index)

    def build(self) -> dict[str, Any]:
        mark = None
        end = 0
        try:
            for event in parse_events(self.text):
                mark = event.start_mark
                self.feed(event)
                end = event.end_mark.index if event.end_mark is not None else end
        except yaml.MarkedYAMLError as error:
            where = error.problem_mark or error.context_mark
            problem = error.problem or "invalid YAML"
            if "escape code" in problem:  # libyaml's word for an escape past U+10FFFF
                raise self.fail(
                    "E110",
                    where,
                    f"a value cannot be read: {problem}",
                    hint="correct the escape (\\U takes at most 10FFFF), or write the character itself",
                ) from None
            if "nesting depth" in problem:
                raise self.fail("E108", where, f"nesting deeper than {MAX_DEPTH} levels") from None
            message = f"YAML syntax error: {problem}"
            if error.context:
                message += f" ({error.context})"
            raise self.fail("E103", where, message, hint=_syntax_hint(self.text, where)) from None
        except yaml.YAMLError as error:  # ReaderError and friends carry no mark
            raise self.fail("E103", None, f"YAML error: {error}") from None
        except _TooLong as error:
            raise self.fail(
                "E110",
                mark,
                f"a number {len(str(error))} characters long is too long to read",
                hint="put the value in quotes if it is meant as text",
            ) from None
        except (ValueError, OverflowError) as error:  # an escape out of range, found by the parser
            position = self.value_after(end)
            raise ReadError(
                [
                    Place(self.path, position).report(
                        "E110",
                        f"a value cannot be read: {error}",
                        hint="correct the escape (\\U takes at most 10FFFF), or write the character itself",
                    )
                ]
            ) from None
        except RecursionError:
            raise self.fail("E108", mark, f"nesting deeper than {MAX_DEPTH} levels") from None
        if not self.root_seen:
            raise self.fail("E107", None, "the file is empty; it must hold one YAML mapping")
        if not isinstance(self.root, dict):
            kind = "a list" if isinstance(self.root, list) else "a single value"
            raise self.fail("E107", None, f"the top level is {kind}; it must be a mapping of field: value")
        return self.root

    def feed(self, event: Any) -> None:
        # Dispatched on the exact class, commonest first: a corpus of 10,000 files streams about
        # 300,000 events through here. (Both parsers emit exactly these classes, no subclasses;
        # `type(…) is` does not narrow for mypy, hence `Any`.)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag:
                self.refuse_anchor_or_tag(event)
            plain = not event.style
            if event.style in ("'", '"') and event.end_mark is not None:
                self.check_continuation(event.start_mark, event.end_mark, "quoted text")
                self.check_after_closing(event.end_mark.index)
            if self.expecting_key():
                self.add_key(event.value, event.start_mark, plain=plain)
            else:
                value = _resolve_plain(event.value) if plain else event.value
                self.add_value(value, event.start_mark, event.end_mark)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag:
                self.refuse_anchor_or_tag(event)
            self.open_collection(event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.close_collection(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    "E107",
                    event.start_mark,
                    "a content file holds exactly one YAML document",
                    hint="remove the second '---' and what follows, or move it to its own file",
                )
        elif kind is yaml.AliasEvent:
            raise self.fail(
                "E105",
                event.start_mark,
                f"alias '*{event.anchor}' is not allowed",
                hint="write the value out in full; anchors and aliases are refused",
            )

    def refuse_anchor_or_tag(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            raise self.fail(
                "E105",
                event.start_mark,
                f"anchor '&{event.anchor}' is not allowed",
                hint="write each value out in full; anchors and aliases are refused",
            )
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")  # type: ignore[attr-defined]
        raise self.fail(
            "E106",
            event.start_mark,
            f"tag '{tag}' is not allowed",
            hint="remove the tag; put the value in quotes if it is meant as text",
        )

    def open_collection(self, event: yaml.CollectionStartEvent) -> None:
        if self.expecting_key():
            raise self.fail("E109", event.start_mark, "a key must be a plain name, not a collection")
        container: dict[str, Any] | list[Any] = {} if type(event) is yaml.MappingStartEvent else []
        loc = self.add_value(container, event.start_mark, event.end_mark)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail("E108", event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
        flow = bool(event.flow_style)
        self.flow_depth += flow
        column = event.start_mark.column if event.start_mark is not None else 0
        self.stack.append(_Open(loc, container, None if flow else column))

    def close_collection(self, event: yaml.CollectionEndEvent) -> None:
        opened = self.stack.pop()
        start = self.spans[opened.loc]
        end = event.end_mark.index if event.end_mark is not None else len(self.text)
        self.spans[opened.loc] = Span(start.start, start.start_index, end)
        if opened.indent is None:
            self.flow_depth -= 1
            if self.flow_depth == 0:
                self.check_continuation_span(start.start_index, end, "a [ ] or { } collection")
                self.check_after_closing(end)

    def block_indent(self) -> int:
        """The column continuation lines of flow content must pass: the innermost block's, or -1."""
        for opened in reversed(self.stack):
            if opened.indent is not None:
                return opened.indent
        return -1

    def check_continuation(self, start: Any, end: Any, what: str) -> None:
        if self.flow_depth == 0 and end.line > start.line:
            self.check_continuation_span(start.index, end.index, what)

    def check_continuation_span(self, start: int, end: int, what: str) -> None:
        """Lines that continue flow content must be indented past the enclosing block, with spaces.

        YAML 1.2 (s-flow-line-prefix) asks for more spaces than the block's
        own indentation before anything else on the line; both PyYAML parsers
        accept less, so a value could end up different from what the file
        shows in another tool.
        """
        needed = self.block_indent() + 1
        line_start = self.text.find("\n", start, end)
        while line_start >= 0:
            index = line_start + 1
            line_end = self.text.find("\n", index, end)
            stop = line_end if line_end >= 0 else end
            line = self.text[index:stop]
            if line.strip():
                spaces = len(line) - len(line.lstrip(" "))
                if spaces < needed:
                    raise self.fail_at(
                        "E103",
                        index + spaces,
                        f"YAML syntax error: this line continues {what} but is indented "
                        f"{'with a tab' if line[spaces : spaces + 1] == chr(9) else 'too little'}",
                        hint=f"indent it with at least {needed} space{'s' if needed != 1 else ''}",
                    )
            line_start = line_end

    def check_after_closing(self, index: int) -> None:
        """A comment needs white space before '#': `"text"# note` is not valid YAML."""
        if index < len(self.text) and self.text[index] == "#":
            raise self.fail_at(
                "E103",
                index,
                "YAML syntax error: a comment must be separated from the value by a space",
                hint="put a space before '#'",
            )

    def expecting_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].value, dict)
            and (self.stack[-1].pending_key is None)
        )

    def add_key(self, key: str, mark: Any, *, plain: bool) -> None:
        top = self.stack[-1]
        position = _mark_position(mark)
        if plain and key == "<<":
            raise self.fail(
                "E105", mark, "merge key '<<' is not allowed", hint="write the fields out in full"
            )
        if key in top.key_lines:
            first = top.key_lines[key]
            raise self.fail(
                "E104",
                mark,
                f"duplicate key '{key}'",
                hint=f"it is already set on line {first.line}; keep one of them",
            )
        top.key_lines[key] = position
        top.pending_key = key
        self.keys[(*top.loc, key)] = position

    def add_value(self, value: Any, start_mark: Any, end_mark: Any) -> Loc:
        span = Span(_mark_position(start_mark), start_mark.index, end_mark.index)
        if not self.stack:
            self.root, self.root_seen = value, True
            self.spans[()] = span
            return ()
        top = self.stack[-1]
        if isinstance(top.value, dict):
            assert top.pending_key is not None
            key, top.pending_key = top.pending_key, None
            top.value[key] = value
            loc: Loc = (*top.loc, key)
        else:
            loc = (*top.loc, len(top.value))
            top.value.append(value)
        self.spans[loc] = span
        return loc


def _syntax_hint(text: str, mark: Any) -> str | None:
    """A hint for the commonest syntax error: an unquoted value holding ': ' or ' #'."""
    if mark is None:
        return None
    lines = text.split("\n")
    for number in (mark.line, mark.line - 1):
        if 0 <= number < len(lines):
            _key, colon, value = lines[number].partition(": ")
            value = value.strip()
            if colon and value and value[0] not in "\"'[{|>" and (": " in value or " #" in value):
                return "put the value in double quotes: it holds ': ' or ' #', which YAML reads as syntax"
    return None


def decode(path: str, raw: bytes) -> str:
    """Strict UTF-8 (an optional UTF-8 byte-order mark is dropped), or a positioned error."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReadError(
            [
                Place(path).report(
                    "E102",
                    f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                    hint="split it into smaller entries",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8")
        position = position_of_index(good, len(good))
        raise ReadError(
            [
                Place(path, position).report(
                    "E101",
                    f"not valid UTF-8 (byte 0x{raw[error.start]:02X})",
                    hint="save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def parse_document(path: str, raw: bytes) -> Document:
    """One content file's bytes to a `Document`, or `ReadError` with positioned diagnostics."""
    text = decode(path, raw)
    bad = [
        Place(path, position_of_index(text, index)).report(
            "E401", f"{reason} in the file", hint="delete it; it is invisible or unsafe in text"
        )
        for index, reason in find_unsafe_characters(text)
    ]
    if bad:
        raise ReadError(bad)
    builder = _Builder(path, text)
    data = builder.build()
    return Document(path, text, data, builder.keys, builder.spans)


@dataclass(frozen=True)
class Listing:
    """The files below a content folder, found in one walk, with paths as contributors see them:
    relative to the working directory when possible, so that editors can jump to them."""

    files: list[tuple[str, str]]  # every content file: (path shown, path to open), in a stable order
    strays: list[str]  # files inside content folders that are not read because they are not YAML


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as stream:  # noqa: PTH123 - a string path, as Listing gives it
        return stream.read()


def list_content(content_dir: Path, base: Path | None = None) -> Listing:
    """The content files and stray files below `content_dir` (strings all the way: at 10,000
    files, a path object per file costs more than reading them).

    A question saved as `faq/x.md` or `faq/x.YAML` would otherwise vanish from the site without a
    word, so it is a stray. Hidden files (`.gitkeep`, editor swap files) and files at the top of
    `content_dir` (a README) are left alone.
    """
    root = str((base or Path.cwd()).resolve())
    inside = root.rstrip("/") + "/"  # what the path of a folder below the root starts with
    top = str(content_dir)
    found: list[tuple[str, str, str]] = []  # (path relative to content_dir, shown, to open)
    for folder, _, names in os.walk(top):
        relative = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        resolved = os.path.realpath(folder)
        if resolved == root:
            shown = ""
        elif resolved.startswith(inside):
            shown = resolved[len(inside) :].replace(os.sep, "/") + "/"
        else:
            shown = Path(folder).as_posix().rstrip("/") + "/"
        found += [(prefix + name, shown + name, os.path.join(folder, name)) for name in names]  # noqa: PTH118
    found.sort()
    suffix = {path: os.path.splitext(path)[1] for _, _, path in found}  # noqa: PTH122
    files = [(shown, path) for _, shown, path in found if suffix[path] in CONTENT_SUFFIXES]
    strays = [
        shown
        for relative, shown, path in found
        if suffix[path] not in CONTENT_SUFFIXES
        and "/" in relative
        and not any(part.startswith(".") for part in relative.split("/"))
    ]
    return Listing(files, strays)


def read_documents(
    content_dir: Path,
    *,
    base: Path | None = None,
    read: Mapping[str, bytes] | None = None,
    known: Callable[[str], Document | None] | None = None,
    parse: Callable[[str, bytes], Document] = parse_document,
    listing: Listing | None = None,
) -> tuple[list[Document], list[Diagnostic]]:
    """Read every content file below `content_dir`; each unreadable file becomes diagnostics.

    Paths in documents and diagnostics are shown relative to `base` (the
    working directory by default) so that editors can jump to them. `read`
    holds the bytes of files the caller has read already, by path; `known` gives a file's
    document without reading it when it can (None: read it), and `parse` turns bytes into a
    document (explainer.kept's both remember earlier outcomes);
    `listing` is the folder's listing when the caller has it already.
    """
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    listing = listing or list_content(content_dir, base)
    for shown in listing.strays:
        diagnostics.append(
            Place(shown).report(
                "W104",
                "this file is ignored: content files end in '.yaml'",
                hint="rename it to '<id>.yaml' if it is content, or move it out of content/",
            )
        )
    for shown, path in listing.files:
        try:
            document = known(shown) if known is not None else None
        except ReadError as error:
            diagnostics.extend(error.diagnostics)
            continue
        if document is not None:
            documents.append(document)
            continue
        raw = read.get(shown) if read is not None else None
        if raw is None:
            try:
                raw = read_bytes(path)
            except OSError as error:
                diagnostics.append(Place(shown).report("E101", f"cannot read the file: {error.strerror}"))
                continue
        try:
            documents.append(parse(shown, raw))
        except ReadError as error:
            diagnostics.extend(error.diagnostics)
    return documents, diagnostics
