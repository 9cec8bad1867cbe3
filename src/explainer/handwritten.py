"""The site's hand-written pages as `explainer check` reads them: the markers they place (E306).

The build fills each marker (explainer.render.snippets) and stops at one it cannot fill; the check
reports the same markers first, so that a check that passes means a build that does. Only a site
with a mkdocs.yml has pages: its `docs_dir`, `docs/` unless it says otherwise.
"""

from __future__ import annotations

import os

from explainer.diagnostics import Diagnostic, Place
from explainer.kinds import KIND_BY_NAME
from explainer.render.snippets import marker_problems
from explainer.settings import SiteConfig


def page_problems(site: SiteConfig) -> list[Diagnostic]:
    """Each marker in a hand-written page that no build could fill, at its line and column."""
    if site.config_file is None or not site.config_file.is_file():
        return []
    docs = site.docs_path
    # A technology's id is its file's name, so the ids are known without reading the content.
    folder = site.content_dir / KIND_BY_NAME["technology"].folder
    technologies = sorted(p.stem for p in folder.glob("*.y*ml")) if folder.is_dir() else []
    return [
        Place(os.path.relpath(page), position).report("E306", problem)
        for page in sorted(docs.rglob("*.md")) if docs.is_dir()
        for position, problem in marker_problems(page.read_text("utf-8"), technologies)
    ]  # fmt: skip
