"""The rule registry: a list of small functions, each reporting under one code from the catalogue."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from explainer.codes import CATALOGUE, UnknownCode
from explainer.content import Content
from explainer.diagnostics import Diagnostic
from explainer.markdown import Analyser
from explainer.settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True)
class Context:
    """What rules may know besides the content: the day they run, the site's settings, its parser."""

    today: date
    settings: Settings = DEFAULT_SETTINGS
    analyser: Analyser = field(default_factory=Analyser)
    # Page families the site builds; links to kinds shown by other families go nowhere (E305).
    # Only corpus rules may read them: they depend on every file.
    families: frozenset[str] | None = None
    # Work several rules share (every reference in the corpus, say), done once per run.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]  # type: ignore[no-any-return]


T = TypeVar("T")


Check = Callable[[Content, Context], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    check: Check
    # What a finding can depend on: only the entry it is in (and the context), or the whole corpus.
    # A check that runs again after an edit re-runs per-entry rules on the edited files alone.
    per_entry: bool = False

    @property
    def summary(self) -> str:
        return CATALOGUE[self.code].summary

    def run(self, content: Content, context: Context) -> Iterator[Diagnostic]:
        yield from self.check(content, context)


RULES: list[Rule] = []


def rule(code: str, *, per_entry: bool = False) -> Callable[[Check], Check]:
    """Register `check` under `code`, which must be in the catalogue (its summary says what it checks).

    `per_entry` promises that what the rule reports about an entry depends on that entry and the
    site's settings and parser alone, never on other files, the page families built (they depend on
    other files) or the day: run on a corpus of one entry, it reports exactly what it reports about
    that entry in the whole corpus (tests/unit/test_incremental_check.py holds every such rule to it).
    """
    if code not in CATALOGUE:
        raise UnknownCode(f"rule code {code} is not in explainer.codes.CATALOGUE")

    def register(check: Check) -> Check:
        RULES.append(Rule(code, check, per_entry))
        return check

    return register
