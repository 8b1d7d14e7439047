"""The documentation is a site (docs/mkdocs.yml, pages in docs/pages/) that builds with
MkDocs in strict mode, so that a link between its pages that leads nowhere, to a page or
to a heading, fails the suite; and the README stays what a newcomer reads first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

MKDOCS = Path(sys.executable).with_name("mkdocs")
README_MOST_LINES = 200


def test_the_documentation_builds_strictly(tmp_path: Path) -> None:
    site = tmp_path / "docs-site"
    result = subprocess.run(
        [str(MKDOCS), "build", "-f", str(REPO / "docs" / "mkdocs.yml"), "--strict", "--site-dir", str(site)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (site / "index.html").is_file()
    assert (site / "reference" / "check" / "index.html").is_file()
    arabic_guide = (site / "editors-guide.ar" / "index.html").read_text(encoding="utf-8")
    assert arabic_guide.count("<h2 ") >= 7 and "\n## " not in arabic_guide  # Markdown, not raw text


def test_the_readme_is_short() -> None:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MOST_LINES, len(lines)
