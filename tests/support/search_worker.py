"""The site search worker run with Node, as Material drives it: the results the theme would render."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parents[2] / "src" / "explainer" / "assets"
HARNESS = Path(__file__).with_name("run_search_worker.js")


def search_worker(index_file: Path, queries: Sequence[str]) -> list[list[list[dict[str, Any]]]]:
    """For each query, the worker's result groups (each a list of items: location, title, text, score)."""
    node = shutil.which("node")
    assert node, "the search worker tests need Node.js 20 (apt-get install nodejs, or scripts/bootstrap)"
    done = subprocess.run(
        [node, str(HARNESS), str(ASSETS), str(index_file)],
        input="".join(f"{query}\n" for query in queries),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]
