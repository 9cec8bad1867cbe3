"""Site search on the site's own index: the compact file the `explainer` search engine ranks in the browser.

After MkDocs has written the site, Material's search plugin has extracted every
page the way its own search splits it — the page, then one document per
heading with an id, text already without excluded blocks — into
`search/search_index.json`. That extraction is kept (so `data-search-exclude`
and `search: exclude` mean the same for every engine) and rewritten as
`search/explainer.json`:

- text as plain text (the worker escapes all it shows, so no markup travels);
- each page's `search.boost` from its front matter (set by page family in
  `explainer.render.page`);
- what the content knows that the HTML does not: the other ways readers ask
  an FAQ question (`also_asked`), the other names of a glossary term, a
  technology, an industry or a use case, and which sections are entries of
  their own (a glossary term is an answer by itself, not a part of the
  glossary page);
- the site's synonym groups and the products that name a technology
  (`explainer.render.expansions`).

The lunr index is then deleted: no reader downloads it, and the on-demand
script answers the theme's request for it with an empty one
(`explainer.chunked_search.searched_with`). The worker
(`assets/explainer/search-index-worker.js`) fetches this file when the reader
opens search, and ranks with the core it shares with the FAQ filter
(`assets/explainer/search-rank.js`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer.chunked_search import also_asked_by_page, family_aliases_by_page
from explainer.model import Entity, Industry, Technology, UseCase
from explainer.render import RenderContext

INDEX = "search/explainer.json"
FORMAT = 1  # the worker refuses an index of another format rather than misreading it

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchExtras:
    """What the content says about pages and sections beyond their text."""

    # Location (`faq/x/`, `glossary/#term`) → other names or phrasings, searched almost like the title.
    names: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # Sections that are answers of their own, listed as results of their own (glossary terms).
    entries: frozenset[str] = frozenset()
    # Names that mean the same thing; the worker expands a query with them.
    synonyms: Sequence[Sequence[str]] = ()


def search_extras(site: RenderContext) -> SearchExtras:
    """The other names, phrasings and entries of the site's pages, located as the lunr index locates them."""
    content = site.content
    names: dict[str, list[str]] = {}
    entries: set[str] = set()

    def located(entity: Entity) -> str:
        return site.url_of(site.path_of(entity.entity_kind, entity.id))

    if site.builds("faq"):
        names.update(also_asked_by_page(site))
    named: list[Technology | Industry | UseCase] = [
        *(content.technologies.values() if site.builds("technologies") else ()),
        *(content.industries.values() if site.builds("industries") else ()),
        *(content.use_cases.values() if site.builds("industries") else ()),
    ]
    for entity in named:
        names[located(entity)] = entity.names[1:]
    names.update(family_aliases_by_page(site))
    if site.builds("glossary"):
        for definition in content.definitions.values():
            location = located(definition)
            names[location] = definition.names[1:]
            entries.add(location)
    return SearchExtras(
        names={location: found for location, found in names.items() if found},
        entries=frozenset(entries),
        synonyms=site.search_groups,
    )


def plain_text(markup: str) -> str:
    """Text without tags, character references decoded, runs of white space made one space."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def _is_letter_heading(title: str, text: str) -> bool:
    """A heading with nothing under it that only names a letter (A, B, C … of an A–Z list)."""
    return not text and len(title) <= 1


def compact_index(lunr_index: Mapping[str, Any], extras: SearchExtras | None = None) -> dict[str, Any]:
    """The explainer index for the documents of Material's lunr index.

    Pages keep the lunr index's order; each page's sections follow it as the
    theme splits them. Keys are short because the file travels to the reader:
    `u` address, `t` title, `x` text, `b` boost (absent: 1), `n` other names,
    `s` sections, `a` a section's anchor, `e` a section that is an entry of its own.
    """
    extras = extras or SearchExtras()
    pages: dict[str, dict[str, Any]] = {}
    for doc in lunr_index.get("docs", []):
        location = str(doc["location"])
        path, hash_, anchor = location.partition("#")
        title, text = plain_text(str(doc.get("title") or "")), plain_text(str(doc.get("text") or ""))
        page = pages.get(path)
        if page is None:
            # The theme writes a page's own document before its sections (setupSearchDocumentMap).
            page = pages[path] = {"u": path, "t": title if not hash_ else "", "x": "" if hash_ else text}
            boost = float(doc.get("boost") or 1.0)
            if boost != 1.0:
                page["b"] = boost
            _add_names(page, extras.names.get(path, ()))
            if not hash_:
                continue
        if _is_letter_heading(title, text):
            continue
        section: dict[str, Any] = {"a": anchor, "t": title, "x": text}
        _add_names(section, extras.names.get(location, ()))
        if location in extras.entries:
            section["e"] = 1
        page.setdefault("s", []).append(section)
    return {
        "format": FORMAT,
        "synonyms": [list(group) for group in extras.synonyms],
        "pages": list(pages.values()),
    }


def _add_names(document: dict[str, Any], names: Iterable[str]) -> None:
    found = [name for name in names if name]
    if found:
        document["n"] = found


def index_bytes(index: Mapping[str, Any]) -> bytes:
    """The index as served: compact JSON, the same bytes for the same site."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()


class SearchIndexFailed(Exception):
    """The built site has no lunr index to rewrite."""


def write_search_index(site_dir: Path, lunr_file: Path, extras: SearchExtras) -> None:
    """Rewrite the built site's lunr index as the explainer index, and delete the lunr index."""
    if not lunr_file.is_file():
        raise SearchIndexFailed(
            f"no {lunr_file.relative_to(site_dir).as_posix()} to index: is Material's search plugin enabled?"
        )
    index = compact_index(json.loads(lunr_file.read_text(encoding="utf-8")), extras)
    target = site_dir / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(index_bytes(index))
    lunr_file.unlink()
