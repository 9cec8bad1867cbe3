"""Everything an export publishes: generated pages, hand-written pages with snippets filled in, data files."""

from __future__ import annotations

from pathlib import Path

from explainer.model import Content
from explainer.site import build_site
from explainer.snippets import expand_snippets


def publishable_files(content: Content, docs_dir: Path) -> dict[str, bytes]:
    """Path → bytes for a complete docs folder that any Markdown site engine can build."""
    handwritten = sorted(p for p in docs_dir.rglob("*") if p.is_file()) if docs_dir.is_dir() else []
    documents = [p.relative_to(docs_dir).as_posix() for p in handwritten if p.suffix == ".md"]
    site = build_site(content, documents)
    files: dict[str, bytes] = {}
    for path in handwritten:
        relative = path.relative_to(docs_dir).as_posix()
        data = path.read_bytes()
        if path.suffix == ".md":
            data = expand_snippets(data.decode("utf-8"), relative, content).encode()
        files[relative] = data
    files.update({path: page.markdown.encode() for path, page in site.pages.items()})
    files.update(site.files)
    return files
