"""'Did you mean …?' hints: the nearest known name to a misspelt one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The closest of `known` to `word`, or None when nothing is close enough to suggest."""
    candidates = sorted(set(known))
    folded = {c.casefold(): c for c in candidates}
    if word.casefold() in folded:
        return folded[word.casefold()]
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    # A short form often names a long id: 'sqld' for 'structured-query-language-databases'.
    initials = {"".join(part[0] for part in c.split("-") if part): c for c in candidates}
    stripped = word.casefold().rstrip("s")
    return initials.get(stripped) or initials.get(word.casefold())


def did_you_mean(word: str, known: Iterable[str]) -> str | None:
    match = nearest(word, known)
    return f"did you mean '{match}'?" if match else None
