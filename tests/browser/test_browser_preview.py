"""The preview as an editor uses it: ``mkdocs serve --dirty`` running, a page open in
Chromium, the content broken and then fixed, the server never restarted. The page
shows the problems once the content has errors, and the site again once they are fixed,
each time without the editor reloading it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browser_fixtures import screenshot
from conftest import Project, write_minimal_article

from build_tools.cli import main

SERVER_START_SECONDS = 120
"""The first build of a tiny project takes seconds; a loaded CI machine may need more."""
REBUILD_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture
def preview(project: Project) -> Iterator[str]:
    """The documented preview command, serving ``project`` at the address it yields."""
    write_minimal_article(project)
    port = _free_port()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen([str(mkdocs), "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project.root,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    address = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not _answers(address + "en/"):
            assert server.poll() is None, "mkdocs serve stopped"
            assert time.monotonic() < deadline, "mkdocs serve did not answer"
            time.sleep(0.5)
        yield address
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_the_preview_shows_the_problems_then_the_fixed_site_without_a_restart(
        project: Project, preview: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outbound: list[str] = []
    context.route("**/*", lambda route: (outbound.append(route.request.url), route.abort()))
    context.route(preview + "**", lambda route: route.continue_())
    page = context.new_page()
    page.goto(preview + "en/")
    assert page.locator("h1").first.inner_text() != ""
    assert page.locator("[data-problems]").count() == 0
    folder = "content/articles/2017/2017-08-07-a"
    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\nactors: [isil]\n")

    page.wait_for_selector("body[data-problems]", timeout=REBUILD_SECONDS * 1000)  # MkDocs's live reload
    problem = page.locator("li.error").first.inner_text()
    assert f"{folder}/meta.yml:3:10" in problem and "unknown actor 'isil' in actors[0]" in problem
    assert page.locator("html").get_attribute("dir") == "ltr"
    screenshot(page, "preview-problems-en-1280", full_page=False)
    arabic = context.new_page()
    arabic.set_viewport_size({"width": 375, "height": 800})
    arabic.goto(preview + "ar/")
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert "'isil' غير معروف" in arabic.locator("li.error").first.inner_text()
    screenshot(arabic, "preview-problems-ar-375", full_page=False)

    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\n")
    page.wait_for_selector("body:not([data-problems]) h1", timeout=REBUILD_SECONDS * 1000)  # the page's own poll
    assert page.locator("[data-problems]").count() == 0
    assert page.url == preview + "en/"
    assert "A rift" in page.content()
    arabic.wait_for_selector("body:not([data-problems]) h1", timeout=REBUILD_SECONDS * 1000)
    context.close()
    assert outbound == []


def test_a_new_article_during_the_preview_is_shown_as_a_draft_to_fill_in(
        project: Project, preview: str, browser, capsys: pytest.CaptureFixture) -> None:
    """``briefing new article`` leaves the title and the text empty: the preview shows the
    draft with what is left to fill in, not the problems page."""
    strings = {lang: yaml.safe_load((project.root / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
               for lang in ("ar", "en")}
    assert main(["new", "article", "--date", "2017-09-01", "--slug", "fresh", "--root", str(project.root)]) == 0
    capsys.readouterr()
    for lang, width in (("en", 1280), ("ar", 375)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        deadline = time.monotonic() + REBUILD_SECONDS
        while not _answers(f"{preview}{lang}/articles/2017-09-01-fresh/"):
            assert time.monotonic() < deadline, "the draft's page did not appear"
            time.sleep(0.5)
        page.goto(f"{preview}{lang}/articles/2017-09-01-fresh/")
        banner = page.locator("[data-briefing=to-fill]")
        assert strings[lang]["draft_to_fill"] in banner.inner_text()
        assert banner.locator("li").count() == 4  # a title and a text in each language
        assert page.locator("h1").first.inner_text() == strings[lang]["untitled_draft"]
        screenshot(page, f"preview-draft-{lang}-{width}", full_page=False)
        context.close()
