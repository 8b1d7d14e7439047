"""The HTML an article may carry, and the sanitizer that holds every rendered article to it.

One allowlist for two layers: ``checks.markdown`` reports, with its line, whatever an
article's Markdown source writes outside it; ``sanitize`` removes from the rendered
article whatever the check could have missed.
"""

from __future__ import annotations

import nh3

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "lang", "dir", "title"},
    "a": {"href", "hreflang"}, "img": {"src", "alt", "width", "height"}, "ol": {"start"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"}, "details": {"open"},
}
MARKDOWN_ONLY_ATTRIBUTES = frozenset({"markdown"})
"""``<div markdown>`` (md_in_html): read by Markdown, never in the output."""
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})


def sanitize(rendered: str) -> str:
    """The rendered article with everything outside the allowlist removed (nh3, the ammonia sanitizer)."""
    # nh3's defaults do the rest: comments stripped, <script> and <style> removed with their content.
    return nh3.clean(rendered, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(SAFE_SCHEMES), link_rel=None)
