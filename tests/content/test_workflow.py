"""The editors' workflow: scaffolding, GitHub annotations, corrections, hooks and VS Code
(the CI and hosting files: tests/project/test_ci_workflows.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, Project, write_minimal_article

from build_tools.checks.schemas import DOCUMENT_KINDS
from build_tools.cli import main
from build_tools.diagnostics import Position, Report
from build_tools.pipeline.load import load_briefing


def new(project: Project, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["new", *args, "--root", str(project.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fill(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new_text in replacements:
        assert old in text, old
        text = text.replace(old, new_text, 1)
    path.write_text(text, encoding="utf-8")


def test_new_actor_names_what_to_fill_then_passes(project: Project, capsys) -> None:
    assert new(project, capsys, "actor", "hts")[0] == 0
    assert project.check(capsys) == (1, [
        "content/actors/hts.yml:2:7: error: name.ar is empty: fill it in [empty-field]",
        "content/actors/hts.yml:3:7: error: name.en is empty: fill it in [empty-field]",
        "content/actors/hts.yml:4:6: error: type is empty: fill it in (one of: state, government, "
        "armed-forces, security-forces, armed-group, militia, coalition, political-party, "
        "political-organisation, tribe, person, media, organisation) [empty-field]",
        "3 errors, 0 warnings",
    ])
    fill(project.root / "content/actors/hts.yml", ('ar: ""', "ar: هيئة تحرير الشام"),
         ('en: ""', "en: Hayat Tahrir al-Sham"), ("type:", "type: armed-group"))
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


@pytest.mark.parametrize("kind, filled", [
    ("location", ("kind:", "kind: city")),
    ("source", ("kind:", "kind: monitor")),
])
def test_new_location_and_source_pass_once_filled(project: Project, capsys, kind: str, filled) -> None:
    assert new(project, capsys, kind, "x")[0] == 0
    fill(project.root / f"content/{kind}s/x.yml", ('ar: ""', "ar: الميادين"), ('en: ""', "en: Mayadin"), filled)
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_new_article_creates_the_bundle_and_passes_once_filled(project: Project, capsys) -> None:
    code, out, _ = new(project, capsys, "article", "--date", "2017-08-07", "--slug", "coalition-sdf-rift")
    folder = project.root / "content/articles/2017/2017-08-07-coalition-sdf-rift"
    assert code == 0 and out.splitlines()[:3] == [
        "created content/articles/2017/2017-08-07-coalition-sdf-rift/meta.yml",
        "created content/articles/2017/2017-08-07-coalition-sdf-rift/ar.md",
        "created content/articles/2017/2017-08-07-coalition-sdf-rift/en.md",
    ]
    assert project.check(capsys)[1][0] == (
        "content/articles/2017/2017-08-07-coalition-sdf-rift/ar.md:2:8: error: title is empty: "
        "fill it in [empty-field]")
    assert project.check(capsys)[1][1] == (
        "content/articles/2017/2017-08-07-coalition-sdf-rift/ar.md:5:1: error: ar.md has no text below its "
        "front matter: write the article, or delete ar.md (its translation is then pending) [empty-text]")
    fill(folder / "ar.md", ('title: ""', "title: خلاف بين التحالف وقسد"))
    summary_line = "# summary: one or two sentences for cards, feeds and link previews (optional)"
    fill(folder / "en.md", ('title: ""', "title: A rift"), (summary_line, "summary: The gist"))
    for lang, text in (("ar", "كشف مصدر كردي عن خلافات بين التحالف وقوات سوريا الديمقراطية."),
                       ("en", "A Kurdish source disclosed disagreements between the Coalition and the SDF.")):
        with (folder / f"{lang}.md").open("a", encoding="utf-8") as body:
            body.write(text + "\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_new_article_in_one_language(project: Project, capsys) -> None:
    assert new(project, capsys, "article", "--date", "2017-09", "--slug", "2017-09-siege", "--lang", "ar")[0] == 0
    assert sorted(p.name for p in (project.root / "content/articles/2017/2017-09-siege").iterdir()) == [
        "ar.md", "meta.yml"]


def test_new_refuses_to_overwrite(project: Project, capsys) -> None:
    path = project.write("content/actors/sdf.yml", "name: {ar: قسد, en: SDF}\ntype: armed-group\n")
    code, _, err = new(project, capsys, "actor", "sdf")
    assert (code, err) == (1, f"briefing: error: {path} already exists: nothing was written\n")
    assert path.read_text(encoding="utf-8") == "name: {ar: قسد, en: SDF}\ntype: armed-group\n"
    write_minimal_article(project, year="2017", slug="2017-08-07-rift")
    code, _, err = new(project, capsys, "article", "--date", "2017-08-07", "--slug", "rift")
    assert code == 1 and err.endswith("meta.yml already exists: nothing was written\n")


def test_new_rejects_bad_ids_and_dates(project: Project, capsys) -> None:
    assert new(project, capsys, "actor", "Hayat Tahrir")[2] == (
        "briefing: error: 'Hayat Tahrir' is not a valid id: use lowercase ASCII letters, digits and "
        "single hyphens, e.g. 'deir-ez-zor'\n")
    assert new(project, capsys, "article", "--date", "2017-02-30", "--slug", "x")[2] == (
        "briefing: error: --date '2017-02-30' is not a real calendar date\n")
    assert not any(project.root.joinpath("content").rglob("*.yml"))


def test_github_annotations_are_exact(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", "name: {ar: قسد, en: SDF}\ntype: armed-grup\n")
    write_minimal_article(project, en=None)
    project.write("content/articles/2017/empty/notes.txt", "todo")
    code, lines = project.check(capsys, "--format", "github")
    assert (code, lines) == (1, [
        "::error file=content/actors/sdf.yml,title=unknown-value,line=2,col=7::unknown type 'armed-grup' "
        "(did you mean 'armed-group'?)",
        "::warning file=content/articles/2017/2017-08-07-a/meta.yml,title=translation-pending,line=1,col=1::"
        "translation pending: no en.md yet",
        "::error file=content/articles/2017/empty,title=missing-meta::missing meta.yml (date, status, actors, "
        "locations, sources)",
        "::error file=content/articles/2017/empty,title=no-text::no text: an article needs ar.md, en.md or both",
        "3 errors, 1 warning",
    ])


def test_github_annotation_escapes() -> None:
    report = Report()
    report.error(Position("content/a,b:c.yml", 3, 1), "100% wrong\nsecond line", "yaml-syntax")
    assert report.as_github().splitlines()[0] == (
        "::error file=content/a%2Cb%3Ac.yml,title=yaml-syntax,line=3,col=1::100%25 wrong%0Asecond line")


def test_corrections_newest_first_and_updated_follows(project: Project, capsys) -> None:
    write_minimal_article(project, meta=(
        "date: 2017-08-07\nstatus: published\ncorrections:\n"
        "  - {date: 2017-08-08, text: {ar: صُحّح اسم القائد, en: The commander's name was corrected}}\n"
        "  - {date: 2017-08-20, text: {en: A date was corrected}}\n"))
    report = Report()
    article = load_briefing(project.root, report).briefing.articles["2017-08-07-a"]
    assert report.diagnostics == []
    assert [str(c.date) for c in article.corrections] == ["2017-08-20", "2017-08-08"]
    assert str(article.updated) == "2017-08-20"


def test_correction_before_the_article_is_an_error(project: Project, capsys) -> None:
    write_minimal_article(project, meta=(
        "date: 2017-08-07\nstatus: published\ncorrections:\n  - {date: 2017-08-01, text: {en: Fixed}}\n"
        "  - {date: 2017-08-32, text: {en: Fixed}}\n"))
    assert project.check(capsys) == (1, [
        "content/articles/2017/2017-08-07-a/meta.yml:4:12: error: correction dated 2017-08-01 is before "
        "the article's date 2017-08-07 [date-order]",
        "content/articles/2017/2017-08-07-a/meta.yml:5:12: error: corrections[1].date '2017-08-32' "
        "is not a real calendar date [invalid-date]",
        "2 errors, 0 warnings",
    ])


def _pre_commit(root: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    """pre-commit run in ``root``, its cache in ``home`` (a test's own folder, never beside the repository)."""
    return subprocess.run([str(Path(sys.executable).with_name("pre-commit")), *args], cwd=root, capture_output=True,
                          text=True, env={**os.environ, "PRE_COMMIT_HOME": str(home)})


def test_the_hook_files_are_valid_for_pre_commit(tmp_path: Path) -> None:
    assert _pre_commit(REPO, tmp_path, "validate-config", ".pre-commit-config.yaml").returncode == 0
    assert _pre_commit(REPO, tmp_path, "validate-manifest", ".pre-commit-hooks.yaml").returncode == 0


def test_the_local_hook_checks_a_commit_without_an_activated_environment(project: Project) -> None:
    """The repository's own hook, run by pre-commit in a git repository of a tiny project
    whose ``.venv/bin/briefing`` is the installed command, and no environment activated."""
    write_minimal_article(project)
    shutil.copy(REPO / ".pre-commit-config.yaml", project.root / ".pre-commit-config.yaml")
    (project.root / ".venv/bin").mkdir(parents=True)
    (project.root / ".venv/bin/briefing").symlink_to(Path(sys.executable).with_name("briefing"))
    for command in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", "-C", str(project.root), *command], check=True)
    home = project.root.parent / "pre-commit-home"  # shared by both runs, so the hook is installed once
    passed = _pre_commit(project.root, home, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^briefing check\.+Passed$", passed.stdout, re.MULTILINE)
    project.write("content/actors/sdf.yml", "name: {ar: قسد, en: SDF}\ntype: armed-grup\n")
    subprocess.run(["git", "-C", str(project.root), "add", "-A"], check=True)
    failed = _pre_commit(project.root, home, "run", "--all-files")
    assert failed.returncode == 1
    assert "content/actors/sdf.yml:2:7: error: unknown type 'armed-grup'" in failed.stdout


def test_vs_code_checks_every_yaml_file_kind_against_its_schema() -> None:
    """Article texts are Markdown with front matter, which VS Code's YAML extension does not read."""
    wired = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert sorted(Path(schema).name for schema in wired) == sorted(
        f"{kind}.schema.json" for kind in DOCUMENT_KINDS if kind != "article-text")
    for schema in wired:
        assert (REPO / schema).is_file()
