"""Security headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages), and
the same Content-Security-Policy in each page, for hosts that set no headers (GitHub Pages).

The policy lets pages run only the site's own scripts, plus the few inline scripts
the templates write (Material's, ours), each allowed by its SHA-256 hash, and never a
script because a page holds it (``scripts.py`` finds those the templates write); Pagefind's
WebAssembly needs ``'wasm-unsafe-eval'``; map tiles are the one outside origin, taken
from ``map_tiles.url``. In a page, the policy is a ``<meta http-equiv>`` placed first in
``<head>``, before any script, with the hashes of that page's own scripts; browsers
ignore ``frame-ancestors`` there, so it is left out (framing is refused by the headers
file's ``frame-ancestors`` and ``X-Frame-Options`` only).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

HEADERS_FILE = "_headers"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
"""An executable inline script: Material writes them without attributes; data blocks
(JSON-LD, Material's configuration) carry a ``type`` and never run."""


_HEAD_START = re.compile(r"<head>\s*(?:<meta charset=\"utf-8\">)?")
"""Where the policy goes: after ``<meta charset>``, which must come first, and before any script."""


def inline_scripts(html: str) -> list[str]:
    return _INLINE_SCRIPT.findall(html)


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_ORIGIN = re.compile(r"https://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?")


class TileAddressError(ValueError):
    """A tile address whose host is not a plain one: it would write itself into the policy."""


def tile_origin(tile_url: str) -> str:
    """``https://{s}.tile.example.org/{z}/{x}/{y}.png`` → ``https://*.tile.example.org``.

    ``check`` holds ``map_tiles.url`` to that form (site.schema.json); the policy holds it
    again, as a space, a quote or a semicolon there would add a directive of its own."""
    parts = urlsplit(tile_url.replace("{s}", "*"))
    origin = f"{parts.scheme}://{parts.netloc}"
    if not _ORIGIN.fullmatch(origin):
        raise TileAddressError(f"map_tiles.url {tile_url!r} is not https:// and a plain host name")
    return origin


def content_security_policy(script_hashes: list[str], tile_url: str, *, in_page: bool = False) -> str:
    """The policy; ``in_page``: without what a ``<meta http-equiv>`` cannot carry."""
    framing = [] if in_page else ["frame-ancestors 'none'"]
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
        *framing,
    ])


def with_policy_meta(html: str, tile_url: str, scripts: Iterable[str] = ()) -> str:
    """``html`` with its Content-Security-Policy first in ``<head>``, allowing the inline
    ``scripts`` (those its templates write: never read from ``html`` itself)."""
    hashes = sorted({script_hash(script) for script in scripts})
    policy = content_security_policy(hashes, tile_url, in_page=True)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = _HEAD_START.search(html)
    if head is None:
        return html
    return f"{html[:head.end()]}{meta}{html[head.end():]}"


def headers_file(scripts: Iterable[str], tile_url: str) -> str:
    """The ``_headers`` file for a site whose pages hold the inline ``scripts``."""
    csp = content_security_policy(sorted({script_hash(script) for script in scripts}), tile_url)
    return (f"/*\n  Content-Security-Policy: {csp}\n  X-Content-Type-Options: nosniff\n"
            "  Referrer-Policy: strict-origin-when-cross-origin\n  X-Frame-Options: DENY\n")
