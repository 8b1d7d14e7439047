"""Progress of long commands: on a terminal, each stage with its bar and the time it
took; nothing of it in a pipe, in CI or with --quiet, which also leaves out the summary."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REPO, Project, write_minimal_article

from build_tools.messages import msg
from build_tools.progress import Stages

STAGES_OF_CHECK = ["Reading site_config and the registries", "Checking the articles"]
STAGES_OF_BUILD = [*STAGES_OF_CHECK, "Photos and documents", "Rendering the pages", "Indexing the search",
                   "Finishing the site: sitemap, headers, security policy"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_a_terminal(project: Project, *args: str, ci: bool = False) -> tuple[int, str, str]:
    """``briefing ARGS`` with its standard error on a pseudo-terminal (standard output
    piped, as a script or CI reads it): exit code, output, and what the terminal showed,
    without its escape codes, each line as it was last drawn."""
    controller, terminal = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment.update(COLUMNS="160", TERM="xterm", PYTHONIOENCODING="utf-8", **({"CI": "true"} if ci else {}))
    script = Path(sys.executable).with_name("briefing")
    process = subprocess.Popen([str(script), *args, "--root", str(project.root)], stdout=subprocess.PIPE,
                               stderr=terminal, env=environment, text=True)
    os.close(terminal)
    shown: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(controller, shown))
    reader.start()
    output, _ = process.communicate()
    reader.join()
    os.close(controller)
    screen = ANSI.sub("", b"".join(shown).decode("utf-8")).replace("\r\n", "\n")
    return process.returncode, output, "\n".join(line.split("\r")[-1] for line in screen.split("\n"))


def _read_all(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the terminal's other side is closed: the command has ended
            return
        if not chunk:
            return
        into.append(chunk)


def finished_stages(screen: str) -> list[tuple[str, str]]:
    """The stages the terminal shows done, in order, each with its count (or "")."""
    found = re.findall(r"^✓ (.+?) +━+ +(?:([\d,]+/[\d,]+) )?\d+\.\d s$", screen, re.MULTILINE)
    unique = list(dict.fromkeys(found))  # rich redraws the finished lines with the others
    return [(name, count) for name, count in unique]


def test_check_on_a_terminal_shows_each_stage_with_its_time(project: Project) -> None:
    write_minimal_article(project)
    write_minimal_article(project, slug="2017-08-08-b", meta="date: 2017-08-08\nstatus: published\n")
    code, output, screen = on_a_terminal(project, "check")
    assert (code, output) == (0, "0 errors, 0 warnings\n")
    assert finished_stages(screen) == [(STAGES_OF_CHECK[0], ""), (STAGES_OF_CHECK[1], "2/2")]


def test_build_on_a_terminal_counts_the_pages_it_renders(project: Project) -> None:
    write_minimal_article(project)
    code, output, screen = on_a_terminal(project, "build")
    assert code == 0 and output.startswith("0 errors, 0 warnings\nSite built in ")
    pages = sum(1 for page in (project.root / "site").rglob("index.html")
                if page.parent != project.root / "site" and "data-briefing" in page.read_text(encoding="utf-8"))
    assert finished_stages(screen) == [
        (STAGES_OF_BUILD[0], ""), (STAGES_OF_BUILD[1], "1/1"), (STAGES_OF_BUILD[2], ""),
        (STAGES_OF_BUILD[3], f"{pages}/{pages}"), *((name, "") for name in STAGES_OF_BUILD[4:])]


def test_stages_are_named_in_the_editors_language(project: Project) -> None:
    write_minimal_article(project)
    code, _, screen = on_a_terminal(project, "check", "--lang", "ar")
    catalog = (REPO / "build_tools/locale/ar/LC_MESSAGES/briefing.po").read_text(encoding="utf-8")
    arabic = re.search(r'msgid "Checking the articles"\nmsgstr "([^"]+)"', catalog)
    assert code == 0 and arabic is not None
    assert f"✓ {arabic.group(1)} " in screen


@pytest.mark.parametrize("args", [("check", "--quiet"), ("build", "--quiet")])
def test_nothing_of_it_with_quiet(project: Project, args: tuple[str, ...]) -> None:
    write_minimal_article(project)
    assert on_a_terminal(project, *args) == (0, "", "")


@pytest.mark.parametrize("command", ["check", "build"])
def test_nothing_of_it_in_ci(project: Project, command: str) -> None:
    write_minimal_article(project)
    code, _, screen = on_a_terminal(project, command, ci=True)
    assert (code, screen) == (0, "")


def test_nothing_of_it_in_a_pipe(project: Project) -> None:
    write_minimal_article(project)
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    result = subprocess.run([str(Path(sys.executable).with_name("briefing")), "check", "--root", str(project.root)],
                            capture_output=True, text=True, env=environment)
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 errors, 0 warnings\n", "")


def test_quiet_prints_only_the_problems(project: Project, capsys: pytest.CaptureFixture) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [isil]\n")
    code, lines = project.check(capsys, "--quiet")
    assert (code, lines) == (1, ["content/articles/2017/2017-08-07-a/meta.yml:3:10: error: unknown actor 'isil' "
                                 "in actors[0] [unknown-reference]"])


def test_stages_shown_start_no_thread(tmp_path: Path) -> None:
    """The articles are checked in forked processes only while no other thread runs (a
    fork keeps the locks a thread holds): a display redrawn by a thread of its own made
    check on a terminal twice as slow, on one core."""
    before = threading.active_count()
    with open(tmp_path / "screen", "w", encoding="utf-8") as screen, \
            Stages(shown=True, stream=screen) as stages, stages.stage(msg("Checking the articles"), 2) as stage:
        stage.advance()
        assert threading.active_count() == before
