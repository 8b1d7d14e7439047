"""Hostile and broken input: each case gets a precise message, no traceback, no file written."""

from __future__ import annotations

import os
import re
import unicodedata

import pytest
from conftest import Project, write_minimal_article

from build_tools.cli import main
from build_tools.text.htmlpolicy import sanitize

SDF = "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\ntype: armed-group\n"
SDF_FILE = "content/actors/sdf.yml"


def check_bytes(project: Project, capsys, relative: str, data: bytes) -> tuple[int, list[str]]:
    path = project.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    before = project.fingerprint()
    result = project.check(capsys)
    assert project.fingerprint() == before
    assert capsys.readouterr().err == ""
    return result


@pytest.mark.parametrize(("data", "expected"), [
    pytest.param(b"name:\n\tar: x\n", "content/actors/sdf.yml:2:1: error: YAML syntax error: a tab character: "
                 "YAML indents with spaces only, replace the tab with spaces [yaml-syntax]", id="tab"),
    pytest.param(SDF.encode() + b"\x00\n", "content/actors/sdf.yml:3:1: error: NUL byte at byte offset "
                 f"{len(SDF.encode())}: this is not a text file, or it is corrupted [not-text]", id="nul"),
    pytest.param(b"type: armed-group\nname: {en: \xe9tat}\n", "content/actors/sdf.yml:2:12: error: not UTF-8 "
                 "text (undecodable byte 0xE9 at byte offset 29): save the file as UTF-8 [not-text]", id="latin-1"),
    pytest.param(b"name: \x07\n", "content/actors/sdf.yml:1:7: error: control character U+0007 is not "
                 "allowed in YAML: remove it [yaml-syntax]", id="control-character"),
    pytest.param(b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", "content/actors/sdf.yml:2:8: error: "
                 "alias '*a' refused: anchors and aliases are not allowed in content, write the value out"
                 " [yaml-refused]",
                 id="billion-laughs"),
    pytest.param(b"name: " + b"[" * 100 + b"]" * 100 + b"\n", "content/actors/sdf.yml:1:22: error: nested more "
                 "than 16 levels deep: no content field needs this [yaml-refused]", id="deep-nesting"),
    pytest.param(b"name: !!python/object/apply:os.system [touch pwned]\n", "content/actors/sdf.yml:1:7: error: "
                 "YAML tag '!!python/object/apply:os.system' refused: content is plain text, numbers and lists; "
                 "remove the tag [yaml-refused]", id="python-tag"),
    pytest.param(b"name: !custom {ar: x}\n", "content/actors/sdf.yml:1:7: error: YAML tag '!custom' refused: "
                 "content is plain text, numbers and lists; remove the tag [yaml-refused]", id="custom-tag"),
])
def test_broken_or_hostile_yaml_is_one_precise_error(project: Project, capsys, data: bytes, expected: str) -> None:
    assert check_bytes(project, capsys, SDF_FILE, data) == (1, [expected, "1 error, 0 warnings"])
    assert not (project.root / "pwned").exists()


def test_file_over_the_size_limit_is_not_read(project: Project, capsys) -> None:
    data = SDF.encode() + b"description: {en: " + b"x" * 1_000_000 + b"}\n"
    assert check_bytes(project, capsys, SDF_FILE, data) == (1, [
        f"content/actors/sdf.yml: error: {len(data):,} bytes, over the limit of 1,000,000: is it the right file?"
        " [file-too-large]",
        "1 error, 0 warnings",
    ])


def test_bom_and_crlf_are_read_through_with_warnings(project: Project, capsys) -> None:
    data = "\ufeff".encode() + SDF.replace("\n", "\r\n").encode()
    assert check_bytes(project, capsys, SDF_FILE, data) == (0, [
        "content/actors/sdf.yml:1:1: warning: the file starts with a byte-order mark (BOM): read without it; "
        "save as UTF-8 without BOM [byte-order-mark]",
        "content/actors/sdf.yml:1:65: warning: Windows (CRLF) or old Mac (CR) line endings: read as LF; "
        "save the file with LF line endings [line-endings]",
        "0 errors, 2 warnings",
    ])


def test_decomposed_arabic_is_composed_so_names_still_match(project: Project, capsys) -> None:
    decomposed = "name: {ar: ا\u0654مير, en: Emir}\ntype: person\n"
    project.write("content/actors/emir.yml", decomposed)
    write_minimal_article(project, ar="---\ntitle: عن أمير المنطقة وأعماله في المدينة\n---\n"
                                      "تحدث أمير المنطقة عن الوضع في المدينة وعن المعارك.\n",
                          meta="date: 2017-08-07\nstatus: published\nactors: [emir]\n")
    assert project.check(capsys) == (0, [
        "content/actors/emir.yml:1:12: warning: decomposed letter 'أ' (U+0627 + U+0654): read in composed "
        "form (NFC) so that it matches the same letter typed directly [decomposed-letter]",
        "0 errors, 1 warning",
    ])


def test_a_file_named_with_dot_dot_lands_outside_its_registry(project: Project, capsys) -> None:
    """"../sdf.yml" is a path, not a name: it is content/sdf.yml, which the tree does not hold."""
    (project.root / "content/actors").mkdir(parents=True)
    (project.root / "content/actors/../sdf.yml").write_text(SDF, encoding="utf-8")
    assert project.check(capsys) == (0, [
        "content/sdf.yml: warning: ignored: not part of the content model "
        "(content/ holds actors, articles, locations, sources, tags) [ignored-file]",
        "0 errors, 1 warning",
    ])


@pytest.mark.parametrize(("name", "message"), [
    ("SDF", "'SDF' is not a valid id: use lowercase ASCII letters, digits and single hyphens, e.g. 'deir-ez-zor'"
            " [invalid-id]"),
    ("my actor", "'my actor' is not a valid id: use lowercase ASCII letters, digits and single hyphens, "
                 "e.g. 'deir-ez-zor' [invalid-id]"),
    ("con", "'con' is a reserved file name on Windows, where the site could not be checked out: "
            "choose another id [invalid-id]"),
    ("lpt1", "'lpt1' is a reserved file name on Windows, where the site could not be checked out: "
             "choose another id [invalid-id]"),
    ("sdf\u200b", "'sdf\u200b' contains an invisible character, U+200B ZERO WIDTH SPACE: use lowercase ASCII "
                  "letters, digits and single hyphens, e.g. 'deir-ez-zor' [invalid-id]"),
])
def test_ids_that_are_not_safe_file_names(project: Project, capsys, name: str, message: str) -> None:
    path = project.root / "content/actors" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SDF, encoding="utf-8")
    assert project.check(capsys) == (1, [f"content/actors/{name}.yml: error: {message}", "1 error, 0 warnings"])


@pytest.mark.parametrize("reference", ["../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini"])
def test_references_that_are_paths_are_refused(project: Project, capsys, reference: str) -> None:
    project.write(SDF_FILE, SDF)
    write_minimal_article(project, meta=f"date: 2017-08-07\nstatus: published\nactors: ['{reference}']\n")
    code, lines = project.check(capsys)
    assert code == 1
    assert lines[0] == (f"content/articles/2017/2017-08-07-a/meta.yml:3:10: error: actors[0]: '{reference}' "
                        "is not an id: ids are lowercase ASCII letters, digits and single hyphens [invalid-format]")


def test_symlink_out_of_content_is_refused_and_never_published(project: Project, capsys, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.yml"
    secret.write_text(SDF, encoding="utf-8")
    (project.root / "content/actors").mkdir(parents=True)
    os.symlink(secret, project.root / "content/actors/sdf.yml")
    os.symlink(secret.parent, project.root / "content/articles")
    assert project.check(capsys) == (1, [
        f"content/actors/sdf.yml: error: symbolic link to {secret}, outside content/: refused, "
        "copy the file into content/ instead [misplaced-file]",
        f"content/articles: error: symbolic link to {secret.parent}, outside content/: refused, "
        "copy the file into content/ instead [misplaced-file]",
        "2 errors, 0 warnings",
    ])


def test_invisible_characters_are_errors_in_names_and_warnings_in_prose(project: Project, capsys) -> None:
    project.write(SDF_FILE, "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\n"
                            "aliases: {ar: [\"قوات\u200bسوريا\"]}\ntype: armed-group\n"
                            "description: {en: \"Kurdish-led \u202ealliance\"}\n")
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [\"sdf\u2066\"]\n",
                          en="---\ntitle: \"A rift\u200f\"\n---\nA Kurdish source disclosed "
                             "disagreements\u202e between the SDF and the Coalition.\n")
    assert project.check(capsys) == (1, [
        "content/actors/sdf.yml:2:16: error: invisible character U+200B ZERO WIDTH SPACE in aliases.ar[0]: "
        "\"قوات⟨U+200B⟩سوريا\"; ids, names and aliases must be typed plainly, delete it [invisible-in-name]",
        "content/actors/sdf.yml:4:19: warning: invisible character U+202E RIGHT-TO-LEFT OVERRIDE in "
        "description.en: \"Kurdish-led ⟨U+202E⟩alliance\"; it can reorder or hide text, delete it unless "
        "it was meant [invisible-character]",
        "content/articles/2017/2017-08-07-a/en.md:2:8: warning: invisible character U+200F RIGHT-TO-LEFT MARK "
        "in title: \"A rift⟨U+200F⟩\"; it can reorder or hide text, delete it unless it was meant "
        "[invisible-character]",
        "content/articles/2017/2017-08-07-a/en.md:4:41: warning: invisible character U+202E RIGHT-TO-LEFT "
        "OVERRIDE: \"…d disagreements⟨U+202E⟩ between the SD…\"; it can reorder or hide text, "
        "delete it unless it was meant [invisible-character]",
        "content/articles/2017/2017-08-07-a/meta.yml:3:10: error: actors[0]: 'sdf\u2066' is not an id: "
        "ids are lowercase ASCII letters, digits and single hyphens [invalid-format]",
        "content/articles/2017/2017-08-07-a/meta.yml:3:10: error: invisible character U+2066 LEFT-TO-RIGHT "
        "ISOLATE in actors[0]: \"sdf⟨U+2066⟩\"; ids, names and aliases must be typed plainly, delete it"
        " [invisible-in-name]",
        "content/articles/2017/2017-08-07-a/meta.yml:3:10: error: unknown actor 'sdf\u2066' in actors[0] "
        "(did you mean 'sdf'?) [unknown-reference]",
        "4 errors, 3 warnings",
    ])


UNSAFE_BODIES = [
    ("[the report](javascript:alert(1))", "6:14: error: 'javascript:' link is not allowed: links must be "
     "http, https, mailto or to an actor, location, source or tag [unsafe-link]"),
    ("[x](JaVa&#115;cript:alert(1))", "6:5: error: 'javascript:' link is not allowed: links must be "
     "http, https, mailto or to an actor, location, source or tag [unsafe-link]"),
    ("[x](java&#9;script:alert(1))", "6:5: error: 'javascript:' link is not allowed: links must be "
     "http, https, mailto or to an actor, location, source or tag [unsafe-link]"),
    ("[x](java&NewLine;script:alert(1))", "6:5: error: 'javascript:' link is not allowed: links must be "
     "http, https, mailto or to an actor, location, source or tag [unsafe-link]"),
    ("[x](&#x20;&#1;javascript:alert(1))", "6:5: error: 'javascript:' link is not allowed: links must be "
     "http, https, mailto or to an actor, location, source or tag [unsafe-link]"),
    ("[ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD4=", "8:8: error: 'data:' link is not allowed: links must "
     "be http, https, mailto or to an actor, location, source or tag [unsafe-link]"),
    ("<vbscript:msgbox(1)>", "6:2: error: 'vbscript:' link is not allowed: links must be http, https, mailto "
     "or to an actor, location, source or tag [unsafe-link]"),
    ("<script>alert(1)</script>", "6:1: error: raw HTML <script> is not allowed "
     "(raw_html: reject in site_config/site.yml) [raw-html]"),
    ("<iframe src=\"https://example.com\"></iframe>", "6:1: error: raw HTML <iframe> is not allowed "
     "(raw_html: reject in site_config/site.yml) [raw-html]"),
    ("Text <b onmouseover=\"alert(1)\">bold</b>", "6:6: error: event handler attribute 'onmouseover' on <b> "
     "is not allowed (raw_html: reject in site_config/site.yml) [raw-html]"),
    ("<p style=\"position:fixed\">x</p>", "6:1: error: attribute 'style' on <p> is not allowed "
     "(raw_html: reject in site_config/site.yml) [raw-html]"),
    ("<a href=\"javascript:alert(1)\">x</a>", "6:1: error: 'javascript:' URL in <a href> is not allowed "
     "(raw_html: reject in site_config/site.yml) [raw-html]"),
    ("<a href=\"java&#x09;script:alert(1)\">x</a>", "6:1: error: 'javascript:' URL in <a href> is not allowed "
     "(raw_html: reject in site_config/site.yml) [raw-html]"),
    ("## Heading {: onclick=\"alert(1)\" }", "6:15: error: attribute list sets 'onclick', which is not "
     "allowed (raw_html: reject in site_config/site.yml) [raw-html]"),
]


def readable(text: str) -> str:
    """A test id of plain ASCII words, which every runner reads back (mutmut selects tests by id)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "text"


@pytest.mark.parametrize(("body", "expected"), UNSAFE_BODIES, ids=[readable(b) for b, _ in UNSAFE_BODIES])
def test_unsafe_links_and_raw_html_in_articles(project: Project, capsys, body: str, expected: str) -> None:
    write_minimal_article(project, en=f"---\ntitle: A rift\n---\nThe SDF and the Coalition disagree.\n\n{body}\n")
    assert project.check(capsys) == (1, [f"content/articles/2017/2017-08-07-a/en.md:{expected}",
                                         "1 error, 0 warnings"])


def test_safe_html_and_code_are_accepted(project: Project, capsys) -> None:
    write_minimal_article(project, en="---\ntitle: A rift\n---\nThe <abbr title=\"Syrian Democratic Forces\">"
                                      "SDF</abbr> and the Coalition<sup>1</sup> disagree: "
                                      "`<script>` is only code here, <https://example.org> a link.\n\n"
                                      "```\n<iframe src=x onload=y>\n```\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_source_url_with_a_script_scheme_is_refused(project: Project, capsys) -> None:
    project.write("content/sources/rasd.yml", "name: {ar: رصد, en: Rasd}\nkind: news-agency\n"
                                               "url: javascript:alert(1)\n")
    assert project.check(capsys) == (1, [
        "content/sources/rasd.yml:3:6: error: url: 'javascript:alert(1)' is not a web address "
        "starting with http:// or https:// [invalid-format]",
        "1 error, 0 warnings",
    ])


def test_strip_policy_warns_and_the_page_carries_none_of_it(project: Project, capsys) -> None:
    config = project.root / "site_config/site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("raw_html: reject", "raw_html: strip"),
                      encoding="utf-8")
    write_minimal_article(project, en="---\ntitle: A rift\n---\nThe SDF <b onclick=\"steal()\">and</b> the "
                                      "Coalition.\n\n<script>steal()</script>\n\n<p style=\"color:red\">x</p>\n\n"
                                      "<a href=\"javascript:steal()\">a</a> <img src=\"data:image/png;base64,eA==\">"
                                      " <a href=\"vbscript:steal\">v</a>\n")
    code, lines = project.check(capsys)
    assert (code, lines[-1]) == (0, "0 errors, 6 warnings")
    assert lines[0] == ("content/articles/2017/2017-08-07-a/en.md:4:9: warning: event handler attribute "
                        "'onclick' on <b> is not allowed: removed from the page (raw_html: strip in "
                        "site_config/site.yml) [html-removed]")
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0
    page = (project.root / "out/en/articles/2017-08-07-a/index.html").read_text(encoding="utf-8")
    article = page[page.index('<article'):page.index('</article>')]
    assert "<b>and</b>" in article and "<p>x</p>" in article and "<a>a</a>" in article
    assert "steal" not in article and "style=" not in article and "data:" not in article


def test_marks_in_non_canonical_order_are_read_without_a_warning(project: Project, capsys) -> None:
    """Shadda typed before its vowel (the usual typing order) is not NFC, but nothing is wrong."""
    shadda_then_damma = "الز\u0651\u064fور"
    assert not unicodedata.is_normalized("NFC", shadda_then_damma)
    project.write(SDF_FILE, "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\n"
                            f"type: armed-group\ndescription: {{ar: {shadda_then_damma}}}\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_the_sanitizer_keeps_only_web_mail_and_relative_links_and_the_allowed_markup() -> None:
    rendered = ('<a href="javascript:alert(1)">a</a> <a href="data:text/html,x">b</a> <a href="https://e.org/">c</a> '
                '<a href="mailto:x@e.org">d</a> <img src="data:image/png;base64,eA=="> <a href="vbscript:x">e</a> '
                '<a href="../../actors/sdf/">f</a><script>x()</script><!-- note --><p onclick="x" class="k">p</p>'
                '<a href="tel:+963">g</a> <a href="ftp://e.org/">h</a><nav>n</nav><style>body{}</style>'
                '<map name="m"><area href="https://e.org/"></map>')
    assert sanitize(rendered) == ('<a>a</a> <a>b</a> <a href="https://e.org/">c</a> <a href="mailto:x@e.org">d</a> '
                                  '<img> <a>e</a> <a href="../../actors/sdf/">f</a><p>p</p>'
                                  '<a>g</a> <a>h</a>n')
