"""Bilingual Arabic/English briefings: content model, validation and site generation.

Data flows one way: files are loaded (`loader`), checked against the JSON Schemas
(`schemas`), resolved into one typed in-memory model (`resolve`, `model`) and
cross-checked as a whole (`checks`). Nothing in this core imports MkDocs.
"""
