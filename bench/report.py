"""Turn bench/'s figure files into docs/contributing/performance.md: tables, targets and one SVG chart.

    python -m bench.report [RESULTS] [--out PAGE]

Reads bench/results.json (scripts/bench) and, when present, the other figure files: bench/serve.json,
bench/engines.json, bench/search_bytes.json, bench/faq_filter.json, bench/search_worker.json and
site-reports/search-quality.json.
Each measure gets a table, the command that produced it, when, and the machine's load then; the
targets of the scale issue (#15) stand next to the figures with a verdict, met or missed and by how much.

The page is plain Markdown with one inline SVG (no chart library, no script, no inline style, so
the site's Content-Security-Policy allows it): check and build time against N on log–log axes,
with axis labels, a legend, and a <title> and <desc> that screen readers announce. Lines differ
by dash pattern and marker shape as well as colour. bench/run.py calls `write_report` at the end.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import statistics
import sys
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from explainer.render.page import SECONDARY_SEARCH_BOOST

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results.json"
PAGE = REPO / "docs" / "contributing" / "performance.md"
# The other figure files, by name: each is read when it exists.
SOURCES = {
    "serve": REPO / "bench" / "serve.json",
    "engines": REPO / "bench" / "engines.json",
    "search_bytes": REPO / "bench" / "search_bytes.json",
    "faq_filter": REPO / "bench" / "faq_filter.json",
    "search_worker": REPO / "bench" / "search_worker.json",
    "search_quality": REPO / "site-reports" / "search-quality.json",
}
KB = 1000  # the "250 KB" is decimal

# The lines of the chart: (figure key, legend label, colour, dash pattern, marker).
SERIES = (
    ("check_s", "explainer check, cold cache", "#3949ab", "", "circle"),
    ("check_unchanged_s", "explainer check, nothing changed", "#6a1b9a", "1 3", "diamond"),
    ("build_s", "explainer build", "#d84315", "8 4", "square"),
    ("mkdocs_s", "mkdocs build alone (exported pages)", "#2e7d32", "2 4", "triangle"),
)
WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 76, 24, 20, 58
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

# 10,000-entity figures measured before the harness had its current shape, under a load average
# of about 10 on 2 CPUs. Shown only when the latest results have no N = 10,000, and marked earlier.
EARLIER_10K: dict[str, Any] = {
    "date": "2026-12-01",
    "load": "about 10 (1-minute average) on 2 CPUs",
    "how": "scripts/bench with N = 10,000 in an earlier version of the harness; CPU times of single runs",
    "figures": {
        "check_cpu_s": 24.7,
        "check_unchanged_cpu_s": 0.83,
        "check_changed_cpu_s": 8.0,
        "build_s": 33 * 60.0,
        "build_bytes": 1.1 * 1000**3,
    },
}


# -- figure arithmetic ----------------------------------------------------------------------------------


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def ratio(value: float, baseline: float) -> float | None:
    """`value` as a multiple of `baseline`; None when there is no baseline to divide by."""
    return value / baseline if baseline else None


@dataclass(frozen=True)
class Target:
    """One target of the scale issue: a figure at some N that must stay at most (or at least) `limit`."""

    label: str
    limit: float
    unit: str  # "s", "bytes", "times" (a ratio), "share" (0..1), "none" (nothing of it may happen)
    at_most: bool = True


def met(value: float, target: Target) -> bool:
    return value <= target.limit if target.at_most else value >= target.limit


def verdict(value: float, target: Target) -> str:
    """'met' or 'missed', with the figure as a multiple of the limit (or the gap, for shares)."""
    if target.unit == "share":
        gap = abs(value - target.limit) * 100
        return (
            "met" if met(value, target) else "missed"
        ) + f" ({gap:.1f} points {'over' if value >= target.limit else 'under'})"
    times = ratio(value, target.limit)
    digits = 3 if times is not None and times != 1 and f"{times:.2f}" == "1.00" else 2  # no "missed (1.00×)"
    shown = f"{times:.{digits}f}× the limit" if times is not None else "no limit"
    return ("met" if met(value, target) else "missed") + f" ({shown})"


def _seconds(value: float) -> str:
    if value >= 600:
        return f"{value / 60:,.0f} min"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _bytes(value: float) -> str:
    return f"{value / 1024:,.1f} KiB" if value < 1024 * 1024 else f"{value / 1024 / 1024:,.2f} MiB"


def _count(value: float) -> str:
    return f"{value:,.0f}"


# How a figure of each unit is written on the page.
FORMATS: dict[str, Callable[[float], str]] = {
    "s": _seconds,
    "MiB": lambda value: f"{value:,.0f} MiB",
    "bytes": _bytes,
    "ms": lambda value: f"{value:.1f} ms",
    "times": lambda value: f"×{value:.2f}",
    "share": lambda value: f"{value:.1%}",
}


def shown(value: float, unit: str) -> str:
    return FORMATS.get(unit, _count)(value)


def limit_shown(target: Target) -> str:
    if target.unit == "none":
        return "none"
    sign = "≤" if target.at_most else "≥"
    if target.unit == "bytes":
        return f"{sign} {target.limit / KB:,.0f} KB"
    return f"{sign} {shown(target.limit, target.unit)}"


def load(values: list[float] | None) -> str:
    return "/".join(f"{v:.1f}" for v in values) if values else "not recorded"


def fill(text: str, indent: str = "", first: str = "") -> str:
    return textwrap.fill(
        text,
        100,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def table(header: list[str], rows: Iterable[list[str]]) -> str:
    # Left-aligned throughout: right-aligned cells would need style attributes, which the CSP blocks.
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# -- the chart --------------------------------------------------------------------------------------------


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def _decades(low: float, high: float) -> tuple[int, int]:
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    return (first, last) if last > first else (first, first + 1)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        corners = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z"
    else:
        corners = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z"
    return f'<path d="{corners}" fill="{colour}"/>'


def _grid(decades: tuple[int, int], at: Callable[[float], float], vertical: bool) -> list[str]:
    """Grid lines at 1, 2 and 5 of each decade (stronger at 1). Labels: vertical lines (the N axis)
    at powers of ten; horizontal ones (seconds) at every line when the axis spans two decades or less."""
    first, last = decades
    every_step = not vertical and last - first <= 2
    out = []
    for decade in range(first, last + 1):
        for step in (1, 2, 5):
            value = step * 10.0**decade
            if value > 10.0**last:
                break
            p = at(value)
            ends = (p, TOP, p, TOP + PLOT_H) if vertical else (LEFT, p, LEFT + PLOT_W, p)
            out.append(
                '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="currentColor" '.format(*ends)
                + f'stroke-opacity="{"0.25" if step == 1 else "0.1"}"/>'
            )
            if step == 1 or every_step:
                x, y, anchor = (p, TOP + PLOT_H + 18, "middle") if vertical else (LEFT - 8, p + 4, "end")
                out.append(
                    f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="currentColor">'
                    f"{_number(value)}</text>"
                )
    return out


def chart(results: dict[str, Any]) -> str:
    """The inline SVG: median wall time against N, both on log scales."""
    sizes = results["sizes"]
    lines = []
    for key, label, colour, dash, shape in SERIES:
        points = [(s["n"], s["figures"][key]) for s in sizes if s["figures"].get(key)]
        if points:
            lines.append((label, colour, dash, shape, points))
    all_n = [n for *_, points in lines for n, _ in points] or [s["n"] for s in sizes]
    all_s = [t for *_, points in lines for _, t in points] or [1.0]
    x_decades, y_decades = _decades(min(all_n), max(all_n)), _decades(min(all_s), max(all_s))
    plot_w, plot_h = PLOT_W, PLOT_H

    def x_at(n: float) -> float:
        return LEFT + (math.log10(n) - x_decades[0]) / (x_decades[1] - x_decades[0]) * plot_w

    def y_at(seconds: float) -> float:
        return TOP + plot_h - (math.log10(seconds) - y_decades[0]) / (y_decades[1] - y_decades[0]) * plot_h

    described = "; ".join(
        f"{label}: " + ", ".join(f"{shown(t, 's')} at N = {n:,}" for n, t in points)
        for label, _, _, _, points in lines
    )
    out = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        'aria-labelledby="perf-chart-title perf-chart-desc" font-family="sans-serif" font-size="12">',
        '<title id="perf-chart-title">Check and build time against the number of entities, log–log</title>',
        '<desc id="perf-chart-desc">Median wall time in seconds, both axes on log scales. '
        f"{html.escape(described)}.</desc>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="currentColor" '
        'stroke-opacity="0.5"/>',
    ]
    out += _grid(y_decades, y_at, vertical=False) + _grid(x_decades, x_at, vertical=True)
    out.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 12}" text-anchor="middle" fill="currentColor">'
        "Entities in the content, N (log scale)</text>"
    )
    out.append(
        f'<text transform="translate(18 {TOP + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
        'fill="currentColor">Seconds, median wall time (log scale)</text>'
    )
    for _, colour, dash, shape, points in lines:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x_at(n):.1f} {y_at(t):.1f}" for i, (n, t) in enumerate(points)
        )
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
        out += [_marker(shape, x_at(n), y_at(t), colour) for n, t in points]
    for index, (label, colour, dash, shape, _) in enumerate(lines):
        y = TOP + 16 + index * 18
        x = LEFT + 12
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x}" y1="{y}" x2="{x + 28}" y2="{y}" stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        out.append(_marker(shape, x + 14, y, colour))
        out.append(f'<text x="{x + 36}" y="{y + 4}" fill="currentColor">{html.escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)


# -- check and build: bench/results.json ------------------------------------------------------------------


def figures_table(results: dict[str, Any]) -> str:
    """Every figure of results.json per N, with its growth against the smallest N in brackets."""
    sizes = results["sizes"]
    first_index = sizes[0]["figures"].get("search_index")
    rows = []
    for key, metric in results["metrics"].items():
        cells = [metric["label"]]
        for size in sizes:
            value = size["figures"].get(key)
            if value is None:
                cells.append("not measured")
                continue
            growth = size.get("ratios", {}).get(key)
            suffix = f" (×{growth:,.1f})" if growth is not None and size is not sizes[0] else ""
            if key.startswith("search_index") and size["figures"].get("search_index") != first_index:
                suffix = " (another kind of index)"  # Pagefind's chunks past a size: no growth to compare
            cells.append(shown(value, metric["unit"]) + suffix)
        rows.append(cells)
    for key, label in (
        ("search_index", "search index: which file"),
        ("largest_html_page", "largest page: which"),
    ):
        if any(key in size["figures"] for size in sizes):
            rows.append(
                [label, *(f"`{size['figures'][key]}`" if key in size["figures"] else "—" for size in sizes)]
            )
    for key, base in (
        ("build_s", "wall"),
        ("build_cpu_s", "CPU"),
        ("build_mib", "peak RSS"),
        ("build_s/default_nav", "wall, against MkDocs' default nav"),
        ("build_cpu_s/default_nav", "CPU, against MkDocs' default nav"),
    ):
        values = [size.get("against_baseline", {}).get(key) for size in sizes]
        if any(v is not None for v in values):
            label = f"explainer build ÷ plain mkdocs build, {base}"
            rows.append([label, *("—" if v is None else f"×{v:.2f}" for v in values)])
    return table(["Measure", *(f"N = {s['n']:,}" for s in sizes)], rows)


def counts_table(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    kinds = list(sizes[0]["counts"])
    rows = [[kind, *(f"{s['counts'][kind]:,}" for s in sizes)] for kind in kinds]
    return table(["Kind", *(f"N = {s['n']:,}" for s in sizes)], rows)


def measured(results: dict[str, Any]) -> str:
    """Which explainer the run measured."""
    source = results.get("source") or {}
    commit = (source.get("commit") or "")[:7]
    if not commit:
        return "explainer from an unknown tree"
    changed = " with local changes in src/" if source.get("working_tree_src_modified") else ""
    return f"explainer at commit {commit}{changed}"


def machine_load(results: dict[str, Any]) -> tuple[list[float] | None, list[float] | None]:
    m, s = results.get("machine", {}), results.get("settings", {})
    start = m.get("load_average_at_start") or s.get("load_average_at_start")
    end = m.get("load_average_at_end") or s.get("load_average_at_end")
    return start, end


def speed_sentence(machine: dict[str, Any]) -> str:
    """The speed probe at the start and end of the run (bench/processes.py), when it was taken."""
    start, end = machine.get("speed_probe_s_at_start"), machine.get("speed_probe_s_at_end")
    if start is None or end is None:
        return ""
    return (
        f" A fixed Python workload (`speed_probe`) took {start:.3f} s at the start and {end:.3f} s at "
        "the end: on this shared machine it moves by a third from one quarter of an hour to the next, "
        "and the timings with it, so compare runs whose probes agree."
    )


# -- the targets of issue 15 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    target: Target
    at: str  # where: "N = 1,000", "the real site"…
    figure: str
    verdict: str
    source: str  # which table the figure comes from


def _size(results: dict[str, Any], n: int) -> dict[str, Any] | None:
    return next((s for s in results["sizes"] if s["n"] == n), None)


def check_verdicts(results: dict[str, Any]) -> list[Verdict]:
    """Targets 2 and 3 (check, pages, first load): from results.json, or the earlier 10,000 figures."""
    found: list[Verdict] = []
    check_1k = Target("`explainer check`, cold, N = 1,000", 1.0, "s")
    size = _size(results, 1000)
    if size and "check_s" in size["figures"]:
        f = size["figures"]
        found.append(
            Verdict(
                check_1k,
                "N = 1,000",
                f"{shown(f['check_s'], 's')} wall, {shown(f['check_cpu_s'], 's')} CPU",
                f"wall {verdict(f['check_s'], check_1k)}; CPU {verdict(f['check_cpu_s'], check_1k)}",
                "latest run",
            )
        )
    big = _size(results, 10000)
    tens = (
        ("check", Target("`explainer check`, cold, N = 10,000", 5.0, "s")),
        ("check_unchanged", Target("repeat check, nothing changed, N = 10,000", 1.0, "s")),
        ("check_changed", Target("repeat check, one file changed, N = 10,000", 1.0, "s")),
    )
    for key, target in tens:
        if big and f"{key}_s" in big["figures"]:
            wall, cpu = big["figures"][f"{key}_s"], big["figures"][f"{key}_cpu_s"]
            found.append(
                Verdict(
                    target,
                    "N = 10,000",
                    f"{shown(wall, 's')} wall, {shown(cpu, 's')} CPU",
                    f"wall {verdict(wall, target)}; CPU {verdict(cpu, target)}",
                    "latest run",
                )
            )
        elif f"{key}_cpu_s" in EARLIER_10K["figures"]:
            cpu = EARLIER_10K["figures"][f"{key}_cpu_s"]
            found.append(
                Verdict(
                    target,
                    "N = 10,000",
                    f"{shown(cpu, 's')} CPU",
                    f"CPU {verdict(cpu, target)}",
                    f"earlier run ({EARLIER_10K['date']}, loaded machine)",
                )
            )
    sizes = [s for s in results["sizes"] if "largest_html_bytes" in s["figures"]]
    if len(sizes) > 1:
        smallest, largest = sizes[0], sizes[-1]
        grown = ratio(largest["figures"]["largest_html_bytes"], smallest["figures"]["largest_html_bytes"])
        target = Target(f"largest page at N = 10,000 against N = {smallest['n']:,}", 1.5, "times")
        partial = "" if largest["n"] >= 10000 else f" (measured to N = {largest['n']:,} only)"
        if grown is not None:
            found.append(
                Verdict(
                    target,
                    f"N = {largest['n']:,}",
                    f"{shown(largest['figures']['largest_html_bytes'], 'bytes')}, ×{grown:.2f}",
                    verdict(grown, target) + partial,
                    "latest run",
                )
            )
    for size in sizes[-1:]:
        partial = "" if size["n"] >= 10000 else f" (measured to N = {size['n']:,} only)"
        for key, page in (("home_first_load_bytes", "home page"), ("faq_first_load_bytes", "FAQ page")):
            target = Target(f"first load of the {page}, gzip, N = 10,000", 250 * KB, "bytes")
            value = size["figures"][key]
            found.append(
                Verdict(
                    target,
                    f"N = {size['n']:,}",
                    shown(value, "bytes"),
                    verdict(value, target) + partial,
                    "latest run",
                )
            )
        first = size["figures"].get("first_load", {})
        fetched = [name for name in ("home", "faq") if first.get(name, {}).get("search_index_referenced")]
        found.append(
            Verdict(
                Target("search index not fetched on page load", 0, "none"),
                f"N = {size['n']:,}",
                "fetched by " + ", ".join(fetched) if fetched else "not referenced by either page",
                "missed" if fetched else "met",
                "latest run",
            )
        )
    size = _size(results, 1000)
    # Issue 15: "The sectioned nav already beats plain MkDocs [its default nav] at 1,000 pages ...
    # Keep that lead." The plain build with the explainer's own nav is the harder, second row.
    for suffix, against in (
        ("/default_nav", "with MkDocs' default nav (the issue's baseline)"),
        ("", "with the explainer's nav"),
    ):
        if not size or size.get("against_baseline", {}).get("build_s" + suffix) is None:
            continue
        target = Target(
            f"`explainer build` no slower than plain MkDocs of the export {against}, N = 1,000", 1.0, "times"
        )
        wall = size["against_baseline"]["build_s" + suffix]
        cpu = size["against_baseline"].get("build_cpu_s" + suffix)
        cpu_part = f"; CPU ×{cpu:.2f}: {verdict(cpu, target)}" if cpu is not None else ""
        found.append(
            Verdict(
                target,
                "N = 1,000",
                f"wall ×{wall:.2f}",
                f"wall {verdict(wall, target)}{cpu_part}",
                "latest run",
            )
        )
    return found


def serve_verdicts(serve: dict[str, Any]) -> list[Verdict]:
    found = []
    for run in serve.get("serve", []):
        if run["name"] != "N = 1,000":
            continue
        for key, target in (
            ("start", Target("`explainer serve` starts, N = 1,000", 10.0, "s")),
            ("edit", Target("an edited FAQ page served, N = 1,000", 2.0, "s")),
        ):
            value = run["median"][key]
            found.append(Verdict(target, run["name"], shown(value, "s"), verdict(value, target), "preview"))
    return found


def quality_verdicts(quality: dict[str, Any]) -> list[Verdict]:
    found = []
    for part, limits in quality.get("targets", {}).items():
        for measure, limit in limits.items():
            if measure in quality.get(part, {}):
                value = quality[part][measure]
                target = Target(f"{part.replace('_', ' ')} {measure}", limit, "share", at_most=False)
                found.append(
                    Verdict(
                        target,
                        "the real site",
                        shown(value, "share"),
                        verdict(value, target),
                        "search quality",
                    )
                )
    return found


def targets_table(verdicts: list[Verdict]) -> str:
    rows = [[v.target.label, limit_shown(v.target), v.at, v.figure, v.verdict, v.source] for v in verdicts]
    return table(["Target (issue 15)", "Limit", "Where", "Figure", "Verdict", "From"], rows)


# -- the other figure files ---------------------------------------------------------------------------------


def _when(data: dict[str, Any], *keys: str) -> str:
    for key in keys:
        if data.get(key):
            return str(data[key])[:16].replace("T", " ") + " UTC"
    return "date not recorded"


def _load_on(facts: dict[str, Any], key: str) -> str:
    if not facts.get(key):
        return "machine load not recorded"
    return f"load average {load(facts[key])} on {facts.get('cpus', '?')} CPUs"


def serve_section(serve: dict[str, Any]) -> list[str]:
    rows = [
        [
            run["name"],
            str(run["runs"]),
            *(shown(run["median"][k], "s") for k in ("start", "first_page", "edit", "error", "recovery")),
        ]
        for run in serve.get("serve", [])
    ]
    facts = serve.get("machine", {})
    return [
        "## Preview",
        "",
        fill(
            f"Produced by `{serve.get('command', '.venv/bin/python -m bench.serve')}`, "
            f"{_when(serve, 'measured')}, {_load_on(facts, 'load_average_at_start')}. From launching "
            "`explainer serve` to the home page served (start), one FAQ page's first request, and from "
            "saving a changed FAQ file to the page served with the change (edit), with an error, and "
            "fixed again (recovery); medians of the runs, measured over HTTP as a browser would."
        ),
        "",
        table(["Project", "Runs", "Start", "First page", "Edit", "Error shown", "Recovery"], rows),
        "",
    ]


def engines_section(engines: dict[str, Any]) -> list[str]:
    builds = engines.get("builds", {})
    outputs = engines.get("outputs", {})
    rows = []
    for key, build in builds.items():
        out = outputs.get(key, {})
        rows.append(
            [
                build["label"],
                shown(build["wall_s"], "s"),
                shown(build["cpu_s"], "s"),
                shown(build["peak_mib"], "MiB"),
                f"{out['pages']:,}" if "pages" in out else "—",
                shown(out["bytes"], "bytes") if "bytes" in out else "—",
            ]
        )
    loads = [entry["load_average"] for entry in engines.get("load_averages", [])]
    source = engines.get("source", {})
    changes = ", with local changes" if source.get("uncommitted_changes") else ""
    return [
        "## Engines",
        "",
        fill(
            f"Produced by `{engines.get('command', '.venv/bin/python -m bench.engines')}`, "
            f"{_when(engines, 'generated')}, on the real site (explainer at commit "
            f"{source.get('commit', '?')}{changes}); "
            f"load average {load(loads[0] if loads else None)} before the first round on "
            f"{engines.get('machine', {}).get('cpus', '?')} CPUs. Medians of {engines.get('runs', '?')} "
            "rounds, whole process. What differs between the outputs is in bench/engines.json and the README."
        ),
        "",
        table(["Build", "Wall", "CPU", "Peak RSS", "Pages", "Site"], rows),
        "",
    ]


def search_bytes_section(data: dict[str, Any]) -> list[str]:
    rows = []
    for site in data.get("sites", []):
        name = "the real site" if site["name"] == "real" else f"N = {int(site['name']):,}"
        for engine in ("explainer", "lunr", "pagefind"):
            part = site.get(engine, {})
            query = part.get("first_query", {})
            if query:
                rows.append(
                    [
                        name,
                        engine,
                        shown(query["query_bytes"], "bytes"),
                        str(query["query_requests"]),
                        str(query.get("expected_rank", "—")),
                    ]
                )
    facts = data.get("machine", {})
    return [
        "## Search: bytes of a reader's first query",
        "",
        fill(
            "Produced by `.venv/bin/python -m bench.search_bytes`, "
            f"{_when(data, 'generated')}, {_load_on(facts, 'load')}: bytes transferred from opening the "
            "search box to the first query's results, in headless Chromium, with each engine: the "
            "explainer's own compact index (search/explainer.json, one file, fetched when search opens; "
            "the default up to `search.chunked_above` pages), Material's one-file lunr index, and "
            "Pagefind's chunks (the default beyond)."
        ),
        "",
        table(["Site", "Engine", "Bytes for the first query", "Requests", "Rank of the answer"], rows),
        "",
    ]


def faq_filter_section(data: dict[str, Any]) -> list[str]:
    rows = []
    for site in data.get("sites", {}).values():
        where = "questions on the page" if site.get("questions_on_the_page") else "answers from data/faq.json"
        f, laid = site["filter"], site["with_layout"]
        rows.append(
            [
                where,
                str(site["keystrokes"]),
                shown(f["median_ms"], "ms"),
                shown(f["p95_ms"], "ms"),
                shown(laid["median_ms"], "ms"),
                shown(laid["p95_ms"], "ms"),
                ("within" if site["within_budget"] else "over") + f" {shown(site['budget_ms'], 'ms')}",
            ]
        )
    facts = data.get("machine", {})
    return [
        "## FAQ filter",
        "",
        fill(
            f"Produced by `.venv/bin/python -m bench.faq_filter`, {_when(data, 'measured')}, "
            f"{_load_on(facts, 'load')}: milliseconds per keystroke on a "
            f"FAQ of {data.get('questions', '?'):,} questions in headless Chromium, the filter pass alone "
            "and with the layout it causes"
            + _rounds(data)
            + "; the budget (95th percentile with layout) is one frame."
        ),
        "",
        table(
            [
                "FAQ",
                "Keys",
                "Filter, median",
                "Filter, p95",
                "With layout, median",
                "With layout, p95",
                "Budget",
            ],
            rows,
        ),
        "",
    ]


WORKLOADS = {"queries": "every reader query, typed whole", "typing": "queries typed a letter at a time"}


def _commit(baseline: dict[str, Any]) -> str:
    """A git ref as given, with the commit it named when it was a name ("HEAD (41b527a)")."""
    ref, commit = str(baseline.get("ref", "?")), str(baseline.get("commit", ""))
    return ref if not commit or commit.startswith(ref) else f"{ref} ({commit[:7]})"


def search_worker_section(data: dict[str, Any]) -> list[str]:
    figures = data["figures"]
    rows = [
        [
            f"{label} ({figures['current'][name]['queries']:,})",
            shown(figures["baseline"][name]["median_s"], "s"),
            shown(figures["current"][name]["median_s"], "s"),
            f"×{figures['current'][name]['ratio']:.2f}",
            shown(figures["baseline"][name]["per_query_ms"], "ms"),
            shown(figures["current"][name]["per_query_ms"], "ms"),
        ]
        for name, label in WORKLOADS.items()
        if name in figures["current"]
    ]
    baseline = data.get("baseline", {})
    facts = data.get("machine", {})
    return [
        "## Site search worker",
        "",
        fill(
            f"Produced by `.venv/bin/python -m bench.search_worker`, {_when(data, 'measured')}, "
            f"{_load_on(facts, 'load')}: the site search's worker run in Node on the real site's index, "
            "each run one whole process, the median of "
            f"{data.get('rounds', '?')} rounds, against its scripts at "
            f"{_commit(baseline)} run in the same command. "
            "The time per query leaves out loading the index."
        ),
        "",
        table(["Workload", "Baseline", "Current", "Ratio", "Per query before", "Per query now"], rows),
        "",
    ]


def quality_section(quality: dict[str, Any], produced: str) -> list[str]:
    rows = []
    for part in ("site_search", "faq_filter"):
        if part in quality:
            found = quality[part]
            targets = quality.get("targets", {}).get(part, {})
            rows.append(
                [
                    part.replace("_", " "),
                    str(found["queries"]),
                    *(
                        shown(found[m], "share") + (f" (target {targets[m]:.0%})" if m in targets else "")
                        if m in found
                        else "—"
                        for m in ("hit@1", "hit@3")
                    ),
                ]
            )
    return [
        "## Search quality",
        "",
        fill(
            "Produced by `.venv/bin/pytest tests/browser/test_search_quality.py`, which writes "
            f"site-reports/search-quality.json ({produced}): the share of readers' queries whose expected "
            "page is the first result (hit@1) or among the first three (hit@3), on the real site."
        ),
        "",
        table(["Search", "Queries", "hit@1", "hit@3"], rows),
        "",
    ]


def earlier_section(latest: dict[str, Any] | None) -> list[str]:
    """The earlier 10,000 figures that the latest run lacks (`latest`: its N = 10,000 figures)."""
    have = latest["figures"] if latest else {}
    f = EARLIER_10K["figures"]
    rows = [
        [label, text]
        for key, label, text in (
            ("check_cpu_s", "explainer check, cold cache, CPU time", shown(f["check_cpu_s"], "s")),
            (
                "check_unchanged_cpu_s",
                "check again, nothing changed, CPU time",
                shown(f["check_unchanged_cpu_s"], "s"),
            ),
            (
                "check_changed_cpu_s",
                "check after one FAQ edit, CPU time",
                shown(f["check_changed_cpu_s"], "s"),
            ),
            ("build_s", "explainer build, wall time", shown(f["build_s"], "s")),
            ("build_mib", "explainer build, peak RSS", f"{f['build_bytes'] / 1000**3:.1f} GB"),
        )
        if key not in have
    ]
    if not rows:
        return []
    return [
        "## N = 10,000: earlier figures from a loaded machine",
        "",
        fill(
            f"Not from the latest run, which did not measure these. Measured on {EARLIER_10K['date']} "
            f"under a load average of {EARLIER_10K['load']} ({EARLIER_10K['how']}); indicative only. The "
            "wall time of the build is mostly waiting for a busy machine. Measure again with "
            "`scripts/bench --sizes 100,1000,10000` (the 10,000 builds take 15 to 30 minutes)."
        ),
        "",
        table(["Measure (earlier, loaded machine)", "N = 10,000"], rows),
        "",
    ]


# -- the page -----------------------------------------------------------------------------------------------


def _rounds(data: dict[str, Any]) -> str:
    """How many times each query was typed, when the run says (runs before 3 December 2026 typed
    each once)."""
    counts = {site.get("rounds") for site in data.get("sites", {}).values()}
    if len(counts) != 1 or None in counts:
        return ""
    return f", each keystroke the median of {counts.pop()} rounds of typing"


def extras(results: dict[str, Any]) -> list[str]:
    """The optional parts of a run (--faq-filter, --scripts), one line each."""
    found = []
    for size in results["sizes"]:
        if "faq_filter" in size:
            f = size["faq_filter"]
            found.append(
                f"- FAQ filter at N = {size['n']:,} ({size['counts']['faq']:,} questions, "
                f"{f['keystrokes']} keystrokes in headless Chromium): one filter pass takes "
                f"{f['filter']['median_ms']:.2f} ms at the median and {f['filter']['p95_ms']:.2f} ms at the "
                f"95th percentile; with the layout it causes, {f['with_layout']['median_ms']:.2f} ms and "
                f"{f['with_layout']['p95_ms']:.2f} ms, slowest {f['with_layout']['max_ms']:.2f} ms "
                f"(budget {f['budget_ms']:.0f} ms a keystroke)."
            )
    scripts = results.get("extras", {}).get("scripts")
    if scripts:
        listed = " and ".join(f"`{name}` {size:,}" for name, size in scripts["gzip_bytes"].items())
        found.append(
            f"- Scripts, gzipped: {listed}, {scripts['total_gzip_bytes']:,} bytes together "
            f"(budget {scripts['budget_bytes']:,})."
        )
    return found


def page(results: dict[str, Any], others: dict[str, Any]) -> str:
    """The whole Markdown page from results.json and the other figure files that were found."""
    m, s = results["machine"], results["settings"]
    versions = results.get("versions", m)
    start, end = machine_load(results)
    skipped = [
        f"N = {size['n']:,}: {', '.join(size['skipped'])}" for size in results["sizes"] if size["skipped"]
    ]
    verdicts = check_verdicts(results)
    if "serve" in others:
        verdicts += serve_verdicts(others["serve"])
    if "search_quality" in others:
        verdicts += quality_verdicts(others["search_quality"])
    # The bench itself keeps about one CPU busy: a load above the CPU count means other work ran too.
    busy = start is not None and m.get("cpus") and start[0] > m["cpus"]
    parts = [
        "---",
        "title: Performance",
        "description: How long checking and building take, and how heavy pages get, as the content grows.",
        "search:",  # a page for contributors: after the content in a reader's search
        f"  boost: {SECONDARY_SEARCH_BOOST}",
        "---",
        "",
        "# Performance",
        "",
        fill(
            "How `explainer check` and `explainer build` scale with the amount of content, measured on "
            "synthetic projects of N entities (`bench/corpus.py`: technologies, dimensions, glossary terms, "
            "industries, use cases, FAQ entries and sources in the proportions of a real explainer), next "
            "to the targets of the scale issue (#15). `scripts/bench` measures N = 100 and 1,000 and "
            "rewrites this page; `scripts/bench --sizes 100,1000,10000` adds N = 10,000. "
            "`.venv/bin/python -m bench.report` rewrites the page from the figure files alone."
        ),
        "",
        '!!! note "Indicative figures"',
        "",
        fill(
            "These numbers come from a shared 2-CPU machine on which other work may run: wall times "
            "include waiting for the CPU and are indicative only. CPU time (user + system of the measured "
            "process) moves much less with load; compare those when a load average below is high.",
            "    ",
            "    ",
        ),
        "",
        "## Check and build against N",
        "",
        fill(
            f"Produced by `{results['command']}` on {results['date'][:16].replace('T', ' ')} UTC, on "
            f"{m['cpu']} ({m['cpus']} CPUs, {m.get('memory_gib', '?')} GiB), {m['system']}, Python "
            f"{m['python']}, MkDocs {versions.get('mkdocs')}, Material {versions.get('material')}, "
            f"{measured(results)}. Load average (1, 5 and 15 minutes) {load(start)} at the start and "
            f"{load(end)} at the end{' — a busy machine' if busy else ''}.{speed_sentence(m)} Each figure is "
            "the median of "
            f"{s['runs']} {'run' if s['runs'] == 1 else 'runs'} after {s['warmups']} warm-up, timed over "
            "the whole process; CPU time is that process's user and system time; memory is its peak "
            "resident set size. Brackets give the growth against "
            f"N\u00a0=\u00a0{s.get('smallest_n', results['sizes'][0]['n']):,}; the last rows divide "
            "`explainer build` by the baseline run in the same command, a plain `mkdocs build` of the "
            "same pages written by `explainer export`."
        ),
        "",
        figures_table(results),
        "",
        "<figure>",
        chart(results),
        "<figcaption>Median wall time of check and build against N; both axes are logarithmic, so a "
        "straight line of slope 1 means time grows in proportion to the content.</figcaption>",
        "</figure>",
        "",
        "## Targets",
        "",
        fill(
            "Each target of issue 15 next to the latest figure that speaks to it. A target set at "
            "N = 10,000 and measured only to a smaller N says so; wall-time verdicts on a loaded machine "
            "are indicative, and the CPU-time verdict is given beside them. The issue's plain MkDocs "
            "figure (37.7 s at 1,000) used MkDocs' automatic navigation, which lists every page on every "
            "page; the baseline here gets the explainer's sectioned navigation, so it is the harder one "
            "to beat."
        ),
        "",
        targets_table(verdicts),
        "",
        fill("Not measured here: Lighthouse performance (a browser test, tests/browser/test_lighthouse.py)."),
        "",
    ]
    parts += earlier_section(_size(results, 10000))
    for name, section in (
        ("serve", serve_section),
        ("engines", engines_section),
        ("search_bytes", search_bytes_section),
        ("faq_filter", faq_filter_section),
        ("search_worker", search_worker_section),
    ):
        if name in others:
            parts += section(others[name])
    if "search_quality" in others:
        parts += quality_section(others["search_quality"], others.get("search_quality_written", ""))
    parts += [
        "## What is measured",
        "",
        "- **explainer check, cold cache**: reading, validating and linting the whole content folder,",
        "  with the check's cache (`.cache/explainer`) removed before each run. From 400 files, each",
        "  file's whole record (read, validated, linted) is made in forked workers on every core,",
        "  then the corpus is read as a repeat check reads it (`KeptFiles.make_missing`).",
        "- **check again, nothing changed**: the same check straight after, as the cache left it. A",
        "  file whose status (size, times, inode) is the one recorded when it was last hashed, at",
        "  least three seconds after it was written, is not read again (`src/explainer/snapshot.py`).",
        "- **check after one FAQ edit**: the same check after one FAQ answer changed, as when a",
        "  contributor saves a file and checks again. The cache keeps, per file (keyed by its path and",
        "  bytes), the parsed and validated entry, what the per-entry rules found in it and the",
        "  references it makes (`src/explainer/kept.py`); the changed file is read, validated and",
        "  linted again, and the rules that look across files run over what was kept. Unpickling",
        "  the kept entries, and Python's start-up and imports, are most of what remains at",
        "  N = 10,000.",
        "- Children run with Python's bytecode cache allowed, as on a contributor's machine (the",
        "  warm-up run writes it).",
        "- **explainer build**: the strict MkDocs build with the explainer plugin, which checks the",
        "  content and renders every page; its cache is removed before each run.",
        "- **plain mkdocs build**: the same pages written out by `explainer export` and built by MkDocs",
        "  and Material alone, with the same navigation: the baseline, and the part of the build time",
        "  that is MkDocs.",
        "- **plain mkdocs build, MkDocs' default nav**: the same export without the explainer's",
        "  navigation, so MkDocs lists every page on every page: the baseline issue 15 measured (37.7 s",
        "  at N = 1,000 on its machine), which the explainer's sectioned navigation is to stay ahead of.",
        "- **first load**: the gzipped bytes of the page and of every stylesheet, script and data file",
        "  from this site that it references; the search index loads only when a reader searches.",
        "",
        "Entities in each corpus:",
        "",
        counts_table(results),
        "",
    ]
    if skipped:
        parts += ["Not measured: " + "; ".join(skipped) + ".", ""]
    found = extras(results)
    if found:
        parts += [
            "Browser and size budgets of the latest run:",
            "",
            *(fill(line, "  ") for line in found),
            "",
        ]
    return "\n".join(parts)


def read_others(sources: dict[str, Path] = SOURCES) -> dict[str, Any]:
    """The other figure files that exist, by name; the search-quality file's date from its mtime."""
    others: dict[str, Any] = {}
    for name, path in sources.items():
        if path.is_file():
            others[name] = json.loads(path.read_text(encoding="utf-8"))
            if name == "search_quality":
                written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                others["search_quality_written"] = f"written {written:%Y-%m-%d %H:%M} UTC"
    return others


def write_report(results_path: Path = RESULTS, out: Path = PAGE) -> Path:
    results = json.loads(results_path.read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page(results, read_others()), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="?", type=Path, default=RESULTS)
    parser.add_argument("--out", type=Path, default=PAGE)
    args = parser.parse_args(argv)
    print(f"wrote {write_report(args.results, args.out)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
