"""What a page goes through around Markdown rendering, whatever renders it.

Before: explicit entity links ``[قسد](actor:sdf)`` point at the entity's page in the
page's own language. After: an article's HTML is sanitized (``text.htmlpolicy``) and
the names of the entities it lists are linked (``link_mentions`` in site.yml); every
page's runs of the other script are isolated (``text.bidi``), and ``<html>`` carries
the page's ``dir`` as well as its ``lang``.
"""

from __future__ import annotations

import posixpath
import re

from ..languages import direction
from ..model.kinds import ENTITY_LINK
from ..text.bidi import isolate_other_script
from ..text.htmlpolicy import sanitize
from ..text.htmltext import map_text
from ..text.matcher import Matcher, Mention
from . import urls
from .figures import with_figures
from .pages.model import ArticleView, PageModel

_NOT_LINKED_INSIDE = frozenset({"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"})
_HTML_TAG = re.compile(r"<html lang=\"([a-z]{2})\"")


def relative_url(target: str, page: str) -> str:
    """``target`` (a site path such as ``ar/actors/sdf/``) as seen from ``page``."""
    return posixpath.relpath(target, page).rstrip("/") + "/" if target != page else "./"


def resolve_explicit_links(markdown: str, lang: str, page_src: str) -> str:
    """Points ``](actor:sdf)`` at the actor's page source, which MkDocs turns into its URL."""
    folder = posixpath.dirname(page_src)

    def target(match: re.Match[str]) -> str:
        src = urls.source_path(urls.entity(lang, match.group(1), match.group(2)))
        return f"]({posixpath.relpath(src, folder)})"

    return ENTITY_LINK.sub(target, markdown)


def finish_content(html: str, page: PageModel, matcher: Matcher, link_mode: str) -> str:
    """A page's rendered body as readers get it: articles sanitized, their names linked
    and their photos shown."""
    if isinstance(page.view, ArticleView):
        html = sanitize(html)
        targets = {key: relative_url(url, page.url) for key, url in page.view.mention_targets.items()}
        html = with_figures(link_mentions(html, page.lang, matcher, targets, link_mode), page)
    return isolate_other_script(html, page.lang)


def with_direction(document: str, lang: str) -> str:
    """Material sets ``dir`` on <body>; readers' tools expect it on <html> too."""
    return _HTML_TAG.sub(f'<html lang="\\1" dir="{direction(lang)}"', document, count=1)


def link_mentions(html: str, lang: str, matcher: Matcher, targets: dict[tuple[str, str], str],
                  mode: str) -> str:
    """Links the names of the entities in ``targets`` (the ones the article lists).

    ``first`` links each entity once, ``every`` each time. A name shared by several
    entities is linked only when exactly one of them is listed. Headings, code and
    existing links are left alone.
    """
    if mode == "off" or not targets:
        return html
    linked: set[tuple[str, str]] = set()

    def change(text: str) -> str:
        spans: dict[tuple[int, int, int], list[Mention]] = {}
        for mention in matcher.find(text, lang):
            spans.setdefault((mention.word_start, mention.start, mention.end), []).append(mention)
        pieces, cursor = [], 0
        for (word_start, _, end), candidates in sorted(spans.items()):
            listed = [(m.kind, m.id) for m in candidates if (m.kind, m.id) in targets]
            if len(listed) != 1 or (mode == "first" and listed[0] in linked):
                continue
            linked.add(listed[0])
            pieces += [text[cursor:word_start], f'<a class="briefing-mention" href="{targets[listed[0]]}">',
                       text[word_start:end], "</a>"]
            cursor = end
        return "".join(pieces) + text[cursor:]

    return map_text(html, _NOT_LINKED_INSIDE, change)
