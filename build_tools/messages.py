"""The tool's own words (``check``'s problems, the preview's error page) in the editor's
language, from a gettext catalog read through Babel.

A message is written in English, with named placeholders, and kept with them:
``msg("unknown {kind} '{id}'", kind=..., id=...)`` is the English text (a ``str``, so it
prints, compares and pickles as one) that can still be said in Arabic later, once the
editor's language is known. The Arabic catalog is ``build_tools/locale/ar/LC_MESSAGES/
briefing.po``; ``pybabel extract -k msg`` finds every message (see "A message" in
docs/pages/developing/extending.md), and a test checks the catalog has all of them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from .languages import LANGUAGES

SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "briefing"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the user's language, in its order."""
_X_MESSAGE = re.compile(r'"x-message":\s*("(?:[^"\\]|\\.)*")')


class Message(str):
    """A message in English that can be said in another language (``said_in``)."""

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any]) -> Message:
        message = super().__new__(cls, template.format(**params) if params else template)
        message.template = template
        message.params = params
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        return Message, (self.template, dict(self.params))

    def said_in(self, lang: str) -> str:
        """The message in ``lang``; a placeholder's value that is a message is said in it too."""
        if lang == SOURCE_LANGUAGE:
            return str(self)
        template = translations(lang).get(self.template) or self.template
        params = {name: _said_in(value, lang) for name, value in self.params.items()}
        return template.format(**params) if params else template


def msg(template: str, **params: Any) -> Message:
    """The message ``template`` with its placeholders filled by ``params``."""
    return Message(template, params)


def _said_in(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.said_in(lang)
    if isinstance(value, list | tuple):
        return type(value)(_said_in(item, lang) for item in value)
    return value


def said_in(text: str, lang: str) -> str:
    """``text`` in ``lang`` if it is a message, else as it is (a file's own words, a path)."""
    return text.said_in(lang) if isinstance(text, Message) else text


def joined(items: list[Message] | list[str], separator: Message | None = None) -> Message:
    """Items joined as one message, by a comma in the language it is said in (``، `` in
    Arabic) unless ``separator`` says otherwise."""
    template = "{separator}".join(f"{{item{index}}}" for index in range(len(items)))
    params: dict[str, Any] = {f"item{index}": item for index, item in enumerate(items)}
    return Message(template, {**params, "separator": separator or msg(", ")})


@cache
def translations(lang: str) -> dict[str, str]:
    """The catalog of ``lang``: English message → its translation (only translated ones)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as file:
        catalog = read_po(file, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def editor_language(chosen: str | None, configured: str | None,
                    environment: Mapping[str, str] = os.environ) -> str:
    """The language of the tool's messages: ``--lang``, else the first of the locale
    variables that names one of the site's languages (``ar_SY.UTF-8``), else
    ``editor_language`` in site_config/site.yml, else English. ``C.UTF-8`` names none."""
    if chosen:
        return chosen
    for variable in LOCALE_VARIABLES:
        for value in environment.get(variable, "").split(":"):
            lang = value.split("_")[0].split(".")[0].lower()
            if lang in LANGUAGES:
                return lang
    return configured or SOURCE_LANGUAGE


def extract_schema_messages(fileobj: Any, keywords: Any, comment_tags: Any,
                            options: Any) -> Iterator[tuple[int, None, str, list[str]]]:
    """A Babel extractor (see babel.cfg) for the ``x-message`` texts of the JSON Schemas,
    which ``checks.schemas`` says when a value does not match its pattern."""
    for number, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        found = _X_MESSAGE.search(line)
        if found:
            yield number, None, json.loads(found.group(1)), []
