"""The 404 page: served for any address that does not exist, whatever its language, so
it speaks both, the site's default language first, with the way home and to search."""

from __future__ import annotations

from ...languages import direction
from ...model.settings import SiteConfig
from .. import urls
from .model import Link, NotFoundSection


def not_found_sections(config: SiteConfig) -> list[NotFoundSection]:
    ordered = sorted(config.languages, key=lambda lang: lang != config.default_language)
    sections = []
    for lang in ordered:
        strings = config.strings[lang]
        links = [Link(strings["home"], urls.home(lang), lang),
                 Link(strings["search"], urls.section(lang, "search"), lang)]
        sections.append(NotFoundSection(lang, direction(lang), strings["not_found_title"], strings["not_found_text"],
                                        links))
    return sections
