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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from explainer.characters import unsafe_character
from explainer.kinds import XREF_SCHEMES

MAX_BRACKETS = 100
MAX_EMPHASIS_MARKERS = 200
# Lists, quotes and blocks inside one another. Python-Markdown recurses once or twice per level and
# crashes (RecursionError) near 500 list levels at the top of the stack, 250 for indented lists and
# 330 for admonitions; a page puts a field a few levels deep already. Prose never needs more than 4.
MAX_NESTING = 10
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
# A number starts a list, or looks like one (W402), only when a space or tab follows its '.' or ')':
# a citation wrapped before its year ("Ho et al.,\n2020)") is prose.
_MARKUP_CHARACTERS = re.compile(
    r"[<>&\[\]!{}`\\|~@]|:[\w+-]+:|://|www\.|^\s*(?:[#=>+*-]|\d+[.)][ \t]|\?\?\?)|^(?: {4}| {0,3}\t)", re.M
)
# A heading line as Python-Markdown reads one: '#' at the very start of a line, no space needed.
_ATX_HEADING = re.compile(r"^(#{1,6})", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
# Character references Python-Markdown passes to the HTML, where the browser decodes them. Its raw-HTML
# preprocessor completes a numeric one that lacks its ';' ('&#x202e fdp' becomes '&#x202e; fdp').
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z0-9]+;)")
# A URL may not hold these unencoded (RFC 3986), and a quote or bracket would end an attribute.
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\^`{|}]")

ALLOWED_TAGS = frozenset(
    {"p", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote", "br", "hr",
     "table", "thead", "tbody", "tr", "th", "td"}
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The attributes Markdown syntax itself makes: link targets and titles, a list's first number, table
# alignment, and the ids the toc extension gives headings. Attribute lists may set none of them.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"style", "align"},
    "td": {"style", "align"},
    **{tag: {"id"} for tag in HEADING_TAGS},
}
FOLDED_HTML = (
    "E402",
    "HTML in an indented or '~~~' code block is live HTML wherever the field is shown on one line",
    "show HTML examples in `code` or in a ``` fence, which stay code on one line (tables, list items)",
)
EMOJI_MESSAGE = (
    "emoji and icon shortcodes are not allowed in content text",
    "type the emoji itself, or write the words; other engines would show the shortcode as text",
)


@dataclass(frozen=True)
class CrossReference:
    """A link target of the form `scheme:id` (optionally `#fragment`)."""

    scheme: str
    id: str
    fragment: str = ""


class Link(NamedTuple):
    """A link the renderer makes: its target, and where that target is written in the field.

    A named tuple: a check keeps every link of a large corpus, and reads them back on each run."""

    target: str
    start: int  # index of the target in the field's text (of the link itself when not found)
    raw: str  # the link as the parser read it, `[label](target "title")`
    end: int = -1  # index just past the target as written; -1 when it is not written in the field


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
    # Whether it holds code blocks, whose meaning depends on their lines.
    code_blocks: bool = False


PLAIN = Analysis()


@lru_cache(maxsize=16384)  # a corpus links to the same few thousand targets over and over
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


# Full stops browsers accept between the labels of a host name (UTS #46), besides '.'.
_HOST_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def browser_host(url: str) -> str | None:
    """The host a browser connects to for `url`: percent-decoded, lowercase, with every kind of dot a '.'."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return unquote(host).translate(_HOST_DOTS).lower() if host else host


def url_problem(url: str) -> str | None:
    """Why `url` may not be linked to, or None: https only, a real host, no user info, nothing odd."""
    if _URL_FORBIDDEN.search(url):
        return "it holds a space, a control character, a quote or a bracket"
    if not url.startswith("https://"):
        return "it is not an https:// address"
    try:
        parts = urlsplit(url)
        port = parts.port  # noqa: F841  (raises on a malformed port)
    except ValueError:
        return "it is not a well-formed address"
    if "@" in parts.netloc:
        return "it holds a user name or password before the host"
    host = browser_host(url) or ""
    if not host or "." not in host.strip(".") or _URL_FORBIDDEN.search(host) or "%" in host:
        return "it has no host name"
    return None


@lru_cache(maxsize=16384)
def host_warning(url: str) -> str | None:
    """Why the host of `url` may not be the one it looks like (percent-encoded, IDN, punycode), or None."""
    try:
        written = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = browser_host(url) or ""
    if written != host:
        return f"the host '{written}' is not written plainly; browsers read it as '{host}'"
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        return f"the host '{host}' is internationalized"
    return None


@lru_cache(maxsize=16384)
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
    if "8<" not in text and not _EMPHASIS_RUN.search(text):
        return found  # masking code only hides matches, so there is nothing to find in it either
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


# An inline link in its simplest form: a label of words and ordinary punctuation (no markup, no
# colon, so no emoji shortcode), and a target that is an in-site reference or an https URL with
# nothing the link syntax treats specially (no spaces, parentheses, brackets, quotes or angles).
_SIMPLE_LINK = re.compile(
    r"\[([^\[\]\\`*_<>&!{}|~@:#=+]*)\]"
    r"\(([a-z][a-z-]*:[a-z0-9][a-z0-9-]*(?:#[a-z0-9-]+)?|https://[^\s()<>\[\]\"'\\`&]+)\)"
)


def simple_analysis(text: str) -> Analysis | None:
    """What the parser would make of prose whose only markup is simple inline links, or None.

    Most content fields are exactly that, and parsing each with Python-Markdown costs a
    millisecond. The text qualifies only when it is plain (see `is_plain`) once each link is
    replaced by its label, so line starts, code, HTML, emphasis runs and every other construct
    still go to the parser; tests compare this with the parser on the whole corpus and on
    generated text.
    """
    links = list(_SIMPLE_LINK.finditer(text))
    if not links or not is_plain(_SIMPLE_LINK.sub(lambda m: m.group(1), text)):
        return None
    found: list[Link] = []
    findings: dict[tuple[str, str], Finding] = {}
    for match in links:
        target = match.group(2)
        link = Link(target, match.start(2), match.group(0), match.end(2))
        found.append(link)
        problem = check_link_target(target)
        if problem is None and (warning := host_warning(target)) is not None:
            problem = ("W401", f"the link's {warning.removeprefix('the ')}",
                       "check it is the host you mean; prefer its plain ASCII form")  # fmt: skip
        if problem is not None:
            findings.setdefault((problem[0], problem[1]), Finding(link.start, *problem))
    return Analysis(tuple(found), tuple(findings.values())) if found or findings else PLAIN


# -- the parser's view ---------------------------------------------------------------------------


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
        from explainer.markdown_trace import Trace

        self.extensions = tuple(extensions)
        self._md: Any = None
        self._trace = Trace()
        # Every field read so far (one analyser serves a whole run, or a preview's many runs).
        self.known: dict[str, Analysis] = {}

    @property
    def configuration(self) -> str:
        """The parser's set-up as text: analyses of the same text agree exactly when this does."""
        return repr(self.extensions)

    def prepare(self) -> None:
        """Import and set up the parser now (before forking workers, so each inherits it ready)."""
        self._markdown()

    def _markdown(self) -> Any:
        if self._md is None:  # imported on first use: plain text never needs it
            from explainer.markdown_trace import traced_markdown

            names, configs = _extension_objects(self.extensions)
            self._md = traced_markdown(names, configs, self._trace)
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

    def parse(self, text: str) -> Analysis:
        """The field's analysis, and raw HTML its code blocks would let out were its lines joined.

        Pages show some fields folded onto one line (in a table cell, a list item); there an
        indented or `~~~` code block is no longer code, and the HTML it showed is live.
        """
        found = self.known.get(text)
        if found is None:
            found = self.known[text] = self._parse_whole(text)
        return found

    def _parse_whole(self, text: str) -> Analysis:
        from explainer.markdown_positions import fold_lines

        analysis = self._parse(text)
        if not analysis.code_blocks or any(f.code == "E402" for f in analysis.findings):
            return analysis
        folded, origin = fold_lines(text)
        for finding in self._parse(folded).findings:
            if finding.code == "E402":
                return replace(
                    analysis, findings=(*analysis.findings, Finding(origin[finding.index], *FOLDED_HTML))
                )
        return analysis

    def _parse(self, text: str) -> Analysis:
        early = pre_parse_findings(text)
        if early or is_plain(text):
            # Most fields are plain: one shared analysis pickles as one object, not 20,000.
            return Analysis((), tuple(early)) if early else PLAIN
        simple = simple_analysis(text)
        return simple if simple is not None else self.parsed(text)

    def parsed(self, text: str) -> Analysis:
        """The analysis from Python-Markdown itself, with no shortcut (tests compare the shortcuts)."""
        from explainer.markdown_reading import read_tree, too_deep
        from explainer.markdown_trace import Captured

        md = self._markdown()
        md.reset()
        self._trace.clear()
        try:
            md.convert(text)
        except Captured:  # the tree is complete; lint has no use for the HTML
            pass
        except RecursionError:  # nesting deeper than the parser can follow
            self._md = None  # its state after an aborted parse is unknown: start afresh next time
            return Analysis((), (too_deep(text, None),))
        if self._trace.root is None:  # pragma: no cover - every conversion runs the tree processors
            return PLAIN
        return read_tree(text, self._trace, md.htmlStash.rawHtmlBlocks)


# -- rendering helpers -----------------------------------------------------------------------

# Python-Markdown honours backslash escapes only for these characters, so only
# they are escaped anywhere in a line; the rest matter only at its start.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START_SPECIAL = re.compile(r"^([#+=-]|\d+[.)])")
# A colon that could open an emoji or icon shortcode (':smile:', ':material-alert:'). It cannot be
# backslash-escaped, so it becomes a character reference, which the shortcode pattern cannot cross.
_SHORTCODE_COLON = re.compile(r":(?=[+\w-]+:)")


def escape_plain(text: str) -> str:
    """Plain text made inert for Markdown and HTML: it renders as exactly these characters.

    HTML-significant characters become entities (so no tag can form, whatever
    the Markdown parser does), Markdown punctuation is backslash-escaped so
    `C#`, `a|b`, `*nix` or `1984. A novel` keep their meaning as text, and the
    colon of anything shaped like an emoji shortcode becomes `&#58;`, so a
    site with the emoji extension still shows `:smile:` as those characters.
    """
    escaped = _INLINE_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    escaped = _SHORTCODE_COLON.sub("&#58;", escaped)
    match = _LINE_START_SPECIAL.match(escaped)
    if match:
        lead = match.group(1)
        escaped = (lead[:-1] + "\\" + lead[-1] if lead[0].isdigit() else "\\" + lead) + escaped[len(lead) :]
    return escaped


def written_target(written: str) -> str:
    """A link target as the parser reads it from how it is written: backslash escapes and entities undone.

    Every ASCII punctuation escape is undone (extensions add to the ones Python-Markdown honours): a
    backslash the parser kept would leave the target different anyway.
    """
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", written))


def rewrite_links(text: str, links: Sequence[Link], url_for: Callable[[CrossReference], str]) -> str:
    """Replace each cross-reference target in `text` with the URL `url_for` gives; other links stay.

    A target is replaced where the parser found it written, however it is
    written (`term:acid`, `<term:acid>`, `term\\:acid`), and only when what is
    written there reads as that target.
    """
    pieces: list[str] = []
    cursor = 0
    for link in sorted(links, key=lambda item: item.start):
        reference = parse_cross_reference(link.target)
        if reference is None or link.end < link.start or link.start < cursor:
            continue
        if written_target(text[link.start : link.end]) != link.target:
            continue
        pieces.append(text[cursor : link.start])
        pieces.append(url_for(reference))
        cursor = link.end
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


def _reference_as_browsers_read_it(reference: str) -> str:
    """The text a browser makes of `&…` (no ';'): unlike html.unescape, controls are kept (`&#1;`)."""
    if not reference.startswith("&#"):
        return html.unescape(reference + ";")
    digits = reference[2:]
    point = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    if point == 0 or 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
        return "\ufffd"
    if 0x80 <= point <= 0x9F:  # read as Windows-1252, except the five bytes it leaves undefined
        try:
            return bytes([point]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(point)
    return chr(point)


def unsafe_character_references(text: str) -> Iterator[tuple[int, str]]:
    """(index, reason) for each character reference outside code that decodes to an unsafe character.

    Python-Markdown passes `&#x202e;` through to the HTML, where the browser
    turns it into the very character E401 refuses when it is typed.
    """
    if "&" not in text:
        return
    masked = mask_code(text)
    for match in _CHARACTER_REFERENCE.finditer(masked):
        for char in _reference_as_browsers_read_it(match.group().rstrip(";")):
            reason = unsafe_character(char)
            if reason:
                yield match.start(), f"{reason}, written as '{match.group()}'"
                break


_INLINE_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(text: str) -> str:
    """Content Markdown as plain text (links keep their labels), for metadata such as JSON-LD."""
    plain = _INLINE_LINK.sub(r"\1", text)
    plain = _EMPHASIS.sub(r"\2", plain)
    plain = re.sub(r"^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+", "", plain, flags=re.MULTILINE)
    return " ".join(plain.split())


_NOT_WORD = re.compile(r"[\W_]+")
_ASCII_NOT_WORD = {code: " " for code in range(128) if not chr(code).isalnum()}
# As the search scripts read an apostrophe (search-words.js): "'s" goes, and one inside a word joins it.
_APOSTROPHE_S = re.compile(r"(?<=[^\W\d_])['\u2019]s(?![^\W_])")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['\u2019](?=[^\W\d_])")


def normalise_words(text: str) -> str:
    """Lowercase, accents and punctuation removed: the form search and duplicate checks compare.

    The same as `normalise` in the search scripts, so a name the build merges into a synonym group
    is the name the browser matches ("What's" is "what", "doesn't" is "doesnt").
    """
    letters = text.casefold()
    if not letters.isascii():  # accents off first, as the scripts do
        decomposed = unicodedata.normalize("NFKD", letters)
        letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    if "'" in letters or "\u2019" in letters:
        letters = _APOSTROPHE.sub("", _APOSTROPHE_S.sub("", letters))
    if letters.isascii():  # a table is faster than the pattern
        return " ".join(letters.translate(_ASCII_NOT_WORD).split())
    return " ".join(_NOT_WORD.sub(" ", letters).split())


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
