"""What ``briefing build`` leaves on disk: all of a new site or the old one, identical
from one build to the next, and no link that leads nowhere."""

from __future__ import annotations

import datetime
import errno
import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from conftest import REPO, Project, write_minimal_article
from corpus import write_corpus
from mkdocs import utils as mkdocs_utils

from build_tools.cli import main

PROJECT_PARTS = ("content", "site_config", "overrides", "mkdocs.yml")


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_sample(to: Path) -> Path:
    to.mkdir(parents=True)
    for part in PROJECT_PARTS:
        copy = shutil.copytree if (REPO / part).is_dir() else shutil.copy
        copy(REPO / part, to / part)
    return to


def build(root: Path, *args: str) -> int:
    return main(["build", "--root", str(root), "--site-dir", str(root / "out"), *args])


def leftovers(root: Path) -> list[str]:
    """The folders a build writes beside the site while it runs (its lock file stays)."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".out.") and p.is_dir())


@pytest.fixture
def built(project: Project) -> Project:
    write_minimal_article(project)
    assert build(project.root) == 0
    return project


def test_a_failed_build_leaves_the_previous_site_untouched(built: Project, capsys) -> None:
    before = tree(built.root / "out")
    (built.root / "overrides/briefing/article.html").write_text("{% if %}", encoding="utf-8")
    assert build(built.root) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"briefing: error: the site was not built, {built.root / 'out'} is unchanged: "
        f"{built.root / 'overrides/briefing/article.html'}:1: template error: "
        "Expected an expression, got 'end of statement block'")
    assert tree(built.root / "out") == before
    assert leftovers(built.root) == []


def _build_process(root: Path) -> subprocess.Popen:
    """``briefing build`` in a session of its own, so that all its processes can be killed."""
    return subprocess.Popen([sys.executable, "-m", "build_tools.cli", "build", "--root", str(root),
                             "--site-dir", str(root / "out")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=REPO, start_new_session=True)


def _wait_for_staging(root: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not leftovers(root):
        assert process.poll() is None and time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.005)


def test_an_interrupted_build_leaves_the_previous_site_untouched(built: Project) -> None:
    before = tree(built.root / "out")
    process = _build_process(built.root)
    _wait_for_staging(built.root, process)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert b"Traceback" not in process.stderr.read()
    assert tree(built.root / "out") == before
    assert leftovers(built.root) == []


def test_a_killed_build_is_cleaned_up_by_the_next(built: Project, capsys) -> None:
    before = tree(built.root / "out")
    process = _build_process(built.root)
    _wait_for_staging(built.root, process)
    os.killpg(process.pid, signal.SIGKILL)  # every process of the build at once, as a power cut
    process.wait(timeout=60)
    assert tree(built.root / "out") == before
    assert leftovers(built.root) != []
    capsys.readouterr()
    assert build(built.root) == 0
    assert leftovers(built.root) == []
    assert capsys.readouterr().err.startswith(f"briefing: the build of {built.root / 'out'} by pid {process.pid}, "
                                              "started ")


def test_a_second_build_of_the_same_site_refuses_while_the_first_runs(built: Project, capsys) -> None:
    process = _build_process(built.root)
    _wait_for_staging(built.root, process)
    capsys.readouterr()
    assert build(built.root) == 1
    message = capsys.readouterr().err
    assert message.startswith(f"briefing: error: the site was not built, {built.root / 'out'} is unchanged: "
                              f"another briefing build (pid {process.pid}, started ")
    assert message.endswith(f") is writing {built.root / 'out'}: wait for it to finish, or stop it\n")
    assert process.wait(timeout=120) == 0
    assert build(built.root) == 0  # free again once the first has finished


def _disk_fills_after(writes: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of a page by MkDocs after the first ``writes`` fails as on a full disk;
    the build's rendering processes are forked, so they inherit it."""
    written = 0
    write_file = mkdocs_utils.write_file

    def full(content: bytes, output_path: str) -> None:
        nonlocal written
        written += 1
        if written > writes:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
        write_file(content, output_path)

    monkeypatch.setattr(mkdocs_utils, "write_file", full)


def test_a_full_disk_gives_a_clear_error_and_leaves_the_site_and_no_folder(built: Project, capsys,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(built.root / "out")
    _disk_fills_after(3, monkeypatch)
    capsys.readouterr()
    assert build(built.root, "--no-cache") == 1  # every page written again, not linked from the last build
    message = capsys.readouterr().err.splitlines()[-1]
    assert message.startswith(f"briefing: error: the site was not built, {built.root / 'out'} is unchanged: "
                              "the disk is full (writing ")
    assert message.endswith("): free some space, then build again")
    assert tree(built.root / "out") == before
    assert leftovers(built.root) == []


def test_a_really_full_disk_too(tmp_path: Path, capsys) -> None:
    """On a small tmpfs (root only): the disk fills during the second build."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        root = copy_sample(disk / "sample")
        assert build(root) == 0
        before = tree(root / "out")
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * (free - 1_000_000))  # a megabyte left: not enough for a site
        capsys.readouterr()
        assert build(root) == 1
        message = capsys.readouterr().err
        # The file is named when the disk fills as one is opened, not when it fills during a write.
        assert "the disk is full" in message or "No space left on device" in message, message
        assert tree(root / "out") == before
        assert leftovers(root) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_two_builds_in_different_folders_days_and_time_zones_are_byte_identical(tmp_path: Path,
                                                                                monkeypatch) -> None:
    """Days apart and on either side of the date line: nothing in the site comes from the clock."""
    first, second = copy_sample(tmp_path / "one"), copy_sample(tmp_path / "elsewhere/two")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC), tick=False):
        assert build(first) == 0
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: already the next day there
    time.tzset()
    try:
        with time_machine.travel(datetime.datetime(2026, 7, 15, 2, 0, tzinfo=datetime.UTC), tick=False):
            assert build(second) == 0
    finally:
        monkeypatch.undo()
        time.tzset()
    assert tree(first / "out") == tree(second / "out")


def test_a_build_killed_between_its_two_renames_gets_the_old_site_back(built: Project) -> None:
    """A swap is two renames: the old site aside, the new one in. Killed between them, the
    site is only beside itself; the next build puts it back, even if that build fails."""
    before = tree(built.root / "out")
    (built.root / "out").rename(built.root / ".out.previous-x1")
    (built.root / "overrides/briefing/article.html").write_text("{% if %}", encoding="utf-8")
    assert build(built.root) == 1
    assert tree(built.root / "out") == before
    assert leftovers(built.root) == []


def _gzip_mtime(path: Path) -> int:
    with gzip.open(path) as archive:
        archive.read()
        return archive.mtime


def test_dates_in_the_output_come_from_the_content_or_source_date_epoch(built: Project, monkeypatch) -> None:
    newest_article = 1502064000  # 2017-08-07, the article's date
    assert _gzip_mtime(built.root / "out/sitemap.xml.gz") == newest_article
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build(built.root) == 0
    assert _gzip_mtime(built.root / "out/sitemap.xml.gz") == 1700000000


def test_check_links_passes_the_sample_site(tmp_path: Path) -> None:
    assert build(copy_sample(tmp_path / "sample"), "--check-links") == 0


@pytest.mark.slow
def test_check_links_passes_a_synthetic_site_of_hundreds_of_articles(tmp_path: Path) -> None:
    write_corpus(tmp_path, articles=300)
    assert build(tmp_path, "--check-links") == 0


@pytest.mark.parametrize(("link", "reason"), [
    ("../nowhere/", "no such page or file"),
    ("#no-such-heading", "no element with id 'no-such-heading' on that page"),
    ("../../actors/#missing", "no element with id 'missing' on that page"),
])
def test_check_links_stops_on_a_broken_link_and_keeps_the_old_site(built: Project, capsys, link: str,
                                                                   reason: str) -> None:
    before = tree(built.root / "out")
    write_minimal_article(built, en=f"---\ntitle: A rift\n---\nThe SDF and the Coalition [disagree]({link}).\n")
    assert build(built.root, "--check-links") == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"briefing: error: the site was not built, {built.root / 'out'} is unchanged: "
        f"/en/articles/2017-08-07-a/: broken link '{link}': {reason}")
    assert tree(built.root / "out") == before
