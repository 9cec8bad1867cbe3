"""Debian's Chromium driven by Playwright, offline, with every request and console message recorded."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The phone every mobile check uses (an iPhone-sized viewport with touch).
PHONE: dict[str, Any] = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
# Runs before a page's own scripts: notes, frame by frame, the widest the page was laid out (a phone
# zooms the whole page out while anything is wider than the screen, if only for a few frames) and
# whether the theme's site search was ever open.
FRAME_WATCH = """
window.__frames = {searchOpened: false, widest: 0};
document.addEventListener("change", (event) => {
  if (event.target.matches("input[data-md-toggle=search]") && event.target.checked) {
    window.__frames.searchOpened = true;
  }
}, true);
(function watch() {
  const toggle = document.querySelector("input[data-md-toggle=search]");
  if (toggle && toggle.checked) window.__frames.searchOpened = true;
  // Before the page's viewport tag is read, a phone lays out 980 pixels wide and nothing is shown;
  // nor is anything before the stylesheets of the head have loaded (they block rendering), though
  // reading scrollWidth here lays the page out without them: a diagram at its own width, once.
  const styled = document.body && [...document.querySelectorAll("head link[rel=stylesheet]")].every((l) => l.sheet);
  if (document.querySelector("meta[name=viewport]") && styled) {
    window.__frames.widest = Math.max(window.__frames.widest, innerWidth, document.documentElement.scrollWidth);
  }
  requestAnimationFrame(watch);
})();
"""
# Runs in every document before its own scripts: each Content-Security-Policy violation is kept in
# window.__cspViolations (for a test that reads the page) and reported to Python (so a violation in a
# document the reader has since left is not lost).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const violation = {
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile + ":" + event.lineNumber,
    page: location.href,
  };
  window.__cspViolations.push(violation);
  if (window.__explainerCspViolation) window.__explainerCspViolation(violation);
});
"""
MISSING_BROWSER = (
    "No Chromium at /usr/bin/chromium. Install Debian's package with "
    "'apt-get install -y chromium' (or run scripts/bootstrap --browser); "
    "browser tests never skip."
)


def launch(playwright: Playwright) -> Browser:
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        pytest.fail(MISSING_BROWSER, pytrace=False)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


@dataclass
class Traffic:
    """What a page did on the network and in its console while a test used it."""

    base: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    csp_violations: list[dict[str, str]] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        self.pages.append(page)
        page.expose_binding("__explainerCspViolation", lambda _source, v: self.csp_violations.append(v))
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"page error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("request", self._request)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _failed(self, request: Request) -> None:
        # A request cancelled because the reader moved on (navigation) is not a failure.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.failure} {request.url}")

    def _request(self, request: Request) -> None:
        host = urlsplit(request.url).netloc
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host != urlsplit(self.base).netloc:
            self.foreign.append(request.url)

    def settle(self) -> None:
        """Wait for reports still on their way: a round trip to each open page comes back after them."""
        for page in self.pages:
            if not page.is_closed():
                page.evaluate("() => window.__cspViolations")

    def assert_no_policy_violations(self) -> None:
        self.settle()
        assert self.csp_violations == [], "Content-Security-Policy violations"

    def assert_clean(self) -> None:
        self.assert_no_policy_violations()
        assert self.console_errors == [], "console errors"
        assert self.failed == [], "failed requests"
        assert self.foreign == [], "requests to hosts other than the local server"
