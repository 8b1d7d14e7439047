"""Bilingual Arabic/English briefings: content model, validation and site generation.

Data flows one way, and the sub-packages are its stages:

1. ``content``: the files of content/ and site_config/ read and parsed;
2. ``checks``: every rule they must follow, with file and line;
3. ``resolve``: documents made into one typed model (``model``), orchestrated with the
   checks by ``pipeline``;
4. ``site``: page models, feeds and data files, made from the model alone;
5. ``mkdocs``: the adapter that renders them through MkDocs and Material (the only
   package importing MkDocs or Jinja); ``publish``: the written site indexed for
   search, finished and swapped in.

Under every stage: ``text`` (Arabic rules, names, bidi), ``i18n`` (a ``Locale`` per
language), ``languages`` and ``diagnostics``. ``commands`` and ``cli`` are the
``briefing`` command.
"""
