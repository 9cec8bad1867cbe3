"""Mutation fuzz: a real content file, damaged at random, only ever gets diagnostics from `explainer check`.

Each example takes one file of content/, applies a few mutations (bytes, Unicode, YAML punctuation,
indentation, huge numbers, encodings), puts it into a copy of the fixture site's corpus, and runs
`explainer check` in-process, as a contributor would, in one of its output formats. It must exit 0 or 1
without raising, and print each diagnostic on one line that names a real file, line and column.

The fixture corpus rather than the real one: checking the real corpus takes seconds, the fixture's a
tenth of a second, and the file's unresolved references only add diagnostics to format. How long
each example takes is measured, reported as a Hypothesis event, and written with the slowest example
to site-reports/property/check-fuzz.json; it is not asserted (a busy machine would fail it).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from explainer.cli import main
from tests.conftest import REPO
from tests.property.mutations import MUTATIONS, Mutation
from tests.support.project import fixture_project

REAL_FILES = sorted(path.relative_to(REPO / "content") for path in (REPO / "content").rglob("*.yaml"))
REPORT = REPO / "site-reports" / "property" / "check-fuzz.json"

TEXT_LINE = re.compile(r"(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning) [EW]\d{3}: [^\n]+")
GITHUB_LINE = re.compile(
    r"::(?:error|warning) file=(?P<path>[^,\n]+),line=(?P<line>\d+),col=(?P<col>\d+),title=[EW]\d{3}::[^\n]+"
)
# One line means no line breaks, and nothing that moves the cursor or reorders text on a terminal.
INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")

    def add(self, took: float, example: str) -> None:
        self.seconds.append(took)
        self.slowest = max(self.slowest, (took, example))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("fuzz") / "project")
    _run_check(project, "text")  # first-use costs (imports, compiled schemas) are not an example's
    return project


@pytest.fixture(scope="module")
def timings() -> Iterator[Timings]:
    found = Timings()
    yield found
    if found.seconds:
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        ordered = sorted(found.seconds)
        REPORT.write_text(
            json.dumps(
                {
                    "examples": len(ordered),
                    "median_seconds": round(ordered[len(ordered) // 2], 3),
                    "slowest_seconds": round(found.slowest[0], 3),
                    "slowest_example": found.slowest[1],
                },
                indent=2,
            )
        )


def _run_check(project: Path, output_format: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", str(project), "--format", output_format])
    return status, out.getvalue(), err.getvalue()


def _position_problems(path: str, line: int, col: int) -> list[str]:
    where = Path(path)
    if not where.is_file():
        return [f"{path}: no such file"]
    lines = where.read_bytes().split(b"\n")
    if not 1 <= line <= len(lines) + 1 or col < 1 or col > len(lines[min(line, len(lines)) - 1]) + 2:
        return [f"{path}:{line}:{col}: outside the file"]
    return []


def _report_problems(status: int, out: str, err: str, output_format: str) -> list[str]:
    problems = [] if status in (0, 1) else [f"exit status {status}"]
    if "Traceback" in out + err:
        problems.append("a traceback")
    if output_format == "json":
        records = json.loads(out)
        positions = [(r["path"], r["line"], r["column"]) for r in records]
    else:
        pattern = TEXT_LINE if output_format == "text" else GITHUB_LINE
        positions = []
        for line in out.splitlines():
            match = pattern.fullmatch(line)
            if match is None or INVISIBLE.search(line):
                problems.append(f"not one clean diagnostic line: {line!r}")
                continue
            positions.append(
                (match["path"].replace("%3A", ":").replace("%2C", ","), int(match["line"]), int(match["col"]))
            )
    if status == 1 and not positions:
        problems.append("failed without a diagnostic")
    for path, line, col in positions:
        problems += _position_problems(path, line, col)
    return problems


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(REAL_FILES),
    st.lists(MUTATIONS, min_size=1, max_size=4),
    st.sampled_from(["text", "text", "github", "json"]),
)
def test_a_damaged_content_file_only_ever_gets_one_line_diagnostics(
    project: Path,
    timings: Timings,
    monkeypatch: pytest.MonkeyPatch,
    real: Path,
    mutations: list[Mutation],
    output_format: str,
) -> None:
    monkeypatch.setenv("EXPLAINER_TODAY", "2026-12-01")
    monkeypatch.setenv("EXPLAINER_CACHE", "0")  # every example is checked for real
    raw = (REPO / "content" / real).read_bytes()
    for _, mutate in mutations:
        raw = mutate(raw)
    target = project / "content" / real
    target.parent.mkdir(parents=True, exist_ok=True)
    kept = target.read_bytes() if target.is_file() else None  # a fixture file of the same name
    target.write_bytes(raw)
    description = f"{real}: {'; '.join(name for name, _ in mutations)}"
    note(description)
    try:
        started = time.perf_counter()
        status, out, err = _run_check(project, output_format)
        took = time.perf_counter() - started
        problems = _report_problems(status, out, err, output_format)  # while the file is there
    finally:
        if kept is None:
            target.unlink()
        else:
            target.write_bytes(kept)
    timings.add(took, description)
    event("check took " + ("under 0.25 s" if took < 0.25 else "0.25 to 1 s" if took < 1 else "over 1 s"))
    note(out[-3000:])
    assert problems == []
