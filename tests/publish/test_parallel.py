"""Checking articles in parallel processes gives exactly what checking them one by one gives."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from corpus import write_corpus

from build_tools.diagnostics import Report
from build_tools.pipeline import load as pipeline
from build_tools.pipeline import parallel
from build_tools.pipeline.parallel import map_in_processes

ARTICLES = 2 * pipeline.ARTICLES_PER_PROCESS + 20


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A synthetic archive large enough to be shared out, with defects spread through it."""
    root = tmp_path_factory.mktemp("archive")
    write_corpus(root, ARTICLES)
    metas = sorted(root.glob("content/articles/*/*/meta.yml"))
    first, middle, last = metas[0], metas[ARTICLES // 2], metas[-1]
    first.write_text(first.read_text(encoding="utf-8").replace("actors: [", "actors: [a9999, "), encoding="utf-8")
    middle.write_text(middle.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")
    (last.parent / "en.md").write_text("---\ntitle: x\n---\n[a](javascript:alert(1))\n", encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def two_cores_at_least(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shares work out to processes even on a one-core machine, so these tests never skip."""
    cores = parallel.process_count()
    monkeypatch.setattr(parallel, "process_count", lambda: max(2, cores))


def _load(root: Path) -> tuple[str, dict]:
    report = Report()
    loaded = pipeline.load_briefing(root, report)
    return report.as_text(), loaded.briefing.articles


def _slow_pid(_: int) -> int:
    time.sleep(0.02)
    return os.getpid()


def test_items_are_shared_out_to_processes_and_come_back_in_order() -> None:
    assert len(set(map_in_processes(_slow_pid, range(8), min_share=1))) > 1, "one process: a thread left running?"
    assert map_in_processes(str, range(100), min_share=10) == [str(n) for n in range(100)]


def _sigterm_action(_: int) -> tuple[int, bool]:
    time.sleep(0.02)
    return os.getpid(), signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_workers_die_on_sigterm_whatever_handler_the_build_set() -> None:
    """A worker with the build's unwinding handler could miss the pool's SIGTERM and hang it."""
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        results = map_in_processes(_sigterm_action, range(8), min_share=1)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert len({pid for pid, _ in results}) > 1
    assert all(default for _, default in results)


@pytest.mark.slow
def test_parallel_and_serial_checks_agree(archive: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    checked_by = tmp_path / "pids"
    check_mentions = pipeline.check_mentions

    def recording_pid(*args) -> None:
        with checked_by.open("a") as pids:
            pids.write(f"{os.getpid()}\n")
        check_mentions(*args)

    monkeypatch.setattr(pipeline, "check_mentions", recording_pid)
    parallel_report, parallel_articles = _load(archive)
    assert len(set(checked_by.read_text().split())) > 1, "checked in one process: is a thread left running?"
    monkeypatch.setattr(pipeline, "ARTICLES_PER_PROCESS", 10 * ARTICLES)
    serial_report, serial_articles = _load(archive)
    assert parallel_report == serial_report
    assert parallel_articles == serial_articles
    assert list(parallel_articles) == list(serial_articles)
    assert "unknown actor 'a9999'" in parallel_report
    assert "duplicate key 'status'" in parallel_report
    assert "'javascript:' link is not allowed" in parallel_report
    assert len(parallel_articles) == ARTICLES
