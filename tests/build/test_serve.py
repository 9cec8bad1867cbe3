"""`explainer serve` previews the site, and an edit to content/ shows up without restarting it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.project import fixture_project

pytestmark = pytest.mark.build


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode())
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page is not None and needle in page:
            return True
        time.sleep(0.3)
    return False


def test_the_preview_renders_pages_follows_edits_shows_errors_and_recovers(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    port = _free_port()
    explainer = Path(sys.executable).parent / "explainer"
    server = subprocess.Popen(
        [explainer, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/industries/retail/"
        assert _wait_for(url, "Shops selling goods", 60), "the preview never served the industry page"
        source = project / "content/industries/retail.yaml"
        original = source.read_text()
        source.write_text(original.replace("Shops selling goods", "Stores selling products"))
        assert _wait_for(url, "Stores selling products", 30), "an edit to content/ did not reach the page"
        # A mistake shows in the browser, on every page, with its position...
        source.write_text(original.replace("order: 1", "order: first"))
        assert _wait_for(url, "content/industries/retail.yaml:", 30), "the content error did not show"
        home = _get(f"http://127.0.0.1:{port}/")
        assert home is not None and "E203" in home and "livereload" in home
        # ...and the next good save brings the site back.
        source.write_text(original)
        assert _wait_for(url, "Shops selling goods", 30), "the preview did not recover"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _, errors = server.communicate(timeout=20)
    lines = [line for line in errors.splitlines() if line.strip()]
    # Quiet: one line per rebuild, the diagnostics, and the address; no MkDocs chatter.
    assert not [line for line in lines if "INFO" in line or "WARNING" in line], lines
    assert any("serving on http://127.0.0.1" in line for line in lines)
    assert any("E203" in line for line in lines)
