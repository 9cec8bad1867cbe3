"""Benchmarks: whole-process timings (medians) with ratios against a baseline run in the same command.

    scripts/bench            # everything below, printed as a table and saved to site-reports/bench.json

- check and build: the real content (baseline) against the real content plus 1,000 FAQ entries;
- FAQ filter: milliseconds per keystroke on /faq/ with 1,000 questions against the real FAQ,
  in this machine's headless Chromium (budget: under 16 ms);
- scripts: the matrix and FAQ scripts, gzipped (budget: 8 KB together).
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from tests.support.project import copy_project  # noqa: E402
from tests.support.server import serve  # noqa: E402

from bench.corpus import generate  # noqa: E402

RUNS = 3
QUERIES = ("LLM", "hallucinate", "retrieval augmented generation", "difusion modles", "cost to train")
EXPLAINER = Path(sys.executable).parent / "explainer"


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    return time.perf_counter() - start


def median_seconds(command: list[str], cwd: Path) -> float:
    return statistics.median(timed(command, cwd) for _ in range(RUNS))


def keystroke_times(site: Path) -> list[float]:
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "faq/")
        for query in QUERIES:
            times += page.evaluate(
                """(query) => {
                    const form = document.querySelector("[data-ex-faq-search]");
                    const input = form.querySelector("input[name=q]");
                    const spent = [];
                    for (let i = 1; i <= query.length; i++) {
                        input.value = query.slice(0, i);
                        const start = performance.now();
                        input.dispatchEvent(new Event("input"));
                        spent.push(performance.now() - start);
                    }
                    return spent;
                }""",
                query,
            )
        browser.close()
    if errors:  # a filter that throws is fast for the wrong reason
        raise RuntimeError(f"the FAQ filter failed in the page: {errors[:3]}")
    return times


def main() -> int:
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        baseline = copy_project(work / "baseline", REPO / "content")
        large = copy_project(work / "large", generate(work / "large-content", 1000))
        rows = []
        for label, command in (("check", [str(EXPLAINER), "check"]), ("build", [str(EXPLAINER), "build"])):
            base_s = median_seconds(command, baseline)
            large_s = median_seconds(command, large)
            rows.append((f"explainer {label}", base_s, large_s))
            report[label] = {"baseline_s": base_s, "large_s": large_s, "ratio": large_s / base_s}
        base_keys = keystroke_times(baseline / "site")
        large_keys = keystroke_times(large / "site")
        report["faq_filter_ms"] = {
            "baseline_median": statistics.median(base_keys),
            "large_median": statistics.median(large_keys),
            "large_p95": sorted(large_keys)[int(len(large_keys) * 0.95) - 1],
            "large_max": max(large_keys),
            "keystrokes": len(large_keys),
        }
        pages = len(list((large / "site").rglob("index.html")))
    scripts = sum(
        len(gzip.compress((REPO / "src/explainer/assets" / name).read_bytes(), 9))
        for name in ("matrix.js", "faq-search.js")
    )
    report["scripts_gzip_bytes"] = scripts
    print(f"{'measure':<28}{'baseline':>12}{'1,000 FAQ':>12}{'ratio':>8}")
    for label, base_s, large_s in rows:
        print(f"{label:<28}{base_s:>11.2f}s{large_s:>11.2f}s{large_s / base_s:>8.2f}")
    f = report["faq_filter_ms"]
    assert isinstance(f, dict)
    print(
        f"{'FAQ filter, ms per key':<28}{f['baseline_median']:>12.2f}{f['large_median']:>12.2f}"
        f"{f['large_median'] / f['baseline_median']:>8.2f}"
    )
    print(
        f"  1,000 questions: p95 {f['large_p95']:.2f} ms, max {f['large_max']:.2f} ms"
        f" over {f['keystrokes']} keys (budget 16 ms); large site has {pages} pages"
    )
    print(f"matrix.js + faq-search.js gzipped: {scripts:,} bytes (budget 8,192)")
    out = REPO / "site-reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
