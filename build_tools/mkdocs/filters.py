"""Jinja filters of the templates in ``overrides/``: escaping and isolating text, links
through the site's root, and rendering a macro once per page depth."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context, Macro
from markupsafe import Markup, escape

from ..text.bidi import bdi, isolate_other_script


def isolate(text: str, lang: str) -> Markup:
    """Escapes a plain text and isolates its runs of the other script."""
    return Markup(isolate_other_script(str(escape(text)), lang))


def bdi_filter(text: str, lang: str) -> Markup:
    """A plain text in ``lang`` as ``<bdi lang dir>``, escaped and isolated."""
    return Markup(bdi(str(escape(text)), lang))


@pass_context
def from_root(context: Context, path: str) -> str:
    """A site path made relative through the site's root (``../../ar/actors/sdf/``), so the
    same on every page of one depth, unlike MkDocs's shortest relative path."""
    return f"{context['base_url']}/{path}"


class RenderedOnce:
    """Macros rendered once per key and page depth, for one build."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, str, Any], Markup] = {}

    @pass_context
    def render(self, context: Context, key: str, macro: Macro, *args: Any) -> Markup:
        """``once(key, macro, *args)`` in a template: an article's card is the same on
        actor, place and archive pages; its links go through ``from_root``, so it is the
        same on every page as deep."""
        cache_key = (key, macro.name, context.get("base_url"))
        if cache_key not in self.rendered:
            self.rendered[cache_key] = Markup(macro(*args))
        return self.rendered[cache_key]
