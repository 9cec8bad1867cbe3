"""A reader who hovers and focuses everything that can show a tooltip, watched for anything content could run.

Before any page script runs, every document of the context gets hooks that record what no page of
the site should ever do: calls to `alert`, `confirm`, `prompt`, `print` or `open`; elements or markup
inside a tooltip (Material builds tooltips with `innerHTML`, so content that reaches one as markup
becomes elements); event-handler attributes on any element added to the page; and Content-Security-
Policy violations. Python hears of each at once (a binding), so nothing is lost when a document goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

from tests.support.browser import CSP_LISTENER

# What shows a tooltip: anything with a title (Material's `content.tooltips` turns each into one), the
# glossary's term links, abbreviations, and Material's truncated titles (`.md-ellipsis`: when one
# overflows, Material copies its text into a title and a tooltip).
TARGETS = "[title], abbr, a.ex-term, .md-ellipsis"
TOOLTIP_INNER = ".md-tooltip__inner, .md-tooltip2__inner"

HOOKS = """
(() => {
  const INNER = "__INNER__";
  const report = (kind, detail) => {
    if (window.__explainerSweep) window.__explainerSweep(kind, String(detail).slice(0, 300), location.pathname);
  };
  // A page that calls one of these is running script it should not: record it, and do nothing.
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    const hook = (...args) => { report("call", `${name}(${args.map(String).join(", ")})`); return null; };
    Object.defineProperty(window, name, { value: hook, writable: false, configurable: false });
  }
  const inspect = (node) => {
    if (!(node instanceof Element)) return;
    const inners = node.matches(INNER) ? [node] : [];
    inners.push(...node.querySelectorAll(INNER));
    for (const inner of inners) {
      report("tooltip", inner.textContent);
      if (inner.childElementCount) report("injected", `elements in a tooltip: ${inner.innerHTML}`);
    }
    if (node.parentElement && node.parentElement.closest(INNER)) {
      report("injected", `element added to a tooltip: ${node.outerHTML}`);
    }
    for (const element of [node, ...node.querySelectorAll("*")]) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) report("injected", `handler: ${element.outerHTML}`);
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) inspect(node);
  }).observe(document, { childList: true, subtree: true });
})();
""".replace("__INNER__", TOOLTIP_INNER)

# Marks every target with its index, says which ones Material gives a tooltip of its own (so the sweep
# can wait for that tooltip instead of for time), and gives each a key: what its tooltip is made of
# (tag, classes, title, text, nav level). Material's selectors (bundle, `content.tooltips`): `[title]`
# in the content and the header, `abbr[title]` anywhere, and `.md-ellipsis` text that overflows.
MARK = """
(targets) => {
  const marked = [];
  const seen = new Set();
  for (const found of document.querySelectorAll(targets)) {
    const element = found.matches(".md-ellipsis") ? (found.closest("a") || found) : found;
    if (seen.has(element)) continue;
    seen.add(element);
    const titled = !!element.getAttribute("title");
    const managed =
      (titled && !element.hasAttribute("data-preview") &&
        !!element.closest("[data-md-component=content], [data-md-component=header]")) ||
      (titled && element.matches("abbr"));
    const level = element.closest("[data-md-level]");
    const key = [element.tagName, element.className, element.getAttribute("title"),
      element.textContent.replace(/\\s+/g, " ").trim(), level ? level.dataset.mdLevel : ""].join("\\u0000");
    element.setAttribute("data-sweep", String(marked.length));
    const shown = element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    marked.push({ managed, key, shown });
  }
  return marked;
}
"""

# The element the sweep marked with `index`. Each step below finds it by its mark in the page it runs
# in: a Playwright locator costs a wait for an animation frame per call (about 40 ms here, against 10
# for a plain evaluation), and the sweep makes two calls for each of some 2,000 elements.
MARKED = "document.querySelector(`[data-sweep='${index}']`)"
# Where a reader's pointer would rest on the element (the middle of its first line box, scrolled into
# view), or null when nothing of it can be pointed at (covered by something else).
POINTER_TARGET = """
(index) => {
  const element = MARKED;
  element.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
  for (const box of element.getClientRects()) {
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (!box.width || !box.height || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const top = document.elementFromPoint(x, y);
    if (top && (top === element || element.contains(top))) return { x, y };
  }
  return null;
}
""".replace("MARKED", MARKED)
# Focus it as a keyboard reader would (Material opens tooltips on focus too); an element that takes
# no focus (an abbreviation) is made focusable for the sweep. Says whether it has focus and whether
# Material's tooltip for it is shown (Material names it in aria-describedby while it is).
FOCUS = """
(index) => {
  const element = MARKED;
  if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: true });
  const id = element.getAttribute("aria-describedby");
  return { focused: document.activeElement === element, shown: !!id && !!document.getElementById(id) };
}
""".replace("MARKED", MARKED)
TOOLTIP_SHOWN = """
(index) => {
  const id = MARKED.getAttribute("aria-describedby");
  return !!id && !!document.getElementById(id);
}
""".replace("MARKED", MARKED)
# Let the page finish what the last event started: a task, then a frame.
SETTLED = "() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => done(true)), 0))"


@dataclass
class Findings:
    """What a sweep saw. Only `hovered` and `tooltips` may be non-empty on a safe site."""

    pages: list[str] = field(default_factory=list)
    hovered: int = 0
    unreachable: int = 0
    tooltips: list[str] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    injected: list[str] = field(default_factory=list)
    navigations: list[str] = field(default_factory=list)
    popups: list[str] = field(default_factory=list)
    violations: list[dict[str, str]] = field(default_factory=list)

    def problems(self) -> dict[str, list[Any]]:
        found = {
            "script calls": self.calls,
            "injected markup": self.injected,
            "navigations": self.navigations,
            "popups": self.popups,
            "policy violations": self.violations,
        }
        return {kind: sorted(set(map(str, items))) for kind, items in found.items() if items}


class Sweeper:
    """One browser context that sweeps pages and collects what every document in it reported."""

    def __init__(self, context: BrowserContext) -> None:
        self.findings = Findings()
        self.context = context
        self._current = ""
        self._done: set[str] = set()
        context.expose_binding("__explainerSweep", self._report)
        context.expose_binding(
            "__explainerCspViolation", lambda _source, v: self.findings.violations.append(v)
        )
        context.add_init_script(HOOKS)
        context.add_init_script(CSP_LISTENER)
        context.on("page", lambda popup: self.findings.popups.append(popup.url))
        self.page = context.new_page()
        self.findings.popups.clear()  # the sweep's own tab is not a popup
        # A new document while a page is swept is a navigation (a same-document change of the query,
        # as the FAQ filter makes to keep it shareable, is not); so is a change of path without one.
        self.page.on("domcontentloaded", self._navigated)

    def _report(self, _source: dict[str, Any], kind: str, detail: str, path: str) -> None:
        if kind == "call":
            self.findings.calls.append(f"{path}: {detail}")
        elif kind == "injected":
            self.findings.injected.append(f"{path}: {detail}")
        elif kind == "tooltip":
            self.findings.tooltips.append(detail)

    def _navigated(self, page: Page) -> None:
        if self._current:
            self.findings.navigations.append(f"{self._current} → {page.url}")

    def sweep(self, url: str) -> None:
        """Open `url`, hover and focus every target on it, and wait for every tooltip Material opens."""
        page = self.page
        self._current = ""
        page.goto(url)
        self._current = page.url
        self.findings.pages.append(urlsplit(page.url).path)
        marked: list[dict[str, Any]] = page.evaluate(MARK, TARGETS)
        for index, target in enumerate(marked):
            if not target["shown"]:
                self.findings.unreachable += 1  # hidden here (a collapsed section): no reader can reach it
                continue
            if target["key"] in self._done:
                continue  # the same element, with the same text, was swept on another page
            self._done.add(target["key"])
            point = page.evaluate(POINTER_TARGET, index)
            if point:
                page.mouse.move(point["x"], point["y"])
            state = page.evaluate(FOCUS, index)
            if not point and not state["focused"]:
                self.findings.unreachable += 1  # covered, and takes no focus
                continue
            if target["managed"] and not state["shown"]:
                page.wait_for_function(TOOLTIP_SHOWN, arg=index)
            self.findings.hovered += 1
        page.mouse.move(0, 0)
        page.evaluate(SETTLED)
        if urlsplit(page.url).path != urlsplit(self._current).path:
            self.findings.navigations.append(f"{self._current} → {page.url}")
        self._current = ""
