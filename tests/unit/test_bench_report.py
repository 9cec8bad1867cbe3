"""The performance page's arithmetic and drawing, on a small made-up results file.

bench/report.py turns measured figures into docs/contributing/performance.md; these tests keep a
verdict, a ratio or the chart from silently going wrong. They measure nothing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bench import report
from bench.report import Target, median, ratio, verdict

METRICS = {
    "check_s": {"label": "explainer check, cold cache", "unit": "s"},
    "check_cpu_s": {"label": "explainer check, cold cache, CPU time", "unit": "s"},
    "check_unchanged_s": {"label": "check again, nothing changed", "unit": "s"},
    "build_s": {"label": "explainer build", "unit": "s"},
    "mkdocs_s": {"label": "plain mkdocs build of the export", "unit": "s"},
    "largest_html_bytes": {"label": "largest HTML page", "unit": "bytes"},
    "home_first_load_bytes": {"label": "home page first load, gzipped", "unit": "bytes"},
    "faq_first_load_bytes": {"label": "FAQ page first load, gzipped", "unit": "bytes"},
}


def _size(n: int, check: float, build: float, mkdocs: float, largest: int) -> dict[str, Any]:
    return {
        "n": n,
        "counts": {"faq": n // 3, "definition": n // 4},
        "skipped": [],
        "figures": {
            "check_s": check,
            "check_cpu_s": check / 2,
            "check_unchanged_s": check / 4,
            "build_s": build,
            "mkdocs_s": mkdocs,
            "largest_html_bytes": largest,
            "home_first_load_bytes": 80_000,
            "faq_first_load_bytes": 260_000,
            "first_load": {
                "home": {"search_index_referenced": False},
                "faq": {"search_index_referenced": False},
            },
        },
        "ratios": {},
        "against_baseline": {"build_s": build / mkdocs, "build_s/default_nav": build / (3 * mkdocs)},
    }


@pytest.fixture
def results() -> dict[str, Any]:
    small, large = _size(100, 0.5, 4.0, 2.0, 100_000), _size(1000, 1.6, 12.0, 16.0, 300_000)
    large["ratios"] = {"check_s": 3.2, "largest_html_bytes": 3.0}
    return {
        "date": "2026-12-01T18:00:00+00:00",
        "command": "scripts/bench --quick",
        "machine": {
            "cpu": "Test CPU",
            "cpus": 2,
            "memory_gib": 4.0,
            "system": "Linux",
            "python": "3.11.7",
            "load_average_at_start": [3.5, 2.0, 1.0],
            "load_average_at_end": [1.0, 1.0, 1.0],
            "speed_probe_s_at_start": 0.1234,
            "speed_probe_s_at_end": 0.15,
        },
        "versions": {"mkdocs": "1.6.1", "material": "9.8.2"},
        "source": {"commit": "abcdef0123", "working_tree_src_modified": False},
        "settings": {"runs": 3, "warmups": 1, "smallest_n": 100},
        "metrics": METRICS,
        "sizes": [small, large],
        "extras": {},
    }


def test_median_and_ratio_are_the_plain_arithmetic() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert ratio(3.0, 1.5) == 2.0
    assert ratio(3.0, 0) is None


def test_verdict_says_met_or_missed_with_the_multiple_of_the_limit() -> None:
    check = Target("check at 1,000", 1.0, "s")
    assert verdict(0.8, check) == "met (0.80× the limit)"
    assert verdict(1.0, check) == "met (1.00× the limit)"
    assert verdict(2.5, check) == "missed (2.50× the limit)"
    assert verdict(1.003, check) == "missed (1.003× the limit)"


def test_verdict_of_an_at_least_share_counts_points() -> None:
    hit = Target("hit@1", 0.8, "share", at_most=False)
    assert verdict(0.716, hit) == "missed (8.4 points under)"
    assert verdict(0.85, hit) == "met (5.0 points over)"


def test_figures_table_has_a_row_per_metric_and_the_growth_in_brackets(results: dict[str, Any]) -> None:
    table = report.figures_table(results)
    lines = table.splitlines()
    assert lines[0] == "| Measure | N = 100 | N = 1,000 |"
    assert "| explainer check, cold cache | 0.50 s | 1.60 s (×3.2) |" in lines
    assert "| largest HTML page | 97.7 KiB | 293.0 KiB (×3.0) |" in lines
    assert "| explainer build ÷ plain mkdocs build, wall | ×2.00 | ×0.75 |" in lines
    assert all(line.count("|") == 4 for line in lines)


def test_a_figure_missing_at_one_size_reads_not_measured(results: dict[str, Any]) -> None:
    del results["sizes"][1]["figures"]["build_s"]
    assert "| explainer build | 4.00 s | not measured |" in report.figures_table(results)


def test_targets_carry_the_issue_limits_and_verdicts(results: dict[str, Any]) -> None:
    rows = {v.target.label: v for v in report.check_verdicts(results)}
    check = rows["`explainer check`, cold, N = 1,000"]
    assert check.verdict == "wall missed (1.60× the limit); CPU met (0.80× the limit)"
    faq = rows["first load of the FAQ page, gzip, N = 10,000"]
    assert faq.verdict.startswith("missed (1.04× the limit)")
    assert "measured to N = 1,000 only" in faq.verdict
    build = rows[
        "`explainer build` no slower than plain MkDocs of the export with the explainer's nav, N = 1,000"
    ]
    assert build.verdict.startswith("wall met (0.75× the limit)")
    # The issue's own baseline: the export with MkDocs' default nav, which lists every page everywhere.
    issue = rows[
        "`explainer build` no slower than plain MkDocs of the export with MkDocs' default nav "
        "(the issue's baseline), N = 1,000"
    ]
    assert issue.verdict.startswith("wall met (0.25× the limit)")
    assert rows["search index not fetched on page load"].verdict == "met"


def test_without_a_10k_run_the_earlier_figures_are_used_and_marked(results: dict[str, Any]) -> None:
    rows = {v.target.label: v for v in report.check_verdicts(results)}
    cold = rows["`explainer check`, cold, N = 10,000"]
    assert cold.source.startswith("earlier run (2026-12-01")
    assert cold.verdict.startswith("CPU missed")
    page = report.page(results, {})
    assert "## N = 10,000: earlier figures from a loaded machine" in page


def test_the_chart_is_well_formed_svg_with_a_line_per_series(results: dict[str, Any]) -> None:
    svg = report.chart(results)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag in {"svg", f"{ns}svg"}
    paths = [p for p in root.iter() if p.tag.endswith("path") and p.get("fill") == "none"]
    assert len(paths) == len(report.SERIES)
    # Both points of each line are drawn, the larger N further right.
    for path in paths:
        xs = [float(x) for x in re.findall(r"[ML](\d+\.\d+) ", path.get("d", ""))]
        assert len(xs) == 2 and xs[0] < xs[1]
    assert "explainer build: 4.00 s at N = 100, 12.0 s at N = 1,000" in svg


def test_the_page_says_how_and_under_what_load_it_was_measured(results: dict[str, Any]) -> None:
    page = report.page(results, {})
    assert "Produced by `scripts/bench --quick`" in page
    assert "3.5/2.0/1.0 at the start" in page
    assert "took 0.123 s at the start and 0.150 s at the end" in page
    assert "a busy machine" in page
    assert "indicative" in page
    assert page.count("<svg") == 1


def test_earlier_10k_figures_fill_only_what_the_latest_run_lacks(results: dict[str, Any]) -> None:
    checked_only = _size(10000, 4.0, 1.0, 1.0, 0)
    checked_only["figures"] = {"check_s": 4.0, "check_cpu_s": 3.0, "check_unchanged_cpu_s": 0.4}
    section = "\n".join(report.earlier_section(checked_only))
    assert "explainer build, wall time | 33 min" in section
    assert "cold cache" not in section and "nothing changed" not in section
    assert (
        report.earlier_section(
            {"figures": {k: 1.0 for k in report.EARLIER_10K["figures"]} | {"build_mib": 1.0}}
        )
        == []
    )


def test_the_search_engine_goes_into_the_sites_own_search_options() -> None:
    from bench.search_bytes import with_search_engine

    plugin = "  - explainer:\n      content_dir: content\n      report_url: x\n"
    with_synonyms = plugin + "      search:\n        synonyms:\n          - [image, picture]\n"
    # A second `search:` key would replace the first: the engine joins the one there is.
    assert with_search_engine(with_synonyms, "pagefind") == (
        plugin + "      search:\n        engine: pagefind\n        synonyms:\n          - [image, picture]\n"
    )
    assert with_search_engine(plugin, "lunr") == plugin.replace(
        "content\n", "content\n      search:\n        engine: lunr\n"
    )


def test_each_engines_index_and_worker_scripts_are_counted_as_what_they_are() -> None:
    from bench.search_bytes import _is_worker, by_kind

    fetched = [
        {"path": "/search/explainer.json", "bytes": 5},
        {"path": "/search/search_index.json", "bytes": 7},
        {"path": "/pagefind/index/en_1.pf_index", "bytes": 11},
        {"path": "/pagefind/pagefind.js", "bytes": 13},
        {"path": "/sitemap.xml", "bytes": 17},
    ]
    assert by_kind(fetched) == {
        "explainer index": 5,
        "lunr index": 7,
        "pagefind index chunks": 11,
        "pagefind start": 13,
        "other": 17,
    }
    # Loaded with every page, before the reader opens search: reported apart from the query's bytes.
    workers = [
        "/assets/explainer/search-index-worker.js",
        "/assets/explainer/search-rank.js",
        "/assets/explainer/search-words.js",
        "/assets/explainer/search-worker.js",
        "/assets/javascripts/workers/search.f8cc74c7.min.js",
    ]
    assert all(_is_worker(path) for path in workers)
    assert not _is_worker("/assets/explainer/faq-search.js")


def test_the_search_worker_section_gives_each_workload_its_ratio_and_time_per_query() -> None:
    def run(queries: int, median_s: float, per_query_ms: float, ratio: float | None = None) -> dict[str, Any]:
        figures: dict[str, Any] = {"queries": queries, "median_s": median_s, "per_query_ms": per_query_ms}
        return figures | ({"ratio": ratio} if ratio is not None else {})

    data = {
        "measured": "2026-12-03T09:00:00+00:00",
        "rounds": 3,
        "baseline": {"ref": "HEAD", "commit": "41b527a0000"},
        "figures": {
            "baseline": {"queries": run(529, 30.0, 55.0), "typing": run(1278, 48.0, 37.0)},
            "current": {"queries": run(529, 24.0, 44.0, 0.8), "typing": run(1278, 20.0, 15.0, 0.417)},
        },
    }
    text = "\n".join(report.search_worker_section(data))
    assert "HEAD (41b527a)" in text and "median of 3 rounds" in text
    rows = [
        line for line in text.splitlines() if line.startswith("| every") or line.startswith("| queries typed")
    ]
    assert len(rows) == 2
    assert "(529)" in rows[0] and "×0.80" in rows[0] and "55" in rows[0] and "44" in rows[0]
    assert "(1,278)" in rows[1] and "×0.42" in rows[1]


def test_the_search_worker_bench_types_queries_a_letter_at_a_time_and_compares_committed_scripts(
    tmp_path: Path,
) -> None:
    from bench.search_worker import SCRIPTS, TYPED, committed_scripts, workloads

    queries = [f"query {n}" for n in range(TYPED + 5)]
    loads = workloads(queries)
    assert loads["setup"] == [] and loads["queries"] == queries
    assert loads["typing"][:7] == ["q", "qu", "que", "quer", "query", "query ", "query 0"]
    assert len(loads["typing"]) == sum(len(q) for q in queries[:TYPED])
    commit = committed_scripts("HEAD", tmp_path)
    assert len(commit) == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCRIPTS)
