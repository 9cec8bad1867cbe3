"""The catalogue of diagnostic codes found while reading and validating files (lint rules carry their own)."""

from __future__ import annotations

# Ranges: E1xx reading YAML, E2xx schema, E3xx references, E4xx text safety,
# E5xx consistency, W1xx/W5xx warnings, X0xx internal errors of explainer itself.
READING_AND_SCHEMA_CODES: dict[str, str] = {
    "E101": "the file is not valid UTF-8 or cannot be read",
    "E102": "the file is larger than the size limit",
    "E103": "YAML syntax error",
    "E104": "a key appears twice in one mapping",
    "E105": "anchors, aliases and merge keys are not allowed",
    "E106": "tags (!something) are not allowed",
    "E107": "the file must hold exactly one YAML mapping",
    "E108": "nesting is too deep",
    "E109": "a key must be a plain name",
    "W104": "a file in a content folder is not YAML, so it is ignored",
    "E201": "unknown field",
    "E202": "missing required field",
    "E203": "a field has the wrong type (text, number, list, mapping, date)",
    "E204": "a value is not one the field allows",
    "E205": "a value is too long, too short, or out of range",
    "E210": "the file name is not a valid id, or 'id' differs from it",
    "E211": "the file is not in a content folder",
}
INTERNAL_CODES: dict[str, str] = {
    "X001": "a lint rule crashed (a bug in explainer)",
}
