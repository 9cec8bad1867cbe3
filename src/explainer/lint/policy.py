"""The site's content policy (mkdocs.yml: plugins.explainer.policy) as rules with codes and positions.

A site decides how complete its entries must be — how many strengths, how
long an answer, whether every claim needs a source — and `explainer check`
enforces exactly that, so passing the check means the content passes CI.
Entries that still hold `explainer new`'s placeholders are left to E508.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from explainer.content import Content, Entry
from explainer.diagnostics import Diagnostic
from explainer.lint.registry import Context, rule
from explainer.markdown import markdown_to_text
from explainer.model import NOT_ASSESSED, Entity, Faq, Technology

_WORD = re.compile(r"[\w'’-]+")  # a typographic apostrophe is part of a word
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")


def _finished(content: Content) -> Iterator[tuple[Entry, Entity]]:
    for entry, entity in content.valid_entries():
        if not entry.unfinished:
            yield entry, entity


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@rule("E601", per_entry=True)
def too_few_points(content: Content, context: Context) -> Iterator[Diagnostic]:
    policy = context.settings.policy
    for entry, entity in _finished(content):
        if not isinstance(entity, Technology):
            continue
        for field, noun, minimum in (
            ("strengths", "strength", policy.min_strengths),
            ("weaknesses", "weakness", policy.min_weaknesses),
        ):
            count = len(getattr(entity, field))
            if count < minimum:
                listed = f"{count} {noun if count == 1 else field}"
                yield entry.place((field,)).report(
                    "E601",
                    f"{listed} listed; this site asks for at least {minimum}",
                    hint=f"add {minimum - count} more under '{field}'",
                )


@rule("E602", per_entry=True)
def too_few_examples(content: Content, context: Context) -> Iterator[Diagnostic]:
    minimum = context.settings.policy.min_examples
    for entry, entity in _finished(content):
        if isinstance(entity, Technology) and not entity.umbrella and len(entity.examples) < minimum:
            yield entry.place(("examples",)).report(
                "E602",
                f"{_plural(len(entity.examples), 'example')} listed; this site asks for at least {minimum}",
                hint="add well-known, real instances under 'examples'",
            )


@rule("E603", per_entry=True)
def required_fields(content: Content, context: Context) -> Iterator[Diagnostic]:
    required = context.settings.policy.required_fields
    for entry, entity in _finished(content):
        for field in required.get(entry.kind.name, []):  # type: ignore[call-overload]
            if field not in type(entity).model_fields:
                continue  # the settings check reports an unknown field name
            if getattr(entity, field) in (None, "", [], {}):
                yield entry.place().report(
                    "E603",
                    f"this site requires '{field}' in every {entry.kind.label}",
                    hint=f"add '{field}:' to the file",
                )


@rule("E604")
def too_few_use_cases(content: Content, context: Context) -> Iterator[Diagnostic]:
    policy = context.settings.policy
    for entry, entity in content.valid_entries():
        if entry.kind.name not in {"technology", "industry"} or entry.unfinished:
            continue
        if isinstance(entity, Technology) and policy.min_use_cases_per_technology:
            ids = {entity.id, *content.members[entity.id]}
            count = sum(1 for case in content.use_cases.values() if ids & set(case.technologies))
            if count < policy.min_use_cases_per_technology:
                yield entry.place().report(
                    "E604",
                    f"{_plural(count, 'use case')} name this technology; this site asks for at least "
                    f"{policy.min_use_cases_per_technology}",
                    hint=f"add use cases (explainer new use-case TITLE) that list '{entity.id}'",
                )
        if entry.kind.name == "industry" and policy.min_use_cases_per_industry:
            count = len(content.use_cases_in_industry(entity.id))
            if count < policy.min_use_cases_per_industry:
                yield entry.place().report(
                    "E604",
                    f"{_plural(count, 'use case')} in this industry; this site asks for at least "
                    f"{policy.min_use_cases_per_industry}",
                    hint=f"add use cases with 'industry: {entity.id}'",
                )


def first_sentence_words(answer: str) -> int:
    paragraph = markdown_to_text(answer.strip().split("\n\n")[0])
    sentence = _SENTENCE_END.split(paragraph, maxsplit=1)[0]
    return len(_WORD.findall(sentence))


def answer_words(answer: str) -> int:
    return len(_WORD.findall(markdown_to_text(answer)))


@rule("E605", per_entry=True)
def answer_length(content: Content, context: Context) -> Iterator[Diagnostic]:
    policy = context.settings.policy
    for entry, entity in _finished(content):
        if not isinstance(entity, Faq):
            continue
        words = answer_words(entity.answer)
        most = policy.max_answer_words
        if words < policy.min_answer_words or (most is not None and words > most):
            span = f"{policy.min_answer_words} to {most}" if most else f"at least {policy.min_answer_words}"
            yield entry.place(("answer",)).report(
                "E605",
                f"the answer is {words} words; this site asks for {span}",
                hint="answer directly in the first sentence, then say what the question needs",
            )
        first = first_sentence_words(entity.answer)
        if policy.max_first_sentence_words and first > policy.max_first_sentence_words:
            yield entry.place(("answer",)).report(
                "E605",
                f"the first sentence is {first} words; this site asks for at most "
                f"{policy.max_first_sentence_words}",
                hint="make the first sentence the direct answer, and explain after it",
            )


@rule("E606", per_entry=True)
def unsupported_claims(content: Content, context: Context) -> Iterator[Diagnostic]:
    targets = set(context.settings.policy.sources_or_editorial)
    for entry, entity in _finished(content):
        unsupported = (
            not getattr(entity, "sources", None) and getattr(entity, "evidence", None) != "editorial"
        )
        if entry.kind.name in targets and unsupported:
            yield entry.place().report(
                "E606",
                f"this {entry.kind.label} cites no source and is not marked as the authors' judgement",
                hint="add 'sources', or 'evidence: editorial' when it is your own reasoning",
            )
        if not isinstance(entity, Technology):
            continue
        if "rating" in targets:
            for dimension_id, rating in entity.ratings.items():
                if rating.value != NOT_ASSESSED and not rating.sources and rating.evidence != "editorial":
                    yield entry.place(("ratings", dimension_id)).report(
                        "E606",
                        f"the rating for '{dimension_id}' cites no source and is not marked editorial",
                        hint="add 'sources' to the rating, or 'evidence: editorial'",
                    )
        if "point" in targets:
            for field in ("strengths", "weaknesses"):
                for index, point in enumerate(getattr(entity, field)):
                    if not point.sources and point.evidence != "editorial":
                        yield entry.place((field, index)).report(
                            "E606",
                            f"'{point.title}' cites no source and is not marked editorial",
                            hint="add 'sources', or 'evidence: editorial'",
                        )


@rule("E607", per_entry=True)
def rating_notes(content: Content, context: Context) -> Iterator[Diagnostic]:
    if not context.settings.policy.rating_notes:
        return
    for entry, entity in _finished(content):
        if isinstance(entity, Technology):
            for dimension_id, rating in entity.ratings.items():
                if rating.note is None and rating.value != NOT_ASSESSED:
                    yield entry.place(("ratings", dimension_id)).report(
                        "E607",
                        f"the rating for '{dimension_id}' has no note; this site asks ratings to say why",
                        hint="add 'note:' with a sentence or two on why",
                    )


@rule("E608", per_entry=True)
def too_few_phrasings(content: Content, context: Context) -> Iterator[Diagnostic]:
    minimum = context.settings.policy.min_also_asked
    for entry, entity in _finished(content):
        if isinstance(entity, Faq) and len(entity.also_asked) < minimum:
            yield entry.place(("also_asked",) if entity.also_asked else ("question",)).report(
                "E608",
                f"{_plural(len(entity.also_asked), 'other phrasing')} in 'also_asked'; this site asks for "
                f"at least {minimum}",
                hint="add ways readers really type the question: short, informal, keywords, 'x vs y'",
            )


@rule("E609", per_entry=True)
def review_dates(content: Content, context: Context) -> Iterator[Diagnostic]:
    if not context.settings.policy.review_dates:
        return
    for entry, entity in _finished(content):
        if "reviewed" in type(entity).model_fields and entity.reviewed is None:  # type: ignore[attr-defined]
            yield entry.place().report(
                "E609",
                f"this site asks every {entry.kind.label} for the date it was last checked",
                hint="add 'reviewed: YYYY-MM-DD'",
            )


@rule("E610", per_entry=True)
def evidence_levels(content: Content, context: Context) -> Iterator[Diagnostic]:
    if not context.settings.policy.evidence_levels:
        return
    for entry, entity in _finished(content):
        if not isinstance(entity, Technology):
            continue
        for dimension_id, rating in entity.ratings.items():
            if rating.evidence is None and rating.value != NOT_ASSESSED:
                yield entry.place(("ratings", dimension_id)).report(
                    "E610",
                    f"the rating for '{dimension_id}' does not say how it is known",
                    hint="add 'evidence: measured', 'documented' or 'editorial'",
                )
        for field in ("strengths", "weaknesses"):
            for index, point in enumerate(getattr(entity, field)):
                if point.evidence is None:
                    yield entry.place((field, index)).report(
                        "E610",
                        f"'{point.title}' does not say how it is known",
                        hint="add 'evidence: measured', 'documented' or 'editorial'",
                    )
