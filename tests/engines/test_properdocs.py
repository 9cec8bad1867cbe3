"""The site builds on ProperDocs, the maintained continuation of MkDocs 1.6, with the plugin unchanged.

Both engines build the fixture site from the command line, the way a maintainer would, with the same
environment; ProperDocs is a pinned dev dependency installed beside MkDocs (it imports as `properdocs`
and maps `mkdocs.*` imports onto itself only inside its own process, so the two do not collide).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.support.project import fixture_project

pytestmark = pytest.mark.build

BIN = Path(sys.executable).parent
GENERATOR = re.compile(r'^\s*<meta name="generator" content="[^"]*">\n', re.MULTILINE)
# Fixed dates, so that the two builds cannot differ by running on either side of midnight.
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "EXPLAINER_TODAY": "2026-06-01",
    "SOURCE_DATE_EPOCH": "1780272000",
}


def engine_build(engine: str, project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    if not (BIN / engine).is_file():
        pytest.fail(f"{BIN / engine} is missing: it is a locked dev dependency; run scripts/bootstrap")
    command = [str(BIN / engine), "build", "--strict", "--config-file", str(project / "mkdocs.yml")]
    # Both engines import the explainer copied beside the project, so an edit to src/ while the
    # tests run cannot make the two builds differ.
    env = {**ENV, "PYTHONPATH": str(project.parent / "src")}
    return subprocess.run(
        [*command, "--site-dir", str(site)], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def built(engine: str, project: Path, site: Path) -> Path:
    done = engine_build(engine, project, site)
    assert done.returncode == 0, f"{engine} build failed:\n{done.stdout}{done.stderr}"
    return site


def project_with_source(folder: Path) -> Path:
    """The fixture site in `folder`/project, and a copy of the explainer package in `folder`/src."""
    shutil.copytree(
        REPO / "src/explainer", folder / "src/explainer", ignore=shutil.ignore_patterns("__pycache__")
    )
    return fixture_project(folder / "project")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_with_source(tmp_path_factory.mktemp("engines"))


@pytest.fixture(scope="module")
def mkdocs_site(project: Path) -> Path:
    return built("mkdocs", project, project.parent / "mkdocs-site")


@pytest.fixture(scope="module")
def properdocs_site(project: Path) -> Path:
    return built("properdocs", project, project.parent / "properdocs-site")


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


class Features(HTMLParser):
    """Counts of the elements the plugin and its templates put on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()
        self.edit_links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        classes = a.get("class", "").split()
        if tag == "a" and "ex-term" in classes and a.get("title"):
            self.counts["glossary tooltip link"] += 1
        if tag == "table" and "ex-matrix-table" in classes:
            self.counts["matrix table"] += 1
        if tag == "form" and "data-ex-matrix-controls" in a:
            self.counts["matrix controls"] += 1
        if tag == "form" and "data-ex-faq-search" in a:
            self.counts["FAQ filter form"] += 1
        if tag == "script" and a.get("type") == "application/ld+json":
            self.counts["JSON-LD"] += 1
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.counts["Content-Security-Policy"] += 1
        if tag == "a" and a.get("rel") == "edit":
            self.edit_links.append(a["href"])


def features(page: Path) -> Features:
    parser = Features()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_properdocs_builds_the_same_pages_and_files_as_mkdocs(
    mkdocs_site: Path, properdocs_site: Path
) -> None:
    pages = {path for path in files(mkdocs_site) if path.endswith(".html")}
    assert "faq/index.html" in pages and "compare/index.html" in pages
    assert {path for path in files(properdocs_site) if path.endswith(".html")} == pages
    assert files(properdocs_site) == files(mkdocs_site)


def test_every_page_differs_from_mkdocs_only_in_the_generator_tag(
    mkdocs_site: Path, properdocs_site: Path
) -> None:
    different = []
    for path in sorted(files(mkdocs_site)):
        ours, theirs = (mkdocs_site / path).read_bytes(), (properdocs_site / path).read_bytes()
        if path.endswith(".html"):
            assert b"ProperDocs" in theirs, f"{path} was not built by ProperDocs"
            ours, theirs = (GENERATOR.sub("", s.decode()).encode() for s in (ours, theirs))
        if ours != theirs:
            different.append(path)
    assert different == []


def test_the_plugin_features_are_on_the_properdocs_pages(mkdocs_site: Path, properdocs_site: Path) -> None:
    matrix = features(properdocs_site / "compare/index.html")
    assert matrix.counts["matrix table"] == 1 and matrix.counts["matrix controls"] == 1
    assert features(properdocs_site / "faq/index.html").counts["FAQ filter form"] == 1
    pages = sorted(path for path in files(properdocs_site) if path.endswith(".html"))
    totals = sum((features(properdocs_site / path).counts for path in pages), Counter())
    assert totals["glossary tooltip link"] > 0
    assert totals["Content-Security-Policy"] == len(pages)
    assert totals["JSON-LD"] == len(pages) - 1  # every page but the 404 page
    assert totals == sum((features(mkdocs_site / path).counts for path in pages), Counter())


def test_a_generated_page_edit_button_opens_its_yaml_file(properdocs_site: Path) -> None:
    page = features(properdocs_site / "faq/what-is-the-difference/index.html")
    assert page.edit_links == [
        "https://git.example.org/fixture/edit/main/content/faq/what-is-the-difference.yaml"
    ]


def test_properdocs_refuses_bad_content_with_the_check_report_and_writes_nothing(tmp_path: Path) -> None:
    project = project_with_source(tmp_path)
    # The fixture's header names where it goes and what it must report: E301 at line 5, column 38.
    shutil.copy(FIXTURES / "bad/E301-unknown-technology.yaml", project / "content/use-cases/extra.yaml")
    done = engine_build("properdocs", project, tmp_path / "site")
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "content/use-cases/extra.yaml:5:38: error E301: " in output
    assert "explainer: the content has problems" in output and "nothing was built" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()
