"""Stage 2, validating: the rules content must follow, with the file and line of each problem.

Documents are checked against their JSON Schema (``schemas``), every id they name
against the files that exist (``references``), Markdown against what a page may carry
(``markdown``); once resolved, the model as a whole (``entities``: cycles, shared names,
coordinates), each article (``articles``) and what its text names against what it lists
(``mentions``).
"""
