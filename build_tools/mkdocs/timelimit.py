"""A page that takes too long to render stops the build, naming the page.

``check`` refuses every kind of Markdown known to render in more than linear time
(``checks.bounds``); this is the second line: each step of rendering a page (its
Markdown, then its template) must end within ``page_time_limit`` seconds, or the
build fails on that page and the previous site stays in place. The limit is a real-
time alarm (SIGALRM), so it applies only in a process's main thread, where MkDocs
builds (under ``briefing build``, ``mkdocs build`` and ``mkdocs serve``).
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

from mkdocs.exceptions import PluginError


class PageTooSlow(PluginError):
    pass


class PageTimeLimit:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.page: str | None = None

    def start(self, page: str) -> None:
        """Starts timing one step of rendering ``page`` (a site path)."""
        self.page = page
        if self._usable():
            signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        if self._usable():
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _usable(self) -> bool:
        main_thread = threading.current_thread() is threading.main_thread()
        return self.seconds > 0 and hasattr(signal, "setitimer") and main_thread

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        raise PageTooSlow(f"{self.page}: rendering took more than {self.seconds:g} s (page_time_limit in mkdocs.yml)")
