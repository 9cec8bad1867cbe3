"""Scripts as readers download them.

The package keeps its scripts readable, with comments that say why; readers get them minified by
rjsmin, which drops comments and white space and leaves every token as written (no renaming), so
what runs is what the source says. The FAQ page's scripts must fit an 8 KB budget, gzipped.
"""

from __future__ import annotations

import rjsmin


def shipped_script(source: str) -> str:
    """A script's source as it is served, or inlined in a page."""
    minified: str = rjsmin.jsmin(source)
    return minified.strip() + "\n"
