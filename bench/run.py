"""Benchmarks: how check, build and the pages grow with the size of the content.

    scripts/bench                          # N = 100 and 1,000; one warm-up and 5 runs each
    scripts/bench --sizes 100,1000,10000   # adds N = 10,000 (its builds take 15-30 minutes)
    scripts/bench --quick                  # N = 100 and 1,000, 3 runs: a smoke run
    scripts/bench --sizes 100,1000 --runs 3 --skip-build-at 10000 --faq-filter --scripts

For each N, `bench.corpus` writes a synthetic project of N entities (generic site configuration,
deterministic for the seed), and the harness measures, after one warm-up, `--runs` times:

- `explainer check`, cold: the check's cache (.cache/explainer) removed before every run;
- `explainer check` again with nothing changed (the cache as the previous run left it);
- `explainer check` after one FAQ file was edited (a new edit before every run);
- `explainer build`: strict, atomic, the real plugin, its cache removed before every run;
- the baseline, in the same command: a plain `mkdocs build` of the same pages written by
  `explainer export` (Material, the same Markdown extensions, navigation and assets, no explainer
  plugin; bench/plain_site.py writes its mkdocs.yml): what MkDocs alone costs.

Each figure is whole-process wall time, the child's CPU time (user + system) and its peak resident
memory, read as bench/processes.py explains; every figure is the median of the runs.

From the built site of each N: the number of pages, the largest HTML page, the whole site's bytes,
the search index (search/explainer.json, Material's search/search_index.json, or pagefind/), and
the bytes a reader's first visit transfers for the home page and for one FAQ page: gzip sizes
(level 6, as a static host sends them) of the HTML and of every same-site stylesheet, script and
JSON file it references (<link rel=stylesheet|preload|modulepreload>, <script src>, and href/src
attributes naming a .json file). The search index counts only when the page references it
directly; the search worker fetches it later, when the reader opens the search box.

Ratios: each build figure divided by the plain MkDocs figure at the same N (the baseline run in the
same command), and each figure divided by the same figure at the smallest N (how it grows).
Results go to bench/results.json, a table is printed, and bench/report.py turns the results and the
other figure files of bench/ into docs/contributing/performance.md.

Optional parts: `--faq-filter` times the FAQ filter per keystroke on each built /faq/ page in this
machine's headless Chromium (budget: under 16 ms a key); `--scripts` checks the matrix and FAQ
scripts against their size budget (8 KB gzipped together). The review date is pinned
(EXPLAINER_TODAY=2026-12-01) so results do not change as the calendar moves.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import corpus as corpus_module  # noqa: E402
from bench.corpus import ANCHOR, Corpus, generate  # noqa: E402
from bench.plain_site import export_config, read_config  # noqa: E402
from bench.processes import Sample, child_env, logger, machine, run_child, source_tree, speed_probe  # noqa: E402

log = logger("bench")

BIN = Path(sys.executable).parent
EXPLAINER = BIN / "explainer"
MKDOCS = BIN / "mkdocs"
RESULTS = REPO / "bench" / "results.json"
DEFAULT_SIZES = (100, 1000)
QUICK_SIZES = (100, 1000)
DEFAULT_RUNS = 5
QUICK_RUNS = 3
WARMUPS = 1
GZIP_LEVEL = 6
SEARCH_INDEXES = ("search/explainer.json", "search/search_index.json")
KEYSTROKE_BUDGET_MS = 16.0
ENV = child_env(EXPLAINER_TODAY=ANCHOR.isoformat())


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str  # "s", "MiB", "bytes", "count"


# The figures of one size, in the order the table prints them.
METRICS: tuple[Metric, ...] = (
    Metric("check_s", "explainer check, cold cache", "s"),
    Metric("check_cpu_s", "explainer check, cold cache, CPU time", "s"),
    Metric("check_mib", "explainer check, cold cache, peak RSS", "MiB"),
    Metric("check_unchanged_s", "check again, nothing changed", "s"),
    Metric("check_unchanged_cpu_s", "check again, nothing changed, CPU time", "s"),
    Metric("check_unchanged_mib", "check again, nothing changed, peak RSS", "MiB"),
    Metric("check_changed_s", "check after one FAQ edit", "s"),
    Metric("check_changed_cpu_s", "check after one FAQ edit, CPU time", "s"),
    Metric("check_changed_mib", "check after one FAQ edit, peak RSS", "MiB"),
    Metric("build_s", "explainer build", "s"),
    Metric("build_cpu_s", "explainer build, CPU time", "s"),
    Metric("build_mib", "explainer build, peak RSS", "MiB"),
    Metric("mkdocs_s", "plain mkdocs build of the export", "s"),
    Metric("mkdocs_cpu_s", "plain mkdocs build, CPU time", "s"),
    Metric("mkdocs_mib", "plain mkdocs build, peak RSS", "MiB"),
    Metric("mkdocs_default_nav_s", "plain mkdocs build, MkDocs' default nav", "s"),
    Metric("mkdocs_default_nav_cpu_s", "plain mkdocs build, default nav, CPU time", "s"),
    Metric("mkdocs_default_nav_mib", "plain mkdocs build, default nav, peak RSS", "MiB"),
    Metric("pages", "HTML pages built", "count"),
    Metric("largest_html_bytes", "largest HTML page", "bytes"),
    Metric("site_bytes", "whole site", "bytes"),
    Metric("search_index_bytes", "search index", "bytes"),
    Metric("search_index_gzip_bytes", "search index, gzipped", "bytes"),
    Metric("home_first_load_bytes", "home page first load, gzipped", "bytes"),
    Metric("faq_first_load_bytes", "FAQ page first load, gzipped", "bytes"),
)
METRIC_BY_KEY = {metric.key: metric for metric in METRICS}
# Figures of `explainer build` divided by the same figure of the plain MkDocs build at the same N.
AGAINST_BASELINE = {
    "build_s": "mkdocs_s",
    "build_cpu_s": "mkdocs_cpu_s",
    "build_mib": "mkdocs_mib",
    # Against the issue's baseline: the export built with MkDocs' default nav.
    "build_s/default_nav": "mkdocs_default_nav_s",
    "build_cpu_s/default_nav": "mkdocs_default_nav_cpu_s",
}


# -- running a child and reading its time and memory -----------------------------------------------


def run(command: list[str], cwd: Path) -> Sample:
    return run_child(command, cwd, ENV)


def repeated(
    command: list[str],
    cwd: Path,
    runs: int,
    before_each: Callable[[int], None] | None = None,
    clear: tuple[Path, ...] = (),
    warmups: int = WARMUPS,
) -> list[Sample]:
    """`warmups` warm-up runs, then `runs` measured runs; `before_each(i)` is called before measured
    run i, and the `clear` folders are removed before every run (warm-up included), outside the
    timed span."""
    samples = []
    for index in range(-warmups, runs):
        for folder in clear:
            shutil.rmtree(folder, ignore_errors=True)
        if index >= 0 and before_each is not None:
            before_each(index)
        sample = run(command, cwd)
        if index >= 0:
            samples.append(sample)
    return samples


# -- the edited FAQ file ------------------------------------------------------------------------------


class FaqEditor:
    """Edits one FAQ answer before each run (a different sentence each time), and puts it back after."""

    def __init__(self, project: Path, faq_id: str) -> None:
        self.path = project / "content" / "faq" / f"{faq_id}.yaml"
        self.original = self.path.read_bytes()

    def __call__(self, index: int) -> None:
        entry = yaml.safe_load(self.original)
        entry["answer"] = entry["answer"].rstrip() + f" This answer was revised in pass number {index + 1}.\n"
        self.path.write_text(corpus_module.dump(entry), encoding="utf-8")

    def restore(self) -> None:
        self.path.write_bytes(self.original)


# -- what the built site weighs ------------------------------------------------------------------------


class _References(HTMLParser):
    """The same-site files a page makes the browser fetch on load: stylesheets, scripts, JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = set(values.get("rel", "").lower().split())
        if tag == "link" and rel & {"stylesheet", "preload", "modulepreload"} and values.get("href"):
            self.found.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.found.append(values["src"])
        else:
            for name in ("href", "src"):
                if urlsplit(values.get(name, "")).path.endswith(".json"):
                    self.found.append(values[name])


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def first_load(site: Path, page: str, site_url: str) -> dict[str, Any]:
    """Gzipped bytes of `page` (a path in the site) and of every same-site CSS/JS/JSON it references."""
    html = (site / page).read_bytes()
    parser = _References()
    parser.feed(html.decode("utf-8"))
    base = urljoin(site_url, page.removesuffix("index.html"))
    host = urlsplit(site_url).netloc
    files: dict[str, int] = {}
    for reference in parser.found:
        url = urlsplit(urljoin(base, reference))
        if url.netloc != host:
            continue  # another site: not ours to count (the site makes no such request)
        relative = url.path.removeprefix(urlsplit(site_url).path)
        target = site / (relative + "index.html" if relative.endswith("/") or not relative else relative)
        if target.is_file() and target.suffix in {".css", ".js", ".json"}:
            files[target.relative_to(site).as_posix()] = gzipped(target.read_bytes())
    return {
        "page": page,
        "html_gzip_bytes": gzipped(html),
        "files": files,
        "total_gzip_bytes": gzipped(html) + sum(files.values()),
        "search_index_referenced": any(name.startswith(("search/", "pagefind/")) for name in files),
    }


def site_figures(site: Path, faq_id: str, site_url: str) -> dict[str, Any]:
    pages = sorted(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    figures: dict[str, Any] = {
        "pages": len(pages),
        "largest_html_bytes": largest.stat().st_size,
        "largest_html_page": largest.relative_to(site).as_posix(),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        figures["search_index"] = "pagefind/"
        figures["search_index_bytes"] = sum(p.stat().st_size for p in files)
        figures["search_index_gzip_bytes"] = sum(gzipped(p.read_bytes()) for p in files)
    else:  # the explainer engine's own index, or Material's lunr index when another engine is set
        found = next(site / name for name in SEARCH_INDEXES if (site / name).is_file())
        index = found.read_bytes()
        figures["search_index"] = found.relative_to(site).as_posix()
        figures["search_index_bytes"] = len(index)
        figures["search_index_gzip_bytes"] = gzipped(index)
    home = first_load(site, "index.html", site_url)
    faq = first_load(site, f"faq/{faq_id}/index.html", site_url)
    figures["home_first_load_bytes"] = home["total_gzip_bytes"]
    figures["faq_first_load_bytes"] = faq["total_gzip_bytes"]
    figures["first_load"] = {"home": home, "faq": faq}
    return figures


# -- optional parts: the FAQ filter in a browser, and the script budget ------------------------------------


# Times each query is typed: a keystroke's figure is the median of its rounds, so that one pause of
# a shared machine (another process, a garbage collection) does not decide the 95th percentile.
KEYSTROKE_ROUNDS = 5


# Types a query into the FAQ filter one character at a time, timing each keystroke's pass alone and
# with the layout it causes, then clears the box.
TYPE_QUERY = """(query) => {
    const form = document.querySelector("[data-ex-faq-search]");
    const input = form.querySelector("input[name=q]");
    const filter = [], withLayout = [];
    for (let i = 1; i <= query.length; i++) {
        input.value = query.slice(0, i);
        const start = performance.now();
        form.exFilter();
        const filtered = performance.now();
        void document.body.offsetHeight;
        const laidOut = performance.now();
        filter.push(filtered - start);
        withLayout.push(laidOut - start);
    }
    input.value = "";
    form.exFilter();
    return {filter, withLayout};
}"""


def keystroke_times(site: Path, queries: list[str]) -> dict[str, list[float]]:
    """Milliseconds per keystroke of each query on /faq/: one filter pass, and the pass plus layout,
    each the median of KEYSTROKE_ROUNDS rounds of typing the query.

    The input handler runs the filter in a promise callback (`ready().then(run)`), after
    dispatchEvent has returned, so timing the event measures nothing. The page exposes the pass
    itself as `form.exFilter` for this benchmark; reading `offsetHeight` afterwards makes the
    browser recompute style and layout for the changed list inside the timed span.
    """
    from playwright.sync_api import sync_playwright
    from tests.support.browser import CHROMIUM, LAUNCH_ARGS
    from tests.support.server import serve

    times: dict[str, list[float]] = {"filter": [], "with_layout": []}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "faq/")
        page.wait_for_load_state("networkidle")  # nothing left in flight when the browser closes
        # One real keystroke first, so questions loaded on first use (data-ex-faq-data) are in.
        page.fill("[data-ex-faq-search] input[name=q]", queries[0][:1])
        page.wait_for_function(
            "() => document.querySelector('[data-ex-faq-search] [role=status]').hasAttribute('data-count')"
        )
        if not page.evaluate("() => typeof document.querySelector('[data-ex-faq-search]').exFilter"):
            raise RuntimeError("the FAQ filter no longer exposes form.exFilter; update bench/run.py")
        for query in queries:
            rounds = [page.evaluate(TYPE_QUERY, query) for _ in range(KEYSTROKE_ROUNDS)]
            for key in range(len(query)):
                times["filter"].append(statistics.median(r["filter"][key] for r in rounds))
                times["with_layout"].append(statistics.median(r["withLayout"][key] for r in rounds))
        browser.close()
    if errors:  # a filter that throws is fast for the wrong reason
        raise RuntimeError(f"the FAQ filter failed in the page: {errors[:3]}")
    return times


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * share) - 1)]


def faq_filter_figures(site: Path, queries: list[str]) -> dict[str, Any]:
    times = keystroke_times(site, queries)
    figures: dict[str, Any] = {
        "queries": queries,
        "keystrokes": len(times["filter"]),
        "rounds": KEYSTROKE_ROUNDS,
    }
    for name, values in times.items():
        figures[name] = {
            "median_ms": statistics.median(values),
            "p95_ms": _percentile(values, 0.95),
            "max_ms": max(values),
        }
    figures["budget_ms"] = KEYSTROKE_BUDGET_MS
    figures["within_budget"] = figures["with_layout"]["p95_ms"] < KEYSTROKE_BUDGET_MS
    return figures


def explainer_source() -> Path:
    """The explainer package the children import (PYTHONPATH can point at another tree)."""
    import explainer

    return Path(explainer.__file__).resolve().parent


def script_figures() -> dict[str, Any]:
    """The FAQ page's budgeted scripts as readers download them (minified and gzipped), as the unit
    test counts them."""
    from explainer.shipped import SCRIPT_BUDGET_BYTES, budgeted_sizes

    sizes = budgeted_sizes()
    return {"gzip_bytes": sizes, "total_gzip_bytes": sum(sizes.values()), "budget_bytes": SCRIPT_BUDGET_BYTES}


# -- one size -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    runs: int
    seed: int
    skip_build_at: int | None
    skip_mkdocs: bool
    faq_filter: bool
    build_once_at: int | None = None


def medians(key: str, samples: list[Sample], figures: dict[str, Any], runs: dict[str, Any]) -> None:
    for suffix, values in (
        ("s", [s.wall_s for s in samples]),
        ("cpu_s", [s.cpu_s for s in samples]),
        ("mib", [s.peak_mib for s in samples]),
    ):
        figures[f"{key}_{suffix}"] = statistics.median(values)
        runs[f"{key}_{suffix}"] = values


def bench_size(n: int, work: Path, options: Options) -> dict[str, Any]:
    project = work / f"n{n}" / "project"
    log(f"N={n:,}: writing the corpus")
    start = time.perf_counter()
    corpus: Corpus = generate(project, n, options.seed)
    result: dict[str, Any] = {
        "n": n,
        "counts": corpus.counts,
        "corpus_seconds": time.perf_counter() - start,
        "content_bytes": sum(p.stat().st_size for p in (project / "content").rglob("*.yaml")),
        "load_average_at_start": list(os.getloadavg()),
        "skipped": [],
    }
    figures: dict[str, Any] = {}
    runs: dict[str, Any] = {}
    site_url = read_config(project)["site_url"]
    check = [str(EXPLAINER), "check"]
    cache = project / ".cache" / "explainer"

    log(f"N={n:,}: explainer check, cold cache ×{options.runs} (+{WARMUPS} warm-up)")
    medians("check", repeated(check, project, options.runs, clear=(cache,)), figures, runs)

    log(f"N={n:,}: explainer check, nothing changed ×{options.runs} (+{WARMUPS} warm-up)")
    medians("check_unchanged", repeated(check, project, options.runs), figures, runs)

    log(f"N={n:,}: explainer check after one FAQ edit ×{options.runs} (+{WARMUPS} warm-up)")
    editor = FaqEditor(project, corpus.faq_ids[0])
    try:
        samples = repeated(check, project, options.runs, before_each=editor)
    finally:
        editor.restore()
    medians("check_changed", samples, figures, runs)
    result["edited_file"] = editor.path.relative_to(project).as_posix()

    if options.skip_build_at is not None and n >= options.skip_build_at:
        result["skipped"] += ["explainer build", "mkdocs build", "page figures"]
    else:
        build = [str(EXPLAINER), "build"]
        if options.build_once_at is not None and n >= options.build_once_at:
            log(f"N={n:,}: explainer build, once")
            medians("build", repeated(build, project, 1, clear=(cache,), warmups=0), figures, runs)
            result["skipped"].append("repeated explainer builds (one build, no warm-up)")
        else:
            log(f"N={n:,}: explainer build ×{options.runs} (+{WARMUPS} warm-up)")
            medians("build", repeated(build, project, options.runs, clear=(cache,)), figures, runs)
        figures.update(site_figures(project / "site", corpus.faq_ids[0], site_url))
        if options.skip_mkdocs or (options.build_once_at is not None and n >= options.build_once_at):
            result["skipped"].append("mkdocs build")
        else:
            export = work / f"n{n}" / "export"
            log(f"N={n:,}: explainer export, then a plain mkdocs build ×{options.runs} (+{WARMUPS} warm-up)")
            exported = run([str(EXPLAINER), "export", str(export / "docs")], project)
            result["export_seconds"] = exported.wall_s
            config = export_config(project, export, ANCHOR, "bench/run.py")
            command = [str(MKDOCS), "build", "--quiet", "--clean", "--config-file", str(config)]
            medians("mkdocs", repeated(command, export, options.runs), figures, runs)
            result["mkdocs_pages"] = len(list((export / "site").rglob("*.html")))
            # Issue 15's own baseline: the same export with MkDocs' default nav.
            log(f"N={n:,}: the same, with MkDocs' default nav ×{options.runs} (+{WARMUPS} warm-up)")
            config = export_config(project, export, ANCHOR, "bench/run.py", nav=False, name="default-nav.yml")
            command = [str(MKDOCS), "build", "--quiet", "--clean", "--config-file", str(config)]
            medians("mkdocs_default_nav", repeated(command, export, options.runs), figures, runs)
        if options.faq_filter:
            log(f"N={n:,}: FAQ filter keystrokes in Chromium")
            result["faq_filter"] = faq_filter_figures(project / "site", corpus.queries)
    result["figures"] = figures
    result["runs"] = runs
    shutil.rmtree(work / f"n{n}", ignore_errors=True)
    return result


# -- the whole run ----------------------------------------------------------------------------------------


def versions() -> dict[str, Any]:
    """The versions of what was measured, and which explainer package the children import."""
    package = explainer_source()
    return {
        "mkdocs": _version("mkdocs"),
        "material": _version("mkdocs-material"),
        "markdown": _version("markdown"),
        "explainer": _version("explainer"),
        "explainer_package": str(package),
        "package_is_the_working_tree": package.is_relative_to(REPO),
    }


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def add_ratios(sizes: list[dict[str, Any]]) -> None:
    """Build figures against the plain MkDocs build of the same N (the baseline run in the same
    command), and every figure against the same figure at the smallest N that has it (growth)."""
    from bench.report import ratio  # imported when used: a long run picks up the report as it is then

    for size in sizes:
        figures = size["figures"]
        size["against_baseline"] = {
            key: ratio(figures[key.partition("/")[0]], figures[base])
            for key, base in AGAINST_BASELINE.items()
            if key.partition("/")[0] in figures and base in figures
        }
    for metric in METRICS:
        having = [s for s in sizes if metric.key in s["figures"]]
        if not having:
            continue
        smallest = min(having, key=lambda s: s["n"])["figures"][metric.key]
        for size in having:
            size.setdefault("ratios", {})[metric.key] = ratio(size["figures"][metric.key], smallest)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench", description="Check and build timings, memory and page weight against N."
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="entity counts, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--runs", type=int, default=None, help=f"measured runs per figure (default {DEFAULT_RUNS})"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke run: sizes {','.join(map(str, QUICK_SIZES))}, {QUICK_RUNS} runs",
    )
    parser.add_argument(
        "--skip-build-at",
        type=int,
        metavar="N",
        help="only check (no builds, no page figures) for sizes of N and more",
    )
    parser.add_argument("--skip-mkdocs", action="store_true", help="leave out the plain mkdocs build")
    parser.add_argument(
        "--build-once-at",
        type=int,
        metavar="N",
        help="for sizes of N and more, build once (no warm-up, no plain mkdocs build) for the page figures",
    )
    parser.add_argument("--faq-filter", action="store_true", help="time the FAQ filter in Chromium")
    parser.add_argument("--scripts", action="store_true", help="check the script-size budget")
    parser.add_argument("--seed", type=int, default=corpus_module.DEFAULT_SEED)
    parser.add_argument(
        "--out", type=Path, default=RESULTS, help="results file (default: bench/results.json)"
    )
    parser.add_argument(
        "--no-report", action="store_true", help="do not rewrite docs/contributing/performance.md"
    )
    args = parser.parse_args(argv)
    if args.quick:
        given = any(a.startswith("--sizes") for a in (sys.argv[1:] if argv is None else argv))
        args.sizes = args.sizes if given else ",".join(map(str, QUICK_SIZES))
        args.runs = args.runs or QUICK_RUNS
    args.runs = args.runs or DEFAULT_RUNS
    try:
        args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes numbers separated by commas, such as 100,1000,10000")
    if not args.sizes or min(args.sizes) < corpus_module.MIN_N or args.runs < 1:
        parser.error(f"sizes must be at least {corpus_module.MIN_N} and --runs at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    options = Options(
        args.runs, args.seed, args.skip_build_at, args.skip_mkdocs, args.faq_filter, args.build_once_at
    )
    started = datetime.now(UTC)
    facts = machine()  # the load average at the start is one of the facts
    command = "scripts/bench " + " ".join(argv if argv is not None else sys.argv[1:])
    sizes = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as scratch:
        for n in args.sizes:
            sizes.append(bench_size(n, Path(scratch), options))
    add_ratios(sizes)
    results: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command.strip(),
        "machine": {
            **facts,
            "load_average_at_end": list(os.getloadavg()),
            "speed_probe_s_at_end": round(speed_probe(), 4),
        },
        "versions": versions(),
        "source": source_tree(),
        "settings": {
            "sizes": args.sizes,
            "runs": args.runs,
            "warmups": WARMUPS,
            "seed": args.seed,
            "explainer_today": ANCHOR.isoformat(),
            "time": "wall clock of the whole child process (time.perf_counter from spawn to reap)",
            "cpu_time": "user + system CPU seconds of each child: ru_utime + ru_stime from os.wait4",
            "memory": "peak RSS of each child: ru_maxrss from os.wait4 for that child (as /usr/bin/time %M)",
            "cold": "check and build runs start without .cache/explainer; the others find it as left",
            "gzip_level": GZIP_LEVEL,
            "baseline": "plain mkdocs build of the explainer export at the same N",
            "smallest_n": args.sizes[0],
        },
        "metrics": {m.key: {"label": m.label, "unit": m.unit} for m in METRICS},
        "sizes": sizes,
        "extras": {},
    }
    if args.scripts:
        results["extras"]["scripts"] = script_figures()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    from bench.report import extras, figures_table, write_report

    print(figures_table(results))
    print("\n".join(["", *extras(results)]))
    print(f"\nwrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    if not args.no_report:
        print(f"wrote {write_report(args.out).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
