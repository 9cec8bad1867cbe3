"""The names search expands a query with: synonym groups, and products that lead to their technology.

Site search (its index, explainer.search_index) and the FAQ filter (its page and its data file)
expand a query with the same groups; `RenderContext.search_groups` computes them once per build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explainer.markdown import normalise_words
from explainer.model import Definition, Industry, Technology

if TYPE_CHECKING:
    from explainer.render.context import RenderContext


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed: the form the FAQ filter compares (same as its script)."""
    return normalise_words(text)


def synonym_groups(site: RenderContext) -> list[list[str]]:
    """Names that mean the same thing — a glossary term with its abbreviation and aliases, a technology
    with its short name and aliases, an industry with its aliases, the site's own search synonyms —
    merged where they share a name, for the FAQ filter and the site search to expand.

    A use case's aliases are not among them: they name one application, which search finds by them
    (`explainer.search_index`), not words that could stand for its title in any text."""
    groups: list[set[str]] = []
    named: list[Definition | Technology | Industry] = [
        *site.content.definitions.values(),
        *site.content.technologies.values(),
        *site.content.industries.values(),
    ]
    for group in [*(entity.names for entity in named), *site.settings.search.synonyms]:
        merged = {normalise(name) for name in group} - {""}
        for existing in [g for g in groups if g & merged]:
            merged |= existing
            groups.remove(existing)
        groups.append(merged)
    return sorted(sorted(g, key=lambda n: (-len(n), n)) for g in groups if len(g) > 1)


def instance_groups(site: RenderContext, groups: list[list[str]]) -> list[list[str]]:
    """For each well-known example of a technology (a product readers name: "PostgreSQL", "MongoDB"),
    the example followed by its technology's names: a query that names the product finds what is
    written about the kind of thing it is. So do the example's aliases ("Postgres"), and its name
    without the version it ends with ("SQL Server" for "SQL Server 2022").

    The expansion runs one way only. Both search scripts match names longest first and, among names
    of one length, in the order the groups come; these groups come after `groups`, so a technology's
    own names are always matched by its own group, and "relational database" never expands to
    "PostgreSQL". An example listed under several technologies names them all; an umbrella's
    examples are left out (a product is a kind of some member, and a family's names are too broad to
    stand for it: measured on the first site, a chat assistant standing for the whole family pulled
    general pages above the question a reader asked about that assistant); an example that is already
    a name in `groups` is left to its group.
    """
    group_of = {name: group for group in groups for name in group}
    listed: dict[str, list[Technology]] = {}
    versioned: set[str] = set()  # family names made by dropping a version
    instances = [
        (technology, example)
        for technology in site.content.technologies.values()
        if not technology.umbrella
        for example in technology.examples
    ]
    for technology, example in instances:
        for name in (example.name, *example.aliases):
            key = normalise(name)
            if key and key not in group_of and technology not in listed.get(key, []):
                listed.setdefault(key, []).append(technology)
    # Readers name a product family without its version ("Flux" for FLUX.1): each example's name
    # without the numbers it ends with stands for it too, unless that is a name already. After every
    # product's own names, so a family never joins one of them.
    for technology, example in instances:
        family = without_version(normalise(example.name))
        if not family or family in group_of or technology in listed.get(family, []):
            continue
        if family not in listed or family in versioned:
            listed.setdefault(family, []).append(technology)
            versioned.add(family)
    found = []
    for product, technologies in sorted(listed.items()):
        names: dict[str, None] = {}
        for technology in technologies:
            own = group_of.get(normalise(technology.name)) or [normalise(n) for n in technology.names]
            names.update(dict.fromkeys(n for n in own if n))
        found.append([product, *names])
    return found


def without_version(name: str) -> str:
    """A normalised product name without the numbers it ends with ("flux" for "flux 1"), or "" when
    it ends with none or is nothing else."""
    words = name.split()
    while words and words[-1].isdigit():
        words.pop()
    return " ".join(words) if words and len(words) < len(name.split()) else ""


def search_groups(site: RenderContext) -> list[list[str]]:
    """What the site search and the FAQ filter expand a query with: the synonym groups, then the
    one-way instance groups (order matters: see `instance_groups`)."""
    groups = synonym_groups(site)
    return [*groups, *instance_groups(site, groups)]
