"""The rule registry: a list of small functions, each with a stable code and a one-line summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from explainer.diagnostics import Diagnostic
from explainer.model import Content

STALE_AFTER_DAYS = 548  # eighteen months: long enough for a stable topic, short for AI


@dataclass(frozen=True)
class Context:
    """What rules may know besides the content: the date they run on."""

    today: date
    stale_after_days: int = STALE_AFTER_DAYS


Check = Callable[[Content, Context], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    check: Check

    def run(self, content: Content, context: Context) -> Iterator[Diagnostic]:
        yield from self.check(content, context)


RULES: list[Rule] = []


def rule(code: str, summary: str) -> Callable[[Check], Check]:
    """Register `check` under `code`; the code names the kind of finding it reports."""

    def register(check: Check) -> Check:
        RULES.append(Rule(code, summary, check))
        return check

    return register
