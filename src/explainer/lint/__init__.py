"""Semantic rules over the validated corpus: references, consistency, text safety, freshness."""

from __future__ import annotations

import traceback
from datetime import date

from explainer.content import Content
from explainer.diagnostics import Diagnostic, Place
from explainer.lint import consistency, policy, references, text  # noqa: F401  (they register rules)
from explainer.lint.registry import RULES, Context, Rule

__all__ = ["RULES", "Context", "Rule", "lint"]


def lint(content: Content, context: Context | None = None) -> list[Diagnostic]:
    """Every finding of every rule. A rule that crashes is reported, and the others still run."""
    context = context or Context(today=date.today())
    found: list[Diagnostic] = []
    for registered in RULES:
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
