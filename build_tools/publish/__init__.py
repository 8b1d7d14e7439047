"""After rendering: the written site folder indexed for search (``search``), finished with
its sitemap and headers (``finishing``), checked for broken links (``linkcheck``) and
swapped in for the previous site only once complete (``output``)."""
