"""Differential: whatever Markdown the check accepts, the page built from it is safe before the sanitiser.

For a generated answer: if `check` accepts it, the page that shows it has no event handler, no raw
element that runs or loads anything, and no href or src other than https and same-site, in the HTML
Python-Markdown makes (so the sanitiser is never the only defence), and after the sanitiser nothing
outside its allowlist. The build test puts thirty accepted answers into one strict MkDocs build: what
the check accepts, the build accepts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

from explainer.sanitise import sanitise_page_html
from tests.property.markdown_strategies import markdown_text
from tests.property.pipeline import (
    accepted,
    answer_file,
    check_answer,
    outside_allowlist,
    page_html,
    unsafe_markup,
)
from tests.support.project import build, fixture_project


@given(markdown_text())
def test_accepted_markdown_renders_to_safe_html_even_without_the_sanitiser(answer: str) -> None:
    result = check_answer(answer)
    event("accepted" if accepted(result) else "refused")
    if not accepted(result):
        return
    html = page_html(result.content)
    note(html)
    assert unsafe_markup(html) == [], "the check accepted Markdown whose HTML is unsafe before the sanitiser"
    assert outside_allowlist(sanitise_page_html(html)) == []


def test_the_strategies_reach_the_renderer_and_the_scanner_sees_what_it_must() -> None:
    """Not vacuous: typical generated answers pass, and the scanner flags what it is there to flag."""
    assert accepted(check_answer("Data is kept in [tables](term:schema), see [docs](https://example.org/)."))
    html = '<p><a href="java&#x09;script:x" onmouseover="y">a</a><img src="//evil.example/x"><script></script></p>'
    assert len(unsafe_markup(html)) == 4
    assert outside_allowlist('<p style="color: red" x="1">a</p>') == [
        "<p style>",
        "<p x>",
        "<p style='color: red'>",
    ]


BATCH = 30


@pytest.mark.build
@settings(max_examples=1, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
@given(st.data())
def test_thirty_accepted_answers_build_strictly_in_one_site(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """One strict build of thirty answers the check accepts: it passes, and their pages are safe.

    No shrinking (each step would be a build): a failure names the answers that broke it.
    """
    chosen: list[str] = []
    for _ in range(10 * BATCH):
        answer = data.draw(markdown_text())
        if accepted(check_answer(answer)):
            chosen.append(answer)
        if len(chosen) == BATCH:
            break
    assert len(chosen) == BATCH, "the strategy should make far more accepted answers than needed"
    project = fixture_project(tmp_path_factory.mktemp("differential") / "project")
    for index, answer in enumerate(chosen):
        raw = answer_file(answer, question=f"Is generated answer {index} safe?")
        (project / "content" / "faq" / f"generated-{index}.yaml").write_bytes(raw)
    try:
        site = build(project)
    except Exception as error:  # the build's own message names the generated page that failed
        pages = sorted(set(re.findall(r"generated-(\d+)", str(error))))
        raise AssertionError(f"{error}\nanswers: {[chosen[int(p)] for p in pages]}") from error
    unsafe = {
        index: unsafe_markup(_article(site / f"faq/generated-{index}/index.html")) for index in range(BATCH)
    }
    assert {index: found for index, found in unsafe.items() if found} == {}


def _article(page: Path) -> str:
    """The content of a built page (the theme's own markup around it is not content)."""
    html = page.read_text(encoding="utf-8")
    start, end = html.index("<article"), html.index("</article>")
    return html[start:end]
