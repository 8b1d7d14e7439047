"""Reading a built site as a browser would: pages, their links, their language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "href" or (name == "src" and tag in ("script", "img"))):
                self.urls.append(value)


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def broken_links(site: Path, base_path: str = "/") -> list[tuple[str, str]]:
    """Every (page, link) whose target is not a file of the site; external links are skipped.

    ``base_path`` is the path of the site's base URL, which absolute links start with.
    """
    broken = []
    for html in sorted(site.rglob("*.html")):
        page_url = "/" + html.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for link in parser.urls:
            target = urlsplit(urljoin(page_url, link))
            if target.scheme or target.netloc or link.startswith(("mailto:", "#")):
                continue
            path = "/" + target.path.removeprefix(base_path) if target.path.startswith(base_path) else target.path
            if not page_file(site, path).is_file():
                broken.append((page_url, link))
    return broken
