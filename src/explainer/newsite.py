"""`explainer new-site DIR`: a working site — configuration, a home page, one entry of each kind, schemas.

`explainer check` and `explainer build` pass on it as written, so a new user
starts from a site that works and replaces its content piece by piece.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

from explainer.kinds import KINDS
from explainer.schema import schema_files
from explainer.source import read_documents
from explainer.validate import build_content

TEMPLATE_PACKAGE = "explainer.site_template"


def _files(root: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for item in sorted(root.iterdir(), key=lambda i: i.name):
        name = f"{prefix}{item.name}"
        if item.is_dir():
            found += _files(item, name + "/")
        elif not item.name.endswith((".py", ".pyc")):
            found.append((name, item))
    return found


def editor_settings() -> str:
    """VS Code's YAML extension: each content folder validated and completed by its kind's schema."""
    mapping = {f"./schemas/{kind.schema_name}": f"content/{kind.folder}/*.yaml" for kind in KINDS}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"


def write_site(target: Path, *, title: str, today: date) -> list[Path]:
    """Write a new site into `target` (which must be empty or missing); returns the files written."""
    values = {
        "title": title,
        "description": f"{title}: what each option is, and how they compare.",
        "today": today,
    }
    environment = jinja2.Environment(
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False
    )
    written: list[Path] = []
    for name, item in _files(resources.files(TEMPLATE_PACKAGE)):
        text = item.read_text(encoding="utf-8")
        if name.endswith(".j2"):
            name, text = name.removesuffix(".j2"), environment.from_string(text).render(**values)
        else:
            text = text.replace("{{ today }}", today.isoformat())
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    documents, _ = read_documents(target / "content", base=target)
    content, _ = build_content(documents)
    for name, text in schema_files(content).items():
        path = target / "schemas" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    vscode = target / ".vscode" / "settings.json"
    vscode.parent.mkdir(parents=True, exist_ok=True)
    vscode.write_text(editor_settings(), encoding="utf-8")
    written.append(vscode)
    return written
