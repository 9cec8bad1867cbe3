"""Assemble the `Site`: every page, the navigation, previous/next sequences, data files and assets."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeAlias

from explainer.families import FAMILIES, Family, family_label
from explainer.finish import INLINED_SCRIPTS
from explainer.kinds import KIND_BY_NAME, KINDS
from explainer.render import Page, RenderContext, render_pages
from explainer.render.faq import faq_data
from explainer.render.links import DATA_FILE, HOME
from explainer.schema import schema_files
from explainer.shipped import shipped_script

NavItem: TypeAlias = tuple[str, "str | list[NavItem]"]
ASSETS_PACKAGE = "explainer.assets"
CONTRIBUTING = "contributing/"
CONTRIBUTING_INDEX = "contributing/index.md"
STYLESHEETS = ("assets/explainer/explainer.css",)
SCRIPTS = (
    "assets/explainer/search-query.js",
    "assets/explainer/matrix.js",
    "assets/explainer/search-words.js",  # before faq-search.js, which uses it
    "assets/explainer/faq-search.js",
    "assets/explainer/guide.js",
)


@dataclass(frozen=True)
class Site:
    """Everything a build publishes that comes from content: pages, files, navigation, sequences."""

    pages: dict[str, Page]
    files: dict[str, bytes]
    nav: list[NavItem]
    families: frozenset[str] = frozenset()
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


def content_data(site: RenderContext) -> dict[str, Any]:
    """The whole validated corpus as JSON-ready data, keyed by folder, in display order."""
    return {
        kind.folder: [entity.model_dump(mode="json") for entity in site.content.of_kind(kind.name).values()]
        for kind in KINDS
    }


def data_files(site: RenderContext) -> dict[str, bytes]:
    files = {
        DATA_FILE: (
            json.dumps(content_data(site), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode()
    }
    if site.builds("faq"):
        files.update(faq_data(site))
    for name, text in schema_files(site.content).items():
        files[f"schemas/{name}"] = text.encode()
    return files


def asset_files() -> dict[str, bytes]:
    """The stylesheet and scripts the site needs, shipped inside the package."""
    root = resources.files(ASSETS_PACKAGE)
    files = {}
    for item in sorted(root.iterdir(), key=lambda i: i.name):
        if item.name in INLINED_SCRIPTS:  # inlined in every head by explainer.finish
            continue
        if item.name.endswith(".js"):
            files[f"assets/explainer/{item.name}"] = shipped_script(item.read_text(encoding="utf-8")).encode()
        elif item.name.endswith(".css"):
            files[f"assets/explainer/{item.name}"] = item.read_bytes()
    return files


def _family_items(site: RenderContext, family: Family) -> list[NavItem]:
    """A family's entries: its page, and the pages of the entities it lists (technologies, industries)."""
    if family.lists is None:
        return [(family_label(family, site.settings), family.index)]
    kind = KIND_BY_NAME[family.lists]
    entities = site.content.of_kind(kind.name).values()
    # Every page carries the navigation, so it lists entity pages only while there are few.
    if len(entities) > site.settings.paging.nav_lists_up_to:
        return [(family_label(family, site.settings), family.index)]
    items: list[NavItem] = [("Overview", family.index)]
    return items + [(kind.title(entity), kind.path(entity.id)) for entity in entities]


def build_nav(site: RenderContext, documents: list[str]) -> list[NavItem]:
    """Sections that stay the same size however many FAQ entries or pairs there are.

    Built families are grouped by their declared section, in declared order.
    `documents` are the hand-written pages (paths in docs/): the home page
    leads, contributing pages join the section of the field reference, and
    anything else sits before it.
    """
    sections: dict[str, list[NavItem]] = {}
    labels: dict[str, str] = {}
    for family in sorted(FAMILIES, key=lambda f: f.order):
        if site.builds(family.name):
            sections.setdefault(family.section, []).extend(_family_items(site, family))
            if family.lists:  # a family that lists its entities names the section it opens
                labels.setdefault(family.section, family_label(family, site.settings))
    contributing = sorted(
        (d for d in documents if d.startswith(CONTRIBUTING)), key=lambda d: (d != CONTRIBUTING_INDEX, d)
    )
    if contributing:
        pages: list[NavItem] = [
            ("How to contribute" if d == CONTRIBUTING_INDEX else _title_from_path(d), d)
            for d in contributing
            if d not in {p for _, p in sections.get("Contributing", [])}
        ]
        sections["Contributing"] = pages + sections.get("Contributing", [])
    others = sorted(d for d in documents if d != HOME and not d.startswith(CONTRIBUTING))
    nav: list[NavItem] = [("Home", HOME)] if HOME in documents else []
    for name, items in sections.items():
        if name == "Contributing":
            nav += [(_title_from_path(d), d) for d in others]
        label = site.settings.sections.get(name) or labels.get(name, name)
        nav.append(items[0] if len(items) == 1 and name != "Contributing" else (label, items))
    if "Contributing" not in sections:
        nav += [(_title_from_path(d), d) for d in others]
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


def build_site(site: RenderContext, documents: list[str] | None = None) -> Site:
    """Render every page and file for the site; `documents` are the hand-written pages beside them.

    A hand-written page replaces the generated page of the same path (a site's own field reference,
    say), so the two never collide.
    """
    documents = documents or []
    pages = {path: page for path, page in render_pages(site).items() if path not in documents}
    return Site(
        pages=pages,
        files={**data_files(site), **asset_files()},
        nav=build_nav(site, documents),
        families=site.families,
        sequences=sequences_of(pages),
    )
