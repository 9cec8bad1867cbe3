"""Shared fixtures: the small topic-agnostic corpus, a fixed 'today' for date rules, the real content and site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from explainer.check import check_content
from explainer.content import Content
from tests.property.profiles import register_profiles
from tests.support.project import build, copy_project

register_profiles()  # before Hypothesis reads --hypothesis-profile

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
CORPUS = FIXTURES / "corpus"
REPO = TESTS.parent
TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _no_mkdocs_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current renderers (review the diff before committing)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def real_content() -> Content:
    """The real content/, read and validated once per test process."""
    return check_content(REPO / "content").content


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/, built once per test process with the real configuration, strict.

    Build tests and browser tests share it, so a parallel run builds it once per worker.
    """
    project = copy_project(tmp_path_factory.mktemp("real-project"), REPO / "content")
    return build(project)
