"""Reading every Markdown field of a corpus before the rules run: from the cache, or on all cores.

Rules ask the site's `Analyser` about fields one at a time; this fills its memo first, so that
the rules only look things up. A field read before (same text, same parser set-up, same code)
comes from the check cache; the rest are parsed, split across the machine's cores when there are
enough of them to pay for starting the workers.
"""

from __future__ import annotations

from collections.abc import Iterable

from explainer.cache import CheckCache, digest
from explainer.content import Content, Entry
from explainer.cores import on_all_cores
from explainer.markdown import Analyser, Analysis

# Below this many fields to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 300


def markdown_texts(entries: Iterable[Entry]) -> list[str]:
    """Every distinct Markdown field of these entries (including files that failed the schema)."""
    texts: dict[str, None] = {}
    for entry in entries:
        for field in entry.texts:
            if field.markdown is not None:
                texts.setdefault(field.text)
    return list(texts)


def analyse_corpus(content: Content, analyser: Analyser, cache: CheckCache | None = None) -> int:
    """Make sure `analyser` knows every Markdown field of `content`; returns how many were parsed."""
    if cache is not None:
        cache.every_field_used()
    return analyse_entries(content.entries, analyser, cache)


def analyse_entries(entries: Iterable[Entry], analyser: Analyser, cache: CheckCache | None = None) -> int:
    """Make sure `analyser` knows every Markdown field of `entries`; returns how many were parsed."""
    configuration = analyser.configuration
    missing: list[tuple[bytes, str]] = []
    for text in markdown_texts(entries):
        key = digest(configuration, text) if cache is not None else b""
        known = analyser.known.get(text)
        if known is None and cache is not None:
            known = cache.analysis(key)
            if known is not None:
                analyser.known[text] = known
        if known is None:
            missing.append((key, text))
        elif cache is not None:
            cache.keep(key, known)
    texts = [text for _, text in missing]
    for text, analysis in zip(texts, _parse_all(analyser, texts), strict=True):
        analyser.known[text] = analysis
    if cache is not None:
        for key, text in missing:
            cache.remember_analysis(key, analyser.known[text])
    return len(missing)


def _parse_all(analyser: Analyser, texts: list[str]) -> list[Analysis]:
    if len(texts) >= PARALLEL_FROM:
        analyser.prepare()  # once here, not once in every worker
    return on_all_cores(lambda index: analyser.parse(texts[index]), len(texts), minimum=PARALLEL_FROM)
