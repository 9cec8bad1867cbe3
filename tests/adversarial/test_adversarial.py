"""The hostile corpus: every case gives exactly its diagnostics, and what is accepted is inert when built."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from explainer.diagnostics import Diagnostic
from explainer.fields import field_meanings
from explainer.kinds import KIND_BY_NAME, XREF_SCHEMES
from explainer.markdown import ALLOWED_TAGS, ANALYSERS, HEADING_TAGS, rewrite_links
from tests.adversarial.corpus import FILLERS, TEMPLATES, Case, check_case, fixture_site, load_cases
from tests.support.inert import page_problems, site_problems
from tests.support.project import build, fixture_project

CASES = load_cases()
ACCEPTED = [case for case in CASES if case.accepted and case.field is not None]


def _baseline(target: str) -> set[tuple[str, str]]:
    """What a case's template gives with harmless values (a source nobody cites, say)."""
    kind = next(k for k, (path, _) in TEMPLATES.items() if path == target)
    field = next(iter(FILLERS[kind]), None)
    if field is None:
        return set()
    from tests.adversarial.corpus import _field_file

    _, raw = _field_file(kind, field, FILLERS[kind][field])
    return {(d.code, d.path) for d in check_case(target, raw).diagnostics}


def _shown(diagnostics: list[Diagnostic], target: str, baseline: set[tuple[str, str]]) -> list[str]:
    return sorted(
        f"{d.code} {d.position}"
        + ("" if d.path == f"corpus/{target}" else f" {d.path.removeprefix('corpus/')}")
        for d in diagnostics
        if (d.code, d.path) not in baseline
    )


def test_the_corpus_is_large_and_covers_every_class() -> None:
    assert len(CASES) >= 200
    files = {path.stem for path in (Path(__file__).parent / "cases").glob("*.yaml")}
    assert files >= {
        "event-handlers",
        "schemes",
        "entities",
        "markdown-links",
        "abbreviations",
        "yaml",
        "emoji",
    }
    # A new dimension needs a rating from every technology (E501), so one cannot be built on its own.
    assert not [case.name for case in ACCEPTED if (case.field or "").startswith("dimension.")]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_gives_exactly_its_diagnostics(case: Case) -> None:
    result = check_case(case.file, case.raw)
    baseline = _baseline(case.file) if case.field else set()
    assert _shown(result.diagnostics, case.file, baseline) == sorted(case.expect), "\n".join(
        map(str, result.diagnostics)
    )


def _unique(filler: str, index: int) -> str:
    """A filler value made unique within the batch, still valid for its field (a URL stays a URL)."""
    if filler.startswith("https://"):
        return f"{filler}-{index}"
    return f"{filler[:-1]} {index}?" if filler.endswith("?") else f"{filler} {index}"


def _batch_file(case: Case, index: int) -> tuple[str, str]:
    """The accepted case as its own entry, named and titled uniquely so a batch of them builds."""
    kind, _, field = (case.field or "").partition(".")
    target, template = TEMPLATES[kind]
    folder = target.split("/")[0]
    fillers = {k: _unique(v, index) for k, v in FILLERS[kind].items()}
    fillers.pop(field, None)
    lines = template + "".join(f"{k}: {json.dumps(v)}\n" for k, v in fillers.items())
    lines += f"{field}: {json.dumps(case.payload, ensure_ascii=False)}\n"
    return f"{folder}/adversarial-{index}.yaml", lines


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every accepted case in one site: the fixture corpus with one entry per case."""
    project = fixture_project(tmp_path_factory.mktemp("adversarial") / "project")
    for index, case in enumerate(ACCEPTED):
        path, text = _batch_file(case, index)
        (project / "content" / path).write_text(text, encoding="utf-8")
    return build(project)


@pytest.mark.build
def test_every_accepted_case_is_inert_in_every_page_and_the_search_index(hostile_build: Path) -> None:
    assert site_problems(hostile_build) == {}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _visible_text(site: Path) -> str:
    parser = _Text()
    for page in site.rglob("*.html"):
        parser.feed(page.read_text())
    return " ".join(" ".join(parser.parts).split())


PLAIN_FIELDS = {"short", "name", "summary", "question", "title", "term"}
# What a field's Markdown may render to: the restricted grammar, and code blocks highlighted by the site.
INERT_TAGS = sorted(ALLOWED_TAGS | HEADING_TAGS | {"div", "span"})


@pytest.mark.build
def test_accepted_plain_text_reaches_the_reader_as_exactly_its_characters(hostile_build: Path) -> None:
    text = _visible_text(hostile_build)
    plain = [c for c in ACCEPTED if (c.field or "").split(".")[1] in PLAIN_FIELDS and c.payload]
    assert plain, "the corpus needs accepted plain-text payloads"
    missing = [c.name for c in plain if " ".join((c.payload or "").split()) not in text]
    assert missing == []


def _is_markdown(case: Case) -> bool:
    """Whether the model reads the case's field as Markdown (not plain text)."""
    kind, _, name = (case.field or "").partition(".")
    meaning = field_meanings(KIND_BY_NAME[kind].model).get(name)
    return meaning is not None and meaning.markdown is not None


class _Markup(HTMLParser):
    """Every element and attribute of a rendered fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, "", ""))
        self.found.extend((tag, name, value or "") for name, value in attrs)


# Attributes Markdown syntax and code highlighting make; content may set no other (and no other value).
_ATTRIBUTES = {
    ("a", "href"): r"https://\S+|#[\w-]+",
    ("a", "title"): r"[^<>&]*",
    ("ol", "start"): r"\d+",
    ("th", "style"): r"text-align: (?:left|right|center);",
    ("td", "style"): r"text-align: (?:left|right|center);",
    **{(h, "id"): r"[\w-]+" for h in HEADING_TAGS},
    ("div", "class"): r"(?:language-[\w+#.-]+ )?highlight",
    ("code", "class"): r"language-[\w+#.-]+",
    ("span", "class"): r"[a-z0-9]{1,3}|filename",  # Pygments' token classes
}


MARKDOWN_ACCEPTED = [case for case in ACCEPTED if case.payload and _is_markdown(case)]


def _rendered_alone(case: Case) -> str:
    """The field as another engine would render the exported Markdown: the site's parser, no sanitiser."""
    import markdown

    from explainer.markdown import _extension_objects

    payload = case.payload or ""
    site = fixture_site()
    links = ANALYSERS.get(site.markdown_extensions).analyse(payload, True).links
    rewritten = rewrite_links(payload, links, lambda ref: f"https://example.org/{ref.scheme}/{ref.id}/")
    names, configs = _extension_objects(site.markdown_extensions)
    return markdown.markdown(rewritten, extensions=names, extension_configs=configs)


@pytest.mark.parametrize("case", MARKDOWN_ACCEPTED, ids=[case.name for case in MARKDOWN_ACCEPTED])
def test_accepted_markdown_is_inert_even_without_the_sanitiser(case: Case) -> None:
    """What `explainer export` writes for other engines: nothing the check accepts may need nh3 to be safe."""
    html = _rendered_alone(case)
    assert page_problems(html, whole_page=False) == []
    markup = _Markup()
    markup.feed(html)
    unexpected = [
        (tag, name, value)
        for tag, name, value in markup.found
        if (not name and tag not in INERT_TAGS)
        or (name and not re.fullmatch(_ATTRIBUTES.get((tag, name), "(?!)"), value))
    ]
    assert unexpected == [], html


@pytest.mark.parametrize("case", MARKDOWN_ACCEPTED, ids=[case.name for case in MARKDOWN_ACCEPTED])
def test_accepted_cross_references_all_become_links(case: Case) -> None:
    """A cross-reference the check accepts is rewritten, however it is written: no dead `term:` link ships."""
    html = _rendered_alone(case)
    schemes = "|".join(XREF_SCHEMES)
    assert not re.search(rf'href="(?:{schemes}):', html), html
