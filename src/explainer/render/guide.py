"""The decision guide ('Which should I use?'): questions from content, answers mapped to ratings.

The page is a readable decision table without JavaScript: for every answer,
which technologies satisfy it. With JavaScript the reader picks answers and
gets the technologies ranked, each with the ratings that decided it; the
choices live in the URL so a recommendation can be shared. The mapping from
answers to dimensions is content (`content/guide/`), so another site's guide
is written in YAML, not code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from explainer.markdown import markdown_to_text
from explainer.model import NOT_ASSESSED, Choice, GuideQuestion, Technology
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.links import GUIDE
from explainer.render.page import Page
from explainer.render.values import cell, latest_review

SATISFIED, FAILED, UNKNOWN = "yes", "no", "unknown"


@dataclass(frozen=True)
class Verdict:
    """Whether one technology satisfies one answer: yes, no, or unknown (a rating nobody assessed)."""

    technology: Technology
    outcome: str


def verdict(site: RenderContext, choice: Choice, technology: Technology) -> str:
    """All of an answer's preferences satisfied (yes), one failed (no), or one not known (unknown)."""
    outcome = SATISFIED
    for preference in choice.prefer:
        dimension = site.content.dimensions.get(preference.dimension)
        shown = cell(site.content, dimension, technology) if dimension else None
        if shown is None or not shown.assessed:
            outcome = UNKNOWN
        elif not set(shown.values) & set(preference.accepts):
            return FAILED
    return outcome


def candidates(site: RenderContext) -> list[Technology]:
    """What the guide ranks: rated technologies that readers pick on their own."""
    return [t for t in site.content.rated_technologies() if t.in_guide]


def guide_data(site: RenderContext) -> dict[str, Any]:
    """Everything the guide's script needs, as plain text (it only ever writes text into the page)."""
    content = site.content
    technologies = candidates(site)
    used = {p.dimension for q in content.guide_questions.values() for c in q.choices for p in c.prefer}
    ratings: dict[str, dict[str, Any]] = {}
    for technology in technologies:
        ratings[technology.id] = {}
        for dimension_id in sorted(used):
            dimension = content.dimensions.get(dimension_id)
            shown = cell(content, dimension, technology) if dimension else None
            if shown is None:
                continue
            note = shown.rating.note if shown.rating and shown.rating.note else ""
            ratings[technology.id][dimension_id] = {
                "values": [] if not shown.assessed else list(shown.values),
                "text": shown.text,
                "note": markdown_to_text(note),
            }
    return {
        "questions": [
            {
                "id": q.id,
                "choices": [
                    {
                        "id": c.id,
                        "label": c.label,
                        "prefer": [p.model_dump() for p in c.prefer],
                    }
                    for c in q.choices
                ],
            }
            for q in content.guide_questions.values()
        ],
        "dimensions": {d: content.dimensions[d].name for d in sorted(used) if d in content.dimensions},
        # Addresses are read from the page's own links, which MkDocs has already made final.
        "technologies": [{"id": t.id, "name": t.name, "summary": t.summary} for t in technologies],
        "ratings": ratings,
        "notAssessed": NOT_ASSESSED,
    }


def render_guide(site: RenderContext) -> list[Page]:
    content = site.content
    technologies = candidates(site)
    questions: list[tuple[GuideQuestion, list[tuple[Choice, list[Verdict]]]]] = [
        (q, [(c, [Verdict(t, verdict(site, c, t)) for t in technologies]) for c in q.choices])
        for q in content.guide_questions.values()
    ]

    def body() -> str:
        return render_template(
            site,
            "guide.md.j2",
            GUIDE,
            questions=questions,
            technologies=technologies,
            data=json.dumps(guide_data(site), ensure_ascii=False, separators=(",", ":")),
            pairs=site.pairs,
        )

    return [
        Page(
            path=GUIDE,
            title=site.settings.family("guide").title or "Which should I use?",
            body=body,
            family="guide",
            description="Answer a few questions about what you need, and see which technologies fit, "
            "with the ratings that decide it.",
            reviewed=latest_review([*content.guide_questions.values(), *technologies]),
            hide=("toc",),
        )
    ]
