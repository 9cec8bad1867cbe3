"""Semantic rules over the validated corpus: references, consistency, text safety, freshness.

Rules come in two scopes. A per-entry rule reports about an entry from that entry alone, so what it
found in a file that has not changed since the last run can be kept (see explainer.kept); a corpus
rule (unknown references, duplicates, missing ratings) looks across files and always runs whole.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from explainer.content import Content, Entry
from explainer.diagnostics import Diagnostic, Place
from explainer.lint import consistency, policy, references, text  # noqa: F401  (they register rules)
from explainer.lint.registry import RULES, Context, Rule
from explainer.references import Reference
from explainer.references import references as references_of

__all__ = ["RULES", "Context", "EntryLint", "Rule", "lint", "lint_entry"]

# A reference without its origin (the entry it is kept with): kind, target, loc, link, fragment.
KeptReference = tuple[str, str, tuple[str | int, ...], object, str]


@dataclass(frozen=True)
class EntryLint:
    """What per-entry rules found in one entry, and the references it makes: all that a later run
    needs to know of a file that has not changed."""

    diagnostics: tuple[Diagnostic, ...]
    references: tuple[KeptReference, ...]

    def references_of(self, entry: Entry) -> list[Reference]:
        # tuple.__new__ skips _make's checks, which cost a repeat check at 10,000 files a few
        # hundredths of a second for its hundred thousand references: each kept one has 5 fields.
        make = tuple.__new__
        return [make(Reference, (entry, *kept)) for kept in self.references]


def lint(
    content: Content, context: Context | None = None, kept: Callable[[Entry], EntryLint] | None = None
) -> list[Diagnostic]:
    """Every finding of every rule. A rule that crashes is reported, and the others still run.

    `kept` gives each entry's per-entry findings (from an earlier run when its file is unchanged);
    without it they are computed here.
    """
    context = context or Context(today=date.today())
    per_entry = kept or (lambda entry: lint_entry(entry, context))
    found: list[Diagnostic] = []
    every_reference: list[Reference] = []
    for entry in content.entries:
        linted = per_entry(entry)
        found.extend(linted.diagnostics)
        every_reference.extend(linted.references_of(entry))
    # The corpus rules share the references gathered above rather than reading every field again.
    context.memo["references"] = every_reference
    found.extend(_run([r for r in RULES if not r.per_entry], content, context))
    return found


def lint_entry(entry: Entry, context: Context) -> EntryLint:
    """The per-entry rules on one entry, as if it were the whole corpus, and its references."""
    alone = Content.from_entities(
        [entry.entity] if entry.entity is not None else [],
        {(entry.kind.name, entry.id): entry.document} if entry.entity is not None else {},
        entries=(entry,),
    )
    made = list(references_of(entry, context.analyser))
    # Work shared between rules is shared within this entry only; its references are read once.
    own = replace(context, memo={"references": made})
    refs = tuple((r.kind, r.target, r.loc, r.link, r.fragment) for r in made)
    return EntryLint(tuple(_run([r for r in RULES if r.per_entry], alone, own)), refs)


def _run(rules: Iterable[Rule], content: Content, context: Context) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for registered in rules:
        try:
            found.extend(registered.run(content, context))
        except Exception as error:  # an internal bug must not hide the other findings
            where = traceback.extract_tb(error.__traceback__)[-1]
            found.append(
                Place("<explainer>").report(
                    "X001",
                    f"rule {registered.code} crashed: {type(error).__name__}: {error} "
                    f"({where.filename}:{where.lineno})",
                    hint="this is a bug in explainer; please report it with the content that triggers it",
                )
            )
    return found
