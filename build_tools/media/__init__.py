"""Photos and documents: what a file really is (read by its content, never its name), the
metadata it carries that could endanger the people in it or behind it, removing that
metadata, and the derivatives the site publishes instead of the original.

Used by the stages: ``checks.media`` reads and judges each declared file, ``resolve``
keeps what was read, ``site`` lists the derivatives, ``commands.strip`` strips files.
"""
