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
