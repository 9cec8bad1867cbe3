"""Every reference one entry makes to another: from id fields, from rating keys, and from links in text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from explainer.content import Content, Entry
from explainer.fields import Loc
from explainer.kinds import KIND_BY_SCHEME
from explainer.markdown import Analyser, Link, parse_cross_reference
from explainer.model import Entity


class Reference(NamedTuple):
    """`origin` refers to the `kind` entity `target`, at `loc` (and, in text, through `link`).

    A named tuple, not a dataclass: a large corpus makes hundreds of thousands, every check."""

    origin: Entry
    kind: str
    target: str
    loc: Loc
    link: Link | None = None
    fragment: str = ""


def references(entry: Entry, analyser: Analyser) -> Iterator[Reference]:
    """All references `entry` makes, id fields first, then links in the order they are written."""
    for written in entry.ids:
        yield Reference(entry, written.kind, written.target, written.loc)
    for field in entry.texts:
        if field.markdown is None:
            continue
        for link in analyser.analyse(field.text, field.markdown.headings).links:
            xref = parse_cross_reference(link.target)
            if xref is not None:
                kind = KIND_BY_SCHEME[xref.scheme].name
                yield Reference(entry, kind, xref.id, field.loc, link, xref.fragment)


def all_references(content: Content, analyser: Analyser) -> Iterator[Reference]:
    for entry in content.entries:
        yield from references(entry, analyser)


@dataclass(frozen=True)
class Citation:
    """One entity citing one source, and the part of the entity the source supports."""

    entity: Entity
    loc: Loc


def citations(content: Content, analyser: Analyser) -> dict[str, list[Citation]]:
    """For each source id, where valid entities cite it (by list or by link), in corpus order."""
    # Dicts as ordered sets: a landmark source may be cited thousands of times.
    found: dict[str, dict[tuple[int, Loc], Citation]] = {source_id: {} for source_id in content.sources}
    for entry, entity in content.valid_entries():
        for reference in references(entry, analyser):
            if reference.kind == "source" and reference.target in found:
                # A `sources` list supports what holds it: the entity, a rating, a strength.
                loc = reference.loc[:-2] if reference.link is None else reference.loc
                found[reference.target].setdefault((id(entity), loc), Citation(entity, loc))
    return {source_id: list(cited.values()) for source_id, cited in found.items()}
