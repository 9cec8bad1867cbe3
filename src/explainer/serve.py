"""`explainer serve`: a live preview that starts fast, shows an edit in seconds, and shows content errors.

MkDocs' own server builds every page before serving one and rebuilds every page
on every save. This preview does MkDocs' setup (configuration, files,
navigation, theme) once, renders a page when the browser asks for it, and on a
save re-renders only the pages whose Markdown changed (all of them only when
the navigation or the glossary tooltips changed). When the content has errors
every page shows them, and the next good save brings the site back.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer.check import CheckResult, check_content, review_today
from explainer.diagnostics import Diagnostic, format_text, summary_line
from explainer.settings import BadSettings, read_site_config

log = logging.getLogger("explainer.serve")


@dataclass
class _Built:
    """MkDocs' view of the site after setup, before any page is rendered."""

    config: Any
    files: Any
    nav: Any
    env: Any
    by_path: dict[str, Any]  # output path (relative to the site folder) → MkDocs File
    fingerprints: dict[str, str]  # src_uri → hash of what a rendered page was made from
    whole: str  # hash of what every page shows: navigation, glossary, settings
    rendered: set[str] = field(default_factory=set)


def _hash(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode())
    return digest.hexdigest()


def _fingerprint(file: Any) -> str:
    """What a page is made from: its Markdown (rendered now if generated and not yet rendered)."""
    if file.generated_by:
        return _hash(file.content_string)
    return _hash(Path(str(file.abs_src_path)).read_bytes())


class Preview:
    """The site as MkDocs sets it up, with pages rendered on request and kept until their source changes."""

    def __init__(self, config_file: Path, site_dir: Path) -> None:
        self.config_file = config_file.resolve()
        self.site_dir = site_dir
        self.lock = threading.RLock()
        self.built: _Built | None = None
        self.errors: list[Diagnostic] = []

    def watched(self) -> list[Path]:
        site = read_site_config(self.config_file)
        paths = [self.config_file, site.content_dir, site.docs_path]
        overrides = self.config_file.parent / "overrides"
        return [p for p in (*paths, overrides) if p.exists()]

    # -- setup and refresh --------------------------------------------------------------------

    def refresh(self) -> str:
        """Check the content and set the site up again; returns one line saying what happened."""
        with self.lock:
            started = time.monotonic()
            try:
                site = read_site_config(self.config_file)
            except BadSettings as error:
                self.errors = error.diagnostics
                return f"mkdocs.yml has {summary_line(self.errors)}; shown in the browser"
            result = check_content(
                site.content_dir, base=self.config_file.parent, today=review_today(), site=site
            )
            if result.failed(strict=site.settings.fail_on_warnings):
                self.errors = [d for d in result.diagnostics if d.is_error or site.settings.fail_on_warnings]
                return f"content has {summary_line(self.errors)}; shown in the browser"
            self.errors = []
            previous = self.built
            self.built = self._setup(result)
            changed = self._forget_changed(previous)
            seconds = time.monotonic() - started
            pages = len(self.built.by_path)
            if previous is None:
                return f"ready in {seconds:.1f} s: {pages} pages, each rendered when first opened"
            return f"rebuilt in {seconds:.1f} s: {changed} of the pages shown so far changed"

    def _setup(self, checked: CheckResult) -> _Built:
        """MkDocs' build up to the point where pages are read: config, plugins, files, nav, env.

        `checked` is the check just made of the same content; the plugin uses it instead of checking
        again.
        """
        from mkdocs.commands.build import _build_theme_template
        from mkdocs.config import load_config
        from mkdocs.structure.files import set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        config = load_config(str(self.config_file), site_dir=str(self.site_dir))
        plugin = config.plugins.get("explainer")
        if plugin is not None:
            plugin.prechecked = checked
            plugin.defer_pages = True
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        from mkdocs.structure.files import get_files

        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=True)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        by_path = {file.dest_uri: file for file in files.documentation_pages()}
        content = plugin.render.content if plugin is not None and plugin.render is not None else None
        glossary = [(d.id, d.names, d.short) for d in content.definitions.values()] if content else []
        whole = _hash(
            [(item.title, getattr(item, "url", None)) for item in nav],
            glossary,
            self.config_file.read_bytes(),
            sorted((str(p), p.stat().st_mtime) for p in (self.config_file.parent / "overrides").rglob("*"))
            if (self.config_file.parent / "overrides").is_dir()
            else [],
        )
        return _Built(config, files, nav, env, by_path, {}, whole)

    def _forget_changed(self, previous: _Built | None) -> int:
        """Delete the rendered pages whose sources changed (or all, if what every page shows changed).

        Only pages opened so far are looked at: each one's Markdown is made again and compared. Pages
        nobody opened are rendered from the new content when they are.
        """
        assert self.built is not None
        current = self.built
        keep: set[str] = set()
        if previous is not None and previous.whole == current.whole:
            sources = {file.src_uri: file for file in current.files.documentation_pages()}
            for uri in previous.rendered:
                file = sources.get(uri)
                if file is not None and _fingerprint(file) == previous.fingerprints.get(uri):
                    keep.add(uri)
                    current.fingerprints[uri] = previous.fingerprints[uri]
        stale = {f.dest_uri for f in (previous.files.documentation_pages() if previous else [])} - {
            f.dest_uri for f in current.files.documentation_pages() if f.src_uri in keep
        }
        for dest in stale:
            (self.site_dir / dest).unlink(missing_ok=True)
        current.rendered = keep
        return len(previous.rendered - keep) if previous is not None else 0

    # -- pages on request -------------------------------------------------------------------------

    def render(self, dest_uri: str) -> None:
        """Render one page into the site folder if it is not there yet."""
        from mkdocs.commands.build import _build_page, _populate_page

        with self.lock:
            built = self.built
            if built is None or self.errors:
                return
            file = built.by_path.get(dest_uri)
            if file is None or file.src_uri in built.rendered:
                return
            assert file.page is not None
            built.fingerprints[file.src_uri] = _fingerprint(file)
            _populate_page(file.page, built.config, built.files)
            _build_page(file.page, built.config, built.files.documentation_pages(), built.nav, built.env)
            built.rendered.add(file.src_uri)

    def error_page(self) -> bytes:
        lines = "\n".join(f"<li><code>{html.escape(format_text(d))}</code></li>" for d in self.errors)
        return (
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Content errors</title>"
            "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}"
            "code{white-space:pre-wrap}li{margin:.5rem 0}</style></head><body>"
            f"<h1>The content has {html.escape(summary_line(self.errors))}</h1>"
            "<p>Nothing is shown until they are fixed; this page reloads by itself after the next save.</p>"
            f"<ol>{lines}</ol></body></html>"
        ).encode()


def _server_class() -> type:
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        """MkDocs' live-reload server, rendering each page on its first request and showing errors."""

        preview: Preview

        def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            page = path.startswith(self.mount_path) and (path.endswith("/") or path.endswith(".html"))
            if page and self.preview.errors and not path.startswith("/livereload/"):
                with self._epoch_cond:
                    epoch = self._visible_epoch
                body = self._inject_js_into_html(self.preview.error_page(), epoch)  # type: ignore[no-untyped-call]
                start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
                return [body]
            if page:
                relative = path[len(self.mount_path) :] + ("index.html" if path.endswith("/") else "")
                self.preview.render(os.path.normpath(relative).lstrip("/"))
            return super()._serve_request(environ, start_response)

    return PreviewServer


def serve(config_file: Path, dev_addr: str) -> int:
    """Serve the preview until interrupted; one line per rebuild, plus any diagnostics."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # MkDocs' per-build chatter is not news here
    host, _, port = dev_addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="explainer-preview-"))
    preview = Preview(config_file, site_dir)

    def rebuild() -> None:
        line = preview.refresh()
        print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)
        for diagnostic in preview.errors:
            print(f"  {format_text(diagnostic)}", file=sys.stderr, flush=True)

    rebuild()
    server = _server_class()(builder=rebuild, host=host or "127.0.0.1", port=int(port), root=str(site_dir))
    server.preview = preview
    for path in preview.watched():
        server.watch(str(path))
    print(f"serving on {server.url} (Ctrl+C to stop)", file=sys.stderr, flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
