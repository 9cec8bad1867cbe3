"""The Jinja environments that turn model objects into Markdown (and inline SVG/HTML), escaping by default.

Markdown templates escape every value for Markdown *and* HTML unless a filter
has already made it safe (`md` for content Markdown, `attr` for HTML
attributes), so forgetting a filter shows a backslash, never runs a script.
HTML/SVG templates use Jinja's ordinary HTML autoescaping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from explainer.markdown import escape_plain, rewrite_links, shift_headings
from explainer.model import Source
from explainer.render.context import RenderContext
from explainer.render.links import cross_reference_target, relative
from explainer.render.paging import letter_slug


def _finalize(value: Any) -> Any:
    """Markdown templates: anything not already Markup is plain text, escaped for Markdown and HTML.

    The environment also autoescapes, so macro output and safe filter results
    arrive as Markup and pass through, while everything else is escaped here
    first (and markupsafe then leaves the Markup alone).
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed None; guard optional fields with {% if %}")
    if isinstance(value, date):
        return Markup(value.isoformat())
    return Markup(escape_plain(str(value)))


def _join_plain(items: Any, separator: str = ", ") -> Markup:
    """`join` for Markdown templates: each item escaped as plain text unless already Markup."""
    return Markup(separator).join(_finalize(item) for item in items)


@jinja2.pass_context
def _markdown(context: jinja2.runtime.Context, text: str, top: int = 2) -> Markup:
    """Content Markdown (already linted): cross-references as relative links, headings from level `top`.

    Links are found by the same parser that checked the text, so what lint
    saw as a link is exactly what gets rewritten.
    """
    page = context["page"]
    site: RenderContext = context["site"]
    links = site.analyser.analyse(text, True).links
    rewritten = rewrite_links(
        text, links, lambda ref: relative(page, cross_reference_target(ref, site.path_of))
    )
    return Markup(shift_headings(rewritten, top))


@jinja2.pass_context
def _inline_markdown(context: jinja2.runtime.Context, text: str) -> Markup:
    """Content Markdown folded onto one line, for table cells and list items."""
    return Markup(" ".join(_markdown(context, text).split()))


def _indented(text: str, width: int = 4) -> Markup:
    """Indent continuation lines so a multi-paragraph block stays inside a list item or admonition."""
    lines = str(text).split("\n")
    return Markup("\n".join([lines[0], *[(" " * width + line) if line else "" for line in lines[1:]]]))


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, kind: str, entity_id: str) -> Markup:
    site: RenderContext = context["site"]
    if not site.shows(kind):  # a template bug: it must not link to a family the site does not build
        raise ValueError(f"{context['page']}: links to a {kind}, but the site shows no {kind} pages")
    return Markup(relative(context["page"], site.path_of(kind, entity_id)))


@jinja2.pass_context
def _link_to(context: jinja2.runtime.Context, target: str) -> Markup:
    return Markup(relative(context["page"], target))


def _url(value: str) -> Markup:
    """An https URL as a Markdown link destination (characters that end one are percent-encoded)."""
    if not value.startswith("https://"):
        raise ValueError(f"refusing to link to non-https URL {value!r}")
    encoded = "".join(f"%{ord(c):02X}" if c in " ()<>\\\"'`" or ord(c) < 33 else c for c in value)
    return Markup(encoded)


def _code(value: Any) -> Markup:
    """A Markdown code span: shown exactly as written, so nothing inside is escaped."""
    text = str(value).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{padding}{text}{padding}{fence}")


def _attr(value: Any) -> Markup:
    return Markup(html.escape(str(value), quote=True))


def cite_label(source: Source) -> str:
    """'Smith et al. 2020': how the text names a source when it cites it."""
    if source.cite_as:
        return source.cite_as
    surnames = [author.split()[-1] for author in source.authors if author != "and others"]
    more = len(source.authors) > 2 or "and others" in source.authors
    if more:
        who = f"{surnames[0]} et al."
    elif len(surnames) == 2:
        who = f"{surnames[0]} and {surnames[1]}"
    else:
        who = surnames[0]
    return f"{who} {source.year}"


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-") or "group"


FILTERS: dict[str, Callable[..., Any]] = {
    "md": _markdown,
    "inline_md": _inline_markdown,
    "indented": _indented,
    "link": _link,
    "link_to": _link_to,
    "attr": _attr,
    "code": _code,
    "url": _url,
    "cite_label": cite_label,
    "letter_slug": letter_slug,
}


def _loader(template_dirs: tuple[str, ...]) -> jinja2.BaseLoader:
    """A site's own templates (overrides/explainer/) first, then the package's."""
    package = jinja2.PackageLoader("explainer.render", "templates")
    if not template_dirs:
        return package
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(list(template_dirs)), package])


@cache
def markdown_environment(template_dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=_loader(template_dirs),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(FILTERS)
    environment.filters["join"] = _join_plain
    return environment


@cache
def html_environment(template_dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=_loader(template_dirs),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(FILTERS)
    return environment


def render_template(site: RenderContext, name: str, page: str, **values: Any) -> str:
    """Render template `name` for the page at path `page` (links are made relative to it)."""
    html_like = name.endswith((".svg.j2", ".html.j2"))
    environment = (html_environment if html_like else markdown_environment)(site.template_dirs)
    text = environment.get_template(name).render(
        page=page, site=site, content=site.content, settings=site.settings, **values
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
