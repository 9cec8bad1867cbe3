"""Finishing touches on every built HTML page: head metadata, a Content-Security-Policy, and theme guards.

These run on the HTML the theme produced, so every site gets them without an
override template:

- Open Graph tags and schema.org JSON-LD in the head;
- a Content-Security-Policy that allows scripts from the site itself and the
  theme's own inline scripts by hash, and nothing else, so a future slip in
  content handling cannot run script;
- `title` attributes made inert for the theme's tooltips: Material copies a
  title into the tooltip with `innerHTML`, so a title whose text holds `<`
  would become markup on hover. Such a title is escaped once more, so the
  tooltip shows exactly the text the author wrote; and a small inlined script
  does the same for titles the theme sets itself (truncated page names);
- small accessibility and speed fixes to Material's own markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from importlib import resources

from explainer.shipped import shipped_script

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Inlined in every head before the theme's script (their hashes are in the policy like any inline
# script), in this order: faq-query.js takes an FAQ filter's ?q= away before on-demand.js looks for one.
INLINED_SCRIPTS = ("faq-query.js", "on-demand.js", "title-guard.js")


def _inlined(name: str) -> str:
    return shipped_script((resources.files("explainer.assets") / name).read_text(encoding="utf-8")).strip()


HEAD_SCRIPTS = "".join(f"<script>{_inlined(name)}</script>" for name in INLINED_SCRIPTS)
SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog"'
# A page whose FAQ filter owns ?q= says so on its root element, where faq-query.js can see it from the head.
FAQ_FILTER_FORM = re.compile(r"<form\b[^>]*\sdata-ex-faq-search[\s=>]")
FAQ_FILTER_MARK = "data-ex-faq-filter"
_HTML_TAG = re.compile(r"<html\b")
MATERIAL_BUNDLE = re.compile(r'(<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js")></script>')


@dataclass(frozen=True)
class Head:
    """What a page's head says about it beyond Material's own tags."""

    title: str
    description: str | None
    url: str | None
    site_name: str
    kind: str  # Open Graph type: article or website
    json_ld: str | None  # already safe to place inside <script> (no '<', '>' or '&')


def head_tags(head: Head) -> str:
    tags = [
        f'<meta property="og:type" content="{head.kind}">',
        f'<meta property="og:site_name" content="{html.escape(head.site_name)}">',
        f'<meta property="og:title" content="{html.escape(head.title)}">',
    ]
    if head.description:
        tags.append(f'<meta property="og:description" content="{html.escape(head.description)}">')
    if head.url:
        tags.append(f'<meta property="og:url" content="{html.escape(head.url)}">')
    tags.append('<meta name="twitter:card" content="summary">')
    # Controls that need script are hidden when it is off (the static page is complete without them).
    tags.append("<noscript><style>.ex-needs-js{display:none!important}</style></noscript>")
    if head.json_ld:
        tags.append(f'<script type="application/ld+json">{head.json_ld}</script>')
    return "\n    ".join(tags)


# One pass over the page with regular expressions (an HTML parser in Python is ten times slower):
# comments, script and style elements whole, and start tags whose quoted attribute values may hold '>'.
_TOKENS = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<body>.*?)</(?P=raw)\s*>"
    r"|<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>",
    re.DOTALL | re.IGNORECASE,
)
_TYPE = re.compile(r"\btype\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_HAS_TITLE = re.compile(r"\stitle=", re.IGNORECASE)


@dataclass
class _Scan:
    titled: list[tuple[int, str]]  # (offset of the start tag, its text)
    scripts: list[str]  # inline scripts that run
    styles: list[str]  # inline style elements


def _scan(text: str) -> _Scan:
    found = _Scan([], [], [])
    for match in _TOKENS.finditer(text):
        raw = match.group("raw")
        if raw:
            attrs = match.group("attrs") or ""
            kind = _TYPE.search(attrs)
            if raw.lower() == "style":
                found.styles.append(match.group("body"))
            elif not _SRC.search(attrs) and (kind.group(1).lower() if kind else "") in EXECUTABLE_TYPES:
                found.scripts.append(match.group("body"))
        elif not match.group(0).startswith("<!--") and _HAS_TITLE.search(match.group(0)):
            found.titled.append((match.start(), match.group(0)))
    return found


_TITLE = re.compile(r'(\stitle=)("[^"]*"|\'[^\']*\')')


def inert_title(value: str) -> str:
    """A title attribute value whose decoded text a theme may read as HTML without creating markup."""
    decoded = html.unescape(value)
    if not re.search(r"[<>&]", decoded):
        return value
    return html.escape(html.escape(decoded, quote=False), quote=True)


def _guard_titles(text: str, titled: list[tuple[int, str]]) -> str:
    pieces, cursor = [], 0
    for offset, tag in titled:
        match = _TITLE.search(tag)
        if match is None:
            continue
        value = match.group(2)[1:-1]
        safe = inert_title(value)
        if safe == value:
            continue
        start = offset + match.start(2)
        pieces.append(text[cursor:start])
        pieces.append(f'"{safe}"')
        cursor = start + len(match.group(2))
    pieces.append(text[cursor:])
    return "".join(pieces)


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def content_security_policy(scripts: list[str], styles: list[str]) -> str:
    """Scripts from the site and the hashed inline ones; no eval, no plugins, no foreign hosts."""
    script_hashes = " ".join(sorted({_hash(body) for body in scripts}))
    style_hashes = " ".join(sorted({_hash(body) for body in styles}))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {script_hashes}".rstrip(),
            f"style-src 'self' {style_hashes}".rstrip(),
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-src 'none'",
        ]
    )


def finish_page(text: str, head: Head | None) -> str:
    """The page with its head metadata, its policy, inert titles and Material's markup fixed."""
    if head is not None:
        text = text.replace("</head>", f"    {head_tags(head)}\n  </head>", 1)
    # Name the search dialog for screen readers (axe: aria-dialog-name), and let the page paint
    # before Material's bundle runs (deferred scripts still run in order, before DOMContentLoaded).
    text = text.replace(SEARCH_DIALOG, SEARCH_DIALOG + ' aria-label="Search this site"', 1)
    text = MATERIAL_BUNDLE.sub(r"\1 defer></script>", text, count=1)
    text = _head_scripts(text)
    if FAQ_FILTER_FORM.search(text):
        text = with_root_attribute(text, FAQ_FILTER_MARK)
    scan = _scan(text)
    text = _guard_titles(text, scan.titled)
    policy = content_security_policy(scan.scripts, scan.styles)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}">'
    # The policy must come before the first script: right after the charset, which leads the head.
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + meta, text, count=1)


def with_root_attribute(page: str, name: str, value: str | None = None) -> str:
    """The page with an attribute on its `<html>` element, where a script in the head can read it."""
    attribute = name if value is None else f'{name}="{html.escape(value)}"'
    return _HTML_TAG.sub(f"<html {attribute}", page, count=1)


def _head_scripts(text: str) -> str:
    """The deferral script and the title guard, first thing after the charset, before any other script."""
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + HEAD_SCRIPTS, text, count=1)
