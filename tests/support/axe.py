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
    read_through(page)
    settle(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in AXE.run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def read_through(page: Page) -> None:
    """Scroll the page top to bottom and back, as a reader does, before it is measured.

    Long pages let the browser skip styling what is below the screen (`content-visibility: auto`),
    so a transition there stays at its first frame until the part is scrolled to: measured
    unseen, a link keeps the light palette's colour in the dark one, which no reader ever sees.
    """
    height = page.evaluate("() => document.documentElement.scrollHeight")
    step = page.viewport_size["height"] if page.viewport_size else 720
    for top in range(0, height, step):
        page.evaluate("(top) => window.scrollTo(0, top)", top)
        page.wait_for_timeout(20)
    page.evaluate("() => window.scrollTo(0, 0)")


def settle(page: Page, polls: int = 200, calm: int = 4) -> None:
    """Wait until nothing has animated for `calm` polls in a row (asked from outside the page: its
    policy forbids eval'd code). One quiet poll is not enough: a transition the palette switch
    causes starts only at the next style recalculation, so right after load there may be none yet."""
    quiet = 0
    for _ in range(polls):
        still = page.evaluate(
            """() => document.readyState === "complete" &&
                     document.getAnimations().every(a => a.playState !== "running")"""
        )
        quiet = quiet + 1 if still else 0
        if quiet >= calm:
            return
        page.wait_for_timeout(25)
    raise AssertionError("the page kept animating")
