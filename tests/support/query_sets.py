"""Reader query sets and the wordings the content gives its questions, for the search quality tests.

A query set (`queries.yaml`) lists what readers type, each with every page that fully answers it. The
first site's set and the second topic's are read and scored the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

FAQ = "faq/"


@dataclass(frozen=True)
class Query:
    text: str
    answers: tuple[str, ...]
    reader: str

    @property
    def questions(self) -> tuple[str, ...]:
        """The ids of the FAQ entries among its answers."""
        return tuple(a.removeprefix(FAQ).strip("/") for a in self.answers if a.startswith(FAQ))


def load_queries(path: Path) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(e["query"], tuple(e["answers"]), e["reader"]) for e in entries]


def faq_wordings(content: Path) -> list[tuple[str, str]]:
    """Each way the content words an FAQ question (the question, then its `also_asked`), with its page."""
    wordings = []
    for path in sorted((content / "faq").glob("*.yaml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        wordings += [
            (text, f"{FAQ}{path.stem}/") for text in [entry["question"], *entry.get("also_asked", [])]
        ]
    return wordings


def worker_rank(groups: list[list[dict[str, Any]]], answers: tuple[str, ...]) -> int | None:
    """The place of the first of the search worker's result groups that answers: a page, or a glossary
    term's own section."""
    for place, group in enumerate(groups, 1):
        shown = {item["location"] for item in group}
        if any(a in shown or ("#" not in a and any(s.split("#")[0] == a for s in shown)) for a in answers):
            return place
    return None
