"""Build fixtures: a throwaway project (mkdocs.yml, docs/, overrides/ and a content folder) built for real."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.build import build_site_atomically
from tests.conftest import CORPUS, REPO

Project = Callable[..., Path]


def copy_project(destination: Path, content: Path = CORPUS) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO / "docs", destination / "docs")
    shutil.copytree(REPO / "overrides", destination / "overrides")
    shutil.copytree(content, destination / "content")
    return destination


def build(project: Path, out: Path | None = None) -> Path:
    return build_site_atomically(project / "mkdocs.yml", out)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus, built once for every test that only reads the result."""
    project = copy_project(tmp_path_factory.mktemp("corpus-project"))
    return build(project)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/, built once with the real configuration, strict."""
    project = copy_project(tmp_path_factory.mktemp("real-project"), REPO / "content")
    return build(project)
