"""The whole check of a content folder: read, validate, lint — one sorted list of diagnostics."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from explainer.diagnostics import Diagnostic, has_errors, sort_diagnostics
from explainer.lint import lint
from explainer.model import Content
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

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.diagnostics, strict=strict)


def check_documents(
    documents: list[Document], read_problems: list[Diagnostic], *, today: date | None = None
) -> CheckResult:
    """Validate documents already read, then run every lint rule on what passed."""
    unreadable = sorted({problem.path for problem in read_problems if problem.is_error})
    content, schema_problems = build_content(documents, unreadable)
    found = [*read_problems, *schema_problems, *lint(content, today=today)]
    return CheckResult(content, sort_diagnostics(found))


def check_content(content_dir: Path, *, base: Path | None = None, today: date | None = None) -> CheckResult:
    """Read and validate every file below `content_dir`, then run every lint rule on what passed."""
    documents, read_problems = read_documents(content_dir, base=base)
    return check_documents(documents, read_problems, today=today)
