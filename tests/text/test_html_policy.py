"""The sanitizer every rendered text goes through."""

from __future__ import annotations

from build_tools.text.htmlpolicy import sanitize


def test_the_sanitizer_drops_scripts_and_styles_with_their_content_and_comments() -> None:
    assert sanitize("<p>a<script>steal()</script><style>p{}</style><!-- note -->b</p>") == "<p>ab</p>"
