"""The one way content becomes a model: load → validate → resolve → check.

``load_briefing`` reads ``site_config/`` (``settings``), then the registries, resolved
and checked as a whole; then every article folder on its own, read, validated,
resolved and checked against them, in forked processes on large archives
(``parallel``), or only the folders that changed when a preview keeps an
``ArticleCache`` (``cache``). ``check_project`` is the same without keeping the model,
for ``briefing check``.
"""
