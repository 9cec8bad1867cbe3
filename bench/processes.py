"""Run one benchmark child process and read what it cost: wall time, CPU time and peak memory.

Wall time runs from starting the child to reaping it (interpreter start-up and imports included).
CPU time (user + system) and peak resident memory come from the rusage that `os.wait4` returns for
that one child: Linux's ru_maxrss, the figure /usr/bin/time prints as "Maximum resident set size".
Deltas of getrusage(RUSAGE_CHILDREN) cannot give it: ru_maxrss is a maximum over all children, not a
sum. CPU time hardly moves when other work shares the machine; wall time does, so both are kept.
bench/run.py, bench/engines.py and bench/search_bytes.py time their children here.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sample:
    wall_s: float
    cpu_s: float  # user + system time of the child
    peak_mib: float


class CommandFailed(RuntimeError):
    pass


# The day the benchmarks built from the first site's content pin EXPLAINER_TODAY to, at the earliest.
PINNED_TODAY = "2026-12-01"
_REVIEWED = re.compile(r"^reviewed:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def content_today(content: Path) -> str:
    """The day to pin EXPLAINER_TODAY to for a site's own content: its latest review date, and never
    before PINNED_TODAY. The same content then gives the same pages on any day, and an entry reviewed
    after a benchmark was written is not a review "in the future" (E506) that stops its build."""
    files = sorted(content.rglob("*.y*ml"))
    return max([PINNED_TODAY, *(m.group(1) for p in files for m in _REVIEWED.finditer(p.read_text("utf-8")))])


def child_env(**extra: str) -> dict[str, str]:
    """The environment children run in: this one, with `extra`, and with Python's bytecode cache
    allowed. A shell or CI job that sets PYTHONDONTWRITEBYTECODE (scripts/test does, to keep the
    tree clean) would otherwise make every timed run compile the tool and its libraries again,
    which no contributor's machine does; the warm-up run writes the cache."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(command: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run `command` to completion; its wall time, CPU time and peak RSS (that child alone, os.wait4)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=out, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            out.seek(0)
            detail = out.read().decode(errors="replace")[-3000:]
            raise CommandFailed(f"{' '.join(command)} (in {cwd}) exited with {code}:\n{detail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # Linux: KiB


def medians(samples: list[Sample]) -> dict[str, float]:
    """The median of each figure over the runs."""
    names = ("wall_s", "cpu_s", "peak_mib")
    return {name: statistics.median(getattr(sample, name) for sample in samples) for name in names}


def logger(name: str) -> Callable[[str], None]:
    """A function that prints a timestamped progress line to stderr."""

    def log(message: str) -> None:
        print(f"[{name} {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    return log


def machine() -> dict[str, Any]:
    """What the figures were measured on, with the load average (1, 5, 15 min) when this was called."""
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average_at_start": list(os.getloadavg()),
        "speed_probe_s_at_start": round(speed_probe(), 4),
    }


def speed_probe() -> float:
    """Seconds a fixed pure-Python workload takes now (the median of three): how fast the machine is
    at this moment. On a shared virtual machine this moves by a third from one quarter of an hour
    to the next while the load average does not, and every timing moves with it, so the figures
    carry the probe from the start and the end of their run."""

    def work() -> None:
        sum(len(str(number * number)) for number in range(1_000_000))

    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def source_tree() -> dict[str, Any]:
    """Which explainer was measured: the repository's commit, and whether src/ had local changes."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "--short", "HEAD") or None,
        "uncommitted_changes": bool(git("status", "--porcelain")),
        "working_tree_src_modified": bool(git("status", "--porcelain", "--", "src")),
    }
