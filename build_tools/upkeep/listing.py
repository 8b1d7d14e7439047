"""``briefing list``: what the archive holds, read without checking it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..content.loader import ArticleBundle
from ..languages import LANGUAGES
from ..model.dates import DateError
from ..model.kinds import REGISTRIES
from ..model.schedule import build_instant, parse_instant
from .uses import Content

ARTICLE_LISTS = ("articles", "drafts", "scheduled")


def _mapping(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _article(bundle: ArticleBundle) -> dict[str, Any]:
    meta = _mapping(bundle.meta.data if bundle.meta else None)
    titles = {lang: _mapping(text.front_matter.data).get("title") for lang, text in sorted(bundle.texts.items())}
    record = {"id": bundle.id, "folder": bundle.folder, "date": str(meta.get("date", "")),
              "status": str(meta.get("status", "")), "languages": sorted(bundle.languages), "title": titles}
    publish_at = _instant(meta.get("publish_at"))
    return record | {"publish_at": publish_at} if publish_at else record


def _instant(written: Any) -> str | None:
    """``publish_at`` as the UTC instant it names, if it names one (``check`` reports the rest)."""
    try:
        return parse_instant(written).astimezone(dt.UTC).isoformat() if isinstance(written, str) else None
    except DateError:
        return None


def _scheduled(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles scheduled after now (the build's clock), soonest first."""
    now = build_instant()
    waiting = [record for record in records
               if "publish_at" in record and dt.datetime.fromisoformat(record["publish_at"]) > now]
    return sorted(waiting, key=lambda record: (dt.datetime.fromisoformat(record["publish_at"]), record["id"]))


def listed(content: Content, what: str) -> list[dict[str, Any]]:
    """The records of ``what`` (``articles``, ``drafts``, ``scheduled`` or a registry's
    plural), sorted: articles newest first, scheduled ones soonest first, entries by id."""
    if what in ARTICLE_LISTS:
        records = [_article(bundle) for bundle in content.bundles]
        if what == "scheduled":
            return _scheduled(records)
        records = [r for r in records if what == "articles" or r["status"] == "draft"]
        return sorted(records, key=lambda record: (record["date"], record["id"]), reverse=True)
    kind = next(kind.name for kind in REGISTRIES if kind.plural == what)
    records = []
    for entity in content.files.entities[kind]:
        name = _mapping(_mapping(entity.document.data).get("name"))
        records.append({"id": entity.id, "file": entity.document.origin.file,
                        "name": {lang: name.get(lang) for lang in LANGUAGES}})
    return sorted(records, key=lambda record: record["id"])


def as_line(record: dict[str, Any]) -> str:
    if "folder" in record:
        title = next((t for t in record["title"].values() if t), "")
        when = f"{record['publish_at']}  " if "publish_at" in record else ""
        languages = ",".join(record["languages"])
        return f"{when}{record['folder']}  {record['date']}  {record['status']}  {languages}  {title}"
    names = " / ".join(name for name in record["name"].values() if name)
    return f"{record['file']}  {names}"
