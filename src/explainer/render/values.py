"""How ratings read: labels for values, positions on scales, and the badges the matrix shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from explainer.model import YES_NO_VALUES, Content, Dimension, Entity, Rating, Source
from explainer.references import references

YES_NO_LABELS = {"yes": "Yes", "partly": "Partly", "no": "No"}


@dataclass(frozen=True)
class Cell:
    """One rating as shown: its labels, where it sits on a scale, and a key to compare cells by."""

    dimension: Dimension
    rating: Rating
    labels: tuple[str, ...]
    level: int | None
    levels: int | None

    @property
    def text(self) -> str:
        return ", ".join(self.labels)

    @property
    def comparable(self) -> tuple[str, ...]:
        """Equal for two cells that say the same thing (list order does not matter)."""
        value = self.rating.value
        return tuple(sorted(value)) if isinstance(value, list) else (value.casefold(),)


def cell(dimension: Dimension, rating: Rating) -> Cell:
    value = rating.value
    labels_by_id = {level.id: level.label for level in dimension.levels}
    if dimension.kind == "scale" and isinstance(value, str):
        ids = [level.id for level in dimension.levels]
        position = ids.index(value) + 1 if value in ids else None
        return Cell(dimension, rating, (labels_by_id.get(value, value),), position, len(ids))
    if dimension.kind == "yes-no" and isinstance(value, str):
        position = len(YES_NO_VALUES) - YES_NO_VALUES.index(value) if value in YES_NO_VALUES else None
        return Cell(dimension, rating, (YES_NO_LABELS.get(value, value),), position, len(YES_NO_VALUES))
    items = value if isinstance(value, list) else [value]
    return Cell(dimension, rating, tuple(labels_by_id.get(item, item) for item in items), None, None)


def cells_of(content: Content, technology_id: str) -> list[Cell]:
    """The technology's ratings as cells, in dimension order."""
    technology = content.technologies[technology_id]
    return [
        cell(dimension, technology.ratings[dimension.id])
        for dimension in content.dimensions.values()
        if dimension.id in technology.ratings
    ]


def cited_sources(content: Content, *entities: Entity) -> list[Source]:
    """Every source the entities cite, by list or by link, in bibliography order."""
    cited = {
        reference.target
        for entity in entities
        for reference in references(entity)
        if reference.kind == "source"
    }
    return [source for source_id, source in content.sources.items() if source_id in cited]


def latest_review(entities: Iterable[Entity]) -> date | None:
    """The most recent review date among `entities` (pages built from many entries show it)."""
    return max((d for e in entities if (d := getattr(e, "reviewed", None)) is not None), default=None)
