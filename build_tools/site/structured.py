"""What search engines and social networks read: schema.org JSON-LD and Open Graph.

Actors are ``Person`` (type person) or ``Organization``; locations are ``Place`` with
``geo``; each has ``sameAs`` its Wikidata item when known.
"""

from __future__ import annotations

from typing import Any

from ..languages import other_language
from ..model.articles import Article
from ..model.briefing import Briefing
from ..model.entities import Actor, Location
from ..model.media import Photo
from ..model.settings import SiteConfig
from . import urls

WIKIDATA = "https://www.wikidata.org/wiki/"


def _entity_common(kind: str, entity: Actor | Location, lang: str, base: str) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entity.names.name.get(lang), "url": base + urls.entity(lang, kind, entity.id)}
    others = [name for name in entity.names.all_in(lang) if name != data["name"]]
    if others:
        data["alternateName"] = others
    if entity.wikidata:
        data["sameAs"] = WIKIDATA + entity.wikidata
    return data


def actor_ld(actor: Actor, lang: str, base: str) -> dict[str, Any]:
    return {"@type": "Person" if actor.type == "person" else "Organization",
            **_entity_common("actor", actor, lang, base)}


def location_ld(location: Location, lang: str, base: str) -> dict[str, Any]:
    data = {"@type": "Place", **_entity_common("location", location, lang, base)}
    if location.coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": location.coordinates.lat,
                       "longitude": location.coordinates.lon}
    return data


def article_ld(article: Article, lang: str, briefing: Briefing, config: SiteConfig) -> dict[str, Any]:
    base = config.base_url
    text = article.text_in(lang)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": text.title, "inLanguage": text.lang, "url": base + urls.entity(lang, "article", article.id),
        "datePublished": article.date.isoformat(),
        "publisher": {"@type": "Organization", "name": config.name.get(lang), "url": base + urls.home(lang)},
        "about": [*(actor_ld(briefing.actors[id_], lang, base) for id_ in article.actors),
                  *(location_ld(briefing.locations[id_], lang, base) for id_ in article.locations)],
        "mentions": [{"@type": "Organization", "name": briefing.sources[c.source].names.name.get(lang),
                      "url": base + urls.entity(lang, "source", c.source)} for c in article.sources],
    }
    if text.summary:
        data["description"] = text.summary
    if article.updated:
        data["dateModified"] = article.updated.isoformat()
    if article.authors:
        data["author"] = [{"@type": "Person", "name": config.author_name(author, lang)} for author in article.authors]
    if article.lead_photo:
        data["image"] = photo_ld(article.lead_photo, lang, base)
    data.update(_translation_links(article, lang, base))
    return data


def _translation_links(article: Article, lang: str, base: str) -> dict[str, Any]:
    """A translation's page names the original's as ``translationOfWork``; the original's
    page names the translation's as ``workTranslation``. A pending text has no page of its own."""
    if lang not in article.translations or article.original not in article.translations:
        return {}

    def work(text_lang: str) -> dict[str, Any]:
        return {"@type": "NewsArticle", "inLanguage": text_lang,
                "url": base + urls.entity(text_lang, "article", article.id)}

    if lang == article.original:
        return {"workTranslation": work(other_language(lang))} if other_language(lang) in article.translations else {}
    return {"translationOfWork": work(article.original)}


def photo_ld(photo: Photo, lang: str, base: str) -> dict[str, Any]:
    """The lead photo as an ``ImageObject``: its JPEG rendition, caption and credit."""
    shown = photo.fallback()
    data: dict[str, Any] = {"@type": "ImageObject", "url": base + shown.path, "contentUrl": base + shown.path,
                            "width": shown.width, "height": shown.height}
    for key, value in (("caption", photo.caption), ("creditText", photo.credit)):
        text = value.get(lang) or value.get(other_language(lang))
        if text:
            data[key] = text
    return data


def entity_page_ld(entity: Actor | Location, lang: str, base: str) -> dict[str, Any]:
    described = actor_ld(entity, lang, base) if isinstance(entity, Actor) else location_ld(entity, lang, base)
    return {"@context": "https://schema.org", **described}


def web_page_ld(kind: str, title: str, url: str, lang: str, base: str) -> dict[str, Any]:
    page_type = {"home": "WebSite", "search": "SearchResultsPage"}.get(kind, "CollectionPage")
    return {"@context": "https://schema.org", "@type": page_type, "name": title, "url": base + url,
            "inLanguage": lang}
