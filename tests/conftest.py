"""Shared fixtures: the small topic-agnostic corpus and a fixed 'today' for date rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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
