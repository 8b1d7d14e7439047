"""How long an editor waits in a preview: ``mkdocs serve --dirty`` on the synthetic corpus.

    .venv/bin/python benchmarks/preview.py 5000

Writes the corpus of ``corpus.py`` (articles per language), starts the preview, waits
for its first build, then three times appends a paragraph to one Arabic article and
measures the time until the served page shows it (what the editor sees, the
live-reload server's own delay included).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path

from corpus import write_corpus

ADDRESS = "127.0.0.1:8765"
EDITS = 3


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes], log: Path) -> float:
    started = time.perf_counter()
    while not condition():
        if process.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')[-3000:]}")
        time.sleep(0.05)
    return time.perf_counter() - started


def _shows(text: str, slug: str) -> bool:
    return text in _page(slug)


def _page(slug: str) -> str:
    try:
        with urllib.request.urlopen(f"http://{ADDRESS}/ar/articles/{slug}/") as response:
            page: str = response.read().decode("utf-8")
            return page
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="articles per language")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_corpus(root, args.size)
        log = root / "serve.log"
        with log.open("w", encoding="utf-8") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", ADDRESS], cwd=root,
                stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            first = _wait_for(lambda: "Serving on" in log.read_text(encoding="utf-8"), process, log)
            print(f"{args.size:,} articles/lang: first build {first:.1f} s")
            texts = sorted(root.glob("content/articles/*/*/ar.md"))
            article = texts[len(texts) // 2]
            for edit in range(EDITS):
                marker = f"فقرة مضافة رقم {edit}"
                with article.open("a", encoding="utf-8") as text:
                    text.write(f"\n{marker}\n")
                seconds = _wait_for(partial(_shows, marker, article.parent.name), process, log)
                print(f"edit {edit + 1}: shown after {seconds:.1f} s")
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
