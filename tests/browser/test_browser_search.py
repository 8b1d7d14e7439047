"""Search as a reader uses it, in Chromium, on a generated corpus: the sample's registries
and articles written here, whose words give each query an expected first result and an
exact count, each group's pages shared out over several bundles. Results come in two
groups, the briefings first; every excerpt is words the page shows, never the search
forms indexed after them; the count is said in the plural form its number takes in the
page's language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from browser_fixtures import screenshot, site_contexts
from conftest import REPO, Project
from lxml import html

from build_tools.cli import main
from build_tools.publish.linkcheck import page_file
from build_tools.site.pages import search as search_pages
from build_tools.text.arabic import search_forms

SITE_URL = "https://example.org/briefing/"
COUNTED = {"هدنة": 2, "قافلة": 3, "غارة": 11}
"""Words written in that many Arabic articles, and in no registry."""
ENGLISH_COUNTED = {"truce": 2}


def _article(project: Project, day: int, slug: str, ar: tuple[str, str], en: tuple[str, str] | None,
             actors: tuple[str, ...] = ()) -> None:
    folder = f"content/articles/2017/2017-09-{day:02}-{slug}"
    listed = f"actors: [{', '.join(actors)}]\n" if actors else ""
    project.write(f"{folder}/meta.yml", f"date: 2017-09-{day:02}\nstatus: published\n{listed}")
    project.write(f"{folder}/ar.md", f"---\ntitle: {ar[0]}\n---\n{ar[1]}\n")
    if en:
        project.write(f"{folder}/en.md", f"---\ntitle: {en[0]}\n---\n{en[1]}\n")


def _corpus(project: Project) -> None:
    for registry in ("actors", "locations", "sources", "tags"):
        shutil.copytree(REPO / "content" / registry, project.root / "content" / registry)
    _article(project, 1, "front", ("تقدم القوات في دير الزور", "تقدمت القوات بدير الزور نحو المطار."),
             ("Forces advance in Deir ez-Zor", "Forces advanced near Deir ez-Zor towards the airport."))
    _article(project, 2, "rift", ("خلافات بين التحالف وقسد", "كشف مصدر كردي عن خلافات بين قيادة قسد والتحالف."),
             ("Rift between the Coalition and the SDF", "A Kurdish source reports a rift."), actors=("sdf",))
    _article(project, 3, "meeting", ("اجتماع في الرقة", "عقد اجتماع في الرقة لبحث الخدمات."), None)
    day = 4
    for word, count in COUNTED.items():
        for number in range(count):
            english = ("Truce", "A truce was agreed.") if word == "هدنة" else None
            _article(project, day, f"{word}-{number}".encode().hex()[:12],
                     (f"تقرير عن {word} {number + 1}", f"ذكرت مصادر محلية {word} في البادية."), english)
            day += 1


BUNDLE_PAGES = 4
"""Pages of a search bundle here, so that each group is shared out over several bundles
that the page's script must merge, as an archive's are (``site.pages.search``)."""


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    project = Project(tmp_path_factory.mktemp("search-corpus"))
    _corpus(project)
    site = project.root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_pages, "BUNDLE_PAGES", BUNDLE_PAGES)
        assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--quiet"]) == 0
    assert (site / "pagefind/ar/articles-4").is_dir() and (site / "pagefind/en/entities-2").is_dir()
    return site


@pytest.fixture(scope="module")
def strings() -> dict[str, dict[str, str]]:
    return {lang: yaml.safe_load((REPO / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
            for lang in ("ar", "en")}


@pytest.fixture
def search(browser, corpus_site: Path):
    context = site_contexts(browser, corpus_site, SITE_URL)(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def ask(lang: str, query: str) -> dict:
        """The search page of ``lang`` asked ``query``: its status line and each group's results."""
        page.goto(f"{SITE_URL}{lang}/search/?q={quote(query)}")
        status = page.locator("[data-briefing=search-status]")
        status.filter(has_text=re.compile(".")).wait_for(timeout=20_000)
        groups = {}
        for section in page.locator("[data-briefing=search-group]").all():
            if section.is_hidden():
                continue
            results = [(item.locator("a").inner_text(), item.locator("a").get_attribute("href"),
                        item.locator(".briefing-search__excerpt").inner_html())
                       for item in section.locator("[data-briefing=search-result]").all()]
            groups[section.get_attribute("data-group")] = results
        order = [section.get_attribute("data-group") for section in page.locator("[data-briefing=search-group]").all()
                 if section.is_visible()]
        return {"status": status.inner_text(), "groups": groups, "order": order, "page": page}

    yield ask
    context.close()
    assert context.outbound == []


EDGES = re.compile(r"^\W+|\W+$")
"""Punctuation around a word: Pagefind ends a heading's text with a full stop."""


def _words(text: str) -> list[str]:
    return [word for word in (EDGES.sub("", token) for token in text.split()) if word]


def _visible_words(site: Path, url: str) -> set[str]:
    """The words of the page's indexed region that a reader sees: no ignored part, no hidden one."""
    tree = html.parse(str(page_file(site, url.removeprefix("/briefing/")))).getroot()
    body = tree.xpath("//*[@data-pagefind-body]")[0]
    for hidden in body.xpath(".//*[@data-pagefind-ignore or @hidden]"):
        hidden.getparent().remove(hidden)
    return set(_words(" ".join(body.itertext())))


def _shown(excerpt: str) -> list[str]:
    return _words(html.fromstring(f"<p>{excerpt}</p>").text_content())


def _assert_excerpts_are_visible_text(site: Path, found: dict) -> None:
    for results in found["groups"].values():
        for _, url, excerpt in results:
            words = _visible_words(site, url)
            assert "⸻" not in excerpt and set(_shown(excerpt)) <= words, (url, excerpt)


def _holds(site: Path, url: str, query: str) -> bool:
    """Whether the page holds each word of ``query``, as the index's rules read words
    (``search_forms``): a word of the page, or of its names, begins with one of its forms."""
    tree = html.parse(str(page_file(site, url.removeprefix("/briefing/")))).getroot()
    page = {form for word in _words(" ".join(tree.xpath("//*[@data-pagefind-body]")[0].itertext()))
            for form in search_forms(word)}
    return all(any(form.startswith(wanted) for form in page for wanted in search_forms(word))
               for word in query.split())


@pytest.mark.parametrize(("query", "article", "entity"), [
    ("بدير الزور", "تقدم القوات في دير الزور", "دير الزور"),
    ("وبالرقه", "اجتماع في الرقة", "الرقة"),
    ("دَيْرِ الزُّورِ", "تقدم القوات في دير الزور", "دير الزور"),
    ("بين", "خلافات بين التحالف وقسد", "العلاقة بين التحالف وقسد"),
    ("قسد", "خلافات بين التحالف وقسد", "قوات سوريا الديمقراطية"),
], ids=["prefixed", "stacked-prefixes-and-haa", "vowelled", "letter-like-a-prefix", "short-name"])
def test_arabic_queries_find_their_first_results_in_two_groups(search, corpus_site: Path, query: str, article: str,
                                                               entity: str) -> None:
    found = search("ar", query)
    assert found["order"] == ["articles", "entities"]
    assert found["groups"]["articles"][0][0] == article
    assert found["groups"]["entities"][0][0] == entity
    _assert_excerpts_are_visible_text(corpus_site, found)
    shown = [url for results in found["groups"].values() for _, url, _ in results]
    assert [url for url in shown if not _holds(corpus_site, url, query)] == []


def test_a_word_whose_first_letter_looks_like_a_prefix_is_found_and_shown_whole(search, corpus_site: Path) -> None:
    found = search("ar", "بين")
    excerpts = [excerpt for results in found["groups"].values() for _, _, excerpt in results]
    assert all("<mark>بين</mark>" in excerpt for excerpt in excerpts)
    assert not any(word == "ين" for excerpt in excerpts for word in _shown(excerpt))
    kurdish = search("ar", "كردي")
    titles = {title for results in kurdish["groups"].values() for title, _, _ in results}
    assert {"خلافات بين التحالف وقسد", "وحدات حماية الشعب"} <= titles  # كردي, and الكردي on the YPG's page
    _assert_excerpts_are_visible_text(corpus_site, kurdish)


@pytest.mark.parametrize(("word", "category"), [("هدنة", "two"), ("قافلة", "few"), ("غارة", "many")],
                         ids=["two", "few", "many"])
def test_the_count_takes_the_plural_form_of_its_number(search, strings, word: str, category: str) -> None:
    found = search("ar", word)
    count = COUNTED[word]
    assert len(found["groups"]["articles"]) == min(count, 10) and "entities" not in found["groups"]
    expected = strings["ar"][f"search_count_{category}"].format(count=count, term=word)
    assert found["status"] == expected


def test_more_results_are_shown_on_request(search) -> None:
    found = search("ar", "غارة")
    page = found["page"]
    page.locator("[data-group=articles] .briefing-search__more").click()
    page.locator("[data-group=articles] [data-briefing=search-result]").nth(COUNTED["غارة"] - 1).wait_for()
    assert page.locator("[data-group=articles] .briefing-search__more").is_hidden()


def test_one_none_and_english_counts(search, strings) -> None:
    assert search("ar", "الخدمات")["status"] == strings["ar"]["search_count_one"].format(term="الخدمات")
    assert search("ar", "xyzzy")["status"] == strings["ar"]["search_none"].format(term="xyzzy")
    found = search("en", "truce")
    assert found["status"] == strings["en"]["search_count_other"].format(count=ENGLISH_COUNTED["truce"], term="truce")


def test_page_furniture_and_ids_are_not_searched(search) -> None:
    for query in ("Q858", "Atom"):
        assert search("ar", query)["groups"] == {}, query


@pytest.mark.parametrize(("query", "article", "entity"), [
    ("قسد", "Rift between the Coalition and the SDF", "Syrian Democratic Forces"),
    ("SDF", "Rift between the Coalition and the SDF", "Syrian Democratic Forces"),
    ("Deir ez-Zor", "Forces advance in Deir ez-Zor", "Deir ez-Zor"),
], ids=["arabic-short-name", "english-short-name", "english-name"])
def test_english_queries_and_arabic_names_on_the_english_edition(search, corpus_site: Path, query: str,
                                                                 article: str, entity: str) -> None:
    found = search("en", query)
    assert found["groups"]["articles"][0][0] == article
    assert found["groups"]["entities"][0][0] == entity
    _assert_excerpts_are_visible_text(corpus_site, found)


@pytest.mark.parametrize(("lang", "width"), [("ar", 375), ("ar", 1280), ("en", 375), ("en", 1280)])
def test_the_search_page_as_a_reader_sees_it(browser, corpus_site: Path, strings, lang: str, width: int) -> None:
    context = site_contexts(browser, corpus_site, SITE_URL)(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{SITE_URL}{lang}/")
    page.locator("[data-briefing=search-button]").click()
    page.wait_for_url(f"{SITE_URL}{lang}/search/")
    page.get_by_label(strings[lang]["search_placeholder"]).fill("دير الزور" if lang == "ar" else "Deir ez-Zor")
    page.locator("[data-briefing=search-result]").first.wait_for(timeout=20_000)
    assert "q=" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than a phone
    screenshot(page, f"search-{lang}-{width}")
    context.close()
