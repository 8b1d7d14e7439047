"""Chromium for the browser tests, and the built sample site served as a host would.

Chromium comes from the system (Debian's ``chromium``; ``.ci/run`` installs it), and the
accessibility checkers from npm (``npm ci``) with the machine's Java. Without them these
tests skip on a person's machine; under CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import REPO

from build_tools.publish.linkcheck import page_file

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "tests" / "artifacts"
TILES = yaml.safe_load((REPO / "site_config/site.yml").read_text(encoding="utf-8"))["map_tiles"]["url"].split("{")[0]
"""Where map tiles are fetched from (``map_tiles.url`` up to its first placeholder)."""
TILE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+M8AAAMBAQDJ/pLvAAAAAElFTkSuQmCC")
"""A one-pixel PNG: what the stub tile server answers."""


def require(available: bool, what: str, how: str) -> None:
    """Skips the test without ``what``, except under CI, where it must be there."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {what} is missing: .ci/run must {how}")
    pytest.skip(f"{what} is missing on this machine ({how})")


def read_headers_file(site: Path) -> dict[str, str]:
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:])


def csp_violations(page) -> list[str]:
    """Collects what Chromium reports as blocked by the Content-Security-Policy."""
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    return blocked


def wait_until(page, condition, timeout: float = 5.0) -> None:
    """Lets the page run (and its events arrive) until ``condition()`` holds, or fails after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the page"
        page.wait_for_timeout(20)


def screenshot(page, name: str, full_page: bool = True) -> None:
    """Into ``tests/artifacts/NAME.png``: the whole page, or only the screen (``full_page=False``)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


@pytest.fixture(scope="session")
def site_url() -> str:
    """The sample's own base URL: pages are requested there, as readers would."""
    return yaml.safe_load((REPO / "site_config/site.yml").read_text(encoding="utf-8"))["base_url"]


@pytest.fixture(scope="module")
def browser(sample_site: Path):
    """Chromium, for one test module: Playwright's event loop runs while it is open, and
    the build (Pagefind) cannot start its own meanwhile, so the site is built first."""
    require(CHROMIUM is not None, "chromium", "apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module", params=["header", "meta"])
def csp_delivery(request) -> str:
    """How pages get their Content-Security-Policy: from the ``_headers`` file, as Netlify or
    Cloudflare Pages serve it, or from each page's own ``<meta>`` only, as on GitHub Pages."""
    return request.param


def site_contexts(browser, site: Path, site_url: str, with_policy_header: bool = True):
    """A function making browser contexts in which ``site_url`` is answered from the built
    ``site``, with the headers of its ``_headers`` file (without the policy unless
    ``with_policy_header``: pages then have only their own meta)."""
    headers = read_headers_file(site)
    if not with_policy_header:
        del headers["Content-Security-Policy"]

    def serve(route) -> None:
        path = urlsplit(route.request.url).path.removeprefix(urlsplit(site_url).path)
        file = page_file(site, path)
        status = 200 if file.is_file() else 404
        file = file if file.is_file() else site / "404.html"
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=status, body=file.read_bytes(), headers={**headers, "content-type": content_type})

    def make(**options):
        """A context answering the site's address; map tiles come from a stub, and any other
        request leaves nothing but a record in ``context.outbound``: no test reaches the network."""
        context = browser.new_context(**options)
        context.outbound = []
        context.route("**/*", lambda route: (context.outbound.append(route.request.url), route.abort()))
        context.route(TILES + "**", lambda route: route.fulfill(status=200, body=TILE, content_type="image/png"))
        context.route(site_url + "**", serve)
        return context

    return make


@pytest.fixture(scope="module")
def new_context(browser, sample_site: Path, site_url: str, csp_delivery: str):
    """Browser contexts answering the sample site's address, its policy delivered as ``csp_delivery`` says."""
    return site_contexts(browser, sample_site, site_url, with_policy_header=csp_delivery == "header")


@pytest.fixture
def page(new_context):
    context = new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    blocked = csp_violations(page)
    yield page
    context.close()
    assert blocked == [], "the Content-Security-Policy blocked part of the page"
    assert context.outbound == [], "the page requested something outside the site"
