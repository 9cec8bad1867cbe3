"""The explainer's export as a site other engines build alone: the mkdocs.yml beside its pages.

The configuration is the site's own (theme, Markdown extensions, search) minus the explainer plugin,
plus the navigation, stylesheets and scripts the plugin would have given it. bench/run.py builds it
with plain MkDocs as the baseline of every build timing; bench/engines.py also builds it with Zensical.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml


class Tagged:
    """A tagged YAML value (`!ENV […]`, `!!python/name:…`) kept as written, to be dumped back as it was."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _TagKeepingLoader(yaml.SafeLoader):
    pass


class _TagKeepingDumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    return Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


def _dump_tag(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value, flow_style=True)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _TagKeepingLoader.add_multi_constructor(_prefix, _keep_tag)
_TagKeepingDumper.add_representer(Tagged, _dump_tag)


def explainer_nav(project: Path, today: date) -> list[Any]:
    """The navigation the plugin gives the site, written as mkdocs.yml `nav` (MkDocs' automatic
    navigation would list every page on every page, which is a different site)."""
    from explainer.check import check_content, context_for
    from explainer.project import find_project
    from explainer.render import RenderContext
    from explainer.site import build_site

    found = find_project(project)
    result = check_content(found.content_dir, today=today, site=found.site)
    site = RenderContext(result.content, found.site.settings, context_for(found.site).analyser)
    docs = project / "docs"
    documents = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))

    def convert(items: list[Any]) -> list[Any]:
        return [{title: convert(target) if isinstance(target, list) else target} for title, target in items]

    return convert(build_site(site, documents).nav)


def export_config(
    project: Path, export: Path, today: date, written_by: str, *, nav: bool = True, name: str = "mkdocs.yml"
) -> Path:
    """export/mkdocs.yml: the site's own settings, the explainer's nav and assets, no explainer plugin.
    Without `nav`, MkDocs makes its default one: every page listed on every page.

    Zensical reads mkdocs.yml (or zensical.toml) and silently ignores plugins it does not implement, so
    one file serves Zensical and plain MkDocs. `theme.variant: classic` is Zensical's Material look;
    MkDocs passes the unknown theme option through untouched.
    """
    from explainer.site import SCRIPTS, STYLESHEETS

    config = read_config(project)
    config["docs_dir"], config["site_dir"] = "docs", "site"
    config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "explainer"]
    config["theme"]["variant"] = "classic"
    if nav:
        config["nav"] = explainer_nav(project, today)
    else:
        config.pop("nav", None)
    config["extra_css"] = [*STYLESHEETS, *config.get("extra_css", [])]
    config["extra_javascript"] = [{"path": s, "defer": True} for s in SCRIPTS] + config.get(
        "extra_javascript", []
    )
    target = export / name
    text = yaml.dump(config, Dumper=_TagKeepingDumper, sort_keys=False, allow_unicode=True, width=110)
    target.write_text(
        f"# Written by {written_by}: the exported pages, without the explainer plugin.\n" + text
    )
    return target


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def read_config(project: Path) -> dict[str, Any]:
    """The project's mkdocs.yml, its tagged values kept as written."""
    loaded: dict[str, Any] = yaml.load(
        (project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagKeepingLoader
    )
    return loaded
