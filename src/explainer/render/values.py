"""How ratings read: labels for values, positions on scales, ranges across an umbrella's members.

A cell is what the matrix shows for one technology on one dimension. A rated
technology's cell is its rating; an umbrella's cell is the range across its
members, computed here, never typed by hand. A cell nobody assessed reads
"Not assessed": it is never drawn as the lowest level and never counts as
agreeing with another cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from explainer.content import Content
from explainer.model import NOT_ASSESSED, YES_NO_VALUES, Dimension, Entity, Rating, Source, Technology
from explainer.references import references
from explainer.render.context import RenderContext

YES_NO_LABELS = {"yes": "Yes", "partly": "Partly", "no": "No"}
EVIDENCE_MARKS = {"measured": "▲", "documented": "■", "editorial": "○"}


@dataclass(frozen=True)
class Cell:
    """One cell as shown: its labels, where it sits on a scale, and a key to compare cells by."""

    dimension: Dimension
    technology: Technology
    labels: tuple[str, ...]
    rating: Rating | None = None  # None for an umbrella's range
    level: int | None = None  # 1-based position on the scale (the lowest of a range)
    top: int | None = None  # the highest position of a range on a scale
    levels: int | None = None
    members: tuple[Cell, ...] = field(default=(), repr=False)  # an umbrella's members' cells
    values: tuple[str, ...] = ()  # the value ids, for comparing and for the matrix script

    @property
    def assessed(self) -> bool:
        return self.values != (NOT_ASSESSED,) and bool(self.values)

    @property
    def is_range(self) -> bool:
        return self.rating is None

    @property
    def text(self) -> str:
        if not self.assessed:
            return "Not assessed"
        if self.is_range and self.dimension.kind == "yes-no" and len(self.labels) > 1:
            return " or ".join([self.labels[0], *(label.lower() for label in self.labels[1:])])
        if self.is_range and self.level is not None and self.top is not None and self.top != self.level:
            return f"{self.labels[0]} to {self.labels[-1]}"
        return ", ".join(self.labels)

    @property
    def comparable(self) -> tuple[str, ...]:
        """Equal for two cells that say the same thing; a cell nobody assessed equals no other."""
        if not self.assessed:
            return (f"{NOT_ASSESSED}:{self.technology.id}",)
        return tuple(sorted(v.casefold() for v in self.values))

    @property
    def evidence(self) -> str | None:
        return self.rating.evidence if self.rating is not None else None


def _labels(dimension: Dimension, values: Iterable[str]) -> tuple[str, ...]:
    by_id = {level.id: level.label for level in dimension.levels} | YES_NO_LABELS
    return tuple(by_id.get(value, value) for value in values)


def _order(dimension: Dimension) -> list[str]:
    return list(YES_NO_VALUES) if dimension.kind == "yes-no" else [level.id for level in dimension.levels]


def rated_cell(dimension: Dimension, technology: Technology, rating: Rating) -> Cell:
    value = rating.value
    values = tuple(value) if isinstance(value, list) else (value,)
    if value == NOT_ASSESSED:
        return Cell(dimension, technology, ("Not assessed",), rating, values=values)
    order = _order(dimension)
    position = order.index(value) + 1 if isinstance(value, str) and value in order else None
    if dimension.kind == "yes-no" and position is not None:
        position = len(order) + 1 - position  # yes is the top of a yes/partly/no scale
    levels = len(order) if position is not None else None
    return Cell(
        dimension, technology, _labels(dimension, values), rating, position, position, levels, values=values
    )


def range_cell(dimension: Dimension, umbrella: Technology, members: list[Cell]) -> Cell:
    """An umbrella's cell: every value its members give (a span, on a scale), in the dimension's order."""
    assessed = [c for c in members if c.assessed]
    if not assessed:
        return Cell(dimension, umbrella, ("Not assessed",), members=tuple(members), values=(NOT_ASSESSED,))
    order = _order(dimension)
    seen = list(dict.fromkeys(v for c in assessed for v in c.values))
    seen.sort(key=lambda v: order.index(v) if v in order else len(order))
    positions = [c.level for c in assessed if c.level is not None]
    if dimension.kind == "scale" and len(positions) == len(assessed):
        low, high = min(positions), max(positions)
        ends = [order[low - 1], order[high - 1]] if low != high else [order[low - 1]]
        labels = _labels(dimension, ends)
        return Cell(dimension, umbrella, labels, None, low, high, len(order), tuple(members), tuple(seen))
    free_text = dimension.kind == "text" or (dimension.kind == "list" and not dimension.levels)
    if free_text and len(seen) > 1:  # free phrases do not add up to a readable union; "Why" lists each
        label = f"Varies by member ({len(seen)} answers)"
        return Cell(dimension, umbrella, (label,), None, members=tuple(members), values=tuple(seen))
    if dimension.kind == "yes-no" and len(positions) == len(assessed):
        low, high = min(positions), max(positions)
        labels = _labels(dimension, seen)
        return Cell(dimension, umbrella, labels, None, low, high, len(order), tuple(members), tuple(seen))
    return Cell(dimension, umbrella, _labels(dimension, seen), members=tuple(members), values=tuple(seen))


def cell(content: Content, dimension: Dimension, technology: Technology) -> Cell | None:
    """The technology's cell for `dimension`: its rating, the range across its members, or None."""
    if technology.umbrella:
        members = [content.technologies[m] for m in content.members[technology.id]]
        cells = [c for m in members if not m.umbrella and (c := cell(content, dimension, m)) is not None]
        return range_cell(dimension, technology, cells) if cells else None
    rating = technology.ratings.get(dimension.id)
    if rating is None:
        unrated = Rating(value=NOT_ASSESSED)
        return rated_cell(dimension, technology, unrated)
    return rated_cell(dimension, technology, rating)


def cells_of(content: Content, technology: Technology) -> list[Cell]:
    """The technology's cells, in dimension order."""
    return [c for d in content.dimensions.values() if (c := cell(content, d, technology)) is not None]


def cited_sources(site: RenderContext, *entities: Entity) -> list[Source]:
    """Every source the entities cite, by list or by link, in bibliography order."""
    if not site.shows("source"):
        return []
    cited: set[str] = set()
    for entity in entities:
        entry = site.content.entry(entity)
        if entry is not None:
            cited |= {r.target for r in references(entry, site.analyser) if r.kind == "source"}
    return [source for source_id, source in site.content.sources.items() if source_id in cited]


def latest_review(entities: Iterable[Entity]) -> date | None:
    """The most recent review date among `entities` (pages built from many entries show it)."""
    return max((d for e in entities if (d := getattr(e, "reviewed", None)) is not None), default=None)
