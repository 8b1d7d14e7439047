"""Photos and documents: what a file really is (read by its content, never its name), the
metadata it carries that could endanger the people in it or behind it, removing that
metadata, and the renditions the site publishes instead of the original.

Used by the stages: ``checks.media`` reads and judges each file of an article's folder,
``resolve.media`` keeps what was read, ``publish.media`` makes and caches what is
published, ``commands.strip`` strips files in place. It imports no stage itself.
"""
