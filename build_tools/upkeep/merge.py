"""``briefing merge KIND KEEP GONE``: two entries for one thing made one. GONE's
references become KEEP's (a list naming both keeps KEEP once), GONE's names join KEEP's
aliases (for the kinds whose names are looked for in the texts), GONE's id and earlier
ids join KEEP's ``redirect_from``, the fields GONE has and KEEP lacks are copied, and
GONE's file goes. A field both have with different values keeps KEEP's: the command
names those, in ``--dry-run`` too, for the editor to settle by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..content.sourcefiles import relative
from ..languages import LANGUAGES
from ..model.kinds import BY_NAME
from .rename import Changes, FileEdit, RenameError, earlier_ids, read_source, reference_edits, with_earlier_ids
from .uses import Content
from .yamledit import with_field

NAME_FIELDS = ("name", "short_name", "aliases", "ambiguous_aliases", "redirect_from")
"""GONE's fields that are merged into KEEP's rather than copied or kept apart."""


def plan_merge(content: Content, kind: str, keep: str, gone: str) -> tuple[Changes, list[str]]:
    """The changes, and the fields of GONE's file whose values KEEP's replace."""
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
    before = own.before if own else read_source(kept)
    file = relative(kept, files.root)
    after = with_earlier_ids(own.after if own else before, file, [gone, *earlier_ids(content, kind)[gone]], keep)
    keep_data, gone_data = documents[keep].data, documents[gone].data
    for key, value in _merged_fields(kind, keep_data, gone_data).items():
        after = with_field(after, file, key, value)
    edits.append(FileEdit(kept, before, after))
    differing = [key for key, value in gone_data.items()
                 if key not in NAME_FIELDS and key in keep_data and keep_data[key] != value]
    return Changes(edits, removed=[gone_file]), differing


def _merged_fields(kind: str, keep: dict[str, Any], gone: dict[str, Any]) -> dict[str, Any]:
    """KEEP's fields that change: GONE's names as aliases (and its shared ones as shared
    ones) where the kind has them, and what GONE has that KEEP lacks."""
    fields = {key: value for key, value in gone.items() if key not in NAME_FIELDS and key not in keep}
    if BY_NAME[kind].named_in_text:
        for key, names in (("aliases", _names), ("ambiguous_aliases", _shared_names)):
            merged = merged_names(keep, gone, key, names)
            if merged is not None:
                fields[key] = merged
    return fields


def merged_names(keep: Any, gone: Any, key: str, names: Callable[[Any, str], list[str]]) -> dict[str, list[str]] | None:
    """KEEP's ``key`` list with every name ``names(gone, lang)`` gives that KEEP does not
    have yet, per language; None when GONE adds none."""
    result, added = {}, False
    for lang in LANGUAGES:
        listed = list(_forms(keep, key, lang))
        known = {*_names(keep, lang), *_shared_names(keep, lang)}
        for name in names(gone, lang):
            if name not in known:
                listed.append(name)
                known.add(name)
                added = True
        if listed:
            result[lang] = listed
    return result if added else None


def _names(data: Any, lang: str) -> list[str]:
    """An entry's name, short name and aliases in ``lang``."""
    return [*_forms(data, "name", lang), *_forms(data, "short_name", lang), *_forms(data, "aliases", lang)]


def _shared_names(data: Any, lang: str) -> list[str]:
    return _forms(data, "ambiguous_aliases", lang)


def _forms(data: Any, key: str, lang: str) -> list[str]:
    value = data.get(key) if isinstance(data, dict) else None
    written = value.get(lang) if isinstance(value, dict) else None
    if isinstance(written, str):
        return [written]
    return [item for item in written if isinstance(item, str)] if isinstance(written, list) else []
