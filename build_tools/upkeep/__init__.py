"""Keeping a growing archive in order: listing what it holds, finding where an entry is
used, and renaming an id everywhere it is written."""
