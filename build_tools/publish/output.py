"""Writing the site so that readers never see half of it.

The build writes into a fresh folder beside the target, and the target is swapped
for it only when the build has completed; a build that fails or is interrupted
(Ctrl-C, SIGTERM) removes its folder and leaves the previous site as it was.
A build killed outright (SIGKILL, power loss) leaves its folder behind: the next
build removes it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
