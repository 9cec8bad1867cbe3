"""Hostile content cannot reach the HTML: plain text is shown as text, unsafe Markdown stops the build."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from explainer.build import BuildFailed
from tests.support.project import build, copy_project
from tests.support.search_worker import search_worker

pytestmark = pytest.mark.build

HOSTILE = {
    "name": '<script>alert("name")</script>',
    "summary": '"><img src=x onerror=alert(1)> javascript:alert(1) {: onclick="x" }',
    "question": "Is <svg onload=alert(1)> safe?",
    "term": "<b onmouseover=alert(1)>Term</b>",
    "title": "</title><script>alert(1)</script>",
    "label": "<style>*{x}</style>",
    "link": "[x](javascript:alert(1))",
}


def _set(path: Path, field: str, value: str) -> None:
    lines = path.read_text().splitlines()
    replaced = [f"{field}: {json.dumps(value)}" if line.startswith(f"{field}:") else line for line in lines]
    assert replaced != lines, f"{path} has no '{field}:' line"
    path.write_text("\n".join(replaced) + "\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    content = project / "content"
    _set(content / "technologies/relational-databases.yaml", "name", HOSTILE["name"])
    _set(content / "technologies/relational-databases.yaml", "summary", HOSTILE["summary"])
    _set(content / "technologies/document-databases.yaml", "name", HOSTILE["link"])
    _set(content / "faq/which-should-i-choose.yaml", "question", HOSTILE["question"])
    _set(content / "definitions/sharding.yaml", "term", HOSTILE["term"])
    _set(content / "definitions/sharding.yaml", "short", HOSTILE["summary"])
    _set(content / "sources/codd-1970.yaml", "title", HOSTILE["title"])
    _set(content / "topics/basics.yaml", "name", HOSTILE["label"])
    _set(content / "industries/retail.yaml", "name", HOSTILE["title"])
    _set(content / "use-cases/order-processing.yaml", "title", HOSTILE["name"])
    _set(content / "dimensions/joins.yaml", "name", HOSTILE["label"])
    return build(project)


class _Elements(HTMLParser):
    """Flags what hostile text could only have reached the page as markup.

    Scripts that run (not JSON data blocks) must not mention the payload, and the
    only stylesheet element allowed is the site's own <noscript> rule.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if value and re.match(r"^\s*(javascript|vbscript|data):", value, re.IGNORECASE):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag in {"iframe", "object", "embed", "base", "img"}:
            self.problems.append(f"<{tag}>")
        json_data = tag == "script" and (dict(attrs).get("type") or "").endswith("json")
        self.inside = None if json_data else tag if tag in {"script", "style"} else None

    def handle_data(self, data: str) -> None:
        if self.inside == "script" and "alert(" in data:
            self.problems.append(f"script with {data[:40]!r}")
        if self.inside == "style" and ".ex-needs-js" not in data:
            self.problems.append(f"<style>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self.inside = None


def test_hostile_plain_text_builds_and_no_page_carries_markup_from_it(hostile_site: Path) -> None:
    problems = {}
    for page in hostile_site.rglob("*.html"):
        parser = _Elements()
        parser.feed(page.read_text())
        if parser.problems:
            problems[str(page.relative_to(hostile_site))] = parser.problems
    assert problems == {}


def test_hostile_text_is_shown_literally(hostile_site: Path) -> None:
    html = (hostile_site / "technologies/relational-databases/index.html").read_text()
    assert (
        "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in html
        or '&lt;script&gt;alert("name")&lt;/script&gt;' in html
    )
    assert "<title>&lt;script&gt;" in html


def test_search_results_show_content_markup_as_text(hostile_site: Path) -> None:
    """The site's search index holds plain text; the worker escapes all it hands the theme, which
    renders titles and teasers as HTML. Read the results as the theme gets them, and parse them."""
    index_file = hostile_site / "search/explainer.json"
    index = json.loads(index_file.read_text())
    assert not (hostile_site / "search/search_index.json").exists()
    texts = [p["t"] + p["x"] for p in index["pages"]] + [
        s["t"] + s["x"] for p in index["pages"] for s in p.get("s", [])
    ]
    assert any("<script>alert" in text for text in texts)  # the payloads are there, as text
    problems, shown = [], 0
    for results in search_worker(index_file, ["script alert", "img onerror", "javascript"]):
        for group in results:
            for item in group:
                parser = _Elements()
                parser.feed(item["title"] + item["text"])
                problems += parser.problems
                shown += 1
    assert shown and problems == []


def test_json_ld_and_meta_carry_no_markup_from_content(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        html = page.read_text()
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL):
            assert "<" not in block
            json.loads(block)
        for description in re.findall(r'<meta name="description" content="([^"]*)"', html):
            assert "<" not in description


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("description", "Read [this](javascript:alert(1)).", "E403"),
        ("description", "Hi <script>alert(1)</script>", "E402"),
        # An attribute list on its own line applies to the paragraph; inline after text it is only text.
        ("description", 'Hi\n{: onclick="alert(1)" }', "E404"),
        ("description", "![x](https://evil.example/x.png)", "E404"),
        ("description", "[x](data:text/html,hi)", "E403"),
    ],
)
def test_unsafe_markdown_stops_the_build(
    tmp_path: Path, field: str, value: str, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "content/industries/retail.yaml"
    written = path.read_text()
    path.write_text(written + f"{field}: {json.dumps(value)}\n")
    with pytest.raises(BuildFailed):
        build(project)
    # Placed on the line the field was added at, whatever the fixture holds above it.
    assert f"content/industries/retail.yaml:{written.count(chr(10)) + 1}:" in caplog.text
    assert code in caplog.text
    assert not (project / "site").exists()
