"""Scripts as readers download them.

The package keeps its scripts readable, with comments that say why; readers get them minified by
rjsmin, which drops comments and white space and leaves every name as written (no renaming), so
what runs is what the source says. The FAQ page's scripts must fit an 8 KB budget, gzipped.
"""

from __future__ import annotations

import gzip
from importlib import resources

import rjsmin

# The FAQ page's scripts for its filter and the matrix, which must fit the budget together:
# faq-query.js is inlined in the head of the page (explainer.finish), the others are files.
BUDGETED_SCRIPTS = ("matrix.js", "search-words.js", "faq-search.js", "faq-query.js")
SCRIPT_BUDGET_BYTES = 8 * 1024


def shipped_script(source: str) -> str:
    """A script's source as it is served, or inlined in a page."""
    minified: str = rjsmin.jsmin(source)
    return minified.strip() + "\n"


def budgeted_sizes() -> dict[str, int]:
    """Each budgeted script's size as a reader downloads it: minified, then gzipped (level 9)."""
    assets = resources.files("explainer.assets")
    shipped = {name: shipped_script((assets / name).read_text(encoding="utf-8")) for name in BUDGETED_SCRIPTS}
    return {name: len(gzip.compress(script.encode(), 9, mtime=0)) for name, script in shipped.items()}
