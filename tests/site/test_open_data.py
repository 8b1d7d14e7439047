"""Open data as documented: exactly the documented columns, drafts only when asked."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import REPO, Project, write_minimal_article

from build_tools.cli import main


def documented_columns() -> dict[str, list[str]]:
    """The open data table of the documentation: file → the fields it lists, in order (the
    events files have a table of their own, read by ``test_events``)."""
    page = (REPO / "docs/pages/reference/open-data.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+\.(?:csv|json|geojson))` \| (.+) \|$", page, re.MULTILINE)
    columns = {}
    for name, described in rows:
        if name.startswith("events."):
            continue
        if name.endswith(".csv"):
            columns[name] = [c.strip() for c in re.search(r"`([^`]+)`", described).group(1).split(",")]
        elif name.endswith(".json"):
            fields = re.search(r"`\{(.+)\}`", described).group(1)
            columns[name] = [f.split(":")[0].split(" ")[0].strip() for f in re.split(r",\s*(?![^{]*\})", fields)]
    return columns


def test_open_data_has_exactly_the_documented_columns(sample_site: Path) -> None:
    documented = documented_columns()
    assert set(documented) == {f"{kind}.{suffix}" for kind in ("actors", "locations", "sources", "tags", "articles")
                               for suffix in ("csv", "json")}
    for name, columns in documented.items():
        text = (sample_site / "data" / name).read_text(encoding="utf-8")
        if name.endswith(".csv"):
            assert next(csv.reader(io.StringIO(text))) == columns, name
        else:
            records = json.loads(text)
            assert records and all(list(record) == columns for record in records), name


def test_export_leaves_drafts_out_unless_asked(project: Project, tmp_path: Path) -> None:
    write_minimal_article(project, slug="2017-08-01-a", meta="date: 2017-08-01\nstatus: published\n")
    write_minimal_article(project, slug="2017-08-02-b", meta="date: 2017-08-02\nstatus: draft\n")
    out = tmp_path / "data"

    def exported(*flags: str) -> list[tuple[str, str]]:
        assert main(["export", "--root", str(project.root), "--out", str(out), "--format", "json", *flags]) == 0
        return [(a["id"], a["status"]) for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))]

    assert exported() == [("2017-08-01-a", "published")]
    assert exported("--drafts") == [("2017-08-02-b", "draft"), ("2017-08-01-a", "published")]
