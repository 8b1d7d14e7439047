"""The page models, in each language: ``model`` says what a page holds, ``context`` what
the builders of one language share, and one module per page kind builds its pages."""
