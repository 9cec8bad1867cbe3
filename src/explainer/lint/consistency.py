"""Rules about consistency: unique ids and questions, complete and allowed ratings, sound relations, dates."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from explainer.content import Content, Entry
from explainer.diagnostics import Diagnostic, Place
from explainer.kinds import KIND_BY_FOLDER
from explainer.lint.registry import Context, rule
from explainer.markdown import normalise_words
from explainer.model import (
    MAX_TEXT_VALUE_CHARS,
    NOT_ASSESSED,
    PLACEHOLDER,
    PLACEHOLDER_ID,
    YES_NO_VALUES,
    Definition,
    Dimension,
    Entity,
    Evidence,
    Faq,
    Industry,
    RatingValue,
    Technology,
    UseCase,
)
from explainer.source import Loc
from explainer.suggest import did_you_mean, nearest


@rule("E503")
def duplicate_ids(content: Content, context: Context) -> Iterator[Diagnostic]:
    for document in content.shadowed:
        kind = KIND_BY_FOLDER[document.path.rsplit("/", 2)[-2]]
        first = content.documents.get((kind.name, document.stem))
        where = f" (also {first.path})" if first else ""
        yield document.place().report(
            "E503",
            f"{kind.label} id '{document.stem}' is defined twice{where}",
            hint="keep one file; '.yaml' and '.yml' with the same name count as the same id",
        )


@rule("E501")
def missing_ratings(content: Content, context: Context) -> Iterator[Diagnostic]:
    if context.settings.policy.unrated == "not-assessed":
        return
    for technology in content.rated_technologies():
        entry = content.entry(technology)
        if entry is None:
            continue
        # A misspelt dimension key is one mistake: E301 reports it with "did you
        # mean", so the dimension it was meant for is not also reported missing.
        meant = {
            nearest(key, content.dimensions) for key in technology.ratings if key not in content.dimensions
        }
        for dimension_id in content.dimensions:
            if dimension_id not in technology.ratings and dimension_id not in meant:
                yield entry.place(("ratings",)).report(
                    "E501",
                    f"no rating for dimension '{dimension_id}'",
                    hint=f"add '{dimension_id}:' with a value under 'ratings' "
                    f"(value: {NOT_ASSESSED} when nobody has assessed it)",
                )


def allowed_values(dimension: Dimension) -> list[str]:
    """The values a rating of `dimension` may take, or [] when any short text will do."""
    if dimension.kind == "yes-no":
        return list(YES_NO_VALUES)
    return [level.id for level in dimension.levels]


def value_problem(dimension: Dimension, value: RatingValue) -> tuple[str, str | None] | None:
    """Why `value` is not one `dimension` allows, with a hint; None when it is allowed."""
    if value == NOT_ASSESSED:
        return None
    levels = allowed_values(dimension)
    if dimension.kind in {"scale", "yes-no"}:
        if not isinstance(value, str) or value not in levels:
            shown = ", ".join(value) if isinstance(value, list) else value
            return f"'{shown}' is not one of the values of '{dimension.id}'", (
                did_you_mean(str(shown), levels) or f"use one of: {', '.join(levels)}, or {NOT_ASSESSED}"
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
                    did_you_mean(item, levels) or f"use any of: {', '.join(levels[:30])}"
                )
            if len(item) > MAX_TEXT_VALUE_CHARS:
                return f"the item '{item[:20]}…' is longer than {MAX_TEXT_VALUE_CHARS} characters", None
    return None


@rule("E502")
def disallowed_rating_values(content: Content, context: Context) -> Iterator[Diagnostic]:
    for technology in content.technologies.values():
        entry = content.entry(technology)
        if entry is None:
            continue
        for dimension_id, rating in technology.ratings.items():
            dimension = content.dimensions.get(dimension_id)
            placeholder = rating.value == PLACEHOLDER or (
                isinstance(rating.value, list) and PLACEHOLDER in rating.value
            )
            if dimension is None or placeholder:
                continue  # E508 reports the placeholder
            problem = value_problem(dimension, rating.value)
            if problem:
                message, hint = problem
                yield entry.place(("ratings", dimension_id, "value")).report("E502", message, hint=hint)


@rule("E504", per_entry=True)
def dimension_levels(content: Content, context: Context) -> Iterator[Diagnostic]:
    for dimension in content.dimensions.values():
        entry = content.entry(dimension)
        if entry is None:
            continue
        ids = [level.id for level in dimension.levels]
        if dimension.kind == "scale" and len(ids) < 2:
            yield entry.place(("levels",) if ids else ("kind",)).report(
                "E504",
                "a scale needs at least two levels, listed from low to high",
                hint="add 'levels:' with an id and a label for each step",
            )
        if dimension.kind in {"yes-no", "text"} and ids:
            yield entry.place(("levels",)).report(
                "E504",
                f"a '{dimension.kind}' dimension takes no levels",
                hint="remove 'levels' or use kind: scale",
            )
        for index, level_id in enumerate(ids):
            if level_id in ids[:index]:
                yield entry.place(("levels", index, "id")).report(
                    "E504", f"level '{level_id}' is listed twice", hint="give each level its own id"
                )
            if level_id == NOT_ASSESSED:
                yield entry.place(("levels", index, "id")).report(
                    "E504",
                    f"'{NOT_ASSESSED}' is reserved for ratings nobody has assessed",
                    hint="give the level another id",
                )


def normalise_question(question: str) -> str:
    """Case, accents, punctuation and spacing removed: two questions equal under this are duplicates."""
    return normalise_words(question)


@rule("E505")
def duplicate_questions(content: Content, context: Context) -> Iterator[Diagnostic]:
    # A question and every other phrasing (`also_asked`) name one entry across the site. The
    # entry whose path sorts first keeps a phrasing; each later use is one line naming it.
    written: dict[str, list[tuple[str, Entry, Loc, str]]] = {}
    for faq in content.faqs.values():
        entry = content.entry(faq)
        if entry is None:
            continue
        own = (faq.id, entry, ("question",), "question")
        written.setdefault(normalise_question(faq.question), []).append(own)
        for index, other in enumerate(faq.also_asked):
            if PLACEHOLDER in other:
                continue  # a scaffold's placeholders are E508's to report
            key = normalise_question(other)
            written.setdefault(key, []).append((faq.id, entry, ("also_asked", index), "also_asked"))
    # Only phrasings written more than once can be reported, so only they are placed in their files
    # (placing reads a file's positions, which a repeat check otherwise never needs).
    phrasings = [
        (key, faq_id, entry.place(loc), field)
        for key, uses in written.items()
        if len(uses) > 1
        for faq_id, entry, loc, field in uses
    ]
    first: dict[str, tuple[str, Place, str]] = {}
    said: set[tuple[str, str]] = set()  # a copied entry is one line, at its first repeated phrasing
    for key, faq_id, place, field in sorted(phrasings, key=lambda p: (p[2].path, p[2].position)):
        if key not in first:
            first[key] = (faq_id, place, field)
            continue
        owner, where, what = first[key]
        if owner != faq_id and (faq_id, owner) in said:
            continue
        said.add((faq_id, owner))
        if owner == faq_id:
            yield place.report(
                "E505",
                f"this phrasing repeats the entry's own {what.replace('_', ' ')}",
                hint="remove it, or write a phrasing readers really use",
            )
        else:
            yield place.report(
                "E505",
                f"the same question is already asked in faq '{owner}' ({where.path}:{where.position})",
                hint="merge the two entries into one answer, or make the phrasing specific to this one",
            )


def _label(entity: Entity) -> str:
    return f"{entity.entity_kind} '{entity.id}'"


@rule("E513")
def ambiguous_aliases(content: Content, context: Context) -> Iterator[Diagnostic]:
    # Compared as search compares them (case, accents and punctuation aside). Every other name on the
    # site is claimed first, so the alias is the one reported: a name is rarely the mistake.
    named: list[Technology | Definition] = [*content.technologies.values(), *content.definitions.values()]
    aliased: list[Industry | UseCase] = [*content.industries.values(), *content.use_cases.values()]
    owner: dict[str, str] = {}
    for entity, names in [*((e, e.names) for e in named), *((e, e.names[:1]) for e in aliased)]:
        for name in names:
            owner.setdefault(normalise_words(name), _label(entity))
    for entity in aliased:
        entry = content.entry(entity)
        for index, alias in enumerate(entity.aliases):
            claimed = owner.setdefault(normalise_words(alias), _label(entity))
            if claimed != _label(entity) and entry is not None:
                yield entry.place(("aliases", index)).report(
                    "E513",
                    f"alias '{alias}' already names {claimed}",
                    hint="remove it or make it specific to this entry; search needs one meaning per name",
                )


# The fields in which an entry names itself for search, one name each, then lists of them.
_NAME_FIELDS = ("name", "short_name", "term", "abbreviation", "title", "question")
_NAME_LISTS = ("aliases", "also_asked")


@rule("E514", per_entry=True)
def names_a_family_alias_claims(content: Content, context: Context) -> Iterator[Diagnostic]:
    # A family's main page is found by the aliases mkdocs.yml gives it. The entry is reported, at
    # the name, since that is where a file and line can be shown; the message names the alias.
    claimed = {
        normalise_words(alias): family
        for family, options in context.settings.families.items()
        if options.enabled
        for alias in options.aliases
    }
    named = (Technology, Definition, Industry, UseCase, Faq)
    for entry, loc, name, family in _names_claimed(content, named, claimed):
        yield entry.place(loc).report(
            "E514",
            f"'{name}' is also an alias of the {family} page (mkdocs.yml: families.{family}.aliases)",
            hint="reword one of them; search needs one page per name",
        )


def _names_claimed(
    content: Content, kinds: tuple[type[Entity], ...], claimed: Mapping[str, str]
) -> Iterator[tuple[Entry, Loc, str, str]]:
    """Each name search knows an entry of `kinds` by that `claimed` (normalised name → what claims it)
    gives to something else: the entry, where the name is, the name, and what claims it."""
    if not claimed:
        return
    for entry, entity in content.valid_entries():
        if isinstance(entity, kinds):
            for loc, name in _search_names(entity):
                claimant = claimed.get(normalise_words(name))
                if claimant is not None:
                    yield entry, loc, name, claimant


def _search_names(entity: Entity) -> Iterator[tuple[Loc, str]]:
    for field in _NAME_FIELDS:
        value = getattr(entity, field, None)
        if isinstance(value, str) and value:
            yield (field,), value
    for field in _NAME_LISTS:
        for index, value in enumerate(getattr(entity, field, None) or ()):
            yield (field, index), value


@rule("E515")
def questions_that_name_an_entry(content: Content, context: Context) -> Iterator[Diagnostic]:
    # A reader who types a name wants what it names: the entry is named first, and the phrasing that
    # borrows its name is reported ("benchmark contamination" asked as how models are compared).
    named: list[Technology | Definition | Industry | UseCase] = [
        *content.technologies.values(),
        *content.definitions.values(),
        *content.industries.values(),
        *content.use_cases.values(),
    ]
    owner: dict[str, str] = {}
    for entity in named:
        for name in entity.names:
            owner.setdefault(normalise_words(name), _label(entity))
    for entry, loc, text, claimant in _names_claimed(content, (Faq,), owner):
        yield entry.place(loc).report(
            "E515",
            f"'{text}' is the name of {claimant}",
            hint="a reader who types a name wants what it names; ask about what this entry answers",
        )


def _reviewed(content: Content) -> Iterator[tuple[Entry, date]]:
    for entry, entity in content.valid_entries():
        reviewed = getattr(entity, "reviewed", None)
        if reviewed is not None:
            yield entry, reviewed


# The two rules about review dates look at every entry on every run rather than per entry: what
# they report changes with the day, and a day's change should not make a check read every file.
@rule("E506")
def future_review_dates(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entry, reviewed in _reviewed(content):
        if reviewed > context.today:
            yield entry.place(("reviewed",)).report(
                "E506",
                f"reviewed date {reviewed} is in the future",
                hint=f"use the date you checked the entry, at the latest {context.today.isoformat()}",
            )


@rule("W502")
def stale_entries(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entry, reviewed in _reviewed(content):
        window = context.settings.staleness.window(entry.kind.name)
        if window is not None and reviewed < context.today - timedelta(days=window):
            yield entry.place(("reviewed",)).report(
                "W502",
                f"last reviewed {reviewed}, more than {window} days ago",
                hint="check the entry is still accurate, then update 'reviewed'",
            )


def _glossary_names(content: Content) -> Iterator[tuple[str, str, Loc, str]]:
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


@rule("E507")
def ambiguous_glossary_names(content: Content, context: Context) -> Iterator[Diagnostic]:
    owner: dict[str, str] = {}
    for definition_id, name, loc, label in _glossary_names(content):
        key = name.casefold()
        if key in owner and owner[key] != definition_id:
            document = content.documents.get(("definition", definition_id))
            if document is not None:
                yield document.place(loc).report(
                    "E507",
                    f"{label} '{name}' already names the term '{owner[key]}'",
                    hint="tooltips and search synonyms need one meaning per name; remove or reword it",
                )
        owner.setdefault(key, definition_id)


@rule("E508", per_entry=True)
def placeholders(content: Content, context: Context) -> Iterator[Diagnostic]:
    for entry in content.entries:
        for field in entry.texts:
            index = field.text.find(PLACEHOLDER)
            while index >= 0:
                before = field.text[index - 1 : index]
                after = field.text[index + len(PLACEHOLDER) : index + len(PLACEHOLDER) + 1]
                if not (before.isalnum() or after.isalnum()):
                    position = entry.document.position_in_value(field.loc, field.text, index)
                    yield Place(entry.document.path, position).report(
                        "E508",
                        f"'{field.name}' still holds the placeholder {PLACEHOLDER}",
                        hint="write the real value; explainer new leaves one in every field to fill",
                    )
                    break
                index = field.text.find(PLACEHOLDER, index + 1)
        for written in entry.ids:
            if written.target == PLACEHOLDER_ID:
                yield entry.place(written.loc).report(
                    "E508",
                    f"'{written.loc[-2] if isinstance(written.loc[-1], int) else written.loc[-1]}' still "
                    f"holds the placeholder id '{PLACEHOLDER_ID}'",
                    hint=f"write the id of a real {written.kind}",
                )


@dataclass(frozen=True)
class _Statement:
    technology: Technology
    index: int
    kind: str
    target: str


def _contradiction(first: _Statement, second: _Statement) -> str | None:
    """Why two relations between the same two technologies cannot both hold, or None."""
    kinds = {first.kind, second.kind}
    opposite = first.technology.id != second.technology.id
    if kinds == {"is-a"} and opposite:
        return "each would be a kind of the other"
    if kinds == {"part-of"} and opposite:
        return "each would be part of the other"
    if "is-a" in kinds and kinds & {"overlaps", "contrasts-with", "part-of"}:
        verb = {"overlaps": "overlap with", "contrasts-with": "contrast with", "part-of": "be part of"}
        return f"a kind of something sits inside it, so it cannot also {verb[(kinds - {'is-a'}).pop()]} it"
    if kinds == {"overlaps", "contrasts-with"}:
        return "two technologies cannot both overlap and be set against each other"
    return None


@rule("E509")
def contradictory_relations(content: Content, context: Context) -> Iterator[Diagnostic]:
    between: dict[frozenset[str], list[_Statement]] = {}
    for technology in content.technologies.values():
        for index, relation in enumerate(technology.relations):
            if relation.target in content.technologies and relation.target != technology.id:
                statement = _Statement(technology, index, relation.kind, relation.target)
                between.setdefault(frozenset({technology.id, relation.target}), []).append(statement)
    for statements in between.values():
        clashes = [
            (a, b, reason)
            for i, a in enumerate(statements)
            for b in statements[i + 1 :]
            if (reason := _contradiction(a, b)) is not None
        ]
        if not clashes:
            continue
        # One line per pair of technologies, at the relation that clashes with the most others:
        # usually the one that is wrong.
        counts: dict[int, int] = {}
        for a, b, _ in clashes:
            counts[id(a)] = counts.get(id(a), 0) + 1
            counts[id(b)] = counts.get(id(b), 0) + 1
        culprit = max(statements, key=lambda s: (counts.get(id(s), 0), s.kind == "is-a"))
        other, reason = next((b if a is culprit else a, r) for a, b, r in clashes if culprit in (a, b))
        entry = content.entry(culprit.technology)
        if entry is None:
            continue
        said = "here" if other.technology.id == culprit.technology.id else f"in {other.technology.id}"
        yield entry.place(("relations", culprit.index, "kind")).report(
            "E509",
            f"'{culprit.kind}' {culprit.target} contradicts '{other.kind}' {other.target} ({said}): {reason}",
            hint="keep the one relation that is true and remove the other",
        )
    yield from _cycles(content)


def _cycles(content: Content) -> Iterator[Diagnostic]:
    """'is-a' chains of three or more that come back to where they started, once per circle."""
    reported: set[frozenset[str]] = set()
    for technology in content.technologies.values():
        if technology.id not in content.members[technology.id]:
            continue
        circle = frozenset(
            {technology.id}
            | {other for other in content.members[technology.id] if technology.id in content.members[other]}
        )
        if len(circle) < 3 or circle in reported:  # two technologies: the pair rule above said it
            continue
        reported.add(circle)
        entry = content.entry(technology)
        index = next(i for i, r in enumerate(technology.relations) if r.kind == "is-a" and r.target in circle)
        if entry is not None:
            yield entry.place(("relations", index, "kind")).report(
                "E509",
                f"'is-a' relations lead from {technology.id} back to itself through "
                f"{', '.join(sorted(circle - {technology.id}))}",
                hint="a chain of 'is a kind of' cannot be a circle; remove one link of it",
            )


@rule("E510")
def umbrellas(content: Content, context: Context) -> Iterator[Diagnostic]:
    for technology in content.technologies.values():
        entry = content.entry(technology)
        if entry is None or not technology.umbrella:
            continue
        if technology.ratings:
            yield entry.place(("ratings",)).report(
                "E510",
                "an umbrella is not rated by hand: its cells show the range across its members",
                hint="remove 'ratings', or remove 'umbrella: true' if it is a peer of the others",
            )
        if not content.members[technology.id]:
            yield entry.place(("umbrella",)).report(
                "E510",
                "an umbrella needs members: no technology says it 'is-a' kind of this one",
                hint=f"add '- kind: is-a' with 'target: {technology.id}' to its members' relations",
            )


def _evidence_claims(content: Content) -> Iterator[tuple[Place, Evidence | None, list[str]]]:
    """Everything that can carry an evidence level: entities, ratings, strengths and weaknesses."""
    for entry, entity in content.valid_entries():
        if hasattr(entity, "evidence"):
            yield entry.place(("evidence",)), entity.evidence, list(getattr(entity, "sources", []))
        if isinstance(entity, Technology):
            for dimension_id, rating in entity.ratings.items():
                yield entry.place(("ratings", dimension_id, "evidence")), rating.evidence, rating.sources
            for field in ("strengths", "weaknesses"):
                for index, point in enumerate(getattr(entity, field)):
                    yield entry.place((field, index, "evidence")), point.evidence, point.sources


@rule("E511", per_entry=True)
def evidence_without_source(content: Content, context: Context) -> Iterator[Diagnostic]:
    for place, evidence, sources in _evidence_claims(content):
        if evidence in {"measured", "documented"} and not sources:
            yield place.report(
                "E511",
                f"marked '{evidence}' but cites no source",
                hint="add the source that says so to 'sources', or mark it 'evidence: editorial'",
            )


@rule("E512")
def guide_values(content: Content, context: Context) -> Iterator[Diagnostic]:
    for question in content.guide_questions.values():
        entry = content.entry(question)
        if entry is None:
            continue
        for c, choice in enumerate(question.choices):
            for p, preference in enumerate(choice.prefer):
                dimension = content.dimensions.get(preference.dimension)
                if dimension is None:
                    continue
                allowed = allowed_values(dimension)
                for a, value in enumerate(preference.accepts):
                    if allowed and value not in allowed:
                        yield entry.place(("choices", c, "prefer", p, "accepts", a)).report(
                            "E512",
                            f"'{value}' is not a value of '{dimension.id}'",
                            hint=did_you_mean(value, allowed) or f"use any of: {', '.join(allowed[:30])}",
                        )
                if dimension.kind == "text":
                    yield entry.place(("choices", c, "prefer", p, "dimension")).report(
                        "E512",
                        f"'{dimension.id}' holds free text, which an answer cannot match",
                        hint="prefer a scale, yes-no or list dimension",
                    )
