"""Page models built from tiny content trees: what each page shows, in each language."""

from __future__ import annotations

import pytest
import yaml
from babel.dates import get_month_names
from conftest import Project, write_minimal_article

from build_tools.diagnostics import Report
from build_tools.model.published import Published
from build_tools.pipeline.load import load_briefing
from build_tools.site.pages.build import build_pages
from build_tools.site.pages.model import Name, PageModel

ACTORS = {
    "sdf": "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\nshort_name: {ar: قسد, en: SDF}\n"
           "type: armed-group\naffiliations: [{actor: coalition, relation: backed-by}]\n",
    "ypg": "name: {ar: وحدات حماية الشعب, en: People's Protection Units}\ntype: armed-group\n"
           "affiliations: [{actor: sdf, relation: part-of}]\n",
    "coalition": "name: {ar: التحالف الدولي, en: International Coalition}\ntype: coalition\n",
    "basnews": "name: {ar: باسنيوز, en: BasNews}\ntype: media\n",
}
LOCATIONS = {
    "syria": "name: {ar: سوريا, en: Syria}\nkind: country\n",
    "dez-gov": "name: {ar: محافظة دير الزور, en: Deir ez-Zor Governorate}\nkind: governorate\nparent: syria\n",
    "deir-ez-zor": "name: {ar: دير الزور, en: Deir ez-Zor}\nkind: city\nparent: dez-gov\n"
                   "coordinates: {lat: 35.3333, lon: 40.15}\n",
    "raqqa": "name: {ar: الرقة, en: Raqqa}\nkind: city\nparent: syria\n",
}


@pytest.fixture
def tree(project: Project) -> Project:
    for id_, text in ACTORS.items():
        project.write(f"content/actors/{id_}.yml", text)
    for id_, text in LOCATIONS.items():
        project.write(f"content/locations/{id_}.yml", text)
    project.write("content/sources/basnews.yml",
                  "name: {ar: باسنيوز, en: BasNews}\nkind: news-agency\nreliability: C\n")
    project.write("content/sources/rasd.yml", "name: {ar: رصد, en: Rasd}\nkind: other\n")
    write_minimal_article(project, slug="2017-08-07-rift", meta=(
        "date: 2017-08-07\nstatus: published\nactors: [sdf, coalition]\nlocations: [deir-ez-zor]\n"
        "sources: [{source: basnews, via: rasd}]\n"))
    write_minimal_article(project, slug="2017-09-sdf-advance", en=None, meta=(
        "date: 2017-09\nstatus: published\nactors: [sdf, ypg]\nlocations: [raqqa, deir-ez-zor]\n"))
    write_minimal_article(project, slug="2017-plans", meta="date: 2017\nstatus: draft\nactors: [sdf]\n")
    return project


def pages_of(project: Project, drafts: bool = False) -> dict[str, PageModel]:
    report = Report()
    loaded = load_briefing(project.root, report)
    assert report.errors == []
    return {page.url: page for page in build_pages(Published(loaded.briefing, drafts), loaded.config)}


def test_every_page_has_a_counterpart_of_the_same_shape(tree: Project) -> None:
    pages = pages_of(tree)
    for url, page in pages.items():
        assert page.alternate in pages, url
        assert page.alternate.split("/")[1:] == url.split("/")[1:]
    assert {"ar/", "en/", "ar/actors/sdf/", "en/locations/deir-ez-zor/", "ar/sources/rasd/",
            "en/archive/2017/09/", "ar/search/"} <= set(pages)


def test_home_lists_articles_newest_first_with_their_date_precision(tree: Project) -> None:
    home = pages_of(tree)["ar/"].view
    assert [(c.link.url, c.date) for c in home.articles] == [
        ("ar/articles/2017-09-sdf-advance/", "أيلول 2017"),
        ("ar/articles/2017-08-07-rift/", "7 آب 2017"),
    ]
    english = pages_of(tree)["en/"].view.articles
    assert [c.date for c in english] == ["September 2017", "7 August 2017"]


def test_drafts_only_when_asked_and_marked(tree: Project) -> None:
    assert "ar/articles/2017-plans/" not in pages_of(tree)
    with_drafts = pages_of(tree, drafts=True)
    assert with_drafts["ar/articles/2017-plans/"].draft is True
    assert with_drafts["ar/"].view.articles[-1].date == "2017"


def test_missing_translation_shows_the_other_language_title(tree: Project) -> None:
    page = pages_of(tree)["en/articles/2017-09-sdf-advance/"]
    assert (page.title, page.title_lang, page.view.pending, page.markdown) == (
        "خلافات بين التحالف وقسد", "ar", True, "")


def test_actors_index_groups_by_type_and_sorts_arabic_without_the_article(tree: Project) -> None:
    groups = pages_of(tree)["ar/actors/"].view.groups
    assert [(g.label, [(link.text, link.count) for link in g.links]) for g in groups] == [
        ("جماعات مسلحة", [("قوات سوريا الديمقراطية", "2"), ("وحدات حماية الشعب", "1")]),  # headed in the plural
        ("تحالفات", [("التحالف الدولي", "1")]),
        ("وسائل إعلام", [("باسنيوز", "0")]),
    ]


def test_affiliations_read_in_both_directions(tree: Project) -> None:
    pages = pages_of(tree)
    sdf = [(label, link.text) for label, link in pages["en/actors/sdf/"].view.relations]
    ypg = [(label, link.text) for label, link in pages["en/actors/ypg/"].view.relations]
    assert sdf == [("Backed by", "International Coalition"), ("Includes", "People's Protection Units")]
    assert ypg == [("Part of", "Syrian Democratic Forces")]


def test_actor_page_articles_and_companions(tree: Project) -> None:
    view = pages_of(tree)["en/actors/sdf/"].view
    assert [c.link.url for c in view.articles] == ["en/articles/2017-09-sdf-advance/",
                                                      "en/articles/2017-08-07-rift/"]
    assert [(link.text, link.count) for link in view.co_locations] == [("Deir ez-Zor", "2"), ("Raqqa", "1")]
    assert [(link.text, link.count) for link in view.co_actors] == [
        ("International Coalition", "1"), ("People's Protection Units", "1")]


def test_location_hierarchy_counts_places_inside(tree: Project) -> None:
    pages = pages_of(tree)
    tree_view = pages["en/locations/"].view.tree

    def flatten(nodes, depth=0):
        return [item for node in nodes for item in
                [(depth, node.link.text, node.link.count), *flatten(node.children, depth + 1)]]

    assert flatten(tree_view) == [(0, "Syria", "2"), (1, "Deir ez-Zor Governorate", "2"),
                                  (2, "Deir ez-Zor", "2"), (1, "Raqqa", "1")]
    city = pages["ar/locations/deir-ez-zor/"].view
    assert [link.text for link in city.breadcrumb] == ["سوريا", "محافظة دير الزور"]
    assert city.coordinates == ("35.3333", "40.15")
    assert city.osm_url == "https://www.openstreetmap.org/?mlat=35.3333&mlon=40.15#map=10/35.3333/40.15"


def test_source_page_shows_grade_and_articles_citing_it_directly_or_via(tree: Project) -> None:
    pages = pages_of(tree)
    article = pages["en/articles/2017-08-07-rift/"].view.sources[0]
    assert (article.source.text, article.via.text, article.reliability) == ("BasNews", "Rasd", "C — Fairly reliable")
    assert [c.link.url for c in pages["en/sources/rasd/"].view.articles] == ["en/articles/2017-08-07-rift/"]


def test_archive_by_month(tree: Project) -> None:
    groups = pages_of(tree, drafts=True)["en/archive/"].view.groups
    assert [(g.label, [(link.text, link.url, link.count) for link in g.links]) for g in groups] == [
        ("2017", [("September 2017", "en/archive/2017/09/", "1"), ("August 2017", "en/archive/2017/08/", "1"),
                  ("2017 — Month unknown", "en/archive/2017/", "1")])]


def test_arabic_digits_setting(tree: Project) -> None:
    site = tree.root / "site_config/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("arabic_digits: latn", "arabic_digits: arab"),
                    encoding="utf-8")
    pages = pages_of(tree)
    assert pages["ar/"].view.articles[1].date == "٧ آب ٢٠١٧"
    assert pages["en/"].view.articles[1].date == "7 August 2017"


def test_navigation_lists_sections_not_entities(tree: Project) -> None:
    nav = pages_of(tree)["ar/actors/sdf/"].nav
    assert [(item.text, item.url, item.active) for item in nav] == [
        ("الرئيسية", "ar/", False), ("الجهات الفاعلة", "ar/actors/", True), ("الأماكن", "ar/locations/", False),
        ("المصادر", "ar/sources/", False), ("الوسوم", "ar/tags/", False), ("الأرشيف", "ar/archive/", False),
        ("بحث", "ar/search/", False)]


def test_pages_carry_the_search_forms_of_their_names_in_both_languages(tree: Project) -> None:
    """An entity is found by its names, folded and without the article, on either edition."""
    pages = pages_of(tree)
    names = yaml.safe_load(LOCATIONS["raqqa"])["name"]
    for lang in ("ar", "en"):
        page = pages[f"{lang}/locations/raqqa/"]
        assert page.own_names == (names["ar"], names["en"])
        assert page.search_terms.split() == ["الرقه", "رقه"]  # الرقة folded (ة as ه), then without ال



def test_index_pages_paginate_keeping_groups_in_order_and_branches_whole(tree: Project, monkeypatch) -> None:
    monkeypatch.setattr("build_tools.site.pages.paging.INDEX_PAGE_SIZE", 2)
    tree.write("content/locations/iraq.yml", "name: {ar: العراق, en: Iraq}\nkind: country\n"
                                              "coordinates: {lat: 33.2, lon: 43.7}\n")
    pages = pages_of(tree)
    actors = [pages["en/actors/"], pages["en/actors/page/2/"]]
    assert "en/actors/page/3/" not in pages
    assert [[(g.label, [link.text for link in g.links]) for g in page.view.groups] for page in actors] == [
        [("Armed groups", ["People's Protection Units", "Syrian Democratic Forces"])],
        [("Coalitions", ["International Coalition"]), ("Media", ["BasNews"])]]
    assert [(p.view.pagination.newer, p.view.pagination.older, p.view.pagination.label) for p in actors] == [
        (None, "en/actors/page/2/", "Page 1 of 2"), ("en/actors/", None, "Page 2 of 2")]
    assert pages["ar/actors/page/2/"].alternate == "en/actors/page/2/"
    first, second = pages["en/locations/"].view, pages["en/locations/page/2/"].view
    assert ([node.link.text for node in first.tree], [point.name for point in first.points]) == (["Iraq"], ["Iraq"])
    assert [node.link.text for node in second.tree] == ["Syria"]  # its four places stay on one page
    assert [point.name for point in second.points] == ["Deir ez-Zor"]
    assert pages["en/sources/"].view.pagination is None


def test_timeline_is_monthly_over_five_years_and_yearly_beyond(tree: Project) -> None:
    assert pages_of(tree)["en/actors/sdf/"].view.timeline.title == "Briefings per month"
    write_minimal_article(tree, year="2010", slug="2010-05-01-early",
                          meta="date: 2010-05-01\nstatus: published\nactors: [sdf]\n")
    timeline = pages_of(tree)["en/actors/sdf/"].view.timeline
    assert timeline.title == "Briefings per year"
    assert timeline.svg.count("<rect") == 8  # 2010 to 2017


def test_arabic_names_sort_as_an_index_does_ignoring_the_article(project: Project) -> None:
    names = {"us": ("الولايات المتحدة", "United States"), "turkey": ("تركيا", "Turkey"),
             "fsa": ("الجيش الحر", "free Syrian Army"), "pyd": ("حزب الاتحاد الديمقراطي", "Democratic Union Party")}
    for id_, (ar, en) in names.items():
        project.write(f"content/actors/{id_}.yml", f"name: {{ar: {ar}, en: {en}}}\ntype: state\n")
    write_minimal_article(project)
    pages = pages_of(project)
    arabic = [link.text for link in pages["ar/actors/"].view.groups[0].links]
    english = [link.text for link in pages["en/actors/"].view.groups[0].links]
    assert arabic == ["تركيا", "الجيش الحر", "حزب الاتحاد الديمقراطي", "الولايات المتحدة"]  # ت ج ح و
    assert english == ["Democratic Union Party", "free Syrian Army", "Turkey", "United States"]  # case ignored


def test_companions_tied_in_count_are_ranked_and_cut_by_name_not_id(project: Project) -> None:
    letters = "ABCDEFGHIJKL"  # twelve companions, each once: ten are shown
    arabic = ["الياسمين", "بركان", "تدمر", "ثابت", "جبل", "حمص", "خابور", "درعا", "ذيبان", "رقة", "زيتون", "سهل"]
    for number, (letter, name) in enumerate(zip(letters, arabic, strict=True)):
        project.write(f"content/actors/z{11 - number:02d}.yml",  # ids run against the names
                      f"name: {{ar: {name}, en: Force {letter}}}\ntype: armed-group\n")
    project.write("content/actors/main.yml", "name: {ar: القوة, en: The Force}\ntype: armed-group\n")
    ids = ", ".join(["main", *(f"z{n:02d}" for n in range(12))])
    write_minimal_article(project, meta=f"date: 2017-08-07\nstatus: published\nactors: [{ids}]\n")
    pages = pages_of(project)
    assert [link.text for link in pages["en/actors/main/"].view.co_actors] == [f"Force {x}" for x in letters[:10]]
    # Arabic sorts without the article: الياسمين as ياسمين, after سهل; those two are cut.
    assert [link.text for link in pages["ar/actors/main/"].view.co_actors] == arabic[1:11]


def test_dates_can_name_the_month_as_each_of_several_locales_does(tree: Project) -> None:
    """date_locales: {ar: [ar_SY, ar_EG]}: the Levantine and the Egyptian month, "7 آب/أغسطس 2017"."""
    site = tree.root / "site_config/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("date_locales: {ar: ar_SY,",
                                                             "date_locales: {ar: [ar_SY, ar_EG],"), encoding="utf-8")
    levantine, egyptian = (get_month_names("wide", locale=name)[8] for name in ("ar_SY", "ar_EG"))
    pages = pages_of(tree)
    assert pages["ar/articles/2017-08-07-rift/"].view.card.date == f"7 {levantine}/{egyptian} 2017"
    assert pages["en/articles/2017-08-07-rift/"].view.card.date == "7 August 2017"


@pytest.mark.parametrize(("words", "minutes", "form"), [(100, 1, "one"), (400, 2, "two"), (900, 5, "few"),
                                                         (2000, 11, "many"), (18000, 100, "other")])
def test_an_article_says_how_long_it_takes_to_read_in_the_plural_form_of_its_number(
        project: Project, words: int, minutes: int, form: str) -> None:
    write_minimal_article(project, ar="---\ntitle: خلافات بين التحالف وقسد\n---\n" + "كلمة " * words + "\n",
                          en="---\ntitle: A rift\n---\n" + "word " * round(words * 230 / 180) + "\n")
    strings = {lang: yaml.safe_load((project.root / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
               for lang in ("ar", "en")}
    pages = pages_of(project)
    assert pages["ar/articles/2017-08-07-a/"].view.reading_time == \
        strings["ar"][f"reading_time_{form}"].format(count=minutes)
    english = "one" if minutes == 1 else "other"
    assert pages["en/articles/2017-08-07-a/"].view.reading_time == \
        strings["en"][f"reading_time_{english}"].format(count=minutes)


def test_the_byline_lists_each_author_by_the_name_site_config_gives_in_the_page_language(project: Project) -> None:
    project.write("site_config/authors.yml", "rasd-desk: {ar: مكتب رصد, en: Rasd desk}\n"
                                             "jowan: {ar: جوان, en: Jowan}\n")
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\n"
                                        "authors: [rasd-desk, Staff Reporter, مراسل ميداني, jowan]\n")
    pages = pages_of(project)
    arabic = pages["ar/articles/2017-08-07-a/"].view.authors
    english = pages["en/articles/2017-08-07-a/"].view.authors
    # Names as Babel lists them in each language; a name written in meta.yml in one
    # script is shown in it, isolated as that language on the other edition.
    assert arabic == [Name("مكتب رصد", "ar"), " و", Name("Staff Reporter", "en"), " و", Name("مراسل ميداني", "ar"),
                      " و", Name("جوان", "ar")]
    assert english == [Name("Rasd desk", "en"), ", ", Name("Staff Reporter", "en"), ", ",
                       Name("مراسل ميداني", "ar"), ", and ", Name("Jowan", "en")]


def test_an_article_without_authors_has_no_byline(project: Project) -> None:
    write_minimal_article(project)
    assert pages_of(project)["ar/articles/2017-08-07-a/"].view.authors == []
