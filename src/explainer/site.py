"""Assemble the `Site`: every page, the navigation, previous/next sequences, data files and assets."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeAlias

from explainer.model import KINDS, Content
from explainer.render import Page, links, render_pages
from explainer.schema import schema_files

NavItem: TypeAlias = tuple[str, "str | list[NavItem]"]
ASSETS_PACKAGE = "explainer.assets"
CONTRIBUTING_INDEX = "contributing/index.md"
STYLESHEETS = ("assets/explainer/explainer.css",)
SCRIPTS = (
    "assets/explainer/search-query.js",
    "assets/explainer/matrix.js",
    "assets/explainer/faq-search.js",
)


@dataclass(frozen=True)
class Site:
    """Everything a build publishes that comes from content: pages, files, navigation, sequences."""

    pages: dict[str, Page]
    files: dict[str, bytes]
    nav: list[NavItem]
    sequences: dict[str, list[str]] = field(default_factory=dict)

    def neighbours(self, path: str) -> tuple[str | None, str | None]:
        """The previous and next page within the page's own sequence (e.g. FAQ questions of one topic)."""
        page = self.pages.get(path)
        if page is None or page.sequence is None:
            return None, None
        sequence = self.sequences[page.sequence]
        index = sequence.index(path)
        previous = sequence[index - 1] if index > 0 else None
        following = sequence[index + 1] if index + 1 < len(sequence) else None
        return previous, following


def content_data(content: Content) -> dict[str, Any]:
    """The whole validated corpus as JSON-ready data, keyed by folder, in display order."""
    return {
        kind.folder: [entity.model_dump(mode="json") for entity in content.of_kind(kind.name).values()]
        for kind in KINDS
    }


def data_files(content: Content) -> dict[str, bytes]:
    files = {
        links.DATA_FILE: (
            json.dumps(content_data(content), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode()
    }
    for name, text in schema_files().items():
        files[f"schemas/{name}"] = text.encode()
    return files


def asset_files() -> dict[str, bytes]:
    """The stylesheet and scripts the site needs, shipped inside the package."""
    root = resources.files(ASSETS_PACKAGE)
    return {
        f"assets/explainer/{item.name}": item.read_bytes()
        for item in sorted(root.iterdir(), key=lambda i: i.name)
        if item.name.endswith((".css", ".js"))
    }


def build_nav(content: Content, documents: list[str]) -> list[NavItem]:
    """Sections that stay the same size however many FAQ entries or pairs there are.

    `documents` are the hand-written pages (paths in docs/): the home page leads,
    contributing pages close, anything else sits before them.
    """
    technologies: list[NavItem] = [("Overview", links.TECHNOLOGIES)]
    technologies += [(t.name, links.entity_path("technology", t.id)) for t in content.technologies.values()]
    compare: list[NavItem] = [("Matrix", links.MATRIX), ("Strengths and weaknesses", links.PROS_AND_CONS)]
    industries: list[NavItem] = [("Overview", links.INDUSTRIES)]
    industries += [(i.name, links.entity_path("industry", i.id)) for i in content.industries.values()]
    industries.append(("All use cases", links.USE_CASES))
    contributing_pages = sorted(d for d in documents if d.startswith("contributing/"))
    contributing: list[NavItem] = [
        ("How to contribute" if d == CONTRIBUTING_INDEX else _title_from_path(d), d)
        for d in sorted(contributing_pages, key=lambda d: d != CONTRIBUTING_INDEX)
    ]
    contributing.append(("Field reference", links.FIELD_REFERENCE))
    others = sorted(d for d in documents if d != links.HOME and d not in contributing_pages)

    nav: list[NavItem] = [("Home", links.HOME)] if links.HOME in documents else []
    nav += [
        ("Technologies", technologies),
        ("Compare", compare),
        ("Industries", industries),
        ("Glossary", links.GLOSSARY),
        ("FAQ", links.FAQ),
        ("Sources", links.SOURCES),
    ]
    nav += [(_title_from_path(d), d) for d in others]
    nav.append(("Contributing", contributing))
    return nav


def _title_from_path(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    return stem.replace("-", " ").capitalize()


def sequences_of(pages: dict[str, Page]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in pages.values():
        if page.sequence:
            found.setdefault(page.sequence, []).append(page.path)
    return found


def build_site(content: Content, documents: list[str] | None = None) -> Site:
    """Render every page and file for `content`; `documents` are the hand-written pages beside them."""
    pages = render_pages(content)
    return Site(
        pages=pages,
        files={**data_files(content), **asset_files()},
        nav=build_nav(content, documents or []),
        sequences=sequences_of(pages),
    )
