"""What ``check`` accepts, ``build`` builds: a property over hostile dates, strings and nesting.

Each example writes a tiny project (an actor, a place, a source, one article with a
correction and an event) with one text field given an arbitrary string (controls,
noncharacters, surrogates written as YAML escapes, bidi controls, combining marks, astral
code points), its dates drawn over every year and shape (year 0, 9999, partial dates) and
its text nesting HTML blocks; when ``check`` passes, ``build`` must succeed.
``BRIEFING_ACCEPTED_EXAMPLES`` sets how many examples run (30 by default).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import Project, under_mutmut, write_minimal_article
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from build_tools.cli import main

EXAMPLES = int(os.environ.get("BRIEFING_ACCEPTED_EXAMPLES", "5" if under_mutmut() else "30"))

SPECIAL = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f", "\r", "\t", "\n", "\ud800", "\udfff", "\ufffe", "\uffff",
           "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\u202e", "\u2066", "\u200f", "\u200b", "\u00ad", "\ufeff",
           "\u0301", "\u0651", "\u064e", "\U0001f600", "\U000e0001", "\U0002a6d6", "\U000f0000", "د", "ال", "<", "&",
           "]]>", "{{", "{%", "%", '"', "'", "\\", "*", "[", "#", "-->", "\u2028", "\u0085"]
_ANY = st.lists(st.one_of(st.characters(), st.sampled_from(SPECIAL)), min_size=1, max_size=12).map("".join)
_PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp")), min_size=1, max_size=12)
HOSTILE_TEXT = _ANY | _PRINTABLE
"""Any code point, half the time; else letters, marks and symbols of any script, which
``check`` accepts (but for a few invisible ones in names)."""

FIELDS = ("en_title", "en_summary", "ar_title", "ar_summary", "editor_note", "correction", "event_note",
          "source_note", "actor_name", "actor_short_name", "actor_alias", "actor_description", "en_body")
"""Every text field of an article and an actor the example writes."""


def _date(year: int, month: int | None, day: int | None) -> str:
    return "-".join([f"{year:04d}", *(f"{part:02d}" for part in (month, day) if part is not None)])


YEARS = st.one_of(st.integers(1990, 2025), st.integers(1990, 2025), st.integers(0, 9999),
                  st.sampled_from([0, 1, 1969, 1970, 2106, 2107, 9999, dt.date.today().year + 1,
                                   dt.date.today().year + 2]))
"""Years as articles have them, more often than not; else any of four digits, or an edge."""
DATES = st.builds(_date, YEARS, st.one_of(st.none(), st.integers(0, 13)), st.none()) | st.builds(
    _date, YEARS, st.integers(1, 12), st.integers(0, 32))


@st.composite
def _dates(draw: st.DrawFn) -> tuple[str, str | None, str, str]:
    """The article's date, its update, a correction's and an event's: two times in three dates
    an article has, else each later one the same as the article's date, or any."""
    if draw(st.integers(0, 2)):
        return "2017-08-07", draw(st.none() | st.just("2017-09")), "2017-08-09", "2017-08"
    date = draw(DATES)
    return (date, draw(st.none() | st.just(date) | DATES), draw(st.just(date) | DATES),
            draw(st.just(date) | DATES))


@dataclass(frozen=True)
class Example:
    field: str
    text: str
    literal: bool
    """Characters YAML can hold written as they are, rather than as escapes."""
    dates: tuple[str, str | None, str, str]
    """The article's date, its update, a correction's and an event's."""
    depth: int
    markdown_attribute: bool
    blank_lines: bool


EXAMPLES_STRATEGY = st.builds(Example, st.sampled_from(FIELDS), HOSTILE_TEXT, st.booleans(), _dates(),
                              st.integers(0, 16) | st.integers(0, 16) | st.integers(0, 40), st.booleans(),
                              st.booleans())

_YAML_PRINTABLE = re.compile("[\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quoted(text: str, literal: bool) -> str:
    """``text`` as a double-quoted YAML scalar: what YAML cannot hold as it is, escaped."""
    written = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            written.append("\\" + char)
        elif literal and _YAML_PRINTABLE.fullmatch(char) and char not in "\ufeff\x85":
            written.append(char)
        else:
            written.append(f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}" if code < 0x10000
                           else f"\\U{code:08X}")
    return '"' + "".join(written) + '"'


def write_example(project: Project, example: Example) -> None:
    def text(field: str, plain: str) -> str:
        return quoted(example.text, example.literal) if example.field == field else quoted(plain, True)

    written(project, "content/actors/sdf.yml", f"name: {{ar: قسد, en: {text('actor_name', 'SDF')}}}\n"
                                            f"short_name: {{en: {text('actor_short_name', 'S')}}}\n"
                                            f"aliases: {{en: [{text('actor_alias', 'Forces')}]}}\n"
                                            f"description: {{en: {text('actor_description', 'Kurdish-led.')}}}\n"
                                            "type: armed-group\n")
    written(project, "content/locations/raqqa.yml", "name: {ar: الرقة, en: Raqqa}\nkind: city\n"
                                                 "coordinates: {lat: 35.95, lon: 39.01}\n")
    written(project, "content/sources/sana.yml", "name: {ar: سانا, en: SANA}\nkind: news-agency\nreliability: C\n")
    date, updated, correction_date, event_date = example.dates
    meta = (f"date: {date}\n" + (f"updated: {updated}\n" if updated else "")
            + "status: published\nactors: [sdf]\nlocations: [raqqa]\n"
            f"sources: [{{source: sana, note: {{en: {text('source_note', 'Wire.')}}}}}]\n"
            f"editor_note: {{en: {text('editor_note', 'Checked.')}}}\n"
            f"corrections:\n  - date: {correction_date}\n    text: {{en: {text('correction', 'Fixed.')}}}\n"
            f"events:\n  - date: {event_date}\n    type: battles\n    sub_type: armed-clash\n"
            "    location: raqqa\n    actors: {side_a: [sdf]}\n    sources: [sana]\n"
            f"    note: {{en: {text('event_note', 'Clashes.')}}}\n")
    tag = '<div markdown="1">' if example.markdown_attribute else "<div>"
    gap = "\n" if example.blank_lines else ""
    nested = f"{tag}\n{gap}" * example.depth + f"Inside.\n{gap}" + f"</div>\n{gap}" * example.depth
    body = example.text if example.field == "en_body" else "The SDF clashed in Raqqa."
    folder = f"content/articles/{date[:4]}/a"
    written(project, f"{folder}/meta.yml", meta)
    written(project, f"{folder}/ar.md", f"---\ntitle: {text('ar_title', 'اشتباكات')}\n"
                                        f"summary: {text('ar_summary', 'ملخص')}\n---\nاشتبكت قسد في الرقة.\n")
    written(project, f"{folder}/en.md", f"---\ntitle: {text('en_title', 'Clashes')}\n"
                                        f"summary: {text('en_summary', 'In short.')}\n---\n{body}\n\n{nested}")


def written(project: Project, relative: str, text: str) -> None:
    """``text`` written as it is (a lone surrogate as the bytes it would be, not UTF-8)."""
    path = project.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, derandomize=under_mutmut(),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(example=EXAMPLES_STRATEGY)
def test_what_check_accepts_builds(tmp_path: Path, capsys: pytest.CaptureFixture, example: Example) -> None:
    root = tmp_path / "project"
    project = Project(root, made=root.exists())
    shutil.rmtree(root / "content", ignore_errors=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    write_example(project, example)
    checked = main(["check", "--root", str(root), "--no-cache", "--quiet"])
    report = capsys.readouterr()
    assert "Traceback" not in report.err
    event("refused by check" if checked else "built")  # the share of each: --hypothesis-show-statistics
    if checked != 0:
        return
    built = main(["build", "--root", str(root), "--no-cache", "--quiet"])
    output = capsys.readouterr()
    assert (built, output.err) == (0, ""), f"check passed ({report.out!r}) but build failed: {output}"


@pytest.mark.parametrize(("year", "date"), [("0001", "0001-01-01"), ("0001", "'0001'"), ("1969", "1969-07"),
                                            ("9999", "9999-12-31")])
def test_an_article_of_any_year_builds(project: Project, capsys: pytest.CaptureFixture, year: str,
                                       date: str) -> None:
    """Before 1970 gzip's header cannot hold the time: the sitemap's is the nearest it can."""
    write_minimal_article(project, year=year, slug="a", meta=f"date: {date}\nstatus: published\n")
    if year == "9999":
        assert project.check(capsys)[0] == 1  # far ahead: refused, but not with a traceback
        return
    assert project.check(capsys)[0] == 0
    assert main(["build", "--root", str(project.root), "--no-cache", "--quiet"]) == 0
    assert (project.root / "site/sitemap.xml.gz").read_bytes()[4:8] == b"\0\0\0\0"
