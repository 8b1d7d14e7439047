"""After a build: every internal link, and every ``#anchor`` in one, must lead somewhere.

A link is internal when it is relative, starts with ``/`` or starts with the site's
base URL; other schemes and hosts are left to the reader's browser. Anchors are
checked against the ``id`` (and ``<a name>``) of the target page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html

_LINKING = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
            "iframe": "src", "source": "src"}
_NOT_FOLLOWED = ("mailto:", "tel:")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    """The page's URL path, e.g. ``/ar/actors/sdf/``."""
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: broken link '{self.link}': {self.reason}"


@dataclass
class _Page:
    ids: set[str]
    links: list[str]


def page_file(site: Path, url_path: str) -> Path:
    """The file a URL path (relative to the site's root) is served from."""
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def _read(path: Path) -> _Page:
    root = lxml_html.fromstring(path.read_bytes())
    ids = {value for element in root.iter() if (value := element.get("id"))}
    ids |= {value for a in root.iter("a") if (value := a.get("name"))}
    links = [value for tag, attribute in _LINKING.items()
             for element in root.iter(tag) if (value := element.get(attribute))]
    return _Page(ids, links)


def broken_links(site: Path, base_url: str) -> Iterator[BrokenLink]:
    """Every broken internal link of the built site in ``site``, page by page in path order."""
    base = urlsplit(base_url)
    pages: dict[Path, _Page] = {}

    def page(path: Path) -> _Page:
        if path not in pages:
            pages[path] = _read(path)
        return pages[path]

    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        url = "/" + relative.removesuffix("index.html")
        for link in page(html_file).links:
            if link.startswith(_NOT_FOLLOWED):
                continue
            target = urlsplit(urljoin(base.path + relative, link))
            if target.scheme not in ("", base.scheme) or target.netloc not in ("", base.netloc):
                continue
            if not target.path.startswith(base.path):
                yield BrokenLink(url, link, f"outside the site's base path {base.path}")
                continue
            file = page_file(site, target.path.removeprefix(base.path))
            if not file.is_file():
                yield BrokenLink(url, link, "no such page or file")
            elif target.fragment and file.suffix == ".html" and unquote(target.fragment) not in page(file).ids:
                yield BrokenLink(url, link, f"no element with id '{unquote(target.fragment)}' on that page")
