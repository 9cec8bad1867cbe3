"""Where every page and entity lives in the site, and relative links between pages.

Pages are addressed by their Markdown source path (`faq/why.md`); links
between them are written as relative `.md` paths so that MkDocs (or any
other engine) resolves and validates them, with `#fragments` for entities
that live on a shared page (glossary terms, sources, matrix rows). Entity
paths come from the kind registry, family pages from the family declarations.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache

from explainer.families import FAMILY_BY_NAME
from explainer.kinds import KIND_BY_NAME, KIND_BY_SCHEME
from explainer.markdown import CrossReference
from explainer.model import Technology

HOME = "index.md"
TECHNOLOGIES = FAMILY_BY_NAME["technologies"].index
MATRIX = FAMILY_BY_NAME["compare"].index
PROS_AND_CONS = FAMILY_BY_NAME["pros-and-cons"].index
GUIDE = FAMILY_BY_NAME["guide"].index
INDUSTRIES = FAMILY_BY_NAME["industries"].index
USE_CASES = "use-cases/index.md"
GLOSSARY = FAMILY_BY_NAME["glossary"].index
FAQ = FAMILY_BY_NAME["faq"].index
SOURCES = FAMILY_BY_NAME["sources"].index
FIELD_REFERENCE = FAMILY_BY_NAME["reference"].index
DATA_FILE = "data/content.json"


def entity_path(kind: str, entity_id: str) -> str:
    """The page (and fragment, for entities on a shared page) that shows an entity."""
    return KIND_BY_NAME[kind].path(entity_id)


def pair_path(first: Technology, second: Technology) -> str:
    """The one page comparing two technologies; callers pass them in display order."""
    return f"compare/{first.id}-vs-{second.id}.md"


def relative(from_page: str, to_target: str) -> str:
    """A link from the page `from_page` to `to_target` (a page path, optionally with #fragment)."""
    path, hash_, fragment = to_target.partition("#")
    if path == from_page:
        return f"#{fragment}" if fragment else posixpath.basename(path)
    link = _relative_path(path, posixpath.dirname(from_page))
    return f"{link}#{fragment}" if hash_ else link


@lru_cache(maxsize=65536)
def _relative_path(path: str, folder: str) -> str:
    """`posixpath.relpath` for the site's own paths (relative, normalised), without asking the OS for
    the working directory on every call: a large site makes hundreds of thousands of links."""
    target = path.split("/")
    start = folder.split("/") if folder else []
    common = 0
    while common < min(len(start), len(target) - 1) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])


def cross_reference_target(
    reference: CrossReference, path_of: Callable[[str, str], str] = entity_path
) -> str:
    """The page path a `scheme:id#fragment` link points at; `path_of(kind, id)` places entities."""
    target = path_of(KIND_BY_SCHEME[reference.scheme].name, reference.id)
    if reference.fragment:
        target = f"{target.partition('#')[0]}#{reference.fragment}"
    return target
