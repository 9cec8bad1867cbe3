"""`Page`: one rendered Markdown page, with the facts the site needs about it (title, source, order)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from explainer.content import Content
from explainer.kinds import kind_of
from explainer.model import Entity
from explainer.render.structured import article

# Site search's weight for pages that should not come before the page a reader is after: a page that
# lists other pages (a family's index, the FAQ's index and topic pages) repeats their titles and
# summaries; the field reference is for contributors, and its words ("question", "answer", "also asked")
# are the words readers type. Hand-written contributor pages (docs/contributing/) say the same in their
# front matter.
SECONDARY_FAMILIES = frozenset({"index", "faq-index", "faq-topic", "reference"})
SECONDARY_SEARCH_BOOST = 0.5


@dataclass(frozen=True)
class Page:
    """A page of the site as Markdown, plus what the navigation, edit link and metadata need."""

    path: str
    title: str
    # The Markdown body, or a function that renders it: the preview renders a page only when it is opened.
    body: str | Callable[[], str] = field(compare=False)
    family: str
    description: str | None = None
    source: str | None = None
    reviewed: date | None = None
    search_boost: float | None = None
    search_exclude: bool = False
    sequence: str | None = None
    hide: tuple[str, ...] = field(default=())
    # schema.org data for the page head; None means an Article built from title and dates.
    structured: dict[str, Any] | None = field(default=None, compare=False)

    @cached_property
    def text(self) -> str:
        """The Markdown body, rendered now if it was deferred."""
        return self.body() if callable(self.body) else self.body

    def schema_org(self) -> dict[str, Any]:
        """The page's schema.org data: what its renderer gave, or an Article from title and dates."""
        return self.structured or article(self.title, self.description, self.reviewed)

    @property
    def markdown(self) -> str:
        """Front matter plus body. Text is HTML-escaped in front matter because themes print it raw."""
        lines = [f"title: {_quoted(self.title)}"]
        if self.description:
            lines.append(f"description: {_quoted(self.description)}")
        lines.append(f"family: {self.family}")
        if self.reviewed:
            lines.append(f"reviewed: {json.dumps(self.reviewed.isoformat())}")
        boost = self.search_boost or (SECONDARY_SEARCH_BOOST if self.family in SECONDARY_FAMILIES else None)
        if boost:
            lines.append(f"search:\n  boost: {boost}")
        if self.search_exclude:
            lines.append("search:\n  exclude: true")
        if self.hide:
            lines.append("hide:\n" + "".join(f"  - {item}\n" for item in self.hide).rstrip())
        return "---\n" + "\n".join(lines) + "\n---\n\n" + self.text + self._reviewed_line()

    def _reviewed_line(self) -> str:
        """'Last reviewed' closes every page that has a review date, after whatever the body says."""
        if self.reviewed is None:
            return ""
        when = self.reviewed.isoformat()
        return f'\n<p class="ex-reviewed">Last reviewed <time datetime="{when}">{when}</time></p>\n'


def _quoted(text: str) -> str:
    return json.dumps(html.escape(text, quote=True), ensure_ascii=False)


def entity_page(
    content: Content, entity: Entity, *, title: str, body: str | Callable[[], str], family: str, **more: Any
) -> Page:
    """The page of one entity: its path, its YAML file for the edit button, its review date."""
    document = content.document(entity)
    return Page(
        path=kind_of(entity).path(entity.id),
        title=title,
        body=body,
        family=family,
        source=document.path if document else None,
        reviewed=getattr(entity, "reviewed", None),
        **more,
    )
