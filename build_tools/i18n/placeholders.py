"""The placeholders of an interface string (``"{count} min read"``), which the pages fill.

Interface strings are written by whoever edits ``site_config/i18n/``, and Python's
formatting reads more than names: ``{count:>30000000}`` pads a value to 30 MB,
``{count.__class__}`` reads an attribute, a lone ``{`` stops the build. So a placeholder
is a plain name (or ``{}``, which the footnotes' back link takes), and each language's
string of a key fills the same ones; anything else is refused by ``check``.
"""

from __future__ import annotations

from string import Formatter

from ..messages import Message, msg


def placeholders(text: str) -> frozenset[str]:
    """The names ``text`` fills (``""`` for ``{}``); call only on a text ``placeholder_fault`` accepts."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)


def placeholder_fault(text: str) -> Message | None:
    """Why ``text`` cannot be filled safely, or None."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text)
                  if name is not None]
    except ValueError as exc:
        return msg("{error}: a brace that is text is written twice", error=str(exc))
    for name, spec, conversion in fields:
        if spec or conversion or not (name == "" or name.isidentifier()):
            return msg("'{{{field}}}' is not a placeholder: write a name alone between braces, as in {{count}}",
                       field=name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return None
