"""The page the preview shows while content has errors, instead of a stale site.

Each problem is listed with its file:line and the lines around it, in the page's
language; the page asks the server for itself every second and reloads when the
answer changes, which it does once the content is fixed (the server then has the site
at that address) or has other problems.
"""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path

from ..diagnostics import Diagnostic, Report
from ..languages import direction, other_language
from ..messages import msg, said_in
from ..text.bidi import isolate_other_script

LINES_AROUND = 2
POLL_SCRIPT = """<script>
setInterval(async () => {
  const answer = await fetch(location.href, {cache: "no-store"}).then(r => r.text()).catch(() => null);
  if (answer !== null && !answer.includes('data-problems="%s"')) location.reload();
}, 1000);
</script>"""


def problems_page(report: Report, root: Path, lang: str, other_url: str) -> str:
    """The whole HTML page listing ``report``'s problems (files read from ``root``)."""
    listed = "".join(_item(d, root, lang) for d in report.sorted())
    version = hashlib.sha256(listed.encode()).hexdigest()[:12]
    title = msg("The content has errors: the preview shows the site again once they are fixed").said_in(lang)
    other = msg("This page in English") if lang == "ar" else msg("This page in Arabic")
    return (f'<!doctype html>\n<html lang="{lang}" dir="{direction(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head>\n"
            f'<body data-problems="{version}"><h1>{escape(title)}</h1>'
            f'<p><a href="{escape(other_url)}" hreflang="{other_language(lang)}">{escape(other.said_in(lang))}</a></p>'
            f"<p>{escape(report.summary(lang))}</p><ol>{listed}</ol>\n{POLL_SCRIPT % version}</body></html>\n")


def _item(diagnostic: Diagnostic, root: Path, lang: str) -> str:
    p = diagnostic.position
    code = f" <code>[{escape(diagnostic.code)}]</code>"
    return (f'<li class="{diagnostic.severity.value}"><code dir="ltr">{escape(str(p))}</code> '
            f"<strong>{escape(diagnostic.severity.said_in(lang))}</strong>: "
            f"<span>{isolate_other_script(escape(said_in(diagnostic.message, lang)), lang)}</span>{code}"
            f"{_excerpt(root / p.file, p.line)}</li>")


def _excerpt(path: Path, line: int) -> str:
    """The lines around ``line`` of the file, the line itself marked; nothing for a whole file."""
    if line < 1 or not path.is_file():
        return ""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    first, last = max(1, line - LINES_AROUND), min(len(lines), line + LINES_AROUND)
    shown = []
    for number in range(first, last + 1):
        mark = ' class="here"' if number == line else ""
        shown.append(f'<span{mark}>{number:>4} | {escape(lines[number - 1])}</span>')
    return f'<pre dir="ltr">{"".join(shown)}</pre>'


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
          "li{margin-bottom:1rem}li>code:first-child{display:block}"
          "li.error strong{color:#b00020}li.warning strong{color:#8a5a00}"
          "pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;unicode-bidi:plaintext}"
          "pre span{display:block}.here{background:#ffe08a}")
