"""Every page family fits a phone: nothing makes the page scroll sideways or the browser zoom out.

Wide tables scroll inside their own box. A box that scrolls must also contain everything in it:
screen-reader text is positioned absolutely, and without a containing block inside the scroller it
escapes the clip at its place in a wide table, so a phone lays the whole page out wider and zooms out.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.support.browser import FRAME_WATCH, PHONE
from tests.support.pages import FAMILIES

pytestmark = pytest.mark.browser


def test_no_page_family_is_wider_than_a_375_pixel_phone(browser: Browser, base_url: str) -> None:
    """Not once it has loaded, and not for a frame while it loads: a phone zooms the page out for
    as long as anything is wider than the screen (a theme animation caught halfway, say)."""
    context = browser.new_context(**PHONE)
    context.add_init_script(FRAME_WATCH)
    page = context.new_page()
    width = PHONE["viewport"]["width"]
    too_wide = {}
    for family, path in FAMILIES.items():
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)  # longer than the theme's transitions
        layout = page.evaluate("[innerWidth, document.documentElement.scrollWidth, window.__frames.widest]")
        if max(layout) > width:
            too_wide[family] = layout
    context.close()
    assert too_wide == {}, (
        "layout viewport and page width now, and the widest in any frame, in CSS pixels, "
        "where the phone is 375 wide"
    )
