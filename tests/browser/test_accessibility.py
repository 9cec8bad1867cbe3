"""axe-core on one page of every family, light and dark: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.support.pages import FAMILIES

pytestmark = pytest.mark.browser

AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("family", FAMILIES)
def test_no_serious_accessibility_violation(
    browser: Browser, base_url: str, family: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + FAMILIES[family])
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    # The theme switches palette on load and links fade to their colour: contrast measured mid-fade
    # is neither palette's, so wait until nothing is animating.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    result = AXE.run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    context.close()
    assert serious == []
