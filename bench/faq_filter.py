"""The FAQ filter's time per keystroke at 1,000 questions, in this machine's headless Chromium.

    python -m bench.faq_filter                         # builds both sites in a temporary folder
    python -m bench.faq_filter --data-site DIR --page-site DIR   # sites built already

Two sites, both the real content with its FAQ grown to N questions (tests/support/large_faq.py):
the default one, where a FAQ this large lists topics and the filter reads `data/faq.json` on the
first keystroke and shows links; and one told to keep every answer on the FAQ page
(`paging.faq_on_one_page_up_to: N`), where each keystroke moves and marks the question elements
themselves. Each query is typed one character at a time inside the page, and each keystroke's
filter pass is timed with performance.now() around `form.exFilter()`, then again after reading
`offsetHeight`, which makes the browser lay out the changed list inside the timed span (see
`keystroke_times` in bench/run.py, shared with `scripts/bench --faq-filter`).

Writes bench/faq_filter.json: median, 95th percentile and worst keystroke per site, against the
budget of 16 ms a keystroke. The figures are reported, not asserted: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.large_faq import large_faq_project  # noqa: E402
from tests.support.project import build  # noqa: E402

from bench.processes import content_today  # noqa: E402
from bench.run import KEYSTROKE_BUDGET_MS, faq_filter_figures  # noqa: E402

OUTPUT = REPO / "bench" / "faq_filter.json"
QUESTIONS = 1000
# What readers type (tests/search/queries.yaml has more): short and long, typos, "x vs y".
QUERIES = [
    "gan vs diffusion",
    "why does chatgpt make stuff up",
    "llm cheaper to run myself?",
    "RAG",
    "context window",
    "open weights vs open source",
    "halucinating llm",
    "how much energy does generative ai use",
    "prompt injection attack on an email assistant",
    "what is the difference between generative ai and large language models",
]


def build_site(folder: Path, questions: int, *, on_page: bool) -> Path:
    project = large_faq_project(folder / "project", questions)
    if on_page:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        paging = f"      content_dir: content\n      paging:\n        faq_on_one_page_up_to: {questions}"
        config.write_text(text.replace("      content_dir: content", paging, 1), encoding="utf-8")
    return build(project)


def measure(site: Path) -> dict[str, Any]:
    on_page = "data-ex-faq-data" not in (site / "faq/index.html").read_text(encoding="utf-8")
    figures = faq_filter_figures(site, QUERIES)
    figures["questions_on_the_page"] = on_page
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=QUESTIONS)
    parser.add_argument("--data-site", type=Path, help="a built site whose FAQ reads data/faq.json")
    parser.add_argument("--page-site", type=Path, help="a built site with every answer on the FAQ page")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    options = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("EXPLAINER_TODAY", content_today(REPO / "content"))
    with tempfile.TemporaryDirectory(prefix="explainer-faq-filter-") as scratch:
        folder = Path(scratch)
        sites = {
            "data_file": options.data_site or build_site(folder / "data", options.questions, on_page=False),
            "on_page": options.page_site or build_site(folder / "page", options.questions, on_page=True),
        }
        results = {name: measure(site) for name, site in sites.items()}
    report = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "load": os.getloadavg()},
        "questions": options.questions,
        "budget_ms": KEYSTROKE_BUDGET_MS,
        "sites": results,
    }
    options.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for name, figures in results.items():
        alone, laid = figures["filter"], figures["with_layout"]
        print(
            f"{name}: {figures['keystrokes']} keystrokes at {options.questions} questions; filter median "
            f"{alone['median_ms']:.1f} ms, p95 {alone['p95_ms']:.1f} ms; with layout median "
            f"{laid['median_ms']:.1f} ms, p95 {laid['p95_ms']:.1f} ms, worst {laid['max_ms']:.1f} ms "
            f"(budget {KEYSTROKE_BUDGET_MS:.0f} ms)"
        )
    print(f"written to {options.out.relative_to(REPO) if options.out.is_relative_to(REPO) else options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
