"""One function over many items in forked processes, results in the items' order.

Reading and checking thousands of articles is pure Python, one core's work; each
article is independent of the others once the registries are loaded, so the articles
are shared out to one process per core. The processes are forked: they inherit the
function and whatever it reads (the registries, the schemas) without pickling; only
the results come back.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Any

SHARES_PER_WORKER = 16
"""Several shares per worker even out their pace, and let a progress bar move."""

_task: Callable[[Any], Any] | None = None
"""The function being mapped, set before the pool forks so that workers inherit it."""


def process_count() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_in_processes(function: Callable[[Any], Any], items: Sequence[Any], min_share: int,
                     on_done: Callable[[int], None] = lambda count: None) -> list[Any]:
    """``[function(item) for item in items]``, in parallel when there are at least two
    cores and ``min_share`` items for each (forking costs more than small shares save).
    ``on_done(count)`` is told as items are done, for a progress bar.

    Serial where forking is unsafe or unavailable: in a process running other threads
    (``mkdocs serve``) or without ``fork`` (Windows).
    """
    workers = min(process_count(), len(items) // max(1, min_share))
    if (workers < 2 or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return _in_this_process(function, items, on_done)
    global _task
    _task = function
    size = -(-len(items) // (workers * SHARES_PER_WORKER))
    shares = [items[start:start + size] for start in range(0, len(items), size)]
    gc.freeze()  # what exists now is shared with the workers: their collector leaves it alone
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # until each worker can die of it
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_die_on_sigterm)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    try:
        done: list[list[Any]] = [[] for _ in shares]
        for index, results in pool.imap_unordered(_run_share, enumerate(shares)):
            done[index] = results
            on_done(len(results))
        pool.close()  # each worker takes the end of the queue and exits on its own
        pool.join()
        return [result for share in done for result in share]
    finally:
        pool.terminate()  # on a failure or an interruption; after join, nothing is left to stop
        pool.join()
        _task = None
        gc.unfreeze()


def _die_on_sigterm() -> None:
    """A worker dies at once when the pool stops it.

    The handler it inherits (``briefing build`` unwinds on SIGTERM) runs only between
    bytecodes, so a worker about to wait on the pool's queue lock would miss it and wait
    forever, and the pool with it. And a SIGTERM that came before this line ran would be
    taken by that handler and then dropped (the handler is gone when Python reads the
    signal): the worker is forked with SIGTERM blocked, and unblocks it only now, so one
    sent meanwhile waits, then kills it. Found by a long property run, where a pool stopped
    right after its work was done hung the build on a worker still starting."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _in_this_process(function: Callable[[Any], Any], items: Sequence[Any],
                     on_done: Callable[[int], None]) -> list[Any]:
    results = []
    for item in items:
        results.append(function(item))
        on_done(1)
    return results


def _run_share(numbered_share: tuple[int, Sequence[Any]]) -> tuple[int, list[Any]]:
    assert _task is not None
    index, share = numbered_share
    return index, [_task(item) for item in share]
