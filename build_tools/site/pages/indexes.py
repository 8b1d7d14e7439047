"""Index pages, paginated: labelled groups of links (actors by type, sources, tags, the
archive by year) or a hierarchy with its map (locations)."""

from __future__ import annotations

from .. import urls
from .context import LanguagePages
from .model import Group, GroupsView, MapPoint, PageModel, Pagination, TreeNode, TreeView
from .paging import split_groups, split_tree, tree_links

GROUPS_TEMPLATE = "groups"


def _pagination(pages: LanguagePages, url: str, number: int, total: int) -> Pagination | None:
    """None for an index that fits on one page."""
    return pages.pagination(url, number, total) if total > 1 else None


def group_pages(pages: LanguagePages, url: str, kind: str, title: str, groups: list[Group]) -> list[PageModel]:
    """The index at ``url``: groups of links, split over as many pages as they need."""
    split = split_groups(groups)
    return [pages.page(urls.paged(url, number), kind, title,
                       GroupsView(chunk, _pagination(pages, url, number, len(split))), template=GROUPS_TEMPLATE)
            for number, chunk in enumerate(split, start=1)]


def tree_pages(pages: LanguagePages, url: str, kind: str, title: str, tree: list[TreeNode],
               points: list[MapPoint]) -> list[PageModel]:
    """A hierarchy split by top-level branch; each page's map shows the places of its branches."""
    split = split_tree(tree)
    result = []
    for number, chunk in enumerate(split, start=1):
        shown = {link.url for node in chunk for link in tree_links(node)}
        view = TreeView(chunk, [point for point in points if point.url in shown],
                        _pagination(pages, url, number, len(split)))
        result.append(pages.page(urls.paged(url, number), kind, title, view))
    return result
