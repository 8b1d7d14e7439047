"""Translating articles and registry entries: recording what a translation was made
from, finding the original as it was then, and the handoff to translators' tools."""
