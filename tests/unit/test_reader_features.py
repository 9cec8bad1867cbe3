"""Pure parts of the reader's features: synonym groups for the FAQ filter, SVG diagrams, script budget."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from explainer.content import Content
from explainer.model import Example, Technology
from explainer.render import RenderContext
from explainer.render.diagrams import industry_overview, relationship_diagram
from explainer.render.expansions import instance_groups, normalise, search_groups, synonym_groups
from explainer.validate import build_content
from tests.unit.corpus import corpus_documents

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def content() -> Content:
    built, problems = build_content(corpus_documents())
    assert problems == []
    return built


@pytest.fixture(scope="module")
def site(content: Content) -> RenderContext:
    return RenderContext(content)


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Retrieval-Augmented Generation", "retrieval augmented generation"),
        ("LLMs?", "llms"),
        ("Café  au lait", "cafe au lait"),
        ("C++ / C#", "c c"),
    ],
)
def test_names_are_normalised_like_the_filter_script_does(written: str, normal: str) -> None:
    assert normalise(written) == normal


def test_a_term_its_abbreviation_and_aliases_form_one_synonym_group(site: RenderContext) -> None:
    groups = synonym_groups(site)
    schema = next(g for g in groups if "ddl" in g)
    assert {"schema", "ddl", "data definition language"} <= set(schema)


def test_groups_sharing_a_name_are_merged(site: RenderContext) -> None:
    groups = synonym_groups(site)
    relational = [g for g in groups if "rdbms" in g]
    assert len(relational) == 1 and {"relational databases", "sql databases"} <= set(relational[0])
    names = [name for g in groups for name in g]
    assert len(names) == len(set(names)), "a name may belong to one group only"


def test_single_names_make_no_group(site: RenderContext) -> None:
    assert all(len(g) > 1 for g in synonym_groups(site))


def test_a_product_leads_to_the_names_of_its_technology_after_every_synonym_group(
    site: RenderContext,
) -> None:
    groups = synonym_groups(site)
    products = instance_groups(site, groups)
    assert products == [
        ["mongodb", "document databases", "document stores"],
        ["postgresql", *next(g for g in groups if "rdbms" in g)],
    ]
    # Last, so that the search scripts match a technology's own names with its own group (one way only).
    assert search_groups(site) == [*groups, *products]


def _with(content: Content, *technologies: Technology) -> RenderContext:
    replaced = {t.id for t in technologies}
    others = [e for kind in content.by_kind.values() for e in kind.values() if e.id not in replaced]
    return RenderContext(Content.from_entities([*others, *technologies]))


def test_an_umbrella_or_an_example_that_is_already_a_name_leads_nowhere(content: Content) -> None:
    relational = content.technologies["relational-databases"]
    document = content.technologies["document-databases"]
    umbrella = document.model_copy(update={"umbrella": True})
    aliased = relational.model_copy(update={"examples": [Example(name="RDBMS")]})
    for site, expected in (
        (_with(content, umbrella), ["postgresql"]),
        (_with(content, aliased), ["mongodb"]),
    ):
        assert [g[0] for g in instance_groups(site, synonym_groups(site))] == expected


def test_a_product_listed_by_two_technologies_names_both(content: Content) -> None:
    document = content.technologies["document-databases"]
    both = document.model_copy(
        update={"examples": [*document.examples, *content.technologies["relational-databases"].examples]}
    )
    site = _with(content, both)
    (postgres,) = [g for g in instance_groups(site, synonym_groups(site)) if g[0] == "postgresql"]
    assert {"relational databases", "document databases"} <= set(postgres)


def _svg(markup: str) -> ET.Element:
    inner = re.search(r"<svg.*</svg>", markup, re.DOTALL)
    assert inner, "no inline SVG"
    return ET.fromstring(inner.group(0))


def test_relationship_diagram_is_accessible_inline_svg(site: RenderContext) -> None:
    svg = _svg(relationship_diagram(site, "index.md"))
    assert svg.get("role") == "img"
    labelled = (svg.get("aria-labelledby") or "").split()
    ids = {el.get("id") for el in svg.iter()}
    assert labelled and set(labelled) <= ids
    assert svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert "Relational databases and document databases are often contrasted." in svg.find(f"{SVG}desc").text  # type: ignore[union-attr, operator]
    assert "<script" not in relationship_diagram(site, "index.md")


def test_relationship_diagram_draws_one_box_per_technology_and_marks_the_current_one(
    content: Content, site: RenderContext
) -> None:
    svg = _svg(relationship_diagram(site, "technologies/x.md", current="document-databases"))
    nodes = [g for g in svg.iter(f"{SVG}g") if "ex-node" in (g.get("class") or "")]
    assert len(nodes) == len(content.technologies)
    current = [g for g in nodes if "ex-current" in (g.get("class") or "")]
    assert len(current) == 1 and "Document databases" in "".join(current[0].itertext())
    assert len([e for e in svg.iter(f"{SVG}line") if "ex-edge-contrasts" in (e.get("class") or "")]) >= 1


def test_kinds_of_a_technology_are_drawn_inside_its_box(content: Content) -> None:
    data = content.technologies["document-databases"].model_copy(update={"relations": []})
    from explainer.model import Relation

    nested = data.model_copy(update={"relations": [Relation(kind="is-a", target="relational-databases")]})
    changed = Content.from_entities([content.technologies["relational-databases"], nested], {})
    svg = _svg(relationship_diagram(RenderContext(changed), "index.md"))
    boxes = {
        "".join(g.itertext()).strip(): g.find(f"{SVG}rect")
        for g in svg.iter(f"{SVG}g")
        if "ex-node" in (g.get("class") or "")
    }
    outer = next(r for name, r in boxes.items() if name.startswith("Relational"))
    inner = next(r for name, r in boxes.items() if name.startswith("Document"))

    def box(r: ET.Element) -> tuple[float, float, float, float]:
        x, y = float(r.get("x") or 0), float(r.get("y") or 0)
        return x, y, x + float(r.get("width") or 0), y + float(r.get("height") or 0)

    ox1, oy1, ox2, oy2 = box(outer)  # type: ignore[arg-type]
    ix1, iy1, ix2, iy2 = box(inner)  # type: ignore[arg-type]
    assert ox1 < ix1 and oy1 < iy1 and ix2 < ox2 and iy2 < oy2


def test_industry_overview_prints_every_count(site: RenderContext) -> None:
    svg = _svg(industry_overview(site, "industries/index.md"))
    counts = [t.text for t in svg.iter(f"{SVG}text") if "ex-heat-count" in (t.get("class") or "")]
    assert counts == ["2", "1"]  # retail: two use cases rely on RDBMS, one on document databases
    # Two technologies and one industry: the longer list runs down the side.
    assert "Relational databases: Retail 2. Document databases: Retail 1." in (
        svg.find(f"{SVG}desc").text or ""
    )  # type: ignore[union-attr]


def test_reader_scripts_fit_the_8_kb_budget_and_reach_no_other_host() -> None:
    from explainer.shipped import SCRIPT_BUDGET_BYTES, budgeted_sizes
    from explainer.site import asset_files

    shipped = asset_files()
    sizes = budgeted_sizes()
    assert sum(sizes.values()) <= SCRIPT_BUDGET_BYTES == 8 * 1024, sizes
    for name, data in shipped.items():
        text = data.decode()
        if name == "assets/explainer/search-worker.js":
            # The chunked-search worker loads the site's own Pagefind bundle, from beside itself.
            imports = re.findall(r"\bimport\s*\(([^)]*\))", text)
            assert [call.replace(" ", "") for call in imports] == ['newURL("pagefind/pagefind.js",ROOT)'], (
                imports
            )
            text = text.replace("import(", "")
        assert not re.search(r"\b(XMLHttpRequest|import\s*\(|https?://)", text), name
        # The FAQ filter may fetch its data file from the site itself, the search worker the site's
        # index, and nothing else.
        # Compared without spaces: the minifier drops them.
        allowed = {"dataUrl", 'newURL("search/explainer.json",ROOT'}
        for call in re.findall(r"\bfetch\(([^)]*)\)", text):
            assert call.replace(" ", "") in allowed, name


def test_the_bibliography_names_a_few_places_per_source_and_counts_the_rest(real_content: Content) -> None:
    """A landmark source supports dozens of places: listing them all would grow the page with the site."""
    from explainer.render import RenderContext
    from explainer.render.sources import SUPPORTS_LISTED, render_sources, supports

    site = RenderContext(real_content)
    places = supports(site)
    busiest = max(places, key=lambda source_id: len(places[source_id]))
    extra = len(places[busiest]) - SUPPORTS_LISTED
    assert extra > 0, "the real content has a source cited in more places than are listed"
    page = next(p for p in render_sources(site) if p.path == "sources.md").markdown
    block = page.split(f'id="{busiest}"', 1)[1].split("</div>", 1)[0]
    supported = block.split("*Supports:*", 1)[1]
    assert supported.count("](") == SUPPORTS_LISTED
    assert f"and {extra} more place{'s' if extra != 1 else ''}" in supported


def test_the_search_groups_are_worked_out_once_per_build(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explainer.render import expansions
    from explainer.render.faq import render_faq_index
    from explainer.search_index import search_extras

    calls = []
    made = expansions.search_groups
    monkeypatch.setattr(expansions, "search_groups", lambda site: calls.append(site) or made(site))
    site = RenderContext(content)
    page, extras = render_faq_index(site), search_extras(site)
    assert extras.synonyms == site.search_groups and "data-synonyms" in page.markdown
    assert len(calls) == 1


def test_an_example_is_found_by_its_aliases_and_by_its_name_without_a_version(content: Content) -> None:
    relational = content.technologies["relational-databases"]
    named = relational.model_copy(
        update={
            "examples": [Example(name="PostgreSQL", aliases=["Postgres"]), Example(name="SQL Server 2022")]
        }
    )
    site = _with(content, named)
    led = {g[0]: g[1:] for g in instance_groups(site, synonym_groups(site))}
    own = next(g for g in synonym_groups(site) if "rdbms" in g)
    assert led["postgres"] == led["postgresql"] == led["sql server"] == led["sql server 2022"] == own


def test_a_version_is_dropped_only_where_the_shorter_name_is_no_one_elses(content: Content) -> None:
    relational = content.technologies["relational-databases"]
    document = content.technologies["document-databases"]
    versioned = relational.model_copy(update={"examples": [Example(name="MongoDB 8")]})
    site = _with(content, versioned, document)  # document databases list MongoDB itself
    led = {g[0]: g[1:] for g in instance_groups(site, synonym_groups(site))}
    assert "document databases" in led["mongodb"] and "relational databases" not in led["mongodb"]
    assert "relational databases" in led["mongodb 8"]


def test_only_a_page_with_the_faq_filter_keeps_its_query_from_the_theme_search() -> None:
    """The mark tells the head script (faq-query.js) that ?q= is the filter's; a page that only
    names the filter's attribute in its text (the contributor guide) has no filter."""
    from explainer.finish import FAQ_FILTER_MARK, finish_page

    page = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"></head><body>{}</body></html>'
    with_filter = finish_page(
        page.format('<form class="x" data-ex-faq-search data-synonyms="[]"></form>'), None
    )
    without = finish_page(page.format("<p>Type data-ex-faq-search into the box.</p>"), None)
    assert with_filter.startswith(f'<!doctype html>\n<html {FAQ_FILTER_MARK} lang="en">')
    assert FAQ_FILTER_MARK not in without.split("<head>")[0]
