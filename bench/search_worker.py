"""The site search worker's time per query, in Node, against its scripts at another commit.

    python -m bench.search_worker                        # builds the site; baseline: the scripts at HEAD
    python -m bench.search_worker --site DIR --baseline REF --rounds 3

The worker (search-index-worker.js with search-rank.js and search-words.js) is run the way the
theme drives it, by tests/support/run_search_worker.js, on the site's own index. Each run is one
whole Node process, timed from start to exit, for three workloads:

- `setup`: the index loaded, no query (subtracted to give the time per query);
- `queries`: every reader query of tests/search/queries.yaml, typed whole;
- `typing`: the first TYPED of those queries typed as a reader does, one more letter per query.

The baseline is the same three scripts as committed at `--baseline` (git show), run in the same
command, alternating with the current ones round by round so that a change in the machine's load
falls on both. Writes bench/search_worker.json: medians per workload and version, the ratio of the
current to the baseline, and the time per query. Reported, not asserted: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.project import build, copy_project  # noqa: E402
from tests.support.search_worker import ASSETS, HARNESS  # noqa: E402

OUTPUT = REPO / "bench" / "search_worker.json"
QUERIES = REPO / "tests" / "search" / "queries.yaml"
SCRIPTS = ("search-index-worker.js", "search-rank.js", "search-words.js")
INDEX = Path("search") / "explainer.json"
TYPED = 40  # queries typed letter by letter: about 1,300 keystrokes


def workloads(queries: list[str]) -> dict[str, list[str]]:
    typing = [query[:n] for query in queries[:TYPED] for n in range(1, len(query) + 1)]
    return {"setup": [], "queries": queries, "typing": typing}


def committed_scripts(ref: str, folder: Path) -> str:
    """The worker's scripts as committed at `ref`, written to `folder`; the commit's full id."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCRIPTS:
        source = subprocess.run(
            ["git", "show", f"{ref}:src/explainer/assets/{name}"], cwd=REPO, capture_output=True, check=True
        ).stdout
        (folder / name).write_bytes(source)
    return subprocess.run(
        ["git", "rev-parse", ref], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()


def timed_run(assets: Path, index: Path, queries: list[str]) -> float:
    """Seconds for one Node process to load the index and answer `queries`, one after another."""
    started = time.perf_counter()
    subprocess.run(
        ["node", str(HARNESS), str(assets), str(index)],
        input="".join(f"{q}\n" for q in queries),
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started


def measure(
    versions: dict[str, Path], index: Path, loads: dict[str, list[str]], rounds: int
) -> dict[str, Any]:
    runs: dict[str, dict[str, list[float]]] = {v: {w: [] for w in loads} for v in versions}
    for _ in range(rounds):
        for workload, queries in loads.items():
            for version, assets in versions.items():
                runs[version][workload].append(timed_run(assets, index, queries))
    figures: dict[str, Any] = {}
    for version, by_workload in runs.items():
        medians = {w: statistics.median(times) for w, times in by_workload.items()}
        figures[version] = {
            w: {
                "queries": len(loads[w]),
                "median_s": round(medians[w], 3),
                "runs_s": [round(t, 3) for t in by_workload[w]],
                **(
                    {"per_query_ms": round(1000 * (medians[w] - medians["setup"]) / len(loads[w]), 2)}
                    if loads[w]
                    else {}
                ),
            }
            for w in loads
        }
    for workload in loads:
        base = figures["baseline"][workload]["median_s"]
        figures["current"][workload]["ratio"] = round(figures["current"][workload]["median_s"] / base, 3)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site built already (default: build the real content)")
    parser.add_argument("--baseline", default="HEAD", help="the commit whose scripts to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    options = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    queries = [entry["query"] for entry in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))]
    with tempfile.TemporaryDirectory(prefix="explainer-search-worker-") as scratch:
        folder = Path(scratch)
        site = options.site or build(copy_project(folder / "project", REPO / "content"))
        commit = committed_scripts(options.baseline, folder / "baseline")
        versions = {"baseline": folder / "baseline", "current": ASSETS}
        figures = measure(versions, site / INDEX, workloads(queries), options.rounds)
    report = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "load": os.getloadavg()},
        "rounds": options.rounds,
        "baseline": {"ref": options.baseline, "commit": commit},
        "figures": figures,
    }
    options.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for workload, current in figures["current"].items():
        base = figures["baseline"][workload]
        line = f"{workload}: {current['queries']} queries, baseline {base['median_s']:.2f} s, current "
        line += f"{current['median_s']:.2f} s (×{current['ratio']:.2f})"
        if "per_query_ms" in current:
            line += f"; per query {base['per_query_ms']:.1f} ms before, {current['per_query_ms']:.1f} ms now"
        print(line)
    print(f"written to {options.out.relative_to(REPO) if options.out.is_relative_to(REPO) else options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
