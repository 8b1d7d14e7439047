"""The ``briefing check`` command as editors and CI run it: formats, exit codes, no side effects."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO, Project, write_minimal_article

from build_tools.i18n.required import INTERFACE_STRINGS


def run_briefing(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed console script, in a separate process, as a person runs it."""
    script = Path(sys.executable).with_name("briefing")
    return subprocess.run([str(script), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_json_format(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", "name: {ar: قسد, en: SDF}\ntype: armed-grup\n")
    write_minimal_article(project, en=None)
    code, lines = project.check(capsys, "--format", "json")
    assert code == 1
    assert json.loads("\n".join(lines)) == {
        "errors": 1,
        "warnings": 1,
        "diagnostics": [
            {"file": "content/actors/sdf.yml", "line": 2, "column": 7, "severity": "error", "code": "unknown-value",
             "message": "unknown type 'armed-grup' (did you mean 'armed-group'?)"},
            {"file": "content/articles/2017/2017-08-07-a/meta.yml", "line": 1, "column": 1,
             "severity": "warning", "code": "translation-pending", "message": "translation pending: no en.md yet"},
        ],
    }


def test_root_defaults_to_the_current_folder(project: Project) -> None:
    write_minimal_article(project)
    result = run_briefing("check", cwd=project.root)
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 errors, 0 warnings\n", "")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    unknown = run_briefing("check", "--fromat", "json", cwd=tmp_path)
    not_a_project = run_briefing("check", "--root", str(tmp_path), cwd=tmp_path)
    assert unknown.returncode == 2 and "unrecognized arguments: --fromat" in unknown.stderr
    assert not_a_project.returncode == 2
    assert not_a_project.stderr == (f"briefing: error: {tmp_path} has no site_config/ folder: "
                                    "--root must be the project folder\n")


def test_broken_site_config_is_reported_not_raised(project: Project) -> None:
    project.write("site_config/site.yml", "name: {ar: موجز, en: Briefing\n")
    result = run_briefing("check", cwd=project.root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "site_config: error: content not checked: fix site_config first [site-config]",
        "site_config/site.yml:2:1: error: YAML syntax error: did not find expected ',' or '}' [yaml-syntax]",
        "2 errors, 0 warnings",
    ]
    assert "Traceback" not in result.stderr


def test_vocabulary_must_match_schema(project: Project, capsys) -> None:
    vocabularies = project.root / "site_config/vocabularies.yml"
    text = vocabularies.read_text(encoding="utf-8")
    assert "  tribe: {ar: عشيرة, en: Tribe," in text
    vocabularies.write_text(text.replace("  tribe: {ar: عشيرة, en: Tribe,", "  clan: {ar: عشيرة, en: Clan,"),
                            encoding="utf-8")
    code, lines = project.check(capsys)
    assert code == 1
    assert lines[0] == "site_config: error: content not checked: fix site_config first [site-config]"
    line = text.splitlines().index("actor_types:") + 1
    assert lines[1].startswith(f"site_config/vocabularies.yml:{line}:1: error: vocabulary 'actor_types' lists ")
    assert lines[1].endswith("keep them the same [site-config]")


def test_an_interface_string_the_pages_need_is_missing_from_both_files(project: Project, capsys) -> None:
    """Both languages alike, yet a page would need it: the check fails, as the build would."""
    for lang in ("ar", "en"):
        strings = project.root / f"site_config/i18n/{lang}.yml"
        kept = [line for line in strings.read_text(encoding="utf-8").splitlines(keepends=True)
                if not line.startswith("articles_between:")]
        strings.write_text("".join(kept), encoding="utf-8")
    code, lines = project.check(capsys)
    assert (code, lines[1:3]) == (1, [
        f"site_config/i18n/{lang}.yml: error: interface string 'articles_between' is missing in this language "
        "[site-config]" for lang in ("ar", "en")])


def test_the_shipped_interface_strings_are_those_the_tool_needs() -> None:
    """Every string the code asks for by name, and every one a template shows, is listed
    as needed; and the shipped files hold exactly those."""
    for lang in ("ar", "en"):
        shipped = yaml.safe_load((REPO / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
        assert set(shipped) == INTERFACE_STRINGS, lang
    asked = {key for path in (REPO / "build_tools").rglob("*.py")
             for key in re.findall(r"\.t\(\"([a-z_]+)\"", path.read_text(encoding="utf-8"))}
    shown = {key for path in (REPO / "overrides").rglob("*.html")
             for key in re.findall(r"edition\.t\.([a-z_]+)", path.read_text(encoding="utf-8"))}
    assert asked and shown and asked | shown <= INTERFACE_STRINGS


def test_interface_strings_exist_in_both_languages(project: Project, capsys) -> None:
    strings = project.root / "site_config/i18n/en.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace("archive: Archive\n", ""), encoding="utf-8")
    code, lines = project.check(capsys)
    assert (code, lines[1]) == (1, "site_config/i18n/en.yml: error: interface string 'archive' "
                                   "is missing in this language [site-config]")
