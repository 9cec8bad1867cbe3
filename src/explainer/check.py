"""The whole check of a content folder: read, validate, lint — one sorted list of diagnostics."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from explainer.content import Content
from explainer.diagnostics import Diagnostic, has_errors, sort_diagnostics
from explainer.families import built_families
from explainer.lint import Context, lint
from explainer.markdown import ANALYSERS
from explainer.settings import DEFAULT_SETTINGS, SiteConfig
from explainer.source import Document, read_documents
from explainer.validate import build_content


class BadPinnedDate(ValueError):
    """EXPLAINER_TODAY is set but is not a date."""


def review_today() -> date:
    """The date reviews are checked against; EXPLAINER_TODAY=YYYY-MM-DD pins it for reproducible runs."""
    pinned = os.environ.get("EXPLAINER_TODAY")
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise BadPinnedDate(f"EXPLAINER_TODAY='{pinned}' is not a date written YYYY-MM-DD") from None


@dataclass(frozen=True)
class CheckResult:
    content: Content
    diagnostics: list[Diagnostic]

    def failed(self, *, strict: bool = True) -> bool:
        """Errors fail a check; warnings too unless `strict` is off (`explainer check --lenient`)."""
        return has_errors(self.diagnostics, strict=strict)


def context_for(site: SiteConfig | None, *, today: date | None = None) -> Context:
    """What the rules need to know about a site (its settings and parser) and the day."""
    settings = site.settings if site else DEFAULT_SETTINGS
    analyser = ANALYSERS.get(site.markdown_extensions) if site else ANALYSERS.get(())
    return Context(today=today or date.today(), settings=settings, analyser=analyser)


def check_documents(
    documents: list[Document],
    read_problems: list[Diagnostic],
    *,
    today: date | None = None,
    site: SiteConfig | None = None,
) -> CheckResult:
    """Validate documents already read, then run every lint rule on what passed."""
    unreadable = sorted({problem.path for problem in read_problems if problem.is_error})
    content, schema_problems = build_content(documents, unreadable)
    context = context_for(site, today=today)
    context = Context(
        context.today, context.settings, context.analyser, built_families(content, context.settings)
    )
    found = [*read_problems, *schema_problems, *lint(content, context)]
    return CheckResult(content, sort_diagnostics(found))


def check_content(
    content_dir: Path, *, base: Path | None = None, today: date | None = None, site: SiteConfig | None = None
) -> CheckResult:
    """Read and validate every file below `content_dir`, then run every lint rule on what passed."""
    documents, read_problems = read_documents(content_dir, base=base)
    return check_documents(documents, read_problems, today=today, site=site)
