"""The briefing as one typed in-memory model: what page generation reads, never the files.

``kinds`` is the table of content kinds everything per kind is derived from;
``entities`` and ``articles`` are the things editors write; ``briefing`` holds them
all; ``settings`` is site_config/ made typed. Every entity keeps its ``origin`` (file
and positions of its values) so that checks run on the model still name the file and
line of a problem.
"""
