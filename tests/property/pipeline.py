"""A generated answer through the real pipeline, without MkDocs: check, render the page, convert, sanitise.

`check_answer` checks the fixture corpus with one more question (in memory, with the fixture site's
Markdown extensions, as `explainer build` would). `page_html` renders that question's page with the
site's renderers and converts it with Python-Markdown set up as MkDocs sets it up for the fixture
site: its `markdown_extensions`, MkDocs' own (toc, tables, fenced_code) and the plugin's (glossary
tooltips, permalinks). `unsafe_markup` and `outside_allowlist` read the HTML as a browser would.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from typing import Any

import markdown

from explainer.check import CheckResult, context_for
from explainer.content import Content
from explainer.markdown import MKDOCS_EXTENSIONS, resolve_python_name
from explainer.permalinks import AccessiblePermalinks
from explainer.render import RenderContext, render_pages
from explainer.sanitise import ATTRIBUTES, HTML_TAGS, SVG_TAGS
from explainer.tooltips import GlossaryTooltips
from tests.adversarial.corpus import check_case, fixture_site

GENERATED = "faq/generated.yaml"
PAGE = "faq/generated.md"


def answer_file(answer: str, question: str = "Is this generated?") -> bytes:
    text = (
        f"question: {json.dumps(question)}\ntopics: [basics]\nreviewed: 2026-01-15\n"
        f"answer: {json.dumps(answer, ensure_ascii=False)}\n"
    )
    return text.encode("utf-8", errors="surrogatepass")


def check_answer(answer: str) -> CheckResult:
    return check_case(GENERATED, answer_file(answer))


def accepted(result: CheckResult) -> bool:
    return not any(d.is_error for d in result.diagnostics)


@cache
def _extensions() -> tuple[list[Any], dict[str, Any]]:
    """The fixture site's `markdown_extensions` as MkDocs hands them to Python-Markdown."""
    names: list[Any] = list(MKDOCS_EXTENSIONS)
    configs: dict[str, Any] = {}
    for item in fixture_site().markdown_extensions:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if config:
            configs[name] = {key: resolve_python_name(value) for key, value in config.items()}
    return names, configs


def page_html(content: Content, path: str = PAGE) -> str:
    """The HTML MkDocs would make of the page at `path`, before the plugin's sanitiser."""
    site = fixture_site()
    render = RenderContext(content, site.settings, context_for(site).analyser)
    page = render_pages(render)[path]
    names, configs = _extensions()
    tooltips = GlossaryTooltips(content, lambda: path, render.path_of)
    converter = markdown.Markdown(
        extensions=[*names, tooltips, AccessiblePermalinks()], extension_configs=configs
    )
    return converter.convert(page.text)


class _Elements(HTMLParser):
    """Every start tag with its attributes, decoded as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background",
                  "ping", "cite", "longdesc", "manifest", "srcset", "codebase", "dynsrc", "lowsrc"}  # fmt: skip
DANGEROUS_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                  "link", "style", "form", "input", "button", "textarea", "select", "template", "portal",
                  "math", "noscript", "xmp", "plaintext", "title"}  # fmt: skip
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_problem(value: str) -> str | None:
    """Why a browser would not treat `value` as an https or same-site URL, or None."""
    # As a browser's URL parser: leading and trailing C0 controls and spaces go, tabs and newlines
    # anywhere are dropped, and a backslash counts as a slash.
    url = re.sub(
        r"[\t\n\r]",
        "",
        value.strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c"
            "\x1d\x1e\x1f "
        ),
    ).replace("\\", "/")
    scheme = _SCHEME.match(url)
    if scheme:
        return None if scheme.group(1).lower() == "https" else f"scheme {scheme.group(1)!r}"
    if url.startswith("//"):
        return "another host (protocol-relative)"
    return None


def unsafe_markup(html: str) -> list[str]:
    """What in `html` could run script, load from elsewhere or leave the site: handlers, URLs, raw tags."""
    problems = []
    for tag, attrs in elements(html):
        if tag in DANGEROUS_TAGS:
            problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"<{tag} {name}>: event handler")
            elif name == "srcdoc":
                problems.append(f"<{tag} srcdoc>")
            elif name in URL_ATTRIBUTES and (why := url_problem(value)):
                problems.append(f"<{tag} {name}={value!r}>: {why}")
            elif name == "style" and not re.fullmatch(r"text-align: (?:left|right|center);", value):
                problems.append(f"<{tag} style={value!r}>")
    return problems


def outside_allowlist(html: str) -> list[str]:
    """Elements and attributes the sanitiser's allowlist does not name (src/explainer/sanitise.py)."""
    problems = []
    for tag, attrs in elements(html):
        if tag not in HTML_TAGS | SVG_TAGS:
            problems.append(f"<{tag}>")
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, _ in attrs:
            if name not in {a.lower() for a in allowed} and not name.startswith(("data-", "aria-")):
                problems.append(f"<{tag} {name}>")
    return problems + unsafe_markup(html)
