"""Splitting long listings into pages, so a page's weight stays bounded however large
the archive grows. Pure functions: what goes on which page, and the links between pages."""

from __future__ import annotations

import itertools

from .. import urls
from .model import Group, Link, Pagination, TreeNode

INDEX_PAGE_SIZE = 200
"""Links on one page of an index (actors, locations, sources, tags, archive)."""


def pagination(first: str, number: int, total: int, label: str) -> Pagination:
    """Page ``number`` of ``total`` of the listing that starts at ``first``, labelled ``label``."""
    return Pagination(urls.paged(first, number - 1) if number > 1 else None,
                      urls.paged(first, number + 1) if number < total else None, label)


def split_groups(groups: list[Group]) -> list[list[Group]]:
    """Groups of links, ``INDEX_PAGE_SIZE`` links a page, a group split across pages where it must
    (it then keeps its label on each); at least one (empty) page."""
    entries = [(group.label, link) for group in groups for link in group.links]
    size = INDEX_PAGE_SIZE
    chunks = [entries[start:start + size] for start in range(0, len(entries), size)]
    return [[Group(label, [link for _, link in run]) for label, run in itertools.groupby(chunk, key=_label)]
            for chunk in chunks or [[]]]


def _label(entry: tuple[str, Link]) -> str:
    return entry[0]


def tree_links(node: TreeNode) -> list[Link]:
    """The links of a node and of every node below it."""
    return [node.link, *(link for child in node.children for link in tree_links(child))]


def split_tree(tree: list[TreeNode]) -> list[list[TreeNode]]:
    """Whole top-level branches to a page, about ``INDEX_PAGE_SIZE`` entries each (a larger
    branch has a page of its own)."""
    chunks: list[list[TreeNode]] = [[]]
    filled = 0
    for node in tree:
        branch = len(tree_links(node))
        if chunks[-1] and filled + branch > INDEX_PAGE_SIZE:
            chunks.append([])
            filled = 0
        chunks[-1].append(node)
        filled += branch
    return chunks
