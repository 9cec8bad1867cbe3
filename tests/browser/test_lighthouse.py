"""Lighthouse budgets on the pages readers land on: strict on what the project controls, fair on timing.

Two kinds of gate, each over up to RUNS runs per page:

- What the project controls and the machine does not change, strictly: accessibility, best practices
  and SEO scores; bytes transferred; script bytes; request count; hosts (only the site's own); layout
  shift; and first contentful paint, which Lighthouse simulates from the bytes and the render-blocking
  resources on a fixed network (a blocking script moves it by seconds; a busy CPU only in some runs,
  so the fastest run is gated).
- Main-thread blocking, normalised for the CPU. Lighthouse times the page's main-thread work on this
  machine and multiplies it by 4 (`cpuSlowdownMultiplier`) to simulate a phone: on a busy machine every
  task is already slower, so the simulated phone is slower still, and total blocking time (30 % of the
  score) grows fastest, as each task's part beyond 50 ms counts. Each run also measures the machine
  (`benchmarkIndex`, a fixed JavaScript loop timed just before the page loads). So each run gathers
  once (`-G`), then Lighthouse simulates the page again from what it gathered (`-A`) with the
  multiplier scaled by min(1, benchmarkIndex / REFERENCE_BENCHMARK_INDEX): the phone that an unloaded
  machine of this kind would have simulated. On a machine shared with other busy processes the index
  is only a rough measure (it is timed once, and the load comes and goes), so the timing gates also
  take the best of the RUNS runs — another process only ever slows a run down, so the fastest run is
  the best estimate of what the page itself costs (as `timeit` takes the minimum), while a regression
  of the page slows every run — and a calibrated margin: total blocking time up to 600 ms (Lighthouse's
  mid mark) where the pages measure 0–260 ms on an idle machine, first contentful paint at Lighthouse's
  "good" mark, and largest contentful paint at its mid mark. The glossary (470 KB of HTML) paints its
  first paragraph with the first paint, at about 1,660 ms, in most runs; but a slow machine sometimes
  finishes parsing before it paints that paragraph, so the paint waits for the deferred scripts: three
  runs in a row measured 2,610–2,750 ms, over the "good" mark of 2,500. The performance score itself, a
  weighted sum of these timings, is kept in the summary but not gated: its 0.95 budget is within the
  noise of a busy machine.

A page stops at the first run that meets every budget. Further runs could only lower the best
timings (what the project controls is the same in every run), so they would not change a passing
verdict, and each run costs about half a minute. Only a page that misses a budget runs again, up to
RUNS times, so that one run slowed by another process is never the verdict.

Reports are kept in site-reports/lighthouse/ (ignored by git), with a summary per page.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import REPORTS
from tests.conftest import REPO
from tests.support.browser import CHROMIUM, LAUNCH_ARGS
from tests.support.pages import FAMILIES, LANDING

pytestmark = pytest.mark.browser

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = "performance,accessibility,best-practices,seo"
PAGES = {name: FAMILIES[name] for name in LANDING}
RUNS = 3
MINIMUM = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_TRANSFER_BYTES = 250 * 1024
MAX_SCRIPT_BYTES = 60 * 1024  # transferred (gzip): Material's bundle and the site's own scripts
MAX_REQUESTS = 20
# Timing budgets, for the best run: Lighthouse's "good" mark for the first paint, its mid marks (a score
# of 0.5 on a phone) for the largest paint and for blocking.
MAX_FIRST_CONTENTFUL_PAINT_MS = 1800
MAX_LARGEST_CONTENTFUL_PAINT_MS = 4000
MAX_BLOCKING_MS = 600
MAX_LAYOUT_SHIFT = 0.01
PHONE_SLOWDOWN = 4  # Lighthouse's default: the simulated phone's CPU is 4 times slower than this machine
# benchmarkIndex of this kind of machine when nothing else runs: 15 runs on an idle 2-core runner
# gave 2,210–2,890 (median 2,650). On a slower run, the slowdown is scaled down to match.
REFERENCE_BENCHMARK_INDEX = 2500


def _lighthouse(arguments: list[str]) -> None:
    if not LIGHTHOUSE.is_file():
        pytest.fail("Lighthouse is not installed; run 'scripts/bootstrap --browser' (npm ci)", pytrace=False)
    flags = " ".join(["--headless=new", *[a for a in LAUNCH_ARGS if a != "--headless"]])
    finished = subprocess.run(
        [
            str(LIGHTHOUSE),
            *arguments,
            "--quiet",
            f"--chrome-flags={flags}",
            f"--only-categories={CATEGORIES}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown an unloaded machine of this kind would have applied, given this run's speed."""
    return round(PHONE_SLOWDOWN * min(1.0, benchmark_index / REFERENCE_BENCHMARK_INDEX), 3)


def run_lighthouse(url: str, report: Path) -> dict[str, Any]:
    """Gather once, then audit with the CPU slowdown calibrated to the machine's speed during the run."""
    artifacts = report.with_suffix(".artifacts")
    shutil.rmtree(artifacts, ignore_errors=True)
    _lighthouse([url, f"-G={artifacts}"])
    gathered = json.loads((artifacts / "artifacts.json").read_text())
    slowdown = calibrated_slowdown(float(gathered["BenchmarkIndex"]))
    # Lighthouse audits only with the settings it gathered with: record the calibrated one there too.
    gathered["settings"]["throttling"]["cpuSlowdownMultiplier"] = slowdown
    (artifacts / "artifacts.json").write_text(json.dumps(gathered))
    _lighthouse(
        [url, f"-A={artifacts}", f"--throttling.cpuSlowdownMultiplier={slowdown}", "--output=json",
         f"--output-path={report}"]
    )  # fmt: skip
    shutil.rmtree(artifacts, ignore_errors=True)
    result: dict[str, Any] = json.loads(report.read_text())
    return result


# -- what the project controls ------------------------------------------------------------------


def controlled_figures(result: dict[str, Any], base_url: str) -> dict[str, Any]:
    audits = result["audits"]
    resources = {item["resourceType"]: item for item in audits["resource-summary"]["details"]["items"]}
    requests = audits["network-requests"]["details"]["items"]
    hosts = {urlsplit(r["url"]).netloc for r in requests if not r["url"].startswith(("data:", "blob:"))}
    return {
        "transfer_bytes": audits["total-byte-weight"]["numericValue"],
        "script_bytes": resources["script"]["transferSize"],
        "requests": len(requests),
        "foreign_hosts": sorted(hosts - {urlsplit(base_url).netloc}),
        "first_contentful_paint_ms": audits["first-contentful-paint"]["numericValue"],
        "largest_contentful_paint_ms": audits["largest-contentful-paint"]["numericValue"],
        "blocking_ms": audits["total-blocking-time"]["numericValue"],
        "layout_shift": audits["cumulative-layout-shift"]["numericValue"],
    }


def page_summary(results: list[dict[str, Any]], base_url: str) -> dict[str, Any]:
    figures = [controlled_figures(r, base_url) for r in results]
    return {
        "runs": len(results),
        "scores": {c: statistics.median(r["categories"][c]["score"] for r in results) for c in MINIMUM},
        "performance_cpu_normalised": [r["categories"]["performance"]["score"] for r in results],  # not gated
        "benchmark_index": [r["environment"]["benchmarkIndex"] for r in results],
        "cpu_slowdown": [r["configSettings"]["throttling"]["cpuSlowdownMultiplier"] for r in results],
        # The worst run for what the project controls: these do not depend on the machine.
        "transfer_bytes": max(f["transfer_bytes"] for f in figures),
        "script_bytes": max(f["script_bytes"] for f in figures),
        "requests": max(f["requests"] for f in figures),
        "foreign_hosts": sorted({h for f in figures for h in f["foreign_hosts"]}),
        # The best run for timings (see the module's docstring).
        "first_contentful_paint_ms": min(f["first_contentful_paint_ms"] for f in figures),
        "largest_contentful_paint_ms": min(f["largest_contentful_paint_ms"] for f in figures),
        "blocking_ms": min(f["blocking_ms"] for f in figures),
        "blocking_ms_each_run": [round(f["blocking_ms"]) for f in figures],
        "layout_shift": max(f["layout_shift"] for f in figures),
    }


def budget_problems(summary: dict[str, Any]) -> list[str]:
    problems = [f"{c} {s} < {MINIMUM[c]}" for c, s in summary["scores"].items() if s < MINIMUM[c]]
    limits = {
        "transfer_bytes": MAX_TRANSFER_BYTES,
        "script_bytes": MAX_SCRIPT_BYTES,
        "requests": MAX_REQUESTS,
        "first_contentful_paint_ms": MAX_FIRST_CONTENTFUL_PAINT_MS,
        "largest_contentful_paint_ms": MAX_LARGEST_CONTENTFUL_PAINT_MS,
        "blocking_ms": MAX_BLOCKING_MS,
    }
    problems += [
        f"{name} {summary[name]:.0f} > {limit}" for name, limit in limits.items() if summary[name] > limit
    ]
    if summary["layout_shift"] >= MAX_LAYOUT_SHIFT:
        problems.append(f"layout shift {summary['layout_shift']:.3f}: content moved while scripts loaded")
    if summary["foreign_hosts"]:
        problems.append(f"requests to other hosts: {summary['foreign_hosts']}")
    return problems


def runs_until_within_budgets(
    run: Callable[[int], dict[str, Any]], within_budgets: Callable[[list[dict[str, Any]]], bool]
) -> list[dict[str, Any]]:
    """Run until the runs so far meet the budgets, at most RUNS times (see the module's docstring)."""
    results: list[dict[str, Any]] = []
    while len(results) < RUNS:
        results.append(run(len(results)))
        if within_budgets(results):
            break
    return results


@pytest.mark.parametrize("name", PAGES)
def test_page_meets_the_lighthouse_budgets(base_url: str, name: str) -> None:
    folder = REPORTS / "lighthouse"
    folder.mkdir(parents=True, exist_ok=True)
    for earlier in folder.glob(f"{name}-[0-9]*.json"):  # a run this time may stop before their number
        earlier.unlink()
    results = runs_until_within_budgets(
        lambda n: run_lighthouse(base_url + PAGES[name], folder / f"{name}-{n + 1}.json"),
        lambda so_far: not budget_problems(page_summary(so_far, base_url)),
    )
    summary = page_summary(results, base_url)
    (folder / f"{name}-summary.json").write_text(json.dumps(summary, indent=2))
    assert budget_problems(summary) == []


def test_the_cpu_slowdown_is_lighthouses_own_on_an_unloaded_machine_and_less_on_a_busy_one() -> None:
    assert calibrated_slowdown(REFERENCE_BENCHMARK_INDEX * 1.2) == PHONE_SLOWDOWN
    assert calibrated_slowdown(REFERENCE_BENCHMARK_INDEX / 2) == PHONE_SLOWDOWN / 2


def test_each_kind_of_real_regression_fails_the_budgets() -> None:
    """The gates, on figures like those this site measures: each regression alone is caught."""
    good = {
        "scores": {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0},
        "transfer_bytes": 120_000,
        "script_bytes": 40_000,
        "requests": 12,
        "foreign_hosts": [],
        "first_contentful_paint_ms": 1200,
        "largest_contentful_paint_ms": 1400,
        "blocking_ms": 150,
        "layout_shift": 0.0,
    }
    assert budget_problems(good) == []
    regressions = {
        "blocking_ms": 800,  # a long task in every run
        "largest_contentful_paint_ms": 4500,  # the main content drawn by a slow script
        "script_bytes": 90_000,
        "requests": 30,
        "transfer_bytes": 300_000,
        "foreign_hosts": ["fonts.googleapis.com"],
        "layout_shift": 0.2,
        "scores": {"accessibility": 0.9, "best-practices": 1.0, "seo": 1.0},
    }
    for name, value in regressions.items():
        assert budget_problems(dict(good, **{name: value})) != [], name


@pytest.mark.parametrize(
    "verdicts", [[True], [False, True], [False] * RUNS], ids=["first", "second", "never"]
)
def test_a_page_runs_again_only_while_it_misses_a_budget(verdicts: list[bool]) -> None:
    results = runs_until_within_budgets(lambda n: {"run": n}, lambda so_far: verdicts[len(so_far) - 1])
    assert results == [{"run": n} for n in range(len(verdicts))]
