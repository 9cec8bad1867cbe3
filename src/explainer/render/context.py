"""What every renderer needs besides one entity: the corpus, the settings, the parser, what is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from explainer.content import Content
from explainer.families import built_families
from explainer.kinds import KIND_BY_NAME
from explainer.markdown import ANALYSERS, Analyser
from explainer.model import Technology
from explainer.render.links import pair_path
from explainer.settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True, eq=False)
class RenderContext:
    content: Content
    settings: Settings = DEFAULT_SETTINGS
    analyser: Analyser = field(default_factory=lambda: ANALYSERS.get(()))
    # Folders searched for templates before the package's own (a site's overrides/explainer/).
    template_dirs: tuple[str, ...] = ()

    @cached_property
    def families(self) -> frozenset[str]:
        return built_families(self.content, self.settings)

    def builds(self, family: str) -> bool:
        return family in self.families

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
