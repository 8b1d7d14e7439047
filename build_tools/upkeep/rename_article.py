"""``briefing rename article OLD NEW``: an article's folder moved to the id ``NEW`` and to
the year folder its date gives, its old id added to its ``redirect_from`` so that its old
address keeps working. The same id moves a folder filed under the wrong year, whose
address does not change."""

from __future__ import annotations

import re

from ..content.sourcefiles import relative
from ..model.kinds import ARTICLE
from .rename import Changes, FileEdit, RenameError, check_new_id, read_source, with_earlier_ids
from .uses import Content


def plan_article_rename(content: Content, old: str, new: str) -> Changes:
    bundle = next((bundle for bundle in content.bundles if bundle.id == old), None)
    if bundle is None:
        raise RenameError(f"there is no article '{old}' (content/{ARTICLE.plural}/YYYY/{old}/)")
    if bundle.meta is None:
        raise RenameError(f"{bundle.folder}/meta.yml cannot be read: fix it first")
    check_new_id(content, ARTICLE.name, old, new)
    if new != old and any(other.id == new for other in content.bundles):
        raise RenameError(f"article '{new}' exists already: choose another id")
    files = content.files
    folder = files.root / bundle.folder
    target = files.content_dir / ARTICLE.plural / _date_year(bundle.meta.data, bundle.year) / new
    if target == folder.resolve():
        raise RenameError(f"article '{old}' is {bundle.folder}/ already: nothing to move")
    if target.exists():
        raise RenameError(f"{relative(target, files.root)} exists already: move or remove it first")
    changes = Changes(folder=(folder, target))
    if new != old:
        meta = folder / "meta.yml"
        before = read_source(meta)
        changes.edits.append(FileEdit(meta, before, with_earlier_ids(before, relative(meta, files.root), [old], new)))
    return changes


def _date_year(meta: object, filed: str) -> str:
    """The year of the article's ``date:``, else the folder it is filed in."""
    date = meta.get("date") if isinstance(meta, dict) else None
    match = re.match(r"\d{4}", str(date)) if isinstance(date, str | int) else None
    return match.group() if match else filed
