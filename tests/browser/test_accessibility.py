"""axe-core on one page of every family, light and dark: no serious or critical violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.support.axe import serious_violations
from tests.support.pages import FAMILIES

pytestmark = pytest.mark.browser


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
    serious = serious_violations(page)
    context.close()
    assert serious == []
