"""The preview's timings: start, first page, an edit seen in the browser, an error page, recovery.

    python -m bench.serve                   # the real site and a 1,000-entity corpus, 5 runs each
    python -m bench.serve --sizes 1000 --runs 3 --no-real

Each run starts `explainer serve` on a free port in a copy of the project and measures, from the
outside as a browser would (plain HTTP requests, polling every 50 ms):

- start: from launching the process to the home page being served;
- first page: one FAQ question's page, rendered on first request;
- edit: from saving a changed FAQ file to that page being served with the change;
- error: from saving a broken FAQ file to the page showing the content error;
- recovery: from saving the fixed file to the page being served normally again;
- log lines: what the preview printed for the edit (one line per rebuild is the goal).

Figures are medians over the runs. Results go to bench/serve.json, with the date, the command and
the machine (CPU count, load average at the start).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from bench import corpus as corpus_module
from bench.processes import child_env, machine

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "serve.json"
EXPLAINER = REPO / ".venv" / "bin" / "explainer"
ENV = child_env(EXPLAINER_TODAY="2026-12-01")
POLL = 0.05
TIMEOUT = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def until(condition: Callable[[], bool]) -> float:
    """Seconds until `condition()` holds, polling; fails after TIMEOUT."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > TIMEOUT:
            raise TimeoutError("the preview did not get there")
        time.sleep(POLL)
    return time.perf_counter() - start


def one_run(project: Path, faq_id: str) -> dict[str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}faq/{faq_id}/"
    path = project / "content" / "faq" / f"{faq_id}.yaml"
    original = path.read_text(encoding="utf-8")
    with tempfile.TemporaryFile("w+") as log_file:
        return _measured(project, path, page, base, port, original, log_file)


def _measured(
    project: Path, path: Path, page: str, base: str, port: int, original: str, log_file: Any
) -> dict[str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(EXPLAINER), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stdout=log_file, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        until(lambda: fetch(base) is not None)
        start = time.perf_counter() - started
        before = time.perf_counter()
        first = fetch(page)
        first_page = time.perf_counter() - before
        assert first is not None and "The content has" not in first
        marker = f"Edited for the benchmark at {time.time_ns()}"
        log_file.seek(0, os.SEEK_END)
        lines_before = _lines(log_file)
        entry = yaml.safe_load(original)
        entry["answer"] = f"{marker}. {entry['answer']}"
        path.write_text(corpus_module.dump(entry), encoding="utf-8")
        edit = until(lambda: marker in (fetch(page) or ""))
        edit_lines = _lines(log_file) - lines_before
        path.write_text(original + "answer: [unclosed\n", encoding="utf-8")
        error = until(lambda: "The content has" in (fetch(page) or ""))
        path.write_text(original, encoding="utf-8")
        recovery = until(lambda: "The content has" not in (fetch(page) or "The content has"))
        return {"start": start, "first_page": first_page, "edit": edit, "error": error,
                "recovery": recovery, "log_lines_per_edit": float(edit_lines)}  # fmt: skip
    finally:
        path.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)


def _lines(stream: Any) -> int:
    stream.seek(0)
    return sum(1 for _ in stream)


def measure(name: str, project: Path, faq_id: str, runs: int) -> dict[str, Any]:
    print(f"[serve] {name}: warm-up", file=sys.stderr, flush=True)
    one_run(project, faq_id)
    samples = []
    for index in range(runs):
        samples.append(one_run(project, faq_id))
        print(f"[serve] {name}: run {index + 1}: {samples[-1]}", file=sys.stderr, flush=True)
    medians = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    return {"name": name, "runs": runs, "median": medians, "samples": samples}


def real_project(work: Path) -> tuple[Path, str]:
    project = work / "real"
    project.mkdir()
    for item in ("mkdocs.yml", "docs", "content"):
        source = REPO / item
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / item)
    return project, "what-is-rag"


def corpus_project(work: Path, n: int) -> tuple[Path, str]:
    project = work / f"n{n}"
    corpus = corpus_module.generate(project, n)
    return project, corpus.faq_ids[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="corpus sizes, comma-separated (default 1000)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    args = parser.parse_args(argv)
    facts = machine()  # the load average at the start is one of the facts
    measured = datetime.now(UTC).isoformat(timespec="seconds")
    results = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-serve-") as scratch:
        work = Path(scratch)
        if not args.no_real:
            results.append(measure("real site", *real_project(work), args.runs))
        for n in (int(size) for size in args.sizes.split(",") if size):
            results.append(measure(f"N = {n:,}", *corpus_project(work, n), args.runs))
    command = " ".join([".venv/bin/python -m bench.serve", *(argv if argv is not None else sys.argv[1:])])
    record = {"measured": measured, "command": command, "machine": facts, "serve": results}
    RESULTS.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    for result in results:
        figures = ", ".join(f"{k} {v:.2f}" for k, v in result["median"].items())
        print(f"{result['name']}: {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
