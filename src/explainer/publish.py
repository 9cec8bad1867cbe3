"""Everything an export publishes: generated pages, hand-written pages with snippets filled in, data files."""

from __future__ import annotations

import os
from pathlib import Path

from explainer.render import RenderContext
from explainer.render.snippets import Source, expand_snippets
from explainer.site import build_site


def publishable_files(site: RenderContext, docs_dir: Path) -> dict[str, bytes]:
    """Path → bytes for a complete docs folder that any Markdown site engine can build."""
    handwritten = sorted(p for p in docs_dir.rglob("*") if p.is_file()) if docs_dir.is_dir() else []
    documents = [p.relative_to(docs_dir).as_posix() for p in handwritten if p.suffix == ".md"]
    built = build_site(site, documents)
    files: dict[str, bytes] = {}
    for path in handwritten:
        relative = path.relative_to(docs_dir).as_posix()
        data = path.read_bytes()
        if path.suffix == ".md":
            text = data.decode("utf-8")
            data = expand_snippets(text, relative, site, Source(os.path.relpath(path), text)).encode()
        files[relative] = data
    files.update({path: page.markdown.encode() for path, page in built.pages.items()})
    files.update(built.files)
    return files
