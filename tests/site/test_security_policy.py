"""The Content-Security-Policy, whole and exact: in ``_headers`` for hosts that read it, and in
a ``<meta http-equiv>`` first in every page for hosts that set no headers (GitHub Pages)."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from browser_fixtures import read_headers_file
from lxml import html as lxml_html

from build_tools.site.headers import content_security_policy, headers_file, script_hash, with_policy_meta

TILES = "https://tile.openstreetmap.org"
POLICY = {
    "default-src": ["'self'"], "script-src": ["'self'", "'wasm-unsafe-eval'"], "style-src": ["'self'"],
    "img-src": ["'self'", "data:", TILES], "connect-src": ["'self'"], "font-src": ["'self'"],
    "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"],
}
"""What every page may load, before the hashes of its inline scripts."""


def parsed(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for directive in policy.split(";"):
        name, *values = directive.split()
        assert name not in directives, f"{name} given twice"
        directives[name] = values
    return directives


def script_hashes(page: str) -> list[str]:
    """The SHA-256 of each executable inline script (no ``src``, no data ``type``)."""
    scripts = lxml_html.fromstring(page).xpath("//script[not(@src) and not(@type)]")
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.text.encode()).digest()).decode() + "'"
                   for s in scripts if s.text})


def test_headers_file_holds_the_whole_policy_and_the_other_headers(sample_site: Path) -> None:
    headers = read_headers_file(sample_site)
    every_script = sorted({h for page in sample_site.rglob("*.html")
                           for h in script_hashes(page.read_text(encoding="utf-8"))})
    assert len(every_script) >= 3
    expected = {**POLICY, "script-src": [*POLICY["script-src"], *every_script], "frame-ancestors": ["'none'"]}
    assert parsed(headers.pop("Content-Security-Policy")) == expected
    assert headers == {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin",
                       "X-Frame-Options": "DENY"}


def test_every_page_carries_the_policy_for_its_own_scripts_before_any_script(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 60
    for path in pages:
        page = path.read_text(encoding="utf-8")
        head = lxml_html.fromstring(page).find("head")
        metas = head.xpath("meta[@http-equiv='Content-Security-Policy']")
        assert len(metas) == 1, path
        expected = {**POLICY, "script-src": [*POLICY["script-src"], *script_hashes(page)]}
        assert parsed(metas[0].get("content")) == expected, path
        first_script = page.find("<script")
        assert first_script == -1 or page.index("Content-Security-Policy") < first_script, path
        assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', page), path


def test_the_policy_directive_by_directive() -> None:
    hashes = ["'sha256-AAAA'", "'sha256-BBBB'"]
    tiles = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    expected = {**POLICY, "script-src": [*POLICY["script-src"], *hashes],
                "img-src": ["'self'", "data:", "https://*.tile.example.org"]}
    assert parsed(content_security_policy(hashes, tiles)) == {**expected, "frame-ancestors": ["'none'"]}
    assert parsed(content_security_policy(hashes, tiles, in_page=True)) == expected
    assert content_security_policy([], TILES + "/{z}/{x}/{y}.png").split("; ")[:2] == [
        "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"]


def test_a_script_is_allowed_by_the_hash_browsers_compute() -> None:
    """The SHA-256 of the script's UTF-8 bytes, base64 (the value browsers report in their console)."""
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert script_hash("قسد") == "'sha256-" + base64.b64encode(hashlib.sha256("قسد".encode()).digest()).decode() + "'"


def test_the_meta_tag_goes_right_after_the_charset_with_the_hashes_it_is_given_never_the_page_own() -> None:
    page = ('<html><head>\n  <meta charset="utf-8">\n  <title>x</title><script>a()</script>'
            '<script src="b.js"></script><script type="application/ld+json">{}</script></head></html>')
    policy = content_security_policy([script_hash("a()")], TILES, in_page=True)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    assert with_policy_meta(page, TILES, ["a()"]) == page.replace('<meta charset="utf-8">',
                                                                   f'<meta charset="utf-8">{meta}')
    unhashed = content_security_policy([], TILES, in_page=True)
    assert f'content="{unhashed}"' in with_policy_meta(page, TILES)
    assert with_policy_meta("<p>no head</p>", TILES) == "<p>no head</p>"


def test_the_headers_file() -> None:
    policy = content_security_policy(sorted([script_hash("a()"), script_hash("b()")]), TILES)
    assert headers_file(["b()", "a()", "a()"], TILES + "/{z}/{x}/{y}.png") == (
        f"/*\n  Content-Security-Policy: {policy}\n  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n  X-Frame-Options: DENY\n")
    assert sorted([script_hash("a()"), script_hash("b()")]) == sorted(re.findall(r"'sha256-[^']+'", policy))
