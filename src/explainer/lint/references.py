"""Rules about references: every id and cross-reference link points at something that exists and is shown."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from explainer.content import Content
from explainer.diagnostics import Diagnostic, Place
from explainer.kinds import KIND_BY_NAME
from explainer.lint.registry import Context, rule
from explainer.model import PLACEHOLDER_ID
from explainer.references import Reference, all_references
from explainer.suggest import did_you_mean


def reference_place(reference: Reference) -> Place:
    """Where a reference is written: the id in its list, or the target inside a link."""
    document = reference.origin.document
    if reference.link is None:
        return Place(document.path, document.position(reference.loc))
    text = next((f.text for f in reference.origin.texts if f.loc == reference.loc), "")
    return Place(document.path, document.position_in_value(reference.loc, text, reference.link.start))


def every_reference(content: Content, context: Context) -> list[Reference]:
    return context.once("references", lambda: list(all_references(content, context.analyser)))


def _unknown_references(content: Content, context: Context) -> list[Reference]:
    """References to ids that do not exist, in one pass for E301 and E302 (a large corpus makes
    hundreds of thousands); a scaffold's placeholder is E508's to report."""

    def compute() -> list[Reference]:
        ids = {kind: content.ids(kind) for kind in KIND_BY_NAME}
        return [r for r in every_reference(content, context) if r.target not in ids[r.kind]]

    return context.once("unknown references", compute)


def _unknown(content: Content, context: Context, *, in_text: bool) -> Iterator[Diagnostic]:
    for reference in _unknown_references(content, context):
        if (reference.link is not None) != in_text or reference.target == PLACEHOLDER_ID:
            continue
        known = content.ids(reference.kind)
        kind = KIND_BY_NAME[reference.kind]
        hint = did_you_mean(reference.target, known)
        if hint is None:
            create = f"create it with `explainer new {kind.name} {reference.target}`"
            if reference.kind in {"topic", "dimension"} and known:
                hint = f"use one of: {', '.join(sorted(known))}; or {create}"
            else:
                hint = create
        yield reference_place(reference).report(
            "E302" if in_text else "E301", f"unknown {kind.label} '{reference.target}'", hint=hint
        )


@rule("E301")
def unknown_references(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _unknown(content, context, in_text=False)


@rule("E302")
def unknown_link_targets(content: Content, context: Context) -> Iterator[Diagnostic]:
    yield from _unknown(content, context, in_text=True)


@rule("E304", per_entry=True)
def repeated_references(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entry, made in groupby(every_reference(content, context), key=lambda r: r.origin):
        seen: set[tuple[str, str, tuple[str | int, ...]]] = set()
        for reference in made:
            if reference.link is not None:
                continue
            field = reference.loc[:-1]
            key = (reference.kind, reference.target, field)
            if key in seen:
                yield reference_place(reference).report(
                    "E304", f"'{reference.target}' is listed twice here", hint="remove one of them"
                )
            seen.add(key)
            if reference.kind == entry.kind.name and reference.target == entry.id:
                yield reference_place(reference).report(
                    "E304", f"'{reference.target}' refers to itself", hint="remove it"
                )


# A corpus rule, though it reads one entry at a time: which families are built depends on the whole
# corpus, and keeping it out of the per-entry rules lets their findings hold whatever that is.
@rule("E305")
def links_to_pages_not_built(content: Content, context: Context) -> Iterator[Diagnostic]:
    if context.families is None:
        return
    for reference in every_reference(content, context):
        kind = KIND_BY_NAME[reference.kind]
        if reference.link is None or kind.family in context.families:
            continue
        # A link to nothing is E302's to report, with the one fix that works: a glossary with no
        # terms yet is not built, and turning on a family that is on already helps nobody.
        if reference.target not in content.ids(reference.kind):
            continue
        yield reference_place(reference).report(
            "E305",
            f"the site does not build the pages that show {kind.label}s, so this link would go nowhere",
            hint=f"turn the '{kind.family}' family on in mkdocs.yml, or remove the link",
        )


@rule("W501")
def uncited_sources(content: Content, context: Context) -> Iterator[Diagnostic]:
    # Citations from files with schema errors count too: one mistake, one line.
    cited = {r.target for r in every_reference(content, context) if r.kind == "source"}
    for source_id, source in content.sources.items():
        entry = content.entry(source)
        if source_id in cited or entry is None or entry.unfinished:
            continue
        yield entry.place().report(
            "W501",
            f"source '{source_id}' is not cited by any entry",
            hint="cite it in a 'sources' list or a (source:…) link, or delete the file",
        )
