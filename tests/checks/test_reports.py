"""How problems are written for editors, CI and tools: text, JSON and GitHub annotations,
positions, did-you-mean."""

from __future__ import annotations

import json

from build_tools.diagnostics import Origin, Position, Report, did_you_mean


def _report() -> Report:
    report = Report()
    report.warning(Position("content/b.yml", 3, 2), "second", "translation-stale")
    report.error(Position("content/a.yml", 0, 0), "قسد: line one\r\nline two 100%", "yaml-syntax")
    report.error(Position("content/a.yml", 0, 0), "قسد: line one\r\nline two 100%", "yaml-syntax")  # reported once
    return report


def test_a_report_as_text_json_and_github_annotations() -> None:
    report = _report()
    assert report.as_text() == ("content/a.yml: error: قسد: line one\r\nline two 100% [yaml-syntax]\n"
                                "content/b.yml:3:2: warning: second [translation-stale]\n2 errors, 1 warning\n")
    assert report.as_json() == json.dumps({"errors": 2, "warnings": 1, "diagnostics": [
        {"file": "content/a.yml", "line": 0, "column": 0, "severity": "error", "code": "yaml-syntax",
         "message": "قسد: line one\r\nline two 100%"},
        {"file": "content/b.yml", "line": 3, "column": 2, "severity": "warning", "code": "translation-stale",
         "message": "second"}]},
        ensure_ascii=False, indent=2) + "\n"
    assert "قسد" in report.as_json() and '\n  "errors": 2,' in report.as_json()
    assert report.as_github() == ("::error file=content/a.yml,title=yaml-syntax::قسد: line one%0D%0Aline two 100%25\n"
                                  "::warning file=content/b.yml,title=translation-stale,line=3,col=2::second\n"
                                  "2 errors, 1 warning\n")
    single = Report()
    single.error(Position("a,b:c.yml", 1, 1), "x", "missing-field")
    assert single.as_github() == "::error file=a%2Cb%3Ac.yml,title=missing-field,line=1,col=1::x\n1 error, 0 warnings\n"


def test_an_origin_points_at_the_value_else_its_key_else_its_nearest_parent() -> None:
    origin = Origin("meta.yml", values={(): (1, 1), ("media",): (3, 3), ("media", 0, "file"): (4, 11)},
                    keys={("media", 0, "file"): (4, 5)})
    assert origin.at("media", 0, "file") == Position("meta.yml", 4, 11)
    assert origin.at("media", 0, "file", key=True) == Position("meta.yml", 4, 5)
    assert origin.at("media", 0, "alt", key=True) == Position("meta.yml", 3, 3)
    assert origin.at("media", 1) == Position("meta.yml", 3, 3)
    assert origin.at("tags", 0) == Position("meta.yml", 1, 1)
    assert Origin("x.yml").at("a") == Position("x.yml")


def test_did_you_mean_names_the_closest_choice_only() -> None:
    assert did_you_mean("ypj", ["ypg", "sdf"]) == " (did you mean 'ypg'?)"
    assert did_you_mean("zzz", ["ypg", "sdf"]) == ""
