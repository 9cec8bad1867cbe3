"""No content runs in the reader's browser: every tooltip of every page, hovered and focused.

Material's `content.tooltips` builds a tooltip from an element's `title` with `innerHTML`, and from a
truncated title's text; content that reaches one as markup becomes elements on hover. A reader (the
sweep in tests/support/sweep.py) hovers and focuses everything that shows a tooltip, with `alert`,
`confirm`, `prompt`, `print` and `open` hooked before any page script runs, and nothing may be
called, no element may appear inside a tooltip, no handler may be added, the page may not navigate,
and the Content-Security-Policy may not be violated.

It sweeps every page of the real site (and the family pages a query changes), and every page of a
hostile build: the fixture site with each accepted case of the hostile corpus (tests/adversarial/cases) as its own entry, plus a
question that mentions each hostile glossary term, so that every hostile `short` becomes a tooltip.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.adversarial.corpus import check_case
from tests.adversarial.test_adversarial import ACCEPTED, _batch_file
from tests.browser.conftest import REPORTS
from tests.support.pages import FAMILIES
from tests.support.project import build, fixture_project
from tests.support.server import serve
from tests.support.sweep import Findings, Sweeper

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 900}


def _swept(browser: Browser, base_url: str, paths: list[str]) -> Findings:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        sweeper = Sweeper(context)
        for path in paths:
            sweeper.sweep(base_url + path)
        return sweeper.findings
    finally:
        context.close()


def _pages(site: Path) -> list[str]:
    """Every page of a built site, as paths below its root ('' for the home page)."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


def _report(name: str, findings: Findings, **more: int) -> None:
    report = {
        "pages swept": len(findings.pages),
        "elements hovered": findings.hovered,
        "tooltips shown": len(findings.tooltips),
        **more,
    }
    (REPORTS / "runtime-safety").mkdir(parents=True, exist_ok=True)
    (REPORTS / "runtime-safety" / f"{name}.json").write_text(json.dumps(report, indent=2))


# The real site's pages are swept in this many parts, each a test of its own, so that parallel test
# workers share the sweep (whole, it took three and a half minutes of one worker, often the last).
SHARDS = 3


@pytest.mark.parametrize("shard", range(SHARDS), ids=lambda n: f"part-{n + 1}-of-{SHARDS}")
def test_hovering_every_tooltip_of_every_page_of_the_real_site_runs_nothing(
    browser: Browser, site_dir: Path, base_url: str, shard: int
) -> None:
    """Every built page, and the family pages whose address changes what they show (a query, a 404):
    every SHARDS-th of them from `shard` on."""
    paths = sorted(set(_pages(site_dir)) | set(FAMILIES.values()))[shard::SHARDS]
    findings = _swept(browser, base_url, paths)
    _report(f"real-site-part-{shard + 1}-of-{SHARDS}", findings)
    assert findings.problems() == {}
    assert len(findings.pages) == len(paths)
    assert findings.hovered > 0 and findings.tooltips  # Material's tooltips did open


# -- the hostile build --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostileSite:
    root: Path
    payloads: list[str]  # the accepted payloads it holds
    shorts: list[str]  # of those, the glossary `short`s, each shown in a tooltip on the mentions page


MENTIONS = "faq/hostile-terms.yaml"


def _mentions(terms: list[str]) -> str:
    """A question whose answer names each hostile term, so each gets its tooltip there."""
    answer = "These terms are defined by hostile entries: " + ", ".join(terms) + "."
    return (
        "question: Which hostile terms are there?\n"
        f"answer: {json.dumps(answer)}\n"
        "topics: [basics]\nreviewed: 2026-01-15\n"
    )


def _hostile_files() -> tuple[dict[str, str], list[str], list[str]]:
    """Each accepted case that passes the check today as its own entry, and the mentions question."""
    files: dict[str, str] = {}
    payloads, shorts, terms = [], [], []
    for index, case in enumerate(ACCEPTED):
        path, text = _batch_file(case, index)
        if any(d.is_error for d in check_case(path, text.encode()).diagnostics):
            continue  # the corpus test reports a case the check no longer accepts
        files[path] = text
        payloads.append(case.payload or "")
        kind, _, field = (case.field or "").partition(".")
        if kind == "definition" and field != "term":
            terms.append(f"Hostile term {index}")  # the term's name in the batch (see `_batch_file`)
            if field == "short":
                shorts.append(case.payload or "")
    files[MENTIONS] = _mentions(terms)
    return files, payloads, shorts


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    project = fixture_project(tmp_path_factory.mktemp("hostile") / "project")
    files, payloads, shorts = _hostile_files()
    for path, text in files.items():
        (project / "content" / path).write_text(text, encoding="utf-8")
    return HostileSite(build(project), payloads, shorts)


@pytest.fixture(scope="module")
def hostile_url(hostile_site: HostileSite) -> Iterator[str]:
    with serve(hostile_site.root) as url:
        yield url


def test_hovering_every_tooltip_of_every_page_of_a_hostile_build_runs_nothing(
    browser: Browser, hostile_site: HostileSite, hostile_url: str
) -> None:
    findings = _swept(browser, hostile_url, [*_pages(hostile_site.root), "no-such-page/"])
    _report("hostile-build", findings, payloads=len(hostile_site.payloads), shorts=len(hostile_site.shorts))
    assert findings.problems() == {}
    # Not vacuous: every hostile glossary meaning was shown, as exactly the text its author wrote.
    shown = {" ".join(text.split()) for text in findings.tooltips}
    assert [s for s in hostile_site.shorts if " ".join(s.split()) not in shown] == []
    assert len(hostile_site.shorts) >= 5
