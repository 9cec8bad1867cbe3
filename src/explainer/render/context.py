"""What every renderer needs besides one entity: the corpus, the settings, the parser, what is built."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from explainer.content import Content
from explainer.families import built_families
from explainer.kinds import KIND_BY_NAME
from explainer.markdown import ANALYSERS, Analyser
from explainer.model import Definition, Faq, Source, Technology
from explainer.render import expansions
from explainer.render.links import pair_path
from explainer.render.paging import Chunk, alphabetical, initial, letter_slug, split
from explainer.settings import DEFAULT_SETTINGS, Settings


def _term(definition: Definition) -> str:
    return definition.term


def _first_author(source: Source) -> str:
    return source.authors[0]


def _constant(group: str) -> Callable[[Faq], str]:
    return lambda _: group


@dataclass(frozen=True, eq=False)
class RenderContext:
    content: Content
    settings: Settings = DEFAULT_SETTINGS
    analyser: Analyser = field(default_factory=lambda: ANALYSERS.get(()))
    # Folders searched for templates before the package's own (a site's overrides/explainer/).
    template_dirs: tuple[str, ...] = ()
    # How the engine turns page paths into addresses (MkDocs' use_directory_urls), for data files.
    directory_urls: bool = True

    @cached_property
    def families(self) -> frozenset[str]:
        return built_families(self.content, self.settings)

    def builds(self, family: str) -> bool:
        return family in self.families

    @cached_property
    def search_groups(self) -> list[list[str]]:
        """What site search and the FAQ filter expand a query with (see explainer.render.expansions):
        the FAQ page or its data file, and the search index, all read this one list."""
        return expansions.search_groups(self)

    # -- where entities are shown, when long lists are split into pages -------------------------

    @cached_property
    def glossary_pages(self) -> list[Chunk[Definition]]:
        """The glossary's letter pages; empty while the glossary fits on one page."""
        paging = self.settings.paging
        if len(self.content.definitions) <= paging.glossary_on_one_page_up_to:
            return []
        ordered = sorted(self.content.definitions.values(), key=alphabetical(_term))
        return split(ordered, lambda d: initial(_term(d)), letter_slug, "glossary", paging.terms_per_page)

    @cached_property
    def source_pages(self) -> list[Chunk[Source]]:
        """The bibliography's letter pages (first author); empty while it fits on one page."""
        paging = self.settings.paging
        if len(self.content.sources) <= paging.sources_on_one_page_up_to:
            return []
        ordered = sorted(self.content.sources.values(), key=alphabetical(_first_author))
        return split(
            ordered, lambda s: initial(_first_author(s)), letter_slug, "sources", paging.sources_per_page
        )

    @cached_property
    def topic_pages(self) -> list[Chunk[Faq]]:
        """Each topic's pages of questions; empty while every answer fits on the FAQ page."""
        paging = self.settings.paging
        if len(self.content.faqs) <= paging.faq_on_one_page_up_to:
            return []
        chunks: list[Chunk[Faq]] = []
        for topic_id in self.content.topics:
            questions = self.content.faqs_in_topic(topic_id)
            chunks += split(questions, _constant(topic_id), str, "faq/topics", paging.questions_per_page)
        return chunks

    @cached_property
    def _placed(self) -> dict[tuple[str, str], str]:
        """(kind, id) → page path for entities that a split list moved off their kind's page."""
        placed: dict[tuple[str, str], str] = {}
        for term_page in self.glossary_pages:
            placed.update({("definition", d.id): f"{term_page.path}#{d.id}" for d in term_page.items})
        for source_page in self.source_pages:
            placed.update({("source", s.id): f"{source_page.path}#{s.id}" for s in source_page.items})
        for topic_page in self.topic_pages:
            placed.setdefault(("topic", topic_page.group), topic_page.path)
        return placed

    def path_of(self, kind: str, entity_id: str) -> str:
        """Where this site shows an entity: its kind's page, or the page of a split list that holds it."""
        return self._placed.get((kind, entity_id)) or KIND_BY_NAME[kind].path(entity_id)

    def url_of(self, path: str) -> str:
        """The address a page path gets, relative to the site root, as the engine writes it."""
        return page_url(path, directory_urls=self.directory_urls)

    def relative_url(self, from_path: str, to_path: str) -> str:
        """An address as a browser resolves it from another: paths are pages (`.md`) or files."""

        def address(path: str) -> str:
            return self.url_of(path) if path.partition("#")[0].endswith(".md") else path

        here, there = address(from_path), address(to_path)
        there_path, hash_, fragment = there.partition("#")
        folder = here.rpartition("/")[0] or "."
        link = posixpath.relpath(there_path or ".", folder)
        if there_path.endswith("/") or not there_path:
            link = "./" if link == "." else link + "/"
        return link + (f"#{fragment}" if hash_ else "")

    def shows(self, kind: str) -> bool:
        """Whether entities of `kind` have a page (or a place on one) in this site."""
        return KIND_BY_NAME[kind].family in self.families

    # -- pairs ---------------------------------------------------------------------------------

    @cached_property
    def pairs(self) -> list[tuple[Technology, Technology]]:
        """The pairs of rated technologies that get a page of their own, each in display order.

        Pairs grow as n²: a site chooses all, none, a list, or all while there
        are few enough technologies (mkdocs.yml: plugins.explainer.pairs). The
        matrix's two-column view compares any pair without a page.
        """
        if not self.builds("compare"):
            return []
        policy = self.settings.pairs
        rated = self.content.rated_technologies()
        everything = list(combinations(rated, 2))
        if policy.pages == "all" or (policy.pages == "up-to" and len(rated) <= policy.max_technologies):
            return everything
        if policy.pages == "listed":
            # Listed pairs may include an umbrella and one of its members: the range against the member.
            wanted = set()
            for pair in policy.listed:
                first, _, second = pair.partition("-vs-")
                wanted |= {(first, second), (second, first)}
            every = combinations(self.content.technologies.values(), 2)
            return [(a, b) for a, b in every if (a.id, b.id) in wanted]
        return []

    @cached_property
    def pair_pages(self) -> dict[tuple[str, str], str]:
        """(id, id) in either order → the path of their pair page."""
        found: dict[tuple[str, str], str] = {}
        for first, second in self.pairs:
            found[(first.id, second.id)] = found[(second.id, first.id)] = pair_path(first, second)
        return found

    def pair_page(self, first: str, second: str) -> str | None:
        return self.pair_pages.get((first, second))

    def pairs_with(self, technology: Technology) -> list[tuple[Technology, str]]:
        """The other technologies that `technology` has a pair page with, and its path."""
        return [
            (second if first.id == technology.id else first, pair_path(first, second))
            for first, second in self.pairs
            if technology.id in (first.id, second.id)
        ]


def page_url(path: str, *, directory_urls: bool = True) -> str:
    """The address a page path (`faq/index.md#x`) gets, relative to the site root, as MkDocs writes it."""
    page, _, fragment = path.partition("#")
    stem = page.removesuffix(".md")
    if not directory_urls:
        url = stem + ".html"
    elif stem == "index" or stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = stem + "/"
    return url + (f"#{fragment}" if fragment else "")
