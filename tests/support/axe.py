"""axe-core (shipped offline by axe-playwright-python) on a page as the reader sees it now."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()


def serious_violations(page: Page) -> list[str]:
    """Serious and critical violations, one line each; waits until nothing on the page animates.

    The theme switches palette on load and links fade to their colour: contrast measured mid-fade
    is neither palette's.
    """
    settle(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in AXE.run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def settle(page: Page, polls: int = 200) -> None:
    """Wait until no animation runs (asked from outside the page: its policy forbids eval'd code)."""
    for _ in range(polls):
        if page.evaluate("() => document.getAnimations().every(a => a.playState !== 'running')"):
            return
        page.wait_for_timeout(25)
    raise AssertionError("the page kept animating")
