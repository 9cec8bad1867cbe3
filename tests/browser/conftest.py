"""Browser fixtures: the real site, built once, served on 127.0.0.1, read by Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.conftest import REPO
from tests.support.browser import Traffic, launch
from tests.support.server import serve

REPORTS = REPO / "site-reports"
# How long an expectation about the screen waits for it to come true. Playwright's 5 s default was
# too short on a busy two-core runner: opening the 470 KB glossary by instant navigation once took
# longer, and a journey failed that passes on every quieter run. What is expected stays the same.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The real site every browser test reads; EXPLAINER_TEST_SITE=DIR points at one built already."""
    prebuilt = os.environ.get("EXPLAINER_TEST_SITE")
    # Asked for only when needed, so that a prebuilt site is not built again.
    return Path(prebuilt) if prebuilt else Path(request.getfixturevalue("real_site"))


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def traffic(base_url: str) -> Traffic:
    return Traffic(base_url)


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Page:
    """A tab whose network and console are recorded; journeys assert they stayed clean."""
    tab = context.new_page()
    traffic.watch(tab)
    return tab
