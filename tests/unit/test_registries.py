"""One registry per concept: kinds, page families and diagnostic codes are each declared once.

These tests fail when a piece of a new kind or family is forgotten: a kind row
without a model, a model without a row, a family without a renderer, a page
family missing from the navigation, a per-kind table kept somewhere else.
"""

from __future__ import annotations

import inspect
import re
from typing import get_args

import pytest

import explainer.model as model
from explainer.content import Content
from explainer.families import FAMILIES, FAMILY_BY_NAME, built_families
from explainer.kinds import KIND_BY_FOLDER, KIND_BY_SCHEME, KINDS, Kind
from explainer.render import RENDERERS, RenderContext, render_pages
from explainer.settings import FamilyName, KindName, Settings, validate_settings
from explainer.site import build_nav
from explainer.validate import build_content
from tests.conftest import REPO
from tests.unit.corpus import corpus_documents


@pytest.fixture(scope="module")
def content() -> Content:
    built, problems = build_content(corpus_documents())
    assert problems == []
    return built


def test_every_entity_model_has_exactly_one_kind_row() -> None:
    models = [
        cls
        for _, cls in inspect.getmembers(model, inspect.isclass)
        if issubclass(cls, model.Entity) and cls is not model.Entity
    ]
    assert sorted(m.__name__ for m in models) == sorted(k.model.__name__ for k in KINDS)
    for kind in KINDS:
        assert kind.model.entity_kind == kind.name
        assert kind.title_field in kind.model.model_fields, kind.name
        assert "{id}" in kind.page and kind.page.split("#")[0].endswith(".md"), kind.name
        assert kind.family in FAMILY_BY_NAME, kind.name
        assert kind.help and kind.label


def test_kind_names_folders_schemes_and_attributes_are_unique() -> None:
    for attribute in ("name", "folder", "scheme", "attribute", "page"):
        values = [getattr(kind, attribute) for kind in KINDS]
        assert len(values) == len(set(values)), attribute
    assert set(KIND_BY_FOLDER) == {k.folder for k in KINDS} and set(KIND_BY_SCHEME) == {
        k.scheme for k in KINDS
    }


def test_every_kind_is_reachable_on_content_by_its_attribute(content: Content) -> None:
    for kind in KINDS:
        assert getattr(content, kind.attribute) is content.of_kind(kind.name)


def test_the_settings_know_every_kind_and_every_family() -> None:
    assert set(get_args(KindName)) == {k.name for k in KINDS}
    assert set(get_args(FamilyName)) == {f.name for f in FAMILIES}


def test_every_family_has_a_renderer_and_every_renderer_a_family() -> None:
    assert set(RENDERERS) == {family.name for family in FAMILIES}


def test_every_built_family_is_in_the_navigation(content: Content) -> None:
    site = RenderContext(content)
    nav = build_nav(site, ["index.md"])

    def paths(items: list) -> set[str]:  # type: ignore[type-arg]
        found = set()
        for _, target in items:
            found |= paths(target) if isinstance(target, list) else {target}
        return found

    assert {FAMILY_BY_NAME[name].index for name in site.families} <= paths(nav)


def test_no_module_keeps_its_own_table_of_kinds() -> None:
    """Per-kind facts live in explainer.kinds: a list of kind names elsewhere is a second registry."""
    names = [k.name for k in KINDS]
    offenders = []
    for path in (REPO / "src/explainer").rglob("*.py"):
        # kinds.py is the registry; each model names its own kind; settings spells the names out for its schema.
        if path.name in {"kinds.py", "model.py", "settings.py"}:
            continue
        text = path.read_text()
        mentioned = {name for name in names if re.search(rf"[\"']{re.escape(name)}[\"']", text)}
        if len(mentioned) >= 5:
            offenders.append(f"{path.relative_to(REPO)}: {sorted(mentioned)}")
    assert offenders == []


def test_a_family_with_nothing_to_show_is_not_built() -> None:
    empty = Content.from_entities([])
    assert built_families(empty, Settings()) == frozenset({"reference"})
    assert set(render_pages(RenderContext(empty))) == {"contributing/fields.md"}


def test_a_family_switched_off_is_not_built(content: Content) -> None:
    settings = validate_settings({"families": {"faq": {"enabled": False}, "reference": {"enabled": False}}})
    site = RenderContext(content, settings)
    pages = render_pages(site)
    assert not [p for p in pages if p.startswith("faq/") or p.startswith("contributing/")]
    assert "glossary.md" in pages


def test_labels_and_titles_come_from_the_settings(content: Content) -> None:
    settings = validate_settings(
        {
            "families": {"glossary": {"label": "Words", "title": "Words we use"}},
            "sections": {"Compare": "Side by side"},
        }
    )
    site = RenderContext(content, settings)
    nav = build_nav(site, [])
    assert ("Words", "glossary.md") in nav
    assert any(label == "Side by side" for label, _ in nav)
    assert render_pages(site)["glossary.md"].title == "Words we use"


def test_kind_rows_say_where_entities_are_shown() -> None:
    assert [Kind.path(k, "x") for k in KINDS] == [k.page.format(id="x") for k in KINDS]
