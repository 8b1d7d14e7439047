"""Every value from content/ and site_config/ reaches the built site only through the encoder
of its context: hostile text in every text field of every content kind adds no element, no
attribute and no script to any page, and leaves every feed, sitemap and data file valid.

The property: hypothesis writes hostile text into each text field the JSON Schemas allow
(names, aliases, descriptions, titles, summaries, notes, captions, credits, bylines, the
site's name and description); whatever ``briefing check`` accepts must build, and the
site is then read as a browser, a feed reader, a spreadsheet and a JSON parser would.
The hostile fragments carry the marker ``zz`` in every element, attribute and script they
try to create, so a marker found in a name (never in text) is an injection.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import Project
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from media_files import jpeg, pdf, picture

from build_tools.cli import main

FRAGMENTS = [
    "<zz-el>", "</title><zz-el>", "\"><zz-el zzattr=1>", "' zzattr='1", "\" zzattr=\"1", "<img src=x onzz=1>",
    "<script>zzscript()</script>", "</script><script>zzscript()</script>", "]]><zz-el>", "<!--", "-->",
    "<![CDATA[", "&", "&amp;", "&#60;zz-el&#62;", "&lt;zz-el&gt;", "{{ 7*7 }}", "{% raw %}", "${zz}", "`zz`",
    "\u2028", "\u2029", "javascript:zzscript()", "*zz*", "[zz](javascript:zz)", "<svg onload=zzscript()>",
    "\\", "\"", "'", "<", ">", "=zz()", "+zz", "-zz", "@zz", "\tzz", "زز", "<zz-el/>", "</zz-el>",
    "<style>zz{}</style>", "<a href='javascript:zz'>zz</a>", "\\u003czz-el\\u003e", "%3Czz-el%3E",
]
HOSTILE = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join)
EXAMPLES = int(os.environ.get("BRIEFING_ESCAPING_EXAMPLES", "200"))
FIELD = re.compile(r"«(\w+)»")

REGISTRIES = {
    "content/actors/zz-actor.yml": "name: {ar: «actor_ar», en: «actor_en»}\nshort_name: {ar: «actor_short_ar», "
                                   "en: «actor_short_en»}\naliases: {ar: [«alias_ar»], en: [«alias_en»]}\n"
                                   "type: armed-group\ndescription: {ar: «actor_desc_ar», en: «actor_desc_en»}\n"
                                   "redirect_from: [zz-old-actor]\n",
    "content/locations/zz-country.yml": "name: {ar: «country_ar», en: «country_en»}\nkind: country\n"
                                        "coordinates: {lat: 35.0, lon: 38.5}\n"
                                        "description: {ar: «country_desc_ar», en: «country_desc_en»}\n",
    "content/locations/zz-city.yml": "name: {ar: «city_ar», en: «city_en»}\nkind: city\nparent: zz-country\n"
                                     "coordinates: {lat: 35.33, lon: 40.14}\n",
    "content/sources/zz-source.yml": "name: {ar: «source_ar», en: «source_en»}\nkind: news-agency\n"
                                     "reliability: B\ndescription: {ar: «source_desc_ar», en: «source_desc_en»}\n",
    "content/tags/zz-tag.yml": "name: {ar: «tag_ar», en: «tag_en»}\ndescription: {ar: «tag_desc_ar», "
                               "en: «tag_desc_en»}\n",
    "site_config/authors.yml": "zz-editor: {ar: «author_ar», en: «author_en»}\n",
}
FOLDER = "content/articles/2017/2017-08-07-a"
META = """date: 2017-08-07
status: published
redirect_from: [2017-08-01-zz-old]
authors: [zz-editor]
actors: [zz-actor]
locations: [zz-city]
tags: [zz-tag]
sources:
  - source: zz-source
    note: {ar: «source_note_ar», en: «source_note_en»}
media:
  - file: road.jpg
    alt: {ar: «alt_ar», en: «alt_en»}
    caption: {ar: «caption_ar», en: «caption_en»}
    credit: {ar: «credit_ar», en: «credit_en»}
    lead: true
documents:
  - file: report.pdf
    title: {ar: «document_ar», en: «document_en»}
events:
  - date: 2017-08-06
    type: battles
    sub_type: armed-clash
    location: zz-city
    actors: {side_a: [zz-actor]}
    sources: [zz-source]
    note: {ar: «event_note_ar», en: «event_note_en»}
editor_note: {ar: «editor_note_ar», en: «editor_note_en»}
corrections:
  - date: 2017-08-08
    text: {ar: «correction_ar», en: «correction_en»}
"""
TEXTS = {
    f"{FOLDER}/ar.md": "---\ntitle: «title_ar»\nsummary: «summary_ar»\n---\n"
                       + "كشف مصدر كردي عن خلافات بين قيادة القوات والتحالف الدولي. " * 8
                         + "\n\n![](road.jpg)\n",
    f"{FOLDER}/en.md": "---\ntitle: «title_en»\nsummary: «summary_en»\n---\nA Kurdish source disclosed a rift.\n",
}
FIELDS = sorted({name for text in [*REGISTRIES.values(), META, *TEXTS.values()] for name in FIELD.findall(text)})
SITE_FIELDS = ("name", "description")


def write_project(project: Project, values: dict[str, str]) -> None:
    """The project with each field ``«name»`` holding its value, as a YAML string."""
    def quoted(match: re.Match[str]) -> str:
        name = match.group(1)
        base = "نص" if name.endswith("_ar") else "Text"
        return json.dumps(f"{base} {marker(name)} {values[name]}", ensure_ascii=False)

    for path, text in [*REGISTRIES.items(), (f"{FOLDER}/meta.yml", META), *TEXTS.items()]:
        project.write(path, FIELD.sub(quoted, text))
    folder = project.root / FOLDER
    (folder / "road.jpg").write_bytes(jpeg(picture(320, 240)))
    (folder / "report.pdf").write_bytes(pdf(None))
    site_file = project.root / "site_config/site.yml"
    site = yaml.safe_load(site_file.read_text(encoding="utf-8"))
    for key in SITE_FIELDS:
        for lang in ("ar", "en"):
            field = f"site_{key}_{lang}"
            site[key][lang] = f"{site[key][lang]} {marker(field)} {values[field]}"
    site_file.write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    mkdocs = project.root / "mkdocs.yml"  # the search index is binary, read by Pagefind's own script: not built
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("  - briefing\n", "  - briefing: {search: false}\n"),
                      encoding="utf-8")


def marker(field: str) -> str:
    """A field's name as one word of Latin letters, which bidi isolation leaves whole in Arabic text."""
    return field.replace("_", "")


ALL_FIELDS = [*FIELDS, *(f"site_{key}_{lang}" for key in SITE_FIELDS for lang in ("ar", "en"))]


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.fixed_dictionaries(dict.fromkeys(ALL_FIELDS, HOSTILE)))
def test_no_content_value_becomes_markup_in_any_output(tmp_path_factory: pytest.TempPathFactory,
                                                       values: dict[str, str]) -> None:
    root = tmp_path_factory.mktemp("hostile")
    project = Project(root)
    write_project(project, values)
    assume(main(["check", "--root", str(root), "--quiet"]) == 0)
    site = root / "site"
    assert main(["build", "--root", str(root), "--site-dir", str(site), "--no-cache", "--quiet"]) == 0
    assert_every_output_holds_text_only(site)


def test_the_hostile_project_is_accepted_by_check_when_its_fields_hold_plain_text(project: Project) -> Path:
    """The property is not vacuous: with harmless values the fixture passes check and builds,
    and every field reaches the site."""
    write_project(project, dict.fromkeys(ALL_FIELDS, "zzplain"))
    assert main(["check", "--root", str(project.root), "--quiet"]) == 0
    site = project.root / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--no-cache", "--quiet"]) == 0
    written = "".join(path.read_text(encoding="utf-8", errors="replace") for path in site.rglob("*")
                      if path.suffix in (".html", ".xml", ".json", ".csv"))
    missing = [name for name in ALL_FIELDS if f"{marker(name)} zzplain" not in written]
    assert missing == [], missing
    return site


def test_a_title_with_a_script_is_text_on_every_page(project: Project) -> None:
    """The first round's example: a title holding a script shows as text in the header,
    the page's title, its Open Graph tags and its heading."""
    values = dict.fromkeys(ALL_FIELDS, "zzplain")
    values["title_en"] = "<script>zzscript()</script>"
    write_project(project, values)
    site = project.root / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--no-cache", "--quiet"]) == 0
    page = (site / "en/articles/2017-08-07-a/index.html").read_text(encoding="utf-8")
    assert page.count("Text titleen &lt;script&gt;zzscript()&lt;/script&gt;") >= 4
    assert_every_output_holds_text_only(site)


def assert_every_output_holds_text_only(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        where = str(path.relative_to(site))
        if path.suffix == ".html":
            assert_html_holds_no_injection(path.read_bytes(), where)
        elif path.suffix == ".xml":
            assert_xml_holds_no_injection(path.read_bytes(), where)
        elif path.name.endswith(".xml.gz"):
            assert_xml_holds_no_injection(gzip.decompress(path.read_bytes()), where)
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".csv":
            assert_csv_runs_nothing(path.read_text(encoding="utf-8-sig"), where)
        elif path.name == "_headers":
            assert_headers_are_ours(path.read_text(encoding="utf-8"))
        elif path.name == "_redirects":
            assert_redirects_are_ours(path.read_text(encoding="utf-8"))


def assert_html_holds_no_injection(data: bytes, where: str) -> None:
    document = lxml_html.document_fromstring(data)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        assert "zz" not in element.tag.lower(), f"{where}: element <{element.tag}>"
        for name, value in element.attrib.items():
            assert "zz" not in name.lower(), f"{where}: attribute {name}= on <{element.tag}>"
            if name.lower() in ("href", "src", "action", "formaction", "content"):
                assert not value.strip().lower().startswith("javascript:"), f"{where}: {name}={value!r}"
        if element.tag == "script" and element.get("type") not in ("application/json", "application/ld+json"):
            assert "zz" not in (element.text or ""), f"{where}: a script runs {element.text!r}"
        if element.tag in ("style",):
            assert "zz" not in (element.text or ""), f"{where}: a style sheet holds {element.text!r}"


def assert_xml_holds_no_injection(data: bytes, where: str) -> None:
    document = etree.fromstring(data, etree.XMLParser(recover=False, resolve_entities=False))
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        assert "zz" not in element.tag.lower(), f"{where}: element {element.tag}"
        assert not [name for name in element.attrib if "zz" in name.lower()], f"{where}: {element.attrib}"
        if element.get("type") == "html" and element.text:  # Atom's escaped HTML, which a feed reader renders
            assert_html_holds_no_injection(element.text.encode("utf-8"), f"{where} ({element.tag})")


SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def assert_csv_runs_nothing(text: str, where: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not (cell.startswith(SPREADSHEET_FORMULA) and "zz" in cell), f"{where}: cell {cell!r}"


HEADER_LINE = re.compile(r"/\*|  (Content-Security-Policy|X-Content-Type-Options|Referrer-Policy|X-Frame-Options): "
                         r"[^\n]*")


def assert_headers_are_ours(text: str) -> None:
    for line in text.splitlines():
        assert HEADER_LINE.fullmatch(line) and "zz" not in line, line


REDIRECT_LINE = re.compile(r"(/[a-z0-9/-]*/) (/[a-z0-9/-]*/) 301")
"""A host's redirect: two site paths (ids are ASCII letters, digits and hyphens) and 301."""


def assert_redirects_are_ours(text: str) -> None:
    for line in text.splitlines():
        assert REDIRECT_LINE.fullmatch(line), line
