"""Attribute lists and ids under an allowlist (issue 44, point 7).

An article's ``{: …}`` may set only a class of the documented few, an id outside the
theme's, ``width``/``height`` in digits, ``lang``, ``dir`` and ``title``: ``check``
refuses every other attribute at its line and column, and whatever gets past it, the
built page carries no attribute outside the allowlist and no id of the theme's (DOM
clobbering: ``<span id="__config">`` would stand in for Material's configuration).
The expectations below are written from the rules, not read from the code under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import REPO, Project, write_minimal_article
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import html
from media_files import PHOTO, jpeg, write_article_with_media

from build_tools.checks.markdown import check_markdown
from build_tools.cli import main
from build_tools.diagnostics import Report
from build_tools.text.htmlpolicy import sanitize

ARTICLE = "content/articles/2017/2017-08-07-a"
EDITOR_CLASSES = ["cards", "grid", "md-button", "md-button--primary"]
MARKDOWN_CLASSES = {"footnote", "footnote-ref", "footnote-backref", "admonition", "admonition-title"}
ATTRIBUTE_LIST_NAMES = {"class", "id", "width", "height", "lang", "dir", "title"}
CONTENT_ATTRIBUTES = {"*": {"id", "class", "lang", "dir", "title"}, "a": {"href", "hreflang"},
                      "img": {"src", "alt", "width", "height"}, "ol": {"start"}, "td": {"colspan", "rowspan", "align"},
                      "th": {"colspan", "rowspan", "align", "scope"}, "time": {"datetime"}, "q": {"cite"},
                      "blockquote": {"cite"}, "details": {"open"}}
MATERIAL_TEMPLATES = Path(markdown.__file__).parent.parent / "material" / "templates"
THEME_IDS = {found for path in MATERIAL_TEMPLATES.rglob("*.html")
             for found in re.findall(r'\bid="(__[a-z_]+)"', path.read_text(encoding="utf-8"))}
"""The ids Material's own templates write as they are (``__config``, ``__drawer``…)."""
SITE_IDS = {found for path in (REPO / "overrides").rglob("*.html")
            for found in re.findall(r'\bid="([^"{]+)"', path.read_text(encoding="utf-8"))}
"""The ids the site's templates write (``briefing-content``…)."""
BUILDS = settings(max_examples=4, deadline=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
"""A site build each: a few generated articles, not shrunk when one fails (each shrinking step is a build)."""


def theirs(value: str) -> bool:
    """Whether an id is the theme's: Material's namespace, the site's ids, a capitalised script name."""
    return (value.startswith("__") or value in THEME_IDS | SITE_IDS
            or (re.fullmatch(r"[A-Za-z_$][\w$]*", value) is not None and value != value.lower()))


# --- Attributes, each with whether the allowlist admits it -----------------------------------------------------
_WORD = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
_TEXT = st.from_regex(r"[A-Za-z0-9ء-ي][A-Za-z0-9ء-ي .,:-]{0,15}", fullmatch=True).map(str.strip).filter(bool)
_GOOD_ID = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True).filter(lambda v: not v.startswith("briefing-"))
_BAD_ID = st.one_of(_WORD.map(lambda w: "__" + w), _WORD.map(lambda w: "briefing-" + w),
                    st.sampled_from(["__config", "__drawer", "__search", "__palette_0", "__consent", "briefing-content",
                                     "L", "briefingMap", "Casualties", "قسد", "-x", "a.b"]))
_VALUES = {
    "width": (st.from_regex(r"[0-9]{1,4}", fullmatch=True), st.sampled_from(["10px", "-1", "1.5", "1e3", "ten"])),
    "lang": (st.sampled_from(["ar", "en", "ku-Latn", "ar-SY", "kmr", "ckb-IQ", "en-GB", "syr"]),
             st.sampled_from(["e_n", "english!", "123", "a", "ar-", "toolonglang", "ar--sy"])),
    "dir": (st.sampled_from(["ltr", "rtl", "auto", "RTL"]), st.sampled_from(["up", "left", "ltr-rtl", "0"])),
    "title": (_TEXT, st.nothing()),
    "id": (_GOOD_ID, _BAD_ID),
}
_VALUES["height"] = _VALUES["width"]
_REFUSED_NAMES = st.one_of(
    st.sampled_from(["src", "href", "name", "style", "srcset", "loading", "target", "rel", "hidden", "tabindex",
                     "for", "form", "contenteditable", "ONCLICK", "Src", "xmlns", "data-md-component", "align"]),
    _WORD.map(lambda w: "on" + w), _WORD.map(lambda w: "data-" + w),
    st.from_regex(r"[a-zA-Z][a-zA-Z0-9_:-]{0,10}", fullmatch=True)).filter(
        lambda name: name.lower() not in ATTRIBUTE_LIST_NAMES)


def _written(name: str, value: str) -> st.SearchStrategy[str]:
    quotable = st.just(f'{name}="{value}"')
    return st.one_of(quotable, st.just(f"{name}={value}")) if re.fullmatch(r"[^ =}\"']+", value) else quotable


@st.composite
def attribute(draw: st.DrawFn) -> tuple[str, bool]:
    """(the attribute as written in a list, whether the allowlist admits it)."""
    kind = draw(st.sampled_from(["class", "id", "named", "refused", "valueless"]))
    if kind == "class":
        value = draw(st.one_of(st.sampled_from(EDITOR_CLASSES), _WORD))
        return "." + value, value in EDITOR_CLASSES
    if kind == "id":
        good = draw(st.booleans())
        value = draw(_VALUES["id"][0 if good else 1])
        return draw(st.sampled_from(["#" + value, f'id="{value}"'])), good
    if kind == "named":
        name = draw(st.sampled_from(sorted(_VALUES)))
        good = name == "title" or draw(st.booleans())
        value = draw(_VALUES[name][0 if good else 1])
        spelled = draw(st.sampled_from([name, name.upper(), name.capitalize()]))
        return draw(_written(spelled, value)), good
    if kind == "valueless":
        return draw(_REFUSED_NAMES), False
    return draw(_written(draw(_REFUSED_NAMES), draw(_TEXT))), False


# --- Elements, each placing an attribute list where attr_list applies it ----------------------------------------
ELEMENTS: dict[str, tuple[str, str]] = {
    # kind: (text with {A} where the list goes, text after), one per kind of block and inline element
    "heading": ("## Heading of a part ", ""),
    "paragraph": ("Words of a paragraph.\n", ""),
    "quote": ("> A quoted line.\n> ", ""),
    "list item": ("- An item of a list\n  ", ""),
    "table cell": ("| Axis ", " | Distance |\n|---|---|\n| Desert | 120 |"),
    "term": ("Term ", "\n:   The definition of the term."),
    "emphasis": ("Text with *emphasis*", " inside."),
    "strong": ("Text with **strong words**", " inside."),
    "code": ("Text with `code`", " inside."),
    "link": ("Text with [a link](https://example.org/)", " inside."),
    "image": ("![A road](road.jpg)", ""),
    "footnote": ("A claim.[^{n}]", "\n\n[^{n}]: Its source."),
}


@st.composite
def article(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[str]]:
    """(a text, the (line, column) of each attribute it writes outside the allowlist, its element kinds)."""
    blocks, refused, kinds, line = [], [], [], 1
    for n in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from([*ELEMENTS, "fence"]))
        attributes = draw(st.lists(attribute(), min_size=1, max_size=4))
        before, after = ELEMENTS.get(kind, ("```{ .python ", " }\nprint(1)\n```"))
        before, after = before.replace("{n}", str(n + 1)), after.replace("{n}", str(n + 1))
        opening = "" if kind == "fence" else draw(st.sampled_from(["{: ", "{:", "{ ", "{"]))
        column = len(before.rsplit("\n", 1)[-1]) + len(opening) + 1
        for written, allowed in attributes:
            if not allowed:
                refused.append((line + before.count("\n"), column))
            column += len(written) + 1
        closing = "" if kind == "fence" else draw(st.sampled_from([" }", "}"]))
        blocks.append(before + opening + " ".join(w for w, _ in attributes) + closing + after)
        kinds.append(kind)
        line += blocks[-1].count("\n") + 2
    return "\n\n".join(blocks) + "\n", refused, kinds


# --- The check -------------------------------------------------------------------------------------------------
@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(article())
def test_check_refuses_exactly_the_attributes_outside_the_allowlist_at_their_place(
        generated: tuple[str, list[tuple[int, int]], list[str]]) -> None:
    text, refused, _ = generated
    report = Report()
    check_markdown("en.md", 1, text, "reject", report)
    assert sorted((d.position.line, d.position.column) for d in report.diagnostics) == sorted(refused)
    assert all(d.code == "raw-html" for d in report.diagnostics)


def _renderer() -> markdown.Markdown:
    """Python-Markdown as MkDocs sets it up from mkdocs.yml (with MkDocs's own toc, tables and fenced_code)."""
    extensions, configs = ["toc", "tables", "fenced_code"], {}
    for entry in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        extensions.append(name)
        configs[name] = {} if isinstance(entry, str) else entry[name]
    return markdown.Markdown(extensions=list(dict.fromkeys(extensions)), extension_configs=configs)


def assert_within_the_allowlist(elements: list[html.HtmlElement]) -> None:
    for element in elements:
        allowed = CONTENT_ATTRIBUTES["*"] | CONTENT_ATTRIBUTES.get(element.tag, set())
        assert set(element.attrib) <= allowed, (element.tag, dict(element.attrib))
        assert set(element.get("class", "").split()) <= set(EDITOR_CLASSES) | MARKDOWN_CLASSES, element.get("class")
        assert not theirs(element.get("id", "")), element.get("id")
        for size in ("width", "height"):
            assert re.fullmatch(r"[0-9]+", element.get(size, "0")), element.get(size)
        assert element.get("dir", "ltr").lower() in {"ltr", "rtl", "auto"}
        assert re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", element.get("lang", "en")), element.get("lang")
        assert not re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", element.get("src", ""), re.IGNORECASE), element.get("src")


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(article())
def test_the_sanitized_article_holds_no_attribute_outside_the_allowlist(
        generated: tuple[str, list[tuple[int, int]], list[str]]) -> None:
    """What the check could miss: rendered as the site renders it, then sanitized."""
    text, _, _ = generated
    page = html.fragment_fromstring(sanitize(_renderer().convert(text)), create_parent="div")
    assert_within_the_allowlist(list(page.iterdescendants()))


def test_markdown_ids_survive_the_sanitizer_footnotes_headings_and_written_ids() -> None:
    text = ("## Casualties\n\n## قسد\n\n## Second part {#part-two}\n\nA claim.[^1] See [below](#part-two).\n\n"
            "[^1]: Its source.\n")
    page = html.fragment_fromstring(sanitize(_renderer().convert(text)), create_parent="div")
    assert [(e.tag, e.get("id")) for e in page.iter() if e.get("id")] == [
        ("h2", "casualties"), ("h2", "_1"), ("h2", "part-two"), ("sup", "fnref:1"), ("li", "fn:1")]
    assert page.xpath(".//a/@href") == ["#fn:1", "#part-two", "#fnref:1"]


# --- The built page --------------------------------------------------------------------------------------------
def _strip_policy(project: Project) -> None:
    """``raw_html: strip``: what check refuses is built anyway, as a bypass of the check would be."""
    config = project.root / "site_config/site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("raw_html: reject", "raw_html: strip"),
                      encoding="utf-8")


def _built_article(project: Project, lang: str = "en") -> html.HtmlElement:
    site = project.root / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    return html.fromstring((site / f"{lang}/articles/2017-08-07-a/index.html").read_bytes())


def _content(page: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements the article's Markdown made: the article but its title and byline, the
    photos, the entity links and the hidden search forms the site puts in it itself."""
    article = page.xpath("//article[@class='briefing-article']")[0]
    own = set(article.xpath("./h1 | ./p[@class='briefing-card__meta']//* | ./p[@class='briefing-card__meta'] "
                            "| .//figure[@class='briefing-figure']//* | .//figure[@class='briefing-figure'] "
                            "| .//a[@class='briefing-mention'] | .//*[@data-briefing='search-terms']"
                            "| .//*[@data-briefing='search-terms']//*"))
    return [element for element in article.iterdescendants() if element not in own]


@pytest.mark.slow
@BUILDS
@given(article())
def test_the_built_page_holds_no_attribute_outside_the_allowlist_nor_any_theme_id(
        tmp_path_factory: pytest.TempPathFactory, generated: tuple[str, list[tuple[int, int]], list[str]]) -> None:
    project = Project(tmp_path_factory.mktemp("attributes"))
    _strip_policy(project)
    text, _, _ = generated
    folder = write_article_with_media(project, media=PHOTO.format(file="road.jpg"),
                                      en=f"---\ntitle: A rift\n---\n{text}")
    (folder / "road.jpg").write_bytes(jpeg())
    page = _built_article(project)
    content = _content(page)
    assert_within_the_allowlist(content)
    theme_ids = {e.get("id") for e in page.iter() if e.get("id") and e not in content} | THEME_IDS
    assert {"__config", "__drawer", "__search", "briefing-content"} <= theme_ids
    assert not theme_ids & {e.get("id") for e in content}


# --- The examples of the issue, message by message -------------------------------------------------------------
def _check_one(project: Project, capsys: pytest.CaptureFixture[str], body: str, *args: str) -> tuple[int, list[str]]:
    folder = write_article_with_media(project, media=PHOTO.format(file="road.jpg"),
                                      en=f"---\ntitle: A rift\n---\nThe SDF and the Coalition disagree.\n\n{body}\n")
    (folder / "road.jpg").write_bytes(jpeg())
    return project.check(capsys, *args)


EXAMPLES = [
    ('![](road.jpg){: src="https://tracker.example/x.gif"}',
     "6:17: error: attribute list sets 'src', which is not allowed (raw_html: reject in site_config/site.yml) "
     "[raw-html]"),
    ('Read <span id="__config">this</span>.',
     "6:6: error: <span>: id '__config' is not allowed: the theme's own elements and scripts use ids beginning "
     "with '__' or 'briefing-' or with a capital letter; choose another (raw_html: reject in site_config/site.yml) "
     "[raw-html]"),
    ('Read <span name="__search">this</span>.',
     "6:6: error: attribute 'name' on <span> is not allowed (raw_html: reject in site_config/site.yml) [raw-html]"),
    ("## Figures {#__drawer}",
     "6:13: error: attribute list: id '__drawer' is not allowed: the theme's own elements and scripts use ids "
     "beginning with '__' or 'briefing-' or with a capital letter; choose another (raw_html: reject in "
     "site_config/site.yml) [raw-html]"),
    ("## Briefing content",
     "6:4: error: this heading's id would be 'briefing-content', which the theme's own elements use (ids beginning "
     "with '__' or 'briefing-'): give the heading an id of its own at the end of its line, such as {#content} "
     "(raw_html: reject in site_config/site.yml) [raw-html]"),
    ("Words.\n{: .briefing-draft }",
     "7:4: error: attribute list: class 'briefing-draft' is not allowed: an article may use only the classes "
     "cards, grid, md-button, md-button--primary (raw_html: reject in site_config/site.yml) [raw-html]"),
    ("[The report](https://example.org/){: lang=english dir=up width=10px }",
     "6:38: error: attribute list: lang=\"english\" is not allowed: lang is a language tag such as ar, en or "
     "ku-Latn (raw_html: reject in site_config/site.yml) [raw-html]"),
    ("| Axis {: data-sort=1 } | Distance |\n|---|---|\n| Desert | 120 |",
     "6:11: error: attribute list sets 'data-sort', which is not allowed (raw_html: reject in "
     "site_config/site.yml) [raw-html]"),
]


@pytest.mark.parametrize(("body", "expected"), EXAMPLES, ids=[f"example-{n}" for n in range(len(EXAMPLES))])
def test_each_example_is_refused_at_its_place(project: Project, capsys: pytest.CaptureFixture[str], body: str,
                                              expected: str) -> None:
    code, lines = _check_one(project, capsys, body)
    assert (code, lines[0], lines[-1].endswith("0 warnings")) == (1, f"{ARTICLE}/en.md:{expected}", True)


def test_a_list_of_several_faults_names_each_at_its_column(project: Project,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _check_one(project, capsys, "[The report](https://example.org/){: lang=english dir=up width=10px }") == (1, [
        f"{ARTICLE}/en.md:6:38: error: attribute list: lang=\"english\" is not allowed: lang is a language tag such "
        "as ar, en or ku-Latn (raw_html: reject in site_config/site.yml) [raw-html]",
        f"{ARTICLE}/en.md:6:51: error: attribute list: dir=\"up\" is not allowed: dir is one of auto, ltr, rtl "
        "(raw_html: reject in site_config/site.yml) [raw-html]",
        f"{ARTICLE}/en.md:6:58: error: attribute list: width=\"10px\" is not allowed: width is a number of pixels, "
        "in digits only (raw_html: reject in site_config/site.yml) [raw-html]",
        "3 errors, 0 warnings"])


def test_the_allowed_attributes_pass(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    body = ("## Casualties {#casualties .grid lang=en dir=ltr title=\"The toll\"}\n\n"
            "![](road.jpg){: width=640 height=480 }\n\n"
            "[The report](https://example.org/){: .md-button .md-button--primary lang=ar-SY }\n\n"
            '<div class="grid cards" markdown>\n\n- One\n- Two\n\n</div>\n\n'
            '<span id="toll-2017" lang="ku-Latn">x</span>')
    assert _check_one(project, capsys, body) == (0, ["0 errors, 0 warnings"])


def test_the_editor_reads_the_refusal_in_arabic(project: Project, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ar_SY.UTF-8")
    code, lines = _check_one(project, capsys, "## Figures {#__drawer}")
    assert (code, lines[0]) == (1, f"{ARTICLE}/en.md:6:13: خطأ: قائمة السمات: المعرّف '__drawer' غير مسموح: عناصر "
                                   "القالب وبرامجه تستعمل المعرّفات التي تبدأ بـ '__' أو 'briefing-' أو بحرف لاتيني "
                                   "كبير؛ اختر معرّفًا آخر (raw_html: reject في site_config/site.yml) [raw-html]")


def test_what_gets_past_the_check_publishes_no_remote_image_and_no_theme_id(project: Project) -> None:
    _strip_policy(project)
    body = ('![](road.jpg){: src="https://tracker.example/x.gif" }\n\n<span id="__config" name="__search">x</span>\n\n'
            "## Briefing content\n\n## Figures {#__drawer onclick=alert(1) style=\"color:red\" .briefing-draft}\n\n"
            "A claim.[^1]\n\n[^1]: Its source.")
    folder = write_article_with_media(project, en=f"---\ntitle: A rift\n---\nThe SDF disagree.\n\n{body}\n")
    (folder / "road.jpg").write_bytes(jpeg())
    page = _built_article(project)
    document = html.tostring(page, encoding="unicode")
    assert "tracker.example" not in document and "alert(1)" not in document and "color:red" not in document
    for theme_id in ("__config", "__drawer", "__search", "briefing-content"):
        assert len(page.xpath(f"//*[@id='{theme_id}']")) == 1, theme_id
    assert page.xpath("//*[@id='__config']")[0].tag == "script"
    assert_within_the_allowlist(_content(page))
    assert [e.get("href") for e in page.xpath("//article//a[starts-with(@href, '#')]")] == ["#fn:1", "#fnref:1"]


def test_an_article_without_attribute_lists_is_untouched(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    write_minimal_article(project, en="---\ntitle: A rift\n---\nThe set {a, b} and a {sic} stay prose; "
                                      "so do snake_case and briefings.\n\n## Briefings in 2017\n\n"
                                      "## Briefing of the day\n\n## The \\_\\_init\\_\\_ file\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_every_id_the_templates_write_is_reserved() -> None:
    """A template that gains an id makes this fail until the policy knows it (text.htmlpolicy.SITE_IDS)."""
    from build_tools.text.htmlpolicy import reserved_id
    assert {"__config", "__drawer", "__search", "__consent", "__palette_"} <= THEME_IDS | {"__palette_"}
    assert len(SITE_IDS) >= 4
    assert [found for found in sorted(THEME_IDS | SITE_IDS) if not reserved_id(found)] == []
