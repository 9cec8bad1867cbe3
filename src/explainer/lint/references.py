"""Rules about references: every id and cross-reference link points at something that exists."""

from __future__ import annotations

from collections.abc import Iterator

from explainer.diagnostics import Diagnostic, Place
from explainer.lint.registry import Context, rule
from explainer.model import KIND_BY_NAME, Content, text_fields
from explainer.references import Reference, all_references, cited_by, references
from explainer.suggest import did_you_mean


def reference_place(content: Content, reference: Reference) -> Place:
    """Where a reference is written: the id in its list, or the target inside a link."""
    document = content.document(reference.origin)
    if document is None:
        return Place("<unknown>")
    if reference.link is None:
        return Place(document.path, document.position(reference.loc))
    decoded = _text_at(reference)
    return Place(document.path, document.position_in_value(reference.loc, decoded, reference.link.start))


def _text_at(reference: Reference) -> str:
    for field in text_fields(reference.origin):
        if field.loc == reference.loc:
            return field.text
    return ""


def _unknown(content: Content, *, in_text: bool) -> Iterator[Diagnostic]:
    for reference in all_references(content):
        known = content.ids(reference.kind)
        if (reference.link is not None) != in_text or reference.target in known:
            continue
        kind = KIND_BY_NAME[reference.kind]
        hint = did_you_mean(reference.target, known)
        if hint is None and not known:
            hint = f"there is no {kind.label} yet; add content/{kind.folder}/{reference.target}.yaml"
        yield reference_place(content, reference).error(
            "E302" if in_text else "E301", f"unknown {kind.label} '{reference.target}'", hint=hint
        )


@rule("E301", "ids in reference fields name entities that exist")
def unknown_references(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _unknown(content, in_text=False)


@rule("E302", "cross-reference links in text name entities that exist")
def unknown_link_targets(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _unknown(content, in_text=True)


@rule("E304", "an entity does not list the same reference twice or refer to itself")
def repeated_references(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entity in content.entities():
        seen: set[tuple[str, str, tuple[str | int, ...]]] = set()
        for reference in references(entity):
            if reference.link is not None:
                continue
            field = reference.loc[:-1]
            key = (reference.kind, reference.target, field)
            if key in seen:
                yield reference_place(content, reference).error(
                    "E304", f"'{reference.target}' is listed twice here", hint="remove one of them"
                )
            seen.add(key)
            if reference.kind == entity.entity_kind and reference.target == entity.id:
                yield reference_place(content, reference).error(
                    "E304", f"'{reference.target}' refers to itself", hint="remove it"
                )


@rule("W501", "every source is cited at least once")
def uncited_sources(content: Content, context: Context) -> Iterator[Diagnostic]:
    for source_id, citing in cited_by(content).items():
        if citing:
            continue
        document = content.documents.get(("source", source_id))
        if document is None:
            continue
        yield document.place().warning(
            "W501",
            f"source '{source_id}' is not cited by any entry",
            hint="cite it in a 'sources' list or a (source:…) link, or delete the file",
        )
