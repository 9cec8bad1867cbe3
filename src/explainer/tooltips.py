"""Glossary tooltips: the first mention of each glossary term on a page links to its entry, with its meaning.

A Python-Markdown tree processor, so it sees the page as elements and can
leave headings, links, code and summaries alone. Each term is marked once per
page (any of its names counts), as a link whose `title` Material shows as a
tooltip and whose target is the term's anchor in the glossary (on its letter
page, once the glossary has one per letter). Links are written as relative
`.md` paths, so MkDocs resolves and validates them.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from explainer.content import Content
from explainer.render.links import entity_path, relative

SKIPPED_TAGS = frozenset(
    {"a", "abbr", "code", "pre", "kbd", "script", "style", "summary", "svg", "title",
     "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "option", "select", "textarea"}
)  # fmt: skip
SKIPPED_CLASSES = frozenset({"ex-value", "ex-cite", "headerlink", "ex-no-tooltips"})
PRIORITY = 6  # after inline processing (20) and toc's id work, before MkDocs' relative links (0)
# Each tooltip carries its meaning in the page; past this many, a page that mentions hundreds of terms
# (a large matrix) would grow with the glossary. The glossary itself has them all.
TOOLTIPS_PER_PAGE = 60


@dataclass(frozen=True)
class GlossaryName:
    """One way a term is written, and whether case must match (abbreviations: `AI` is not `ai`)."""

    text: str
    definition_id: str
    short: str
    case_sensitive: bool


def glossary_names(content: Content) -> list[GlossaryName]:
    """Every name of every term, longest first, so 'relational database' wins over 'database'."""
    names = [
        GlossaryName(
            name,
            definition.id,
            definition.short,
            name == definition.abbreviation or _looks_like_abbreviation(name),
        )
        for definition in content.definitions.values()
        for name in definition.names
    ]
    return sorted(names, key=lambda n: (-len(n.text), n.text))


def _looks_like_abbreviation(text: str) -> bool:
    return sum(c.isupper() for c in text) >= 2 and " " not in text


class Matcher:
    """Finds the earliest glossary name in a text whose term has not been marked yet on this page."""

    def __init__(self, names: list[GlossaryName]) -> None:
        self.by_key = {self._key(n.text, n.case_sensitive): n for n in reversed(names)}
        alternatives = "|".join(re.escape(n.text) for n in names)
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE) if names else None

    @staticmethod
    def _key(text: str, case_sensitive: bool) -> str:
        return text if case_sensitive else text.casefold()

    def find(self, text: str, marked: set[str]) -> Iterator[tuple[re.Match[str], GlossaryName]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            found = match.group(0)
            name = self.by_key.get(found) or self.by_key.get(found.casefold())
            if name is None or (name.case_sensitive and found != name.text):
                continue
            if name.definition_id not in marked:
                yield match, name


PathOf = Callable[[str, str], str]  # (kind, id) → the page path (with #fragment) that shows it


class TooltipTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryTooltips) -> None:
        super().__init__(md)
        self.matcher = extension.matcher
        self.current_page = extension.current_page
        self.targets = extension.targets
        self.glossary_pages = extension.glossary_pages
        self.path_of = extension.path_of

    def run(self, root: etree.Element) -> None:
        page = self.current_page()
        if page is None or page in self.glossary_pages:  # the glossary itself needs no tooltips
            return
        self.page = page
        self.left = TOOLTIPS_PER_PAGE
        # Terms the text already links to explicitly need no tooltip as well.
        self.marked = {
            definition_id
            for link in root.iter("a")
            if (definition_id := self._linked_term(link.get("href") or "")) is not None
        }
        self._walk(root)

    def _linked_term(self, href: str) -> str | None:
        """The term a link on this page goes to, if it goes to a glossary entry."""
        path, _, fragment = href.partition("#")
        if not path or not fragment or "://" in path:
            return None
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
        return fragment if self.targets.get(fragment) == resolved else None

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIPPED_TAGS or SKIPPED_CLASSES & set((element.get("class") or "").split()):
            return
        if element.text:
            element.text = self._mark(element.text, element, 0)
        for child in list(element):
            self._walk(child)
            if child.tail:
                index = list(element).index(child) + 1
                child.tail = self._mark(child.tail, element, index)

    def _mark(self, text: str, parent: etree.Element, insert_at: int) -> str:
        """Turn each first mention in `text` into a link; returns what stays as plain text before them."""
        if "\x02" in text or self.left <= 0:  # placeholders for stashed HTML stay whole
            return text
        leading, remaining, previous = text, text, None
        while self.left > 0 and (found := next(self.matcher.find(remaining, self.marked), None)) is not None:
            match, name = found
            self.marked.add(name.definition_id)
            self.left -= 1
            link = etree.Element("a")
            link.set("href", relative(self.page, self.path_of("definition", name.definition_id)))
            link.set("class", "ex-term")
            # Python-Markdown's serialiser leaves an `&` that starts a character reference as it is,
            # so a plain-text meaning holding `&lt;` would show `<`: escape every `&` here.
            link.set("title", name.short.replace("&", "&amp;"))
            link.text = match.group(0)
            if previous is None:
                leading = remaining[: match.start()]
            else:
                previous.tail = remaining[: match.start()]
            parent.insert(insert_at, link)
            insert_at += 1
            previous, remaining = link, remaining[match.end() :]
        if previous is not None:
            previous.tail = remaining or None
        return leading


class GlossaryTooltips(Extension):
    """Registered by the explainer plugin with the glossary of the content being built."""

    def __init__(
        self, content: Content, current_page: Callable[[], str | None], path_of: PathOf = entity_path
    ) -> None:
        super().__init__()
        self.matcher = Matcher(glossary_names(content))
        self.current_page = current_page
        self.path_of = path_of
        # term id → the page (no fragment) its entry is on
        self.targets = {d: path_of("definition", d).partition("#")[0] for d in content.definitions}
        self.glossary_pages = frozenset(self.targets.values())

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TooltipTreeprocessor(md, self), "explainer_tooltips", PRIORITY)
