"""The MkDocs adapter: check the content, add rendered pages as virtual files, fail the build on errors.

Nothing generated is written into `docs/`: pages and data files are
`File.generated` objects that live only in the build. Each generated page's
edit button points at the YAML file it was rendered from. Head metadata,
the Content-Security-Policy and the theme guards are added to every page
here (see `explainer.finish`), so a site needs no override templates.
"""

from __future__ import annotations

import copy
import html
import json
import logging
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from markupsafe import Markup
from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from explainer import chunked_search, search_index
from explainer.analysis import analyse_corpus
from explainer.cache import CheckCache
from explainer.check import BadPinnedDate, CheckResult, check_content, review_today
from explainer.diagnostics import render_report, summary_line
from explainer.finish import Head, finish_page
from explainer.permalinks import AccessiblePermalinks
from explainer.render import Page as RenderedPage
from explainer.render import RenderContext
from explainer.render.snippets import SnippetError, Source, expand_snippets
from explainer.sanitise import sanitise_page_html
from explainer.settings import Settings, SiteConfig
from explainer.site import SCRIPTS, STYLESHEETS, NavItem, Site, build_site
from explainer.tooltips import GlossaryTooltips

log = logging.getLogger("mkdocs.plugins.explainer")
OVERRIDES = "explainer"  # templates in <theme custom_dir>/explainer/ replace the package's


class _SettingOption(BaseConfigOption[Any]):
    """One explainer option, validated by the same model `explainer check` reads it with."""

    def __init__(self, name: str) -> None:
        super().__init__()
        field = Settings.model_fields[name]
        self.adapter: TypeAdapter[Any] = TypeAdapter(field.annotation)  # type: ignore[arg-type]
        self.default = field.get_default(call_default_factory=True)
        self.name = name

    @property
    def default(self) -> Any:
        # MkDocs copies a default with its `.copy()`, which pydantic models deprecate; a deep copy is
        # what it means (no two configs share a mutable value).
        return copy.deepcopy(self._default)

    @default.setter
    def default(self, value: Any) -> None:
        self._default = value

    def run_validation(self, value: object) -> Any:
        try:
            return self.adapter.validate_python(value, strict=True)
        except PydanticValidationError as error:
            raise ValidationError(_problems(error, self.name)) from None


def _problems(error: PydanticValidationError, prefix: str) -> str:
    return "; ".join(
        ".".join(str(p) for p in (prefix, *e["loc"])) + f": {e['msg']}"
        for e in error.errors(include_url=False)
    )


# The plugin's MkDocs config class: one option per Settings field, so the two cannot drift apart.
ExplainerConfig = type(
    "ExplainerConfig", (Config,), {name: _SettingOption(name) for name in Settings.model_fields}
)


class DeferredPage(File):
    """A generated page whose Markdown is rendered the first time MkDocs reads it."""

    _render: Callable[[], str] | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, render: Callable[[], str]) -> DeferredPage:
        file = cls.generated(config, path, content="")
        assert isinstance(file, cls)  # generated() builds an instance of the class it is called on
        file._content, file._render = None, render
        return file

    @property
    def content_string(self) -> str:
        if self._content is None and self._render is not None:
            self._content = self._render()
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._content = value

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._content = value


def _markdown_of(page: RenderedPage) -> Callable[[], str]:
    return lambda: page.markdown


class _Neighbour:
    """What Material's footer needs to link to a previous or next page."""

    def __init__(self, url: str, title: Markup) -> None:
        self.url = url
        self.title = title


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[valid-type]
    def __init__(self) -> None:
        self.site: Site | None = None
        self.render: RenderContext | None = None
        # A check of this very content done just before (by the preview), so it is not done twice.
        self.prechecked: CheckResult | None = None
        # The preview renders a generated page's Markdown only when the page is first opened.
        self.defer_pages = False
        self.project_root = Path()
        self.content_path = Path("content")
        self.generated: set[str] = set()
        self.urls: dict[str, str] = {}
        self.current_page: str | None = None
        self.heads: dict[str, Head] = {}
        self.options = Settings()
        self.search_engine: chunked_search.Engine = "lunr"  # chosen once the pages are known (on_files)

    # -- configuration: check content first, so that nothing is built from bad input -------

    def settings(self) -> Settings:
        options = {name: getattr(self.config, name) for name in Settings.model_fields}
        try:
            return Settings.model_validate(options)
        except PydanticValidationError as error:  # a rule across options, which no one option sees
            raise PluginError(f"explainer: {_problems(error, 'plugins.explainer')}") from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_root = Path(config.config_file_path or ".").resolve().parent
        settings = self.options = self.settings()
        self.content_path = (self.project_root / settings.content_dir).resolve()
        if not self.content_path.is_dir():
            raise PluginError(f"explainer: content folder '{self.content_path}' does not exist")
        try:
            today = review_today()
        except BadPinnedDate as error:
            raise PluginError(f"explainer: {error}") from None
        extensions = [
            {name: config.mdx_configs[name]} if name in config.mdx_configs else name
            for name in config.markdown_extensions
            if isinstance(name, str)
        ]
        site_config = SiteConfig(settings, Path(config.config_file_path or "mkdocs.yml"), self.project_root,
                                 tuple(extensions))  # fmt: skip
        result = self.prechecked or check_content(
            self.content_path, base=self.project_root, today=today, site=site_config
        )
        self.prechecked = None
        self._report(result, strict=settings.fail_on_warnings)
        from explainer.check import context_for

        analyser = context_for(site_config).analyser
        # Pages read every Markdown field; a check reads only the files that changed since the last.
        cache = CheckCache.load(self.project_root)
        analyse_corpus(result.content, analyser, cache)
        cache.save()
        template_dirs = tuple(
            str(Path(directory) / OVERRIDES)
            for directory in ([config.theme.custom_dir] if config.theme.custom_dir else [])
            if (Path(directory) / OVERRIDES).is_dir()
        )
        self.render = RenderContext(
            result.content, settings, analyser, template_dirs, directory_urls=config.use_directory_urls
        )
        documents = sorted(
            p.relative_to(config.docs_dir).as_posix() for p in Path(config.docs_dir).rglob("*.md")
        )
        self.site = build_site(self.render, documents)
        if not config.nav:
            config.nav = _nav_config(self.site.nav)
        if self.render.builds("glossary"):
            tooltips = GlossaryTooltips(result.content, lambda: self.current_page, self.render.path_of)
            config.markdown_extensions.append(tooltips)  # type: ignore[arg-type]  # MkDocs accepts instances
        config.markdown_extensions.append(AccessiblePermalinks())  # type: ignore[arg-type]
        config.extra_css = [*STYLESHEETS, *[p for p in config.extra_css if p not in STYLESHEETS]]
        config.extra_javascript = [
            *(_deferred(path) for path in SCRIPTS),
            *[p for p in config.extra_javascript if str(p) not in SCRIPTS],
        ]
        return config

    def _report(self, result: CheckResult, *, strict: bool) -> None:
        failed = result.failed(strict=strict)
        if result.diagnostics:
            # Logged as a warning only when they stop the build: MkDocs' strict mode counts
            # warnings, and content warnings (W-codes) must not fail a build by the back door.
            report = render_report(result.diagnostics, "text").rstrip()
            (log.warning if failed else log.info)("explainer check found problems:\n%s", report)
        if failed:
            raise PluginError(
                f"explainer: the content has problems ({summary_line(result.diagnostics)}); "
                "nothing was built. Run 'explainer check' for the list."
            )

    # -- files: generated pages and data, never written into docs/ ----------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        docs_dir = Path(config.docs_dir).resolve()
        self.generated = set()
        for path, page in self.site.pages.items():
            file: File
            if self.defer_pages:
                file = DeferredPage.of(config, path, _markdown_of(page))
            else:
                file = File.generated(config, path, content=page.markdown)
            if page.source is not None:
                # The edit button opens the YAML the page comes from (relative to docs/).
                file.edit_uri = os.path.relpath(self.project_root / page.source, docs_dir).replace(
                    os.sep, "/"
                )
            files.append(file)
            self.generated.add(path)
            self.urls[path] = file.url
        for path, data in self.site.files.items():
            files.append(File.generated(config, path, content=data))
        pages = len(files.documentation_pages())
        self.search_engine = chunked_search.chosen_engine(self.options.search, pages)
        return files

    # -- pages --------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None and self.render is not None
        self.current_page = page.file.src_uri  # read by the glossary tooltips while this page renders
        generated = self.site.pages.get(page.file.src_uri)
        if generated is not None and generated.reviewed is not None:
            # The sitemap's lastmod: when the content was reviewed, not when the site was built. Set while
            # pages are read, because MkDocs renders sitemap.xml before any page's context.
            page.update_date = generated.reviewed.isoformat()
        # Front-matter text is HTML-escaped; as Markup, Material's `| e` leaves it alone.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str) and page.file.src_uri in self.generated:
                page.meta[key] = Markup(page.meta[key])
        if page.file.src_uri in self.generated:
            return markdown
        written = page.file.abs_src_path
        source = (
            Source(os.path.relpath(written, self.project_root), Path(written).read_text("utf-8"))
            if written
            else None
        )
        try:
            return expand_snippets(markdown, page.file.src_uri, self.render, source)
        except SnippetError as error:
            raise PluginError(f"explainer: {error}") from None

    @event_priority(-100)  # after every other plugin has changed the HTML
    def on_page_content(self, html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.generated:
            html = sanitise_page_html(html)
        return html + _report_link(self.options.report_url, page.canonical_url)

    def on_page_context(
        self, context: TemplateContext, /, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.site is not None
        if page.file.src_uri in self.generated and page.edit_url:
            # docs/../content/x.yaml → content/x.yaml: hosts do not resolve dot segments.
            parts = urlsplit(page.edit_url)
            page.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
        generated = self.site.pages.get(page.file.src_uri)
        if generated is not None and generated.sequence is not None:
            # Previous/next stay within the page's own series (one topic's questions, one industry's cases).
            previous, following = self.site.neighbours(page.file.src_uri)
            page.previous_page = self._neighbour(previous)  # type: ignore[assignment]
            page.next_page = self._neighbour(following)  # type: ignore[assignment]
        data = generated.schema_org() if generated else _hand_written_schema(page)
        title = html.unescape(str(page.meta.get("title") or page.title or config.site_name))
        description = page.meta.get("description") or config.site_description
        self.heads[page.file.src_uri] = Head(
            title=title,
            description=html.unescape(str(description)) if description else None,
            url=page.canonical_url,
            site_name=config.site_name,
            kind="article" if page.meta.get("reviewed") else "website",
            json_ld=json_ld(data, page.canonical_url, config.site_name),
        )
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        return self._finish(output, self.heads.get(page.file.src_uri))

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        # The 404 page and other static templates get the same policy and guards.
        return self._finish(output_content, None) if template_name.endswith(".html") else output_content

    def _finish(self, output: str, head: Head | None) -> str:
        output = finish_page(output, head)
        return chunked_search.searched_with(output, self.search_engine)

    @event_priority(-100)  # after Material's search plugin has written the index the engines read
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.render is None:
            return
        site_dir = Path(config.site_dir)
        try:
            if self.search_engine == "pagefind":
                other_names = chunked_search.other_names_by_page(self.render)
                chunked_search.build_chunked_index(site_dir, other_names)
            elif self.search_engine == "explainer":
                extras = search_index.search_extras(self.render)
                search_index.write_search_index(site_dir, site_dir / chunked_search.LUNR_INDEX, extras)
        except (chunked_search.ChunkedSearchFailed, search_index.SearchIndexFailed) as error:
            raise PluginError(f"explainer: {error}") from None

    def _neighbour(self, path: str | None) -> _Neighbour | None:
        if path is None or self.site is None:
            return None
        return _Neighbour(self.urls[path], Markup(html.escape(self.site.pages[path].title)))

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.content_path))
        return server


def _report_link(report_url: str | None, page_url: str | None) -> str:
    """A link to report an error, the page's address filled in (the issue form's `page` field)."""
    if not report_url:
        return ""
    joiner = "&" if "?" in report_url else "?"
    target = report_url + (f"{joiner}page={quote(page_url, safe='')}" if page_url else "")
    return f'\n<p class="ex-report"><a href="{html.escape(target)}">Report an error on this page</a></p>\n'


def _deferred(path: str) -> ExtraScriptValue:
    """A script that runs after the page is parsed, so it never delays the first paint."""
    script = ExtraScriptValue(path)
    script.defer = True
    return script


def _hand_written_schema(page: MkDocsPage) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "WebPage",
        "name": html.unescape(str(page.meta.get("title") or page.title or "")),
    }
    if page.meta.get("description"):
        data["description"] = html.unescape(str(page.meta["description"]))
    return data


def json_ld(data: dict[str, Any], url: str | None, site_name: str) -> str:
    """JSON-LD for a <script> element: absolute URLs, and no character that could end the element."""
    document: dict[str, Any] = {"@context": "https://schema.org", **data}
    if url:
        document["url"] = url
        if "hasDefinedTerm" in document:
            # New term dicts: `data` is the page's own stored data and must not be rewritten.
            document["hasDefinedTerm"] = [
                {**term, "@id": url + term["@id"], "url": url + term["@id"]}
                for term in document["hasDefinedTerm"]
            ]
    document["isPartOf"] = {"@type": "WebSite", "name": site_name}
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _nav_config(items: list[NavItem]) -> list[Any]:
    """The nav as MkDocs configuration; titles escaped, since themes print them as HTML."""
    return [
        {Markup(html.escape(title)): _nav_config(target) if isinstance(target, list) else target}
        for title, target in items
    ]
