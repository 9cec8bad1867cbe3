"""A build is all or nothing, the same content gives the same bytes, and the page size does not grow."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from explainer.build import BuildFailed
from explainer.cli import main
from tests.support.project import build, copy_project, misspell_the_headline

pytestmark = pytest.mark.build


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = build(project)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "content/faq/which-should-i-choose.yaml").write_text("question: Broken?\nanswer: 42\n")
    with pytest.raises(BuildFailed):
        build(project)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site-")) == []


def test_broken_link_in_a_hand_written_page_fails_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = build(project)
    marker = site / "index.html"
    old = marker.read_bytes()
    (project / "docs/about.md").write_text("# About\n\nSee [a term](glossary.md#no-such-term).\n")
    with pytest.raises(BuildFailed):
        build(project)
    assert marker.read_bytes() == old
    (project / "docs/about.md").write_text("# About\n\nSee [a page](nowhere.md).\n")
    with pytest.raises(BuildFailed):
        build(project)


def test_cli_build_reports_failure_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    (project / "content/topics/basics.yaml").write_text("name: [not, text]\n")
    assert main(["build", "--out", str(project / "site")]) == 1
    assert "previous site was left as it was" in capsys.readouterr().err
    assert (project / "site/index.html").is_file()


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = build(project, tmp_path / "one")
    second = build(project, tmp_path / "two")
    pages = sorted(p.relative_to(first) for p in first.rglob("*") if p.suffix in {".html", ".json", ".xml"})
    assert len(pages) > 20
    different = [str(p) for p in pages if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == []


def _primary_nav(html: str) -> str:
    match = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.DOTALL)
    assert match
    return match.group(0)


def test_navigation_does_not_grow_with_the_number_of_questions(tmp_path: Path) -> None:
    small = build(copy_project(tmp_path / "small"))
    project = copy_project(tmp_path / "large")
    template = (project / "content/faq/which-should-i-choose.yaml").read_text()
    for n in range(60):
        (project / f"content/faq/extra-question-{n}.yaml").write_text(
            template.replace("Which should I choose?", f"Which should I choose in case {n}?").replace(
                "which database should I use", f"which database for case {n}"
            )
        )
    large = build(project)
    for page in ("technologies/relational-databases/index.html", "faq/which-should-i-choose/index.html"):
        assert len(_primary_nav((large / page).read_text())) == len(_primary_nav((small / page).read_text()))


def test_export_writes_only_what_changed_and_removes_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    out = tmp_path / "export"
    out.mkdir()
    (out / "mine.txt").write_text("not the exporter's")
    assert main(["export", str(out)]) == 0
    page = out / "faq/which-should-i-choose.md"
    assert page.read_text().startswith("---\ntitle: ")
    assert "<!-- explainer:" not in (out / "index.md").read_text()
    stamp = page.stat().st_mtime_ns
    assert main(["export", str(out)]) == 0
    assert page.stat().st_mtime_ns == stamp
    shutil.move(project / "content/faq/which-should-i-choose.yaml", tmp_path / "gone.yaml")
    (project / "content/faq/what-is-the-difference.yaml").write_text(
        (project / "content/faq/what-is-the-difference.yaml")
        .read_text()
        .replace("related: [which-should-i-choose]\n", "")
        .replace(" See\n  [how to choose](faq:which-should-i-choose).", "")
    )
    assert main(["export", str(out)]) == 0
    assert not page.exists()
    assert (out / "mine.txt").read_text() == "not the exporter's"


def test_export_refuses_content_with_errors_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    (project / "content/topics/basics.yaml").write_text("name: Basics\nbogus: 1\n")
    assert main(["export", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_content_warnings_do_not_fail_a_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "content/industries/retail.yaml"
    path.write_text(path.read_text().replace("reviewed: 2026-01-15", "reviewed: 2020-01-15"))
    site = build(project)
    assert (site / "industries/retail/index.html").is_file()


def test_a_marker_that_names_no_technology_fails_the_check_and_stops_the_build_and_the_export_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    line = misspell_the_headline(project)
    problem = f"docs/index.md:{line}:1: 'explainer:headline-comparison': no technology has the id 'graph-db'"
    # A check that passes must mean a build that passes, also when the check answers from its cache
    # (which holds what the content gave, not the pages).
    for _ in range(2):
        assert main(["check"]) == 1
        assert problem.replace(": '", ": error E306: '", 1) in capsys.readouterr().out
    assert main(["build", "--out", str(tmp_path / "site")]) == 1
    assert main(["export", str(tmp_path / "out")]) == 1
    said = capsys.readouterr().err
    assert said.count(problem) == 2, said
    assert "Traceback" not in said
    assert not (tmp_path / "site").exists() and not (tmp_path / "out").exists()


def test_check_and_export_read_the_hand_written_pages_where_mkdocs_yml_puts_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("docs_dir: docs", "docs_dir: pages"))
    (project / "docs").rename(project / "pages")
    assert main(["export", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out/index.md").read_text() != ""
    line = misspell_the_headline(project, folder="pages")
    assert main(["check"]) == 1
    assert f"pages/index.md:{line}:1: error E306:" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "again")]) == 1
    assert f"pages/index.md:{line}:1: 'explainer:headline-comparison'" in capsys.readouterr().err
