"""``briefing merge KIND KEEP GONE``: two entries for one thing made one. GONE's
references become KEEP's (a list naming both keeps KEEP once), GONE's names join KEEP's
aliases (for the kinds whose names are looked for in the texts), GONE's id and earlier
ids join KEEP's ``redirect_from``, and GONE's file goes. Its other fields are not carried
over: the command names them, for the editor to move by hand."""

from __future__ import annotations

from typing import Any

from ..content.sourcefiles import relative
from ..languages import LANGUAGES
from ..model.kinds import BY_NAME
from .rename import Changes, FileEdit, RenameError, earlier_ids, reference_edits, with_earlier_ids
from .uses import Content
from .yamledit import with_field

NAME_FIELDS = ("name", "short_name", "aliases", "redirect_from")
"""What a merge carries over from GONE's file (its names and its earlier ids); names it
shares with another entry on purpose (``ambiguous_aliases``) are the editor's to move."""


def plan_merge(content: Content, kind: str, keep: str, gone: str) -> tuple[Changes, list[str]]:
    """The changes, and the fields of GONE's file left behind (``_left_behind``)."""
    files = content.files
    documents = {entity.id: entity.document for entity in files.entities[kind]}
    for id_ in (keep, gone):
        if id_ not in documents:
            raise RenameError(f"there is no readable {kind} '{id_}' (content/{BY_NAME[kind].plural}/{id_}.yml)")
    if keep == gone:
        raise RenameError(f"{kind} '{keep}' cannot be merged into itself")
    folder = files.content_dir / BY_NAME[kind].plural
    kept, gone_file = folder / f"{keep}.yml", folder / f"{gone}.yml"
    edits = [edit for edit in reference_edits(content, kind, gone, keep, merging=True) if edit.path != gone_file]
    own = next((edit for edit in edits if edit.path == kept), None)
    if own is not None:
        edits.remove(own)
    before = own.before if own else kept.read_text(encoding="utf-8")
    file = relative(kept, files.root)
    after = with_earlier_ids(own.after if own else before, file, [gone, *earlier_ids(content, kind)[gone]], keep)
    keep_data, gone_data = documents[keep].data, documents[gone].data
    if BY_NAME[kind].named_in_text:
        aliases = merged_aliases(keep_data, gone_data)
        after = with_field(after, file, "aliases", aliases) if aliases else after
    edits.append(FileEdit(kept, before, after))
    return Changes(edits, removed=[gone_file]), _left_behind(keep_data, gone_data)


def _left_behind(keep: Any, gone: Any) -> list[str]:
    """The fields of GONE's file that say something KEEP's does not."""
    if not isinstance(gone, dict) or not isinstance(keep, dict):
        return []
    return [key for key, value in gone.items() if key not in NAME_FIELDS and keep.get(key) != value]


def merged_aliases(keep: Any, gone: Any) -> dict[str, list[str]] | None:
    """KEEP's aliases with every name of GONE that KEEP does not have yet, per language;
    None when GONE adds none."""
    result, added = {}, False
    for lang in LANGUAGES:
        aliases = list(_forms(keep, "aliases", lang))
        known = {*_names(keep, lang), *_forms(keep, "ambiguous_aliases", lang)}
        for name in _names(gone, lang):
            if name not in known:
                aliases.append(name)
                known.add(name)
                added = True
        if aliases:
            result[lang] = aliases
    return result if added else None


def _names(data: Any, lang: str) -> list[str]:
    """An entry's name, short name and aliases in ``lang``."""
    return [*_forms(data, "name", lang), *_forms(data, "short_name", lang), *_forms(data, "aliases", lang)]


def _forms(data: Any, key: str, lang: str) -> list[str]:
    value = data.get(key) if isinstance(data, dict) else None
    written = value.get(lang) if isinstance(value, dict) else None
    if isinstance(written, str):
        return [written]
    return [item for item in written if isinstance(item, str)] if isinstance(written, list) else []
