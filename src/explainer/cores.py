"""Work split across the machine's cores: forked workers, so each inherits what the parent built.

A check parses Markdown fields and runs per-entry rules over thousands of independent items. The
workers are forked, so the function and everything it reads (the corpus, the parser, its memo)
come with them as the parent has them; only item numbers go out and results come back.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")

_WORK: Callable[[range], Any] | None = None  # the parent's function, inherited by forked workers


def on_all_cores(work: Callable[[int], R], count: int, *, minimum: int) -> list[R]:
    """[work(0), …, work(count - 1)], on every usable core when there are at least `minimum`
    items (below that, starting workers costs more than it saves)."""
    done = in_chunks(lambda indices: [work(index) for index in indices], count, minimum=minimum)
    return [result for chunk in done for result in chunk]


def in_chunks(work: Callable[[range], R], count: int, *, minimum: int) -> list[R]:
    """`work` over consecutive ranges that together cover range(count), in order: a few ranges per
    core when there are at least `minimum` items, else the one range, here. A worker can then
    hand back one result per range (a single pickle of what all its items found, say)."""
    if not parallel_pays(count, minimum=minimum):
        return [work(range(count))]
    workers = usable_cores()
    # Imported here: a repeat check of a large corpus never forks, and saves their import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORK
    _WORK = work
    # A few chunks per worker even out items of very different sizes.
    size = max(1, count // (workers * 4))
    chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_chunk, chunks))
    finally:
        _WORK = None


def parallel_pays(count: int, *, minimum: int) -> bool:
    """Whether `on_all_cores` and `in_chunks` would start workers for `count` items."""
    # Forking copies the parent as it is; with other threads running (the preview's server) a lock
    # one of them holds would stay held in the child, so only a single-threaded parent forks.
    return usable_cores() >= 2 and count >= minimum and threading.active_count() == 1


def _run_chunk(indices: range) -> Any:
    assert _WORK is not None
    return _WORK(indices)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
