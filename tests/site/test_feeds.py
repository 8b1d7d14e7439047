"""Atom feeds made in process from a model written here, read back with feedparser and
lxml: every field a feed reader shows, the order and limit of entries, drafts, and the
preview's reuse of feeds made from the very same articles."""

from __future__ import annotations

import feedparser
import pytest
from conftest import REPO
from lxml import etree

from build_tools.diagnostics import Report
from build_tools.model.articles import Article, Translation
from build_tools.model.briefing import Briefing
from build_tools.model.dates import PartialDate
from build_tools.model.entities import Actor, Localized, Names
from build_tools.model.media import Photo
from build_tools.model.published import Published
from build_tools.model.settings import SiteConfig
from build_tools.pipeline.settings import load_site_config
from build_tools.site.feeds import LATEST, MadeFeeds, site_feeds

BASE = "https://example.org/briefing/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    loaded, _ = load_site_config(REPO, Report())
    return loaded


def _article(id_: str, date: PartialDate, *, updated: PartialDate | None = None, status: str = "published",
             summary: str | None = "What happened.", actors: tuple[str, ...] = (),
             photos: tuple[Photo, ...] = ()) -> Article:
    texts = {"en": Translation("en", f"Title {id_}", summary, "Body.", 4),
             "ar": Translation("ar", f"عنوان {id_}", None, "نص.", 4)}
    return Article(id_, date, status, updated=updated, authors=["Editor One", "editor4"],
                   listed={"actor": list(actors)}, translations=texts, photos=list(photos))


def _briefing(*articles: Article) -> Briefing:
    briefing = Briefing()
    briefing.entities["actor"]["sdf"] = Actor("sdf", Names(Localized("قسد", "SDF")), "armed-group")
    briefing.articles = {article.id: article for article in articles}
    return briefing


def _published(*articles: Article) -> Published:
    return Published(_briefing(*articles))


def test_the_site_feed_names_itself_and_its_entries(config: SiteConfig) -> None:
    older = _article("a", PartialDate(2017, 8, 7), updated=PartialDate(2017, 9, 1))
    newer = _article("b", PartialDate(2017, 8), summary=None)
    feeds = site_feeds(_published(older, newer), config, ["en"])
    parsed = feedparser.parse(feeds["en/feed.xml"])
    feed = parsed.feed
    assert (feed.id, feed.title, feed.language, feed.subtitle, feed.author) == (
        BASE + "en/feed.xml", "Deir ez-Zor Briefing", "en", config.description.en, "Deir ez-Zor Briefing")
    assert [(link.rel, link.href, link.get("hreflang")) for link in feed.links] == [
        ("alternate", BASE + "en/", "en"), ("self", BASE + "en/feed.xml", None)]
    assert feed.updated == "2017-09-01T00:00:00+00:00"
    assert b'\n  <entry>\n    <id>' in feeds["en/feed.xml"]  # indented: readable when opened
    assert [entry.id for entry in parsed.entries] == [BASE + "en/articles/a/", BASE + "en/articles/b/"]
    first, second = parsed.entries  # "b", dated only to its month, counts from the month's first day
    assert (first.title, first.link, first.summary, first.published, first.updated) == (
        "Title a", BASE + "en/articles/a/", "What happened.", "2017-08-07T00:00:00+00:00",
        "2017-09-01T00:00:00+00:00")
    assert (second.published, second.updated) == ("2017-08-01T00:00:00+00:00", "2017-08-01T00:00:00+00:00")
    assert "summary" not in second
    # A name as written; an id by its byline in site_config/authors.yml.
    assert [author.name for author in first.authors] == ["Editor One", config.authors["editor4"].en]
    empty = feedparser.parse(feeds["en/actors/sdf/feed.xml"])  # no article yet: a fixed date, not today's
    assert (empty.entries, empty.feed.updated) == ([], "2000-01-01T00:00:00+00:00")


def test_feeds_keep_the_latest_fifty_and_leave_drafts_out_unless_asked(config: SiteConfig) -> None:
    days = [_article(f"d{day:02}", PartialDate(2017, 7 + day // 28, 1 + day % 28)) for day in range(LATEST + 5)]
    draft = _article("draft", PartialDate(2018, 1, 1), status="draft")
    briefing = _briefing(*days, draft)
    published = feedparser.parse(site_feeds(Published(briefing), config, ["en"])["en/feed.xml"]).entries
    expected = [f"{BASE}en/articles/{a.id}/" for a in sorted(days, key=lambda a: a.date.earliest, reverse=True)]
    assert [entry.id for entry in published] == expected[:LATEST]
    with_drafts = feedparser.parse(site_feeds(Published(briefing, drafts=True), config, ["en"])["en/feed.xml"])
    assert with_drafts.entries[0].id == BASE + "en/articles/draft/"


def test_each_actor_has_a_feed_of_its_articles_in_each_language(config: SiteConfig) -> None:
    about_sdf = _article("a", PartialDate(2017, 8, 7), actors=("sdf",))
    briefing = _briefing(about_sdf, _article("b", PartialDate(2017, 8, 8)))
    feeds = site_feeds(Published(briefing), config, ["ar", "en"])
    assert sorted(feeds) == ["ar/actors/sdf/feed.xml", "ar/feed.xml", "en/actors/sdf/feed.xml", "en/feed.xml"]
    arabic = feedparser.parse(feeds["ar/actors/sdf/feed.xml"])
    assert (arabic.feed.title, arabic.feed.language) == ("قسد – موجز دير الزور", "ar")
    assert [(entry.id, entry.title) for entry in arabic.entries] == [(BASE + "ar/articles/a/", "عنوان a")]


def test_an_entry_shows_its_lead_photo(config: SiteConfig) -> None:
    photo = Photo("road.jpg", "content/x/road.jpg", Localized("طريق", "A road"), Localized("وكالة", "Agency"),
                  Localized(), True, 2000, 1000, "ab" * 32, False)
    feeds = site_feeds(_published(_article("a", PartialDate(2017, 8, 7), photos=(photo,))), config, ["en"])
    entry = etree.fromstring(feeds["en/feed.xml"]).find(f"{ATOM}entry")
    media = "{http://search.yahoo.com/mrss/}"
    content, thumbnail = entry.find(f"{media}group/{media}content"), entry.find(f"{media}group/{media}thumbnail")
    url = BASE + "media/" + "ab" * 10 + "-1200.jpg"
    assert dict(content.attrib) == {"url": url, "type": "image/jpeg", "medium": "image", "width": "1200",
                                    "height": "600"}
    assert dict(thumbnail.attrib) == {"url": url, "width": "1200", "height": "600"}
    plain = site_feeds(_published(_article("a", PartialDate(2017, 8, 7))), config, ["en"])["en/feed.xml"]
    assert b"mrss" not in plain


def test_a_preview_reuses_a_feed_made_from_the_same_articles(config: SiteConfig) -> None:
    article = _article("a", PartialDate(2017, 8, 7))
    made: MadeFeeds = {}
    first = site_feeds(_published(article), config, ["en"], made=made)
    assert set(made) == {"en/feed.xml", "en/actors/sdf/feed.xml"}
    again = site_feeds(_published(article), config, ["en"], made=made)
    assert again["en/feed.xml"] is first["en/feed.xml"]
    edited = _article("a", PartialDate(2017, 8, 7), summary="Changed.")
    changed = site_feeds(_published(edited), config, ["en"], made=made)
    assert b"Changed." in changed["en/feed.xml"] and made["en/feed.xml"][1] is changed["en/feed.xml"]
    older = site_feeds(_published(edited, _article("c", PartialDate(2017, 8, 6))), config, ["en"], made=made)
    assert [entry.id for entry in feedparser.parse(older["en/feed.xml"]).entries] == [
        BASE + "en/articles/a/", BASE + "en/articles/c/"]  # the same first article, and one more after it
    another = site_feeds(_published(edited, _article("b", PartialDate(2017, 8, 8))), config, ["en"], made=made)
    assert feedparser.parse(another["en/feed.xml"]).entries[0].id == BASE + "en/articles/b/"
    renamed = config.__class__(**{**config.__dict__, "name": Localized("موجز", "Renamed")})
    assert feedparser.parse(site_feeds(_published(edited), renamed, ["en"], made=made)["en/feed.xml"]).feed.title \
        == "Renamed"
