"""Python-Markdown, configured like the site, that records what each of its processors made from what.

Lint must judge a field by what the renderer makes of it, not by a scanner of
our own: so the parser's processors are wrapped, and each one's work is noted
as it happens — the element it made and the text it made it from, the raw
HTML it put aside (and which processor did: a fenced code block is HTML an
extension made, `<img onerror=…>` is HTML the author wrote), the attributes an
attribute list set, the reference and abbreviation definitions it swallowed.
Nothing is inferred by comparing the output with the source, which breaks as
soon as the parser normalises whitespace.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# The attribute that ties an element to what made it; taken off again when the tree is read.
MARK = "data-explainer-made"


@dataclass(frozen=True)
class Made:
    """What one processor matched: its registered name, the text as it saw it, and offsets into that text."""

    processor: str
    written: str
    marks: dict[str, int] = field(default_factory=dict)
    before: str = ""  # a regex for text the processor consumed just before `written`
    reference: str | None = None  # a reference-style link's id
    # A link's target and title as the processor made them (an attribute list may change them later).
    target: str | None = None
    title: str | None = None


@dataclass
class Trace:
    """What the processors of one conversion did, in the order they did it."""

    made: list[Made] = field(default_factory=list)
    # Stash entries of HTML the author wrote (block and inline), and of HTML code fences made.
    raw_blocks: list[str | etree.Element] = field(default_factory=list)
    raw_inline: list[Made] = field(default_factory=list)
    fences: list[str] = field(default_factory=list)
    attribute_lists: list[tuple[etree.Element, Made]] = field(default_factory=list)
    definitions: dict[str, Made] = field(default_factory=dict)  # link reference id -> its definition
    abbreviations: list[Made] = field(default_factory=list)
    root: etree.Element | None = None

    def clear(self) -> None:
        for name, value in vars(Trace()).items():
            setattr(self, name, value)

    def mark(self, element: etree.Element, made: Made) -> None:
        if MARK not in element.attrib:
            element.set(MARK, str(len(self.made)))
            self.made.append(made)

    def made_of(self, element: etree.Element) -> Made | None:
        serial = element.attrib.pop(MARK, None)
        return self.made[int(serial)] if serial is not None else None


class Captured(Exception):
    """Raised once the tree is complete: lint needs the tree, not the HTML serialised from it."""


def traced_markdown(extensions: Sequence[Any], configs: dict[str, Any], trace: Trace) -> Any:
    """A Python-Markdown instance with these extensions whose every step is noted in `trace`."""
    import markdown
    from markdown.treeprocessors import Treeprocessor

    class Take(Treeprocessor):
        def run(self, root: etree.Element) -> None:
            trace.root = root
            raise Captured

    md: Any = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
    md.treeprocessors.register(Take(md), "explainer_capture", -1000)
    for name in [item.name for item in md.preprocessors._priority]:
        _trace_preprocessor(md, name, trace)
    for name in [item.name for item in md.parser.blockprocessors._priority]:
        _trace_block_processor(md.parser.blockprocessors[name], name, trace)
    for name in [item.name for item in md.inlinePatterns._priority]:
        _trace_inline_processor(md.inlinePatterns[name], name, trace)
    if "attr_list" in md.treeprocessors:
        _trace_attribute_lists(md.treeprocessors["attr_list"], trace)
    return md


def _trace_preprocessor(md: Any, name: str, trace: Trace) -> None:
    """Note what a preprocessor stashes: raw HTML for `html_block`, fenced code for the fence extensions."""
    processor = md.preprocessors[name]
    run = processor.run
    if name == "normalize_whitespace":
        return

    def traced(lines: list[str]) -> list[str]:
        before = len(md.htmlStash.rawHtmlBlocks)
        result: list[str] = run(lines)
        added = md.htmlStash.rawHtmlBlocks[before:]
        (trace.raw_blocks if name == "html_block" else trace.fences).extend(added)
        return result

    processor.run = traced


def _trace_block_processor(processor: Any, name: str, trace: Trace) -> None:
    """Mark each element a block processor adds with the block it read; note definitions it swallows."""
    run = processor.run

    def traced(parent: etree.Element, blocks: list[str]) -> Any:
        block = blocks[0] if blocks else ""
        count = len(parent)
        result = run(parent, blocks)
        if result is False:
            return result
        if name == "reference":
            _note_references(processor, block, trace)
        elif name == "abbr":
            match = processor.RE.search(block)
            if match:
                trace.abbreviations.append(Made(name, block[match.start() : match.end()]))
        added = list(parent)[count:]
        if name == "hashheader" and added:
            match = processor.RE.search(block)
            line = block[match.start("level") : match.end()].rstrip("\n") if match else block
            trace.mark(added[-1], Made(name, line))
        for child in added:
            trace.mark(child, Made(name, block.lstrip("\n").split("\n")[0]))
        return result

    processor.run = traced


def _note_references(processor: Any, block: str, trace: Trace) -> None:
    for match in processor.RE.finditer(block):
        written = block[match.start() : match.end()]
        marks = {
            "label": written.index("["),
            "target": match.start(2) - match.start(),
            **({"title": match.start(3) - match.start()} if match.group(3) else {}),
        }
        trace.definitions[match.group(1).strip().lower()] = Made("reference", written, marks)


_TARGET = re.compile(r"\S*")


def _link_marks(processor: Any, match: re.Match[str], data: str, start: int, end: int) -> dict[str, int]:
    """Offsets (in the matched text) of an inline link's target, the target's end and its title."""
    _, index, handled = processor.getText(data, match.end(0))
    opening = processor.RE_LINK.match(data, pos=index) if handled else None
    if opening is None or not opening.group(0).startswith("("):
        return {}
    if opening.group(1):  # [x](<target> "title")
        inner = opening.group(1)[1:-1]
        target = opening.start(1) + 1 + len(inner) - len(inner.lstrip())
        target_end = target + len(inner.strip())
    else:
        target = opening.end()
        written = _TARGET.match(data, target, max(target, end - 1))
        target_end = target + len(written.group()) if written else target
    marks = {"target": target - start, "target_end": target_end - start}
    title = re.compile(r"\s*[\"'(]").match(data, target_end, end)
    if title:
        marks["title"] = title.end() - 1 - start
    return marks


def _trace_inline_processor(processor: Any, name: str, trace: Trace) -> None:
    """Mark each element an inline processor makes with the text it matched (and a link's offsets)."""
    from markdown.inlinepatterns import (
        AutolinkInlineProcessor,
        AutomailInlineProcessor,
        InlineProcessor,
        LinkInlineProcessor,
        ReferenceInlineProcessor,
    )

    if not isinstance(processor, InlineProcessor):
        return  # a legacy pattern: it cannot say where its match starts
    patched: Any = processor
    handle = patched.handleMatch

    def traced(match: re.Match[str], data: str) -> Any:
        result = handle(match, data)
        element, start, end = result
        if start is None or end is None:
            return result
        written = data[start:end]
        if name == "html" and isinstance(element, str):
            trace.raw_inline.append(Made(name, written))
        elif isinstance(element, etree.Element):
            reference = None
            marks: dict[str, int] = {}
            if isinstance(processor, ReferenceInlineProcessor):
                text, index, _ = processor.getText(data, match.end(0))
                identifier, _, _ = processor.evalId(data, index, text)
                reference = re.sub(r"\s+", " ", identifier or "")
            elif isinstance(processor, LinkInlineProcessor):
                marks = _link_marks(processor, match, data, start, end)
            elif isinstance(processor, (AutolinkInlineProcessor, AutomailInlineProcessor)):
                marks = {"target": 1, "target_end": len(written) - 1}
            target = element.get("href", element.get("src"))
            made = Made(name, written, marks, reference=reference, target=target, title=element.get("title"))
            trace.mark(element, made)
        return result

    patched.handleMatch = traced


def _trace_attribute_lists(processor: Any, trace: Trace) -> None:
    """Note every element an attribute list changes, and the list as written."""
    assign = processor.assign_attrs

    def traced(element: etree.Element, attributes: str, *args: Any, **kwargs: Any) -> Any:
        before = {k: v for k, v in element.attrib.items() if k != MARK}
        result = assign(element, attributes, *args, **kwargs)
        if {k: v for k, v in element.attrib.items() if k != MARK} != before:
            trace.attribute_lists.append((element, Made("attr_list", attributes, before=r"\{:?[ ]*")))
        return result

    processor.assign_attrs = traced
