"""The whole check of a content folder: read, validate, lint — one sorted list of diagnostics."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from explainer.analysis import analyse_entries
from explainer.cache import CheckCache, digest
from explainer.content import Content
from explainer.diagnostics import Diagnostic, has_errors, sort_diagnostics
from explainer.families import built_families
from explainer.kept import KeptFiles
from explainer.lint import Context, lint
from explainer.markdown import ANALYSERS
from explainer.settings import DEFAULT_SETTINGS, SiteConfig
from explainer.snapshot import Snapshot, read_snapshot
from explainer.source import Document, read_documents
from explainer.validate import build_content

# Up to this many new or changed files, a check parses their Markdown without the analyses file.
FEW_FILES = 50


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
    kept: KeptFiles | None = None,
) -> CheckResult:
    """Validate documents already read, then run every lint rule on what passed.

    `kept` holds what earlier runs found in files that have not changed since (see explainer.kept).
    """
    kept = kept or KeptFiles()
    unreadable = sorted({problem.path for problem in read_problems if problem.is_error})
    content, schema_problems = build_content(documents, unreadable, kept.validate)
    context = context_for(site, today=today)
    context = Context(
        context.today, context.settings, context.analyser, built_families(content, context.settings)
    )
    # Every field the rules will read is parsed once, before they ask, on all cores when it pays.
    # A few changed files are parsed sooner than the analyses file is read and written again.
    linted = kept.linter(context)
    fresh = [entry for entry in content.entries if linted.fresh(entry)]
    analyse_entries(fresh, context.analyser, cache if len(fresh) > FEW_FILES else None)
    linted.prepare(fresh)
    found = [*read_problems, *schema_problems, *lint(content, context, linted)]
    return CheckResult(content, sort_diagnostics(found))


def check_content(
    content_dir: Path,
    *,
    base: Path | None = None,
    today: date | None = None,
    site: SiteConfig | None = None,
    use_cache: bool = True,
    snapshot: Snapshot | None = None,
) -> CheckResult:
    """Read and validate every file below `content_dir`, then run every lint rule on what passed.

    With a site, what can be kept between runs is kept in its check cache (see explainer.cache and
    explainer.kept), including this result, which `cached_check` returns while nothing it depends
    on changes. `snapshot` is the folder as the caller has just read it.
    """
    cache = CheckCache.load(site.project_root if site is not None and use_cache else None)
    # With nothing kept, every file is new: each is hashed where it is read, on all cores if it pays.
    snapshot = snapshot or read_snapshot(content_dir, base, cache.stats, hash_now=cache.holds_files())
    kept = KeptFiles(cache, snapshot.keys, snapshot.bytes_of)
    with _collector_paused():
        kept.make_missing(context_for(site, today=today), snapshot)
        snapshot.complete()
        documents, read_problems = read_documents(
            content_dir,
            base=base,
            read=snapshot.read,
            known=kept.stored,
            parse=kept.parse,
            listing=snapshot.listing,
        )
        result = check_documents(documents, read_problems, today=today, site=site, cache=cache, kept=kept)
    if site is not None and cache.path is not None:
        key = _result_key(content_dir, base, today, site, snapshot)
        cache.remember_result(key, (result.diagnostics, len(result.content)))
        cache.remember_stats(snapshot.settled)
        kept.store()
        cache.save()
    return result


def cached_check(
    content_dir: Path,
    *,
    base: Path | None = None,
    today: date | None = None,
    site: SiteConfig,
    snapshot: Snapshot | None = None,
) -> tuple[list[Diagnostic], int] | None:
    """The diagnostics and entry count of the last complete check, if nothing it depends on changed.

    Reading and hashing the files is all it costs; None means "check for real".
    """
    cache = CheckCache.load(site.project_root)
    if cache.result is None:
        return None
    snapshot = snapshot or read_snapshot(content_dir, base, cache.stats)
    snapshot.complete()
    if snapshot.unreadable:
        return None  # a file could not be read: a check says which
    found = cache.whole_result(_result_key(content_dir, base, today, site, snapshot))
    return None if found is None else (list(found[0]), int(found[1]))


def _result_key(
    content_dir: Path, base: Path | None, today: date | None, site: SiteConfig, snapshot: Snapshot
) -> bytes:
    """Everything a check's result depends on besides the code (the cache file is per code version)."""
    return digest(
        str(content_dir.resolve()),
        str((base or Path.cwd()).resolve()),
        (today or date.today()).isoformat(),
        site.settings.model_dump_json(),
        repr(site.markdown_extensions),
        snapshot.fingerprint,
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
