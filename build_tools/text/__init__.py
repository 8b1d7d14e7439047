"""Rules about text, below every stage: Arabic characters and folding, finding names,
bidirectional isolation, invisible characters, the HTML a page may carry.

Pure functions on strings: nothing here knows the content model.
"""
