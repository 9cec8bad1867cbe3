"""Rules about text safety: allowed characters, the restricted Markdown, and link targets and URLs."""

from __future__ import annotations

from collections.abc import Iterator

from explainer.content import Content, Entry
from explainer.diagnostics import Diagnostic, Place
from explainer.fields import TextField
from explainer.lint.registry import Context, rule
from explainer.markdown import Finding, international_host, url_problem
from explainer.source import find_forbidden_characters


def _place_in_field(entry: Entry, field: TextField, index: int) -> Place:
    document = entry.document
    return Place(document.path, document.position_in_value(field.loc, field.text, index))


def _source_urls(content: Content) -> Iterator[tuple[Entry, str]]:
    """Each source file's URL as written, whether or not the rest of the file passed the schema."""
    for entry in content.entries:
        url = entry.document.data.get("url")
        if entry.kind.name == "source" and isinstance(url, str):
            yield entry, url


@rule("E401")
def forbidden_characters(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entry in content.entries:
        for field in entry.texts:
            for index, reason in find_forbidden_characters(field.text):
                yield _place_in_field(entry, field, index).report(
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


@rule("E402")
def raw_html(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E402")


@rule("E404")
def restricted_markdown(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E404")


@rule("E405")
def markup_bombs(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E405")


@rule("E406")
def link_titles(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E406")


@rule("W402")
def text_that_looks_like_markup(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "W402")


@rule("E303")
def unknown_link_schemes(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E303")


@rule("W401")
def international_hosts(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "W401")
    for entry, url in _source_urls(content):
        host = international_host(url)
        if host and url_problem(url) is None:
            yield entry.place(("url",)).report(
                "W401",
                f"the host '{host}' is internationalized",
                hint="check it is the host you mean; prefer its plain ASCII form",
            )


@rule("E403")
def insecure_urls(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _report(content, context, "E403")
    for entry, url in _source_urls(content):
        problem = url_problem(url)
        if problem is not None:
            yield entry.place(("url",)).report(
                "E403",
                f"URL '{url[:80]}' is not allowed: {problem}",
                hint="use the page's https:// address, with no user name or password",
            )
