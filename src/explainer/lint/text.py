"""Rules about text safety: allowed characters, restricted Markdown, and https-only links."""

from __future__ import annotations

from collections.abc import Iterator

from explainer.diagnostics import Diagnostic, Place
from explainer.lint.registry import Context, rule
from explainer.markdown import (
    Finding,
    check_link_target,
    find_links,
    find_unsafe_markup,
    is_https_url,
)
from explainer.model import Content, Entity, TextField, text_fields
from explainer.source import find_forbidden_characters


def _fields(content: Content) -> Iterator[tuple[Entity, TextField, str]]:
    for entity in content.entities():
        document = content.document(entity)
        if document is not None:
            for field in text_fields(entity):
                yield entity, field, document.path


def _place_in_field(content: Content, entity: Entity, field: TextField, index: int) -> Place:
    document = content.document(entity)
    assert document is not None
    return Place(document.path, document.position_in_value(field.loc, field.text, index))


@rule("E401", "text holds no control, zero-width or bidirectional characters")
def forbidden_characters(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entity, field, _ in _fields(content):
        for index, reason in find_forbidden_characters(field.text):
            yield _place_in_field(content, entity, field, index).error(
                "E401",
                f"{reason} in '{field.loc[-1]}'",
                hint="remove it; it is invisible to readers and reviewers",
            )


def _markup_findings(content: Content) -> Iterator[tuple[Place, Finding]]:
    for entity, field, _ in _fields(content):
        if not field.markdown:
            continue
        reported: set[str] = set()
        for finding in sorted(find_unsafe_markup(field.text), key=lambda f: f.index):
            if finding.code not in reported:  # one line per kind of problem per field is enough
                reported.add(finding.code)
                yield _place_in_field(content, entity, field, finding.index), finding


@rule("E402", "Markdown text holds no raw HTML")
def raw_html(content: Content, context: Context) -> Iterator[Diagnostic]:
    for place, finding in _markup_findings(content):
        if finding.code == "E402":
            yield place.error(finding.code, finding.message, hint=finding.hint)


@rule(
    "E404",
    "Markdown text uses only the restricted grammar (no attribute lists, images, headings, definitions)",
)
def restricted_markdown(content: Content, context: Context) -> Iterator[Diagnostic]:
    for place, finding in _markup_findings(content):
        if finding.code == "E404":
            yield place.error(finding.code, finding.message, hint=finding.hint)


@rule("E405", "Markdown text is not a markup bomb")
def markup_bombs(content: Content, context: Context) -> Iterator[Diagnostic]:
    for place, finding in _markup_findings(content):
        if finding.code == "E405":
            yield place.error(finding.code, finding.message, hint=finding.hint)


def _link_findings(content: Content) -> Iterator[tuple[Place, Finding]]:
    for entity, field, _ in _fields(content):
        if not field.markdown:
            continue
        for link in find_links(field.text):
            finding = check_link_target(link.target)
            if finding is not None:
                yield _place_in_field(content, entity, field, link.start), finding


@rule("E303", "links in text use a known cross-reference scheme")
def unknown_link_schemes(content: Content, context: Context) -> Iterator[Diagnostic]:
    for place, finding in _link_findings(content):
        if finding.code == "E303":
            yield place.error(finding.code, finding.message, hint=finding.hint)


@rule("E403", "links and URLs are https:// only")
def insecure_urls(content: Content, context: Context) -> Iterator[Diagnostic]:
    for place, finding in _link_findings(content):
        if finding.code == "E403":
            yield place.error(finding.code, finding.message, hint=finding.hint)
    for source in content.sources.values():
        document = content.document(source)
        if document is not None and not is_https_url(source.url):
            yield document.place(("url",)).error(
                "E403",
                f"URL '{source.url}' is not an https:// address",
                hint="use the https:// address of the page",
            )
