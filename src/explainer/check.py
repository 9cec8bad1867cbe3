"""The whole check of a content folder: read, validate, lint — one sorted list of diagnostics."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from explainer.analysis import analyse_corpus
from explainer.cache import CheckCache, digest
from explainer.content import Content
from explainer.diagnostics import Diagnostic, has_errors, sort_diagnostics
from explainer.families import built_families
from explainer.lint import Context, lint
from explainer.markdown import ANALYSERS
from explainer.settings import DEFAULT_SETTINGS, SiteConfig
from explainer.source import Document, content_files, display_paths, read_documents, stray_files
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
    cache: CheckCache | None = None,
) -> CheckResult:
    """Validate documents already read, then run every lint rule on what passed."""
    unreadable = sorted({problem.path for problem in read_problems if problem.is_error})
    content, schema_problems = build_content(documents, unreadable)
    context = context_for(site, today=today)
    context = Context(
        context.today, context.settings, context.analyser, built_families(content, context.settings)
    )
    analyse_corpus(content, context.analyser, cache)  # every field read once, before the rules ask
    found = [*read_problems, *schema_problems, *lint(content, context)]
    return CheckResult(content, sort_diagnostics(found))


def check_content(
    content_dir: Path,
    *,
    base: Path | None = None,
    today: date | None = None,
    site: SiteConfig | None = None,
    use_cache: bool = True,
) -> CheckResult:
    """Read and validate every file below `content_dir`, then run every lint rule on what passed.

    With a site, what can be kept between runs is kept in its check cache (see explainer.cache),
    including this result, which `cached_check` returns while nothing it depends on changes.
    """
    cache = CheckCache.load(site.project_root if site is not None and use_cache else None)
    read: dict[str, bytes] = {}
    with _collector_paused():
        documents, read_problems = read_documents(content_dir, base=base, read=read)
        result = check_documents(documents, read_problems, today=today, site=site, cache=cache)
    if site is not None and cache.path is not None:
        strays = display_paths(stray_files(content_dir), base or Path.cwd())
        key = _result_key(content_dir, base, today, site, read, strays)
        cache.remember_result(key, (result.diagnostics, len(result.content)))
        cache.save()
    return result


def cached_check(
    content_dir: Path, *, base: Path | None = None, today: date | None = None, site: SiteConfig
) -> tuple[list[Diagnostic], int] | None:
    """The diagnostics and entry count of the last complete check, if nothing it depends on changed.

    Reading and hashing the files is all it costs; None means "check for real".
    """
    cache = CheckCache.load(site.project_root)
    if cache.result is None:
        return None
    shown = base or Path.cwd()
    try:
        files = content_files(content_dir)
        read = {
            path: file.read_bytes() for file, path in zip(files, display_paths(files, shown), strict=True)
        }
    except OSError:
        return None
    strays = display_paths(stray_files(content_dir), shown)
    found = cache.whole_result(_result_key(content_dir, base, today, site, read, strays))
    return None if found is None else (list(found[0]), int(found[1]))


def _result_key(
    content_dir: Path,
    base: Path | None,
    today: date | None,
    site: SiteConfig,
    read: dict[str, bytes],
    strays: list[str],
) -> bytes:
    """Everything a check's result depends on besides the code (the cache file is per code version)."""
    files = [part for path in sorted(read) for part in (path, digest(read[path]))]
    return digest(
        str(content_dir.resolve()),
        str((base or Path.cwd()).resolve()),
        (today or date.today()).isoformat(),
        site.settings.model_dump_json(),
        repr(site.markdown_extensions),
        *files,
        "strays",
        *sorted(strays),
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a corpus is read: it makes many objects and few cycles,
    and a collection walks every object alive, so at 10,000 entries it costs a third of the read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
