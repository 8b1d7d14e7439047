"""Stage 1, loading: the files of ``content/`` and ``site_config/`` read and parsed.

Files are read as bytes and checked for what makes text unreadable or deceptive
(encoding, size, invisible characters); YAML is parsed strictly with the position of
every value; each article folder is read on its own. Nothing here knows a rule of the
content model beyond where files go: that is ``checks``.
"""
