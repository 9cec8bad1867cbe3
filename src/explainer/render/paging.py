"""Long lists split into pages that do not grow with the site: a page per letter or topic, then numbered.

A glossary of 3,000 terms on one page is a 5 MB download that a phone
struggles to lay out; a page per letter keeps it readable without JavaScript,
and letters with more entries than a page holds continue on `<letter>-2.md`,
`<letter>-3.md`. Pure functions: the render context decides when to split.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


def initial(name: str) -> str:
    """The letter a name is filed under: A–Z (accents dropped), or '#' for anything else."""
    first = unicodedata.normalize("NFKD", name.strip())[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def letter_slug(letter: str) -> str:
    """A letter as a page name or anchor: 'a', or 'symbols' for '#'."""
    return "symbols" if letter == "#" else letter.lower()


def alphabetical(name: Callable[[T], str]) -> Callable[[T], tuple[bool, str, str]]:
    """A sort key: A–Z by name, accents and case ignored, names starting with a symbol or digit first."""

    def key(item: T) -> tuple[bool, str, str]:
        text = name(item)
        return (initial(text) != "#", unicodedata.normalize("NFKD", text).casefold(), text)

    return key


@dataclass(frozen=True)
class Chunk(Generic[T]):
    """One page of a split list: the group it belongs to (a letter, a topic) and its place in it."""

    group: str  # the group's key: 'A', '#', a topic id
    path: str  # the page's Markdown path
    items: tuple[T, ...]
    number: int  # 1-based, within the group
    of: int  # pages in the group

    @property
    def first(self) -> T:
        return self.items[0]

    @property
    def last(self) -> T:
        return self.items[-1]


def split(
    items: Iterable[T],
    group_of: Callable[[T], str],
    slug_of: Callable[[str], str],
    folder: str,
    per_page: int,
) -> list[Chunk[T]]:
    """Items (already in display order) grouped by `group_of`, each group cut into pages of `per_page`.

    Groups keep the order in which they first appear. The first page of a
    group is `<folder>/<slug>.md`, the next ones `<folder>/<slug>-2.md`, …
    """
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(group_of(item), []).append(item)
    chunks: list[Chunk[T]] = []
    for group, members in groups.items():
        pages = [members[start : start + per_page] for start in range(0, len(members), per_page)]
        for number, page in enumerate(pages, start=1):
            suffix = "" if number == 1 else f"-{number}"
            chunks.append(
                Chunk(group, f"{folder}/{slug_of(group)}{suffix}.md", tuple(page), number, len(pages))
            )
    return chunks


def grouped(chunks: list[Chunk[T]]) -> list[tuple[str, list[Chunk[T]]]]:
    """Chunks by group, in order: [(group, [its pages…]), …]."""
    found: dict[str, list[Chunk[T]]] = {}
    for chunk in chunks:
        found.setdefault(chunk.group, []).append(chunk)
    return list(found.items())
