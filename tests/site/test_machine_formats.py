"""Feeds, sitemap, hreflang, Open Graph, JSON-LD and open data of the built sample site,
read with real parsers (feedparser, lxml, json, geojson, csv)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import geojson
import pytest
import yaml
from conftest import REPO
from lxml import etree, html
from PIL import Image

from build_tools.cli import main
from build_tools.model.dates import PartialDate
from build_tools.publish.linkcheck import page_file
from build_tools.site.timeline import timeline_svg

BASE = "https://example.org/briefing/"
ARTICLE = "articles/2017-coalition-sdf-rift-deir-ez-zor/"
XHTML = "{http://www.w3.org/1999/xhtml}link"


@pytest.fixture
def site(sample_site: Path) -> Path:
    return sample_site


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html")
                  if p.parent != site and "pagefind" not in p.parts and "assets" not in p.parts)


def local(site: Path, url: str) -> Path:
    assert url.startswith(BASE), url
    return page_file(site, "/" + url.removeprefix(BASE))


def test_every_feed_parses_with_its_language_and_links_to_pages(site: Path) -> None:
    feeds = sorted(site.rglob("feed.xml"))
    actors, locations = (len(list((REPO / "content" / kind).glob("*.yml"))) for kind in ("actors", "locations"))
    assert len(feeds) == 2 * (1 + actors + locations)  # per language: the site, each actor, each location
    for path in feeds:
        lang = path.relative_to(site).parts[0]
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert etree.parse(str(path)).getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        for entry in parsed.entries:
            assert local(site, entry.link).is_file()
            assert entry.link.startswith(f"{BASE}{lang}/articles/")


def test_actor_feed_follows_the_actor(site: Path) -> None:
    sdf = feedparser.parse((site / "en/actors/sdf/feed.xml").read_bytes())
    hasakah_governorate = feedparser.parse((site / "ar/locations/hasakah-governorate/feed.xml").read_bytes())
    assert [e.title for e in sdf.entries] == [
        "Rift between the Coalition and the SDF over the battle for Deir ez-Zor"]
    assert sdf.feed.title == "Syrian Democratic Forces – Deir ez-Zor Briefing"
    assert hasakah_governorate.entries == []


def sitemap_urls(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")


def test_sitemap_lists_every_page_with_its_alternates(site: Path) -> None:
    """The pages in the other language are told here (hreflang), not in each page's head."""
    urls = sitemap_urls(site / "sitemap.xml")
    assert len(urls) == len(pages(site))
    for url in urls:
        loc = url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(XHTML)}
        assert set(alternates) == {"ar", "en", "x-default"}
        assert local(site, loc).is_file() and all(local(site, href).is_file() for href in alternates.values())
        assert alternates["x-default"] == alternates["ar"]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_edition_has_its_own_sitemap_beside_its_feed(site: Path, lang: str) -> None:
    everything = [etree.tostring(url, with_tail=False) for url in sitemap_urls(site / "sitemap.xml")]
    edition = [etree.tostring(url, with_tail=False) for url in sitemap_urls(site / lang / "sitemap.xml")]
    assert edition == [url for url in everything if f"<loc>{BASE}{lang}/".encode() in url]
    assert (site / lang / "feed.xml").is_file()


def test_every_page_has_canonical_feed_open_graph_and_json_ld(site: Path) -> None:
    for path in pages(site):
        lang = path.relative_to(site).parts[0]
        other = "en" if lang == "ar" else "ar"
        document = html.parse(str(path)).getroot()
        address = BASE + str(path.parent.relative_to(site)) + "/"
        assert document.xpath('//link[@rel="canonical"]/@href') == [address], path
        alternates = document.xpath('//head/link[contains(concat(" ", @rel, " "), " alternate ")]')
        assert [link.get("rel") for link in alternates] == ["alternate feed"]  # not Material's "alternate" alone
        assert [(link.get("type"), link.get("hreflang")) for link in alternates] == [("application/atom+xml", None)]
        assert (path.parent / alternates[0].get("href")).resolve() == (site / lang / "feed.xml").resolve(), path
        meta = {m.get("property"): m.get("content") for m in document.xpath("//meta[@property]")}
        assert meta["og:locale"] == {"ar": "ar_AR", "en": "en_US"}[lang]
        assert meta["og:locale:alternate"] == {"ar": "ar_AR", "en": "en_US"}[other]
        assert meta["og:url"] == address
        blocks = document.xpath('//script[@type="application/ld+json"]/text()')
        assert len(blocks) == 1, path
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["url"] == address


def json_ld(site: Path, path: str) -> dict:
    document = html.parse(str(page_file(site, path))).getroot()
    return json.loads(document.xpath('//script[@type="application/ld+json"]/text()')[0])


def test_article_json_ld_is_a_news_article_about_its_actors_and_places(site: Path) -> None:
    data = json_ld(site, f"/en/{ARTICLE}")
    assert (data["@type"], data["inLanguage"], data["datePublished"]) == ("NewsArticle", "en", "2017")
    about = {item["name"]: item for item in data["about"]}
    assert about["Islamic State"]["@type"] == "Organization"
    assert about["Islamic State"]["sameAs"] == "https://www.wikidata.org/wiki/Q2429253"
    assert about["Ahmad al-Jarba"]["@type"] == "Person"
    assert about["Deir ez-Zor"]["@type"] == "Place"
    assert about["Deir ez-Zor"]["geo"] == {"@type": "GeoCoordinates", "latitude": 35.3333, "longitude": 40.15}
    assert [m["name"] for m in data["mentions"]] == ["Rasd", "BasNews"]
    bylines = yaml.safe_load((REPO / "site_config/authors.yml").read_text(encoding="utf-8"))
    assert data["author"] == [{"@type": "Person", "name": bylines["editor4"]["en"]}]


def test_location_page_json_ld_is_a_place(site: Path) -> None:
    data = json_ld(site, "/ar/locations/syria/")
    assert (data["@type"], data["name"], data["sameAs"]) == ("Place", "سوريا", "https://www.wikidata.org/wiki/Q858")


def test_geojson_is_a_valid_feature_collection_in_lon_lat_order(site: Path) -> None:
    collection = geojson.loads((site / "data/locations.geojson").read_text(encoding="utf-8"))
    assert collection.is_valid and collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {"deir-ez-zor", "deir-ez-zor-airbase", "raqqa", "hasakah", "al-sukhnah"}
    assert features["deir-ez-zor"]["geometry"]["coordinates"] == [40.15, 35.3333]
    assert features["raqqa"]["properties"]["name_ar"] == "الرقة"


def test_json_and_csv_open_data(site: Path) -> None:
    actors = json.loads((site / "data/actors.json").read_text(encoding="utf-8"))
    articles = json.loads((site / "data/articles.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in actors] == sorted(p.stem for p in (REPO / "content/actors").glob("*.yml"))
    assert {"id", "name", "type", "affiliations", "wikidata"} <= set(actors[0])
    assert articles[0]["url"]["ar"] == f"{BASE}ar/{ARTICLE}" and articles[0]["date_precision"] == "year"
    rows = list(csv.DictReader(io.StringIO((site / "data/locations.csv").read_text(encoding="utf-8"))))
    assert rows[0].keys() == {"id", "name_ar", "name_en", "kind", "parent", "lat", "lon", "wikidata"}
    assert {r["id"]: (r["lat"], r["lon"]) for r in rows}["hasakah"] == ("36.5", "40.75")


def test_export_writes_the_same_files_without_building(site: Path, tmp_path: Path, capsys) -> None:
    args = ["export", "--root", str(REPO), "--out", str(tmp_path)]
    assert main([*args, "--format", "json", "--format", "csv", "--format", "geojson"]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in (site / "data").iterdir())
    for name in written:
        assert (tmp_path / name).read_bytes() == (site / "data" / name).read_bytes()


def test_location_page_has_coordinates_and_osm_link_without_javascript(site: Path) -> None:
    document = html.parse(str(page_file(site, "/ar/locations/deir-ez-zor/"))).getroot()
    text = document.xpath('string(//*[@data-briefing="coordinates"])')
    assert "35.3333, 40.15" in text
    assert document.xpath('//*[@data-briefing="coordinates"]//a/@href') == [
        "https://www.openstreetmap.org/?mlat=35.3333&mlon=40.15#map=10/35.3333/40.15"]
    assert document.xpath('//script[contains(@src, "assets/map.js")]')  # which fetches the site's own Leaflet
    assert (site / "assets/vendor/leaflet/leaflet.js").is_file()
    assert not document.xpath('//script[contains(@src, "unpkg") or contains(@src, "cdn")]')


def test_timeline_svg() -> None:
    dates = [PartialDate(2017, 8, 7), PartialDate(2017, 8), PartialDate(2017, 10, 1), PartialDate(2017)]
    svg = timeline_svg(dates, "Briefings per month", lambda slot: f"{slot[0]}-{slot[1] or '?'}", str, "; ")
    bars = re.findall(r'<rect class="([^"]+)"[^>]*height="([\d.]+)"><title>([^<]+)</title>', svg)
    assert [(title, float(height)) for _, height, title in bars] == [
        ("2017-8: 2", 56.0), ("2017-9: 0", 0.0), ("2017-10: 1", 28.0), ("2017-?: 1", 28.0)]
    assert bars[-1][0].endswith("--year")
    assert 'aria-label="Briefings per month: 2017-8: 2; 2017-10: 1; 2017-?: 1"' in svg
    assert timeline_svg([], "x", str, str, "; ") is None


def test_timeline_counts_per_year_when_asked() -> None:
    dates = [PartialDate(2010, 3, 1), PartialDate(2010, 5), PartialDate(2012), PartialDate(2017, 8, 7)]
    svg = timeline_svg(dates, "Briefings per year", lambda slot: str(slot[0]), str, "; ", by_year=True)
    bars = re.findall(r'<rect class="([^"]+)"[^>]*><title>([^<]+)</title>', svg)
    assert [title for _, title in bars] == [f"{year}: {count}" for year, count in
                                            [(2010, 2), (2011, 0), (2012, 1), (2013, 0), (2014, 0), (2015, 0),
                                             (2016, 0), (2017, 1)]]
    assert all(kind == "briefing-timeline__bar" for kind, _ in bars)  # no "month unknown" shade
    assert 'aria-label="Briefings per year: 2010: 2; 2012: 1; 2017: 1"' in svg


def test_every_page_has_a_picture_for_link_previews(site: Path) -> None:
    """The article's lead photo, else the site's share image, with its size and words."""
    share = yaml.safe_load((REPO / "site_config/site.yml").read_text(encoding="utf-8"))["share_image"]
    for path in pages(site):
        lang = path.relative_to(site).parts[0]
        document = html.parse(str(path)).getroot()
        meta = {m.get("property") or m.get("name"): m.get("content") for m in document.xpath("//meta")}
        assert meta["twitter:card"] == "summary_large_image", path
        image = local(site, meta["og:image"])
        with Image.open(image) as picture:
            assert (meta["og:image:width"], meta["og:image:height"]) == tuple(map(str, picture.size)), path
        if image.name.startswith("share-image"):
            assert meta["og:image:alt"] == share["alt"][lang]
