"""Names of technologies inside sentences the site writes: the verb agrees, and the name reads as prose.

Technology names are written as headings are ("Document databases", "Graph AI", "Mixture of
experts"): the first letter capitalised, most of them plural. A sentence built from two of them
("Document databases use indexes") needs the verb in the number of the first and the second in
lower case, unless it is a proper name ("Apache Cassandra") or starts with an abbreviation.
"""

from __future__ import annotations

import re

from explainer.model import RELATION_SENTENCES, RelationKind

# The words after the head noun of a name: "Mixture of experts" is about a mixture, "Gas boilers
# (condensing)" about boilers.
_AFTER_HEAD = re.compile(r"\s*\(|\s+(?:of|for|with|in|on|from|by)\s+")


def is_plural(name: str) -> bool:
    """Whether a name's head noun is plural: "Indexes", "DBMSs", not "Gas" or "Analysis"."""
    words = _AFTER_HEAD.split(name, maxsplit=1)[0].split()
    head = words[-1] if words else ""
    return len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))


def in_sentence(name: str) -> str:
    """The name as it reads after a sentence's first word: "document databases", "graph AI"
    (an abbreviation keeps its capitals), "Apache Cassandra" (a proper name keeps them all)."""
    first, *rest = name.split(" ")
    proper = any(word[:1].isupper() and not word.isupper() for word in rest)
    if proper or len(first) < 2 or not first[1:].islower():
        return name
    return first[0].lower() + name[1:]


def relation_sentence(kind: RelationKind, subject: str, target: str) -> str:
    """How one technology stands to another, as a sentence without its full stop."""
    singular, plural = RELATION_SENTENCES[kind]
    return (plural if is_plural(subject) else singular).format(a=subject, b=in_sentence(target))
