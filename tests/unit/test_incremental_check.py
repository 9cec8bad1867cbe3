"""A repeat check redoes only what changed, and still reports exactly what a full check reports.

Two promises make that safe. A rule registered `per_entry` must report about an entry from that
entry alone: run on a corpus of one entry, it finds what it finds in the whole corpus. And a check
that takes unchanged files from the cache must print, after any edit, rename, deletion or change of
settings or day, what a check without the cache prints.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer import kept as kept_module
from explainer import snapshot as snapshot_module
from explainer.check import context_for
from explainer.cli import main
from explainer.families import built_families
from explainer.lint import RULES, Context, lint_entry
from tests.conftest import CORPUS, FIXTURES, TODAY
from tests.unit.corpus import (
    check_with,
    fixture_header,
    make_records_first,
    site_with,
    spy_on_reading_and_linting,
)

BAD = sorted((FIXTURES / "bad").glob("*.y*ml"))
PER_ENTRY = sorted({rule.code for rule in RULES if rule.per_entry})


def _per_entry_findings(target: str, raw: bytes, settings: dict[str, object] | None) -> tuple[set, set]:
    """What the per-entry rules report over the whole corpus, and entry by entry on its own."""
    site = site_with(settings)
    content = check_with(target, raw, site=site).content
    base = context_for(site, today=TODAY)
    context = Context(base.today, base.settings, base.analyser, built_families(content, base.settings))
    whole = {d for rule in RULES if rule.per_entry for d in rule.run(content, context)}
    alone = {d for entry in content.entries for d in lint_entry(entry, context).diagnostics}
    return whole, alone


@pytest.mark.parametrize("fixture", BAD, ids=[p.stem for p in BAD])
def test_per_entry_rules_find_the_same_in_an_entry_alone_as_in_the_corpus(fixture: Path) -> None:
    target, _, settings = fixture_header(fixture)
    whole, alone = _per_entry_findings(target, fixture.read_bytes(), settings)
    assert whole == alone


def test_the_bad_fixtures_exercise_every_per_entry_rule() -> None:
    """The comparison above means something only if each per-entry rule reports somewhere in it."""
    found: set[str] = set()
    for fixture in BAD:
        target, _, settings = fixture_header(fixture)
        found |= {d.code for d in _per_entry_findings(target, fixture.read_bytes(), settings)[0]}
    assert [code for code in PER_ENTRY if code not in found] == []


# -- the command, with and without the cache -----------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "site/mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(CORPUS, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EXPLAINER_TODAY", TODAY.isoformat())
    monkeypatch.delenv("EXPLAINER_CACHE", raising=False)
    return tmp_path


def _check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    status = main(["check", "--lenient", *args])
    monkeypatch.delenv("EXPLAINER_CACHE", raising=False)  # --no-cache sets it for its own process
    out, err = capsys.readouterr()
    return f"{status}\n{out}{err}"


def _drop(fixture: str) -> Callable[[Path], None]:
    """Put a bad fixture where it says it goes (a new file, or one replaced)."""

    def change(root: Path) -> None:
        source = FIXTURES / "bad" / fixture
        target, _, _ = fixture_header(source)
        (root / "content" / target).write_bytes(source.read_bytes())

    return change


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        file = root / path
        text = file.read_text()
        assert old in text, (path, old)
        file.write_text(text.replace(old, new))

    return change


def _first(folder: str) -> Callable[[Path], Path]:
    return lambda root: sorted((root / "content" / folder).glob("*.yaml"))[0]


STEPS: list[tuple[str, Callable[[Path], object]]] = [
    ("a file with an unknown reference", _drop("E301-unknown-technology.yaml")),
    ("a file that does not parse", _drop("E104-duplicate-key.yaml")),
    ("a file the schema refuses", _drop("E201-unknown-field.yaml")),
    ("text with raw HTML", _drop("E402-raw-html.yaml")),
    ("a phrasing another entry already has", _drop("E505-same-question.yaml")),
    ("the schema error fixed in place", _drop("E605-short-answer.yaml")),
    ("an unchanged file's reference made unknown by a rename", lambda root: _first("definitions")(root).rename(
        _first("definitions")(root).with_name("renamed-term.yaml"))),
    ("a file deleted", lambda root: _first("faq")(root).unlink()),
    ("the rename undone by a new file", lambda root: (root / "content/definitions/renamed-term.yaml").rename(
        root / "content/definitions" / sorted(p.name for p in (CORPUS / "definitions").glob("*.yaml"))[0])),
    ("a stricter policy", _replace("mkdocs.yml", "      content_dir: content\n",
                                   "      content_dir: content\n      policy:\n        min_examples: 9\n")),
]  # fmt: skip


@pytest.fixture(params=["records made as the check goes", "records made first, on all cores"])
def made_first(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records each check made before it began (KeptFiles.make_missing), which a large
    corpus does on all cores; the second way makes them for any number of new files."""
    made: list[int] = []
    make = kept_module.KeptFiles.make_missing

    def counted(self: kept_module.KeptFiles, *args: object) -> int:
        made.append(make(self, *args))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(kept_module.KeptFiles, "make_missing", counted)
    if request.param.endswith("all cores"):
        make_records_first(monkeypatch)
    return made


@pytest.fixture(params=["files just written", "files settled"])
def settled(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether checks see the files as settled, so that their status vouches for their bytes
    (explainer.snapshot): the test's files are seconds old, so the checks run "a minute later"."""
    if request.param == "files settled":
        now = time.time_ns
        monkeypatch.setattr(snapshot_module.time, "time_ns", lambda: now() + 60_000_000_000)
    return request.param == "files settled"


def test_after_every_change_a_cached_check_prints_what_a_full_check_prints(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    made_first: list[int],
    settled: bool,
) -> None:
    assert _check(capsys, monkeypatch) == _check(capsys, monkeypatch, "--no-cache")
    # Both ways are tested: the first checks made every record ahead, or none.
    assert (made_first[0] > 0) == (kept_module.RECORDS_ON_ALL_CORES == 1), made_first
    seen: set[str] = set()
    for name, change in STEPS:
        change(project)
        cached = _check(capsys, monkeypatch)
        assert cached == _check(capsys, monkeypatch, "--no-cache"), name
        assert cached not in seen, f"{name}: the output did not change, so the step tests nothing"
        seen.add(cached)
    # Days pass: per-entry findings that depend on the date (stale reviews) must not be kept.
    monkeypatch.setenv("EXPLAINER_TODAY", "2031-01-01")
    later = _check(capsys, monkeypatch)
    assert later == _check(capsys, monkeypatch, "--no-cache") and "W502" in later


def test_a_repeat_check_after_one_edit_reads_and_lints_only_that_file(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(capsys, monkeypatch)
    parsed, linted = spy_on_reading_and_linting(monkeypatch)
    edited = _first("faq")(project)
    edited.write_text(edited.read_text().replace("?", "? ", 1))
    _check(capsys, monkeypatch)
    assert parsed == [f"content/faq/{edited.name}"]
    assert linted == [edited.stem]


def test_a_new_day_reads_no_file_again_but_still_finds_what_went_stale(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "W502" not in _check(capsys, monkeypatch)
    _, linted = spy_on_reading_and_linting(monkeypatch)
    monkeypatch.setenv("EXPLAINER_TODAY", "2031-01-01")
    assert "W502" in _check(capsys, monkeypatch)
    assert linted == []


def test_records_made_first_leave_the_check_nothing_to_redo(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made ahead, a file's record holds all the check needs: it is read and linted once."""
    make_records_first(monkeypatch, here=True)  # in this process, where the counts below can see them
    parsed, linted = spy_on_reading_and_linting(monkeypatch)
    _check(capsys, monkeypatch)
    files = sorted((project / "content").rglob("*.yaml"))
    assert sorted(parsed) == [f"content/{path.relative_to(project / 'content')}" for path in files]
    assert sorted(linted) == sorted(path.stem for path in files)


def test_a_file_whose_status_is_unchanged_is_not_read_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, settled: bool
) -> None:
    """Settled files are known by their status; anything that writes a file changes its status,
    even an edit that keeps its size and a copy that keeps its modification time."""
    _check(capsys, monkeypatch)
    read: list[str] = []
    read_bytes = snapshot_module.read_bytes
    monkeypatch.setattr(snapshot_module, "read_bytes", lambda path: read.append(path) or read_bytes(path))
    before_edit = _check(capsys, monkeypatch)
    assert len(read) == (0 if settled else len(list((project / "content").rglob("*.yaml"))))

    edited = _first("faq")(project)
    before = edited.stat()
    text = edited.read_text()
    same_size = text.replace("?", "!", 1)
    assert len(same_size) == len(text) and same_size != text
    edited.write_text(same_size)
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or a careless tool would
    read.clear()
    after = _check(capsys, monkeypatch)
    names = [Path(path).name for path in read]
    assert names == [edited.name] if settled else edited.name in names
    assert after == _check(capsys, monkeypatch, "--no-cache") != before_edit


def test_a_file_that_cannot_be_read_is_reported_however_the_records_are_made(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first check's workers read and hash the files themselves; one they cannot read is E101,
    as when the check reads it in turn."""
    (project / "content/faq/gone.yaml").symlink_to(project / "nowhere.yaml")
    in_turn = _check(capsys, monkeypatch, "--no-cache")
    assert "content/faq/gone.yaml:1:1: error E101" in in_turn
    make_records_first(monkeypatch)
    assert _check(capsys, monkeypatch, "--no-cache") == in_turn
    assert _check(capsys, monkeypatch) == in_turn  # a first check, keeping what it made
    assert _check(capsys, monkeypatch) == in_turn  # and again, from what it kept


def test_records_completed_under_new_settings_are_kept_in_place_of_the_parts_they_came_in(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first check keeps its workers' records in parts; new settings lint every entry again, and
    what they found is what the next check keeps, not the parts' findings under the old ones."""
    make_records_first(monkeypatch)
    _check(capsys, monkeypatch)
    _replace(
        "mkdocs.yml",
        "      content_dir: content\n",
        "      content_dir: content\n      policy:\n        min_examples: 9\n",
    )(project)
    stricter = _check(capsys, monkeypatch)
    _, linted = spy_on_reading_and_linting(monkeypatch)
    make_records_first(monkeypatch, here=True)
    edited = _first("faq")(project)
    edited.write_text(edited.read_text().replace("?", "? ", 1))
    after_edit = _check(capsys, monkeypatch)
    assert linted == [edited.stem]
    assert after_edit == _check(capsys, monkeypatch, "--no-cache") == stricter  # a space changes no finding
