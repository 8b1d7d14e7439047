"""The tool's messages in the editor's language: the Arabic catalog has every message,
and ``check`` says them in Arabic by --lang, the locale or site_config/site.yml."""

from __future__ import annotations

import json
import pickle
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from conftest import REPO, Project, write_minimal_article

from build_tools.diagnostics import Position, Report
from build_tools.messages import LOCALE_DIR, editor_language, msg

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _extracted() -> dict[str, list[str]]:
    """Every message of the code and the schemas, as ``pybabel extract -F babel.cfg -k msg`` finds them."""
    with open(REPO / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str, list[str]] = {}
    for file, line, message, _, _ in extract_from_dir(str(REPO), method_map, options_map, keywords={"msg": None}):
        found.setdefault(str(message), []).append(f"{file}:{line}")
    return found


def _catalog() -> dict[str, tuple[str, bool]]:
    with open(LOCALE_DIR / "ar" / "LC_MESSAGES" / "briefing.po", "rb") as po:
        return {str(m.id): (str(m.string), m.fuzzy) for m in read_po(po) if m.id}


def test_the_arabic_catalog_translates_every_message_and_keeps_its_placeholders() -> None:
    extracted, catalog = _extracted(), _catalog()
    assert len(extracted) > 150  # the extraction itself found the code's messages
    untranslated = [f"{where[0]}: {message}" for message, where in extracted.items()
                    if not catalog.get(message, ("", True))[0] or catalog[message][1]]
    assert untranslated == []
    assert sorted(set(catalog) - set(extracted)) == []  # no message the code no longer says
    changed = [message for message, (text, _) in catalog.items()
               if sorted(PLACEHOLDER.findall(message)) != sorted(PLACEHOLDER.findall(text))]
    assert changed == []


def test_check_speaks_arabic_with_lang_ar_and_keeps_positions_and_codes(project: Project,
                                                                        capsys: pytest.CaptureFixture) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: publishd\nactors: [isil]\n", en=None)
    code, lines = project.check(capsys, "--lang", "ar")
    assert (code, lines) == (1, [
        "content/articles/2017/2017-08-07-a/meta.yml:2:9: خطأ: قيمة status غير معروفة 'publishd' "
        "(هل تقصد 'published'؟) [unknown-value]",
        "content/articles/2017/2017-08-07-a/meta.yml:3:10: خطأ: 'isil' غير معروف (فاعل) في actors[0]"
        " [unknown-reference]",
        "2 أخطاء، 0 تحذيرات",
    ])
    assert project.check(capsys, "--lang", "en")[1][-1] == "2 errors, 0 warnings"


def test_json_keeps_codes_and_severities_and_says_the_messages_in_the_language(
        project: Project, capsys: pytest.CaptureFixture) -> None:
    write_minimal_article(project, en=None)
    code, lines = project.check(capsys, "--lang", "ar", "--format", "json")
    report = json.loads("\n".join(lines))
    assert (code, report["errors"], report["warnings"]) == (0, 0, 1)
    assert report["diagnostics"] == [{"file": "content/articles/2017/2017-08-07-a/meta.yml", "line": 1, "column": 1,
                                      "severity": "warning", "code": "translation-pending",
                                      "message": "الترجمة قيد الإعداد: لا يوجد en.md بعد"}]


@pytest.mark.parametrize(("chosen", "environment", "configured", "expected"), [
    ("en", {"LANG": "ar_SY.UTF-8"}, "ar", "en"),
    (None, {"LANG": "ar_SY.UTF-8"}, None, "ar"),
    (None, {"LANGUAGE": "fr:ar", "LANG": "en_GB.UTF-8"}, None, "ar"),
    (None, {"LC_ALL": "en_US.UTF-8", "LANG": "ar_EG.UTF-8"}, "ar", "en"),
    (None, {"LANG": "C.UTF-8"}, "ar", "ar"),
    (None, {}, None, "en"),
])
def test_the_language_is_lang_then_the_locale_then_site_config_then_english(
        chosen: str | None, environment: dict[str, str], configured: str | None, expected: str) -> None:
    assert editor_language(chosen, configured, environment) == expected


def test_site_config_sets_the_language_when_the_locale_names_none(project: Project,
                                                                   capsys: pytest.CaptureFixture) -> None:
    write_minimal_article(project, en=None)
    site = project.root / "site_config" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "editor_language: ar\n", encoding="utf-8")
    assert project.check(capsys)[1][-1] == "0 أخطاء، 1 تحذير"


def test_a_message_made_in_a_worker_process_is_still_said_in_arabic() -> None:
    """Articles are checked in other processes: their messages come back pickled."""
    message = msg("unknown {kind} '{id}' in {field}{hint}", kind=msg("actor"), id="isil", field="actors[0]",
                  hint=msg(" (did you mean '{choice}'?)", choice="isis"))
    copy = pickle.loads(pickle.dumps(message))
    assert copy == "unknown actor 'isil' in actors[0] (did you mean 'isis'?)"
    assert copy.said_in("ar") == "'isil' غير معروف (فاعل) في actors[0] (هل تقصد 'isis'؟)"


def test_the_github_format_annotates_in_arabic() -> None:
    report = Report()
    report.warning(Position("content/a.yml", 2, 3), msg("translation pending: no {lang}.md yet", lang="en"),
                   "translation-pending")
    assert report.as_github("ar").splitlines() == [
        "::warning file=content/a.yml,title=translation-pending,line=2,col=3::الترجمة قيد الإعداد: لا يوجد en.md بعد",
        "0 أخطاء، 1 تحذير"]
