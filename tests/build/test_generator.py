"""The generator on sites that are not the first one: a second topic, a glossary alone, a comparison alone.

Each site is content plus configuration; none of these tests knows a word of
the first site's topic, and one of them makes sure its output does not either.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from explainer.build import build_site_atomically
from tests.conftest import FIXTURES, REPO
from tests.support.project import build, fixture_project

pytestmark = pytest.mark.build

# Words of the first site's topic. None may appear in the package or in another site's output.
FIRST_TOPIC = re.compile(
    r"\b(?:LLMs?|GenAI|generative|language models?|large language|RAG|diffusion|transformers?|GANs?|"
    r"hallucinat\w*|chatbot|ChatGPT|GPT-\d|prompt(?:ing)?|embeddings?|token(?:s|izer)?|Vaswani|arXiv)\b",
    re.IGNORECASE,
)
FAMILY_PAGES = {
    "technologies": ["technologies/index.html"],
    "compare": ["compare/index.html"],
    "pros-and-cons": ["pros-and-cons/index.html"],
    "industries": ["industries/index.html", "use-cases/index.html"],
    "glossary": ["glossary/index.html"],
    "faq": ["faq/index.html"],
    "sources": ["sources/index.html"],
}


def _nav_labels(page: Path) -> list[str]:
    html = page.read_text()
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.DOTALL)
    assert nav is not None
    return re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav.group(0))


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(fixture_project(tmp_path_factory.mktemp("complete")))


@pytest.fixture(scope="module")
def glossary_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("glossary")
    return build(fixture_project(tmp / "project", FIXTURES / "glossary-only"))


@pytest.fixture(scope="module")
def comparison_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("comparison")
    return build(fixture_project(tmp / "project", FIXTURES / "comparison-only"))


def test_a_complete_site_builds_every_family(complete: Path) -> None:
    missing = [page for pages in FAMILY_PAGES.values() for page in pages if not (complete / page).is_file()]
    assert missing == []
    assert (complete / "compare/relational-databases-vs-document-databases/index.html").is_file()


def test_a_glossary_alone_is_a_glossary_site(glossary_only: Path) -> None:
    built = {p.relative_to(glossary_only).as_posix() for p in glossary_only.rglob("*.html")}
    for family in ("technologies", "compare", "pros-and-cons", "industries", "faq"):
        assert not set(FAMILY_PAGES[family]) & built, f"{family} was built with nothing to show"
    assert "glossary/index.html" in built and "sources/index.html" in built
    labels = _nav_labels(glossary_only / "glossary/index.html")
    assert "Glossary" in labels
    assert not {"Technologies", "Compare", "Industries", "FAQ"} & set(labels)
    sitemap = (glossary_only / "sitemap.xml").read_text()
    assert "/faq/" not in sitemap and "/compare/" not in sitemap and "/technologies/" not in sitemap
    index = json.loads((glossary_only / "search/explainer.json").read_text())
    assert not [p for p in index["pages"] if p["u"].startswith(("faq/", "compare/", "technologies/"))]
    assert not [p for p in glossary_only.rglob("*.html") if '"FAQPage"' in p.read_text()]


def test_a_comparison_alone_builds_no_glossary_faq_or_industries(comparison_only: Path) -> None:
    built = {p.relative_to(comparison_only).as_posix() for p in comparison_only.rglob("*.html")}
    assert {"technologies/index.html", "compare/index.html"} <= built
    for family in ("glossary", "faq", "industries", "sources"):
        assert not set(FAMILY_PAGES[family]) & built, family
    matrix = (comparison_only / "compare/index.html").read_text()
    assert "rated on the same 0" not in matrix and "0 questions" not in matrix


def test_no_word_of_the_first_topic_in_the_package(tmp_path: Path) -> None:
    leaks = [
        f"{path.relative_to(REPO)}:{number}: {match.group(0)}"
        for path in sorted((REPO / "src").rglob("*"))
        if path.is_file() and path.suffix in {".py", ".j2", ".js", ".css", ".html"}
        for number, line in enumerate(path.read_text().splitlines(), 1)
        for match in FIRST_TOPIC.finditer(line)
    ]
    assert leaks == []


@pytest.mark.parametrize("site", ["complete", "glossary_only", "comparison_only"])
def test_no_word_of_the_first_topic_in_another_sites_output(
    site: str, request: pytest.FixtureRequest
) -> None:
    built: Path = request.getfixturevalue(site)
    leaks = [
        f"{path.relative_to(built)}: {match.group(0)}"
        for path in built.rglob("*")
        if path.suffix in {".html", ".js", ".css", ".json", ".xml"}
        and "search" not in path.parts
        and "lunr" not in path.as_posix()
        and "assets/javascripts" not in path.as_posix()
        for match in FIRST_TOPIC.finditer(path.read_text())
    ]
    assert leaks == []


EXAMPLES = sorted(path.parent for path in (REPO / "examples").glob("*/mkdocs.yml"))


@pytest.fixture(scope="module", params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def example_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """Each example site in examples/ (its folder), built strictly as CI builds it (into a scratch folder)."""
    folder: Path = request.param
    return folder, build_site_atomically(folder / "mkdocs.yml", tmp_path_factory.mktemp(folder.name) / "site")


def test_each_example_site_builds_with_no_word_of_the_first_topic(example_site: tuple[Path, Path]) -> None:
    folder, site = example_site
    assert (site / "compare/index.html").is_file() and (site / "glossary/index.html").is_file()
    # The example's own words may overlap (a power grid has transformers, documents embed data):
    # a leak is a first-topic word in the output that the example's own sources do not use.
    sources = [*folder.glob("content/**/*.yaml"), *folder.glob("docs/**/*.md")]
    own = {match.group(0).casefold() for path in sources for match in FIRST_TOPIC.finditer(path.read_text())}
    leaks = [
        f"{path.relative_to(site)}: {match.group(0)}"
        for path in site.rglob("*")
        if path.suffix in {".html", ".js", ".css", ".json", ".xml"}
        and "search" not in path.parts
        and "lunr" not in path.as_posix()
        and "assets/javascripts" not in path.as_posix()
        for match in FIRST_TOPIC.finditer(path.read_text())
        if match.group(0).casefold() not in own
    ]
    assert leaks == []


def test_a_sites_own_template_replaces_the_packages(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    overrides = project / "overrides" / "explainer"
    overrides.mkdir(parents=True)
    (overrides / "technologies.md.j2").write_text(
        "# Our own index\n\nWritten by the site, not the package.\n"
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    site = build(project)
    html = (site / "technologies/index.html").read_text()
    assert "Written by the site, not the package." in html


def test_every_page_gets_head_metadata_without_an_override(complete: Path) -> None:
    for page in ("index.html", "faq/what-is-the-difference/index.html", "glossary/index.html"):
        html = (complete / page).read_text()
        head = html.split("</head>")[0]
        assert '<meta property="og:title"' in head and '<meta property="og:url"' in head, page
        assert '<link rel="canonical"' in head, page
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', head)
        assert ld and json.loads(ld.group(1))["url"].startswith("https://fixture.example.org/"), page


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ({"pages": "none"}, 0),
        ({"pages": "all"}, 1),
        ({"pages": "up-to", "max_technologies": 2}, 1),
        ({"pages": "listed", "listed": ["document-databases-vs-relational-databases"]}, 1),
    ],
)
def test_the_pair_page_policy_decides_which_pairs_get_pages(
    pairs: dict[str, object], expected: int, tmp_path: Path
) -> None:
    site = build(fixture_project(tmp_path / "project", options={"pairs": pairs}))
    assert len(list((site / "compare").glob("*-vs-*/index.html"))) == expected
    matrix = (site / "compare/index.html").read_text()
    assert ("data-ex-pair-template" in matrix) is bool(expected)
