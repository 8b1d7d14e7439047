"""What a PDF holds besides its pages that the site must not publish.

A PDF is published on the site's own origin: whatever a reader's PDF viewer runs, it runs
from there. So the published copy keeps no JavaScript, no action that runs by itself (on
opening, on an event of a page, an annotation or a form field: ``OpenAction``, ``AA``),
no action that launches a program, opens another file or sends data (``Launch``,
``SubmitForm``…; a link's ``URI`` and ``GoTo`` inside the document stay, as links in an
article do), no embedded file (an attached ``contacts.csv`` goes with it), no XFA form,
and none of what names people: the authors of comments (``/T``, their rich text ``/RC``),
XMP metadata of pages, pictures or fonts, and the private data the programs that edited
it keep (``PieceInfo``, which can hold a whole earlier version); the metadata of its
pictures (``pictures``: a phone photo's EXIF, its GPS position…), pages' thumbnails
(``Thumb``, which can show an earlier page; viewers make their own), article threads'
information (``Threads``' ``I``: an author), who made its layers (optional content's
``Creator``, ``CreatorInfo``, ``User``), signatures (``/V`` of signature fields, ``Perms``,
``DSS``: the signer's name, place, reason and certificate), web capture information
(``SpiderInfo``), prepress links to the original pictures' files (``OPI``, paths that name
users), document part metadata (``DPM``), and any other ``Author`` or ``Creator`` name.

Every object the document reaches is visited once, however it is linked (pages, outlines,
forms, name trees, actions chained by ``/Next``), and what is removed from them is what
``pdf.save`` no longer writes: pikepdf writes only the objects the document still reaches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

from .metadata import shown
from .pictures import Pictures, picture_labels

KEPT_ACTIONS = {"/GoTo", "/URI", "/Named"}
"""Actions a reader's click may still start: within the document, a web address, the
viewer's own page turns."""
MEDIA_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia"}
"""Annotations that carry a file, a recording or a player: removed whole."""
ANNOTATIONS = {"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Highlight",
               "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup", "/Redact",
               "/Watermark", "/Projection", *MEDIA_ANNOTATIONS}
"""Subtypes of annotations whose ``/T`` is their author (a form field's ``/T`` is its name)."""
JAVASCRIPT = "JavaScript"
AUTOMATIC = "actions run on opening or on events (OpenAction, AA)"
EMBEDDED = "embedded files"
XFA = "an XFA form"
AUTHORS = "the authors of comments (annotations' T)"
RICH_TEXT = "comments' rich text (annotations' RC)"
INNER_XMP = "XMP metadata of pages, pictures or fonts"
PRIVATE = "the private data of programs that edited it, which can hold an earlier version (PieceInfo)"
THUMBNAILS = "pages' thumbnails, which can show an earlier version of a page (Thumb)"
THREADS = "the information of article threads, which can name their author (Threads' I)"
LAYERS = "who made the layers (optional content's Creator, CreatorInfo, User)"
SIGNATURES = "signatures, which name the signer, where and why they signed (Sig, Perms, DSS)"
WEB_CAPTURE = "web capture information (SpiderInfo, IDS, URLS)"
OPI = "links to the files of the original pictures, whose paths can name people (OPI)"
NAMES = "names of authors or creators kept elsewhere in the document (Author, Creator)"
PEOPLE_KEYS = {"/PieceInfo": PRIVATE, "/OPI": OPI, "/DPM": "document part metadata (DPM)", "/CreatorInfo": LAYERS}
"""Keys removed wherever they stand, for what they can say of people."""
SIGNATURE_TYPES = (pikepdf.Name("/Sig"), pikepdf.Name("/DocTimeStamp"))
SIGNER_KEYS = ("/Name", "/ContactInfo", "/Location", "/Reason", "/Contents", "/Cert", "/Prop_Build", "/Changes")


@dataclass
class Removed:
    """What was removed: what names people (reported as metadata, an error in ``check``),
    and what would run or travel with the file (the build removes it: a warning)."""

    people: list[str] = field(default_factory=list)
    active: list[str] = field(default_factory=list)

    def name(self, finding: str) -> None:
        if finding not in self.people:
            self.people.append(finding)

    def act(self, finding: str) -> None:
        if finding not in self.active:
            self.active.append(finding)


def remove_active_content(pdf: pikepdf.Pdf) -> Removed:
    """Removes, in memory, what the site must not publish (see the module); says what."""
    removed = Removed()
    _catalog(pdf.Root, removed)
    _catalog_names(pdf.Root, removed)
    for page in pdf.pages:
        if "/Thumb" in page.obj:
            removed.name(THUMBNAILS)
            del page.obj["/Thumb"]
    pictures = Pictures(pdf, picture_labels(pdf))
    for item in _reachable(pdf):
        _object(item, removed)
        _names(item, removed)
        pictures.clean(item)
    for page in pdf.pages:
        _annotations(page.obj, removed)
    for finding in pictures.findings():
        removed.name(finding)
    return removed


def _catalog(root: pikepdf.Object, removed: Removed) -> None:
    action = root.get("/OpenAction")
    if isinstance(action, pikepdf.Dictionary):  # an array is a page to open at: kept
        _action_kinds(action, removed)
        removed.act(AUTOMATIC)
        del root["/OpenAction"]
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        for key, what in (("/JavaScript", JAVASCRIPT), ("/EmbeddedFiles", EMBEDDED)):
            if key in names:
                removed.act(what)
                del names[key]
    if "/Collection" in root:  # a portfolio: a cover page for the files it holds
        removed.act(EMBEDDED)
        del root["/Collection"]
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        removed.act(XFA)
        del form["/XFA"]


def _reachable(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    """Every dictionary and stream the document reaches from its trailer, once each."""
    seen: set[tuple[int, int]] = set()
    found: list[pikepdf.Object] = []
    stack: list[pikepdf.Object] = [pdf.trailer]
    while stack:
        item = stack.pop()
        if not isinstance(item, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
            continue  # numbers, names, strings: nothing under them
        if item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            found.append(item)
            stack.extend(value for _, value in item.items())
    return found


def _object(item: pikepdf.Object, removed: Removed) -> None:
    """The keys of one dictionary or stream that run, carry a file or name someone."""
    for key, what in (("/AA", AUTOMATIC), ("/AF", EMBEDDED), ("/EF", EMBEDDED)):
        if key in item:
            if key == "/AA":
                _event_kinds(item["/AA"], removed)
            removed.act(what)
            del item[key]
    action = item.get("/A")
    if isinstance(action, pikepdf.Dictionary) and isinstance(action.get("/S"), pikepdf.Name) \
            and not _kept(action):
        _action_kinds(action, removed)
        if _name(action.get("/S")) in KEPT_ACTIONS:
            del action["/Next"]  # a link to keep, with what was chained to it
        else:
            del item["/A"]


def _names(item: pikepdf.Object, removed: Removed) -> None:
    """The keys of one dictionary or stream that can name or place someone."""
    found = [(key, what) for key, what in PEOPLE_KEYS.items() if key in item]
    if "/Metadata" in item:  # the catalog's own is removed, and reported, with the document information
        found.append(("/Metadata", INNER_XMP))
    if _name(item.get("/Subtype")) in ANNOTATIONS:
        found += [(key, what) for key, what in (("/T", AUTHORS), ("/RC", RICH_TEXT)) if key in item]
    found += [(key, NAMES) for key in ("/Author", "/Creator") if isinstance(item.get(key), pikepdf.String)]
    user = item.get("/User")
    if isinstance(user, pikepdf.Dictionary) and "/Name" in user:  # an optional content's user: a person
        found.append(("/User", LAYERS))
    if _signature(item.get("/V")):  # a signed field: the field stays, unsigned
        found.append(("/V", SIGNATURES))
    if _signature(item):  # reached another way than a field's value
        found += [(key, SIGNATURES) for key in SIGNER_KEYS if key in item]
    for key, what in found:
        removed.name(what)
        del item[key]


def _signature(value: pikepdf.Object | None) -> bool:
    return isinstance(value, pikepdf.Dictionary) and (value.get("/Type") in SIGNATURE_TYPES or "/ByteRange" in value)


def _layers(layers: pikepdf.Dictionary, removed: Removed) -> None:
    """Who made the optional content's configurations (``Creator``), each layer's content
    (``Usage``'s ``CreatorInfo``) and for whom it is shown (``User``)."""
    configs, groups = _listed(layers.get("/Configs")), _listed(layers.get("/OCGs"))
    usages = [group.get("/Usage") for group in groups if isinstance(group, pikepdf.Dictionary)]
    places = [(config, "/Creator") for config in [layers.get("/D"), *configs]]
    places += [(usage, key) for usage in usages for key in ("/CreatorInfo", "/User")]
    for holder, key in places:
        if isinstance(holder, pikepdf.Dictionary) and key in holder:
            removed.name(LAYERS)
            del holder[key]


def _listed(value: pikepdf.Object | None) -> list[pikepdf.Object]:
    return list(value) if isinstance(value, pikepdf.Array) else []


def _catalog_names(root: pikepdf.Object, removed: Removed) -> None:
    """What only the catalog holds that names people: threads' information, layers' makers,
    signatures' permissions and evidence, web capture's record."""
    threads = root.get("/Threads")
    for thread in threads if isinstance(threads, pikepdf.Array) else ():
        if isinstance(thread, pikepdf.Dictionary) and "/I" in thread:
            removed.name(THREADS)
            del thread["/I"]
    layers = root.get("/OCProperties")
    if isinstance(layers, pikepdf.Dictionary):
        _layers(layers, removed)
    names = root.get("/Names")
    for holder, key, what in ((root, "/Perms", SIGNATURES), (root, "/DSS", SIGNATURES),
                              (root, "/SpiderInfo", WEB_CAPTURE), (names, "/IDS", WEB_CAPTURE),
                              (names, "/URLS", WEB_CAPTURE)):
        if isinstance(holder, pikepdf.Dictionary) and key in holder:
            removed.name(what)
            del holder[key]


def _name(value: object) -> str:
    """A PDF name as text ("/JavaScript"); empty for anything that is not a name."""
    return str(value) if isinstance(value, pikepdf.Name) else ""


def _kept(action: pikepdf.Object, depth: int = 0) -> bool:
    """Whether an action, and every action chained after it by ``/Next``, may stay."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 64:
        return False
    chained = action.get("/Next")
    following = [] if chained is None else list(chained) if isinstance(chained, pikepdf.Array) else [chained]
    return _name(action.get("/S")) in KEPT_ACTIONS and all(_kept(item, depth + 1) for item in following)


def _action_kinds(action: pikepdf.Object | None, removed: Removed, depth: int = 0) -> None:
    """Reports each kind of action in a chain: JavaScript, or the action's own name."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 64:
        return
    kind = _name(action.get("/S")) or "/unknown"
    if kind == "/JavaScript":
        removed.act(JAVASCRIPT)
    elif kind not in KEPT_ACTIONS:
        removed.act(f"{shown(kind.removeprefix('/'))} actions")
    chained = action.get("/Next")
    for item in (list(chained) if isinstance(chained, pikepdf.Array) else [chained]):
        _action_kinds(item, removed, depth + 1)


def _event_kinds(events: pikepdf.Object, removed: Removed) -> None:
    if isinstance(events, pikepdf.Dictionary):
        for _, action in events.items():
            _action_kinds(action, removed)


def _annotations(page: pikepdf.Object, removed: Removed) -> None:
    """Annotations that carry a file or a player are taken off the page whole."""
    annotations = page.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return
    kept = [item for item in annotations if not (isinstance(item, pikepdf.Dictionary)
                                                 and _name(item.get("/Subtype")) in MEDIA_ANNOTATIONS)]
    if len(kept) < len(annotations):
        removed.act(EMBEDDED)
        page["/Annots"] = pikepdf.Array(kept)
