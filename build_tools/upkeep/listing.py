"""``briefing list``: what the archive holds, read without checking it."""

from __future__ import annotations

from typing import Any

from ..content.loader import ArticleBundle
from ..languages import LANGUAGES
from ..model.kinds import REGISTRIES
from .uses import Content

ARTICLE_LISTS = ("articles", "drafts")


def _mapping(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _article(bundle: ArticleBundle) -> dict[str, Any]:
    meta = _mapping(bundle.meta.data if bundle.meta else None)
    titles = {lang: _mapping(text.front_matter.data).get("title") for lang, text in sorted(bundle.texts.items())}
    return {"id": bundle.id, "folder": bundle.folder, "date": str(meta.get("date", "")),
            "status": str(meta.get("status", "")), "languages": sorted(bundle.languages), "title": titles}


def listed(content: Content, what: str) -> list[dict[str, Any]]:
    """The records of ``what`` (``articles``, ``drafts`` or a registry's plural), sorted:
    articles newest first, entries by id."""
    if what in ARTICLE_LISTS:
        records = [_article(bundle) for bundle in content.bundles]
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
        return f"{record['folder']}  {record['date']}  {record['status']}  {','.join(record['languages'])}  {title}"
    names = " / ".join(name for name in record["name"].values() if name)
    return f"{record['file']}  {names}"
