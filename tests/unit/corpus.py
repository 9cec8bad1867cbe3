"""Build checks over the fixture corpus with one file added or replaced, without touching the disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from explainer.check import CheckResult, check_documents
from explainer.markdown import DEFAULT_EXTENSIONS
from explainer.settings import SiteConfig, validate_settings
from explainer.source import Document, ReadError, parse_document, read_documents
from tests.conftest import CORPUS, FIXTURES, TODAY


def corpus_documents() -> list[Document]:
    documents, problems = read_documents(CORPUS, base=FIXTURES)
    assert not problems, problems
    return documents


def site_with(settings: dict[str, Any] | None = None) -> SiteConfig:
    """A site with these plugin options (defaults otherwise), as if read from mkdocs.yml."""
    return SiteConfig(validate_settings(settings or {}), None, FIXTURES, DEFAULT_EXTENSIONS)


def check_with(
    path: str, raw: bytes, settings: dict[str, Any] | None = None, site: SiteConfig | None = None
) -> CheckResult:
    """Check the fixture corpus with `raw` at `corpus/<path>` (replacing a file of that path), for a
    site with these plugin options, or for `site` as given."""
    shown = f"corpus/{path}"
    documents = [d for d in corpus_documents() if d.path != shown]
    problems = []
    try:
        documents.append(parse_document(shown, raw))
    except ReadError as error:
        problems = error.diagnostics
    documents.sort(key=lambda d: d.path)
    return check_documents(documents, problems, today=TODAY, site=site or site_with(settings))


def fixture_header(path: Path) -> tuple[str, list[str], dict[str, Any]]:
    """The `# target:` path, `# expect: CODE line:col` lines and `# settings: {json}` of a bad fixture."""
    target, expected, settings = "", [], {}
    for line in path.read_bytes().decode("ascii", errors="replace").splitlines():
        if line.startswith("# target: "):
            target = line.removeprefix("# target: ").strip()
        elif line.startswith("# expect: "):
            expected.append(line.removeprefix("# expect: ").strip())
        elif line.startswith("# settings: "):
            settings = json.loads(line.removeprefix("# settings: "))
    return target, expected, settings


def make_records_first(monkeypatch: Any, *, here: bool = False) -> None:
    """Have a check make every missing file record first (explainer.kept.KeptFiles.make_missing),
    however few files there are; `here` runs the workers' part in this process, where spies see it."""
    from explainer import kept

    monkeypatch.setattr(kept, "RECORDS_ON_ALL_CORES", 1)
    monkeypatch.setattr(kept, "parallel_pays", lambda count, minimum: count >= minimum)
    if here:
        monkeypatch.setattr(kept, "in_chunks", lambda work, count, minimum: [work(range(count))])


def spy_on_reading_and_linting(monkeypatch: Any) -> tuple[list[str], list[str]]:
    """The paths explainer.kept parses and the entry ids it lints, from now on."""
    from explainer import kept

    parsed: list[str] = []
    linted: list[str] = []
    parse, lint = kept.parse_document, kept.lint_entry
    monkeypatch.setattr(kept, "parse_document", lambda path, raw: parsed.append(path) or parse(path, raw))
    monkeypatch.setattr(kept, "lint_entry", lambda entry, ctx: linted.append(entry.id) or lint(entry, ctx))
    return parsed, linted
