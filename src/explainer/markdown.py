"""The restricted Markdown that content fields may use, and cross-references written as links.

Content Markdown is ordinary CommonMark-ish prose — paragraphs, emphasis,
inline code, lists, block quotes and links — minus everything that lets one
entry change the page around it: raw HTML, attribute lists, images, headings,
and page-global definitions (link references, abbreviations, footnotes,
snippets). Links go to `https://` addresses or to other entries by
cross-reference: `[self-attention](term:self-attention)`,
`[LLMs](tech:large-language-models)`, `[why](faq:why-do-llms-hallucinate)`.

Finding these is a scan of the text with code spans and fenced code masked
out, so examples inside backticks are never mistaken for markup. Lint reports
what the scan finds; rendering only ever sees text that passed lint, and still
escapes plain-text fields on its own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

# Schemes for cross-references; each names an entity kind (see model.KINDS).
XREF_SCHEMES = ("tech", "dimension", "term", "industry", "use-case", "topic", "faq", "source")
MAX_BRACKETS = 100
MAX_EMPHASIS_MARKERS = 200

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])")
# `<https://…>` and `<name@host>` are Markdown autolinks, not HTML: they get their own message.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_ATTR_LIST = re.compile(r"\{\s*:?\s*(?:[#.][A-Za-z_-]|[A-Za-z_][\w-]*\s*=)")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
_ABBREVIATION = re.compile(r"^ {0,3}\*\[[^\]\n]*\]:", re.MULTILINE)
_FOOTNOTE = re.compile(r"\[\^[^\]\n]*\]")
_IMAGE = re.compile(r"!\[")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)|^ {0,3}={3,}[ \t]*$", re.MULTILINE)
_SNIPPET = re.compile(r"-{1,}8<-{1,}|;{1,}8<;{1,}")
_EMPHASIS_RUN = re.compile(r"[*_]{4,}")


@dataclass(frozen=True)
class Link:
    """An inline link found in Markdown text; `start` is the index of its target."""

    target: str
    start: int


@dataclass(frozen=True)
class CrossReference:
    """A link target of the form `scheme:id` (optionally `#fragment`)."""

    scheme: str
    id: str
    fragment: str = ""


@dataclass(frozen=True)
class Finding:
    """Something in Markdown text that lint refuses, with the index where it starts."""

    index: int
    code: str
    message: str
    hint: str


def mask_code(text: str) -> str:
    """`text` with fenced code and code spans blanked out (same length, so indexes still hold)."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def find_links(text: str) -> list[Link]:
    """Inline links `[label](target "title")` outside code, in order of appearance.

    A scanner rather than a regular expression, because targets may hold
    balanced parentheses (`javascript:alert(1)` must be found to be refused).
    """
    masked = mask_code(text)
    links = []
    for opening in re.finditer(r"\]\(", masked):
        label_start = _matching_open_bracket(masked, opening.start())
        if label_start is None or (label_start > 0 and masked[label_start - 1] == "!"):
            continue
        parsed = _link_target(masked, opening.end())
        if parsed is None:
            continue
        start, end = parsed
        target = text[start:end]
        if target.startswith("<") and target.endswith(">"):
            start, target = start + 1, target[1:-1]
        links.append(Link(target, start))
    return links


def _matching_open_bracket(text: str, close: int) -> int | None:
    depth = 0
    for index in range(close - 1, -1, -1):
        char = text[index]
        if char == "]" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == "[" and (index == 0 or text[index - 1] != "\\"):
            if depth == 0:
                return index
            depth -= 1
    return None


def _link_target(text: str, start: int) -> tuple[int, int] | None:
    """(target start, target end) of a link body at `start`; None unless a title and ')' follow."""
    index = start
    while index < len(text) and text[index] in " \t":
        index += 1
    target_start = index
    if index < len(text) and text[index] == "<":
        end = text.find(">", index)
        if end < 0:
            return None
        index = end + 1
    else:
        depth = 0
        while index < len(text) and not text[index].isspace():
            if text[index] == "(":
                depth += 1
            elif text[index] == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
    target_end = index
    title = re.compile(r'\s*(?:"[^"]*"|\'[^\']*\'|\([^)]*\))?\s*\)').match(text, target_end)
    if title is None:
        return None
    return target_start, target_end


def parse_cross_reference(target: str) -> CrossReference | None:
    """`tech:large-language-models#ratings` → CrossReference; anything else → None."""
    scheme, colon, rest = target.partition(":")
    if not colon or scheme not in XREF_SCHEMES or rest.startswith("//"):
        return None
    identifier, _, fragment = rest.partition("#")
    return CrossReference(scheme, identifier, fragment) if identifier else None


def link_scheme(target: str) -> str | None:
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", target)
    return match.group(1).lower() if match else None


def is_https_url(url: str) -> bool:
    """An absolute https URL with a host and no spaces or control characters."""
    if not url.startswith("https://") or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    parts = urlsplit(url)
    return bool(parts.hostname) and "." in (parts.hostname or "")


def check_link_target(target: str) -> Finding | None:
    """Why a link target is not allowed, or None. Cross-reference targets are checked by lint."""
    if parse_cross_reference(target):
        return None
    if is_https_url(target):
        return None
    scheme = link_scheme(target)
    if scheme in XREF_SCHEMES:
        return Finding(0, "E403", f"cross-reference '{target}' has no id", "write it as scheme:id")
    if scheme is not None and scheme not in {
        "http",
        "https",
        "javascript",
        "data",
        "vbscript",
        "file",
    }:
        return Finding(
            0,
            "E303",
            f"unknown link scheme '{scheme}:'",
            f"cross-references use one of: {', '.join(s + ':' for s in XREF_SCHEMES)}",
        )
    shown = target if len(target) <= 60 else target[:57] + "…"
    return Finding(
        0,
        "E403",
        f"link to '{shown}' is not allowed",
        "link to an https:// address or to an entry, e.g. (term:token) or (tech:diffusion-models)",
    )


def find_unsafe_markup(text: str) -> Iterator[Finding]:
    """Constructs the restricted grammar refuses, each at the index where it starts."""
    masked = mask_code(text)
    for match in _AUTOLINK.finditer(masked):
        yield Finding(
            match.start(),
            "E404",
            "angle-bracket autolinks ('<https://…>') are not allowed",
            "write the link as [words that say where it goes](https://…)",
        )
    masked = _AUTOLINK.sub(lambda match: " " * len(match.group()), masked)
    checks: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
        (
            _RAW_HTML,
            "E402",
            "raw HTML is not allowed in content",
            "write Markdown instead; to show a literal '<' before a letter, put it in `code`",
        ),
        (
            _ATTR_LIST,
            "E404",
            "attribute lists ('{ … }') are not allowed",
            "remove the braces; styling comes from the site, not from entries",
        ),
        (
            _LINK_DEFINITION,
            "E404",
            "link reference definitions are not allowed (they affect the whole page)",
            "write the link inline: [text](https://…)",
        ),
        (
            _ABBREVIATION,
            "E404",
            "abbreviation definitions are not allowed here",
            "add the term to content/definitions/ instead; the glossary makes tooltips",
        ),
        (
            _FOOTNOTE,
            "E404",
            "footnotes are not allowed",
            "cite a source in the 'sources' list instead",
        ),
        (
            _IMAGE,
            "E404",
            "images are not allowed in content text",
            "describe it in words; pictures come from the site's own templates",
        ),
        (
            _HEADING,
            "E404",
            "headings are not allowed in content text",
            "the page provides headings; use a paragraph or **bold** lead-in",
        ),
        (_SNIPPET, "E404", "snippet includes ('--8<--') are not allowed", "paste the text itself"),
    )
    for pattern, code, message, hint in checks:
        for match in pattern.finditer(masked):
            yield Finding(match.start(), code, message, hint)
    if masked.count("[") > MAX_BRACKETS or masked.count("*") + masked.count("_") > MAX_EMPHASIS_MARKERS:
        yield Finding(
            0,
            "E405",
            "too much markup in one field for the Markdown renderer to handle safely",
            f"keep under {MAX_BRACKETS} '[' and {MAX_EMPHASIS_MARKERS} '*'/'_' per field",
        )
    for match in _EMPHASIS_RUN.finditer(masked):
        yield Finding(
            match.start(),
            "E405",
            "a run of four or more '*' or '_'",
            "use *emphasis* or **strong** only",
        )


# -- rendering helpers -----------------------------------------------------------------------

# Python-Markdown honours backslash escapes only for these characters, so only
# they are escaped anywhere in a line; the rest matter only at its start.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START_SPECIAL = re.compile(r"^([#+=-]|\d+[.)])")


def escape_plain(text: str) -> str:
    """Plain text made inert for Markdown and HTML: it renders as exactly these characters.

    HTML-significant characters become entities (so no tag can form, whatever
    the Markdown parser does), and Markdown punctuation is backslash-escaped
    so `C#`, `a|b`, `*nix` or `1984. A novel` keep their meaning as text.
    """
    escaped = _INLINE_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    match = _LINE_START_SPECIAL.match(escaped)
    if match:
        lead = match.group(1)
        escaped = (lead[:-1] + "\\" + lead[-1] if lead[0].isdigit() else "\\" + lead) + escaped[len(lead) :]
    return escaped


def rewrite_links(text: str, url_for: Callable[[CrossReference], str]) -> str:
    """Replace each cross-reference target with the URL `url_for` gives; other links stay."""
    pieces: list[str] = []
    cursor = 0
    for link in find_links(text):
        reference = parse_cross_reference(link.target)
        if reference is None:
            continue
        pieces.append(text[cursor : link.start])
        pieces.append(url_for(reference))
        cursor = link.start + len(link.target)
    pieces.append(text[cursor:])
    return "".join(pieces)


_INLINE_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(text: str) -> str:
    """Content Markdown as plain text (links keep their labels), for metadata such as JSON-LD."""
    plain = _INLINE_LINK.sub(r"\1", text)
    plain = _EMPHASIS.sub(r"\2", plain)
    plain = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", plain, flags=re.MULTILINE)
    return " ".join(plain.split())
