"""A throwaway copy of the project (mkdocs.yml, docs/, overrides/ and a content folder), built for real."""

from __future__ import annotations

import shutil
from pathlib import Path

from explainer.build import build_site_atomically

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests/fixtures/corpus"


def copy_project(destination: Path, content: Path = CORPUS) -> Path:
    """The site's configuration and hand-written pages with `content` as its content folder."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(REPO / folder, destination / folder, dirs_exist_ok=True)
    shutil.rmtree(destination / "content", ignore_errors=True)
    shutil.copytree(content, destination / "content")
    return destination


def build(project: Path, out: Path | None = None) -> Path:
    return build_site_atomically(project / "mkdocs.yml", out)
