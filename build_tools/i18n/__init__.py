"""Writing for a reader of one language: interface strings, vocabulary labels, dates,
digits, sorting and direction, together on one ``Locale`` per language."""
