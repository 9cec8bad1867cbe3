"""Lighthouse budgets on the pages readers land on, gated on the median of three runs.

Reports are kept in site-reports/lighthouse/ (ignored by git) for review.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import REPORTS
from tests.conftest import REPO
from tests.support.browser import CHROMIUM, LAUNCH_ARGS
from tests.support.pages import FAMILIES, LANDING

pytestmark = pytest.mark.browser

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
PAGES = {name: FAMILIES[name] for name in LANDING}
RUNS = 3
MINIMUM = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_TRANSFER_BYTES = 250 * 1024


def run_lighthouse(url: str, report: Path) -> dict[str, object]:
    if not LIGHTHOUSE.is_file():
        pytest.fail("Lighthouse is not installed; run 'scripts/bootstrap --browser' (npm ci)", pytrace=False)
    flags = " ".join(["--headless=new", *[a for a in LAUNCH_ARGS if a != "--headless"]])
    finished = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={flags}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    return json.loads(report.read_text())


@pytest.mark.parametrize("name", PAGES)
def test_page_meets_the_lighthouse_budgets(base_url: str, name: str) -> None:
    folder = REPORTS / "lighthouse"
    folder.mkdir(parents=True, exist_ok=True)
    results = [run_lighthouse(base_url + PAGES[name], folder / f"{name}-{n + 1}.json") for n in range(RUNS)]
    scores = {
        category: statistics.median(r["categories"][category]["score"] for r in results)  # type: ignore[index]
        for category in MINIMUM
    }
    transfer = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in results)  # type: ignore[index]
    layout_shift = max(r["audits"]["cumulative-layout-shift"]["numericValue"] for r in results)  # type: ignore[index]
    (folder / f"{name}-summary.json").write_text(
        json.dumps(
            {"scores": scores, "transfer_bytes": transfer, "cumulative_layout_shift": layout_shift}, indent=2
        )
    )
    below = {c: s for c, s in scores.items() if s < MINIMUM[c]}
    assert below == {}, f"median scores below budget: {below}"
    assert transfer <= MAX_TRANSFER_BYTES, f"{transfer / 1024:.0f} KB transferred"
    assert layout_shift < 0.01, "content moved while scripts loaded"
