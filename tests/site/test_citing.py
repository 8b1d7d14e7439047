"""How to cite an article: a reference in the page's language under every article, and
the citation_* meta tags reference managers and Google Scholar read, both pointing at the
article's permanent address in its language."""

from __future__ import annotations

from conftest import Project, write_minimal_article
from lxml import html

SITE = "https://example.org/briefing/"
META = "date: 2017-08-07\nstatus: published\nauthors: [editor4, A. Writer]\n"


def _page(site, lang: str) -> html.HtmlElement:
    return html.document_fromstring((site / lang / "articles/2017-08-07-a/index.html").read_bytes())


def test_an_article_says_how_to_cite_it_in_each_language(project: Project) -> None:
    write_minimal_article(project, meta=META)
    site = project.build()
    for lang, expected in (
        ("en", f"A rift, Deir ez-Zor Briefing, 7 August 2017, {SITE}en/articles/2017-08-07-a/, accessed on …"),
        ("ar", f"خلافات بين التحالف وقسد، موجز دير الزور، 7 آب 2017، {SITE}ar/articles/2017-08-07-a/، "
               "تاريخ الاطلاع: …"),
    ):
        page = _page(site, lang)
        cited = page.xpath('//*[@data-briefing="cite"]')[0]
        assert cited.xpath("string(h2)") == ("How to cite" if lang == "en" else "طريقة الاستشهاد")
        assert " ".join(cited.xpath("string(p)").split()) == expected
        link = cited.xpath("p/a")[0]
        assert link.get("href") == link.text == f"{SITE}{lang}/articles/2017-08-07-a/"
        assert (site / link.get("href").removeprefix(SITE) / "index.html").is_file()


def test_reference_managers_read_the_article_s_facts(project: Project) -> None:
    write_minimal_article(project, meta=META, en=None)
    site = project.build()
    for lang in ("ar", "en"):
        tags = [(meta.get("name"), meta.get("content")) for meta in _page(site, lang).xpath(
            '//head/meta[starts-with(@name, "citation_")]')]
        assert tags == [
            ("citation_title", "خلافات بين التحالف وقسد"),  # the English page cites the text it shows, pending
            ("citation_author", "محرر رصد" if lang == "ar" else "Rasd editor"), ("citation_author", "A. Writer"),
            ("citation_publication_date", "2017/08/07"), ("citation_language", "ar"),
            ("citation_publisher", "موجز دير الزور" if lang == "ar" else "Deir ez-Zor Briefing"),
            ("citation_public_url", f"{SITE}{lang}/articles/2017-08-07-a/"),
        ]
