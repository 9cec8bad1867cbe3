"""Site search that scales: on a large site, a chunked Pagefind index behind Material's own search box.

Material's search downloads its whole lunr index (`search/search_index.json`)
before it shows the first result; the index grows with every page. Beyond
`search.chunked_above` pages (or with `search.engine: pagefind`) the build
instead:

- indexes, after MkDocs has written the site, exactly what the lunr index
  holds — Material's own extraction of each page's content, so
  `data-search-exclude` and `search: exclude` mean the same — with Pagefind
  (the binary inside the `pagefind-bin` wheel; nothing is downloaded), each
  page's `search.boost` turned into Pagefind weights, then deletes the lunr
  index so no reader downloads it;
- points the theme's search worker at `assets/explainer/search-worker.js`,
  which answers the theme's queries with Pagefind, fetching only the chunks
  and page fragments a query needs;
- marks every page (`data-ex-search` on `<html>`) so that the inlined
  on-demand script answers the theme's request for the lunr index locally,
  with an empty one that only tells the theme its search can start.

The pages' Content-Security-Policy needs nothing more: Pagefind compiles its
WebAssembly inside the worker, and a dedicated worker loaded from the site
runs under the policy of its own response, not the page's meta tag. (A host
that sends a policy header with every file must allow 'wasm-unsafe-eval'.)
The preview (`explainer serve`) writes no index of either kind.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from explainer.families import FAMILIES
from explainer.finish import with_root_attribute
from explainer.render import RenderContext
from explainer.settings import SearchOptions

Engine = Literal["explainer", "lunr", "pagefind"]
LUNR_INDEX = "search/search_index.json"
BUNDLE_DIR = "pagefind"
# The worker the theme's search box talks to, for each engine that replaces the theme's own.
WORKERS: dict[Engine, str] = {
    "explainer": "assets/explainer/search-index-worker.js",
    "pagefind": "assets/explainer/search-worker.js",
}
ENGINE_ATTRIBUTE = "data-ex-search"
# Pagefind writes its own search interfaces too; the theme's is used, so these are never loaded.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Pagefind ranks by weighted word counts; these play the part of lunr's field boosts (Material: a
# title counts far more than text). A page's `search.boost` multiplies them; Pagefind caps weights.
TITLE_WEIGHT = 5.0
SECTION_TITLE_WEIGHT = 3.0
TEXT_WEIGHT = 1.0
MAX_WEIGHT = 10.0

_THEME_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')


class ChunkedSearchFailed(Exception):
    """Pagefind could not index the built site."""


def chosen_engine(options: SearchOptions, pages: int) -> Engine:
    """The index a site of `pages` pages is searched with."""
    if options.engine != "auto":
        return options.engine
    return "pagefind" if pages > options.chunked_above else "explainer"


def searched_with(page: str, engine: Engine) -> str:
    """A built page whose theme search runs on `engine`'s worker instead of the lunr one."""
    worker = WORKERS.get(engine)
    if worker is None:
        return page
    page = _THEME_WORKER.sub(lambda m: m.group(1) + m.group(2) + worker + m.group(3), page, count=1)
    return with_root_attribute(page, ENGINE_ATTRIBUTE, engine)


@dataclass(frozen=True)
class IndexedPage:
    """One page as Pagefind reads it: where it is served, and a small HTML file of its searchable text."""

    path: str  # the file under the site root, such as faq/why/index.html
    html: str


def indexed_pages(
    lunr_index: Mapping[str, Any], also_asked: Mapping[str, Sequence[str]] | None = None
) -> list[IndexedPage]:
    """The lunr index's documents regrouped by page, as the HTML Pagefind indexes.

    The lunr index holds one document per section of a page (the page itself
    first, then one per heading with an id), text already stripped of
    excluded sections and of everything outside the content area.
    `also_asked` holds, by page location, other ways readers ask for that
    page (an FAQ entry's `also_asked`, a family's `aliases`); they count like the page's title.
    """
    language = (lunr_index.get("config", {}).get("lang") or ["en"])[0]
    pages: dict[str, list[Mapping[str, Any]]] = {}
    for doc in lunr_index.get("docs", []):
        pages.setdefault(str(doc["location"]).split("#", 1)[0], []).append(doc)
    also_asked = also_asked or {}
    return [
        IndexedPage(_file_of(location), _page_html(docs, also_asked.get(location, ()), language))
        for location, docs in pages.items()
    ]


def _file_of(location: str) -> str:
    return location + "index.html" if location == "" or location.endswith("/") else location


def _weight(base: float, boost: float) -> str:
    return f"{min(MAX_WEIGHT, base * boost):g}"


def _page_html(docs: Iterable[Mapping[str, Any]], also_asked: Sequence[str], language: str) -> str:
    parts = []
    for doc in docs:
        boost = float(doc.get("boost") or 1.0)
        location = str(doc["location"])
        title, text = str(doc.get("title") or ""), str(doc.get("text") or "")
        if "#" in location:
            anchor = html.escape(location.split("#", 1)[1])
            weight = _weight(SECTION_TITLE_WEIGHT, boost)
            parts.append(f'<h2 id="{anchor}" data-pagefind-weight="{weight}">{title}</h2>')
        else:
            weight = _weight(TITLE_WEIGHT, boost)
            parts.append(f'<h1 data-pagefind-weight="{weight}">{title}</h1>')
            parts.extend(
                f'<p data-pagefind-weight="{weight}">{html.escape(other)}</p>' for other in also_asked
            )
        # Text as the lunr index holds it: HTML the theme's own search renders as such.
        parts.append(f'<div data-pagefind-weight="{_weight(TEXT_WEIGHT, boost)}">{text}</div>')
    body = "\n".join(parts)
    head = f'<!doctype html>\n<html lang="{html.escape(language)}"><meta charset="utf-8">'
    return f"{head}\n<body>\n{body}\n</body></html>\n"


def also_asked_by_page(site: RenderContext) -> dict[str, list[str]]:
    """Each FAQ page's location (as the lunr index writes it) with the other ways readers ask it."""
    return {
        site.url_of(site.path_of("faq", faq.id)): list(faq.also_asked)
        for faq in site.content.faqs.values()
        if faq.also_asked
    }


def family_aliases_by_page(site: RenderContext) -> dict[str, list[str]]:
    """Each built family's main page with the other names the site gives it (`families.<name>.aliases`)."""
    return {
        site.url_of(family.index): list(site.settings.family(family.name).aliases)
        for family in FAMILIES
        if site.builds(family.name) and site.settings.family(family.name).aliases
    }


def other_names_by_page(site: RenderContext) -> dict[str, list[str]]:
    """What readers call a page besides its title, for an engine that knows only titles and text."""
    return {**also_asked_by_page(site), **family_aliases_by_page(site)}


def pagefind_binary() -> Path:
    """The Pagefind executable shipped inside the `pagefind-bin` wheel."""
    return Path(str(resources.files("pagefind_bin") / "pagefind"))


def build_chunked_index(site_dir: Path, also_asked: Mapping[str, Sequence[str]] | None = None) -> None:
    """Index the built site with Pagefind into `site_dir/pagefind/`, then remove the lunr index."""
    lunr_file = site_dir / LUNR_INDEX
    if not lunr_file.is_file():
        raise ChunkedSearchFailed(f"no {LUNR_INDEX} to index: is Material's search plugin enabled?")
    write_bundle(json.loads(lunr_file.read_text(encoding="utf-8")), site_dir / BUNDLE_DIR, also_asked)
    lunr_file.unlink()


def write_bundle(
    lunr_index: Mapping[str, Any], bundle: Path, also_asked: Mapping[str, Sequence[str]] | None = None
) -> None:
    """Pagefind's bundle for the pages of `lunr_index`, written to `bundle` (replaced whole)."""
    pages = indexed_pages(lunr_index, also_asked)
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="explainer-pagefind-") as scratch:
        source = Path(scratch)
        for page in pages:
            target = source / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.html, encoding="utf-8")
        _run_pagefind(source, bundle)
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)


def _run_pagefind(source: Path, bundle: Path) -> None:
    command = [str(pagefind_binary()), "--site", str(source), "--output-path", str(bundle), "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise ChunkedSearchFailed(f"cannot run Pagefind ({command[0]}): {error}") from None
    if done.returncode != 0:
        raise ChunkedSearchFailed(f"Pagefind failed:\n{done.stdout}{done.stderr}".rstrip())
