"""Incremental builds (``publish.incremental``): the site is the same, byte for byte, as a
clean build of the same content, whatever was edited since the last build; and what
did not change is not rendered again."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Project, under_mutmut, write_minimal_article
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jinja2 import Environment
from jinja2.bccache import Bucket
from media_files import PHOTO, jpeg, picture

from build_tools.cli import main
from build_tools.diagnostics import Diagnostic, Position, Severity
from build_tools.messages import Message, msg
from build_tools.mkdocs.plugin import CompiledTemplates
from build_tools.pipeline import digests, load
from build_tools.pipeline.cache import ArticleCache
from build_tools.pipeline.checkcache import CheckCache
from build_tools.publish.incremental import BuildCache, MadePage, PreviousBuild
from build_tools.publish.linkcheck import page_file
from build_tools.publish.search import indexed_digest
from build_tools.site.pages import search as search_pages
from build_tools.text.matcher import Matcher, NameForm

IDENTITY_EXAMPLES = int(os.environ.get("BRIEFING_IDENTITY_EXAMPLES", "10" if under_mutmut() else "200"))
"""Random edit sequences the identity test tries; raise it for a longer run. Ten for a
mutant: 200 take minutes, and mutmut runs the test for every mutant of the build it covers."""
MOST_EDITS = 4
"""The longest sequence of edits it tries."""
KEPT_EDITS = 2
"""The states it keeps for later sequences to go on from: those one or two edits from the
start. Of 200 sequences, about 80 are kept and 340 built; keeping those three edits from
the start too would save 40 builds for 100 more sites kept (each about 9 MB)."""

SDF = "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\nshort_name: {ar: قسد, en: SDF}\n" \
      "type: armed-group\n"
RAQQA = "name: {ar: الرقة, en: Raqqa}\nkind: city\n"
TAG = "name: {ar: معركة الرقة, en: Battle of Raqqa}\n"
ARTICLE_AR = "---\ntitle: خلافات {n}\n---\nكشف مصدر كردي عن خلافات بين قسد والتحالف في الرقة ({n}).\n"
ARTICLE_EN = "---\ntitle: A rift {n}\n---\nA Kurdish source disclosed a rift between the SDF and others in Raqqa.\n"


def _meta(day: int, actor: str) -> str:
    return f"date: 2017-08-{day:02d}\nstatus: published\nactors: [{actor}]\nlocations: [raqqa]\ntags: [raqqa]\n"


def _article(project: Project, day: int, n: int) -> str:
    return write_minimal_article(project, slug=f"2017-08-{day:02d}-a{n}", meta=_meta(day, _sdf(project).stem),
                                 ar=ARTICLE_AR.format(n=n), en=ARTICLE_EN.format(n=n))


def _articles(project: Project) -> list[Path]:
    return sorted((project.root / "content/articles/2017").iterdir())


def start(project: Project) -> None:
    (project.root / CLOCK).write_text(str(START), encoding="utf-8")
    project.write("content/actors/sdf.yml", SDF)
    project.write("content/locations/raqqa.yml", RAQQA)
    project.write("content/tags/raqqa.yml", TAG)
    for n in range(3):
        _article(project, 3 + n, n)


def add_article(project: Project, step: int) -> None:
    _article(project, 10 + step, 10 + step)


def add_back_dated_article(project: Project, step: int) -> None:
    _article(project, 1, 20 + step)


def edit_article(project: Project, step: int) -> None:
    """A sentence more in one article's English text (not in its summary)."""
    folder = _articles(project)[step % len(_articles(project))]
    text = (folder / "en.md").read_text(encoding="utf-8")
    (folder / "en.md").write_text(f"{text}\nThe source was heard on day {step}.\n", encoding="utf-8")


def delete_article(project: Project, step: int) -> None:
    articles = _articles(project)
    if len(articles) > 1:
        shutil.rmtree(articles[step % len(articles)])


def rename_article(project: Project, step: int) -> None:
    folder = _articles(project)[0]
    folder.rename(folder.with_name(f"{folder.name}-moved{step}"))


def _sdf(project: Project) -> Path:
    """The SDF's file, whatever its id and English name now (``change_actor_id``, ``rename_actor``)."""
    return next(path for path in sorted((project.root / "content/actors").glob("*.yml"))
                if "short_name: {ar: قسد" in path.read_text(encoding="utf-8"))


def rename_actor(project: Project, step: int) -> None:
    """Its English name changed."""
    path = _sdf(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"en: [A-Za-z0-9 ]*Forces[0-9 ]*", f"en: Democratic Forces {step}", text, count=1),
                    encoding="utf-8")


def change_actor_id(project: Project, step: int) -> None:
    """``briefing rename``: its old address is kept as a redirect."""
    assert main(["rename", "actor", _sdf(project).stem, f"sdf-{step}", "--root", str(project.root)]) == 0


def rename_article_keeping_its_address(project: Project, step: int) -> None:
    folder = _articles(project)[-1]
    assert main(["rename", "article", folder.name, f"{folder.name}-r{step}", "--root", str(project.root)]) == 0


SCHEDULED = "publish_at: 2017-09-01T06:00:00+03:00\n"
"""Eleven days after the clock's start (``CLOCK``), a day before it moves on (``time_passes``)."""
CLOCK = ".clock"
"""The project's own clock, a file read into ``SOURCE_DATE_EPOCH`` by each of its builds."""
START, LATER = 1503187200, 1504310400
"""20 August and 2 September 2017, midnight UTC."""


def schedule_article(project: Project, step: int) -> None:
    meta = _articles(project)[0] / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    if SCHEDULED not in text:
        meta.write_text(text + SCHEDULED, encoding="utf-8")


def time_passes(project: Project, step: int) -> None:
    """The clock moves past every scheduled time: scheduled articles go out."""
    (project.root / CLOCK).write_text(str(LATER), encoding="utf-8")


def add_actor(project: Project, step: int) -> None:
    project.write(f"content/actors/group{step}.yml",
                  f"name: {{ar: جماعة {step}, en: Group {step}}}\ntype: armed-group\n")


def delete_unused_actor(project: Project, step: int) -> None:
    for path in sorted((project.root / "content/actors").glob("group*.yml"))[:1]:
        path.unlink()


def change_site_config(project: Project, step: int) -> None:
    """Two articles a page, or back to twenty."""
    site = project.root / "site_config/site.yml"
    text = site.read_text(encoding="utf-8")
    before, after = ("articles_per_page: 20", "articles_per_page: 2")
    if before not in text:
        before, after = after, before
    site.write_text(text.replace(before, after), encoding="utf-8")


def change_template(project: Project, step: int) -> None:
    """A line more in every article page (inside its block: what a page's template writes
    outside its blocks is never shown)."""
    template = project.root / "overrides/briefing/article.html"
    block = "{% block content %}"
    text = template.read_text(encoding="utf-8").replace(block, f"{block}<!-- {step} -->", 1)
    template.write_text(text, encoding="utf-8")


def add_photo(project: Project, step: int) -> None:
    folder = _articles(project)[-1]
    (folder / "road.jpg").write_bytes(jpeg(picture(640 + 16 * step, 480)))
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    if "media:" not in meta:
        (folder / "meta.yml").write_text(meta + "media:\n" + PHOTO.format(file="road.jpg") + "    lead: true\n",
                                         encoding="utf-8")


Edit = Callable[[Project, int], None]
EDITS: list[Edit] = [
    add_article, add_back_dated_article, edit_article, delete_article, rename_article, rename_actor, add_actor,
    delete_unused_actor, change_site_config, change_template, add_photo, change_actor_id,
    rename_article_keeping_its_address, schedule_article, time_passes]


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def build(project: Project, *args: str) -> int:
    """A build at the time of the project's clock, if it has one (``start``, ``time_passes``)."""
    clock = project.root / CLOCK
    with pytest.MonkeyPatch.context() as patch:
        if clock.exists():
            patch.setenv("SOURCE_DATE_EPOCH", clock.read_text(encoding="utf-8"))
        return main(["build", "--root", str(project.root), "--quiet", *args])


def clean_build(project: Project, cache: Path | None = None) -> tuple[int, Path]:
    """A build of ``project`` from nothing into a site folder of its own: no previous site,
    and no cache (``--no-cache``) or only the templates a clean build before it compiled
    into ``cache``. Jinja compiles again a template whose source changed, and compiling the
    theme's templates is most of a tiny site's clean build."""
    site = project.root.parent / f"{project.root.name}-clean"
    shutil.rmtree(site, ignore_errors=True)
    if cache is None:
        return build(project, "--site-dir", str(site), "--no-cache"), site
    for entry in cache.glob("*"):
        if entry.is_dir() and entry.name != "templates":
            shutil.rmtree(entry)
        elif entry.is_file():
            entry.unlink()
    return build(project, "--site-dir", str(site), "--cache", str(cache)), site


@pytest.fixture(scope="module")
def built_start(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The starting content, built (with its cache): the first state of the identity test."""
    project = Project(tmp_path_factory.mktemp("start"))
    start(project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_pages, "BUNDLE_PAGES", 2)
        assert build(project) == 0
    return project.root


class States:
    """The projects the identity test has built and compared, kept (up to ``KEPT_EDITS``)
    by the edits that made them from the start. An example whose first edits an earlier
    one made too goes on from the state those edits left, already built and compared (the
    edits and the builds give the same state whatever the example).

    A state is kept as a copy of its project, times kept (the build cache trusts a page
    whose file has the size and time it recorded); its site as hard links, since a build
    writes a new site and never changes a file of the previous one."""

    def __init__(self, start: Path, folder: Path) -> None:
        self.folder = folder
        self.kept: dict[tuple[str, ...], Path] = {(): start}
        self.project = Project(start.with_name("incremental"), made=True)
        self.clean_cache = folder / "clean-cache"

    def resume(self, edits: list[Edit]) -> int:
        """Puts into ``self.project`` the furthest kept state along ``edits``: how many of them it made."""
        done = max(n for n in range(len(edits) + 1) if _names(edits[:n]) in self.kept)
        _copy(self.kept[_names(edits[:done])], self.project.root)
        return done

    def keep(self, edits: list[Edit]) -> None:
        folder = self.folder / str(len(self.kept))
        _copy(self.project.root, folder)
        self.kept[_names(edits)] = folder


def _names(edits: list[Edit]) -> tuple[str, ...]:
    return tuple(edit.__name__ for edit in edits)


def _copy(project: Path, folder: Path) -> None:
    """``project`` copied to ``folder``, times kept, its site hard-linked."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(project, folder, symlinks=True, ignore=shutil.ignore_patterns("site"))
    shutil.copytree(project / "site", folder / "site", symlinks=True, copy_function=os.link)


@pytest.fixture(scope="module")
def states(built_start: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[States]:
    """The states of the identity test, removed after it."""
    folder = tmp_path_factory.mktemp("states")
    yield States(built_start, folder)
    shutil.rmtree(folder)


@pytest.mark.slow
@settings(max_examples=IDENTITY_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.sampled_from(EDITS), min_size=1, max_size=MOST_EDITS))
@example(edits=[schedule_article, time_passes])
@example(edits=[change_actor_id, rename_article_keeping_its_address, change_actor_id])
def test_an_incremental_build_gives_the_site_a_clean_build_gives(states: States, edits: list[Edit]) -> None:
    project = states.project
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_pages, "BUNDLE_PAGES", 2)  # search bundles reused, or not, as in an archive
        for step in range(states.resume(edits), len(edits)):
            edits[step](project, step)
            incremental = build(project)
            code, clean = clean_build(project, states.clean_cache)
            assert (incremental, code) == (0, 0), edits[step].__name__
            assert files_of(project.root / "site") == files_of(clean), _names(edits[:step + 1])
            if step < KEPT_EDITS:
                states.keep(edits[:step + 1])


def _written(site: Path) -> dict[str, int]:
    """When each page of the site was written."""
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*.html")}


def test_an_edited_article_renders_again_only_the_pages_that_show_it(project: Project) -> None:
    start(project)
    assert build(project) == 0
    before = _written(project.root / "site")
    edit_article(project, 0)  # the first article's English text: its page, nothing else shows the text
    assert build(project) == 0
    after = _written(project.root / "site")
    assert sorted(page for page in after if after[page] != before.get(page)) == [
        "404.html", "en/articles/2017-08-03-a0/index.html", "index.html"]


def test_a_renamed_actor_renders_again_the_pages_that_name_it(project: Project) -> None:
    start(project)
    project.write("content/actors/coalition.yml", "name: {ar: التحالف الدولي, en: Coalition}\ntype: coalition\n")
    assert build(project) == 0
    before = _written(project.root / "site")
    rename_actor(project, 0)  # its English name: every English page that names the SDF
    assert build(project) == 0
    after = _written(project.root / "site")
    again = {page for page in after if after[page] != before.get(page)}
    assert {page for page in again if page.startswith("ar/")} == {"ar/actors/sdf/index.html"}  # lists its names
    assert "en/actors/coalition/index.html" not in again
    assert {"en/actors/sdf/index.html", "en/articles/2017-08-03-a0/index.html", "en/index.html"} <= again


@pytest.mark.slow
def test_publishing_an_article_indexes_again_only_the_search_bundles_it_changes(
        project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_pages, "BUNDLE_PAGES", 2)
    start(project)
    add_article(project, 0)
    add_article(project, 1)  # five articles: in bundles of two from the oldest, the newest alone
    assert build(project) == 0
    before = _bundle_files(project.root / "site")
    add_article(project, 2)  # the newest, with the one before it; related to the newest ones only
    assert build(project) == 0
    after = _bundle_files(project.root / "site")
    assert sorted(before) == sorted(after) == [f"{lang}/{name}" for lang in ("ar", "en") for name in (
        "articles", "articles-2", "articles-3", "entities", "entities-2")]
    indexed_again = sorted(bundle for bundle in after if after[bundle] != before[bundle])
    # Every entity's page lists the new article, and the two before it show it as related:
    # changes inside what search excludes, which leave their bundles as they were.
    assert indexed_again == ["ar/articles-3", "en/articles-3"]
    code, clean = clean_build(project)
    assert code == 0 and files_of(project.root / "site") == files_of(clean)


def test_what_search_reads_of_a_page_leaves_out_only_what_pagefind_excludes() -> None:
    page = ('<html><body><h1>SDF</h1><div data-pagefind-ignore="all"><p>{listed}</p></div>{after}'
            '<p data-pagefind-ignore>{ignored}</p></body></html>')
    read = indexed_digest(page.format(listed="one", after="after", ignored="ignored").encode())
    assert indexed_digest(page.format(listed="two", after="after", ignored="ignored").encode()) == read
    assert indexed_digest(page.format(listed="one", after="later", ignored="ignored").encode()) != read
    # Pagefind reads the filters, metadata and images of what it only leaves out of the index:
    assert indexed_digest(page.format(listed="one", after="after", ignored="other").encode()) != read


def test_search_shows_an_entity_or_an_article_with_no_image_of_the_articles_its_page_lists(project: Project) -> None:
    """Pagefind gives a result the first image after the page's heading, unless it is in an
    element it excludes; the cards of the articles a page lists have their lead photos'
    thumbnails, which are not the actor's or the article's own."""
    start(project)
    add_photo(project, 0)  # on the newest article, which the others list as related
    assert build(project) == 0
    site = project.root / "site"
    assert "briefing-card__thumbnail" in page_file(site, "/en/actors/sdf/").read_text(encoding="utf-8")
    images = {url: fragment["meta"].get("image") for url, fragment in _fragments(site, "en").items()}
    newest, older = sorted(url for url in images if "/articles/" in url)[::-1][:2]
    assert images[newest] is not None
    assert images[older] is None and images["/en/actors/sdf/"] is None


def test_a_previous_page_is_compared_only_while_it_is_the_file_that_build_wrote(tmp_path: Path) -> None:
    page = tmp_path / "en/actors/sdf/index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>SDF</h1>", encoding="utf-8")
    status = page.stat()
    previous = PreviousBuild(tmp_path, "context", {"en/actors/sdf/index.html": MadePage(
        "made from", status.st_size, status.st_mtime_ns, ())})
    assert previous.page_bytes("en/actors/sdf/index.html") == b"<h1>SDF</h1>"
    assert previous.page_bytes("en/actors/ypg/index.html") is None
    page.write_text("<h1>YPG</h1>", encoding="utf-8")  # the same size, another time
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns + 1))
    assert previous.page_bytes("en/actors/sdf/index.html") is None


def _fragments(site: Path, lang: str) -> dict[str, dict[str, Any]]:
    """Every page Pagefind indexed in ``lang``: what it keeps of it, by address."""
    fragments = {}
    for path in (site / "pagefind" / lang).glob("*/fragment/*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[fragment["url"]] = fragment
    return fragments


def _bundle_files(site: Path) -> dict[str, dict[str, int]]:
    """Each search bundle (``ar/articles``): its files' inodes (a bundle reused keeps them)."""
    bundles: dict[str, dict[str, int]] = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            lang, name, *rest = path.relative_to(site / "pagefind").parts
            bundles.setdefault(f"{lang}/{name}", {})["/".join(rest)] = path.stat().st_ino
    return bundles


def test_a_damaged_cache_is_ignored_with_a_warning(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    assert build(project) == 0
    (project.root / ".briefing-cache/pages.json").write_text('{"format": 1, "pages": [', encoding="utf-8")
    code, clean = clean_build(project)
    assert build(project) == 0 and code == 0
    assert "the build cache" in capsys.readouterr().err
    assert files_of(project.root / "site") == files_of(clean)
    assert json.loads((project.root / ".briefing-cache/pages.json").read_text(encoding="utf-8"))["format"] == 1


def test_a_page_changed_on_disk_since_the_last_build_is_rendered_again(project: Project) -> None:
    start(project)
    assert build(project) == 0
    page = project.root / "site/en/actors/sdf/index.html"
    page.write_text("tampered", encoding="utf-8")
    assert build(project) == 0
    assert b"tampered" not in page.read_bytes()


def test_no_cache_leaves_no_cache_and_cache_puts_it_where_asked(project: Project, tmp_path_factory) -> None:
    start(project)
    elsewhere = tmp_path_factory.mktemp("cache")
    assert build(project, "--no-cache") == 0
    assert not (project.root / ".briefing-cache/pages.json").exists()
    assert not (project.root / ".briefing-cache/templates").exists()
    assert build(project, "--cache", str(elsewhere)) == 0
    assert (elsewhere / "pages.json").exists() and not (project.root / ".briefing-cache/pages.json").exists()
    assert list((elsewhere / "templates").glob("*/__jinja2_*.cache"))  # the theme's templates, compiled


def test_a_compiled_template_that_cannot_be_kept_does_not_fail_the_build(tmp_path: Path) -> None:
    env = Environment()
    compiled = CompiledTemplates(str(tmp_path / "removed"))  # by a build in another context
    bucket = Bucket(env, "page.html", "checksum")
    bucket.code = env.compile("<p>{{ title }}</p>")
    compiled.dump_bytecode(bucket)
    (tmp_path / "removed").mkdir()
    compiled.dump_bytecode(bucket)
    assert len(list((tmp_path / "removed").iterdir())) == 1


def test_templates_compiled_in_another_context_are_removed(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, tmp_path / "site")
    first = cache.compiled_templates("a" * 64)
    (first / "compiled").write_bytes(b"code")
    assert cache.compiled_templates("a" * 64) == first and (first / "compiled").exists()
    second = cache.compiled_templates("b" * 64)
    assert [path.name for path in (tmp_path / "templates").iterdir()] == [second.name]


def check(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--root", str(project.root), "--format", "json", *args])
    return code, capsys.readouterr().out


def test_check_reads_again_only_the_folders_that_changed(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    cold = check(project, capsys)
    assert check(project, capsys) == cold
    text = Path(_articles(project)[0] / "en.md")
    stamp = text.stat()
    text.write_text(text.read_text(encoding="utf-8").replace("A rift", "A\0rift"), encoding="utf-8")
    os.utime(text, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size and time: not read again
    assert check(project, capsys) == cold
    assert check(project, capsys, "--no-cache")[0] == 1  # read, it is a binary file
    text.write_text("---\ntitle: A rift\n---\n", encoding="utf-8")  # now changed: its empty text is an error
    code, report = check(project, capsys)
    assert code == 1 and "en.md" in report and "empty-text" in report


def test_a_check_after_which_nothing_changed_reads_no_registry(project: Project, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """It says what the last check found in the registries and the articles, from its cache."""
    start(project)
    project.write("content/actors/notes.txt", "not an actor")
    cold = check(project, capsys)
    assert "content/actors/notes.txt" in cold[1] and "coalition" not in cold[1]

    def unread(*args: object) -> None:
        raise AssertionError("a registry was read")

    with monkeypatch.context() as unreadable:
        unreadable.setattr(load, "read_registries", unread)
        assert check(project, capsys) == cold
        (project.root / "content/actors/notes.txt").unlink()  # the registries changed: read again
        with pytest.raises(AssertionError, match="a registry was read"):
            check(project, capsys)
    project.write("content/actors/coalition.yml", "name: {ar: التحالف, en: Coalition}\ntype: coalition\n")
    changed = check(project, capsys)
    assert "notes.txt" not in changed[1] and "coalition" in changed[1]
    assert check(project, capsys) == changed == check(project, capsys, "--no-cache")
    shutil.rmtree(_articles(project)[0])  # an article gone: nothing to read again either
    with monkeypatch.context() as unreadable:
        unreadable.setattr(load, "read_registries", unread)
        assert check(project, capsys) == check(project, capsys) != changed
    assert check(project, capsys) == check(project, capsys, "--no-cache")


def test_a_registry_saved_while_check_reads_it_is_read_again_next_time(
        project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    start(project)
    read_registries = load.read_registries

    def saved_meanwhile(*args: Any) -> None:
        read_registries(*args)
        project.write("content/actors/coalition.yml", "name: {ar: التحالف, en: Coalition}\ntype: coalition\n")

    with monkeypatch.context() as editing:
        editing.setattr(load, "read_registries", saved_meanwhile)
        assert "coalition" not in check(project, capsys)[1]
    assert check(project, capsys) == check(project, capsys, "--no-cache")


def test_the_registries_problems_are_kept_only_when_json_holds_them(tmp_path: Path) -> None:
    store, cache = CheckCache(tmp_path / "cache", "tool"), ArticleCache()
    problem = Diagnostic(Position("content/actors/a.yml", 2, 3), Severity.WARNING,
                         msg("kept {names}", names=("x", Message("y {z}", {"z": 1}))), "unknown-field")
    cache.context, cache.registry_problems = ("context",), [problem]
    store.save(cache, tmp_path)
    assert store.load(tmp_path)[0].registry_problems == [problem]
    cache.registry_problems = [problem, Diagnostic(problem.position, Severity.ERROR, msg("{x}", x={1}), "x")]
    store.save(cache, tmp_path)
    kept = store.load(tmp_path)[0]
    assert (kept.context, kept.registry_problems) == (("context",), None)  # read again by the next check


def test_what_a_check_found_is_not_trusted_once_a_package_is_upgraded(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    packages = tmp_path / "site-packages"
    (packages / "PyYAML-6.0.1.dist-info").mkdir(parents=True)
    (packages / "yaml").mkdir()
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {"purelib": str(packages), "platlib": str(packages)})
    assert digests.installed_packages() == ["PyYAML-6.0.1.dist-info"]
    before = digests.tool_digest.__wrapped__()
    (packages / "PyYAML-6.0.1.dist-info").rename(packages / "PyYAML-6.0.2.dist-info")
    assert digests.tool_digest.__wrapped__() != before


def test_check_writes_its_cache_again_only_when_what_it_keeps_changed(project: Project,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    check(project, capsys)
    kept = project.root / ".briefing-cache/check.json"
    written = kept.stat().st_ino  # written whole: a new file each time
    check(project, capsys)
    assert kept.stat().st_ino == written
    shutil.rmtree(_articles(project)[0])
    check(project, capsys)
    assert kept.stat().st_ino != written
    assert len(json.loads(kept.read_bytes())["folders"]) == 2


def test_check_checks_every_article_again_when_a_registry_changed(project: Project,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    assert "coalition" not in check(project, capsys)[1]
    project.write("content/actors/coalition.yml", "name: {ar: التحالف, en: Coalition}\ntype: coalition\n")
    warned = [d for d in json.loads(check(project, capsys)[1])["diagnostics"] if "coalition" in d["message"]]
    assert len(warned) == 3  # named in each article's Arabic text, listed by none
    assert [d for d in json.loads(check(project, capsys, "--no-cache")[1])["diagnostics"]
            if "coalition" in d["message"]] == warned


def test_a_build_takes_the_problems_of_unchanged_folders_from_the_last_check(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """A build after a check (or after another build) does not check an unchanged folder
    again: it says what was found in it then."""
    start(project)
    check(project, capsys)
    store = project.root / ".briefing-cache/check.json"
    data = json.loads(store.read_bytes())
    folder = _articles(project)[0].relative_to(project.root).as_posix()
    data["folders"][folder][1].append([f"{folder}/en.md", 1, 1, "warning", "kept from the last check", "ignored-file"])
    store.write_text(json.dumps(data), encoding="utf-8")
    assert build(project) == 0
    assert capsys.readouterr().out == f"{folder}/en.md:1:1: warning: kept from the last check [ignored-file]\n"
    assert build(project, "--no-cache") == 0
    assert capsys.readouterr().out == ""


def test_an_incremental_build_says_what_a_clean_build_says(project: Project,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    project.write("content/actors/coalition.yml", "name: {ar: التحالف, en: Coalition}\ntype: coalition\n")
    assert build(project) == 0
    capsys.readouterr()
    edit_article(project, 0)
    assert build(project) == 0
    incremental = capsys.readouterr().out
    assert build(project, "--no-cache", "--site-dir", str(project.root / "clean-site")) == 0
    assert capsys.readouterr().out == incremental
    assert incremental.count("mentions actor 'coalition'") == 3  # named in each Arabic text, listed by none
    assert files_of(project.root / "clean-site") == files_of(project.root / "site")


def test_a_build_checks_a_folder_whose_file_changed_behind_its_time(project: Project,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    assert build(project) == 0
    text = _articles(project)[0] / "en.md"
    stamp = text.stat()
    text.write_text(text.read_text(encoding="utf-8").replace("A rift", "A\0rift"), encoding="utf-8")
    os.utime(text, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size and time, read all the same
    assert build(project) == 1
    assert "en.md:2:9: error: NUL byte" in capsys.readouterr().out


def test_a_damaged_check_cache_is_ignored_with_a_warning(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    cold = check(project, capsys)
    (project.root / ".briefing-cache/check.json").write_text('{"format": 1, "tool"', encoding="utf-8")
    code = main(["check", "--root", str(project.root), "--format", "json"])
    captured = capsys.readouterr()
    assert (code, captured.out) == cold
    assert "the check cache" in captured.err and "it is ignored" in captured.err


WORDS = ["قوات", "سوريا", "الديمقراطية", "والتحالف", "بالرقة", "الرقة", "دير", "الزور", "SDF", "forces", "Raqqa"]
NAMES = ["قوات سوريا", "سوريا الديمقراطية", "التحالف", "الرقة", "دير الزور", "SDF", "Raqqa forces", "الزور"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=12), names=st.lists(st.sampled_from(NAMES), max_size=4),
       more=st.lists(st.sampled_from(NAMES), min_size=1, max_size=3))
def test_the_same_names_digest_promises_the_same_mentions(words: list[str], names: list[str], more: list[str]) -> None:
    """Another name added (``more``) either leaves a text's digest as it was, and then
    what is found in it, or changes it (its article page is rendered again)."""
    text = " ".join(words)
    before, after = Matcher(_forms(names)), Matcher(_forms(names + more))
    for lang in ("ar", "en"):
        if before.digest(text, lang) == after.digest(text, lang):
            assert before.find(text, lang) == after.find(text, lang)


@settings(max_examples=500, deadline=None)
@given(names=st.lists(st.text("ab.", min_size=1, max_size=3), min_size=1, max_size=3),
       more=st.text("ab.", min_size=1, max_size=3), words=st.lists(st.text("ab.", min_size=1, max_size=3), max_size=4))
@example(names=["a."], more="a", words=["b", "a.b", "a."])
@example(names=["a"], more="aa", words=["aa", "a", "bba", "b"])
def test_the_names_digest_tells_apart_names_that_overlap(names: list[str], more: str, words: list[str]) -> None:
    """The same promise over names of two letters and a mark, which overlap, contain one
    another and end where another starts: the digest must tell each match apart (the
    examples: "a" is a whole word in "a.b" where the longer name "a." is not; "a" is
    found inside "aa" and "bba")."""
    text = " ".join(words)
    before, after = Matcher(_forms(names)), Matcher(_forms([*names, more]))
    if before.digest(text, "en") == after.digest(text, "en"):
        assert before.find(text, "en") == after.find(text, "en")


def _forms(names: list[str]) -> list[NameForm]:
    return [NameForm("actor", f"a{n}", lang, name) for n, name in enumerate(names) for lang in ("ar", "en")]


def test_a_cache_naming_a_file_outside_the_site_is_not_trusted(project: Project,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    start(project)
    assert build(project) == 0
    manifest = project.root / ".briefing-cache/pages.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["pages"]["../../escaped.html"] = next(iter(data["pages"].values()))
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert build(project) == 0
    assert "is damaged" in capsys.readouterr().err
    assert not (project.root.parent / "escaped.html").exists()
