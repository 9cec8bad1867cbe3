"""Search engines as built: above the threshold a Pagefind bundle, below it the explainer index (the
real site), and Material's own lunr index when asked for; never two of them."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from explainer import search_index
from explainer.build import BuildFailed
from explainer.chunked_search import BUNDLE_DIR, ENGINE_ATTRIBUTE, LUNR_INDEX, UNUSED_BUNDLE_FILES, WORKERS
from tests.conftest import REPO
from tests.support.project import build, fixture_project
from tests.support.search_worker import search_worker

WORKER = WORKERS["pagefind"]

pytestmark = pytest.mark.build

THEME_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")


@pytest.fixture(scope="module")
def chunked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with a threshold so low that it is searched with Pagefind."""
    project = fixture_project(tmp_path_factory.mktemp("chunked"), options={"search": {"chunked_above": 1}})
    return build(_with_an_excluded_page(project))


@pytest.fixture(scope="module")
def lunr_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site searched with Material's own index."""
    project = fixture_project(tmp_path_factory.mktemp("lunr"), options={"search": {"engine": "lunr"}})
    return build(_with_an_excluded_page(project))


def _with_an_excluded_page(project: Path) -> Path:
    (project / "docs" / "internal.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# Internal notes\n\nKept out of search.\n", encoding="utf-8"
    )
    return project


def _fragment_urls(site: Path) -> set[str]:
    urls = set()
    for fragment in (site / BUNDLE_DIR / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def test_a_site_above_the_threshold_ships_a_pagefind_bundle_and_no_lunr_index(chunked_site: Path) -> None:
    bundle = chunked_site / BUNDLE_DIR
    for name in ("pagefind.js", "pagefind-entry.json", "wasm.en.pagefind"):
        assert (bundle / name).is_file(), name
    assert list((bundle / "index").glob("*.pf_index"))
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert not (chunked_site / LUNR_INDEX).exists()
    assert [name for name in UNUSED_BUNDLE_FILES if (bundle / name).exists()] == []


def test_pagefind_indexes_exactly_the_pages_the_lunr_index_would(chunked_site: Path, lunr_site: Path) -> None:
    lunr = json.loads((lunr_site / LUNR_INDEX).read_text())
    pages = {"/" + doc["location"].split("#")[0] for doc in lunr["docs"]}
    assert _fragment_urls(chunked_site) == pages
    # A page with `search: exclude` is in neither.
    built = {
        "/" + p.relative_to(lunr_site).as_posix().removesuffix("index.html")
        for p in lunr_site.rglob("*.html")
    }
    assert "/internal/" in built
    assert "/internal/" not in pages
    # The pros-and-cons page is found by its title, but its sections, which repeat each technology's
    # points, are not: search finds those on the technologies' own pages.
    assert [doc["location"] for doc in lunr["docs"] if doc["location"].startswith("pros-and-cons/")] == [
        "pros-and-cons/"
    ]


def test_every_page_of_a_chunked_site_searches_with_the_pagefind_worker(chunked_site: Path) -> None:
    pages = list(chunked_site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        text = page.read_text()
        config = json.loads(
            re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)[1]
        )  # type: ignore[index]
        address = urljoin("https://site.test/" + page.relative_to(chunked_site).as_posix(), config["search"])
        assert address == f"https://site.test/{WORKER}", page
        assert (chunked_site / WORKER).is_file()
        assert f'<html {ENGINE_ATTRIBUTE}="pagefind"' in text, page
        assert not THEME_WORKER.search(text), page


def test_a_lunr_site_is_left_as_the_theme_makes_it(lunr_site: Path) -> None:
    assert (lunr_site / LUNR_INDEX).is_file()
    assert not (lunr_site / BUNDLE_DIR).exists()
    home = (lunr_site / "index.html").read_text()
    assert THEME_WORKER.search(home)
    assert ENGINE_ATTRIBUTE not in re.search(r"<html\b[^>]*>", home)[0]  # type: ignore[index]


def test_the_real_site_is_searched_with_the_explainer_index_by_default(real_site: Path) -> None:
    index = json.loads((real_site / search_index.INDEX).read_text(encoding="utf-8"))
    assert index["format"] == search_index.FORMAT and len(index["pages"]) > 100
    assert not (real_site / LUNR_INDEX).exists() and not (real_site / BUNDLE_DIR).exists()
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert f'{WORKERS["explainer"]}"' in home and not THEME_WORKER.search(home)
    assert f'{ENGINE_ATTRIBUTE}="explainer"' in home
    # What readers ask in other words travels with the question.
    asked = {page["u"]: page.get("n", []) for page in index["pages"]}
    assert all(asked[f"faq/{path.stem}/"] for path in (REPO / "content" / "faq").glob("*.yaml"))


def test_the_explainer_index_holds_every_page_and_section_the_lunr_index_would(
    tmp_path: Path, lunr_site: Path
) -> None:
    site = build(fixture_project(tmp_path / "explainer", options={"search": {"engine": "explainer"}}))
    index = json.loads((site / search_index.INDEX).read_text(encoding="utf-8"))
    ours = {page["u"] for page in index["pages"]}
    ours |= {f"{page['u']}#{section['a']}" for page in index["pages"] for section in page.get("s", [])}
    lunr = {doc["location"]: doc for doc in json.loads((lunr_site / LUNR_INDEX).read_text())["docs"]}
    left_out = [lunr[location] for location in set(lunr) - ours]
    # Only the empty letter headings of A-Z lists (A, B, …) are left out.
    assert ours <= set(lunr) and all(len(doc["title"]) == 1 and not doc["text"] for doc in left_out)


def test_the_pagefind_bundle_is_the_same_on_every_build(chunked_site: Path, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "again", options={"search": {"chunked_above": 1}})
    again = build(project)

    def files(site: Path) -> dict[str, str]:
        bundle = site / BUNDLE_DIR
        return {p.relative_to(bundle).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in bundle.rglob("*") if p.is_file()}  # fmt: skip

    assert files(again) == files(chunked_site)


def test_pagefind_without_the_theme_search_fails_the_build_with_a_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = fixture_project(tmp_path / "project", options={"search": {"engine": "pagefind"}})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n", "", 1))
    with pytest.raises(BuildFailed):
        build(project)
    assert (
        "explainer: no search/search_index.json to index: is Material's search plugin enabled?" in caplog.text
    )
    assert not (project / "site").exists()


def test_a_listing_leaves_each_entry_to_that_entry_s_own_page(real_site: Path) -> None:
    # The technologies', industries' and use cases' indexes repeat each entry's name and summary under
    # a heading of its own; as results they would stand before or beside the page they list.
    index = json.loads((real_site / search_index.INDEX).read_text(encoding="utf-8"))
    pages = {page["u"]: page for page in index["pages"]}
    entries = {
        page["t"]
        for location, page in pages.items()
        if re.fullmatch(r"(technologies|industries)/[a-z0-9-]+/", location)
    }
    assert len(entries) > 20
    listed = [
        section["t"]
        for listing in ("technologies/", "industries/", "use-cases/")
        for section in pages[listing].get("s", [])
    ]
    assert not set(listed) & entries, listed


def test_an_alias_of_an_industry_or_a_use_case_finds_its_page(tmp_path: Path) -> None:
    # The fixture's Retail is also "merchants", and "Processing orders" is also "order fulfilment":
    # words no page's title or text holds, but its other names in the index and its "Also called".
    site = build(fixture_project(tmp_path, options={"search": {"engine": "explainer"}}))
    found = search_worker(site / search_index.INDEX, ["merchants", "fulfilment"])
    assert [results[0][0]["location"] if results else None for results in found] == [
        "industries/retail/",
        "use-cases/order-processing/",
    ]
