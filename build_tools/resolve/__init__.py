"""Stage 3, resolving: parsed documents that passed their schema become the typed model.

Values are read as what they mean (partial dates, coordinates, citations); a document
with schema errors is left out of the model, its id still known (``ContentFiles.ids``)
so that references to it are not reported a second time.
"""
