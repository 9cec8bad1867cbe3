"""Finding a project from any path inside it: its mkdocs.yml, its settings and its content folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explainer.kinds import KIND_BY_FOLDER, KINDS
from explainer.settings import CONFIG_FILE, SiteConfig, default_site_config, read_site_config


class NoProject(Exception):
    """No content folder could be found from the given path."""


@dataclass(frozen=True)
class Project:
    site: SiteConfig
    content_dir: Path


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _looks_like_content(folder: Path) -> bool:
    return any((folder / kind.folder).is_dir() for kind in KINDS)


def find_project(start: Path) -> Project:
    """The project `start` belongs to: `start` may be the project folder, its content, or a file in it.

    The nearest mkdocs.yml above `start` whose content folder contains it (or
    which sits in `start` itself) wins; otherwise the nearest folder that holds
    content folders (technologies/, faq/ …) is the content, with default settings.
    """
    path = start.resolve()
    folder = path if path.is_dir() else path.parent
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_FILE
        if config.is_file():
            site = read_site_config(config)
            if _inside(path, site.content_dir) or candidate == folder:
                return Project(site, site.content_dir)
    for candidate in (folder, *folder.parents):
        if candidate.name in KIND_BY_FOLDER and _looks_like_content(candidate.parent):
            return Project(default_site_config(candidate.parent), candidate.parent)
        if _looks_like_content(candidate):
            return Project(default_site_config(candidate), candidate)
        if (candidate / "content").is_dir() and candidate == folder:
            return Project(default_site_config(candidate / "content"), candidate / "content")
    raise NoProject(f"no content folder found at or above '{start}'")
