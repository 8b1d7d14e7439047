"""Links to entity pages: explicit ``[قسد](actor:sdf)`` links, and names found in the text.

Both resolve to the entity's page in the page's own language.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from . import urls
from .htmltext import map_text
from .mentions import Matcher, Mention

ENTITY_LINK = re.compile(r"\]\((actor|location|source|tag):([^)\s]*)\)")
LINK_MODES = ("off", "first", "every")
_NOT_LINKED_INSIDE = frozenset({"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"})


def explicit_links(markdown: str) -> Iterator[tuple[str, str, int]]:
    """(kind, id, offset of the id) of every ``](kind:id)`` link."""
    for match in ENTITY_LINK.finditer(markdown):
        yield match.group(1), match.group(2), match.start(2)


def relative_url(target: str, page: str) -> str:
    """``target`` (a site path such as ``ar/actors/sdf/``) as seen from ``page``."""
    return posixpath.relpath(target, page).rstrip("/") + "/" if target != page else "./"


def resolve_explicit_links(markdown: str, lang: str, page_src: str) -> str:
    """Points ``](actor:sdf)`` at the actor's page source, which MkDocs turns into its URL."""
    folder = posixpath.dirname(page_src)

    def target(match: re.Match) -> str:
        src = urls.source_path(urls.entity(lang, match.group(1), match.group(2)))
        return f"]({posixpath.relpath(src, folder)})"

    return ENTITY_LINK.sub(target, markdown)


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
