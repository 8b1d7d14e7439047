"""``briefing build`` and ``mkdocs build``: the sample site, drafts, refusal on errors."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from browser_fixtures import require
from conftest import REPO, Project, write_minimal_article
from lxml import html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from build_tools.cli import main
from build_tools.diagnostics import Report
from build_tools.pipeline import load as pipeline
from build_tools.pipeline.cache import ArticleCache
from build_tools.publish.linkcheck import broken_links, page_file

ARTICLE = "articles/2017-coalition-sdf-rift-deir-ez-zor/"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("path", [
    "", ARTICLE, "actors/", "actors/sdf/", "locations/", "locations/deir-ez-zor/", "sources/",
    "sources/basnews/", "tags/", "tags/deir-ez-zor-campaign/", "archive/", "archive/2017/", "search/",
])
def test_every_page_kind_exists_in_both_languages(sample_site: Path, lang: str, path: str) -> None:
    assert page_file(sample_site, f"/{lang}/{path}").is_file()


def test_language_and_direction_of_pages(sample_site: Path) -> None:
    arabic = page_file(sample_site, f"/ar/{ARTICLE}").read_text(encoding="utf-8")
    english = page_file(sample_site, f"/en/{ARTICLE}").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in arabic and '<body dir="rtl"' in arabic
    assert '<html lang="en" dir="ltr"' in english and '<body dir="ltr"' in english


def test_every_internal_link_and_anchor_resolves(sample_site: Path) -> None:
    base_url = yaml.safe_load((REPO / "site_config/site.yml").read_text(encoding="utf-8"))["base_url"]
    assert list(broken_links(sample_site, base_url)) == []


def _digests(folder: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def test_no_content_file_is_published(sample_site: Path) -> None:
    assert _digests(REPO / "content").isdisjoint(_digests(sample_site))


def test_files_beside_the_content_are_not_published_either(project: Project, capsys) -> None:
    folder = project.root / write_minimal_article(project)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo with its GPS position")
    (folder / "notes.txt").write_text("the source's phone number", encoding="utf-8")
    (project.root / "content/logo.png").write_bytes(b"\x89PNG a logo")
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0
    assert _digests(project.root / "content").isdisjoint(_digests(project.root / "out"))
    names = {p.name for p in (project.root / "out").rglob("*")}
    assert not names & {"photo.jpg", "notes.txt", "logo.png", "meta.yml", "ar.md", "en.md"}


def test_article_page_shows_its_metadata_and_note(sample_site: Path) -> None:
    html = page_file(sample_site, f"/en/{ARTICLE}").read_text(encoding="utf-8")
    assert 'href="../../sources/basnews/"' in html and 'href="../../sources/rasd/"' in html
    assert "Reliability: Not graded" in html
    assert "Editor&#39;s note" in html or "Editor's note" in html
    assert 'hreflang="ar"' in html
    assert 'typo (&#34;<bdi lang="ar" dir="rtl">بالتوزاي</bdi>&#34; for' in html


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_byline_names_the_author_as_site_config_does(sample_site: Path, lang: str) -> None:
    bylines = yaml.safe_load((REPO / "site_config/authors.yml").read_text(encoding="utf-8"))
    strings = yaml.safe_load((REPO / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
    page = html.fromstring(page_file(sample_site, f"/{lang}/{ARTICLE}").read_bytes())
    (byline,) = page.xpath('//*[@data-briefing="byline"]')
    assert byline.text_content() == f"{strings['authors']} {bylines['editor4'][lang]}"
    assert [(bdi.get("lang"), bdi.text) for bdi in byline.iter("bdi")] == [(lang, bylines["editor4"][lang])]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_has_a_bundle_per_language_and_group_holding_only_those_pages(sample_site: Path, lang: str) -> None:
    """The articles in one bundle, the actors, locations, sources and tags in another; no other page."""
    marked = {p for p in (sample_site / lang).rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    sections = {"articles": {"articles"}, "entities": {"actors", "locations", "sources", "tags"}}
    for group, folders in sections.items():
        entry = json.loads((sample_site / f"pagefind/{lang}/{group}/pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        pages = [p for p in marked if p.relative_to(sample_site / lang).parts[0] in folders]
        assert entry["languages"][lang]["page_count"] == len(pages) > 0, group
    assert {p.relative_to(sample_site / lang).parts[0] for p in marked} == set().union(*sections.values())


@pytest.mark.parametrize("bundle_path", ["ar/articles", "ar/entities", "en/articles", "en/entities"])
def test_every_file_of_the_search_bundle_is_whole(sample_site: Path, bundle_path: str, tmp_path: Path) -> None:
    """A file cut short by an indexer stopped mid-write fails its gzip check or does not parse."""
    bundle = sample_site / "pagefind" / bundle_path
    packed = [*bundle.rglob("*.pf_*"), *bundle.glob("wasm.*.pagefind")]
    assert len(packed) > 3
    for path in packed:
        assert gzip.decompress(path.read_bytes()), path
    json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    require(shutil.which("node") is not None, "node", "apt-get install nodejs")
    scripts = sorted(bundle.glob("*.js"))
    assert {p.name for p in scripts} >= {"pagefind.js", "pagefind-ui.js", "pagefind-highlight.js"}
    for script in scripts:
        module = tmp_path / f"{script.stem}.mjs"
        shutil.copy(script, module)
        result = subprocess.run(["node", "--check", str(module)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.name}: {result.stderr[-300:]}"


def test_build_refuses_content_with_errors(project: Project, capsys) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: publshed\n")
    code = main(["build", "--root", str(project.root)])
    assert code == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "content/articles/2017/2017-08-07-a/meta.yml:2:9: error: unknown status 'publshed' "
        "(did you mean 'published'?) [unknown-value]")
    assert not (project.root / "site").exists()


def test_drafts_only_with_the_flag_and_with_a_banner(project: Project) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: draft\n")
    before = project.fingerprint()
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0
    assert not page_file(project.root / "out", "/ar/articles/2017-08-07-a/").exists()
    home = page_file(project.root / "out", "/ar/").read_text(encoding="utf-8")
    assert "md-banner" not in home  # no empty banner strip on a page that is no draft
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out"), "--drafts"]) == 0
    html = page_file(project.root / "out", "/ar/articles/2017-08-07-a/").read_text(encoding="utf-8")
    assert 'data-briefing="draft">مسودة — غير منشورة</strong>' in html
    assert html.count('class="md-banner"') == 1
    after = {path: digest for path, digest in project.fingerprint().items() if not path.startswith("out/")}
    assert after == before


def test_mkdocs_build_itself_stops_on_content_errors(project: Project, caplog) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [sdff]\n")
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.root / "out"))
    with pytest.raises(Abort):
        build(config)
    assert ("content/articles/2017/2017-08-07-a/meta.yml:3:10: error: unknown actor 'sdff' in actors[0]"
            " [unknown-reference]"
            in caplog.text)
    assert not (project.root / "out" / "ar").exists()


def test_corrections_shown_newest_first_and_updated_date_follows(project: Project) -> None:
    write_minimal_article(project, meta=(
        "date: 2017-08-07\nstatus: published\ncorrections:\n"
        "  - {date: 2017-08-08, text: {ar: تصحيح أول, en: First fix}}\n"
        "  - {date: 2017-08-20, text: {ar: تصحيح ثان, en: Second fix}}\n"))
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0
    html = page_file(project.root / "out", "/en/articles/2017-08-07-a/").read_text(encoding="utf-8")
    corrections = re.findall(r'<li><time datetime="([^"]+)">([^<]+)</time>: <bdi[^>]*>([^<]+)</bdi></li>', html)
    assert corrections == [("2017-08-20", "20 August 2017", "Second fix"), ("2017-08-08", "8 August 2017", "First fix")]
    assert 'Updated <time datetime="2017-08-20">20 August 2017</time>' in html


KEPT = "<!-- not rewritten -->"


@pytest.fixture
def previewing(project: Project):
    """Builds ``project`` as ``mkdocs serve --dirty`` does: one plugin instance from one
    rebuild to the next (MkDocs keeps plugins that have ``on_startup``). Each rebuild
    returns the pages it wrote: before it, every page is marked, and a page written
    again loses its mark."""
    site = project.root / "preview"
    started = []

    def rebuild() -> list[str]:
        for page in site.rglob("*.html"):
            page.write_text(page.read_text(encoding="utf-8") + KEPT, encoding="utf-8")
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site))
        if not started:  # once, as serve does: the plugin keeps what it made from one build to the next
            config.plugins["briefing"].on_startup(command="serve", dirty=True)
            started.append(True)
        build(config, dirty=True)
        written = sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                         if not p.read_text(encoding="utf-8").endswith(KEPT))
        written.remove("404.html")  # a theme template, which MkDocs renders on every build
        return written

    yield rebuild
    load_config(str(project.root / "mkdocs.yml")).plugins["briefing"].on_startup(command="build", dirty=False)


def test_preview_rebuilds_only_the_pages_an_edit_changes(project: Project, previewing) -> None:
    project.write("content/actors/sdf.yml", "name: {ar: قوات سوريا الديمقراطية, en: SDF}\ntype: armed-group\n")
    folder = write_minimal_article(project)
    write_minimal_article(project, slug="2017-08-08-b", meta="date: 2017-08-08\nstatus: published\n")
    first = previewing()
    assert len(first) > 20
    ar_text = project.root / folder / "ar.md"
    ar_text.write_text(ar_text.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    assert previewing() == ["ar/articles/2017-08-07-a/index.html"]
    assert "فقرة جديدة." in (project.root / "preview/ar/articles/2017-08-07-a/index.html").read_text(encoding="utf-8")
    en_text = project.root / folder / "en.md"
    en_text.write_text(en_text.read_text(encoding="utf-8").replace("A rift", "A deeper rift"), encoding="utf-8")
    previewing()
    assert "A deeper rift" in (project.root / "preview/en/feed.xml").read_text(encoding="utf-8")
    assert "A deeper rift" in (project.root / "preview/en/archive/2017/08/index.html").read_text(encoding="utf-8")
    (project.root / "overrides/briefing/article.html").write_text(
        (project.root / "overrides/briefing/article.html").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert previewing() == first  # a template changed: every page


def test_preview_rewrites_the_pages_offering_an_edited_article_to_read_next(project: Project, previewing) -> None:
    project.write("content/actors/sdf.yml", "name: {ar: قوات سوريا الديمقراطية, en: SDF}\ntype: armed-group\n")
    folder = write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n")
    write_minimal_article(project, slug="2017-08-08-b", meta="date: 2017-08-08\nstatus: published\nactors: [sdf]\n")
    previewing()
    en_text = project.root / folder / "en.md"
    en_text.write_text(en_text.read_text(encoding="utf-8").replace("A rift", "A deeper rift"), encoding="utf-8")
    written = previewing()
    assert "en/articles/2017-08-08-b/index.html" in written and "ar/articles/2017-08-08-b/index.html" not in written
    offered = page_file(project.root / "preview", "/en/articles/2017-08-08-b/").read_text(encoding="utf-8")
    assert "A deeper rift" in offered


def test_preview_rereads_only_the_article_folders_that_changed(project: Project,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    actor = project.write("content/actors/sdf.yml", "name: {ar: قسد, en: SDF}\ntype: armed-group\n")
    edited = write_minimal_article(project)
    write_minimal_article(project, slug="2017-08-08-b", meta="date: 2017-08-08\nstatus: published\n")
    read: list[str] = []
    load_bundle = pipeline.load_bundle

    def recording_load_bundle(folder: Path, *args):
        read.append(folder.name)
        return load_bundle(folder, *args)

    monkeypatch.setattr(pipeline, "load_bundle", recording_load_bundle)
    cache = ArticleCache()

    def reload() -> tuple[list[str], Report]:
        read.clear()
        report = Report()
        pipeline.load_briefing(project.root, report, cache=cache)
        return sorted(read), report

    assert reload()[0] == ["2017-08-07-a", "2017-08-08-b"]
    assert reload()[0] == []
    (project.root / edited / "en.md").write_text("---\ntitle: A rift, edited\n---\nThe SDF.\n", encoding="utf-8")
    assert reload()[0] == ["2017-08-07-a"]
    actor.write_text("name: {ar: قسد, en: SDF}\ntype: armed-group\naliases: {en: [Syrian Democratic Forces]}\n",
                     encoding="utf-8")
    assert reload()[0] == ["2017-08-07-a", "2017-08-08-b"]
    (project.root / "content/articles/2017/2017-08-09-c").mkdir()
    folders, report = reload()
    assert folders == ["2017-08-09-c"]
    assert [str(d) for d in report.errors] == [
        "content/articles/2017/2017-08-09-c: error: missing meta.yml (date, status, actors, locations, sources)"
        " [missing-meta]",
        "content/articles/2017/2017-08-09-c: error: no text: an article needs ar.md, en.md or both [no-text]"]
