"""The HTML an article may carry, and the sanitizer that holds every rendered article to it.

One allowlist for two layers: ``checks.markdown`` reports, with its line, whatever an
article's Markdown source writes outside it (raw HTML and attribute lists alike);
``sanitize`` removes from the rendered article whatever the check could have missed.

Attributes are allowed by name and by value: ``class`` only from ``EDITOR_CLASSES`` (and
the classes the site's Markdown extensions write themselves), sizes as digits, ``lang``
as a language tag, ``dir`` as ``ltr``, ``rtl`` or ``auto``, images only from the site
itself, and ids never the theme's (``__…`` for Material, the site's own), so that
an article cannot stand in for an element or a global the pages' scripts look up (DOM
clobbering).
"""

from __future__ import annotations

import re
from enum import Enum

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
ATTRIBUTE_LIST_NAMES = frozenset({"class", "id", "width", "height", "lang", "dir", "title"})
"""What ``{: …}`` may set, on any element: presentation, a language, a tooltip, an anchor."""

EDITOR_CLASSES = frozenset({"md-button", "md-button--primary", "grid", "cards"})
"""The classes an article may write: Material's buttons (a link shown as a button) and
grids (``<div class="grid cards" markdown>``), the only styles Material and
``overrides/assets/briefing.css`` offer for an article's own text; the site's
``briefing-…`` classes belong to its templates."""
MARKDOWN_CLASSES = frozenset({
    "footnote", "footnote-ref", "footnote-backref", "admonition", "admonition-title", "inline", "end",
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite",
})
"""Classes the extensions of ``mkdocs.yml`` write: footnotes, and admonitions of the types
Material styles (an admonition of another type loses its type and looks like a note)."""

_EDITOR_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_SCRIPT_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_DIGITS = re.compile(r"[0-9]{1,6}")
_LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(-[0-9a-wy-z](-[a-z0-9]{2,8})+)*(-x(-[a-z0-9]{1,8})+)?", re.IGNORECASE)
"""A well-formed BCP 47 language tag (RFC 5646's syntax, without the grandfathered tags)."""
KEYWORDS = {"dir": frozenset({"ltr", "rtl", "auto"}), "align": frozenset({"left", "center", "right"}),
             "scope": frozenset({"row", "col", "rowgroup", "colgroup"})}
_REMOTE = re.compile(r"\s*([a-z][a-z0-9+.\-]*:|[/\\]{2})", re.IGNORECASE)
_URL_IGNORED = re.compile(r"[\x00-\x20]")
"""What a browser's URL parser drops (tab, line breaks anywhere; controls and spaces at the
start), removed before an address is judged: ``/⏎/host`` is ``//host``. Spaces inside go
too, which can only make a local address look remote, never the reverse."""


class Fault(Enum):
    """What is wrong with one attribute, for the check to say and the sanitizer to act on."""

    NAME = "name"
    CLASS = "class"
    ID_FORM = "id-form"
    ID_RESERVED = "id-reserved"
    DIGITS = "digits"
    LANGUAGE = "language"
    KEYWORD = "keyword"
    REMOTE_IMAGE = "remote-image"


SITE_IDS = frozenset({"briefing-cite", "briefing-content", "briefing-related", "briefing-search",
                      "briefing-search-input"})
"""The ids the site's own templates (``overrides/``) give their elements."""


def reserved_id(value: str) -> bool:
    """Whether an id belongs to the theme: Material's ids (``__config``, ``__drawer``,
    ``__search``, ``__palette_0``, ``__nav_1``…) and globals (``__md_scope``) all begin
    with ``__``; the site's are ``SITE_IDS``; and a name with a capital that a script
    could read as a global (``L``, Leaflet's) would shadow it too."""
    return value.startswith("__") or value in SITE_IDS or (
        _SCRIPT_NAME.fullmatch(value) is not None and value != value.lower())


def id_fault(value: str) -> Fault | None:
    """An id an editor writes: lowercase ASCII letters, digits, ``-`` and ``_``, outside the
    theme's, and outside the site's namespace, ``briefing-…``, where its templates may add ids."""
    if reserved_id(value) or value.startswith("briefing-"):
        return Fault.ID_RESERVED
    return None if _EDITOR_ID.fullmatch(value) else Fault.ID_FORM


def value_fault(tag: str, name: str, value: str) -> Fault | None:
    """What is wrong with the value of an attribute the allowlist names, if anything (ids
    are ``id_fault``'s, classes ``class_fault``'s)."""
    if name in {"width", "height", "colspan", "rowspan", "start"}:
        return None if _DIGITS.fullmatch(value) else Fault.DIGITS
    if name in {"lang", "hreflang"}:
        return None if _LANGUAGE_TAG.fullmatch(value) else Fault.LANGUAGE
    if name in KEYWORDS:
        return None if value.lower() in KEYWORDS[name] else Fault.KEYWORD
    if (tag, name) == ("img", "src") and _REMOTE.match(_URL_IGNORED.sub("", value)):
        return Fault.REMOTE_IMAGE  # the reader's address would go to that host
    return None


def class_fault(value: str) -> str | None:
    """The first class of ``value`` that an article may not write."""
    return next((name for name in value.split() if name not in EDITOR_CLASSES), None)


def allowed_names(tag: str) -> set[str]:
    return ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())


def _kept(tag: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: the value that stays on the page, or None to remove it."""
    if name == "class":
        kept = " ".join(word for word in value.split() if word in EDITOR_CLASSES | MARKDOWN_CLASSES)
        return kept or None
    if name == "id":
        return None if reserved_id(value) or not value.strip() else value
    return None if value_fault(tag, name, value) else value


def sanitize(rendered: str) -> str:
    """The rendered article with everything outside the allowlist removed (nh3, the ammonia sanitizer)."""
    # nh3's defaults do the rest: comments stripped, <script> and <style> removed with their content.
    return nh3.clean(rendered, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, attribute_filter=_kept,
                     url_schemes=set(SAFE_SCHEMES), link_rel=None)
