"""The hostile corpus: every case gives exactly its diagnostics, and what is accepted is inert when built."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from explainer.diagnostics import Diagnostic
from tests.adversarial.corpus import FILLERS, TEMPLATES, Case, load_cases
from tests.support.inert import site_problems
from tests.support.project import build, fixture_project
from tests.unit.corpus import check_with

CASES = load_cases()
ACCEPTED = [case for case in CASES if case.accepted and case.field is not None]


def _baseline(target: str) -> set[tuple[str, str]]:
    """What a case's template gives with harmless values (a source nobody cites, say)."""
    kind = next(k for k, (path, _) in TEMPLATES.items() if path == target)
    field = next(iter(FILLERS[kind]), None)
    if field is None:
        return set()
    from tests.adversarial.corpus import _field_file

    _, raw = _field_file(kind, field, FILLERS[kind][field])
    return {(d.code, d.path) for d in check_with(target, raw).diagnostics}


def _shown(diagnostics: list[Diagnostic], target: str, baseline: set[tuple[str, str]]) -> list[str]:
    return sorted(
        f"{d.code} {d.position}"
        + ("" if d.path == f"corpus/{target}" else f" {d.path.removeprefix('corpus/')}")
        for d in diagnostics
        if (d.code, d.path) not in baseline
    )


def test_the_corpus_is_large_and_covers_every_class() -> None:
    assert len(CASES) >= 200
    files = {path.stem for path in (Path(__file__).parent / "cases").glob("*.yaml")}
    assert files >= {"event-handlers", "schemes", "entities", "markdown-links", "abbreviations", "yaml"}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_gives_exactly_its_diagnostics(case: Case) -> None:
    result = check_with(case.file, case.raw)
    baseline = _baseline(case.file) if case.field else set()
    assert _shown(result.diagnostics, case.file, baseline) == sorted(case.expect), "\n".join(
        map(str, result.diagnostics)
    )


def _batch_file(case: Case, index: int) -> tuple[str, str]:
    """The accepted case as its own entry, named and titled uniquely so a batch of them builds."""
    kind, _, field = (case.field or "").partition(".")
    target, template = TEMPLATES[kind]
    folder = target.split("/")[0]
    fillers = {
        k: (f"{v[:-1]} {index}?" if v.endswith("?") else f"{v} {index}") for k, v in FILLERS[kind].items()
    }
    fillers.pop(field, None)
    lines = template + "".join(f"{k}: {json.dumps(v)}\n" for k, v in fillers.items())
    lines += f"{field}: {json.dumps(case.payload, ensure_ascii=False)}\n"
    return f"{folder}/adversarial-{index}.yaml", lines


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every accepted case in one site: the fixture corpus with one entry per case."""
    project = fixture_project(tmp_path_factory.mktemp("adversarial") / "project")
    for index, case in enumerate(ACCEPTED):
        path, text = _batch_file(case, index)
        (project / "content" / path).write_text(text, encoding="utf-8")
    return build(project)


@pytest.mark.build
def test_every_accepted_case_is_inert_in_every_page_and_the_search_index(hostile_build: Path) -> None:
    assert site_problems(hostile_build) == {}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _visible_text(site: Path) -> str:
    parser = _Text()
    for page in site.rglob("*.html"):
        parser.feed(page.read_text())
    return " ".join(" ".join(parser.parts).split())


PLAIN_FIELDS = {"short", "name", "summary", "question", "title", "term"}


@pytest.mark.build
def test_accepted_plain_text_reaches_the_reader_as_exactly_its_characters(hostile_build: Path) -> None:
    text = _visible_text(hostile_build)
    plain = [c for c in ACCEPTED if (c.field or "").split(".")[1] in PLAIN_FIELDS and c.payload]
    assert plain, "the corpus needs accepted plain-text payloads"
    missing = [c.name for c in plain if " ".join((c.payload or "").split()) not in text]
    assert missing == []
