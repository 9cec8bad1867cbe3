"""`explainer diff BASE [HEAD]`: what a change does to the content, as Markdown a reviewer can read.

Entities added, removed and changed (with the fields that changed), matrix
cells whose value changed (old → new), and new sources. HEAD defaults to the
working tree. The two versions are read from git, validated (files that fail
the schema are listed as such), and compared entity by entity.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explainer.content import Content
from explainer.kinds import KIND_BY_NAME, KINDS, title_of
from explainer.model import Technology
from explainer.project import Project
from explainer.source import read_documents
from explainer.validate import build_content


class DiffFailed(Exception):
    """A git ref could not be read."""


def _git(root: Path, *args: str) -> bytes:
    try:
        return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or str(error).encode()
        raise DiffFailed(f"git {' '.join(args)}: {detail.decode(errors='replace').strip()}") from None


def content_at(project: Project, ref: str | None, scratch: Path) -> Content:
    """The project's content at a git ref (None: the working tree), validated without lint."""
    if ref is None:
        folder = project.content_dir
    else:
        top = Path(_git(project.content_dir, "rev-parse", "--show-toplevel").decode().strip())
        relative = project.content_dir.resolve().relative_to(top.resolve()).as_posix()
        listed = _git(top, "ls-tree", "-r", "--name-only", ref, "--", relative).decode().split()
        folder = scratch / ref.replace("/", "_") / relative
        folder.mkdir(parents=True, exist_ok=True)
        if listed:
            archive = _git(top, "archive", "--format=tar", ref, "--", relative)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(scratch / ref.replace("/", "_"), filter="data")
    documents, _ = read_documents(folder, base=folder.parent)
    content, _ = build_content(documents)
    return content


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    title: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class CellChange:
    technology: str
    dimension: str
    before: str
    after: str


@dataclass(frozen=True)
class ContentDiff:
    added: list[Change]
    removed: list[Change]
    changed: list[Change]
    cells: list[CellChange]
    new_sources: list[Change]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _dump(entity: Any) -> dict[str, Any]:
    data: dict[str, Any] = entity.model_dump(mode="json")
    return data


def _value(technology: Technology | None, dimension_id: str) -> str:
    if technology is None:
        return "—"
    rating = technology.ratings.get(dimension_id)
    if rating is None:
        return "(not rated)"
    return ", ".join(rating.value) if isinstance(rating.value, list) else rating.value


def compare(before: Content, after: Content) -> ContentDiff:
    added, removed, changed, cells, new_sources = [], [], [], [], []
    for kind in KINDS:
        old, new = before.of_kind(kind.name), after.of_kind(kind.name)
        for entity_id, entity in new.items():
            if entity_id not in old:
                added.append(Change(kind.name, entity_id, title_of(entity)))
                if kind.name == "source":
                    new_sources.append(Change(kind.name, entity_id, title_of(entity), (entity.url,)))  # type: ignore[attr-defined]
            else:
                old_data, new_data = _dump(old[entity_id]), _dump(entity)
                keys = set(old_data) | set(new_data)
                fields = tuple(sorted(k for k in keys if old_data.get(k) != new_data.get(k)))
                if fields:
                    changed.append(Change(kind.name, entity_id, title_of(entity), fields))
        removed += [Change(kind.name, i, title_of(e)) for i, e in old.items() if i not in new]
    for technology_id in sorted(set(before.technologies) | set(after.technologies)):
        old_tech, new_tech = before.technologies.get(technology_id), after.technologies.get(technology_id)
        for dimension_id in sorted(set(before.dimensions) | set(after.dimensions)):
            was, now = _value(old_tech, dimension_id), _value(new_tech, dimension_id)
            if was != now and not (old_tech is None and new_tech is None):
                cells.append(CellChange(technology_id, dimension_id, was, now))
    return ContentDiff(added, removed, changed, cells, new_sources)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(diff: ContentDiff, base: str, head: str) -> str:
    lines = [f"### Content changes: {base} → {head}", ""]
    if diff.empty:
        return "\n".join([*lines, "No content changes.", ""])
    lines.append(
        f"**{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed**"
        + (f", {len(diff.cells)} matrix cells" if diff.cells else "")
        + "."
    )
    for heading, changes in (("Added", diff.added), ("Removed", diff.removed), ("Changed", diff.changed)):
        if not changes:
            continue
        lines += ["", f"#### {heading}", ""]
        for change in changes:
            folder = KIND_BY_NAME[change.kind].folder
            label = KIND_BY_NAME[change.kind].label
            fields = f" — {', '.join(f'`{f}`' for f in change.fields)}" if change.fields else ""
            lines.append(f"- {label} `{folder}/{change.id}`: {_cell(change.title)}{fields}")
    if diff.cells:
        lines += [
            "",
            "#### Matrix cells",
            "",
            "| Technology | Dimension | Before | After |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| `{c.technology}` | `{c.dimension}` | {_cell(c.before)} | {_cell(c.after)} |"
            for c in diff.cells
        ]
    if diff.new_sources:
        lines += ["", "#### New sources", ""]
        lines += [f"- {_cell(s.title)} — <{s.fields[0]}>" for s in diff.new_sources]
    return "\n".join(lines) + "\n"


def content_diff(project: Project, base: str, head: str | None = None) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        before = content_at(project, base, Path(scratch))
        after = content_at(project, head, Path(scratch))
    return to_markdown(compare(before, after), base, head or "working tree")
