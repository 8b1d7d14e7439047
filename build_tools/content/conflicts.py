"""Merge conflicts git leaves in a file: reported at each marker line, before the file is parsed.

Editors commit through git; a conflict left unresolved would otherwise be published
(Markdown) or reported as a puzzling YAML syntax error on the line after the marker.
A marker is a line that starts with seven ``<``, ``|`` or ``>`` (git's "ours", base and
"theirs" markers) or is seven ``=`` alone (their separator). ``=======`` alone is also a
Markdown heading underline, so it counts only in a file with another marker.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"^(?:(<{7}|\|{7}|>{7})(?: .*)?|(={7}))$", re.MULTILINE)
_WHAT = {"<": "start of the version on this branch", "|": "start of the common ancestor",
         "=": "separator of the two versions", ">": "end of the other branch's version"}


def conflict_markers(text: str) -> list[tuple[int, str]]:
    """(line, what the marker is) of each conflict marker in ``text``."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text and "|||||||" not in text:
        return []
    found = []
    for match in _MARKER.finditer(text):
        marker = match.group(1) or match.group(2)
        found.append((text.count("\n", 0, match.start()) + 1, f"'{marker}' ({_WHAT[marker[0]]})"))
    return found
