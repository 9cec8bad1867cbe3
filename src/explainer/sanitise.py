"""The last line of defence: generated page HTML passes an allowlist before it is published.

Lint already refuses unsafe Markdown with a position, and templates escape
plain text; this makes sure that even a bug in either cannot put a script,
an event handler or a `javascript:` URL into a page built from content.
"""

from __future__ import annotations

import nh3

SVG_TAGS = {"svg", "g", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon",
            "path", "text", "tspan", "defs", "marker", "use", "symbol"}  # fmt: skip
HTML_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "kbd", "li", "mark", "nav", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    "button", "fieldset", "form", "input", "label", "legend", "option", "output", "select",
}  # fmt: skip
COMMON_ATTRIBUTES = {"id", "class", "title", "role", "hidden", "lang", "tabindex"}
ATTRIBUTES = {
    "*": COMMON_ATTRIBUTES,
    "a": {"href"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "ol": {"start"},
    "input": {"type", "name", "value", "checked", "disabled", "placeholder", "autocomplete", "spellcheck",
              "inputmode", "enterkeyhint"},
    "button": {"type", "name", "value", "disabled"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "output": {"for"},
    "form": {"action"},
    "svg": {"viewBox", "width", "height", "xmlns", "focusable", "preserveAspectRatio"},
    "rect": {"x", "y", "width", "height", "rx", "ry"},
    "circle": {"cx", "cy", "r"},
    "ellipse": {"cx", "cy", "rx", "ry"},
    "line": {"x1", "y1", "x2", "y2", "marker-end", "marker-start"},
    "polyline": {"points"},
    "polygon": {"points"},
    "path": {"d", "marker-end", "marker-start"},
    "text": {"x", "y", "dx", "dy", "text-anchor", "dominant-baseline", "font-size", "font-weight",
             "transform"},
    "tspan": {"x", "y", "dx", "dy", "text-anchor", "dominant-baseline"},
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient", "markerUnits"},
    "g": {"transform"},
}  # fmt: skip


def sanitise_page_html(html: str) -> str:
    """Keep only known tags and attributes; links only to https or relative URLs."""
    return nh3.clean(
        html,
        tags=HTML_TAGS | SVG_TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"https"},
        link_rel=None,
        strip_comments=True,
    )
