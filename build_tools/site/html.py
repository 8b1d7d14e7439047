"""Markup the site's own code made, every content value in it escaped on the way in.

Templates escape whatever they print (autoescaping is on), except a value that says it is
markup already: the ``__html__`` protocol MarkupSafe and Jinja read, here without
importing either (the core is free of them). Only code that escapes each value it puts
in makes an ``Html``; a template never marks a value safe itself.
"""

from __future__ import annotations


class Html(str):
    """A piece of HTML whose every value from content was escaped as it was written."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)
