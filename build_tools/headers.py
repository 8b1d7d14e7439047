"""Security headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages).

The Content-Security-Policy lets pages run only the site's own scripts, plus the few
inline scripts Material writes into every page, each allowed by its SHA-256 hash;
Pagefind's WebAssembly needs ``'wasm-unsafe-eval'``; map tiles are the one outside
origin, taken from ``map_tiles.url``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html

HEADERS_FILE = "_headers"
_EXECUTABLE_TYPES = (None, "", "text/javascript", "module")


def inline_script_hashes(pages: Iterable[bytes]) -> list[str]:
    """The CSP source of every distinct inline script of ``pages``, sorted."""
    hashes = set()
    for page in pages:
        for script in lxml_html.fromstring(page).iter("script"):
            if script.get("src") is None and script.get("type") in _EXECUTABLE_TYPES:
                digest = hashlib.sha256((script.text or "").encode("utf-8")).digest()
                hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


def tile_origin(tile_url: str) -> str:
    """``https://{s}.tile.example.org/{z}/{x}/{y}.png`` → ``https://*.tile.example.org``."""
    parts = urlsplit(tile_url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(script_hashes: list[str], tile_url: str) -> str:
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *script_hashes]),
        "style-src 'self'",
        f"img-src 'self' data: {tile_origin(tile_url)}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers_file(site_dir: Path, tile_url: str) -> str:
    pages = (path.read_bytes() for path in sorted(site_dir.rglob("*.html")))
    csp = content_security_policy(inline_script_hashes(pages), tile_url)
    return (f"/*\n  Content-Security-Policy: {csp}\n  X-Content-Type-Options: nosniff\n"
            "  Referrer-Policy: strict-origin-when-cross-origin\n  X-Frame-Options: DENY\n")
