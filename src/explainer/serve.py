"""`explainer serve`: MkDocs' live-reload server for the site."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def serve(config_file: Path, dev_addr: str) -> int:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--config-file",
        str(config_file),
        "--dev-addr",
        dev_addr,
    ]
    os.execv(sys.executable, command)  # hands the terminal to MkDocs' live-reload server
