"""Throwaway copies of a site (mkdocs.yml, docs/ and a content folder), built for real."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from explainer.build import build_site_atomically

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests/fixtures/corpus"
FIXTURE_SITE = REPO / "tests/fixtures/site"


def copy_project(destination: Path, content: Path = CORPUS) -> Path:
    """The first site's configuration and hand-written pages with `content` as its content folder.

    Unless the content is the site's own, the site's content policy (how many strengths, sources on
    every answer…) is left out and the home page is the fixture site's: the small test corpus is
    about databases, is not held to that policy, and has none of the entities the home page shows.
    """
    project = _copy(destination, REPO, content)
    if content != REPO / "content":
        config = project / "mkdocs.yml"
        config.write_text(without_block(config.read_text(), "      policy:"))
        shutil.copy(FIXTURE_SITE / "docs/index.md", project / "docs/index.md")
    return project


def without_block(text: str, header: str) -> str:
    """`text` without the line `header` and the lines indented deeper than it that follow."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == header.rstrip())
    depth = len(header) - len(header.lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > depth):
        end += 1
    return "".join(lines[:start] + lines[end:])


def fixture_project(destination: Path, content: Path = CORPUS, options: dict[str, Any] | None = None) -> Path:
    """The generator's fixture site (another topic) with `content`, and explainer options changed."""
    project = _copy(destination, FIXTURE_SITE, content)
    if options:
        config = project / "mkdocs.yml"
        text = config.read_text()
        extra = yaml.safe_dump(options, sort_keys=False).strip().replace("\n", "\n      ")
        config.write_text(
            text.replace("      content_dir: content", f"      content_dir: content\n      {extra}")
        )
    return project


def _copy(destination: Path, site: Path, content: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(site / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(site / "docs", destination / "docs", dirs_exist_ok=True)
    shutil.rmtree(destination / "content", ignore_errors=True)
    shutil.copytree(content, destination / "content")
    return destination


def build(project: Path, out: Path | None = None) -> Path:
    return build_site_atomically(project / "mkdocs.yml", out)


# The fixture site's home page compares its first two technologies; a misspelt id names none.
HEADLINE = "<!-- explainer:headline-comparison -->"


def misspell_the_headline(project: Path, folder: str = "docs") -> int:
    """Make the home page's headline comparison (in the hand-written pages' `folder`) name a technology
    that does not exist ('graph-db'); the marker's line, for the error that should point at it."""
    index = project / folder / "index.md"
    text = index.read_text()
    index.write_text(
        text.replace(HEADLINE, "<!-- explainer:headline-comparison relational-databases graph-db -->")
    )
    return text[: text.index(HEADLINE)].count("\n") + 1
