"""What a reader's first search costs: bytes transferred with each search engine the plugin offers.

    python -m bench.search_bytes                         # N = 1,000 and 10,000, plus the real site
    python -m bench.search_bytes --sizes 1000 --work /tmp/search-bench --reuse

For each N, `bench.corpus` writes a synthetic project and the site is built three times with the
real plugin: with `search: {engine: explainer}` (the explainer's own compact index, one file, the
default up to `chunked_above` pages), with `search: {engine: lunr}` (Material's one-file index) and
with `search: {engine: pagefind}` (explainer.chunked_search, the default beyond). `--reuse` keeps
corpora and sites already in the work folder (a 10,000-entity build takes several minutes). The
real site (this repository's content, 483 entities) is measured the same way.

The reader's first query, in this machine's headless Chromium with a cold cache: the home page
loads and the network goes quiet; then the reader clicks the search box, types an FAQ question
(150 ms a key) and waits until the results stop changing. Every request made from the click on is
counted with its transferred size (headers plus the body as sent: gzip for HTML, CSS, JS and JSON
from the local server, as a static host sends them; Pagefind's files are compressed by Pagefind).
The search worker's scripts, which the theme loads with every page, are reported apart.

Also measured: the Pagefind step alone (`build_chunked_index` on a copy of the lunr index, median
of 3), the size of each index on disk, and each build's wall and CPU time (one build each; other
work on the machine moves wall time, CPU time much less). Writes bench/search_bytes.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.processes import child_env, content_today, run_child  # noqa: E402
from explainer import chunked_search, search_index  # noqa: E402

BIN = Path(sys.executable).parent
OUT = REPO / "bench/search_bytes.json"
ENGINES = ("explainer", "lunr", "pagefind")
TYPING_DELAY_MS = 150  # a quick typist; the Pagefind worker waits 250 ms after the last key
REAL_QUERY = "why do llms hallucinate"
REAL_ANSWER = "faq/why-do-llms-hallucinate/"
STEP_RUNS = 3
# The explainer's and Pagefind's workers, and the scripts the explainer's imports.
WORKER_SCRIPTS = (
    *chunked_search.WORKERS.values(),
    "assets/explainer/search-words.js",
    "assets/explainer/search-rank.js",
)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- projects and builds ---------------------------------------------------------------------------


def corpus_project(n: int, work: Path, reuse: bool) -> Path:
    project = work / f"corpus-{n}"
    if not (reuse and (project / "mkdocs.yml").is_file()):
        shutil.rmtree(project, ignore_errors=True)
        subprocess.run(
            [str(BIN / "python"), "-m", "bench.corpus", str(n), str(project)], cwd=REPO, check=True
        )
    return project


def real_project(work: Path, reuse: bool) -> Path:
    project = work / "real"
    if not (reuse and (project / "mkdocs.yml").is_file()):
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        for folder in ("docs", "content", "overrides"):
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, project / folder)
    return project


EXPLAINER_OPTIONS = "      content_dir: content\n"  # the first line of the explainer plugin's options
SEARCH_OPTIONS = "\n      search:\n"  # its search options, when the site sets some


def with_search_engine(config: str, engine: str) -> str:
    """The text of a site's mkdocs.yml with its explainer plugin set to use `engine` for search.

    Inside the plugin's `search:` block when there is one: a second `search:` key would silently
    replace the first (YAML keeps the last), dropping the site's synonyms or the engine."""
    line = f"        engine: {engine}\n"
    if SEARCH_OPTIONS in config:
        return config.replace(SEARCH_OPTIONS, SEARCH_OPTIONS + line, 1)
    if EXPLAINER_OPTIONS not in config:
        raise SystemExit(f"mkdocs.yml: no '{EXPLAINER_OPTIONS.strip()}' line under the explainer plugin")
    return config.replace(EXPLAINER_OPTIONS, f"{EXPLAINER_OPTIONS}      search:\n{line}", 1)


def engine_config(project: Path, engine: str) -> Path:
    """A copy of the project's mkdocs.yml whose explainer plugin uses `engine` for search."""
    config = project / f"mkdocs-{engine}.yml"
    config.write_text(with_search_engine((project / "mkdocs.yml").read_text(), engine))
    return config


def build(config: Path, site: Path) -> dict[str, float]:
    """One strict build of `config` into `site`: wall and CPU seconds, peak memory of the child."""
    env = child_env(EXPLAINER_TODAY=content_today(config.parent / "content"))
    command = [str(BIN / "explainer"), "build", "--config", str(config), "--out", str(site)]
    sample = run_child(command, config.parent, env)
    return {
        "wall_s": round(sample.wall_s, 2),
        "cpu_s": round(sample.cpu_s, 2),
        "peak_mb": round(sample.peak_mib, 1),
    }


def site_for(
    project: Path, engine: str, work: Path, name: str, reuse: bool
) -> tuple[Path, dict[str, Any] | None]:
    """The built site, and its build's figures (kept beside it, so a reused site still reports them)."""
    site = work / f"{engine}-{name}"
    figures = work / f"{engine}-{name}.build.json"
    if reuse and (site / "index.html").is_file():
        return site, json.loads(figures.read_text()) if figures.is_file() else None
    log(f"building {site.name}")
    timing = build(engine_config(project, engine), site)
    figures.write_text(json.dumps(timing) + "\n")
    return site, timing


# -- what is on disk -------------------------------------------------------------------------------


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def index_figures(site: Path) -> dict[str, Any]:
    own = site / search_index.INDEX
    if own.is_file():
        data = own.read_bytes()
        return {"explainer_index_bytes": len(data), "explainer_index_gzip_bytes": gzipped(data)}
    lunr = site / chunked_search.LUNR_INDEX
    if lunr.is_file():
        data = lunr.read_bytes()
        return {"lunr_index_bytes": len(data), "lunr_index_gzip_bytes": gzipped(data)}
    bundle = site / chunked_search.BUNDLE_DIR
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return {
        "pagefind_bundle_bytes": sum(p.stat().st_size for p in files),
        "pagefind_files": len(files),
        "pagefind_index_chunks": len(list((bundle / "index").glob("*.pf_index"))),
        "pagefind_fragments": len(list((bundle / "fragment").glob("*.pf_fragment"))),
        "pagefind_meta_bytes": sum(p.stat().st_size for p in bundle.glob("*.pf_meta")),
    }


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html")) if (site / "index.html").is_file() else 0


def also_asked(site: Path) -> dict[str, list[str]]:
    """Each FAQ page's location with its also_asked phrasings, from the site's own data file."""
    data = json.loads((site / "data/content.json").read_text())
    return {f"faq/{faq['id']}/": faq.get("also_asked") or [] for faq in data.get("faq", [])}


def pagefind_step(lunr_site: Path) -> dict[str, Any]:
    """The Pagefind step of a build, alone: read the lunr index, write the bundle, delete the index."""
    phrasings = also_asked(lunr_site)
    walls, cpus = [], []
    for _ in range(STEP_RUNS):
        with tempfile.TemporaryDirectory(prefix="search-bench-") as scratch:
            site = Path(scratch)
            (site / "search").mkdir()
            shutil.copy(lunr_site / chunked_search.LUNR_INDEX, site / chunked_search.LUNR_INDEX)
            before = os.times()
            started = time.perf_counter()
            chunked_search.build_chunked_index(site, phrasings)
            walls.append(time.perf_counter() - started)
            after = os.times()
            cpus.append(
                (after.user - before.user) + (after.system - before.system)
                + (after.children_user - before.children_user)
                + (after.children_system - before.children_system)
            )  # fmt: skip
    return {
        "wall_s": round(statistics.median(walls), 2),
        "cpu_s": round(statistics.median(cpus), 2),
        "runs": STEP_RUNS,
    }


# -- the reader's first query ----------------------------------------------------------------------


def first_query(site: Path, query: str, answer: str) -> dict[str, Any]:
    from playwright.sync_api import Request, sync_playwright
    from tests.support.browser import CHROMIUM, LAUNCH_ARGS
    from tests.support.server import serve

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        finished: list[tuple[float, Request]] = []
        page.on("requestfinished", lambda request: finished.append((time.perf_counter(), request)))
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        opened = time.perf_counter()
        box = page.locator("input[data-md-component=search-query]")
        box.click()
        box.press_sequentially(query, delay=TYPING_DELAY_MS)
        first = page.locator(".md-search-result__item a").first
        first.wait_for(state="visible", timeout=60_000)
        previous, stable = None, 0
        while stable < 5:  # results settle: the same first result five checks in a row
            page.wait_for_timeout(200)
            current = first.get_attribute("href")
            stable = stable + 1 if current == previous else 0
            previous = current
        page.wait_for_load_state("networkidle")
        shown = [
            urlsplit(a.get_attribute("href") or "").path
            for a in page.locator(".md-search-result__item > a").all()
        ]
        requests = []
        for at, request in finished:
            sizes, response = request.sizes(), request.response()
            # Content-Length is the body as sent (gzip included); Chromium reports no body size for
            # a worker's own script.
            sent = int(response.headers.get("content-length", 0)) if response else 0
            path = urlsplit(request.url).path
            requests.append(
                {
                    "path": path,
                    "bytes": (sent or sizes["responseBodySize"]) + sizes["responseHeadersSize"],
                    "after_opening_search": at >= opened,
                }
            )
        browser.close()
    # The sitemap (for instant navigation) waits for the reader's first click, which opens search.
    after = [r for r in requests if r["after_opening_search"] and r["path"] != "/sitemap.xml"]
    worker = [r for r in requests if not r["after_opening_search"] and _is_worker(r["path"])]
    expected = "/" + answer
    return {
        "query": query,
        "expected": expected,
        "first_result": shown[0] if shown else None,
        "expected_rank": shown.index(expected) + 1 if expected in shown else None,
        "query_bytes": sum(r["bytes"] for r in after),
        "query_requests": len(after),
        "query_bytes_by_kind": by_kind(after),
        "worker_script_bytes": sum(r["bytes"] for r in worker),
        "fetched": [{"path": r["path"], "bytes": r["bytes"]} for r in after],
    }


def by_kind(requests: list[dict[str, Any]]) -> dict[str, int]:
    """Bytes by what they are: an index in one file (the explainer's or lunr's), or Pagefind's fixed
    start (script, wasm, entry, meta), chunks and fragments."""
    kinds: dict[str, int] = {}
    for request in requests:
        path = request["path"]
        kind = (
            "explainer index" if path.endswith(search_index.INDEX)
            else "lunr index" if path.endswith(chunked_search.LUNR_INDEX)
            else "pagefind index chunks" if path.endswith(".pf_index")
            else "pagefind fragments" if path.endswith(".pf_fragment")
            else "pagefind start" if f"/{chunked_search.BUNDLE_DIR}/" in path
            else "other"
        )  # fmt: skip
        kinds[kind] = kinds.get(kind, 0) + request["bytes"]
    return kinds


def _is_worker(path: str) -> bool:
    """A search worker and the scripts it imports (the theme's lunr worker, the explainer's, the
    Pagefind one): loaded with every page, used by search."""
    return "/assets/javascripts/workers/" in path or path.endswith(WORKER_SCRIPTS)


def corpus_query(site: Path) -> tuple[str, str]:
    """An FAQ question from the middle of the corpus, and the page that answers it."""
    faqs = json.loads((site / "data/content.json").read_text())["faq"]
    faq = faqs[len(faqs) // 2]
    return faq["question"], f"faq/{faq['id']}/"


# -- the run ---------------------------------------------------------------------------------------


def measure(
    name: str, project: Path, work: Path, reuse: bool, query: tuple[str, str] | None
) -> dict[str, Any]:
    row: dict[str, Any] = {"name": name}
    sites = {}
    for engine in ENGINES:
        site, timing = site_for(project, engine, work, name, reuse)
        sites[engine] = site
        row[engine] = {"build": timing, **index_figures(site)}
    row["pages"] = page_count(sites["lunr"])
    text, answer = query or corpus_query(sites["lunr"])
    for engine in ENGINES:
        log(f"first query on {sites[engine].name}: {text!r}")
        row[engine]["first_query"] = first_query(sites[engine], text, answer)
    log(f"Pagefind step on {sites['lunr'].name}")
    row["pagefind_step"] = pagefind_step(sites["lunr"])
    return row


def summary(rows: list[dict[str, Any]]) -> str:
    heads = "".join(f" {engine + ' query KB':>18}" for engine in ENGINES)
    lines = [f"{'site':>12} {'pages':>6} |{heads} | {'pagefind step s':>15}"]
    for row in rows:
        queries = "".join(f" {row[engine]['first_query']['query_bytes'] / 1024:>18.1f}" for engine in ENGINES)
        step = row["pagefind_step"]["wall_s"]
        lines.append(f"{row['name']:>12} {row['pages']:>6} |{queries} | {step:>15.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_bytes", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated N (default 1000,10000)")
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    parser.add_argument(
        "--work", type=Path, default=None, help="where corpora and sites go (default: a temp dir)"
    )
    parser.add_argument("--reuse", action="store_true", help="keep corpora and sites already in --work")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    if not args.no_real:
        rows.append(
            measure("real", real_project(work, args.reuse), work, args.reuse, (REAL_QUERY, REAL_ANSWER))
        )
    for n in (int(size) for size in args.sizes.split(",") if size):
        rows.append(measure(str(n), corpus_project(n, work, args.reuse), work, args.reuse, None))
    result = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg()},
        "typing_delay_ms": TYPING_DELAY_MS,
        "pagefind": _version("pagefind"),
        "sites": rows,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(summary(rows))
    log(f"wrote {args.out}")
    return 0


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


if __name__ == "__main__":
    sys.exit(main())
