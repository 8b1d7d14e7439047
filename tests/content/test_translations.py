"""Translations that cannot silently drift: which text translates which, what changed in
the original since, the check's warning, the notice on the page, and the handoff to
translators through PO files read and written by polib, as a translator's tool would."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from conftest import REPO, Project, write_minimal_article

from build_tools.cli import main
from build_tools.text.paragraphs import paragraphs

FOLDER = "content/articles/2017/2017-08-07-rift"
PARAGRAPHS = [
    "كشف مصدر كردي عن خلافات بين قيادة قوات سوريا الديمقراطية والتحالف الدولي.",
    "ونقلت وكالة باسنيوز عن مصدر مطلع أن قوات التحالف لا تحبذ مشاركة قسد\nفي حملة دير الزور.",
    "وكانت مصادر حقوقية سورية أكدت أن لقاءات عدة جرت حول تشكيل جيش وطني.",
]
ENGLISH = [
    "A Kurdish source disclosed disagreements between the SDF and the Coalition.",
    "BasNews, citing an informed source, reported that the Coalition does not favour the SDF.",
    "Syrian human-rights sources had confirmed several meetings on forming a national army.",
]


def _text(title: str, paragraphs: list[str], summary: str | None = None, extra: str = "") -> str:
    summary_line = f"summary: {summary}\n" if summary else ""
    return f"---\ntitle: {title}\n{summary_line}{extra}---\n\n" + "\n\n".join(paragraphs) + "\n"


def _article(project: Project, meta: str = "date: 2017-08-07\nstatus: published\n",
             ar: list[str] | None = PARAGRAPHS, en: list[str] | None = ENGLISH) -> Path:
    write_minimal_article(project, slug="2017-08-07-rift", meta=meta,
                          ar=_text("خلافات بين التحالف وقسد", ar, "مصدر كردي يكشف عن خلافات") if ar else None,
                          en=_text("A rift", en, "A Kurdish source reports disagreements") if en else None)
    return project.root / FOLDER


def _run(project: Project, capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(["translations", "--root", str(project.root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _states(project: Project, capsys: pytest.CaptureFixture) -> dict[str, dict[str, object]]:
    code, out, _ = _run(project, capsys, "--format", "json")
    assert code == 0
    return json.loads(out)["articles"]["2017-08-07-rift"]


def _done(project: Project, capsys: pytest.CaptureFixture, lang: str = "en") -> None:
    code, out, err = _run(project, capsys, "--done", str(project.root / FOLDER), lang)
    assert (code, err) == (0, "")
    assert out.startswith(f"recorded {FOLDER}/{lang}.md as the translation of ")


def _edit_original(project: Project, paragraphs: list[str], title: str = "خلافات بين التحالف وقسد") -> None:
    (project.root / FOLDER / "ar.md").write_text(_text(title, paragraphs, "مصدر كردي يكشف عن خلافات"),
                                                 encoding="utf-8")


def test_each_status_is_named(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    assert _states(project, capsys) == {"ar": {"status": "original"}, "en": {"status": "unrecorded"}}
    _done(project, capsys)
    assert _states(project, capsys) == {"ar": {"status": "original"}, "en": {"status": "current"}}
    (project.root / FOLDER / "en.md").unlink()
    assert _states(project, capsys) == {"ar": {"status": "original"}, "en": {"status": "pending"}}


@pytest.mark.parametrize(("paragraphs", "expected"), [
    ([PARAGRAPHS[0], PARAGRAPHS[1] + " اليوم", PARAGRAPHS[2]], {"changed_paragraphs": [2]}),
    ([PARAGRAPHS[0], PARAGRAPHS[1], "فقرة جديدة تضاف بعد الفقرة الثانية من النص.", PARAGRAPHS[2]],
     {"added_paragraphs": [3]}),
    ([PARAGRAPHS[0], PARAGRAPHS[2]], {"removed_paragraphs": [2]}),
    ([PARAGRAPHS[0] + " تعديل", PARAGRAPHS[1], PARAGRAPHS[2], "خاتمة جديدة للنص المنشور."],
     {"changed_paragraphs": [1], "added_paragraphs": [4]}),
])
def test_a_stale_translation_names_the_paragraphs_of_the_original(
        project: Project, capsys: pytest.CaptureFixture, paragraphs: list[str], expected: dict[str, list[int]]) -> None:
    _article(project)
    _done(project, capsys)
    _edit_original(project, paragraphs)
    assert _states(project, capsys)["en"] == {"status": "stale", **expected}


def test_a_changed_title_makes_the_translation_stale(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    _edit_original(project, PARAGRAPHS, title="خلافات جديدة بين التحالف وقسد")
    assert _states(project, capsys)["en"] == {"status": "stale", "changed_fields": ["title"]}


def test_rewrapping_the_original_keeps_the_translation_current(project: Project,
                                                              capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    rewrapped = [" ".join(PARAGRAPHS[0].split()[:4]) + "\n   " + " ".join(PARAGRAPHS[0].split()[4:]),
                 PARAGRAPHS[1].replace("\n", " "), PARAGRAPHS[2] + "   "]
    (project.root / FOLDER / "ar.md").write_text(
        "---\ntitle:   خلافات بين التحالف وقسد\nsummary: مصدر كردي يكشف عن خلافات\n---\n\n\n"
        + "\n\n\n".join(rewrapped) + "\n\n", encoding="utf-8")
    assert _states(project, capsys)["en"] == {"status": "current"}


def test_the_original_is_named_or_the_default_language_or_the_only_text(
        project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project, meta="date: 2017-08-07\nstatus: published\noriginal: en\n")
    assert _states(project, capsys) == {"ar": {"status": "unrecorded"}, "en": {"status": "original"}}
    _article(project, ar=None)
    (project.root / FOLDER / "ar.md").unlink()
    assert _states(project, capsys) == {"ar": {"status": "pending"}, "en": {"status": "original"}}


def test_an_original_without_its_text_is_an_error(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project, meta="date: 2017-08-07\nstatus: published\noriginal: en\n", en=None)
    code, lines = project.check(capsys)
    assert code == 1
    assert f"{FOLDER}/meta.yml:3:11: error: original: en, but there is no en.md: the original is the text " \
           "the others translate [missing-original]" in lines


def test_a_folder_without_any_text_is_reported_once(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project, ar=None, en=None)
    assert project.check(capsys) == (1, [f"{FOLDER}: error: no text: an article needs ar.md, en.md or both [no-text]",
                                         "1 error, 0 warnings"])


def test_check_warns_of_a_stale_translation_and_strict_fails(project: Project,
                                                            capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])
    _edit_original(project, [PARAGRAPHS[0], PARAGRAPHS[1] + " اليوم", PARAGRAPHS[2], "خاتمة جديدة للنص المنشور."])
    line = (project.root / FOLDER / "en.md").read_text(encoding="utf-8").splitlines().index("translated_from:") + 1
    code, lines = project.check(capsys)
    assert code == 0
    assert lines == [
        f"{FOLDER}/en.md:{line + 1}:3: warning: stale translation: ar.md, the original, changed since this text "
        f"was translated (paragraph 2 changed, paragraph 4 added); update it, then run "
        f"'briefing translations --done {FOLDER} en' [translation-stale]", "0 errors, 1 warning"]
    code, lines = project.check(capsys, "--strict")
    assert code == 1
    assert lines[-1] == ("--strict fails on these warnings: translation-stale (1); site_config/site.yml's "
                         "strict_tolerates lists those it lets through")


def test_done_records_the_original_and_keeps_every_other_line(project: Project,
                                                             capsys: pytest.CaptureFixture) -> None:
    folder = _article(project)
    english = _text("'A rift'  # the agency's word", ENGLISH, "A Kurdish source reports disagreements")
    (folder / "en.md").write_text(english, encoding="utf-8")
    _done(project, capsys)
    written = (folder / "en.md").read_text(encoding="utf-8")
    head, body = english.split("---\n", 2)[1:], written.split("---\n", 2)[2]
    assert body == head[1]
    front = written.split("---\n")[1].splitlines()
    assert front[:2] == ["title: 'A rift'  # the agency's word", "summary: A Kurdish source reports disagreements"]
    assert front[2:5] == ["translated_from:", "  lang: ar", f"  title: {front[3 + 1].split(': ')[1]}"]
    assert len([line for line in front if line.startswith("    - ")]) == len(PARAGRAPHS)
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_done_refuses_the_original_and_a_missing_text(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project, en=None)
    before = project.fingerprint()
    code, _, err = _run(project, capsys, "--done", str(project.root / FOLDER), "ar")
    assert (code, err) == (1, f"briefing: error: ar.md is the original of {FOLDER}: only a translation is "
                              "marked done\n")
    code, _, err = _run(project, capsys, "--done", str(project.root / FOLDER), "en")
    assert (code, err) == (1, f"briefing: error: {FOLDER} has no en.md yet: translate the original first\n")
    assert project.fingerprint() == before


def test_a_new_article_records_nothing(project: Project, capsys: pytest.CaptureFixture) -> None:
    assert main(["new", "article", "--root", str(project.root), "--date", "2017-08-07", "--slug", "rift"]) == 0
    capsys.readouterr()
    texts = list((project.root / "content/articles/2017").glob("*/*.md"))
    assert len(texts) == 2
    assert all("translated_from" not in path.read_text(encoding="utf-8") for path in texts)


def test_the_text_report_lists_articles_and_registry_gaps(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    project.write("content/actors/sdf.yml", "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\n"
                                            "type: armed-group\ndescription: {ar: تحالف فصائل مسلحة}\n")
    code, out, _ = _run(project, capsys)
    assert code == 0
    assert out.splitlines() == [
        f"{FOLDER}: ar original, en unrecorded",
        "content/actors/sdf.yml: en lacks the description",
        "1 article, translations: 0 current, 0 stale, 1 unrecorded, 0 pending; "
        "registry entries lacking a language: 1"]
    code, out, _ = _run(project, capsys, "--format", "json")
    assert json.loads(out)["entities"] == {"actor": {"sdf": {"en": {"status": "pending", "missing": ["description"]}}}}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def test_diff_shows_the_old_and_new_paragraphs_from_git(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    _git(project.root, "init", "-q")
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-qm", "translated")
    _edit_original(project, [PARAGRAPHS[0], "ونقلت وكالة باسنيوز اليوم خبراً آخر.", PARAGRAPHS[2]])
    code, out, _ = _run(project, capsys, "--diff", str(project.root / FOLDER))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == (f"{FOLDER}/en.md is stale: ar.md, the original, changed since it was translated "
                        "(paragraph 2 changed).")
    assert re.fullmatch(r"The original as translated is commit [0-9a-f]{12}\.", lines[1])
    assert lines[2:] == ["Paragraph 2, changed (paragraph 2 when translated):",
                         *(f"- {line}" for line in PARAGRAPHS[1].splitlines()),
                         "+ ونقلت وكالة باسنيوز اليوم خبراً آخر."]


def test_diff_without_history_says_which_paragraphs_changed(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    _edit_original(project, [PARAGRAPHS[0], PARAGRAPHS[2]])
    code, out, _ = _run(project, capsys, "--diff", str(project.root / FOLDER))
    assert code == 0
    assert out.splitlines()[1:] == [
        "The original as translated is not in this repository's history (a shallow clone, or never committed): "
        "only the numbers of what changed are known.",
        "Paragraph 2 of the original as translated, removed:"]


def test_paragraphs_are_counted_as_a_reader_counts_them() -> None:
    body = "\n\nFirst line\nwrapped.\n\n\n```text\ncode\n\nstill code\n```\n\n> A quote.\n"
    assert paragraphs(body) == ["First line\nwrapped.", "```text\ncode\n\nstill code\n```", "> A quote."]


def test_an_export_with_nothing_to_translate_says_so(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    code, printed, _ = _run(project, capsys, "--export", "en", "--out", str(project.root / "handoff"))
    assert (code, printed) == (0, "nothing to translate into en: no text is stale or pending, no registry entry "
                                  "lacks it\n")
    assert not (project.root / "handoff").exists()


def test_the_sample_briefing_records_its_english_as_current(capsys: pytest.CaptureFixture) -> None:
    assert main(["translations", "--root", str(REPO), "--format", "json"]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    assert articles == {"2017-coalition-sdf-rift-deir-ez-zor": {"ar": {"status": "original"},
                                                                 "en": {"status": "current"}}}


def _export(project: Project, capsys: pytest.CaptureFixture, lang: str = "en") -> Path:
    out = project.root / "handoff"
    code, printed, _ = _run(project, capsys, "--export", lang, "--out", str(out))
    assert code == 0
    assert printed
    return out


def _translate(po_path: Path, translate: Callable[[polib.POEntry], str]) -> None:
    po = polib.pofile(str(po_path))
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = translate(entry)
    po.save(str(po_path))


def test_an_untouched_export_changes_nothing(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project, en=None)
    out = _export(project, capsys)
    before = project.fingerprint()
    code, printed, _ = _run(project, capsys, "--import", str(out))
    assert code == 0
    assert printed.splitlines()[-1].startswith("nothing written")
    assert project.fingerprint() == before


def test_a_pending_text_goes_out_and_comes_back_translated(project: Project, capsys: pytest.CaptureFixture,
                                                          tmp_path: Path) -> None:
    _article(project, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n",
             ar=[PARAGRAPHS[0], "قالت [قسد](actor:sdf) إن `{x}` لم يُحسم بعد.", PARAGRAPHS[2]], en=None)
    project.write("content/actors/sdf.yml", "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\n"
                                            "type: armed-group\n")
    out = _export(project, capsys)
    po = polib.pofile(str(out / "2017-08-07-rift.en.po"))
    assert [entry.msgctxt for entry in po] == ["title", "summary", "paragraph 1", "paragraph 2", "paragraph 3"]
    assert po[3].msgid == "قالت [قسد]({1}) إن {2} لم يُحسم بعد."
    assert "python-brace-format" in po[3].flags
    english = {"title": "A rift", "summary": "A source reports disagreements",
               "paragraph 2": "The [SDF]({1}) said that {2} is not settled yet."}
    _translate(out / "2017-08-07-rift.en.po",
               lambda entry: english.get(entry.msgctxt, f"The English of {entry.msgctxt}, in a sentence."))
    code, printed, err = _run(project, capsys, "--import", str(out))
    assert (code, err) == (0, "")
    assert printed.splitlines() == [f"wrote {FOLDER}/en.md", "1 file written"]
    assert _states(project, capsys)["en"] == {"status": "current"}
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    page = (site / "en/articles/2017-08-07-rift/index.html").read_text(encoding="utf-8")
    assert "The English of paragraph 3, in a sentence." in page
    assert re.search(r'<a href="\.\./\.\./actors/sdf/">SDF</a> said that <code>\{x\}</code> is not settled', page)
    assert "data-translation-status" not in page


def test_an_export_made_before_the_original_changed_is_refused(project: Project,
                                                               capsys: pytest.CaptureFixture) -> None:
    _article(project, en=None)
    out = _export(project, capsys)
    _translate(out / "2017-08-07-rift.en.po", lambda entry: "Some English text for this entry.")
    _edit_original(project, [PARAGRAPHS[0], PARAGRAPHS[1] + " اليوم", PARAGRAPHS[2]])
    before = project.fingerprint()
    code, printed, err = _run(project, capsys, "--import", str(out))
    assert code == 1
    assert re.search(r"handoff/2017-08-07-rift\.en\.po:\d+:1: error: paragraph 2: the original is no "
                     r"longer this text: it changed since the file was exported; export it again "
                     r"\[translation-file\]", err)
    assert err.endswith("nothing was written\n")
    assert project.fingerprint() == before


def test_a_dropped_placeholder_or_an_empty_entry_is_refused(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project, ar=["قالت [قسد](actor:sdf) إن الأمر لم يُحسم بعد.", PARAGRAPHS[2]], en=None)
    out = _export(project, capsys)
    po_path = out / "2017-08-07-rift.en.po"
    english = {"paragraph 1": "The SDF said it was not settled.", "paragraph 2": ""}
    _translate(po_path, lambda entry: english.get(entry.msgctxt, "An English title"))
    before = project.fingerprint()
    code, _, err = _run(project, capsys, "--import", str(out))
    assert code == 1
    assert ("error: paragraph 1: placeholder {1} (actor:sdf) is missing: keep each placeholder of the original once"
            " [translation-file]") in err
    assert ("error: paragraph 2 is not translated: translate every entry, or leave the whole file untouched"
            " [translation-file]") in err
    assert project.fingerprint() == before


def test_a_stale_translation_keeps_what_did_not_change(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    _done(project, capsys)
    _edit_original(project, [PARAGRAPHS[0], PARAGRAPHS[1] + " اليوم", PARAGRAPHS[2]])
    out = _export(project, capsys)
    po = polib.pofile(str(out / "2017-08-07-rift.en.po"))
    assert [entry.msgstr for entry in po] == ["A rift", "A Kurdish source reports disagreements",
                                              ENGLISH[0], "", ENGLISH[2]]
    _translate(out / "2017-08-07-rift.en.po", lambda entry: "BasNews reported it today.")
    assert _run(project, capsys, "--import", str(out))[0] == 0
    english = (project.root / FOLDER / "en.md").read_text(encoding="utf-8")
    assert english.split("---\n", 2)[2] == "\n" + "\n\n".join([ENGLISH[0], "BasNews reported it today.",
                                                               ENGLISH[2]]) + "\n"
    assert _states(project, capsys)["en"] == {"status": "current"}


def test_registry_gaps_go_out_and_come_back(project: Project, capsys: pytest.CaptureFixture) -> None:
    _article(project)
    sdf = project.write("content/actors/sdf.yml", "# kept\nname:\n  ar: قوات سوريا الديمقراطية\n"
                                                  "  en: Syrian Democratic Forces\ntype: armed-group\n"
                                                  "description:\n  ar: تحالف فصائل مسلحة\n")
    out = _export(project, capsys)
    _translate(out / "_registries.en.po", lambda entry: "An alliance of armed factions")
    assert _run(project, capsys, "--import", str(out))[:1] == (0,)
    assert sdf.read_text(encoding="utf-8") == ("# kept\nname:\n  ar: قوات سوريا الديمقراطية\n"
                                               "  en: Syrian Democratic Forces\ntype: armed-group\n"
                                               "description:\n  ar: تحالف فصائل مسلحة\n"
                                               "  en: An alliance of armed factions\n")


STALE_NOTICES = {"en": "The original was updated after this translation was made",
                 "ar": "عُدِّل النص الأصلي بعد إعداد هذه الترجمة"}
TITLES = {"ar": "خلافات بين التحالف وقسد", "en": "A rift"}


@pytest.mark.parametrize("original", ["ar", "en"])
def test_the_page_of_a_stale_translation_says_so_in_its_language(
        project: Project, capsys: pytest.CaptureFixture, tmp_path: Path, original: str) -> None:
    translation = "en" if original == "ar" else "ar"
    folder = _article(project, meta=f"date: 2017-08-07\nstatus: published\noriginal: {original}\n")
    _done(project, capsys, translation)
    edited = (folder / f"{original}.md").read_text(encoding="utf-8").replace("\n\n", "\n\nA new first line.\n\n", 1)
    (folder / f"{original}.md").write_text(edited, encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    stale = (site / f"{translation}/articles/2017-08-07-rift/index.html").read_text(encoding="utf-8")
    current = (site / f"{original}/articles/2017-08-07-rift/index.html").read_text(encoding="utf-8")
    notice = re.search(r'<p class="briefing-pending-notice" data-translation-status="stale"[^>]*>(.*?)</p>',
                       stale, re.S)
    assert notice is not None
    assert STALE_NOTICES[translation] in notice.group(1)
    direction = "rtl" if original == "ar" else "ltr"
    assert re.search(rf'<a href="[./]*{original}/articles/2017-08-07-rift/" hreflang="{original}">'
                     rf'<bdi lang="{original}" dir="{direction}">{TITLES[original]}</bdi></a>', notice.group(1))
    assert "data-translation-status" not in current
    ld_translation, ld_original = _json_ld(stale), _json_ld(current)
    base = ld_translation["publisher"]["url"].removesuffix(f"{translation}/")
    assert ld_translation["translationOfWork"] == {"@type": "NewsArticle", "inLanguage": original,
                                                   "url": base + f"{original}/articles/2017-08-07-rift/"}
    assert ld_original["workTranslation"] == {"@type": "NewsArticle", "inLanguage": translation,
                                              "url": base + f"{translation}/articles/2017-08-07-rift/"}
    records = json.loads((site / "data/articles.json").read_text(encoding="utf-8"))
    assert records[0]["original"] == original
    assert records[0]["translations"] == {original: {"status": "original"},
                                          translation: {"status": "stale", "added_paragraphs": [1]}}


def _json_ld(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))
