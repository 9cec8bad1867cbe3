"""Rules about text safety: allowed characters, the restricted Markdown, and link targets and URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from explainer.characters import find_unsafe_characters
from explainer.content import Content, Entry
from explainer.diagnostics import Diagnostic, Place
from explainer.fields import TextField
from explainer.lint.registry import Context, rule
from explainer.markdown import Finding, host_warning, unsafe_character_references, url_problem
from explainer.source import position_of_index


def _place_in_field(entry: Entry, field: TextField, index: int) -> Place:
    document = entry.document
    return Place(document.path, document.position_in_value(field.loc, field.text, index))


# YAML's named escapes in double-quoted text, for characters E401 refuses.
_NAMED_ESCAPES = {"\0": "0", "\a": "a", "\b": "b", "\v": "v", "\f": "f", "\x1b": "e", "\x85": "N",
                  "\u2028": "L", "\u2029": "P"}  # fmt: skip


def _place_of_character(entry: Entry, field: TextField, index: int) -> Place:
    """Where the character at `index` is written: typed, or as a YAML escape such as `\\u202e`."""
    char = field.text[index]
    document = entry.document
    span = document.spans.get(field.loc)
    if span is None or char in document.text[span.start_index : span.end_index]:
        return _place_in_field(entry, field, index)
    point = ord(char)
    spellings = [rf"\\x{point:02x}", rf"\\u{point:04x}", rf"\\U{point:08x}"]
    if char in _NAMED_ESCAPES:
        spellings.append("\\\\" + _NAMED_ESCAPES[char])
    escapes = list(re.finditer("|".join(spellings), document.text[span.start_index : span.end_index], re.I))
    earlier = field.text.count(char, 0, index)
    if earlier < len(escapes):
        written = span.start_index + escapes[earlier].start()
        return Place(document.path, position_of_index(document.text, written))
    return _place_in_field(entry, field, index)


def _url_place(entry: Entry, url: str) -> Place:
    """Where a source's URL value is written (not its `url:` key)."""
    document = entry.document
    return Place(document.path, document.position_in_value(("url",), url, 0))


def _source_urls(content: Content) -> Iterator[tuple[Entry, str]]:
    """Each source file's URL as written, whether or not the rest of the file passed the schema."""
    for entry in content.entries:
        url = entry.document.data.get("url")
        if entry.kind.name == "source" and isinstance(url, str):
            yield entry, url


@rule("E401", per_entry=True)
def forbidden_characters(content: Content, context: Context) -> Iterator[Diagnostic]:
    """Unsafe characters typed (or escaped in YAML), and, in Markdown, written as character references."""
    for entry in content.entries:
        whole = "\n".join(field.text for field in entry.texts)
        if "&" not in whole and next(find_unsafe_characters(whole), None) is None:
            continue  # one scan clears most entries; the fields are read one by one only to report
        for field in entry.texts:
            found = list(find_unsafe_characters(field.text))
            if field.markdown is not None:
                found.extend(unsafe_character_references(field.text))
            # Each kind of character once per field, where it first appears: a run of eight
            # backspaces is one problem, not eight.
            first = {reason: index for index, reason in reversed(found)}
            for reason, index in sorted(first.items(), key=lambda item: item[1]):
                yield _place_of_character(entry, field, index).report(
                    "E401",
                    f"{reason} in '{field.name}'",
                    hint="remove it; it is invisible to readers and reviewers",
                )


def markup_findings(content: Content, context: Context) -> list[tuple[Place, Finding]]:
    """Every finding of the Markdown analysis, placed in its file: one per kind of problem per field."""

    def compute() -> list[tuple[Place, Finding]]:
        found = []
        for entry in content.entries:
            for field in entry.texts:
                if field.markdown is None:
                    continue
                findings = context.analyser.analyse(field.text, field.markdown.headings).findings
                reported: set[tuple[str, str]] = set()
                for finding in sorted(findings, key=lambda f: f.index):
                    key = (finding.code, finding.message)
                    if key not in reported:
                        reported.add(key)
                        found.append((_place_in_field(entry, field, finding.index), finding))
        return found

    return context.once("markup", compute)


def _report(content: Content, context: Context, *codes: str) -> Iterator[Diagnostic]:
    for place, finding in markup_findings(content, context):
        if finding.code in codes:
            yield place.report(finding.code, finding.message, hint=finding.hint)


@rule("E402", per_entry=True)
def raw_html(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E402")


@rule("E404", per_entry=True)
def restricted_markdown(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E404")


@rule("E405", per_entry=True)
def markup_bombs(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E405")


@rule("E406", per_entry=True)
def link_titles(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E406")


@rule("W402", per_entry=True)
def text_that_looks_like_markup(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "W402")


@rule("E303", per_entry=True)
def unknown_link_schemes(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E303")


@rule("W401", per_entry=True)
def international_hosts(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "W401")
    for entry, url in _source_urls(content):
        warning = host_warning(url)
        if warning and url_problem(url) is None:
            yield _url_place(entry, url).report(
                "W401", warning, hint="check it is the host you mean; prefer its plain ASCII form"
            )


@rule("E403", per_entry=True)
def insecure_urls(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E403")
    for entry, url in _source_urls(content):
        problem = url_problem(url)
        if problem is not None:
            yield _url_place(entry, url).report(
                "E403",
                f"URL '{url[:80]}' is not allowed: {problem}",
                hint="use the page's https:// address, with no user name or password",
            )
