"""Write the rendered site as plain Markdown files, for engines without MkDocs plugins and for review.

Only files whose bytes changed are written, and files a previous export wrote
that are no longer part of the site are removed; nothing else in the folder
is touched. A manifest in the folder remembers what the export owns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".explainer-export.json"


@dataclass(frozen=True)
class ExportReport:
    written: list[str]
    unchanged: list[str]
    removed: list[str]


def export_files(files: dict[str, bytes], out: Path) -> ExportReport:
    """Make `out` hold exactly `files` (among the files it owns), touching only what changed."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    owned = set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.is_file() else set()
    written, unchanged = [], []
    for relative, data in sorted(files.items()):
        path = out / relative
        if path.is_file() and path.read_bytes() == data:
            unchanged.append(relative)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        written.append(relative)
    removed = sorted(owned - set(files))
    for relative in removed:
        (out / relative).unlink(missing_ok=True)
        _remove_empty_parents(out / relative, out)
    manifest.write_text(json.dumps(sorted(files), indent=1) + "\n", encoding="utf-8")
    return ExportReport(written, unchanged, removed)


def _remove_empty_parents(path: Path, root: Path) -> None:
    parent = path.parent
    while parent != root and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
