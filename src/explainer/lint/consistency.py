"""Rules about consistency: unique ids, complete and allowed ratings, sound dimensions and glossary, dates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import timedelta

from explainer.diagnostics import Diagnostic, Place
from explainer.lint.registry import Context, rule
from explainer.model import (
    KIND_BY_NAME,
    MAX_TEXT_VALUE_CHARS,
    YES_NO_VALUES,
    Content,
    Dimension,
    Rating,
    text_fields,
)
from explainer.suggest import did_you_mean, nearest

MIN_ANSWER_WORDS = 60
MAX_ANSWER_WORDS = 250


@rule("E503", "each id is used by one file only")
def duplicate_ids(content: Content, context: Context) -> Iterator[Diagnostic]:
    for document in content.shadowed:
        kind = next(k for k in KIND_BY_NAME.values() if f"/{k.folder}/" in f"/{document.path}")
        first = content.documents.get((kind.name, document.stem))
        where = f" (also {first.path})" if first else ""
        yield document.place().error(
            "E503",
            f"{kind.label} id '{document.stem}' is defined twice{where}",
            hint="keep one file; '.yaml' and '.yml' with the same name count as the same id",
        )


@rule("E501", "every technology rates every dimension")
def missing_ratings(content: Content, context: Context) -> Iterator[Diagnostic]:
    for technology in content.technologies.values():
        document = content.document(technology)
        if document is None:
            continue
        # A misspelt dimension key is one mistake: E301 reports it with "did you
        # mean", so the dimension it was meant for is not also reported missing.
        meant = {
            nearest(key, content.dimensions) for key in technology.ratings if key not in content.dimensions
        }
        for dimension_id in content.dimensions:
            if dimension_id not in technology.ratings and dimension_id not in meant:
                yield document.place(("ratings",)).error(
                    "E501",
                    f"no rating for dimension '{dimension_id}'",
                    hint=f"add '{dimension_id}:' with a value and a note under 'ratings'",
                )


def rating_problem(dimension: Dimension, rating: Rating) -> tuple[str, str | None] | None:
    """Why `rating` is not a value `dimension` allows, with a hint; None when it is allowed."""
    value = rating.value
    levels = [level.id for level in dimension.levels]
    if dimension.kind == "scale":
        if not isinstance(value, str) or value not in levels:
            return f"'{value}' is not a level of '{dimension.id}'", (
                did_you_mean(str(value), levels) or f"use one of: {', '.join(levels)}"
            )
    elif dimension.kind == "yes-no":
        if value not in YES_NO_VALUES:
            return (
                f"'{value}' is not an answer to a yes/no dimension",
                f"use one of: {', '.join(YES_NO_VALUES)}",
            )
    elif dimension.kind == "text":
        if not isinstance(value, str):
            return f"'{dimension.id}' takes a short text, not a list", "write one short phrase"
        if len(value) > MAX_TEXT_VALUE_CHARS or "\n" in value:
            return f"the value is longer than {MAX_TEXT_VALUE_CHARS} characters or spans lines", (
                "keep the cell short and put the explanation in 'note'"
            )
    elif dimension.kind == "list":
        if not isinstance(value, list):
            return (
                f"'{dimension.id}' takes a list of short texts",
                "write each item on its own line starting with '- '",
            )
        for item in value:
            if levels and item not in levels:
                return f"'{item}' is not one of the items '{dimension.id}' allows", (
                    did_you_mean(item, levels) or f"use any of: {', '.join(levels)}"
                )
            if len(item) > MAX_TEXT_VALUE_CHARS:
                return (
                    f"the item '{item[:20]}…' is longer than {MAX_TEXT_VALUE_CHARS} characters",
                    None,
                )
    return None


@rule("E502", "each rating's value is one its dimension allows")
def disallowed_rating_values(content: Content, context: Context) -> Iterator[Diagnostic]:
    for technology in content.technologies.values():
        document = content.document(technology)
        if document is None:
            continue
        for dimension_id, rating in technology.ratings.items():
            dimension = content.dimensions.get(dimension_id)
            problem = dimension and rating_problem(dimension, rating)
            if problem:
                message, hint = problem
                yield document.place(("ratings", dimension_id, "value")).error("E502", message, hint=hint)


@rule("E504", "dimension levels fit the dimension's kind")
def dimension_levels(content: Content, context: Context) -> Iterator[Diagnostic]:
    for dimension in content.dimensions.values():
        document = content.document(dimension)
        if document is None:
            continue
        ids = [level.id for level in dimension.levels]
        if dimension.kind == "scale" and len(ids) < 2:
            yield document.place(("levels",) if ids else ("kind",)).error(
                "E504",
                "a scale needs at least two levels, listed from low to high",
                hint="add 'levels:' with an id and a label for each step",
            )
        if dimension.kind in {"yes-no", "text"} and ids:
            yield document.place(("levels",)).error(
                "E504",
                f"a '{dimension.kind}' dimension takes no levels",
                hint="remove 'levels' or use kind: scale",
            )
        for index, level_id in enumerate(ids):
            if level_id in ids[:index]:
                yield document.place(("levels", index, "id")).error(
                    "E504", f"level '{level_id}' is listed twice", hint="give each level its own id"
                )


def normalise_question(question: str) -> str:
    """Case, punctuation and spacing removed: two questions equal under this are duplicates."""
    folded = unicodedata.normalize("NFKC", question).casefold()
    without_punctuation = "".join(
        " " if unicodedata.category(c).startswith(("P", "S")) else c for c in folded
    )
    return " ".join(without_punctuation.split())


@rule("E505", "no two FAQ entries ask the same question")
def duplicate_questions(content: Content, context: Context) -> Iterator[Diagnostic]:
    # One line per duplicate, not one per file: the entry whose path sorts first
    # is taken as the original and each later copy names it with its position.
    asked: dict[str, list[tuple[str, Place]]] = {}
    for faq in content.faqs.values():
        document = content.document(faq)
        if document is not None:
            place = document.place(("question",))
            asked.setdefault(normalise_question(faq.question), []).append((faq.id, place))
    for entries in asked.values():
        (original_id, original), *copies = sorted(entries, key=lambda entry: entry[1].path)
        for _, place in copies:
            yield place.error(
                "E505",
                f"the same question is already asked in faq '{original_id}'"
                f" ({original.path}:{original.position})",
                hint="merge the two entries into one answer",
            )


@rule("E506", "reviewed dates are not in the future")
def future_review_dates(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entity in content.entities():
        reviewed = getattr(entity, "reviewed", None)
        document = content.document(entity)
        if reviewed is not None and document is not None and reviewed > context.today:
            yield document.place(("reviewed",)).error(
                "E506",
                f"reviewed date {reviewed.isoformat()} is in the future",
                hint=f"use the date you checked the entry, at the latest {context.today.isoformat()}",
            )


@rule("W502", "entries are reviewed at least every eighteen months")
def stale_entries(content: Content, context: Context) -> Iterator[Diagnostic]:
    oldest = context.today - timedelta(days=context.stale_after_days)
    for entity in content.entities():
        reviewed = getattr(entity, "reviewed", None)
        document = content.document(entity)
        if reviewed is not None and document is not None and reviewed < oldest:
            yield document.place(("reviewed",)).warning(
                "W502",
                f"last reviewed {reviewed.isoformat()}, more than {context.stale_after_days} days ago",
                hint="check the entry is still accurate, then update 'reviewed'",
            )


def _glossary_names(content: Content) -> Iterator[tuple[str, str, tuple[str | int, ...], str]]:
    """Every name a glossary entry claims: terms first, then abbreviations, then aliases.

    In a clash the lesser kind of name is the one reported, since a term is
    rarely the mistake when an alias elsewhere repeats it.
    """
    definitions = list(content.definitions.values())
    for definition in definitions:
        yield definition.id, definition.term, ("term",), "term"
    for definition in definitions:
        if definition.abbreviation:
            yield definition.id, definition.abbreviation, ("abbreviation",), "abbreviation"
    for definition in definitions:
        for index, alias in enumerate(definition.aliases):
            yield definition.id, alias, ("aliases", index), "alias"


@rule("E507", "glossary terms, abbreviations and aliases name one term each")
def ambiguous_glossary_names(content: Content, context: Context) -> Iterator[Diagnostic]:
    owner: dict[str, str] = {}
    for definition_id, name, loc, label in _glossary_names(content):
        key = name.casefold()
        if key in owner and owner[key] != definition_id:
            document = content.documents.get(("definition", definition_id))
            if document is not None:
                yield document.place(loc).error(
                    "E507",
                    f"{label} '{name}' already names the term '{owner[key]}'",
                    hint="tooltips and search synonyms need one meaning per name; remove or reword it",
                )
        owner.setdefault(key, definition_id)


_WORD = re.compile(r"[\w'’-]+")  # a typographic apostrophe is part of a word
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@rule("W503", "FAQ answers are 60 to 250 words")
def answer_length(content: Content, context: Context) -> Iterator[Diagnostic]:
    for faq in content.faqs.values():
        document = content.document(faq)
        words = len(_WORD.findall(_LINK_TARGET.sub("]", faq.answer)))
        if document is not None and not MIN_ANSWER_WORDS <= words <= MAX_ANSWER_WORDS:
            yield document.place(("answer",)).warning(
                "W503",
                f"the answer is {words} words; aim for {MIN_ANSWER_WORDS} to {MAX_ANSWER_WORDS}",
                hint="answer directly in the first sentence, then explain",
            )


_PLACEHOLDER = re.compile(r"\bTODO\b")


@rule("E508", "no placeholder text (TODO) is left in an entry")
def placeholders(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entity in content.entities():
        document = content.document(entity)
        if document is None:
            continue
        for field in text_fields(entity):
            match = _PLACEHOLDER.search(field.text)
            if match:
                position = document.position_in_value(field.loc, field.text, match.start())
                yield Place(document.path, position).error(
                    "E508",
                    f"'{field.loc[-1]}' still holds the placeholder TODO",
                    hint="write the real text (explainer new leaves TODO in every field to fill)",
                )
