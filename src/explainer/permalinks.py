"""Section permalinks named by `aria-label` instead of `title`.

With `content.tooltips` on, Material mounts a tooltip component for every element
in the content that has a `title` when a page loads. A permalink on every heading
makes that costly where headings are many: on the glossary (80 of them) it was
about 180 ms of Lighthouse's total blocking time. An `aria-label` names the link
for screen readers just as well, and Material mounts nothing for it. The label is
whatever `toc.permalink_title` says in mkdocs.yml.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

PRIORITY = 4  # after toc (5), which adds the permalinks


class PermalinkLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            title = link.get("title")
            if title and "headerlink" in (link.get("class") or "").split():
                del link.attrib["title"]
                link.set("aria-label", title)


class AccessiblePermalinks(Extension):
    """Registered by the explainer plugin for every page, generated or hand-written."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PermalinkLabels(md), "explainer_permalink_labels", PRIORITY)
