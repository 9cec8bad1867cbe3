"""The comparison matrix (technologies × dimensions) and the pages comparing two technologies."""

from __future__ import annotations

from dataclasses import dataclass

from explainer.model import SYMMETRIC_RELATIONS, Dimension, Faq, Technology
from explainer.render.context import RenderContext
from explainer.render.environment import render_template, slug
from explainer.render.links import MATRIX, pair_path
from explainer.render.page import Page
from explainer.render.values import EVIDENCE_MARKS, Cell, cell, cited_sources, latest_review
from explainer.render.wording import relation_sentence


@dataclass(frozen=True)
class Row:
    """One dimension across the technologies shown, and whether they all say the same."""

    dimension: Dimension
    cells: list[Cell | None]

    @property
    def same(self) -> bool:
        """Every cell assessed and saying the same thing (a cell nobody assessed agrees with nothing)."""
        keys = {c.comparable for c in self.cells if c is not None}
        return len(keys) <= 1 and None not in self.cells and all(c.assessed for c in self.cells if c)


def rows(site: RenderContext, technologies: list[Technology]) -> list[Row]:
    content = site.content
    return [
        Row(dimension, [cell(content, dimension, t) for t in technologies])
        for dimension in content.dimensions.values()
    ]


def groups(site: RenderContext) -> list[tuple[str, list[Dimension]]]:
    """Dimension groups in the order their first dimension appears."""
    grouped: dict[str, list[Dimension]] = {}
    for dimension in site.content.dimensions.values():
        grouped.setdefault(dimension.group, []).append(dimension)
    return list(grouped.items())


def matrix_columns(site: RenderContext) -> list[Technology]:
    """The matrix's columns: every technology, each umbrella just before its first member."""
    technologies = list(site.content.technologies.values())
    ordered: list[Technology] = []
    for technology in technologies:
        if technology in ordered:
            continue
        for umbrella in technologies:
            if (
                umbrella.umbrella
                and technology.id in site.content.members[umbrella.id]
                and umbrella not in ordered
            ):
                ordered.append(umbrella)
        ordered.append(technology)
    return ordered


def render_matrix(site: RenderContext) -> Page:
    technologies = matrix_columns(site)
    all_rows = rows(site, technologies)
    by_dimension = {row.dimension.id: row for row in all_rows}
    umbrellas = [t for t in technologies if t.umbrella]

    def body() -> str:
        return render_template(
            site,
            "matrix.md.j2",
            MATRIX,
            technologies=technologies,
            umbrellas=[
                (u, [site.content.technologies[m] for m in site.content.members[u.id]]) for u in umbrellas
            ],
            groups=[(group, slug(group), [by_dimension[d.id] for d in dims]) for group, dims in groups(site)],
            pair_keys=_pair_keys(site),
            # Raw HTML, so the engine does not rewrite it: the address as the browser needs it.
            pair_template=(
                f"{site.pairs[0][0].id}-vs-{site.pairs[0][1].id}",
                site.relative_url(MATRIX, pair_path(*site.pairs[0])),
            )
            if site.pairs
            else None,
            evidence_marks=EVIDENCE_MARKS,
            compact=len(technologies) * len(site.content.dimensions)
            > site.settings.paging.matrix_notes_up_to,
            sources=cited_sources(site, *technologies),
        )

    return Page(
        path=MATRIX,
        title=site.settings.family("compare").title or "Comparison matrix",
        body=body,
        family="matrix",
        description=(
            f"Compare {len(technologies)} technologies on {len(site.content.dimensions)} dimensions side by "
            "side: choose columns, show only the differences, and share the view."
        ),
        hide=("toc",),
        reviewed=latest_review(technologies),
    )


def _pair_keys(site: RenderContext) -> str:
    """Which pairs have a page, for the matrix script: 'all' rated pairs, or their 'a-vs-b' keys."""
    rated = site.content.rated_technologies()
    if len(site.pairs) == len(rated) * (len(rated) - 1) // 2:
        return "all"
    return " ".join(f"{a.id}-vs-{b.id}" for a, b in site.pairs)


def related_faqs(site: RenderContext, first: Technology, second: Technology) -> list[Faq]:
    """Questions about both technologies first, then those about either."""
    if not site.builds("faq"):
        return []
    about_first = {f.id for f in site.content.faqs_about(first.id)}
    about_second = {f.id for f in site.content.faqs_about(second.id)}
    faqs = [f for f in site.content.faqs.values() if f.id in about_first | about_second]
    both = [f for f in faqs if f.id in about_first and f.id in about_second]
    either = [f for f in faqs if not (f.id in about_first and f.id in about_second)]
    return both + either


def relation_between(first: Technology, second: Technology) -> list[str]:
    """Sentences stating how the two relate, from the relations either declares (symmetric ones once)."""
    sentences, said = [], set()
    for a, b in ((first, second), (second, first)):
        for relation in a.relations:
            if relation.target != b.id or (relation.kind in SYMMETRIC_RELATIONS and relation.kind in said):
                continue
            said.add(relation.kind)
            sentence = relation_sentence(relation.kind, a.name, b.name)
            sentences.append(f"{sentence}: {relation.note}" if relation.note else f"{sentence}.")
    return sentences


def render_pair(site: RenderContext, first: Technology, second: Technology) -> Page:
    path = pair_path(first, second)
    pair_rows = rows(site, [first, second])
    title = f"{first.name} vs {second.name}"
    reviewed = [d for d in (first.reviewed, second.reviewed) if d is not None]

    def body() -> str:
        return render_template(
            site,
            "pair.md.j2",
            path,
            title=title,
            first=first,
            second=second,
            differ=[r for r in pair_rows if not r.same],
            agree=[r for r in pair_rows if r.same],
            rows=pair_rows,
            relations=relation_between(first, second),
            faqs=related_faqs(site, first, second)[:12],
            evidence_marks=EVIDENCE_MARKS,
            sources=cited_sources(site, first, second),
        )

    return Page(
        path=path,
        title=title,
        body=body,
        family="pair",
        description=f"{first.name} and {second.name} compared: where they agree, where they differ, "
        "and the strengths and weaknesses of each.",
        reviewed=max(reviewed) if reviewed else None,
        sequence="pairs",
    )


def render_compare_pages(site: RenderContext) -> list[Page]:
    return [render_matrix(site)] + [render_pair(site, a, b) for a, b in site.pairs]
