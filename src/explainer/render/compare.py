"""The comparison matrix (every technology × every dimension) and one page per pair of technologies."""

from __future__ import annotations

from dataclasses import dataclass

from explainer.model import SYMMETRIC_RELATIONS, Content, Dimension, Faq, Technology
from explainer.render.environment import render_template, slug
from explainer.render.links import MATRIX, pair_path
from explainer.render.page import Page
from explainer.render.technology import pairs
from explainer.render.values import Cell, cell, cited_sources, latest_review


@dataclass(frozen=True)
class Row:
    """One dimension across the technologies shown, and whether they all say the same."""

    dimension: Dimension
    cells: list[Cell | None]

    @property
    def same(self) -> bool:
        keys = {c.comparable for c in self.cells if c is not None}
        return len(keys) <= 1 and None not in self.cells


def rows(content: Content, technologies: list[Technology]) -> list[Row]:
    return [
        Row(
            dimension,
            [
                cell(dimension, t.ratings[dimension.id]) if dimension.id in t.ratings else None
                for t in technologies
            ],
        )
        for dimension in content.dimensions.values()
    ]


def groups(content: Content) -> list[tuple[str, list[Dimension]]]:
    """Dimension groups in the order their first dimension appears."""
    grouped: dict[str, list[Dimension]] = {}
    for dimension in content.dimensions.values():
        grouped.setdefault(dimension.group, []).append(dimension)
    return list(grouped.items())


def render_matrix(content: Content) -> Page:
    technologies = list(content.technologies.values())
    all_rows = rows(content, technologies)
    by_dimension = {row.dimension.id: row for row in all_rows}
    body = render_template(
        "matrix.md.j2",
        MATRIX,
        content=content,
        technologies=technologies,
        groups=[(group, slug(group), [by_dimension[d.id] for d in dims]) for group, dims in groups(content)],
        pairs=[(a, b, pair_path(a, b)) for a, b in pairs(content)],
        sources=cited_sources(content, *technologies),
    )
    return Page(
        path=MATRIX,
        title="Comparison matrix",
        body=body,
        family="matrix",
        description=(
            f"Compare {len(technologies)} technologies on {len(content.dimensions)} dimensions side by side: "
            "choose columns, show only the differences, and share the view."
        ),
        hide=("toc",),
        reviewed=latest_review(technologies),
    )


def related_faqs(content: Content, first: Technology, second: Technology) -> list[Faq]:
    """Questions about both technologies first, then those about either."""
    both = [f for f in content.faqs.values() if first.id in f.technologies and second.id in f.technologies]
    either = [
        f
        for f in content.faqs.values()
        if (first.id in f.technologies or second.id in f.technologies) and f not in both
    ]
    return both + either


RELATION_SENTENCES = {
    "is-a": "{a} is a kind of {b}",
    "part-of": "{a} is part of {b}",
    "uses": "{a} uses {b}",
    "overlaps": "{a} and {b} overlap",
    "contrasts-with": "{a} and {b} are often contrasted",
}


def relation_between(first: Technology, second: Technology) -> list[str]:
    """Sentences stating how the two relate, from the relations either declares (symmetric ones once)."""
    sentences, said = [], set()
    for a, b in ((first, second), (second, first)):
        for relation in a.relations:
            if relation.target != b.id or (relation.kind in SYMMETRIC_RELATIONS and relation.kind in said):
                continue
            said.add(relation.kind)
            sentence = RELATION_SENTENCES[relation.kind].format(a=a.name, b=b.name)
            sentences.append(f"{sentence}: {relation.note}" if relation.note else f"{sentence}.")
    return sentences


def render_pair(content: Content, first: Technology, second: Technology) -> Page:
    path = pair_path(first, second)
    pair_rows = rows(content, [first, second])
    title = f"{first.name} vs {second.name}"
    body = render_template(
        "pair.md.j2",
        path,
        content=content,
        title=title,
        first=first,
        second=second,
        differ=[r for r in pair_rows if not r.same],
        agree=[r for r in pair_rows if r.same],
        rows=pair_rows,
        relations=relation_between(first, second),
        faqs=related_faqs(content, first, second)[:12],
        sources=cited_sources(content, first, second),
    )
    return Page(
        path=path,
        title=title,
        body=body,
        family="pair",
        description=f"{first.name} and {second.name} compared: where they agree, where they differ, "
        "and the strengths and weaknesses of each.",
        reviewed=max(first.reviewed, second.reviewed),
        sequence="pairs",
    )


def render_compare_pages(content: Content) -> list[Page]:
    return [render_matrix(content)] + [render_pair(content, a, b) for a, b in pairs(content)]
