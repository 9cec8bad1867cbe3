"""Positioned findings about content, and the three ways to print them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from explainer.characters import escaped, unsafe_character
from explainer.codes import CATALOGUE, UnknownCode


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a content file."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


START = Position(1, 1)


@dataclass(frozen=True)
class Diagnostic:
    """One finding: where it is, how bad it is, its stable code, and what to do."""

    path: str
    position: Position
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.position.line, self.position.column, self.code, self.message)


@dataclass(frozen=True)
class Place:
    """A file and a position in it: the thing a rule points at when it reports."""

    path: str
    position: Position = START

    def report(self, code: str, message: str, hint: str | None = None) -> Diagnostic:
        """A finding here under `code`; its severity is the one the catalogue gives the code."""
        entry = CATALOGUE.get(code)
        if entry is None:
            raise UnknownCode(f"diagnostic code {code} is not in explainer.codes.CATALOGUE")
        return Diagnostic(self.path, self.position, Severity(entry.severity), code, message, hint)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by path, line, column, code; exact repeats collapse into one."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    return any(d.is_error or strict for d in diagnostics)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, *, keep_breaks: bool = False) -> str:
    """`text` with control, line-breaking and invisible formatting characters shown as escapes.

    Content echoed into a message (a misspelt key, a value) must not move the
    cursor, clear the screen, reorder the line or start a new one: every
    diagnostic stays one line, whatever the file holds. The characters shown
    escaped are exactly those content may not hold (`explainer.characters`).
    """
    if text.isascii() and text.isprintable():
        return text
    shown = []
    for char in text:
        if keep_breaks and char in "\r\n":
            shown.append(char)
        elif char in _ESCAPES:
            shown.append(_ESCAPES[char])
        elif unsafe_character(char):
            shown.append(escaped(char))
        else:
            shown.append(char)
    return "".join(shown)


def format_text(diagnostic: Diagnostic) -> str:
    line = (
        f"{printable(diagnostic.path)}:{diagnostic.position}: "
        f"{diagnostic.severity.value} {diagnostic.code}: {printable(diagnostic.message)}"
    )
    return f"{line} — {printable(diagnostic.hint)}" if diagnostic.hint else line


def _github_escape(value: str, *, property_value: bool = False) -> str:
    # The workflow-command escaping GitHub documents for messages and properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(diagnostic: Diagnostic) -> str:
    command = "error" if diagnostic.is_error else "warning"
    properties = ",".join(
        [
            f"file={_github_escape(printable(diagnostic.path, keep_breaks=True), property_value=True)}",
            f"line={diagnostic.position.line}",
            f"col={diagnostic.position.column}",
            f"title={_github_escape(diagnostic.code, property_value=True)}",
        ]
    )
    # GitHub's own escapes (%0A) keep line breaks meaningful; everything else invisible is shown.
    message = f"{diagnostic.code}: {printable(diagnostic.message, keep_breaks=True)}"
    if diagnostic.hint:
        message += f" — {printable(diagnostic.hint, keep_breaks=True)}"
    return f"::{command} {properties}::{_github_escape(message)}"


def to_json_record(diagnostic: Diagnostic) -> dict[str, object]:
    record = asdict(diagnostic)
    record["line"] = diagnostic.position.line
    record["column"] = diagnostic.position.column
    del record["position"]
    record["severity"] = diagnostic.severity.value
    return {key: record[key] for key in sorted(record)}


def render_report(diagnostics: Iterable[Diagnostic], output_format: str) -> str:
    """The whole report in one of the formats `explainer check --format` offers."""
    ordered = sort_diagnostics(diagnostics)
    if output_format == "json":
        return json.dumps([to_json_record(d) for d in ordered], indent=2, ensure_ascii=False) + "\n"
    formatter = FORMATTERS[output_format]
    return "".join(formatter(d) + "\n" for d in ordered)


FORMATTERS = {"text": format_text, "github": format_github}
OUTPUT_FORMATS = ("text", "github", "json")


def summary_line(diagnostics: Iterable[Diagnostic]) -> str:
    found = list(diagnostics)
    errors = sum(d.is_error for d in found)
    warnings = len(found) - errors
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
