"""What hostile text could only have reached a built page as markup: a scanner for HTML and search data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "img", "math", "link"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "srcdoc",
    "background",
    "poster",
}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)


class Inertness(HTMLParser):
    """Collects the markup a page should never hold, whatever its content said.

    Executable scripts must be the site's own (the theme's inline scripts are
    allowed by the page's Content-Security-Policy hashes), so an inline script
    is a problem only if it mentions `marker`; data blocks (JSON) are never run.
    """

    def __init__(self, marker: str = "alert(") -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.problems: list[str] = []
        self.inside: str | None = None
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "body":
            self.in_head = False
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEMES.match(value):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
            if name in {"srcdoc", "formaction"}:
                self.problems.append(f"<{tag} {name}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag in DANGEROUS_TAGS and not (tag == "link" and self.in_head):
            self.problems.append(f"<{tag}>")
        if tag == "form" and values.get("action") and re.match(r"^\s*(https?:)?//", values["action"] or ""):
            self.problems.append(f"<form action={values['action']}>")
        data_block = tag == "script" and (values.get("type") or "").endswith("json")
        self.inside = None if data_block else tag if tag in {"script", "style"} else None

    def handle_data(self, data: str) -> None:
        if self.inside == "script" and self.marker in data:
            self.problems.append(f"script with {data[:40]!r}")
        if self.inside == "style" and ".ex-needs-js" not in data:
            self.problems.append(f"<style>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self.inside = None


def page_problems(html: str) -> list[str]:
    scanner = Inertness()
    scanner.feed(html)
    return scanner.problems


def site_problems(site: Path) -> dict[str, list[str]]:
    """Every page of a built site and its search index, with the markup found in each."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        problems = page_problems(page.read_text())
        if problems:
            found[page.relative_to(site).as_posix()] = problems
    index = site / "search/search_index.json"
    if index.is_file():
        # The theme renders index titles and texts as HTML: parse them as HTML too.
        for entry in json.loads(index.read_text())["docs"]:
            problems = page_problems(entry["title"] + " " + entry["text"])
            if problems:
                found.setdefault(f"search index: {entry['location']}", []).extend(problems)
    return found
