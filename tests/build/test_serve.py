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

from tests.support.project import copy_project

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


def test_serve_shows_generated_pages_and_rebuilds_when_content_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    explainer = Path(sys.executable).parent / "explainer"
    server = subprocess.Popen(
        [explainer, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/industries/retail/"
        assert _wait_for(url, "Shops selling goods", 60), "the preview never served the industry page"
        source = project / "content/industries/retail.yaml"
        source.write_text(source.read_text().replace("Shops selling goods", "Stores selling products"))
        assert _wait_for(url, "Stores selling products", 60), "an edit to content/ did not rebuild the page"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
