"""The restricted Markdown that content fields may use, checked on the tree Python-Markdown builds.

Content Markdown is ordinary prose — paragraphs, emphasis, inline code,
lists, block quotes, tables and links (and, in long fields, `##`–`######`
headings) — minus everything that lets one entry change the page around it:
raw HTML, attribute lists, images, and page-global definitions (link
references, abbreviations, footnotes, snippets). Links go to `https://`
addresses or to other entries by cross-reference:
`[attention](term:attention)`, `[see](faq:some-question)`.

Each field is parsed by Python-Markdown configured with the site's own
extensions — the parser the build uses — and lint reads what it built: the
elements, their attributes, every link's href and title, the stashed HTML
and the page-global tables it filled. A scanner of our own would disagree
with the renderer on some input, and an attacker only needs one such input.
Text that holds none of the characters Markdown reacts to becomes one plain
paragraph; it skips the parser, which keeps `check` fast.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from explainer.kinds import XREF_SCHEMES

MAX_BRACKETS = 100
MAX_EMPHASIS_MARKERS = 200
# Extensions a site gets when its mkdocs.yml does not say (explainer new-site writes these).
DEFAULT_EXTENSIONS: tuple[Any, ...] = (
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
)
# MkDocs always adds these to whatever the site lists.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")

_SNIPPET = re.compile(r"-{1,}8<-{1,}|;{1,}8<;{1,}")
_EMPHASIS_RUN = re.compile(r"[*_]{4,}")
# Characters and line starts that make Markdown produce anything but one plain paragraph of text.
_MARKUP_CHARACTERS = re.compile(
    r"[<>&\[\]!{}`\\|~@]|:[\w+-]+:|://|www\.|^\s*(?:[#=>+*-]|\d+[.)]|\?\?\?)|^(?: {4}|\t)", re.M
)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_LIST_LINE = re.compile(r"\n[ \t]*(?:[-*+]|\d+\.)[ \t]+\S")
_PAREN_LIST = re.compile(r"(?:^|\n)[ \t]*\d+\)[ \t]+\S")
# Python-Markdown's stand-in for '&' inside attribute values (its util.AMP_SUBSTITUTE).
_AMP_SUBSTITUTE = "\x02amp\x03"
# A URL may not hold these unencoded (RFC 3986), and a quote or bracket would end an attribute.
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\^`{|}]")

ALLOWED_TAGS = frozenset(
    {"p", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote", "br", "hr",
     "table", "thead", "tbody", "tr", "th", "td"}
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "code": {"class"},
    "ol": {"start"},
    "th": {"style", "align"},
    "td": {"style", "align"},
    **{tag: {"id"} for tag in HEADING_TAGS},
}
_TABLE_ALIGN = re.compile(r"^text-align: (?:left|right|center);?$")
_TAG_MESSAGES = {
    "img": ("images are not allowed in content text", "describe it in words; pictures come from the site"),
    "abbr": (
        "abbreviation definitions are not allowed here (they change the whole page)",
        "add the term to content/definitions/ instead; the glossary makes tooltips",
    ),
    "div": (
        "admonitions and other block extensions are not allowed in content text",
        "write a plain paragraph; the page provides boxes and layout",
    ),
    "details": ("collapsible blocks are not allowed in content text", "write a plain paragraph"),
    "svg": ("icons and emoji shortcodes are not allowed in content text", "write the words instead"),
    "sup": ("footnotes are not allowed", "cite a source in the 'sources' list instead"),
}


@dataclass(frozen=True)
class CrossReference:
    """A link target of the form `scheme:id` (optionally `#fragment`)."""

    scheme: str
    id: str
    fragment: str = ""


@dataclass(frozen=True)
class Link:
    """A link the renderer makes: its target as written, and where it is written in the field."""

    target: str
    start: int  # index of the target in the field's text (of the link itself when not found)
    raw: str  # the link as written, `[label](target "title")`


@dataclass(frozen=True)
class Finding:
    """Something in Markdown text that lint reports, with the index in the field where it starts."""

    index: int
    code: str
    message: str
    hint: str


@dataclass(frozen=True)
class Analysis:
    """What Python-Markdown made of one field: its links, and what lint must report."""

    links: tuple[Link, ...] = ()
    findings: tuple[Finding, ...] = ()
    # Where the field makes ATX headings ('## Title'); allowed only in long prose fields.
    headings: tuple[int, ...] = ()


PLAIN = Analysis()


def parse_cross_reference(target: str) -> CrossReference | None:
    """`tech:some-id#ratings` → CrossReference; anything else → None."""
    scheme, colon, rest = target.partition(":")
    if not colon or scheme not in XREF_SCHEMES or rest.startswith("//"):
        return None
    identifier, _, fragment = rest.partition("#")
    if not identifier or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", identifier):
        return None
    if fragment and not re.fullmatch(r"[A-Za-z0-9_-]+", fragment):
        return None
    return CrossReference(scheme, identifier, fragment)


def link_scheme(target: str) -> str | None:
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", target)
    return match.group(1).lower() if match else None


# -- URLs ---------------------------------------------------------------------------------------


def url_problem(url: str) -> str | None:
    """Why `url` may not be linked to, or None: https only, a real host, no user info, nothing odd."""
    if _URL_FORBIDDEN.search(url):
        return "it holds a space, a control character, a quote or a bracket"
    if not url.startswith("https://"):
        return "it is not an https:// address"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port  # noqa: F841  (raises on a malformed port)
    except ValueError:
        return "it is not a well-formed address"
    if "@" in parts.netloc:
        return "it holds a user name or password before the host"
    if not host or "." not in host.strip("."):
        return "it has no host name"
    return None


def is_https_url(url: str) -> bool:
    """An absolute https URL with a real host, no user info, and no space, control or quote."""
    return url_problem(url) is None


def international_host(url: str) -> str | None:
    """The host of `url` when it is internationalized (non-ASCII or punycode), else None."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        return host
    return None


def check_link_target(target: str) -> tuple[str, str, str] | None:
    """(code, message, hint) when a link target is not allowed; cross-references are checked later."""
    if parse_cross_reference(target):
        return None
    shown = target if len(target) <= 60 else target[:57] + "…"
    problem = url_problem(target)
    if problem is None:
        return None
    scheme = link_scheme(target)
    if scheme in XREF_SCHEMES:
        return "E403", f"cross-reference '{shown}' is not of the form {scheme}:id", "write it as scheme:id"
    if scheme is not None and scheme not in {"http", "https", "javascript", "data", "vbscript", "file"}:
        schemes = ", ".join(s + ":" for s in XREF_SCHEMES)
        return "E303", f"unknown link scheme '{scheme}:'", f"cross-references use one of: {schemes}"
    return (
        "E403",
        f"link to '{shown}' is not allowed: {problem}",
        "link to an https:// address, or to an entry with scheme:id",
    )


# -- checks before parsing ---------------------------------------------------------------------


def mask_code(text: str) -> str:
    """`text` with fenced code and code spans blanked out (same length, so indexes still hold)."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return re.sub(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", blank, _FENCE.sub(blank, text), flags=re.DOTALL)


def pre_parse_findings(text: str) -> list[Finding]:
    """What must be refused before the parser sees the text: markup bombs and snippet includes."""
    found = []
    if text.count("[") > MAX_BRACKETS or text.count("*") + text.count("_") > MAX_EMPHASIS_MARKERS:
        found.append(
            Finding(
                0,
                "E405",
                "too much markup in one field for the Markdown renderer to handle safely",
                f"keep under {MAX_BRACKETS} '[' and {MAX_EMPHASIS_MARKERS} '*'/'_' per field",
            )
        )
    masked = mask_code(text)
    for match in _EMPHASIS_RUN.finditer(masked):
        found.append(Finding(match.start(), "E405", "a run of four or more '*' or '_'", "use *x* or **x**"))
        break
    for match in _SNIPPET.finditer(masked):
        found.append(
            Finding(match.start(), "E404", "snippet includes ('--8<--') are not allowed", "paste the text")
        )
        break
    return found


def is_plain(text: str) -> bool:
    """True when Python-Markdown can only make one or more plain paragraphs of this text."""
    return _MARKUP_CHARACTERS.search(text) is None


# -- the parser's view ---------------------------------------------------------------------------


_RAW = "data-explainer-raw"


def _recording(processor: Any) -> Any:
    """Wrap an inline processor so the links and images it makes remember the text they came from."""
    handle = processor.handleMatch

    def handle_match(match: re.Match[str], data: str) -> Any:
        result = handle(match, data)
        element, start, end = result
        if isinstance(element, etree.Element) and element.tag in {"a", "img"} and start is not None:
            element.set(_RAW, data[start:end])
        return result

    processor.handleMatch = handle_match
    return processor


class _Capture:
    """The last tree Python-Markdown built, taken just before it is serialised."""

    root: etree.Element | None = None


def _extension_objects(extensions: Sequence[Any]) -> tuple[list[Any], dict[str, Any]]:
    """mkdocs.yml's `markdown_extensions` list as Python-Markdown's extensions and configs."""
    names: list[Any] = []
    configs: dict[str, Any] = {}
    for item in [*extensions, *MKDOCS_EXTENSIONS]:
        if isinstance(item, dict):
            for name, config in item.items():
                if name not in names:
                    names.append(name)
                configs[name] = {k: resolve_python_name(v) for k, v in (config or {}).items()}
        elif item not in names:
            names.append(item)
    # The site's own heading anchors are not content: leave them out of what is analysed.
    if "toc" in configs:
        configs["toc"] = {**configs["toc"], "permalink": False, "anchorlink": False}
    return names, configs


@dataclass(frozen=True)
class PythonName:
    """A `!!python/name:module.attr` value from mkdocs.yml, imported only when it is used."""

    path: str


def resolve_python_name(value: Any) -> Any:
    if not isinstance(value, PythonName):
        return value
    import importlib

    module, _, attribute = value.path.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


class Analyser:
    """Python-Markdown set up like the site, reading one content field at a time."""

    def __init__(self, extensions: Sequence[Any] = DEFAULT_EXTENSIONS) -> None:
        self.extensions = tuple(extensions)
        self._md: Any = None
        self._capture = _Capture()

    def _markdown(self) -> Any:
        if self._md is None:  # imported on first use: plain text never needs it
            import markdown
            from markdown.treeprocessors import Treeprocessor

            capture = self._capture

            class Take(Treeprocessor):
                def run(self, root: etree.Element) -> None:
                    capture.root = root

            names, configs = _extension_objects(self.extensions)
            md = markdown.Markdown(extensions=names, extension_configs=configs)
            md.treeprocessors.register(Take(md), "explainer_capture", -1000)
            for processor in md.inlinePatterns:
                _recording(processor)
            self._md = md
        return self._md

    def analyse(self, text: str, headings: bool = False) -> Analysis:
        """Links and findings of one field (headings allowed or not); plain text skips the parser."""
        parsed = self.parse(text)
        if headings or not parsed.headings:
            return parsed
        finding = Finding(
            parsed.headings[0],
            "E404",
            "headings are not allowed in this field",
            "the page provides headings; use a paragraph or a **bold** lead-in",
        )
        return Analysis(parsed.links, (*parsed.findings, finding), parsed.headings)

    @lru_cache(maxsize=65536)  # noqa: B019  (one analyser per site, alive for the whole run)
    def parse(self, text: str) -> Analysis:
        early = pre_parse_findings(text)
        if early or is_plain(text):
            return Analysis((), tuple(early))
        md = self._markdown()
        md.reset()
        self._capture.root = None
        md.convert(text)
        root = self._capture.root
        if root is None:  # pragma: no cover - every conversion runs the tree processors
            return PLAIN
        return _read_tree(md, root, text)


def _read_tree(md: Any, root: etree.Element, text: str) -> Analysis:
    findings: list[Finding] = []
    links: list[Link] = []
    headings: list[int] = []
    searcher = _Searcher(text)

    def report(needle: str | None, code: str, message: str, hint: str) -> None:
        findings.append(Finding(searcher.find(needle), code, message, hint))

    # The stash also holds HTML that extensions made (a fenced code block, say): only what stands
    # in the source as written is the author's raw HTML.
    raw_html = [b for b in md.htmlStash.rawHtmlBlocks if "<" in str(b) and str(b).strip() in text]
    if raw_html:
        report(str(raw_html[0])[:40], "E402", "raw HTML is not allowed in content",
               "write Markdown instead; to show a literal '<' before a letter, put it in `code`")  # fmt: skip
    if getattr(md, "references", None):
        label = next(iter(md.references))
        definition = re.search(rf"^ {{0,3}}\[{re.escape(label)}\][ \t]*:", text, re.IGNORECASE | re.MULTILINE)
        findings.append(
            Finding(definition.start() if definition else 0, "E404",
                    "link reference definitions are not allowed (they affect the whole page)",
                    "write the link inline: [text](https://…)")
        )  # fmt: skip
    reported: set[str] = set()
    for name in ("abbr",):
        processor = md.treeprocessors[name] if name in md.treeprocessors else None  # noqa: SIM401
        if processor is not None and getattr(processor, "abbrs", None):
            message, hint = _TAG_MESSAGES["abbr"]
            report("*[", "E404", message, hint)
            reported.add("abbr")
    for element in root.iter():
        tag = str(element.tag)
        raw = element.attrib.pop(_RAW, None)
        if element is root:
            continue
        if tag == "a":
            link = _link(element, raw, searcher)
            links.append(link)
            _check_title(element, raw, link, findings)
            _check_target(link, findings)
        if tag in HEADING_TAGS:
            if _check_heading(element, text, report, reported):
                headings.append(searcher.find("#"))
        elif tag not in ALLOWED_TAGS:
            if tag not in reported:  # one line per kind of element; its attributes go with it
                reported.add(tag)
                message, hint = _TAG_MESSAGES.get(
                    tag, (f"'{tag}' elements are not allowed in content text", "write plain Markdown")
                )
                report(raw or _needle_for(tag), "E404", message, hint)
            continue
        unexpected = [
            name
            for name, value in element.attrib.items()
            if name not in ALLOWED_ATTRIBUTES.get(tag, set())
            or (name == "style" and not _TABLE_ALIGN.match(value))
        ]
        if unexpected and "attributes" not in reported:
            reported.add("attributes")
            report("{", "E404", "attribute lists ('{ … }') are not allowed",
                   "remove the braces; styling comes from the site, not from entries")  # fmt: skip
        if tag == "p" and "lists" not in reported:
            paragraph = "".join(element.itertext())
            looks_like_list = _LIST_LINE.search(paragraph) or _PAREN_LIST.search(paragraph)
            if looks_like_list:
                reported.add("lists")
                report(
                    looks_like_list.group().strip(),
                    "W402",
                    "this looks like a list but renders as one paragraph",
                    "leave a blank line before the list, and number items '1.' rather than '1)'",
                )
    return Analysis(tuple(links), tuple(findings), tuple(headings))


def _needle_for(tag: str) -> str | None:
    return {"img": "![", "div": "!!!", "details": "???", "svg": ":", "abbr": "*["}.get(tag)


class _Searcher:
    """Finds where written text sits in the field, moving forward as findings come in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0

    def find(self, needle: str | None) -> int:
        if not needle:
            return 0
        for candidate in (needle, needle.split("\n")[0].strip()):
            if not candidate:
                continue
            index = self.text.find(candidate, self.cursor)
            if index < 0:
                index = self.text.find(candidate)
            if index >= 0:
                self.cursor = index + 1
                return index
        return 0


def _decoded(value: str) -> str:
    return html.unescape(value.replace(_AMP_SUBSTITUTE, "&"))


def _link(element: etree.Element, raw: str | None, searcher: _Searcher) -> Link:
    href = _decoded(element.get("href", ""))
    start = searcher.find(raw) if raw else searcher.find(href)
    if raw:
        # The target as written sits after the label: '](' in an inline link, '<' in an autolink.
        opening = raw.find("](")
        offset = opening + 2 if opening >= 0 else (1 if raw.startswith("<") else 0)
        written = raw[offset:].lstrip(" \t<")
        start += offset + (len(raw[offset:]) - len(written))
    return Link(href, start, raw or href)


def _check_target(link: Link, findings: list[Finding]) -> None:
    problem = check_link_target(link.target)
    if problem is not None:
        findings.append(Finding(link.start, *problem))
    elif (host := international_host(link.target)) is not None:
        findings.append(
            Finding(link.start, "W401", f"the link's host '{host}' is internationalized",
                    "check it is the host you mean; prefer its plain ASCII form")
        )  # fmt: skip


def _check_title(element: etree.Element, raw: str | None, link: Link, findings: list[Finding]) -> None:
    title = _decoded(element.get("title", ""))
    if not re.search(r"[<>&]", title):
        return
    # Point at the title itself: the first quote after the target, where the title is written.
    after_target = link.start + len(link.target)
    written = raw[raw.find(link.target) + len(link.target) :] if raw and link.target in raw else ""
    offset = len(written) - len(written.lstrip(" \t\n"))
    findings.append(
        Finding(after_target + offset, "E406",
                "the link's title holds markup characters (after decoding character references)",
                "remove <, > and & from the title, or drop the title")
    )  # fmt: skip


def _check_heading(
    element: etree.Element, text: str, report: Callable[..., None], reported: set[str]
) -> bool:
    """Report setext and top-level headings; True for an ATX heading (allowed in long fields only)."""
    label = "".join(element.itertext()).strip()
    if not any(label in line for line in _atx_lines(text)):
        if "setext" not in reported:
            reported.add("setext")
            report(
                label or None,
                "E404",
                "a line of '=' or '-' under text makes it a heading",
                "write headings as '## Title'; for a rule, put a blank line before the dashes",
            )
        return False
    if element.tag == "h1" and "h1" not in reported:
        reported.add("h1")
        report("# ", "E404", "a '#' heading would compete with the page title",
               "start with '##' (it is placed under the page's own headings)")  # fmt: skip
    return True


def _atx_lines(text: str) -> Iterator[str]:
    for match in _ATX_HEADING.finditer(text):
        end = text.find("\n", match.start())
        yield text[match.start() : end if end >= 0 else len(text)]


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


def rewrite_links(text: str, links: Sequence[Link], url_for: Callable[[CrossReference], str]) -> str:
    """Replace each cross-reference target in `text` with the URL `url_for` gives; other links stay."""
    pieces: list[str] = []
    cursor = 0
    for link in sorted(links, key=lambda item: item.start):
        reference = parse_cross_reference(link.target)
        if reference is None or text[link.start : link.start + len(link.target)] != link.target:
            continue
        pieces.append(text[cursor : link.start])
        pieces.append(url_for(reference))
        cursor = link.start + len(link.target)
    pieces.append(text[cursor:])
    return "".join(pieces)


def shift_headings(text: str, top: int) -> str:
    """ATX headings moved down so the field's highest one is `top` (outside fenced code)."""
    if "#" not in text:
        return text
    fences = [(m.start(), m.end()) for m in _FENCE.finditer(text)]
    found = [m for m in _ATX_HEADING.finditer(text) if not any(a <= m.start() < b for a, b in fences)]
    if not found:
        return text
    shift = top - min(len(m.group(1)) for m in found)
    if shift <= 0:
        return text
    pieces, cursor = [], 0
    for match in found:
        pieces.append(text[cursor : match.start(1)])
        pieces.append("#" * min(6, len(match.group(1)) + shift))
        cursor = match.end(1)
    pieces.append(text[cursor:])
    return "".join(pieces)


_INLINE_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(text: str) -> str:
    """Content Markdown as plain text (links keep their labels), for metadata such as JSON-LD."""
    plain = _INLINE_LINK.sub(r"\1", text)
    plain = _EMPHASIS.sub(r"\2", plain)
    plain = re.sub(r"^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+", "", plain, flags=re.MULTILINE)
    return " ".join(plain.split())


def normalise_words(text: str) -> str:
    """Lowercase, accents and punctuation removed: the form search and duplicate checks compare."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


@dataclass
class AnalyserCache:
    """One analyser per extension list, so every field of a site is read by the same parser."""

    analysers: dict[tuple[str, ...], Analyser] = field(default_factory=dict)

    def get(self, extensions: Sequence[Any]) -> Analyser:
        """The analyser for a site's extension list (the default list when it is empty)."""
        extensions = tuple(extensions) or DEFAULT_EXTENSIONS
        key = tuple(repr(e) for e in extensions)
        if key not in self.analysers:
            self.analysers[key] = Analyser(extensions)
        return self.analysers[key]


ANALYSERS = AnalyserCache()
