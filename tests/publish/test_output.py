"""Writing the site, in process: the swap that readers never see half of, what a killed
build leaves and the next one mends, one build at a time, and disk errors in words."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from build_tools.publish.output import SiteLocked, build_lock, describe_os_error, replaced_on_success


def _site(tmp_path: Path, text: str = "old") -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(text, encoding="utf-8")
    return site


def test_a_finished_build_replaces_the_site_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    site = _site(tmp_path)
    umask = os.umask(0o022)
    try:
        with replaced_on_success(site) as staging:
            assert staging.parent == tmp_path and staging.name.startswith(".site.building-")
            assert (staging.stat().st_mode & 0o777) == 0o755
            assert list(staging.iterdir()) == []
            (staging / "index.html").write_text("new", encoding="utf-8")
            assert (site / "index.html").read_text(encoding="utf-8") == "old"  # readers still see the old one
    finally:
        os.umask(umask)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_first_build_creates_the_site_and_its_parents(tmp_path: Path) -> None:
    site = tmp_path / "deep" / "site"
    with replaced_on_success(site) as staging:
        (staging / "a").write_text("a", encoding="utf-8")
    assert (site / "a").read_text(encoding="utf-8") == "a"
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]


@pytest.mark.parametrize("failure", [RuntimeError, KeyboardInterrupt])
def test_a_failed_build_leaves_the_old_site_and_removes_its_own_folder(tmp_path: Path,
                                                                      failure: type[BaseException]) -> None:
    site = _site(tmp_path)
    with pytest.raises(failure), replaced_on_success(site) as staging:
        (staging / "index.html").write_text("half", encoding="utf-8")
        raise failure()
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_what_a_killed_build_left_is_removed_and_a_half_swap_undone(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (tmp_path / ".site.building-x1").mkdir()
    (tmp_path / ".site.previous-x2").mkdir()
    with replaced_on_success(site) as staging:
        assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["site", staging.name])
        (staging / "index.html").write_text("new", encoding="utf-8")
    site_gone = tmp_path / "second"
    site_gone.mkdir()
    target = site_gone / "site"
    previous = site_gone / ".site.previous-x3"
    previous.mkdir()
    (previous / "index.html").write_text("the site before the crash", encoding="utf-8")
    with pytest.raises(RuntimeError), replaced_on_success(target):
        assert (target / "index.html").read_text(encoding="utf-8") == "the site before the crash"
        raise RuntimeError
    assert (target / "index.html").read_text(encoding="utf-8") == "the site before the crash"
    assert sorted(path.name for path in site_gone.iterdir()) == ["site"]


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_build(tmp_path: Path) -> None:
    """Leftovers are tidied on the way; one that is not a folder (so rmtree cannot remove it)
    is left where it is and the build goes on, into a folder of its own."""
    site = _site(tmp_path)
    strays = [tmp_path / ".site.building-x1", tmp_path / ".site.previous-x2"]
    for stray in strays:
        stray.write_text("not a folder", encoding="utf-8")
    with replaced_on_success(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert [stray.read_text(encoding="utf-8") for stray in strays] == ["not a folder"] * 2


def test_one_build_at_a_time_and_a_killed_one_is_named(tmp_path: Path) -> None:
    site = tmp_path / "site"
    lock_file = tmp_path / ".site.lock"
    with build_lock(site) as left:
        assert left is None
        held = lock_file.read_text(encoding="utf-8")
        assert re.fullmatch(rf"pid {os.getpid()}, started \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d", held)
        with pytest.raises(SiteLocked) as refused, build_lock(site):
            pass
        assert str(refused.value) == (f"another briefing build ({held}) is writing {site}: wait for it to finish, "
                                      "or stop it")
    assert not lock_file.exists()
    lock_file.write_text("pid 4242, started 2026-12-01T10:00:00", encoding="utf-8")  # a build killed outright
    with build_lock(site) as left:
        assert left == "pid 4242, started 2026-12-01T10:00:00"
        assert lock_file.read_text(encoding="utf-8").startswith(f"pid {os.getpid()}, ")
    assert not lock_file.exists()


def test_a_build_that_has_just_started_is_named_as_starting(tmp_path: Path) -> None:
    import fcntl

    site = tmp_path / "site"
    with open(tmp_path / ".site.lock", "a+", encoding="utf-8") as starting:  # locked, nothing written yet
        fcntl.flock(starting, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(SiteLocked) as refused, build_lock(site):
            pass
    assert str(refused.value) == f"another briefing build (starting) is writing {site}: wait for it to finish, " \
                                 "or stop it"


def test_a_lock_file_replaced_while_it_was_being_locked_is_opened_again(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The build that held the lock removes its file as it ends and the next one creates a new
    one: a lock taken on the removed file, between opening and locking, would let two builds in."""
    import fcntl

    lock_file, real_flock, replaced = tmp_path / ".site.lock", fcntl.flock, []

    def flock_after_the_holder_finished(lock: object, operation: int) -> None:
        if not replaced:  # the holder ends, another build creates the file anew
            lock_file.unlink()
            lock_file.write_text("pid 4343, started 2026-12-01T10:00:00", encoding="utf-8")
            replaced.append(True)
        real_flock(lock, operation)

    monkeypatch.setattr(fcntl, "flock", flock_after_the_holder_finished)
    with build_lock(tmp_path / "site") as left:
        assert left == "pid 4343, started 2026-12-01T10:00:00"  # read from the new file, the one locked
        assert lock_file.read_text(encoding="utf-8").startswith(f"pid {os.getpid()}, ")


@pytest.mark.parametrize("error, message", [
    (OSError(errno.ENOSPC, "No space left on device", "site/a.html"),
     "the disk is full (writing site/a.html): free some space, then build again"),
    (OSError(errno.EDQUOT, "Disk quota exceeded", "src.png", None, "site/b.png"),
     "the disk is full (writing site/b.png): free some space, then build again"),
    (OSError(errno.EACCES, "Permission denied", "site/c.html"), "Permission denied (writing site/c.html)"),
    (OSError(errno.ENOSPC, "No space left on device"), "the disk is full: free some space, then build again"),
    (OSError("no errno"), "no errno"),
])
def test_disk_errors_are_said_in_words_an_editor_can_act_on(error: OSError, message: str) -> None:
    assert describe_os_error(error) == message
