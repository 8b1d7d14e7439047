"""Writing the site so that readers never see half of it.

The build writes into a fresh folder beside the target, and the target is swapped
for it only when the build has completed; a build that fails or is interrupted
(Ctrl-C, SIGTERM) removes its folder and leaves the previous site as it was, a full
disk included. A build killed outright (SIGKILL, power loss) leaves its folder
behind: the next build removes it.

One build at a time writes a site: ``build_lock`` holds a lock on a file beside it
(``.site.lock``) for as long as the build runs, and removes the file when done. The
operating system releases the lock when the process ends, however it ends, so a
killed build cannot leave the site locked; its file then still names that build, and
the next one says so.
"""

from __future__ import annotations

import datetime
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


class SiteLocked(Exception):
    """Another build is writing the same site."""


def describe_os_error(error: OSError) -> str:
    """What went wrong writing or reading a file, in words an editor can act on."""
    file = error.filename2 or error.filename  # a copy names its source first, its target second
    where = f" (writing {file})" if file else ""
    if error.errno in _DISK_FULL:
        return f"the disk is full{where}: free some space, then build again"
    return f"{error.strerror or error}{where}"


@contextmanager
def build_lock(target: Path) -> Iterator[str | None]:
    """Held while ``target`` is built; yields what a killed build left in the lock file, if any.

    Raises ``SiteLocked`` at once when another build holds it: two builds never interleave.
    """
    path = target.parent / f".{target.name}.lock"
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = _locked(path)
    try:
        lock.seek(0)
        left_by_killed_build = lock.read().strip() or None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}, started {datetime.datetime.now().isoformat(timespec='seconds')}")
        lock.flush()
        yield left_by_killed_build
    finally:
        path.unlink(missing_ok=True)  # while still held: the next build creates a new file
        lock.close()


def _locked(path: Path) -> TextIO:
    """The lock file at ``path``, opened and locked by this process."""
    while True:
        lock = open(path, "a+", encoding="utf-8")  # noqa: SIM115  # closed by build_lock
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "starting"
            lock.close()
            raise SiteLocked(f"another briefing build ({holder}) is writing {path.parent / path.name[1:-5]}: "
                             "wait for it to finish, or stop it") from None
        if path.exists() and path.stat().st_ino == os.fstat(lock.fileno()).st_ino:
            return lock
        lock.close()  # removed by the build that held it, between our opening and locking: again


def _prefixes(target: Path) -> tuple[str, str]:
    return f".{target.name}.building-", f".{target.name}.previous-"


def _remove_leftovers(target: Path) -> None:
    building, previous = _prefixes(target)
    for leftover in target.parent.glob(f"{building}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in target.parent.glob(f"{previous}*"):
        if target.exists():
            shutil.rmtree(leftover, ignore_errors=True)
        else:  # killed between the two renames of a swap: the old site comes back
            leftover.rename(target)


@contextmanager
def replaced_on_success(target: Path) -> Iterator[Path]:
    """A new, empty folder to write into, which becomes ``target`` if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    building, previous = _prefixes(target)
    staging = Path(tempfile.mkdtemp(prefix=building, dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; a web server must read the site
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f"{previous}{staging.name.removeprefix(building)}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
