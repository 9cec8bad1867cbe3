"""Lint's reading of one field's Markdown: the tree Python-Markdown built and the trace of how it built it.

Every finding is decided from what the parser made — the stash entries its
raw-HTML processors filled, the elements and which processor made each, the
attributes an attribute list set — and placed where the text it was made
from is written (`SourceMap`). One finding per kind of problem per field:
the first in the text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from explainer.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EMOJI_MESSAGE,
    HEADING_TAGS,
    MAX_NESTING,
    Analysis,
    Finding,
    Link,
    check_link_target,
    host_warning,
    mask_code,
    parse_cross_reference,
    written_target,
)
from explainer.markdown_positions import SourceMap
from explainer.markdown_trace import Made, Trace

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
    "svg": EMOJI_MESSAGE,
    "sup": ("footnotes are not allowed", "cite a source in the 'sources' list instead"),
}
_RAW_HTML = (
    "raw HTML is not allowed in content",
    "write Markdown instead; to show a literal '<' before a letter, put it in `code`",
)
_ATTRIBUTE_LIST = (
    "attribute lists ('{ … }') are not allowed",
    "remove the braces; ids, classes and styling come from the site, not from entries",
)
_SETEXT = (
    "a line of '=' or '-' under text makes it a heading",
    "write headings as '## Title'; for a rule, put a blank line before the dashes",
)
_LOOKS_LIKE_A_LIST = (
    "this looks like a list but renders as one paragraph",
    "leave a blank line before the list, and number items '1.' rather than '1)'",
)
_CONTAINERS = frozenset({"ul", "ol", "blockquote", "div", "details", "table"})
_TABLE_ALIGN = re.compile(r"^text-align: (?:left|right|center);?$")
_LIST_LINE = re.compile(r"\n[ \t]*(?:[-*+]|\d+\.)[ \t]+\S")
_PAREN_LIST = re.compile(r"(?:^|\n)[ \t]*\d+\)[ \t]+\S")
# Placeholders left in attribute values until the HTML is serialised: stashed HTML (an entity, say),
# a backslash escape, and '&'.
_STASHED = re.compile(r"\x02wzxhzdk:(\d+)\x03")
_ESCAPED = re.compile(r"\x02(\d+)\x03")
_AMP_SUBSTITUTE = "\x02amp\x03"
# The opening line of a code fence that carries attributes (`{ … }`, or `key=value` options).
_FENCE_WITH_ATTRIBUTES = re.compile(r"^[ >]*(?:(?:[-*+]|\d+[.)]) +)*(?:`{3,}|~{3,})[^\n]*[{=]", re.MULTILINE)
_FENCE_CLASS = re.compile(r"^(?:highlight|highlighttable|language-[\w+#.-]+)$")


def read_tree(text: str, trace: Trace, stash: Sequence[object]) -> Analysis:
    """What lint reports about `text`, from the tree and trace of its conversion."""
    return _Reading(text, trace, stash).read()


def too_deep(text: str, index: int | None) -> Finding:
    """The finding for nesting past MAX_NESTING, at `index` or where the text first nests that deep."""
    if index is None:
        index = _deep_marker(text)
    return Finding(
        index,
        "E405",
        f"lists, quotes or blocks nested more than {MAX_NESTING} deep",
        "flatten the structure: a few levels of list are all a reader can follow",
    )


def _deep_marker(text: str) -> int:
    """Where a line first nests deeper than allowed (0 if none does), read as Python-Markdown would.

    A line's depth is one level per four columns of indentation and one per list or quote
    marker that starts it.
    """
    marker = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t>]|$)")
    text = mask_code(text)  # same length: indexes hold
    for line in re.finditer(r"^([ \t]*).*$", text, re.MULTILINE):
        position, depth = line.start(), len(line.group(1).expandtabs(4)) // 4
        while (match := marker.match(text, position, line.end())) is not None:
            depth += 1
            if depth > MAX_NESTING:
                return match.start() + len(match.group()) - len(match.group().lstrip(" \t"))
            position = match.end()
    return 0


@dataclass
class _Reading:
    text: str
    trace: Trace
    stash: Sequence[object]
    source: SourceMap = field(init=False)
    findings: list[Finding] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    _located: dict[int, dict[str, int]] = field(default_factory=dict)
    _unplaced: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.source = SourceMap(self.text, mask_code)

    # -- positions ---------------------------------------------------------------------------

    def where(self, made: Made | None, mark: str = "start") -> int | None:
        """Where `mark` of what `made` matched is written in the field (None if it cannot be found)."""
        if made is None:
            return None
        key = id(made)
        if key not in self._located:
            self._located[key] = self.source.locate(made.written, made.marks, before=made.before)
        return self._located[key].get(mark)

    def report(self, index: int | None, code: str, message: str, hint: str) -> None:
        """One finding per code and message: the first in the text (the parser reports in any order).

        A finding whose place is unknown (None) goes at the field's start, unless the same
        finding is also known somewhere.
        """
        finding = Finding(index if index is not None else 0, code, message, hint)
        for number, earlier in enumerate(self.findings):
            if (earlier.code, earlier.message) == (code, message):
                unplaced = number in self._unplaced
                if index is not None and (unplaced or finding.index < earlier.index):
                    self.findings[number] = finding
                    self._unplaced.discard(number)
                return
        if index is None:
            self._unplaced.add(len(self.findings))
        self.findings.append(finding)

    # -- the reading --------------------------------------------------------------------------

    def read(self) -> Analysis:
        quiet = self._raw_html()
        self._definitions()
        changed = self._attribute_lists()
        self._fences()
        assert self.trace.root is not None
        self._elements(self.trace.root, quiet, changed)
        code_blocks = bool(self.trace.fences) or any(e.tag == "pre" for e in self.trace.root.iter())
        return Analysis(tuple(self.links), tuple(sorted(self.findings, key=lambda f: f.index)),
                        tuple(sorted(self.headings)), code_blocks)  # fmt: skip

    def _raw_html(self) -> set[int]:
        """E402 for HTML the author wrote; the elements made from it, which the rest of lint leaves alone."""
        quiet: set[int] = set()
        for entry in self.trace.raw_blocks:
            if isinstance(entry, etree.Element):  # md_in_html: `<div markdown="1">` parsed as Markdown
                quiet.update(id(element) for element in entry.iter())
                made = Made("html_block", f"<{entry.tag}")
            else:
                first = next((line.strip() for line in str(entry).split("\n") if line.strip()), "")
                made = Made("html_block", first)
            self.report(self.where(made), "E402", *_RAW_HTML)
        for made in self.trace.raw_inline:
            self.report(self.where(made), "E402", *_RAW_HTML)
        return quiet

    def _definitions(self) -> None:
        """Link reference and abbreviation definitions: page-global, so never allowed in an entry."""
        for made in self.trace.definitions.values():
            self.report(self.where(made, "label"), "E404",
                        "link reference definitions are not allowed (they affect the whole page)",
                        "write the link inline: [text](https://…)")  # fmt: skip
        for made in self.trace.abbreviations:
            self.report(self.where(made), "E404", *_TAG_MESSAGES["abbr"])

    def _attribute_lists(self) -> dict[int, int | None]:
        """E404 at every attribute list that set anything; the elements it changed, and where it is."""
        changed: dict[int, int | None] = {}
        for element, made in self.trace.attribute_lists:
            changed[id(element)] = self.where(made)
            self.report(changed[id(element)], "E404", *_ATTRIBUTE_LIST)
        return changed

    def _fences(self) -> None:
        """Code fences may name a language; attributes on them (`{ #id .class key=value }`) are refused."""
        for entry in self.trace.fences:
            if isinstance(entry, str) and _fence_attributes(entry):
                self.report(self.source.find(_FENCE_WITH_ATTRIBUTES), "E404",
                            "attributes on code blocks are not allowed",
                            "name the language only: ```python")  # fmt: skip

    def _elements(self, root: etree.Element, quiet: set[int], changed: dict[int, int | None]) -> None:
        """Walk the tree in document order, knowing each element's depth and whether it was refused."""
        stack: list[tuple[etree.Element, int, bool]] = [(child, 0, False) for child in reversed(root)]
        too_deep_seen = False
        while stack:
            element, depth, hushed = stack.pop()
            made = self.trace.made_of(element)
            tag = str(element.tag)
            depth += tag in _CONTAINERS
            hushed = hushed or id(element) in quiet
            if tag == "a":
                self._link(element, made, changed.get(id(element)))
            if depth > MAX_NESTING and not too_deep_seen:
                too_deep_seen = True
                # Markers on one line are counted exactly; other nesting is placed by its element.
                self.findings.append(too_deep(self.text, _deep_marker(self.text) or self.where(made)))
            if not hushed:
                hushed = self._element(element, tag, made, id(element) in changed)
            stack.extend((child, depth, hushed) for child in reversed(element))

    def _element(self, element: etree.Element, tag: str, made: Made | None, changed: bool) -> bool:
        """Findings about one element; True when it is refused as a whole (its content is not judged)."""
        if tag in HEADING_TAGS:
            self._heading(tag, made)
        elif tag not in ALLOWED_TAGS:
            message, hint = (
                EMOJI_MESSAGE
                if made is not None and made.processor == "emoji"
                else _TAG_MESSAGES.get(tag, (f"'{tag}' elements are not allowed in content text",
                                             "write plain Markdown"))
            )  # fmt: skip
            self.report(self.where(made), "E404", message, hint)
            return True
        unexpected = [
            name
            for name, value in element.attrib.items()
            if name not in ALLOWED_ATTRIBUTES.get(tag, set())
            or (name == "style" and not _TABLE_ALIGN.match(value or ""))
        ]
        if unexpected and not changed:
            self.report(self.where(made), "E404",
                        f"the '{unexpected[0]}' attribute is not allowed on '{tag}' in content text",
                        "write plain Markdown")  # fmt: skip
        if tag == "p":
            paragraph = "".join(element.itertext())
            looks_like_list = _LIST_LINE.search(paragraph) or _PAREN_LIST.search(paragraph)
            if looks_like_list:
                written = looks_like_list.group().strip()
                index = self.text.find(written)
                self.report(index if index >= 0 else self.where(made), "W402", *_LOOKS_LIKE_A_LIST)
        return False

    def _heading(self, tag: str, made: Made | None) -> None:
        """ATX headings ('## Title') are noted (the field decides); setext and top-level ones refused."""
        index = self.where(made)
        if made is not None and made.processor == "setextheader":
            self.report(index, "E404", *_SETEXT)
            return
        self.headings.append(index or 0)
        if tag == "h1":
            self.report(index, "E404", "a '#' heading would compete with the page title",
                        "start with '##' (it is placed under the page's own headings)")  # fmt: skip

    # -- links --------------------------------------------------------------------------------

    def _link(self, element: etree.Element, made: Made | None, attribute_list: int | None) -> None:
        """The link as the parser made it: its target checked where it is written.

        An attribute list on it (refused on its own) may have set another title: that one is checked
        too, at the attribute list.
        """
        if made is None:  # made by no inline processor we know: judge what the tree holds
            made = Made(
                "unknown", "", target=element.get("href", element.get("src")), title=element.get("title")
            )
        target = _decoded(made.target or "", self.stash)
        definition = self.trace.definitions.get(made.reference) if made.reference is not None else None
        where = definition or made
        start = self.where(where, "target")
        end = self.where(where, "target_end") if definition is None else None
        if end is None and start is not None and definition is not None:
            end = start + len(_first_word(self.text, start))
        link = Link(target, start if start is not None else (self.where(made) or 0), made.written,
                    end if end is not None else -1)  # fmt: skip
        self.links.append(link)
        if definition is None:  # a definition is refused on its own (and never rewritten)
            self._check_xref_written(link)
        problem = check_link_target(target)
        if problem is not None:
            self.report(link.start, *problem)
        elif (warning := host_warning(target)) is not None:
            self.report(link.start, "W401", f"the link's {warning.removeprefix('the ')}",
                        "check it is the host you mean; prefer its plain ASCII form")  # fmt: skip
        # The title the reader's browser decodes: written in the link, or set later by an attribute list.
        for title, title_at in (
            (made.title, self.where(where, "title")),
            (element.get("title"), attribute_list),
        ):
            decoded = _decoded(title or "", self.stash)
            if re.search(r"[<>&]", decoded):
                index = title_at if title_at is not None else link.start
                self.report(index, "E406",
                            "the link's title holds markup characters (after decoding character references)",
                            "remove <, > and & from the title, or drop the title")  # fmt: skip
                break

    def _check_xref_written(self, link: Link) -> None:
        """A cross-reference the renderer could not rewrite would ship a dead link: refuse it here."""
        if parse_cross_reference(link.target) is None:
            return
        written = self.text[link.start : link.end] if link.end >= link.start else None
        if written is None or written_target(written) != link.target:
            self.report(link.start, "E404", "this cross-reference is written in a way the site cannot link",
                        "write it plainly, as [label](scheme:id)")  # fmt: skip


def _first_word(text: str, start: int) -> str:
    match = re.compile(r"<[^<>\s]*>|\S*").match(text, start)
    return match.group() if match else ""


def _decoded(value: str, stash: Sequence[object]) -> str:
    """An attribute value as the browser reads it: placeholders put back, character references decoded."""
    value = _STASHED.sub(lambda m: str(stash[int(m.group(1))]) if int(m.group(1)) < len(stash) else "", value)
    value = _ESCAPED.sub(lambda m: chr(int(m.group(1))), value.replace(_AMP_SUBSTITUTE, "&"))
    return html.unescape(value)


class _FenceTags(HTMLParser):
    """The attributes of a fenced code block's outer element and its `pre` and `code` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str | None]] = []
        self.first = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.first or tag in {"pre", "code"}:
            self.attributes.extend(attrs)
        self.first = False


def _fence_attributes(stashed: str) -> list[str]:
    """Attributes of a code block that only an attribute list in its fence can have set."""
    tags = _FenceTags()
    tags.feed(stashed)
    odd = []
    for name, value in tags.attributes:
        if name != "class":
            odd.append(name)
        elif any(not _FENCE_CLASS.match(css_class) for css_class in (value or "").split()):
            odd.append(f"class={value}")
    return odd
