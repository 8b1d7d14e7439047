"""Stage 4, the site as data: every page model, feed, data file and header, made from the
model alone (never from the files), in each language.

``pages`` makes the page models, one builder per page kind; ``assemble`` gathers every
file of the site; the rest are the machine-readable parts (feeds, open data, sitemap,
structured data, headers) and what rendered HTML goes through (``rendering``).
"""
