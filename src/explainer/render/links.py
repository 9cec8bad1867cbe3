"""Where every page and entity lives in the site, and relative links between pages.

Pages are addressed by their Markdown source path (`faq/why.md`); links
between them are written as relative `.md` paths so that MkDocs (or any
other engine) resolves and validates them, with `#fragments` for entities
that live on a shared page (glossary terms, sources, matrix rows).
"""

from __future__ import annotations

import posixpath

from explainer.markdown import CrossReference
from explainer.model import KIND_BY_SCHEME, Technology

HOME = "index.md"
TECHNOLOGIES = "technologies/index.md"
MATRIX = "compare/index.md"
PROS_AND_CONS = "pros-and-cons.md"
INDUSTRIES = "industries/index.md"
USE_CASES = "use-cases/index.md"
GLOSSARY = "glossary.md"
FAQ = "faq/index.md"
SOURCES = "sources.md"
FIELD_REFERENCE = "contributing/fields.md"
DATA_FILE = "data/content.json"


def entity_path(kind: str, entity_id: str) -> str:
    """The page (and fragment, for entities on a shared page) that shows an entity."""
    return {
        "technology": f"technologies/{entity_id}.md",
        "dimension": f"{MATRIX}#{entity_id}",
        "definition": f"{GLOSSARY}#{entity_id}",
        "industry": f"industries/{entity_id}.md",
        "use-case": f"use-cases/{entity_id}.md",
        "topic": f"{FAQ}#{entity_id}",
        "faq": f"faq/{entity_id}.md",
        "source": f"{SOURCES}#{entity_id}",
    }[kind]


def pair_path(first: Technology, second: Technology) -> str:
    """The one page comparing two technologies; callers pass them in display order."""
    return f"compare/{first.id}-vs-{second.id}.md"


def relative(from_page: str, to_target: str) -> str:
    """A link from the page `from_page` to `to_target` (a page path, optionally with #fragment)."""
    path, hash_, fragment = to_target.partition("#")
    if path == from_page:
        return f"#{fragment}" if fragment else posixpath.basename(path)
    link = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"{link}#{fragment}" if hash_ else link


def cross_reference_target(reference: CrossReference) -> str:
    """The page path a `scheme:id#fragment` link points at."""
    target = entity_path(KIND_BY_SCHEME[reference.scheme].name, reference.id)
    if reference.fragment:
        target = f"{target.partition('#')[0]}#{reference.fragment}"
    return target
