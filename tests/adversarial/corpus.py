"""The hostile corpus: cases, the files they become, and what each must produce.

A case puts one payload into one field of an otherwise valid entry of the
fixture corpus (or supplies a whole file, for attacks on the YAML reader) and
says what `explainer check` must report: codes at positions, or `accepted`,
meaning it passes the check and must then be inert in the built site.

    - name: img-onerror-in-a-tooltip
      field: definition.short          # KIND.FIELD; the payload goes on the last line
      payload: "<img src=x onerror=alert(1)>"
      expect: accepted                 # or a list such as ["E402 5:8"]

    - name: escape-out-of-range
      file: "question: \"\\U00110000\"\n"  # the whole file, written as given
      target: faq/hostile.yaml
      expect: ["E110 1:11"]

A field's payload is written as a JSON string (a valid YAML double-quoted
scalar) on the file's last line, so positions are stable: the line is the
template's length plus one, the column counts from `field: "`.

Cases are checked with the Markdown extensions of the fixture site the build
test builds (`check_case`), so what the check judges is what the build renders
— emoji shortcodes included.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from explainer.check import CheckResult
from explainer.settings import SiteConfig, read_site_config, validate_settings
from tests.conftest import FIXTURES
from tests.support.project import FIXTURE_SITE
from tests.unit.corpus import check_with

CASES = Path(__file__).parent / "cases"

# A valid entry of each kind the cases aim at, in the fixture corpus's terms, without its text
# fields; FILLERS supplies those with harmless values, except the one the case attacks, which is
# written last, with the payload.
TEMPLATES: dict[str, tuple[str, str]] = {
    "definition": ("definitions/hostile.yaml", "see_also: [acid]\nreviewed: 2026-01-15\n"),
    "faq": ("faq/hostile.yaml", "topics: [basics]\nreviewed: 2026-01-15\n"),
    "technology": (
        "technologies/hostile.yaml",
        "ratings:\n  schema-flexibility: {value: low}\n"
        "  query-language: {value: SQL}\n  joins: {value: partly}\n  data-models: {value: [tables]}\n"
        "reviewed: 2026-01-15\n",
    ),
    "industry": ("industries/hostile.yaml", "reviewed: 2026-01-15\n"),
    "use-case": (
        "use-cases/hostile.yaml",
        "industry: retail\ntechnologies: [relational-databases]\nreviewed: 2026-01-15\n",
    ),
    "source": ("sources/hostile.yaml", "authors: [Someone]\nyear: 2020\nkind: paper\n"),
    "dimension": ("dimensions/hostile.yaml", "kind: yes-no\nreviewed: 2026-01-15\n"),
    "topic": ("topics/hostile.yaml", ""),
}
FILLERS: dict[str, dict[str, str]] = {
    "definition": {"term": "Hostile term", "short": "A term.", "body": "Text."},
    "faq": {"question": "Is this hostile?", "answer": "Yes."},
    "technology": {"name": "Hostile databases", "summary": "A technology."},
    "industry": {"name": "Hostile industry", "summary": "An industry."},
    "use-case": {"title": "Hostile use", "summary": "A use.", "description": "Text."},
    "source": {"title": "A hostile source", "url": "https://example.org/paper"},
    "dimension": {"name": "Hostile", "question": "Is it?"},
    "topic": {"name": "Hostile topic"},
}


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # where the case's file goes, below the fixture corpus
    raw: bytes
    expect: tuple[str, ...]  # "CODE line:col"; empty means accepted
    field: str | None = None
    payload: str | None = None

    @property
    def accepted(self) -> bool:
        return not self.expect


def _field_file(kind: str, field: str, payload: str) -> tuple[str, bytes]:
    target, template = TEMPLATES[kind]
    fillers = "".join(f"{k}: {json.dumps(v)}\n" for k, v in FILLERS[kind].items() if k != field)
    text = template + fillers + f"{field}: {json.dumps(payload, ensure_ascii=False)}\n"
    return target, text.encode("utf-8", errors="surrogatepass")


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append(_case(path, entry))
    names = [case.name for case in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"case names must be unique: {duplicates}")
    return cases


def _case(path: Path, entry: dict[str, Any]) -> Case:
    expect = entry["expect"]
    expected = () if expect == "accepted" else tuple(expect)
    if "file" in entry:
        return Case(entry["name"], entry["target"], entry["file"].encode("utf-8", "surrogatepass"), expected)
    kind, _, field = entry["field"].partition(".")
    if kind not in TEMPLATES:
        raise ValueError(f"{path.name}: {entry['name']}: no template for kind '{kind}'")
    target, raw = _field_file(kind, field, entry["payload"])
    return Case(entry["name"], target, raw, expected, entry["field"], entry["payload"])


@cache
def fixture_site() -> SiteConfig:
    """The fixture site's configuration (its Markdown extensions) with default explainer options."""
    extensions = read_site_config(FIXTURE_SITE / "mkdocs.yml").markdown_extensions
    return SiteConfig(validate_settings({}), None, FIXTURES, extensions)


def check_case(path: str, raw: bytes) -> CheckResult:
    """Check the fixture corpus with `raw` at `corpus/<path>`, parsing Markdown as the fixture site does."""
    return check_with(path, raw, site=fixture_site())
