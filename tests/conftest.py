"""Shared fixtures: a tiny project in a temporary folder with the real site_config."""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.messages import LOCALE_VARIABLES

REPO = Path(__file__).resolve().parent.parent
pytest_plugins = ["browser_fixtures"]


class Project:
    """A project folder built file by file by a test."""

    def __init__(self, root: Path, made: bool = False) -> None:
        """A new project at ``root`` with the repository's settings and no content; or the
        one already ``made`` there."""
        self.root = root
        if made:
            return
        shutil.copytree(REPO / "site_config", root / "site_config")
        shutil.copytree(REPO / "overrides", root / "overrides")
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        (root / "content").mkdir()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def fingerprint(self) -> dict[str, str]:
        """The hash of every file but the caches', to show that a command changed nothing."""
        return {str(p.relative_to(self.root)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.root.rglob("*")) if p.is_file() and ".briefing-cache" not in p.parts}

    def build(self, *args: str) -> Path:
        """Runs ``briefing build`` in-process into the project's ``site/``, which must succeed."""
        site = self.root / "site"
        assert main(["build", "--root", str(self.root), "--site-dir", str(site), "--quiet", *args]) == 0
        return site

    def check(self, capsys: pytest.CaptureFixture, *args: str) -> tuple[int, list[str]]:
        """Runs ``briefing check`` in-process: its exit code and the lines it printed."""
        code = main(["check", "--root", str(self.root), *args])
        return code, capsys.readouterr().out.splitlines()


BROWSER_FIXTURES = frozenset({"browser", "page", "new_context"})
"""Fixtures that start Chromium (``browser_fixtures``): a test using one is a ``browser`` test."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks each test by what it needs (``browser``: Chromium; ``property``: hypothesis
    tries many examples), so that ``-m "not browser and not slow"`` is a quick inner loop;
    ``slow`` is marked where a test builds many sites.

    Under mutmut, a mutant's tests run fastest first: mutmut passes the tests that cover a
    mutant in no particular order and stops at the first failure, and a unit test that
    kills the mutant in a millisecond would otherwise often wait behind minutes of site
    builds. Their times are those of mutmut's own stats run."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if getattr(getattr(item, "function", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
    durations = _mutmut_test_durations()
    if durations:
        items.sort(key=lambda item: durations.get(item.nodeid, math.inf))


def under_mutmut() -> bool:
    """Whether this session tests a mutant (mutmut names it; its stats run names none)."""
    return "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", "")


def _mutmut_test_durations() -> dict[str, float]:
    """Each test's time in mutmut's stats (read from its copy, the working folder of its
    runs), when a mutant is under test; otherwise nothing."""
    stats = Path("mutmut-stats.json")
    if not under_mutmut() or not stats.is_file():
        return {}
    durations: dict[str, float] = json.loads(stats.read_text(encoding="utf-8"))["duration_by_test"]
    return durations


@pytest.fixture(scope="session", autouse=True)
def mutants_leave_no_temporary_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Under mutmut, the session's temporary folders are removed as its tests end: mutmut
    ends each mutant's process with ``os._exit``, before pytest's own clean-up, and the
    folders of thousands of mutants filled the disk."""
    yield
    if under_mutmut():
        shutil.rmtree(tmp_path_factory.getbasetemp(), ignore_errors=True)


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tool's messages in English, whatever the locale of the machine running the
    tests: they choose their language from it (``messages.editor_language``)."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def build_project_site(tmp_path_factory: pytest.TempPathFactory, name: str,
                       write: Callable[[Project], object]) -> Path:
    """The site of a tiny project that ``write`` fills: a test module's own site, built once."""
    project = Project(tmp_path_factory.mktemp(f"{name}-project"))
    write(project)
    site = tmp_path_factory.mktemp(f"{name}-site")
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    return site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The shipped sample briefing, built once for every test that reads the site."""
    site = tmp_path_factory.mktemp("sample-site")
    assert main(["build", "--root", str(REPO), "--site-dir", str(site), "--no-cache"]) == 0
    return site


def write_minimal_article(project: Project, year: str = "2017", slug: str = "2017-08-07-a",
                          meta: str = "date: 2017-08-07\nstatus: published\n",
                          ar: str | None = "---\ntitle: خلافات بين التحالف وقسد\n---\n"
                                            "كشف مصدر كردي عن وجود خلافات بين قيادة قوات سوريا "
                                            "الديمقراطية والتحالف الدولي.\n",
                          en: str | None = "---\ntitle: A rift\n---\nA Kurdish source disclosed "
                                            "disagreements between the SDF and the Coalition.\n") -> str:
    folder = f"content/articles/{year}/{slug}"
    project.write(f"{folder}/meta.yml", meta)
    if ar is not None:
        project.write(f"{folder}/ar.md", ar)
    if en is not None:
        project.write(f"{folder}/en.md", en)
    return folder
