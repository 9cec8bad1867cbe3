"""Engines: the site built by MkDocs 1.6 and by ProperDocs, and its export built by Zensical and by MkDocs.

    .venv/bin/python -m bench.engines                  # one warm-up round and 5 measured rounds
    .venv/bin/python -m bench.engines --runs 1 --no-reader   # a smoke run

What is built, from a snapshot of this repository (mkdocs.yml, docs/, content/ and src/explainer, copied
first so that edits made while the benchmark runs cannot make two engines build different sites):

- `mkdocs`: `mkdocs build` of the site, MkDocs 1.6.1 with the explainer plugin (the project's engine);
- `properdocs`: `properdocs build` of the same site and mkdocs.yml, the same plugin, unchanged;
- `zensical_export`: `zensical build --clean` of what `explainer export` writes, with an mkdocs.yml made
  from the site's (theme, Markdown extensions, search) plus the explainer's navigation, stylesheet and
  scripts, minus the explainer plugin, which Zensical does not run; `theme.variant: classic` keeps
  Material's look;
- `zensical_export_cached`: the same again straight after, nothing changed (Zensical keeps a build cache);
- `mkdocs_export`: plain `mkdocs build` of that same export folder and config: MkDocs without the plugin.

The engines run in rounds (one build of each per round), so that load from other processes falls on
all of them alike; the first round is a warm-up. Each figure is the median over the measured rounds of
the whole process: wall time, CPU time (user + system) and peak resident memory, read from the rusage
`os.wait4` returns for that one child (Linux ru_maxrss, what /usr/bin/time calls "Maximum resident set
size"). Load averages before each round are recorded: on a busy machine wall time says less than CPU time.

Then the outputs are compared with the MkDocs build: page count, files and bytes, the set of page paths,
and for one FAQ page, the FAQ index and the matrix page the features the plugin adds (glossary tooltips,
head tags, the report link, the edit link…) and a line diff sorted into kinds. Unless --no-reader is
given, Chromium then reads each site as a reader would: the matrix narrowed to two columns, the FAQ
filtered, a search run, with every console error, failed request and request to another host counted.

MkDocs and ProperDocs come from the project's venv (ProperDocs is a pinned dev dependency); Zensical,
which the project does not depend on, is installed once into .cache/engines/ from the hash-pinned
bench/zensical-requirements.txt. Results go to bench/engines.json; a summary table is printed.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.plain_site import export_config  # noqa: E402
from bench.processes import (  # noqa: E402
    Sample,
    child_env,
    content_today,
    logger,
    machine,
    medians,
    run_child,
    source_tree,
)

log = logger("engines")
BIN = Path(sys.executable).parent
RESULTS = REPO / "bench" / "engines.json"
ZENSICAL_REQUIREMENTS = REPO / "bench" / "zensical-requirements.txt"
ZENSICAL_VENVS = REPO / ".cache" / "engines"
DEFAULT_RUNS = 5
WARMUPS = 1
# Review dates are pinned, so the same content gives the same pages on any day.
TODAY = content_today(REPO / "content")
SNAPSHOT = ("mkdocs.yml", "docs", "content", "overrides")
FAQ_PAGE = "what-is-agi"  # the FAQ question page compared; the first one is used if it is gone
SEARCH_QUERY = "hallucinate"
FILTER_QUERY = "LLM"
BASELINE = "mkdocs"


# -- the snapshot, the export and its configuration ----------------------------------------------------------


def snapshot(work: Path) -> tuple[Path, Path]:
    """Copy the site and the explainer package into `work`: (project folder, folder for PYTHONPATH)."""
    project, source = work / "project", work / "src"
    for name in SNAPSHOT:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, project / name)
        elif path.is_file():
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, project / name)
    shutil.copytree(
        REPO / "src" / "explainer", source / "explainer", ignore=shutil.ignore_patterns("__pycache__")
    )
    return project, source


# -- engines -------------------------------------------------------------------------------------------------


def zensical_venv() -> Path:
    """Zensical's own venv, installed from the hash-pinned requirements once and reused while they hold."""
    requirements = ZENSICAL_REQUIREMENTS.read_bytes()
    stamp = hashlib.sha256(requirements).hexdigest()[:16]
    venv = ZENSICAL_VENVS / f"zensical-{stamp}"
    if (venv / "bin" / "zensical").is_file():
        return venv
    log(f"installing Zensical into {venv.relative_to(REPO)} from {ZENSICAL_REQUIREMENTS.name}")
    shutil.rmtree(venv, ignore_errors=True)
    uv = ["python3", "-m", "uv"]
    subprocess.run([*uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    subprocess.run(
        [*uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
         "--require-hashes", "-r", str(ZENSICAL_REQUIREMENTS)],
        check=True,
    )  # fmt: skip
    return venv


@dataclass(frozen=True)
class Job:
    key: str
    label: str
    command: list[str]
    cwd: Path
    site: Path
    clear: tuple[Path, ...] = ()  # removed before each run, outside the timed span


def jobs(project: Path, export: Path, sites: Path, zensical: Path) -> list[Job]:
    config, exported = project / "mkdocs.yml", export / "mkdocs.yml"
    mkdocs, properdocs = BIN / "mkdocs", BIN / "properdocs"
    if not properdocs.is_file():
        raise SystemExit(f"{properdocs} is missing: ProperDocs is a dev dependency; run scripts/bootstrap")
    zensical_build = [str(zensical / "bin" / "zensical"), "build", "--config-file", str(exported)]

    def mkdocs_like(program: Path, config_file: Path, site: Path) -> list[str]:
        return [str(program), "build", "--config-file", str(config_file), "--site-dir", str(site)]

    built, zensical_site, plain_site = sites / "mkdocs", export / "site", export / "site-mkdocs"
    proper_site = sites / "properdocs"
    return [
        Job("mkdocs", "MkDocs 1.6 + plugin: mkdocs build of the site",
            mkdocs_like(mkdocs, config, built), project, built, (built,)),
        Job("properdocs", "ProperDocs + plugin: properdocs build of the site",
            mkdocs_like(properdocs, config, proper_site), project, proper_site, (proper_site,)),
        Job("zensical_export", "Zensical: zensical build --clean of the export",
            [*zensical_build, "--clean"], export, zensical_site, (zensical_site, export / ".cache")),
        Job("zensical_export_cached", "Zensical again, nothing changed (its build cache)",
            zensical_build, export, zensical_site),
        Job("mkdocs_export", "MkDocs 1.6 alone: mkdocs build of the export",
            mkdocs_like(mkdocs, exported, plain_site), export, plain_site, (plain_site,)),
    ]  # fmt: skip


def measure(all_jobs: list[Job], runs: int, env: dict[str, str]) -> tuple[dict[str, list[Sample]], list[Any]]:
    """Rounds of one build per engine; the first WARMUPS rounds are not kept."""
    samples: dict[str, list[Sample]] = {job.key: [] for job in all_jobs}
    loads: list[Any] = []
    for round_number in range(WARMUPS + runs):
        warm_up = round_number < WARMUPS
        loads.append({"round": round_number, "warm_up": warm_up, "load_average": list(os.getloadavg())})
        for job in all_jobs:
            for path in job.clear:
                shutil.rmtree(path, ignore_errors=True)
            sample = run_child(job.command, job.cwd, env)
            log(f"{'warm-up' if warm_up else f'run {round_number}'}: {job.key} {sample.wall_s:.1f} s")
            if not warm_up:
                samples[job.key].append(sample)
    return samples, loads


def summary(job: Job, runs: list[Sample]) -> dict[str, Any]:
    return {
        "label": job.label,
        "command": " ".join(_shown(part) for part in job.command),
        **medians(runs),
        "runs": [vars(s) for s in runs],
    }


def _shown(part: str) -> str:
    """A command-line argument with the temporary and repository folders shortened."""
    return part.replace(str(REPO) + "/", "").replace(tempfile.gettempdir() + "/", "$TMP/")


# -- what each engine produced -------------------------------------------------------------------------------


def site_figures(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    index = next(
        (site / name for name in ("search/search_index.json", "search.json") if (site / name).is_file()), None
    )
    return {
        "pages": len(html),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "html_bytes": sum(p.stat().st_size for p in html),
        "search_index": {"path": index.relative_to(site).as_posix(), "bytes": index.stat().st_size}
        if index
        else None,
    }


def paths(site: Path, suffix: str | None = None) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and (suffix is None or p.suffix == suffix)
    }


def path_differences(site: Path, baseline: Path) -> dict[str, Any]:
    """Pages and files this site has that the baseline has not, and the reverse (a few examples each)."""
    pages, base_pages = paths(site, ".html"), paths(baseline, ".html")
    files, base_files = paths(site), paths(baseline)
    return {
        "same_page_paths": pages == base_pages,
        "pages_missing": sorted(base_pages - pages),
        "pages_extra": sorted(pages - base_pages),
        "files_missing": len(base_files - files),
        "files_extra": len(files - base_files),
        "files_missing_examples": sorted(base_files - files)[:8],
        "files_extra_examples": sorted(files - base_files)[:8],
    }


class PageFeatures(HTMLParser):
    """What the explainer plugin adds to a page, and what the theme shows, counted from the HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, Any] = {
            "glossary_tooltips": 0, "json_ld": 0, "open_graph": 0, "csp": False, "canonical": False,
            "report_link": False, "edit_link": None, "scripts": [], "matrix_table": False,
            "matrix_controls": False, "faq_filter": False, "nav_links": 0, "previous": None, "next": None,
            "permalinks_labelled": 0, "permalinks_titled": 0, "generator": None,
        }  # fmt: skip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        classes, found = set(a.get("class", "").split()), self.found
        if tag == "a":
            href = a.get("href", "")
            found["glossary_tooltips"] += "ex-term" in classes and bool(a.get("title"))
            if a.get("rel") == "edit":
                found["edit_link"] = href
            if "md-nav__link" in classes and not href.startswith("#"):
                found["nav_links"] += 1
            if "md-footer__link--prev" in classes:
                found["previous"] = href
            if "md-footer__link--next" in classes:
                found["next"] = href
            if "headerlink" in classes:
                found["permalinks_labelled" if a.get("aria-label") else "permalinks_titled"] += 1
        elif tag == "script":
            found["json_ld"] += a.get("type") == "application/ld+json"
            if "assets/explainer/" in a.get("src", ""):
                found["scripts"].append(a["src"].rsplit("/", 1)[-1] + (" (defer)" if "defer" in a else ""))
        elif tag == "meta":
            found["open_graph"] += a.get("property", "").startswith("og:")
            found["csp"] |= a.get("http-equiv", "").lower() == "content-security-policy"
            if a.get("name") == "generator":
                found["generator"] = a.get("content")
        elif tag == "link":
            found["canonical"] |= a.get("rel") == "canonical"
        elif tag == "p":
            found["report_link"] |= "ex-report" in classes
        elif tag == "table":
            found["matrix_table"] |= "ex-matrix-table" in classes
        elif tag == "form":
            found["matrix_controls"] |= "data-ex-matrix-controls" in a
            found["faq_filter"] |= "data-ex-faq-search" in a


def page_features(html: str) -> dict[str, Any]:
    parser = PageFeatures()
    parser.feed(html)
    return parser.found


# Kinds of differences, first match wins: each changed block of lines is put under the first kind whose
# pattern one of its lines matches, so the summary says what differs, and the engines page says why.
DIFF_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("generator meta tag", r'name="generator"'),
        ("plugin: inline loader that fetches the search index on first use", r"__explainerKind|released\["),
        ("plugin: head tags (Open Graph, JSON-LD, CSP)", r"og:|ld\+json|Content-Security-Policy|twitter:"),
        ("plugin: glossary tooltip links", r'class="ex-term"'),
        ("plugin: report-an-error link", r"ex-report"),
        ("edit button", r'rel="edit"'),
        ("plugin: accessible permalinks", r"headerlink"),
        ("previous/next links", r"md-footer"),
        ("search box", r"md-search|data-search-exclude"),
        ("navigation", r"md-nav|md-tabs"),
        ("scripts and stylesheets", r"<script|<link|<style"),
        ("plugin: HTML re-serialised by the sanitiser", r'=""|<p></p>|<caption>'),
        ("theme templates", r"md-|__skip|On this page|Table of contents"),
    )
)


def diff_summary(baseline: str, other: str) -> dict[str, Any]:
    """Lines added and removed against the baseline page (indentation ignored), counted by kind."""
    old = [line.strip() for line in baseline.splitlines() if line.strip()]
    new = [line.strip() for line in other.splitlines() if line.strip()]
    added = removed = 0
    kinds: dict[str, int] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        block = old[i1:i2] + new[j1:j2]
        kind = next((name for name, pattern in DIFF_KINDS if any(map(pattern.search, block))), "other")
        kinds[kind] = kinds.get(kind, 0) + len(block)
        removed += i2 - i1
        added += j2 - j1
    ordered = dict(sorted(kinds.items(), key=lambda item: -item[1]))
    return {"lines_added": added, "lines_removed": removed, "kinds": ordered}


def compared_pages(baseline_site: Path) -> list[str]:
    faq = f"faq/{FAQ_PAGE}/index.html"
    if not (baseline_site / faq).is_file():
        faq = sorted(p for p in paths(baseline_site, ".html") if re.fullmatch(r"faq/[^/]+/index\.html", p))[0]
    return [faq, "faq/index.html", "compare/index.html"]


def page_comparison(sites: dict[str, Path], pages: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for page in pages:
        baseline = (sites[BASELINE] / page).read_text(encoding="utf-8")
        result[page] = {}
        for key, site in sites.items():
            path = site / page
            if not path.is_file():
                result[page][key] = None
                continue
            html = path.read_text(encoding="utf-8")
            entry = {"bytes": len(html.encode()), **page_features(html)}
            if key != BASELINE:
                entry["diff_against_mkdocs"] = diff_summary(baseline, html)
            result[page][key] = entry
    return result


# -- a reader's checks in Chromium ---------------------------------------------------------------------------


VISIBLE = "els => els.filter(e => e.checkVisibility()).length"


def reader_checks(site: Path, faq_page: str) -> dict[str, Any]:
    """What a first visit to an FAQ page fetches, and whether the matrix narrows, the FAQ filter filters
    and the search finds, on this site, in Chromium."""
    from playwright.sync_api import Error, Page, sync_playwright
    from tests.support.browser import CHROMIUM, LAUNCH_ARGS, Traffic
    from tests.support.server import serve

    result: dict[str, Any] = {}

    def attempt(name: str, check: Any, page: Page, url: str) -> None:
        try:
            result[name] = check(page, url)
        except Error as error:
            result[name] = {"works": False, "error": str(error).splitlines()[0][:200]}

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        result["first_load"] = _first_load(browser.new_page(), url + faq_page.removesuffix("index.html"))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(10000)
        traffic = Traffic(url)
        traffic.watch(page)
        attempt("matrix", _matrix_check, page, url)
        attempt("faq_filter", _faq_filter_check, page, url)
        attempt("search", _search_check, page, url)
        page.wait_for_load_state("networkidle")
        browser.close()
    result["console_errors"] = traffic.console_errors[:5]
    result["failed_requests"] = traffic.failed[:5]
    result["other_hosts"] = traffic.foreign[:5]
    return result


def _first_load(page: Any, url: str) -> dict[str, Any]:
    """Requests and gzipped bytes of a first visit (empty cache) once the page has settled."""
    fetched: list[tuple[str, int]] = []
    page.on("response", lambda r: fetched.append((r.url, int(r.header_value("content-length") or 0))))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)  # late requests: a search index or sitemap fetched after the load event
    page.close()
    return {
        "page": url.split("/", 3)[-1],
        "requests": len(fetched),
        "transferred_bytes": sum(size for _, size in fetched),
        "search_index_fetched": any(re.search(r"search(_index)?\.json", u) for u, _ in fetched),
        "sitemap_fetched": any(u.endswith("sitemap.xml") for u, _ in fetched),
    }


def _matrix_check(page: Any, url: str) -> dict[str, Any]:
    page.goto(url + "compare/")
    columns = ".ex-matrix-table thead th[data-tech]"
    before = page.eval_on_selector_all(columns, VISIBLE)
    for box in page.locator("input[name=tech]").all()[:2]:
        box.check()
    after = page.eval_on_selector_all(columns, VISIBLE)
    return {
        "works": after == 2 < before and "tech=" in page.url,
        "columns_before": before,
        "columns_after": after,
    }


def _faq_filter_check(page: Any, url: str) -> dict[str, Any]:
    page.goto(url + "faq/")
    questions = "details.ex-faq"
    before = page.eval_on_selector_all(questions, VISIBLE)
    page.locator("[data-ex-faq-search] input[name=q]").press_sequentially(FILTER_QUERY)
    page.wait_for_function(
        "() => document.querySelector('[data-ex-faq-search] [role=status]')?.hasAttribute('data-count')"
    )
    after = page.eval_on_selector_all(questions, VISIBLE)
    return {"works": 0 < after < before, "query": FILTER_QUERY, "shown_before": before, "shown_after": after}


def _search_check(page: Any, url: str) -> dict[str, Any]:
    """Material's search box, or Zensical's search dialog: type a word, read how many results it reports."""
    from playwright.sync_api import expect

    page.goto(url)
    if page.locator("input.md-search__input").count():
        page.keyboard.press("/")  # Material's shortcut to the search box
        page.locator("input.md-search__input").press_sequentially(SEARCH_QUERY)
        counter = page.locator(".md-search-result__meta").first  # "Initializing search" until the index is in
        ui = "Material search (lunr worker)"
    else:
        page.locator("button.md-search__button").first.click()
        page.keyboard.type(SEARCH_QUERY)
        counter = page.get_by_text(re.compile(r"^(\d+|No) results?$")).first
        ui = "Zensical search dialog"
    # Building the index in the worker takes seconds on a busy machine: wait for a count, not a time.
    expect(counter).to_have_text(re.compile(r"^(\d+|No) "), timeout=60000)
    page.wait_for_timeout(500)  # the count settles once the last keystroke's query has run
    text = counter.inner_text()
    found = int(match.group()) if (match := re.search(r"\d+", text)) else 0
    return {"works": found > 0, "ui": ui, "query": SEARCH_QUERY, "results": found, "shown": text}


# -- the whole run -------------------------------------------------------------------------------------------


def versions(zensical: Path) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    zensical_version = subprocess.run(
        [
            str(zensical / "bin" / "python"),
            "-c",
            "import importlib.metadata as m; print(m.version('zensical'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        **{name: installed(name) for name in ("mkdocs", "properdocs", "mkdocs-material", "markdown",
                                              "pymdown-extensions")},
        "zensical": zensical_version,
    }  # fmt: skip


@dataclass
class Options:
    runs: int = DEFAULT_RUNS
    reader: bool = True
    out: Path = RESULTS
    keep: Path | None = None


def run(options: Options, work: Path) -> dict[str, Any]:
    log(f"snapshot of {REPO} into {work}")
    project, source = snapshot(work)
    sys.path.insert(0, str(source))  # the export config below reads the snapshot's explainer, not the tree's
    env = child_env(PYTHONPATH=str(source), EXPLAINER_TODAY=TODAY)
    zensical = zensical_venv()

    export = work / "export"
    log("explainer export, then the export's mkdocs.yml")
    run_child(
        [str(BIN / "explainer"), "export", "--project", str(project), str(export / "docs")], project, env
    )
    export_config(project, export, date.fromisoformat(TODAY), "bench/engines.py")
    import explainer

    assert Path(explainer.__file__).is_relative_to(source), (
        "the snapshot's explainer was not the one imported"
    )

    all_jobs = jobs(project, export, work / "sites", zensical)
    log(f"{WARMUPS} warm-up round and {options.runs} measured rounds of {len(all_jobs)} builds")
    samples, loads = measure(all_jobs, options.runs, env)

    sites = {job.key: job.site for job in all_jobs if job.key != "zensical_export_cached"}
    outputs = {key: site_figures(site) for key, site in sites.items()}
    for key, site in sites.items():
        outputs[key]["against_mkdocs"] = path_differences(site, sites[BASELINE])
    results: dict[str, Any] = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": f".venv/bin/python -m bench.engines --runs {options.runs}"
        + ("" if options.reader else " --no-reader"),
        "machine": machine(),
        "versions": versions(zensical),
        "source": source_tree(),
        "runs": options.runs,
        "warmups": WARMUPS,
        "load_averages": loads,
        "builds": {job.key: summary(job, samples[job.key]) for job in all_jobs},
        "outputs": outputs,
        "pages": page_comparison(sites, compared_pages(sites[BASELINE])),
    }
    if options.reader:
        log("Chromium: matrix, FAQ filter and search on each site")
        faq_page = compared_pages(sites[BASELINE])[0]
        results["reader"] = {key: reader_checks(site, faq_page) for key, site in sites.items()}
    return results


def table(results: dict[str, Any]) -> str:
    """The figures as Markdown tables: the builds, then what each site gives a reader."""
    lines = [
        "| build | wall (median) | CPU (median) | peak RSS (median) | HTML pages | site size |",
        "|---|---|---|---|---|---|",
    ]
    for key, build in results["builds"].items():
        output = results["outputs"].get(key, results["outputs"].get(key.removesuffix("_cached")))
        lines.append(
            f"| {build['label']} | {build['wall_s']:.1f} s | {build['cpu_s']:.1f} s "
            f"| {build['peak_mib']:.0f} MiB | {output['pages']} | {output['bytes'] / 2**20:.1f} MiB |"
        )
    faq, _, matrix = results["pages"]
    lines += [
        "",
        "| site | same page paths | tooltips (FAQ page / matrix) | head tags | first load of the FAQ page "
        "| matrix | FAQ filter | search |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, output in results["outputs"].items():
        page, grid = results["pages"][faq][key], results["pages"][matrix][key]
        head = "JSON-LD, OG, CSP" if page["json_ld"] and page["csp"] else "none"
        reader = results.get("reader", {}).get(key)
        checks = ["not run"] * 4
        if reader:
            load = reader["first_load"]
            index = ", search index too" if load["search_index_fetched"] else ""
            checks = [f"{load['transferred_bytes'] / 1000:.1f} KB gzip{index}"] + [
                "works" if reader[name].get("works") else "broken"
                for name in ("matrix", "faq_filter", "search")
            ]
        lines.append(
            f"| {key} | {'yes' if output['against_mkdocs']['same_page_paths'] else 'no'} "
            f"| {page['glossary_tooltips']} / {grid['glossary_tooltips']} | {head} | {' | '.join(checks)} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="bench.engines", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="measured rounds (after one warm-up)")
    parser.add_argument("--no-reader", action="store_true", help="leave out the checks in Chromium")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON results go")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (the built sites)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return Options(args.runs, not args.no_reader, args.out, args.keep)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    if options.keep:
        shutil.rmtree(options.keep, ignore_errors=True)
        options.keep.mkdir(parents=True)
        results = run(options, options.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="explainer-engines-") as work:
            results = run(options, Path(work))
    options.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    log(f"wrote {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
