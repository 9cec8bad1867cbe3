"""Screenshots of every page family, desktop and phone, light and dark, for review in site-reports/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import REPORTS
from tests.support.browser import PHONE, Traffic
from tests.support.pages import FAMILIES

pytestmark = pytest.mark.browser
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": PHONE["viewport"]}


@pytest.mark.parametrize("family", FAMILIES)
def test_page_family_renders_and_is_photographed(browser: Browser, base_url: str, family: str) -> None:
    folder = REPORTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for viewport, size in VIEWPORTS.items():
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=size, color_scheme=scheme, is_mobile=viewport == "phone")
            page = context.new_page()
            traffic = Traffic(base_url)
            traffic.watch(page)
            page.goto(base_url + FAMILIES[family])
            page.wait_for_load_state("networkidle")
            path = folder / f"{family}-{viewport}-{scheme}.png"
            page.screenshot(path=str(path), full_page=False)
            assert path.stat().st_size > 5_000
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
            if family == "not-found":
                # Its own 404 status (and the console line Chromium logs for it) is the point
                # of that page; what must still hold is that nothing leaves the local server.
                assert traffic.foreign == [], "requests to hosts other than the local server"
            else:
                traffic.assert_clean()
            context.close()
