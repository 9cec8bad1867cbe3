"""The check cache makes repeat checks fast and can never change what a check reports.

Each step edits, renames or deletes content between runs and compares the cached run's output
with a run that ignores the cache: they must be identical, byte for byte, exit status included.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer import cache as cache_module
from explainer import check as check_module
from explainer import kept
from explainer.analysis import analyse_corpus
from explainer.cache import CheckCache
from explainer.check import check_content
from explainer.cli import main
from explainer.markdown import Analyser, AnalyserCache
from explainer.project import find_project
from tests.conftest import CORPUS, FIXTURES
from tests.unit.corpus import make_records_first

Run = tuple[int, str, str]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture site (mkdocs.yml, so the cache is on) with a writable copy of the corpus."""
    shutil.copy(FIXTURES / "site/mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(CORPUS, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EXPLAINER_TODAY", "2026-06-01")
    monkeypatch.delenv("EXPLAINER_CACHE", raising=False)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _agree(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """The cached run and an uncached run of the same content give the same output."""
    cached = _run(capsys)
    uncached = _run(capsys, "--no-cache")
    monkeypatch.delenv("EXPLAINER_CACHE", raising=False)  # --no-cache sets it for its own process
    assert cached == uncached
    return cached


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


STEPS: list[tuple[str, Callable[[Path], None], str]] = [
    ("unchanged", lambda root: None, "check passed"),
    (
        "an edit that breaks a link",
        lambda root: _edit(root / "content/faq/which-should-i-choose.yaml", "(term:acid)", "(term:acdi)"),
        "unknown glossary term 'acdi'",
    ),
    (
        "the edit undone",
        lambda root: _edit(root / "content/faq/which-should-i-choose.yaml", "(term:acdi)", "(term:acid)"),
        "check passed",
    ),
    (
        "a renamed file: its id changes",
        lambda root: (root / "content/definitions/acid.yaml").rename(
            root / "content/definitions/acidity.yaml"
        ),
        "unknown glossary term 'acid'",
    ),
    (
        "a deleted file",
        lambda root: (root / "content/definitions/acidity.yaml").unlink(),
        "unknown glossary term 'acid'",
    ),
    (
        "a stray file",
        lambda root: (root / "content/faq/notes.md").write_text("not content"),
        "W104",
    ),
]


def test_edits_renames_and_deletions_are_never_served_from_the_cache(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, change, expected in STEPS:
        change(project)
        first = _agree(capsys, monkeypatch)
        assert expected in first[1] + first[2], name
        assert _run(capsys) == first, f"{name}: a repeat run differs"  # now from the whole-result cache
    assert (project / ".cache/explainer/result.pickle").is_file()
    assert (project / ".cache/explainer/files.pickle").is_file()


def _analyse_everything(project: Path) -> None:
    """What a build does after its check: every Markdown field analysed, and the analyses kept."""
    site = find_project(project).site
    content = check_content(site.content_dir, site=site, use_cache=False).content
    cache = CheckCache.load(site.project_root)
    analyse_corpus(content, Analyser(site.markdown_extensions), cache)
    cache.save()


def test_a_build_finds_every_field_a_previous_build_analysed(project: Path) -> None:
    _analyse_everything(project)
    site = find_project(project).site
    content = check_content(site.content_dir, site=site, use_cache=False).content
    fresh = Analyser(site.markdown_extensions)  # as a new process would have
    assert analyse_corpus(content, fresh, CheckCache.load(site.project_root)) == 0
    assert analyse_corpus(content, Analyser(site.markdown_extensions), CheckCache(None)) > 0


def test_a_repeat_check_parses_markdown_only_in_the_file_that_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = find_project(project).site
    check_content(site.content_dir, site=site)
    parsed: list[str] = []
    parse = Analyser.parse
    monkeypatch.setattr(Analyser, "parse", lambda self, text: parsed.append(text) or parse(self, text))
    monkeypatch.setattr(check_module, "ANALYSERS", AnalyserCache())  # a new process's parsers
    check_content(site.content_dir, site=site)
    assert parsed == []
    edited = project / "content/faq/which-should-i-choose.yaml"
    edited.write_text(edited.read_text().replace("(term:acid)", "(term:acid) (edited)"))
    check_content(site.content_dir, site=site)
    assert parsed and all(text in edited.read_text() or "(edited)" in text for text in parsed)
    assert any("(edited)" in text for text in parsed)


def test_a_cache_from_other_code_or_a_damaged_file_is_ignored(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _agree(capsys, monkeypatch)
    _analyse_everything(project)
    for name in ("result.pickle", "analyses.pickle", "files.pickle"):
        stored = project / ".cache/explainer" / name
        stored.write_bytes(stored.read_bytes()[: len(stored.read_bytes()) // 2])  # cut off mid-write
    assert _agree(capsys, monkeypatch)[0] == 0
    _analyse_everything(project)
    assert CheckCache.load(project).result is not None and CheckCache.load(project).analyses
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: b"another version")
    assert CheckCache.load(project).result is None and CheckCache.load(project).analyses == {}
    (project / ".cache/explainer/analyses.pickle").write_bytes(b"not a pickle")
    assert CheckCache.load(project).analyses == {}


def test_other_settings_miss_the_cached_result(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _agree(capsys, monkeypatch)[0] == 0
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      content_dir: content\n",
            "      content_dir: content\n      policy:\n        min_examples: 9\n",
        )
    )
    status, out, _ = _agree(capsys, monkeypatch)
    assert status == 1 and "E602" in out


def test_a_few_new_values_are_written_beside_the_base_which_is_rewritten_once_out_of_date(
    tmp_path: Path,
) -> None:
    """A repeat check after one edit writes the few new records, not all 10,000 again."""
    folder = tmp_path / "cache"

    def save(values: dict[bytes, bytes]) -> CheckCache:
        cache = CheckCache(folder)
        for key, value in values.items():
            kept = cache.file(key)  # as a check does: an unchanged file's record is the one kept
            cache.remember_file(key, kept if kept == value else value, changed=kept != value)
        cache.save()
        return cache

    def kept() -> dict[bytes, bytes]:
        cache = CheckCache(folder)
        cache.file(b"")
        return dict(cache._files or {})

    base = {bytes([n]): b"record %d" % n for n in range(80)}
    save(base)
    assert kept() == base and not (folder / "files.pickle.new").exists()
    written = (folder / "files.pickle").stat().st_mtime_ns

    one_edit = {**{k: v for k, v in base.items() if k != b"\x00"}, b"edited": b"new record"}
    save(one_edit)
    assert kept() == {**base, **one_edit}  # the edited file's old record stays until the base is rewritten
    assert (folder / "files.pickle").stat().st_mtime_ns == written

    many_edits = {**{k: v for k, v in base.items() if k[0] >= 10}, **{b"e%d" % n: b"x" for n in range(10)}}
    save(many_edits)
    assert kept() == many_edits and not (folder / "files.pickle.new").exists()


def test_the_analyses_a_first_checks_workers_made_serve_a_later_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept as the workers pickled them (explainer.kept.KeptFiles.make_missing), then read back."""
    make_records_first(monkeypatch)
    site = find_project(project).site
    content = check_content(site.content_dir, site=site).content
    assert (project / ".cache/explainer/analyses.pickle.parts").exists()
    fresh = Analyser(site.markdown_extensions)  # as a new process would have
    assert analyse_corpus(content, fresh, cache := CheckCache.load(site.project_root)) == 0
    # Once a field goes, a build that looked up every field rewrites the base without it, and
    # the parts, all in the base now, go.
    _edit(next((project / "content/faq").glob("*.yaml")), "answer: |\n  ", "answer: |\n  Now. ")
    content = check_content(site.content_dir, site=site).content
    cache = CheckCache.load(site.project_root)
    assert (
        analyse_corpus(content, Analyser(site.markdown_extensions), cache) == 0
    )  # its record made the new one
    cache.save()
    assert not (project / ".cache/explainer/analyses.pickle.parts").exists()
    assert (
        analyse_corpus(content, Analyser(site.markdown_extensions), CheckCache.load(site.project_root)) == 0
    )


def test_a_first_checks_records_stay_in_the_parts_its_workers_made_while_few_files_change(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_records_first(monkeypatch)
    site = find_project(project).site
    check_content(site.content_dir, site=site)
    base = project / ".cache/explainer/files.pickle"
    parts, loose = cache_module._read(base)
    assert parts and not loose
    assert sum(len(keys) for keys, _ in parts) == len(list((project / "content").rglob("*.yaml")))
    written = base.stat().st_mtime_ns
    monkeypatch.setattr(kept, "RECORDS_ON_ALL_CORES", 10_000)  # one edit: made in turn
    _edit(next((project / "content/faq").glob("*.yaml")), "answer: |\n  ", "answer: |\n  Now. ")
    check_content(site.content_dir, site=site)
    assert base.stat().st_mtime_ns == written
    assert len(cache_module._read(project / ".cache/explainer/files.pickle.new")) == 1
